// The console in a real browser against the real server: an admin's first day.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../apps/server/src/testing/harness.ts';
import { CHROMIUM, ensureConsoleBuilt, hasChromium, LABELS, launchChromium, logIn } from './consoleSupport.ts';

const zh = LABELS['zh-CN'];
const en = LABELS['en-US'];

describe.skipIf(!hasChromium)(`console in a real browser (${hasChromium ? CHROMIUM : 'skipped: /usr/bin/chromium missing — apt-get install -y chromium fonts-noto-cjk'})`, () => {
  let app: TestApp;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  async function newPage(locale: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale });
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    return page;
  }

  beforeAll(async () => {
    ensureConsoleBuilt();
    app = await startTestApp();
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await app?.close();
  });

  it('admin logs in, adds an agent, finds it in the audit log, switches to English and logs out', async () => {
    const page = await newPage('zh-CN');
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await logIn(page, app.baseUrl, 'zh-CN');

    // Settings → Users: admin sees the settings part of the navigation.
    const nav = page.getByRole('navigation');
    await nav.getByRole('link', { name: zh.users }).click();
    await page.waitForURL('**/console/settings/users');
    await page.getByRole('cell', { name: 'admin@lingxi.local' }).waitFor();

    await page.getByRole('button', { name: zh.addUser }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(zh.name).fill('李娜');
    await dialog.getByLabel(zh.email).fill('li.na@lingxi.local');
    await dialog.getByLabel(zh.initialPassword).fill('agent-password-1');
    await dialog.getByRole('button', { name: zh.create }).click();
    await page.getByRole('cell', { name: 'li.na@lingxi.local' }).waitFor();
    await dialog.waitFor({ state: 'hidden' });

    // The same email again: the server's problem lands on the email field.
    await page.getByRole('button', { name: zh.addUser }).click();
    await dialog.getByLabel(zh.name).fill('李娜二号');
    await dialog.getByLabel(zh.email).fill('li.na@lingxi.local');
    await dialog.getByLabel(zh.initialPassword).fill('agent-password-2');
    await dialog.getByRole('button', { name: zh.create }).click();
    await dialog.getByText(zh.emailTaken).waitFor();
    await page.keyboard.press('Escape');

    const created = await app.call('GET', '/api/v1/users?role=agent', { token: app.adminToken });
    expect(created.body.users.map((u: { email: string }) => u.email)).toEqual(['li.na@lingxi.local']);

    // Audit log: the creation is there, in local time, with who did it.
    await nav.getByRole('link', { name: zh.audit }).click();
    await page.waitForURL('**/console/settings/audit');
    const row = page.getByRole('row').filter({ hasText: 'li.na@lingxi.local' }).filter({ hasText: zh.userCreated });
    await row.waitFor();
    expect(await row.textContent()).toContain('admin@lingxi.local');

    // English: labels switch at once and the choice survives a reload.
    await page.getByRole('banner').getByText('EN', { exact: true }).click();
    await page.getByRole('heading', { name: en.audit }).waitFor();
    await nav.getByRole('link', { name: en.users }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: en.audit }).waitFor();
    await page.getByRole('row').filter({ hasText: en.userCreated }).first().waitFor();

    // Log out from the user menu.
    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: en.logout }).click();
    await page.waitForURL('**/console/login**');
    await page.getByText(en.loginTitle).waitFor();
    expect(pageErrors).toEqual([]);
  });

  it('an agent sees the inbox and knowledge but not the settings', async () => {
    await app.call('POST', '/api/v1/users', { token: app.adminToken, body: { email: 'wang@lingxi.local', name: '王芳', password: 'agent-password-3', role: 'agent' } });
    const page = await newPage('zh-CN');
    await logIn(page, app.baseUrl, 'zh-CN', { email: 'wang@lingxi.local', password: 'agent-password-3' });
    const nav = page.getByRole('navigation');
    await nav.getByRole('link', { name: zh.knowledge }).waitFor();
    expect(await nav.getByRole('link', { name: zh.users }).count()).toBe(0);
    expect(await nav.getByRole('link', { name: zh.audit }).count()).toBe(0);
    await page.goto(`${app.baseUrl}/console/settings/audit`);
    await page.getByText('页面不存在').waitFor();
  });

  it('a session ended elsewhere returns to the login page with a notice, then back to where the user was', async () => {
    const page = await newPage('en-US');
    await logIn(page, app.baseUrl, 'en-US');
    const stored = JSON.parse(String(await page.evaluate('sessionStorage.getItem("lingxi.session")'))) as { token: string };
    expect((await app.call('POST', '/api/v1/auth/logout', { token: stored.token })).status).toBe(200);

    // Move in the app the way a click on the navigation does: the next request learns the session is over.
    await page.evaluate("history.pushState(null, '', '/console/settings/audit'); dispatchEvent(new PopStateEvent('popstate'))");
    await page.getByText(en.expired).waitFor();
    expect(new URL(page.url()).searchParams.get('next')).toBe('/console/settings/audit');

    await page.getByLabel(en.email).fill('admin@lingxi.local');
    await page.getByLabel(en.password, { exact: true }).fill('admin-password-1');
    await page.getByRole('button', { name: en.login }).click();
    await page.waitForURL('**/console/settings/audit');
  });
});
