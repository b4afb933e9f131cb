// Screenshots of the console's main screens at 1440×900 in both languages, for docs/screenshots.
// Runs only when asked: LINGXI_SCREENSHOTS=docs/screenshots npx vitest run e2e/consoleScreenshots.test.ts
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../apps/server/src/testing/harness.ts';
import { ensureConsoleBuilt, hasChromium, launchChromium, logIn, root, type Locale } from './consoleSupport.ts';

const target = process.env.LINGXI_SCREENSHOTS ? join(root, process.env.LINGXI_SCREENSHOTS) : null;

describe.skipIf(!hasChromium || !target)('console screenshots (set LINGXI_SCREENSHOTS=docs/screenshots to write them)', () => {
  let app: TestApp;
  let browser: Browser;
  const conversations: Record<Locale, string> = { 'zh-CN': '', 'en-US': '' };

  async function customer(name: string, locale: Locale, lines: string[], email: string): Promise<{ id: string; token: string }> {
    const session = await app.call('POST', '/api/public/v1/sessions', { body: { name, locale, email } });
    for (const text of lines) await app.call('POST', '/api/public/v1/messages', { token: session.body.sessionToken, body: { text, clientMessageId: `s-${Math.random().toString(36).slice(2)}` } });
    return { id: session.body.conversationId, token: session.body.sessionToken };
  }

  beforeAll(async () => {
    ensureConsoleBuilt();
    app = await startTestApp();
    browser = await launchChromium();
    const admin = app.adminToken;
    await app.call('POST', '/api/v1/users', { token: admin, body: { email: 'li.na@lingxi.local', name: '李娜', password: 'agent-password-1', role: 'agent' } });
    await app.call('POST', '/api/v1/users', { token: admin, body: { email: 'tom@lingxi.local', name: 'Tom Chen', password: 'agent-password-1', role: 'supervisor', locale: 'en-US' } });
    // The demo knowledge base, as a fresh install seeds it.
    const demo = readFileSync(join(root, 'apps/server/src/domains/knowledge/demo/ecommerce-after-sales.jsonl'), 'utf8');
    await app.call('POST', '/api/v1/knowledge/import', { token: admin, body: demo, headers: { 'content-type': 'application/x-ndjson' } });
    const zh = await customer('王小明', 'zh-CN', ['怎么退货？', '我的订单 202611210001 还没到，太慢了', '这都第三次问了，到底怎么回事！', '转人工'], 'xiaoming.wang@example.com');
    const en = await customer('Emma Wilson', 'en-US', ['How do I return an item?', 'My order 202611210002 has not arrived yet', 'This is ridiculous, I asked three times!', 'I want to talk to a human'], 'emma.wilson@example.com');
    await customer('陈静', 'zh-CN', ['运费怎么算？', '人工客服'], 'chenjing@example.com');
    await customer('赵磊', 'zh-CN', ['你们几点上班？'], 'zhaolei@example.com');
    for (const c of [zh, en]) {
      await app.call('POST', `/api/v1/conversations/${c.id}/accept`, { token: admin });
    }
    await app.call('POST', `/api/v1/conversations/${zh.id}/messages`, { token: admin, body: { text: '您好，我是客服，我来帮您查一下订单 202611210001 的物流。' } });
    await app.call('POST', `/api/v1/conversations/${zh.id}/messages`, { token: admin, body: { text: '客户第三次催单，情绪激动，优先处理并补偿运费券。', private: true } });
    await app.call('POST', `/api/v1/conversations/${en.id}/messages`, { token: admin, body: { text: 'Hi Emma, I am sorry for the wait. Let me check order 202611210002 for you.' } });
    await app.call('POST', `/api/v1/conversations/${en.id}/messages`, { token: admin, body: { text: 'Third follow-up; offer a shipping voucher.', private: true } });
    conversations['zh-CN'] = zh.id;
    conversations['en-US'] = en.id;
    mkdirSync(target!, { recursive: true });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  async function shoot(page: Page, name: string, locale: Locale): Promise<void> {
    await page.waitForLoadState('networkidle').catch(() => undefined);
    await page.waitForTimeout(700); // transitions and the chart's first paint
    await page.screenshot({ path: join(target!, `console-${name}-${locale}.png`) });
  }

  it.each(['zh-CN', 'en-US'] as const)('main screens in %s', async (locale) => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(`${app.baseUrl}/console/login`);
    await page.getByRole('button').last().waitFor();
    await shoot(page, 'login', locale);
    await logIn(page, app.baseUrl, locale);

    await page.goto(`${app.baseUrl}/console/inbox/${conversations[locale]}?tab=all`);
    await page.getByRole('log').waitFor();
    await shoot(page, 'inbox', locale);

    await page.goto(`${app.baseUrl}/console/inbox?tab=unassigned`);
    await page.locator('.lx-inbox-item').first().click();
    await page.getByRole('log').waitFor();
    await shoot(page, 'queue', locale);

    await page.goto(`${app.baseUrl}/console/knowledge`);
    await page.locator('.ant-table-row').first().waitFor();
    await page.getByRole('searchbox').first().fill(locale === 'zh-CN' ? '退货' : 'return');
    await page.getByRole('searchbox').first().press('Enter');
    await page.waitForTimeout(500);
    await shoot(page, 'knowledge', locale);

    await page.locator('.ant-table-row a').first().click();
    await page.waitForURL(/\/console\/knowledge\/[0-9a-f-]{36}/);
    await page.locator('.lx-markdown').first().waitFor();
    await shoot(page, 'knowledge-editor', locale);

    await page.goto(`${app.baseUrl}/console/settings/users`);
    await page.getByRole('cell', { name: 'li.na@lingxi.local' }).waitFor();
    await shoot(page, 'users', locale);

    await page.goto(`${app.baseUrl}/console/settings/audit`);
    await page.locator('.ant-table-row').first().waitFor();
    await shoot(page, 'audit', locale);

    await page.goto(`${app.baseUrl}/console/settings/bot`);
    await page.locator('.lx-bot-scale').waitFor();
    await shoot(page, 'bot-settings', locale);

    await page.goto(`${app.baseUrl}/console/account`);
    await shoot(page, 'account', locale);
    await context.close();
    expect(true).toBe(true);
  }, 120_000);
});
