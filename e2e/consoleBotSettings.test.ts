// Settings → Bot & handoff in a real browser: a threshold and a trigger switch saved, a contradiction refused
// on its field in Chinese, and a supervisor who may tune the bot but not the order lookup address.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startTestApp, type TestApp } from '../apps/server/src/testing/harness.ts';
import { CHROMIUM, ensureConsoleBuilt, hasChromium, launchChromium, logIn } from './consoleSupport.ts';

describe.skipIf(!hasChromium)(`console bot settings (${hasChromium ? CHROMIUM : 'skipped: /usr/bin/chromium missing — apt-get install -y chromium fonts-noto-cjk'})`, () => {
  let app: TestApp;
  let browser: Browser;
  const errors: string[] = [];

  beforeAll(async () => {
    ensureConsoleBuilt();
    app = await startTestApp({ config: { LINGXI_SEED_DEMO: 'false' } });
    await app.call('POST', '/api/v1/users', { token: app.adminToken, body: { email: 'lead@lingxi.local', name: '组长', password: 'lead-password-1', role: 'supervisor' } });
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  async function signedIn(credentials?: { email: string; password: string }) {
    const context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, locale: 'zh-CN' });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (error) => errors.push(error.message));
    await logIn(page, app.baseUrl, 'zh-CN', credentials);
    await page.getByRole('link', { name: '机器人与转人工' }).click();
    await page.getByText('机器人何时作答').waitFor();
    return { context, page };
  }

  it('saves only what changed, and refuses a contradiction on its field', async () => {
    const { context, page } = await signedIn();
    await page.getByText('当前全部为默认值').waitFor();
    await page.getByRole('spinbutton', { name: '连续问几次' }).fill('4');
    await page.getByRole('switch', { name: '客户情绪激动' }).click();
    await page.getByRole('button', { name: /保\s?存/ }).click();
    await page.getByText('已保存，新的设置从客户的下一条消息起生效').waitFor();
    const saved = (await app.call('GET', '/api/v1/settings/bot', { token: app.adminToken })).body.settings;
    expect(saved).toMatchObject({ repeatTimes: 4, answerConfidence: 0.45, triggers: { repeat: true, emotion: false, low_confidence: true } });
    await page.getByText('已关闭：这个条件不会转人工').waitFor();

    // "Not understood" above "answered" is refused, on the field, in Chinese.
    await page.getByRole('spinbutton', { name: '直接回答的置信度' }).fill('20');
    await page.getByRole('button', { name: /保\s?存/ }).click();
    await page.getByText('不能低于“没听懂”的置信度（0.3）').waitFor();
    expect((await app.call('GET', '/api/v1/settings/bot', { token: app.adminToken })).body.settings.answerConfidence).toBe(0.45);
    await page.getByRole('button', { name: /还\s?原/ }).click();
    expect(await page.getByRole('spinbutton', { name: '直接回答的置信度' }).inputValue()).toBe('45');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a supervisor tunes the bot but cannot change the order lookup address', async () => {
    const { context, page } = await signedIn({ email: 'lead@lingxi.local', password: 'lead-password-1' });
    await expect.poll(() => page.getByLabel('订单查询地址').isDisabled()).toBe(true);
    await page.getByRole('switch', { name: 'VIP 客户直接转人工' }).click();
    await page.getByRole('button', { name: /保\s?存/ }).click();
    await page.getByText('已保存，新的设置从客户的下一条消息起生效').waitFor();
    expect((await app.call('GET', '/api/v1/settings/bot', { token: app.adminToken })).body.settings.vipGetsHuman).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });
});
