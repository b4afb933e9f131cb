// Screenshots of the live wall and the reports (issue 6), for docs/screenshots, over a week of real conversations
// driven through the public and agent API on a server clock that walks through the week.
// Runs only when asked: LINGXI_SCREENSHOTS=docs/screenshots npx vitest run e2e/analyticsScreenshots.test.ts
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../apps/server/src/testing/harness.ts';
import { seedDemoKnowledge } from '../apps/server/src/domains/knowledge/index.ts';
import { ensureConsoleBuilt, hasChromium, launchChromium, logIn, root, type Locale } from './consoleSupport.ts';

const target = process.env.LINGXI_SCREENSHOTS ? join(root, process.env.LINGXI_SCREENSHOTS) : null;
const HOUR = 3_600_000;

describe.skipIf(!hasChromium || !target)('analytics screenshots (set LINGXI_SCREENSHOTS=docs/screenshots to write them)', () => {
  let app: TestApp;
  let browser: Browser;
  let seq = 0;
  const realNow = Date.now();
  const clock = () => app.clock as unknown as { set(d: Date): void };
  const questions = ['怎么退货？', '退款多久到账？', '付款失败怎么办？', '怎么开发票？', '运费怎么算？', 'How do I return an item?', '怎么修改收货地址？', '会员怎么取消自动续费？', '退款多久到账？', '怎么退货？'];

  async function conversation(at: number, plan: 'bot' | 'human' | 'queued', text: string, agent: string, csat?: number) {
    clock().set(new Date(at));
    const s = await app.call('POST', '/api/public/v1/sessions', { body: { name: `客户${++seq}`, channel: seq % 4 === 0 ? 'app' : 'web' } });
    const token = s.body.sessionToken as string;
    const reply = await app.call('POST', '/api/public/v1/messages', { token, body: { text, clientMessageId: `s${seq}` } });
    const first = reply.body.replies?.[0];
    if (first?.kind === 'answer') await app.call('POST', `/api/public/v1/messages/${first.id}/feedback`, { token, body: { helpful: seq % 5 !== 0 } });
    if (plan === 'bot') return;
    clock().set(new Date(at + 20_000));
    await app.call('POST', '/api/public/v1/messages', { token, body: { text: seq % 3 === 0 ? '你们这服务太差了！！气死我了！！' : '转人工', clientMessageId: `s${seq}b` } });
    if (plan === 'queued') return;
    clock().set(new Date(at + 20_000 + (30 + (seq % 7) * 25) * 1000));
    await app.call('POST', `/api/v1/conversations/${s.body.conversationId}/accept`, { token: agent });
    clock().set(new Date(at + 80_000 + (seq % 5) * 15_000));
    await app.call('POST', `/api/v1/conversations/${s.body.conversationId}/messages`, { token: agent, body: { text: '您好，我来帮您处理。' } });
    clock().set(new Date(at + 300_000 + (seq % 9) * 40_000));
    await app.call('POST', `/api/v1/conversations/${s.body.conversationId}/resolve`, { token: agent });
    if (csat) await app.call('POST', '/api/public/v1/conversation/csat', { token, body: { score: csat } });
    // Most of those who rated also say whether they would recommend us (0–10), roughly in line with their rating.
    if (csat && seq % 3 !== 0) await app.call('POST', '/api/public/v1/conversation/nps', { token, body: { score: Math.min(10, csat * 2 + (seq % 2)) } });
  }

  beforeAll(async () => {
    ensureConsoleBuilt();
    app = await startTestApp({ fixedNow: new Date(realNow - 6 * 24 * HOUR) });
    browser = await launchChromium();
    await seedDemoKnowledge(app.app.knowledge, { workspaceId: app.workspaceId });
    await app.db.sql.execute(sql`update workspaces set settings = jsonb_set(settings, '{analytics}', ${JSON.stringify({ queueLengthAlert: 3, longestWaitAlertSeconds: 600 })}::jsonb) where id = ${app.workspaceId}`);
    const created = await app.call('POST', '/api/v1/users', { token: app.adminToken, body: { email: 'li.na@lingxi.local', name: '李娜', password: 'agent-password-1', role: 'agent' } });
    await app.call('PUT', `/api/v1/agents/${created.body.user.id}`, { token: app.adminToken, body: { capacity: 4 } });
    let agent = '';
    // A week of working hours: more in the late morning and evening, a person for one in four.
    for (let day = 6; day >= 1; day--) {
      clock().set(new Date(realNow - day * 24 * HOUR - 2 * HOUR));
      agent = await app.login('li.na@lingxi.local', 'agent-password-1'); // a fresh session each day of the walk
      for (const hour of [9, 10, 11, 14, 16, 20, 21]) {
        const at = new Date(realNow - day * 24 * HOUR);
        at.setHours(hour, (day * 7 + hour) % 50, 0, 0);
        const n = hour === 10 || hour === 20 ? 3 : 1;
        for (let i = 0; i < n; i++) await conversation(at.getTime() + i * 600_000, (day + hour + i) % 4 === 0 ? 'human' : 'bot', questions[(day * 3 + hour + i) % questions.length]!, agent, 2 + ((day + i) % 4));
      }
    }
    // Today: a surge of payment failures, people waiting, an agent online.
    clock().set(new Date(realNow - 2 * HOUR));
    agent = await app.login('li.na@lingxi.local', 'agent-password-1');
    await app.call('PUT', '/api/v1/agents/me/presence', { token: agent, body: { status: 'online' } });
    for (let i = 0; i < 4; i++) await conversation(realNow - (90 - i * 20) * 60_000, i % 2 ? 'human' : 'bot', questions[i]!, agent, 4 + (i % 2));
    for (const [i, text] of ['支付失败了', '付款一直失败', '付不了款', '支付不成功', '付款失败怎么办', '支付失败了怎么回事'].entries()) await conversation(realNow - (9 - i) * 60_000, 'bot', text, agent);
    for (let i = 0; i < 4; i++) await conversation(realNow - (8 - i) * 60_000, 'queued', questions[i + 4]!, agent);
    clock().set(new Date(realNow));
    await app.app.dispatcher.drain();
    await app.call('GET', '/api/v1/analytics/live', { token: await app.login('admin@lingxi.local', 'admin-password-1') });
    await new Promise((r) => setTimeout(r, 1500));
    mkdirSync(target!, { recursive: true });
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  async function shoot(page: Page, name: string): Promise<void> {
    await page.waitForLoadState('networkidle').catch(() => undefined);
    await page.waitForTimeout(1200); // the charts' first paint
    await page.screenshot({ path: join(target!, `${name}.png`) });
  }

  it.each(['zh-CN', 'en-US'] as const)('the wall and the reports in %s', async (locale: Locale) => {
    const context = await browser.newContext({ viewport: { width: 1600, height: 1000 }, locale });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    await logIn(page, app.baseUrl, locale);
    await page.goto(`${app.baseUrl}/console/dashboard`);
    await page.locator('.lx-tile').first().waitFor();
    await shoot(page, `dashboard-${locale}`);
    await page.locator('.lx-wall-status button').click();
    await page.waitForTimeout(500);
    await shoot(page, `dashboard-wall-${locale}`);

    await page.goto(`${app.baseUrl}/console/reports`);
    await page.locator('.lx-tile').first().waitFor();
    await shoot(page, `reports-overview-${locale}`);
    for (const tab of ['volume', 'intents', 'heatmap', 'paths'] as const) {
      await page.getByRole('tab').nth(['overview', 'volume', 'resolution', 'response_times', 'emotion', 'abandonment', 'intents', 'paths', 'heatmap'].indexOf(tab)).click();
      await page.locator('.lx-panel .ant-table').first().waitFor();
      await shoot(page, `reports-${tab}-${locale}`);
    }
    await context.close();
  }, 180_000);
});
