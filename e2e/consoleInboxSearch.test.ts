// The inbox's search and filters, and @mentions in notes, in a real browser: the agent finds a customer
// by what they wrote, the filters survive a reload, and a colleague mentioned in a note is told live.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../apps/server/src/testing/harness.ts';
import { CHROMIUM, ensureConsoleBuilt, hasChromium, launchChromium, logIn } from './consoleSupport.ts';

describe.skipIf(!hasChromium)(`console inbox search and mentions (${hasChromium ? CHROMIUM : 'skipped: /usr/bin/chromium missing'})`, () => {
  let app: TestApp;
  let browser: Browser;
  let admin: BrowserContext;
  let colleague: BrowserContext;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    ensureConsoleBuilt();
    app = await startTestApp({ config: { LINGXI_SEED_DEMO: 'false' } });
    browser = await launchChromium();
    admin = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    colleague = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
  }, 180_000);
  afterAll(async () => {
    await admin?.close();
    await colleague?.close();
    await browser?.close();
    await app?.close();
  });

  async function customer(name: string, text: string): Promise<string> {
    const session = await app.call('POST', '/api/public/v1/sessions', { body: { name, locale: 'zh-CN' } });
    await app.call('POST', '/api/public/v1/messages', { token: session.body.sessionToken, body: { text, clientMessageId: `m-${Math.random().toString(36).slice(2)}` } });
    await app.call('POST', '/api/public/v1/conversation/handoff', { token: session.body.sessionToken, body: {} });
    return session.body.conversationId as string;
  }
  async function open(context: BrowserContext, credentials?: { email: string; password: string }): Promise<Page> {
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await logIn(page, app.baseUrl, 'zh-CN', credentials);
    return page;
  }

  it('searches with / and filters, keeps them in the URL, and says what to do when nothing matches', async () => {
    await customer('赵六', '发票抬头写错了，能重开吗');
    await customer('钱七', '快递到哪了');
    const page = await open(admin);
    await page.getByRole('tab', { name: '全部' }).click();
    const list = page.getByRole('region', { name: '会话列表' });
    await list.getByText('钱七').waitFor();

    await page.keyboard.press('/');
    await page.keyboard.type('发票');
    await page.waitForURL(/q=%E5%8F%91%E7%A5%A8/);
    await list.getByText('钱七').waitFor({ state: 'hidden' });
    await list.getByText('赵六').waitFor();

    // A reload shows the same list, search box included.
    await page.reload();
    await list.getByText('赵六').waitFor();
    expect(await page.getByTestId('inbox-search').inputValue()).toBe('发票');
    expect(await list.getByText('钱七').count()).toBe(0);

    // Narrow to nothing: the list says so and offers to clear the filters.
    await page.getByLabel('渠道').click();
    await page.getByTitle('App', { exact: true }).click();
    await list.getByText('没有符合条件的会话').waitFor();
    await list.getByRole('button', { name: '清除筛选' }).click();
    await list.getByText('钱七').waitFor();
    expect(page.url()).not.toContain('q=');
  });

  it('@mentions a colleague in a note: autocomplete, highlight, a live notification that opens the conversation', async () => {
    const created = await app.call('POST', '/api/v1/users', { token: app.adminToken, body: { email: 'lina@shop.test', name: '李娜', password: 'agent-password-1', role: 'agent' } });
    expect(created.status).toBe(201);
    const id = await customer('孙八', '我要退款');
    expect((await app.call('POST', `/api/v1/conversations/${id}/accept`, { token: app.adminToken })).status).toBe(200);

    const lina = await open(colleague, { email: 'lina@shop.test', password: 'agent-password-1' });
    const bell = lina.getByTestId('mention-bell');
    await bell.waitFor();

    const page = await open(admin);
    await page.goto(`${app.baseUrl}/console/inbox/${id}?tab=mine`);
    await page.getByRole('log').getByText('我要退款').waitFor();
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('n');
    await page.keyboard.type('请 @李');
    const picker = page.getByTestId('mention-picker');
    await picker.getByText('@李娜').waitFor();
    await page.keyboard.press('Enter');
    await page.keyboard.type('帮忙看下退款');
    expect(await page.getByTestId('reply-box').inputValue()).toBe('请 @李娜 帮忙看下退款');
    await page.keyboard.press('Enter');
    const note = page.locator('.lx-msg.note', { hasText: '帮忙看下退款' });
    await note.locator('.lx-mention', { hasText: '@李娜' }).waitFor();

    // 李娜 is told wherever she is, and the bell counts it.
    await lina.getByText('在备注里提到了你').waitFor();
    await bell.getByText('1').waitFor();
    await lina.getByRole('button', { name: '查看会话' }).click();
    await lina.waitForURL(new RegExp(`/console/inbox/${id}`));
    await lina.getByRole('log').locator('.lx-mention', { hasText: '@李娜' }).waitFor();
    // Opening the conversation read the mention.
    await bell.getByText('1').waitFor({ state: 'hidden' });
    expect((await app.call('GET', '/api/v1/mentions', { token: await app.login('lina@shop.test', 'agent-password-1') })).body.unread).toBe(0);
    expect(pageErrors).toEqual([]);
  });
});
