// Attachments in real browsers: a customer sends a screenshot from the demo shop's widget, the agent sees it
// in the console and answers with a PDF that the customer can download.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../apps/server/src/testing/harness.ts';
import { CHROMIUM, ensureWidgetBuilt, hasChromium, launchChromium, root } from './browser.ts';
import { ensureConsoleBuilt, logIn } from './consoleSupport.ts';

// Screenshots only when asked (LINGXI_SCREENSHOTS=docs/screenshots), as the other browser tests do.
const screenshotDir = process.env.LINGXI_SCREENSHOTS ? join(root, process.env.LINGXI_SCREENSHOTS) : null;
const shoot = async (page: Page, name: string) => {
  if (!screenshotDir) return;
  mkdirSync(screenshotDir, { recursive: true });
  await page.waitForTimeout(400);
  await page.screenshot({ path: join(screenshotDir, `${name}.png`) });
};
const textOf = async (locator: Locator) => (await locator.textContent({ timeout: 10_000 })) ?? '';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

describe.skipIf(!hasChromium)(`attachments between the widget and the console (${hasChromium ? CHROMIUM : 'skipped: no chromium'})`, () => {
  let app: TestApp;
  let browser: Browser;
  let dir: string;
  const contexts: BrowserContext[] = [];

  async function newPage(locale: 'zh-CN' | 'en-US'): Promise<{ page: Page; errors: string[] }> {
    const context = await browser.newContext({ locale, viewport: { width: 1280, height: 860 } });
    contexts.push(context);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    return { page, errors };
  }

  beforeAll(async () => {
    ensureWidgetBuilt();
    ensureConsoleBuilt();
    dir = mkdtempSync(join(tmpdir(), 'lingxi-e2e-attachments-'));
    app = await startTestApp({ config: { LINGXI_ATTACHMENTS_DIR: dir } });
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('the customer sends a screenshot, the agent sees it and answers with a PDF the customer downloads', async () => {
    const { page: shop, errors } = await newPage('zh-CN');
    await shop.goto(`${app.baseUrl}/demo`);
    // A real picture to send: the shop's first product, as a customer would photograph what they bought.
    const screenshot = await shop.screenshot({ clip: { x: 100, y: 508, width: 258, height: 260 } });
    await shop.locator('#lingxi-widget').getByRole('button', { name: '打开在线客服' }).click();
    const widget = shop.frameLocator('#lingxi-widget iframe');
    await widget.getByRole('textbox', { name: '消息' }).waitFor();

    // Refused before any upload by its name, and by the server from its bytes: said in Chinese, removable.
    const picker = widget.locator('input[type=file]');
    await picker.setInputFiles({ name: 'setup.exe', mimeType: 'application/x-msdownload', buffer: Buffer.from('MZ') });
    await widget.getByRole('alert').filter({ hasText: '不支持这种文件' }).waitFor();
    await picker.setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from('MZ\x90\x00 a program renamed') });
    await expect.poll(() => widget.getByRole('alert').filter({ hasText: '不支持这种文件' }).count(), { timeout: 10_000 }).toBe(2);
    const refusals = widget.getByRole('alert').filter({ hasText: '不支持这种文件' });
    await refusals.first().getByRole('button', { name: '移除' }).click();
    await refusals.first().getByRole('button', { name: '移除' }).click();
    await expect.poll(() => widget.getByRole('alert').count()).toBe(0);

    // The paperclip is a labelled button; the screenshot goes up and comes back as a thumbnail with the bot's answer.
    await widget.getByRole('button', { name: '添加图片或文件' }).waitFor();
    await picker.setInputFiles({ name: '耳机照片.png', mimeType: 'image/png', buffer: screenshot });
    const thumbnail = widget.locator('.msg.me').getByRole('img', { name: '耳机照片.png' });
    await thumbnail.waitFor();
    await expect.poll(() => textOf(widget.locator('.msg.bot').last()), { timeout: 15_000 }).toContain('已收到您发送的文件');
    await expect.poll(() => thumbnail.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth)).toBeGreaterThan(100);
    await shoot(shop, 'widget-attachment-zh');
    // The bot's answer offers a person; the customer takes it and waits in the queue.
    await widget.getByRole('button', { name: '转人工' }).click();
    await widget.getByRole('status').filter({ hasText: /正在为你转接人工客服/ }).waitFor();

    // The agent finds it in the console: a thumbnail that opens full size.
    const token = await widget.locator('body').evaluate(() => (globalThis as unknown as { localStorage: { getItem(key: string): string | null } }).localStorage.getItem('lingxi:demo:session'));
    const conversationId = (await app.call('GET', '/api/public/v1/conversation', { token: token! })).body.id as string;
    const { page: agent, errors: agentErrors } = await newPage('zh-CN');
    await logIn(agent, app.baseUrl, 'zh-CN');
    expect((await app.call('POST', `/api/v1/conversations/${conversationId}/accept`, { token: app.adminToken })).status).toBe(200);
    await agent.goto(`${app.baseUrl}/console/inbox/${conversationId}?tab=mine`);
    const log = agent.getByRole('log');
    const image = log.getByRole('img', { name: '耳机照片.png' });
    await image.waitFor({ timeout: 15_000 });
    await expect.poll(() => image.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth)).toBe(screenshot.readUInt32BE(16));
    await image.click();
    await agent.locator('.ant-image-preview-img').waitFor();
    await agent.keyboard.press('Escape');
    // The handoff panel lists what the customer sent before asking for a person, as chips that download.
    const sentBefore = agent.getByRole('group', { name: '客户已发送的文件' });
    const sentDownload = agent.waitForEvent('download');
    await sentBefore.getByRole('button', { name: '下载 耳机照片.png' }).click();
    expect((await sentDownload).suggestedFilename()).toBe('耳机照片.png');

    // The agent attaches a PDF with a few words; the customer gets a chip with its name and size, and can download it.
    await agent.locator('.lx-reply input[type=file]').setInputFiles({ name: '退货单.pdf', mimeType: 'application/pdf', buffer: PDF });
    await agent.locator('.lx-attachments.pending').getByText('退货单.pdf').waitFor();
    await expect.poll(() => agent.locator('.lx-attachments.pending .ant-progress').count()).toBe(0);
    await agent.getByTestId('reply-box').fill('请填写这张退货单');
    await agent.keyboard.press('Enter');
    await log.getByRole('button', { name: '下载 退货单.pdf' }).waitFor();
    await expect.poll(() => textOf(widget.locator('.msg.agent').last()), { timeout: 15_000 }).toContain('请填写这张退货单');
    const chip = widget.getByRole('button', { name: '下载文件：退货单.pdf' });
    await chip.waitFor({ timeout: 15_000 });
    expect(await textOf(chip)).toContain(`${PDF.length} 字节`);
    const download = shop.waitForEvent('download');
    await chip.click();
    expect((await download).suggestedFilename()).toBe('退货单.pdf');

    // A screenshot pasted into the reply box goes as it is, without words, and the customer sees the picture.
    await agent.getByTestId('reply-box').evaluate((box, bytes) => {
      const page = globalThis as unknown as { DataTransfer: new () => { items: { add(file: unknown): void } }; File: new (parts: unknown[], name: string, options: { type: string }) => unknown; ClipboardEvent: new (type: string, init: object) => unknown };
      const data = new page.DataTransfer();
      data.items.add(new page.File([new Uint8Array(bytes)], '标注.png', { type: 'image/png' }));
      (box as unknown as { dispatchEvent(event: unknown): void }).dispatchEvent(new page.ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, [...screenshot]);
    await agent.locator('.lx-attachments.pending').getByText('标注.png').waitFor();
    await expect.poll(() => agent.locator('.lx-attachments.pending .ant-progress').count()).toBe(0);
    await agent.getByTestId('reply-box').press('Enter');
    await widget.locator('.msg.agent').getByRole('img', { name: '标注.png' }).waitFor({ timeout: 15_000 });
    await shoot(shop, 'widget-attachment-reply-zh');
    await shoot(agent, 'console-attachments-zh-CN');
    expect(errors, 'customer page errors').toEqual([]);
    expect(agentErrors, 'console page errors').toEqual([]);
  }, 120_000);
});
