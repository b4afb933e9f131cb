// Admin screens of routing in a real browser: routing settings with a server problem on its field,
// teams, an agent's capacity/skills/teams, canned responses, and the supervisor view updating live.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../apps/server/src/testing/harness.ts';
import { CHROMIUM, ensureConsoleBuilt, hasChromium, launchChromium, logIn } from './consoleSupport.ts';

describe.skipIf(!hasChromium)(`console routing settings and supervisor view (${hasChromium ? CHROMIUM : 'skipped: /usr/bin/chromium missing — apt-get install -y chromium fonts-noto-cjk'})`, () => {
  let app: TestApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const errors: string[] = [];
  let agentId = '';
  let agentToken = '';

  beforeAll(async () => {
    ensureConsoleBuilt();
    app = await startTestApp();
    const created = await app.call('POST', '/api/v1/users', { token: app.adminToken, body: { email: 'lina@lingxi.local', name: '李娜', password: 'agent-password-1', role: 'agent' } });
    agentId = created.body.user.id;
    agentToken = await app.login('lina@lingxi.local', 'agent-password-1');
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (error) => errors.push(error.message));
    await logIn(page, app.baseUrl, 'zh-CN');
  }, 180_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await app?.close();
  });

  it('routing: an interval ending before it starts is refused on its field; a fixed schedule with a holiday is saved', async () => {
    await page.getByRole('link', { name: '分配与营业时间' }).click();
    await page.getByLabel('接入时限（秒）').fill('45');
    const sunday = page.getByRole('switch', { name: '周日' });
    if (await sunday.isChecked()) await sunday.click();
    await sunday.click();
    await page.getByLabel('周日 开始 HH:MM').fill('18:00');
    await page.getByLabel('周日 结束 HH:MM').fill('09:00');
    await page.getByRole('button', { name: /保\s?存/ }).click();
    // The server's refusal lands under the end of that interval.
    await page.getByText('结束时间必须晚于开始时间').waitFor();
    await page.getByLabel('周日 开始 HH:MM').fill('10:00');
    await page.getByLabel('周日 结束 HH:MM').fill('16:00');
    const holidays = page.getByLabel('节假日（全天休息）');
    await holidays.fill('2026-10-01');
    await holidays.press('Enter');
    await page.getByRole('button', { name: /保\s?存/ }).click();
    await page.getByText('分配规则已保存').waitFor();
    const saved = (await app.call('GET', '/api/v1/settings/routing', { token: app.adminToken })).body.settings;
    expect(saved.acceptSeconds).toBe(45);
    expect(saved.businessHours.weekly['0']).toEqual([['10:00', '16:00']]);
    expect(saved.businessHours.holidays).toContain('2026-10-01');
    // Back to always open, so the queue below is not sent to leave-a-message on a closed day.
    const always = Object.fromEntries(['0', '1', '2', '3', '4', '5', '6'].map((d) => [d, [['00:00', '24:00']]]));
    await app.call('PUT', '/api/v1/settings/routing', { token: app.adminToken, body: { businessHours: { ...saved.businessHours, weekly: always, holidays: [] } } });
  });

  it('teams and agents: create a team, give an agent capacity, a skill with its level and the team', async () => {
    await page.getByRole('link', { name: '团队' }).click();
    await page.getByRole('button', { name: /新建团队/ }).click();
    await page.getByRole('dialog').getByLabel('团队名称').fill('售后组');
    await page.getByRole('dialog').getByRole('button', { name: /创\s?建/ }).click();
    await page.getByRole('cell', { name: '售后组' }).waitFor();

    await page.getByRole('link', { name: '坐席', exact: true }).click();
    await page.getByRole('button', { name: '编辑 李娜' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('接待上限').fill('3');
    await dialog.getByRole('button', { name: /添加技能/ }).click();
    await dialog.getByLabel('技能名称').fill('退货');
    await dialog.getByLabel('等级 1–5').fill('4');
    await dialog.getByLabel('团队').click();
    await page.locator('.ant-select-dropdown .ant-select-item-option', { hasText: '售后组' }).click();
    await dialog.locator('.ant-modal-title').click(); // a multiple select stays open after a choice
    await dialog.getByRole('button', { name: /保\s?存/ }).click();
    await page.getByText('已保存 李娜 的设置').waitFor();
    await page.getByRole('cell', { name: '退货 · 4' }).waitFor();
    const agent = (await app.call('GET', '/api/v1/agents', { token: app.adminToken })).body.agents.find((a: { userId: string }) => a.userId === agentId);
    expect(agent).toMatchObject({ capacity: 3, skills: { 退货: 4 }, teamIds: [expect.any(String)] });
  });

  it('canned responses: a bad shortcut is refused on its field, a good one is listed', async () => {
    await page.getByRole('link', { name: '快捷回复' }).click();
    await page.getByText('还没有快捷回复').waitFor();
    await page.getByRole('button', { name: /新建快捷回复/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('快捷词').fill('退 款');
    await dialog.getByLabel('标题').fill('退款时效');
    await dialog.getByLabel('中文内容').fill('您好{{customer.name}}，退款 1–3 个工作日到账。');
    await dialog.getByRole('button', { name: /保\s?存/ }).click();
    await dialog.getByText('只能用字母、数字、_ 和 -（在 / 之后输入）').waitFor();
    await dialog.getByLabel('快捷词').fill('refund');
    await dialog.getByRole('button', { name: /保\s?存/ }).click();
    await page.getByRole('cell', { name: '/refund', exact: true }).waitFor();
    await page.getByRole('cell', { name: 'customer.name', exact: true }).waitFor();
  });

  it('supervisor view: a customer waiting shows up live and is assigned from the queue', async () => {
    await app.call('PUT', '/api/v1/agents/me/presence', { token: agentToken, body: { status: 'away' } });
    await page.getByRole('link', { name: '坐席监控' }).click();
    const queue = page.getByRole('region', { name: /排队中/ });
    await queue.getByText('没有排队的客户').waitFor();
    const session = await app.call('POST', '/api/public/v1/sessions', { body: { name: '陈静', locale: 'zh-CN' } });
    await app.call('POST', '/api/public/v1/messages', { token: session.body.sessionToken, body: { text: '转人工', clientMessageId: 'sv-1' } });
    await queue.getByRole('link', { name: '陈静' }).waitFor(); // no reload: the socket brought it
    await queue.getByLabel('分配给… 陈静').click();
    await page.locator('.ant-select-dropdown .ant-select-item-option', { hasText: '李娜' }).click();
    await page.getByText('已分配给 李娜').waitFor();
    await queue.getByText('没有排队的客户').waitFor();
    const after = await app.call('GET', `/api/v1/conversations/${session.body.conversationId}`, { token: app.adminToken });
    expect(after.body.conversation).toMatchObject({ status: 'assigned', assigneeId: agentId });

    // In progress, with its agent; a supervisor hands it to someone else from the same screen.
    await app.call('PUT', '/api/v1/agents/me/presence', { token: app.adminToken, body: { status: 'away' } });
    await page.getByRole('region', { name: /^坐席/ }).getByRole('row', { name: /Admin.*离开/ }).waitFor();
    const working = page.getByRole('region', { name: /处理中/ });
    await working.getByRole('row', { name: /陈静.*李娜/ }).waitFor();
    await working.getByLabel('分配给… 陈静').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: 'Admin' }).click();
    await working.getByRole('row', { name: /陈静.*Admin/ }).waitFor();
    const moved = await app.call('GET', `/api/v1/conversations/${session.body.conversationId}`, { token: app.adminToken });
    expect(moved.body.conversation.assigneeId).not.toBe(agentId);
    expect(errors).toEqual([]);
  });
});
