// Settings → Reports & alerts in a real browser (a change saved, a bad currency refused on its field in Chinese),
// and NPS where supervisors look: a tile on the live wall, the score and its three groups in the reports overview.
// LINGXI_SCREENSHOTS=docs/screenshots also writes the screens in zh-CN and en-US.
import { mkdirSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../apps/server/src/testing/harness.ts';
import { CHROMIUM, ensureConsoleBuilt, hasChromium, launchChromium, logIn, root, type Locale } from './consoleSupport.ts';

const shots = process.env.LINGXI_SCREENSHOTS ? (isAbsolute(process.env.LINGXI_SCREENSHOTS) ? process.env.LINGXI_SCREENSHOTS : join(root, process.env.LINGXI_SCREENSHOTS)) : null;

describe.skipIf(!hasChromium)(`console reports & alerts settings and NPS (${hasChromium ? CHROMIUM : 'skipped: /usr/bin/chromium missing'})`, () => {
  let app: TestApp;
  let browser: Browser;
  const errors: string[] = [];

  beforeAll(async () => {
    ensureConsoleBuilt();
    app = await startTestApp({ config: { LINGXI_SEED_DEMO: 'false' } });
    browser = await launchChromium();
    // Today's customers answer "would you recommend us": 10, 9, 9, 8, 6, 2 → (3 − 2) / 6 = +17.
    for (const score of [10, 9, 9, 8, 6, 2]) {
      const session = await app.call('POST', '/api/public/v1/sessions', { body: {} });
      await app.call('POST', '/api/public/v1/conversation/nps', { token: session.body.sessionToken, body: { score } });
    }
    await app.app.dispatcher.drain();
    if (shots) mkdirSync(shots, { recursive: true });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  async function open(locale: Locale) {
    const context = await browser.newContext({ viewport: { width: 1440, height: 1100 }, locale });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (error) => errors.push(error.message));
    await logIn(page, app.baseUrl, locale);
    return { context, page };
  }
  async function shoot(page: Page, name: string) {
    if (!shots) return;
    await page.waitForTimeout(800); // the charts' first paint
    await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
  }

  it('saves only what changed, and puts the server’s problem on its field in Chinese', async () => {
    const { context, page } = await open('zh-CN');
    await page.getByRole('link', { name: '报表与告警' }).click();
    await page.getByText('当前全部为默认值').waitFor();
    await page.getByText('规则：某个问题在最近 10 分钟内被问到至少 5 次').waitFor();
    await shoot(page, 'console-analytics-settings-zh-CN');
    await page.getByRole('spinbutton', { name: '机器人会话多久没动静算结束' }).fill('45');
    await page.getByRole('spinbutton', { name: '至少被问到' }).fill('8');
    await page.getByText('规则：某个问题在最近 10 分钟内被问到至少 8 次').waitFor();
    await page.getByRole('button', { name: /保\s?存/ }).click();
    await page.getByText('已保存：实时监控、告警和报表马上按新设置计算').waitFor();
    const saved = (await app.call('GET', '/api/v1/settings/analytics', { token: app.adminToken })).body.settings;
    expect(saved).toMatchObject({ idleMinutes: 45, timezone: 'Asia/Shanghai', surge: { minCount: 8, ratio: 3 } });

    await page.getByRole('combobox', { name: '货币' }).fill('yuan');
    await page.getByRole('button', { name: /保\s?存/ }).click();
    await page.getByText('应为三个大写字母的货币代码，如 CNY').waitFor();
    expect((await app.call('GET', '/api/v1/settings/analytics', { token: app.adminToken })).body.settings.currency).toBe('CNY');
    await page.getByRole('button', { name: /还\s?原/ }).click();
    expect(await page.getByRole('combobox', { name: '货币' }).inputValue()).toBe('CNY');
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);

  it.each(['zh-CN', 'en-US'] as const)('shows NPS on the wall and in the reports overview (%s)', async (locale) => {
    const { context, page } = await open(locale);
    await page.goto(`${app.baseUrl}/console/dashboard`);
    await expect.poll(() => page.locator('[data-figure="npsScore"] .lx-tile-value').textContent()).toBe('+17 (6)');
    await shoot(page, `dashboard-nps-${locale}`);
    await page.goto(`${app.baseUrl}/console/reports`);
    const panel = page.locator('[data-figure="nps"]');
    await panel.locator('svg').first().waitFor();
    expect(await panel.locator('h3').textContent()).toContain('+17');
    await shoot(page, `reports-overview-nps-${locale}`);
    if (locale === 'en-US') {
      await page.goto(`${app.baseUrl}/console/settings/analytics`);
      await page.getByText('Everything is at its default').or(page.getByText('Surges')).first().waitFor();
      await shoot(page, 'console-analytics-settings-en-US');
    }
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);
});
