// Knowledge in the console: write an entry with a Markdown answer, find it, import lines in the background with a row-level report, export.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { startTestApp, type TestApp } from '../apps/server/src/testing/harness.ts';
import { CHROMIUM, ensureConsoleBuilt, hasChromium, launchChromium, logIn } from './consoleSupport.ts';

describe.skipIf(!hasChromium)(`console knowledge in a real browser (${hasChromium ? CHROMIUM : 'skipped: /usr/bin/chromium missing — apt-get install -y chromium fonts-noto-cjk'})`, () => {
  let app: TestApp;
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    ensureConsoleBuilt();
    app = await startTestApp();
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US' });
  }, 180_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await app?.close();
  });

  it('creates a published entry, finds it, and imports lines reporting the bad ones by line number', async () => {
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await logIn(page, app.baseUrl, 'en-US');

    await page.getByRole('navigation').getByRole('link', { name: 'Knowledge' }).click();
    await page.getByRole('button', { name: 'New entry' }).click();
    await page.waitForURL('**/console/knowledge/new');
    await page.getByLabel('Question', { exact: true }).fill('How long is the return window?');
    await page.getByRole('button', { name: 'Add a similar question' }).click();
    await page.getByLabel('Similar questions 1').fill('Can I still return after a week?');
    await page.getByLabel('Answer (Markdown)').fill('You can return within **7 days** of delivery.\n\n- unused\n- with the tag');
    await page.locator('.lx-markdown strong', { hasText: '7 days' }).waitFor();
    await page.getByLabel('Category').fill('Returns');
    await page.getByRole('button', { name: 'Save and go live' }).click();
    await page.waitForURL(/\/console\/knowledge\/[0-9a-f-]{36}$/);
    await page.getByText('Published', { exact: true }).first().waitFor();
    await page.getByText('v1 · Created').waitFor();

    const listed = await app.call('GET', '/api/v1/knowledge/entries?q=return%20window', { token: app.adminToken });
    expect(listed.body.entries.map((e: { question: string; status: string }) => [e.question, e.status])).toEqual([['How long is the return window?', 'published']]);

    await page.getByRole('button', { name: 'Back to the list' }).click();
    const search = page.getByRole('searchbox', { name: 'Search questions, similar questions or answers' });
    await search.fill('return window');
    await search.press('Enter');
    await page.getByRole('link', { name: 'How long is the return window?' }).waitFor();
    await page.getByText('1 entries').waitFor();

    await page.getByRole('button', { name: 'Import' }).click();
    const dialog = page.getByRole('dialog');
    const lines = [
      JSON.stringify({ question: 'Do you ship to Hong Kong?', answer: 'Yes, in 3–5 days.', category: 'Shipping' }),
      JSON.stringify({ question: 'An entry without an answer' }),
      JSON.stringify({ question: '可以开发票吗？', answer: '可以，在订单详情里申请电子发票。', tags: ['发票'] }),
      '{ not json',
    ];
    await dialog.getByText('No file chosen yet.', { exact: false }).waitFor();
    await dialog.getByLabel('or paste JSON Lines here (one entry a line)').fill(lines.join('\n'));
    await dialog.locator('.ant-modal-footer').getByRole('button', { name: 'Import' }).click();
    // Bad rows are listed as soon as the upload is checked; the good ones are written by a background job.
    await dialog.getByText('Rows with problems (2)').waitFor();
    await dialog.getByText('Done: 2 entries imported, 2 rows with problems.', { exact: false }).waitFor({ timeout: 60_000 });
    const reported = await dialog.locator('.ant-table-row').allTextContents();
    expect(reported.map((row) => row.slice(0, 1))).toEqual(['2', '4']);
    expect(reported[0]).toContain('answer');
    if (process.env.LINGXI_SCREENSHOTS) await page.screenshot({ path: `${process.env.LINGXI_SCREENSHOTS}/console-knowledge-import-en-US.png` });
    const [problems] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Download the list' }).click()]);
    expect(problems.suggestedFilename()).toBe('pasted-problems.csv');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await search.fill('Hong Kong');
    await search.press('Enter');
    await page.getByRole('link', { name: 'Do you ship to Hong Kong?' }).waitFor();

    await page.getByRole('button', { name: 'Export' }).click();
    const [sheet] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: 'Excel (.xlsx)' }).click()]);
    expect(sheet.suggestedFilename()).toMatch(/^lingxi-knowledge-\d{4}-\d{2}-\d{2}\.xlsx$/);
    expect(pageErrors).toEqual([]);
  }, 120_000);
});
