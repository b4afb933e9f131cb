// Settings → Dispositions in a real browser: an admin renames, adds (the key follows the English label),
// moves a row with the keyboard and saves; a repeated key is refused on its field; a supervisor only reads;
// the inbox shows a resolved conversation's outcome in the reader's language.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startTestApp, type TestApp } from '../apps/server/src/testing/harness.ts';
import { CHROMIUM, ensureConsoleBuilt, hasChromium, launchChromium, logIn } from './consoleSupport.ts';

describe.skipIf(!hasChromium)(`console dispositions (${hasChromium ? CHROMIUM : 'skipped: /usr/bin/chromium missing — apt-get install -y chromium fonts-noto-cjk'})`, () => {
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

  async function signedIn(locale: 'zh-CN' | 'en-US', credentials?: { email: string; password: string }) {
    const context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, locale });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (error) => errors.push(error.message));
    await logIn(page, app.baseUrl, locale, credentials);
    return { context, page };
  }
  const saved = async () => (await app.call('GET', '/api/v1/dispositions', { token: app.adminToken })).body.dispositions as { key: string; label: Record<string, string> }[];

  it('an admin renames, adds, reorders with the keyboard and saves; a repeated key is refused on its field', async () => {
    const { context, page } = await signedIn('zh-CN');
    await page.getByRole('link', { name: '结案类型' }).click();
    await page.waitForURL('**/console/settings/dispositions');
    const rows = page.getByTestId('disposition-row');
    await expect.poll(() => rows.count()).toBe(6);

    await page.getByLabel('中文名称 2').fill('已退款（原路返回）');
    await page.getByRole('button', { name: '添加结案类型' }).click();
    // The new row's Chinese label has the focus; the key follows the English label.
    await page.keyboard.type('保修');
    await page.getByLabel('英文名称 7').fill('Warranty claim');
    expect(await page.getByLabel('标识 7').inputValue()).toBe('warranty_claim');
    // Alt+↑ twice moves the new row (and the focus with it) to 5th place.
    await page.getByLabel('英文名称 7').focus();
    await page.keyboard.press('Alt+ArrowUp');
    await page.keyboard.press('Alt+ArrowUp');
    expect(await page.getByLabel('英文名称 5').inputValue()).toBe('Warranty claim');
    await page.getByRole('button', { name: '删除：垃圾信息' }).click();
    await page.getByRole('button', { name: /保\s?存/ }).click();
    await page.getByText('结案类型已保存，坐席下次解决会话时即可选用').waitFor();
    expect((await saved()).map((d) => d.key)).toEqual(['solved', 'refund', 'replacement', 'no_response', 'warranty_claim', 'duplicate']);
    expect((await saved())[1]!.label['zh-CN']).toBe('已退款（原路返回）');
    // Saved keys are locked from now on.
    await expect.poll(() => page.getByLabel('标识 5').count()).toBe(0);

    // A key already in the list is refused where it was typed, and nothing is saved.
    await page.getByRole('button', { name: '添加结案类型' }).click();
    await page.keyboard.type('重复');
    await page.getByLabel('英文名称 7').fill('Other');
    await page.getByLabel('标识 7').fill('refund');
    await page.getByRole('button', { name: /保\s?存/ }).click();
    await page.getByText('这个标识已被另一行使用').waitFor();
    await page.getByLabel('标识 7').fill('Bad Key');
    await page.getByText('小写字母开头，只能用小写字母、数字和 _（最多 32 个字符）').waitFor();
    expect(await saved()).toHaveLength(6);
    // Unsaved edits are not lost silently: the sidebar asks first, and staying keeps them.
    await page.getByRole('navigation').getByRole('link', { name: '会话' }).click();
    const ask = page.getByRole('dialog').filter({ hasText: '有未保存的修改' });
    await ask.waitFor();
    await ask.getByRole('button', { name: '留下继续编辑' }).click();
    await ask.waitFor({ state: 'hidden' });
    expect(page.url()).toContain('/console/settings/dispositions');
    expect(await page.getByLabel('英文名称 7').inputValue()).toBe('Other');
    await page.getByRole('button', { name: /还\s?原/ }).click();
    await expect.poll(() => rows.count()).toBe(6);
    // Nothing unsaved: the sidebar goes straight away.
    await page.getByRole('navigation').getByRole('link', { name: '会话' }).click();
    await page.waitForURL('**/console/inbox**');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a supervisor reads the list but cannot change it; the inbox shows the outcome in English', async () => {
    const session = await app.call('POST', '/api/public/v1/sessions', { body: { name: 'Ann Lee', locale: 'en-US' } });
    await app.call('POST', '/api/public/v1/conversation/handoff', { token: session.body.sessionToken, body: {} });
    await app.call('POST', `/api/v1/conversations/${session.body.conversationId}/accept`, { token: app.adminToken });
    await app.call('POST', `/api/v1/conversations/${session.body.conversationId}/resolve`, { token: app.adminToken, body: { disposition: 'warranty_claim', tags: ['invoice', 'vip', 'delivery'] } });

    const { context, page } = await signedIn('en-US', { email: 'lead@lingxi.local', password: 'lead-password-1' });
    await page.getByRole('tab', { name: 'All' }).click();
    const row = page.getByRole('link', { name: /Ann Lee/ });
    await row.getByTestId('inbox-disposition').getByText('Warranty claim').waitFor();
    await row.getByText('invoice').waitFor();
    await row.getByText('+1').waitFor();

    await page.getByRole('link', { name: 'Dispositions' }).click();
    await page.getByText('Only admins can change the dispositions').waitFor();
    await expect.poll(() => page.getByLabel('English label 5').isDisabled()).toBe(true);
    expect(await page.getByLabel('English label 5').inputValue()).toBe('Warranty claim');
    expect(await page.getByRole('button', { name: 'Add a disposition' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^(Move up|Move down|Remove): / }).count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });
});
