// The knowledge editor as an editor lives with it, in a real browser: similar questions pasted many at once,
// quick replies and channels, a validity window that says "expired", unsaved changes guarded, a draft that
// says it is one, version history with what changed and restore, list filters, and publish that says what it did.
// With LINGXI_SCREENSHOTS=docs/screenshots it also refreshes docs/screenshots/console-knowledge-*.png.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../apps/server/src/testing/harness.ts';
import { CHROMIUM, ensureConsoleBuilt, hasChromium, launchChromium, logIn, root, type Locale } from './consoleSupport.ts';

const shots = process.env.LINGXI_SCREENSHOTS ? join(root, process.env.LINGXI_SCREENSHOTS) : null;

describe.skipIf(!hasChromium)(`console knowledge editor (${hasChromium ? CHROMIUM : 'skipped: /usr/bin/chromium missing'})`, () => {
  let app: TestApp;
  let browser: Browser;
  const errors: string[] = [];

  beforeAll(async () => {
    ensureConsoleBuilt();
    app = await startTestApp({ config: { LINGXI_SEED_DEMO: 'false' } });
    const demo = readFileSync(join(root, 'apps/server/src/domains/knowledge/demo/ecommerce-after-sales.jsonl'), 'utf8');
    await app.call('POST', '/api/v1/knowledge/import', { token: app.adminToken, body: demo, headers: { 'content-type': 'application/x-ndjson' } });
    browser = await launchChromium();
    if (shots) mkdirSync(shots, { recursive: true });
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  async function signedIn(locale: Locale): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    page.on('pageerror', (error) => errors.push(error.message));
    await logIn(page, app.baseUrl, locale);
    return page;
  }
  const shoot = async (page: Page, name: string) => {
    if (shots) await page.screenshot({ path: join(shots, `console-knowledge-${name}.png`) });
  };

  it('zh-CN: writes an entry with many similar questions, guards unsaved changes, saves a draft, shows expiry, diffs and restores versions', async () => {
    const page = await signedIn('zh-CN');
    await page.goto(`${app.baseUrl}/console/knowledge/new`);
    await page.getByLabel('标准问题', { exact: true }).fill('双十一优惠券怎么用？');
    // Many similar questions at once: pasted lines, list markers and repeats dropped, added with Ctrl+Enter.
    const bulk = page.getByLabel('批量添加相似问法');
    await bulk.fill('1. 优惠券在哪里用\n- 双十一的券怎么用\n优惠券在哪里用\n\n满减券怎么叠加');
    await bulk.press('Control+Enter');
    await page.getByText('已添加 3 个相似问法').waitFor();
    expect(await page.getByLabel('相似问法 3', { exact: true }).inputValue()).toBe('满减券怎么叠加');
    await page.getByText('共 3 个').waitFor();
    // Enter in a similar question opens the next one, with the focus in it.
    await page.getByLabel('相似问法 3', { exact: true }).press('Enter');
    await page.keyboard.type('优惠券过期了还能用吗');
    expect(await page.getByLabel('相似问法 4', { exact: true }).inputValue()).toBe('优惠券过期了还能用吗');
    await page.getByLabel('答案（Markdown）').fill('结算时在**优惠券**一栏选择即可，满 300 减 50。');
    await page.getByLabel('快捷回复按钮').fill('查看我的优惠券');
    await page.getByLabel('快捷回复按钮').press('Enter');
    await page.getByTestId('answer-preview').getByText('查看我的优惠券').waitFor();
    await page.getByLabel('分类').fill('优惠');
    await page.getByRole('checkbox', { name: 'App' }).check();
    await page.getByLabel('失效时间').fill('2025-11-12T00:00');
    await page.getByTestId('validity-alert').getByText('已过期', { exact: false }).waitFor();
    await page.getByTestId('unsaved').waitFor();

    // Leaving through the sidebar asks first; staying keeps everything typed.
    await page.getByRole('navigation').getByRole('link', { name: '知识库' }).click();
    const ask = page.getByRole('dialog').filter({ hasText: '有未保存的修改' });
    await ask.waitFor();
    await ask.getByRole('button', { name: '留下继续编辑' }).click();
    await ask.waitFor({ state: 'hidden' });
    expect(page.url()).toContain('/console/knowledge/new');
    expect(await page.getByLabel('标准问题', { exact: true }).inputValue()).toBe('双十一优惠券怎么用？');

    await page.getByRole('button', { name: '保存为草稿' }).click();
    await page.waitForURL(/\/console\/knowledge\/[0-9a-f-]{36}$/);
    await page.getByText('这是草稿：机器人不会使用它', { exact: false }).first().waitFor();
    await expect.poll(() => page.getByTestId('unsaved').count()).toBe(0);
    await page.locator('.ant-tag', { hasText: '已过期' }).first().waitFor();
    const id = page.url().split('/').pop()!;
    const stored = (await app.call('GET', `/api/v1/knowledge/entries/${id}`, { token: app.adminToken })).body.entry;
    expect(stored).toMatchObject({ status: 'draft', quickReplies: ['查看我的优惠券'], channels: ['app'], similarQuestions: ['优惠券在哪里用', '双十一的券怎么用', '满减券怎么叠加', '优惠券过期了还能用吗'] });

    // A second version: the history shows what changed, struck through and added.
    await page.getByLabel('答案（Markdown）').fill('结算时在**优惠券**一栏选择即可，满 300 减 60。');
    await page.getByLabel('失效时间').fill('');
    await page.getByRole('button', { name: '保存并上线' }).click();
    await page.getByTestId('version-2').waitFor();
    const v2 = page.getByTestId('version-2');
    await v2.locator('del', { hasText: '满 300 减 50' }).waitFor();
    await v2.locator('ins', { hasText: '满 300 减 60' }).waitFor();
    await v2.locator('ins', { hasText: '已发布' }).waitFor();
    await page.getByRole('heading', { name: '编辑条目' }).scrollIntoViewIfNeeded();
    await shoot(page, 'versions-zh-CN');

    // Restore v1 (asked first): the answer comes back as a new version 3.
    await page.getByTestId('version-1').getByRole('button', { name: '恢复此版本' }).click();
    await page.getByRole('tooltip').getByRole('button', { name: '恢复此版本' }).click();
    await page.getByTestId('version-3').getByText('恢复自 v1').waitFor();
    expect(await page.getByLabel('答案（Markdown）').inputValue()).toContain('满 300 减 50');
    await expect.poll(() => page.getByTestId('unsaved').count()).toBe(0);
    await page.getByRole('heading', { name: '编辑条目' }).scrollIntoViewIfNeeded();
    await shoot(page, 'editor-zh-CN');

    // The list says it is expired, and filters by category and channel.
    await page.getByRole('button', { name: '返回列表' }).click();
    await page.waitForURL('**/console/knowledge');
    await page.getByRole('combobox', { name: '分类' }).fill('优惠');
    await page.locator('.ant-select-item-option', { hasText: /^优惠 \(1\)$/ }).click();
    await page.getByRole('link', { name: '双十一优惠券怎么用？' }).waitFor();
    await page.locator('.ant-table-row', { hasText: '双十一优惠券怎么用？' }).locator('.ant-tag', { hasText: '已过期' }).waitFor();
    await page.getByRole('combobox', { name: '渠道' }).click();
    await page.locator('.ant-select-item-option', { hasText: '网页' }).click();
    // The demo entries list no channel (all channels); ours is App only.
    await page.getByText('没有符合筛选条件的条目。').waitFor();
    await page.getByText('换个关键词，或清除筛选看全部条目。').waitFor();
    await page.locator('.ant-empty').getByRole('button', { name: '清除筛选' }).click();
    await page.waitForURL((url) => url.search === '');
    await page.locator('.ant-table-row').nth(10).waitFor();
    await shoot(page, 'zh-CN');
    expect(errors).toEqual([]);
    await page.context().close();
  }, 180_000);

  it('en-US, keyboard only: publish says what goes live, how long the retrain took and which model is live', async () => {
    const page = await signedIn('en-US');
    await page.goto(`${app.baseUrl}/console/knowledge`);
    await page.locator('.ant-table-row').first().waitFor();
    await page.getByRole('button', { name: 'Publish and retrain' }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Publish and retrain the bot?' });
    await dialog.getByText(/The bot is retrained on the \d+ published entries/).waitFor();
    await page.waitForTimeout(400); // the dialog's opening animation
    await shoot(page, 'publish-en-US');
    await dialog.getByRole('button', { name: 'Publish and retrain' }).focus();
    await page.keyboard.press('Enter');
    await dialog.getByText(/Live: model version \d+, \d+ entries, trained in [\d.]+ s/).waitFor({ timeout: 60_000 });
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });

    const search = page.getByRole('searchbox', { name: 'Search questions, similar questions or answers' });
    await search.focus();
    await page.keyboard.type('no such words anywhere');
    await page.keyboard.press('Enter');
    await page.getByText('No entry contains “no such words anywhere”').waitFor();
    await page.getByText('Try other words, or clear the filters to see every entry.').waitFor();
    await page.locator('.ant-empty').getByRole('button', { name: 'Clear filters' }).focus();
    await page.keyboard.press('Enter');
    await page.locator('.ant-table-row').nth(10).waitFor();
    // Try the bot: the answer, its kind in words, the entry used by its question, and the candidates.
    const tryBox = page.getByRole('searchbox', { name: 'Try the bot' });
    await tryBox.fill('how long does a refund take');
    await tryBox.press('Enter');
    await page.getByText('Candidates (similarity)').waitFor();
    await page.locator('.ant-descriptions').getByText(/^(Answer|Did you mean|Fallback)$/).waitFor();
    await shoot(page, 'en-US');

    await page.locator('.ant-table-row a').first().click();
    await page.waitForURL(/\/console\/knowledge\/[0-9a-f-]{36}$/);
    await page.locator('.lx-markdown').first().waitFor();
    await shoot(page, 'editor-en-US');
    // An edit, then "Back to the list" by keyboard: asked, and leaving discards.
    await page.getByLabel('Question', { exact: true }).press('End');
    await page.keyboard.type(' (edited)');
    await page.getByRole('button', { name: 'Back to the list' }).focus();
    await page.keyboard.press('Enter');
    const ask = page.getByRole('dialog').filter({ hasText: 'You have unsaved changes' });
    await ask.getByRole('button', { name: 'Discard and leave' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL('**/console/knowledge');
    expect(errors).toEqual([]);
    await page.context().close();
  }, 180_000);
});
