// Files dropped on the console's reply box are attached like picked or pasted ones: same type check, same progress.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../apps/server/src/testing/harness.ts';
import { CHROMIUM, ensureConsoleBuilt, hasChromium, launchChromium, logIn } from './consoleSupport.ts';

describe.skipIf(!hasChromium)(`console reply box drag and drop (${hasChromium ? CHROMIUM : 'skipped: no chromium'})`, () => {
  let app: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    ensureConsoleBuilt();
    app = await startTestApp({ config: { LINGXI_SEED_DEMO: 'false' } });
    browser = await launchChromium();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  /** What the operating system hands the page when files are dragged from the desktop. */
  async function drop(page: Page, files: { name: string; type: string; text: string }[], release = true) {
    await page.getByTestId('reply-drop-zone').evaluate((zone, { files, release }) => {
      // The e2e project has no DOM types: name the few browser classes used here.
      const w = globalThis as unknown as {
        DataTransfer: new () => { items: { add(file: unknown): void } };
        File: new (parts: string[], name: string, options: { type: string }) => unknown;
        DragEvent: new (type: string, init: Record<string, unknown>) => unknown;
      };
      const data = new w.DataTransfer();
      for (const f of files) data.items.add(new w.File([f.text], f.name, { type: f.type }));
      const fire = (type: string) => (zone as unknown as { dispatchEvent(event: unknown): void }).dispatchEvent(new w.DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }));
      fire('dragenter');
      fire('dragover');
      if (release) fire('drop');
    }, { files, release });
  }

  it('zh-CN: shows where to drop, attaches the file with progress, refuses a program, and sends', async () => {
    const session = await app.call('POST', '/api/public/v1/sessions', { body: { name: '周先生', locale: 'zh-CN' } });
    const conversationId = session.body.conversationId as string;
    await app.call('POST', '/api/public/v1/conversation/handoff', { token: session.body.sessionToken, body: {} });
    expect((await app.call('POST', `/api/v1/conversations/${conversationId}/accept`, { token: app.adminToken })).status).toBe(200);

    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await logIn(page, app.baseUrl, 'zh-CN');
    await page.goto(`${app.baseUrl}/console/inbox/${conversationId}?tab=mine`);
    await page.getByTestId('reply-box').waitFor();

    await drop(page, [{ name: '订单截图.txt', type: 'text/plain', text: '订单号 LX20260001234' }], false);
    await page.getByText('松开鼠标即可添加附件').waitFor();
    await drop(page, [{ name: '订单截图.txt', type: 'text/plain', text: '订单号 LX20260001234' }]);
    await expect.poll(() => page.getByText('松开鼠标即可添加附件').count()).toBe(0);
    await page.locator('.lx-attachments.pending').getByText('订单截图.txt').waitFor();
    await expect.poll(() => page.locator('.lx-attachments.pending .ant-progress').count()).toBe(0);

    await drop(page, [{ name: 'setup.exe', type: 'application/x-msdownload', text: 'MZ\u0090\u0000' }]);
    await page.getByText('setup.exe 的类型不支持', { exact: false }).waitFor();

    await page.getByTestId('reply-box').fill('收到您的订单信息');
    await page.keyboard.press('Enter');
    await page.getByRole('log').getByRole('button', { name: '下载 订单截图.txt' }).waitFor();
    const detail = await app.call('GET', `/api/v1/conversations/${conversationId}`, { token: app.adminToken });
    const sent = (detail.body.messages as { text: string; attachments?: { name: string }[] }[]).find((m) => m.text === '收到您的订单信息');
    expect(sent?.attachments?.map((a) => a.name)).toEqual(['订单截图.txt']);
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
});
