// An agent's core loop in the console: a customer asks for a person, the agent picks it up with the
// handoff package in view, replies, leaves a private note, sees the customer live, and resolves.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { startTestApp, type TestApp } from '../apps/server/src/testing/harness.ts';
import { CHROMIUM, ensureConsoleBuilt, hasChromium, launchChromium, logIn } from './consoleSupport.ts';

type Message = { author: string; text: string };

describe.skipIf(!hasChromium)(`console inbox in a real browser (${hasChromium ? CHROMIUM : 'skipped: /usr/bin/chromium missing — apt-get install -y chromium fonts-noto-cjk'})`, () => {
  let app: TestApp;
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    ensureConsoleBuilt();
    app = await startTestApp();
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  }, 180_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await app?.close();
  });

  async function customerSays(token: string, text: string): Promise<void> {
    const sent = await app.call('POST', '/api/public/v1/messages', { token, body: { text, clientMessageId: `m-${Math.random().toString(36).slice(2)}` } });
    expect(sent.status).toBe(200);
  }

  it('takes a handed-off conversation from the queue to resolved', async () => {
    const session = await app.call('POST', '/api/public/v1/sessions', { body: { name: '王小明', email: 'xm@example.com', locale: 'zh-CN' } });
    expect(session.status).toBe(201);
    const customer = session.body.sessionToken as string;
    await customerSays(customer, '我的订单 202611210001 还没到');
    await customerSays(customer, '转人工');

    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await logIn(page, app.baseUrl, 'zh-CN');

    await page.getByRole('tab', { name: '全部' }).click();
    await page.getByRole('link', { name: /王小明/ }).click();
    await page.waitForURL(/\/console\/inbox\/[0-9a-f-]{36}/);

    // The handoff package is at the top, the bot's part of the transcript below it.
    const handoff = page.getByRole('region', { name: '转接信息' });
    await handoff.getByText('客户要求转人工').waitFor();
    await handoff.getByText(/202611210001/).first().waitFor();
    const transcript = page.getByRole('log');
    await transcript.getByText('我的订单 202611210001 还没到').waitFor();
    await transcript.getByText('机器人').first().waitFor();

    // Accept with the keyboard shortcut unless routing already gave it to us.
    const accept = page.getByRole('button', { name: '接入' });
    if (await accept.isVisible()) {
      await page.keyboard.press('a');
      await accept.waitFor({ state: 'hidden' });
    }
    await page.getByRole('button', { name: '解决' }).waitFor();

    // Accepting puts the cursor in the reply box; Esc leaves it, r comes back, Enter sends.
    await page.keyboard.press('Escape');
    await page.keyboard.press('r');
    await page.keyboard.type('您好，我是客服李娜，我来帮您查一下订单。');
    await page.keyboard.press('Enter');
    await transcript.getByText('您好，我是客服李娜，我来帮您查一下订单。').waitFor();

    // n turns the box into an internal note; the customer never sees it.
    await page.keyboard.press('Escape');
    await page.keyboard.press('n');
    await page.keyboard.type('客户第二次催单，优先处理');
    await page.keyboard.press('Enter');
    const note = page.locator('.lx-msg.note', { hasText: '客户第二次催单，优先处理' });
    await note.waitFor();

    const seen = await app.call('GET', '/api/public/v1/messages', { token: customer });
    const texts = (seen.body.messages as Message[]).map((m) => m.text);
    expect(texts).toContain('您好，我是客服李娜，我来帮您查一下订单。');
    expect(texts).not.toContain('客户第二次催单，优先处理');

    // The customer writes back: it shows up live, without a reload.
    await customerSays(customer, '好的，谢谢');
    await transcript.getByText('好的，谢谢').waitFor();

    // e opens the resolve dialog: how it ended and what it was about, then Ctrl+Enter.
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('e');
    const resolve = page.getByRole('dialog').filter({ hasText: '解决会话' });
    await resolve.getByLabel('处理结果').click();
    await page.getByTitle('已解决', { exact: true }).click();
    await resolve.getByLabel('标签').fill('物流');
    await page.keyboard.press('Enter');
    // The note @mentions like the reply box does.
    await resolve.getByLabel('内部备注').click();
    await page.keyboard.type('已催仓库 @ad');
    await page.getByTestId('mention-picker').getByText('@Admin').waitFor();
    await page.keyboard.press('Enter');
    expect(await resolve.getByLabel('内部备注').inputValue()).toBe('已催仓库 @Admin ');
    await resolve.getByRole('button', { name: /^解\s?决$/ }).click();
    await resolve.waitFor({ state: 'hidden' });
    await page.getByRole('banner').or(page.locator('.lx-thread-head')).getByText('已解决').first().waitFor();
    await page.getByTestId('conversation-disposition').getByText('结果：已解决').waitFor();
    await page.getByTestId('conversation-tags').getByText('物流').waitFor();
    // Its row in the list says how it ended and what it was about.
    const row = page.getByRole('link', { name: /王小明/ });
    await row.getByTestId('inbox-disposition').getByText('已解决').waitFor();
    await row.getByText('物流').waitFor();
    expect(pageErrors).toEqual([]);
  });

  it('hands a conversation to a team with a note for colleagues', async () => {
    const team = await app.call('POST', '/api/v1/teams', { token: app.adminToken, body: { name: '售后组' } });
    expect(team.status).toBe(201);
    const session = await app.call('POST', '/api/public/v1/sessions', { body: { name: '陈静', email: 'cj@example.com', locale: 'zh-CN' } });
    await customerSays(session.body.sessionToken, '人工客服');
    const id = session.body.conversationId as string;
    await app.call('POST', `/api/v1/conversations/${id}/accept`, { token: app.adminToken });

    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await logIn(page, app.baseUrl, 'zh-CN'); // the token lives per tab (sessionStorage)
    await page.goto(`${app.baseUrl}/console/inbox/${id}?tab=mine`);
    await page.getByRole('log').waitFor();
    await page.getByRole('button', { name: /转交/ }).click();
    await page.getByRole('menuitem', { name: '转接' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('团队', { exact: true }).click();
    await dialog.getByRole('combobox').click();
    await page.getByTitle('售后组').click();
    await dialog.getByLabel('给同事的备注').fill('客户要开专票，请财务同事跟进');
    await dialog.getByRole('button', { name: /^转\s?接$/ }).click();
    await dialog.waitFor({ state: 'hidden' });

    const after = await app.call('GET', `/api/v1/conversations/${id}`, { token: app.adminToken });
    expect(after.body.conversation.status).toBe('queued');
    expect(after.body.messages.some((m: { private: boolean; text: string }) => m.private && m.text.includes('客户要开专票'))).toBe(true);
  });
});
