// The widget in a real browser, against the real server: the way a customer meets it on a shop's page.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type BrowserContext, type FrameLocator, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoKnowledge } from '../apps/server/src/domains/knowledge/index.ts';
import { startTestApp, type TestApp } from '../apps/server/src/testing/harness.ts';
import { CHROMIUM, ensureWidgetBuilt, hasChromium, launchChromium, root } from './browser.ts';

// Screenshots are written only when asked (LINGXI_SCREENSHOTS=docs/screenshots), so test runs leave the tree clean.
const screenshotDir = process.env.LINGXI_SCREENSHOTS ? join(root, process.env.LINGXI_SCREENSHOTS) : null;

const TEXT = {
  'zh-CN': { open: '打开在线客服', input: '消息', helpfulGroup: '这个回答有帮助吗？', helpful: '有帮助', thanks: '感谢反馈！', related: '相关问题', person: '联系人工客服', queue: /正在为你转接人工客服，(前面还有 \d+ 位|下一位就是你)/, waiting: '等待网络…', suggested: '猜你想问', csatTitle: '请为本次服务打分', csatComment: '还有什么想告诉我们的？（选填）', csatSubmit: '提交评价', csatThanks: '感谢你的评价！' },
  'en-US': { open: 'Open chat with support', input: 'Message', helpfulGroup: 'Was this helpful?', helpful: 'Helpful', thanks: 'Thanks for the feedback!', related: 'Related questions', person: 'Talk to a person', queue: /Connecting you to a person · you are (#\d+ in line|next)/, waiting: 'Waiting for network…', suggested: 'Popular questions', csatTitle: 'How did we do?', csatComment: 'Anything else to tell us? (optional)', csatSubmit: 'Send rating', csatThanks: 'Thank you for your rating!' },
} as const;
type Locale = keyof typeof TEXT;

async function openWidget(page: Page, locale: Locale): Promise<FrameLocator> {
  await page.locator('#lingxi-widget').getByRole('button', { name: TEXT[locale].open }).click();
  const frame = page.frameLocator('#lingxi-widget iframe');
  const failed: string[] = [];
  failures.set(frame, failed);
  page.on('response', (response) => {
    if (response.status() >= 400) failed.push(`${response.request().method()} ${new URL(response.url()).pathname} → ${response.status()}`);
  });
  page.on('console', (message) => {
    if (message.type() === 'error') failed.push(`console: ${message.text()}`);
  });
  await frame.getByRole('textbox', { name: TEXT[locale].input }).waitFor();
  return frame;
}

/** Failed requests of the page and its frame, to say why when a step times out. */
const failures = new WeakMap<FrameLocator, string[]>();

async function ask(frame: FrameLocator, locale: Locale, question: string): Promise<void> {
  const answersBefore = await frame.getByRole('group', { name: TEXT[locale].helpfulGroup }).count();
  const input = frame.getByRole('textbox', { name: TEXT[locale].input });
  await input.fill(question);
  await input.press('Enter');
  await expect
    .poll(() => frame.getByRole('group', { name: TEXT[locale].helpfulGroup }).count(), { timeout: 15_000, message: `an answer to "${question}"; failed requests and console errors: ${failures.get(frame)?.join(', ') || 'none'}` })
    .toBeGreaterThan(answersBefore);
}

async function visible(locator: Locator, timeout = 10_000): Promise<void> {
  await locator.waitFor({ state: 'visible', timeout });
}

async function containsText(locator: Locator, text: string | RegExp): Promise<void> {
  const read = async () => (await locator.textContent({ timeout: 10_000 })) ?? '';
  if (typeof text === 'string') await expect.poll(read, { timeout: 15_000 }).toContain(text);
  else await expect.poll(read, { timeout: 15_000 }).toMatch(text);
}

async function shoot(page: Page, name: string): Promise<void> {
  if (!screenshotDir) return;
  mkdirSync(screenshotDir, { recursive: true });
  await page.waitForTimeout(400); // let the panel's open transition finish
  await page.screenshot({ path: join(screenshotDir, `widget-${name}.png`) });
}

describe.skipIf(!hasChromium)(`widget in a real browser (${hasChromium ? CHROMIUM : 'skipped: /usr/bin/chromium missing — apt-get install -y chromium fonts-noto-cjk'})`, () => {
  let app: TestApp;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  async function visit(locale: Locale, viewport: { width: number; height: number }): Promise<Page> {
    const context = await browser.newContext({ locale, viewport });
    contexts.push(context);
    const page = await context.newPage();
    page.on('pageerror', (error) => {
      throw error;
    });
    await page.goto(`${app.baseUrl}/demo`);
    return page;
  }

  beforeAll(async () => {
    ensureWidgetBuilt();
    app = await startTestApp();
    // The demo workspace as `npm start` seeds it: the e-commerce after-sales knowledge base.
    await seedDemoKnowledge(app.app.knowledge, { workspaceId: app.workspaceId });
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await app?.close();
  });

  it('zh-CN on a desktop: ask, get the answer, follow a related question, rate it, ask for a person, see the queue', async () => {
    const t = TEXT['zh-CN'];
    const page = await visit('zh-CN', { width: 1280, height: 800 });
    await visible(page.locator('#lingxi-widget').getByRole('button', { name: t.open }));
    const frame = await openWidget(page, 'zh-CN');
    await visible(frame.getByRole('group', { name: t.suggested }));

    await ask(frame, 'zh-CN', '怎么申请退货？');
    const firstAnswer = frame.locator('.msg.bot').filter({ has: frame.getByRole('group', { name: t.helpfulGroup }) }).last();
    await containsText(firstAnswer, '退货');

    const related = frame.getByRole('group', { name: t.related }).last().getByRole('button');
    expect(await related.count(), 'the answer offers related questions').toBeGreaterThan(0);
    const relatedQuestion = (await related.first().textContent())!.trim();
    const answersBefore = await frame.getByRole('group', { name: t.helpfulGroup }).count();
    await related.first().click();
    await containsText(frame.locator('.msg.me .bubble').last(), relatedQuestion);
    await expect.poll(() => frame.getByRole('group', { name: t.helpfulGroup }).count(), { timeout: 15_000 }).toBeGreaterThan(answersBefore);

    const rated = page.waitForResponse((response) => response.url().includes('/feedback') && response.request().method() === 'POST');
    await frame.getByRole('group', { name: t.helpfulGroup }).last().getByRole('button', { name: t.helpful }).click();
    expect((await rated).status()).toBe(200);
    await visible(frame.getByText(t.thanks));

    await frame.getByRole('button', { name: t.person }).click();
    await visible(frame.getByRole('status').filter({ hasText: t.queue }), 15_000);
    await shoot(page, 'desktop-zh');

    // A reload resumes the same conversation: history and queue state come back.
    await page.reload();
    const again = await openWidget(page, 'zh-CN');
    await containsText(again.locator('.msg.me .bubble').first(), '怎么申请退货？');
    await visible(again.getByRole('status').filter({ hasText: t.queue }));

    // Typed while offline: kept, shown as waiting, sent once when the network is back.
    await page.context().setOffline(true);
    const input = again.getByRole('textbox', { name: t.input });
    await input.fill('网络断了还能发吗');
    await input.press('Enter');
    await visible(again.getByText(t.waiting));
    await page.context().setOffline(false);
    // Acknowledged: the bubble loses its waiting/sending line when the stored message replaces it.
    await expect.poll(() => again.locator('.msg.me .delivery').count(), { timeout: 15_000 }).toBe(0);
    const widgetFrame = page.frames().find((f) => f.url().includes('/widget/frame.html'))!;
    const token = (await widgetFrame.evaluate('localStorage.getItem("lingxi:demo:session")')) as string;
    const history = await app.call('GET', '/api/public/v1/messages', { token });
    expect(history.status).toBe(200);
    const texts = (history.body.messages as Array<{ text: string; author: string }>).filter((m) => m.author === 'customer').map((m) => m.text);
    expect(texts.filter((text) => text === '网络断了还能发吗')).toHaveLength(1);
    expect(texts.slice(0, 2)).toEqual(['怎么申请退货？', relatedQuestion]);

    // A person takes over: their reply arrives live, and resolving asks the customer for a rating.
    const conversation = await app.call('GET', '/api/public/v1/conversation', { token });
    const conversationId = conversation.body.id as string;
    await app.call('PUT', '/api/v1/agents/me/presence', { token: app.adminToken, body: { status: 'online' } });
    const accepted = await app.call('POST', `/api/v1/conversations/${conversationId}/accept`, { token: app.adminToken });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    // The customer closed the chat: the agent's reply shows as an unread count on the launcher.
    await again.getByRole('button', { name: '关闭对话窗口' }).click();
    const replied = await app.call('POST', `/api/v1/conversations/${conversationId}/messages`, { token: app.adminToken, body: { text: '您好，我是客服小林，**马上**为您处理退货。' } });
    expect(replied.status, JSON.stringify(replied.body)).toBeLessThan(300);
    const unread = page.locator('#lingxi-widget').getByRole('button', { name: `${t.open} (1 条未读消息)` });
    await visible(unread);
    expect(await page.locator('#lingxi-widget .badge').textContent()).toBe('1');
    await unread.click();
    await containsText(again.locator('.msg.agent').last(), '我是客服小林');
    expect(await page.locator('#lingxi-widget .badge').isVisible()).toBe(false);
    const resolved = await app.call('POST', `/api/v1/conversations/${conversationId}/resolve`, { token: app.adminToken });
    expect(resolved.status, JSON.stringify(resolved.body)).toBe(200);
    const stars = again.getByRole('radiogroup', { name: t.csatTitle });
    await visible(stars);
    await stars.getByRole('radio', { name: '5 星' }).click();
    await again.getByRole('textbox', { name: t.csatComment }).fill('很快就解决了');
    await shoot(page, 'desktop-zh-csat');
    await again.getByRole('button', { name: t.csatSubmit }).click();
    await visible(again.getByText(t.csatThanks));
    // Then, once: how likely they are to recommend us (0–10), counted in the workspace's NPS.
    const nps = again.getByRole('group', { name: '你有多大可能把我们推荐给朋友？' });
    await visible(nps);
    await shoot(page, 'desktop-zh-nps');
    await nps.getByRole('button', { name: '9 分（满分 10 分）' }).click();
    await expect.poll(() => nps.count()).toBe(0);
    const today = new Date();
    const score = await app.call('GET', `/api/v1/feedback/nps?from=${new Date(today.getTime() - 86_400_000).toISOString()}&to=${new Date(today.getTime() + 86_400_000).toISOString()}`, { token: app.adminToken });
    expect(score.body).toMatchObject({ responses: 1, promoters: 1 });
  });

  it('works from the keyboard alone: open, ask, close with Escape and land back on the launcher', async () => {
    const page = await visit('zh-CN', { width: 1280, height: 800 });
    const launcher = page.locator('#lingxi-widget').getByRole('button', { name: TEXT['zh-CN'].open });
    await launcher.focus();
    await page.keyboard.press('Enter');
    const frame = page.frameLocator('#lingxi-widget iframe');
    const input = frame.getByRole('textbox', { name: TEXT['zh-CN'].input });
    await input.waitFor();
    await expect.poll(() => input.evaluate((el) => el === el.ownerDocument.activeElement), { timeout: 10_000 }).toBe(true);
    await page.keyboard.type('运费怎么算？');
    await page.keyboard.press('Enter');
    await containsText(frame.locator('.msg.me .bubble').last(), '运费怎么算？');
    await page.keyboard.press('Escape');
    const closeLabel = page.locator('#lingxi-widget').getByRole('button', { name: TEXT['zh-CN'].open });
    await expect.poll(() => closeLabel.getAttribute('aria-expanded')).toBe('false');
    expect(await page.evaluate('document.activeElement?.shadowRoot?.activeElement?.className')).toBe('launcher');
  });

  it('en-US on a desktop answers in English', async () => {
    const page = await visit('en-US', { width: 1280, height: 800 });
    const frame = await openWidget(page, 'en-US');
    await ask(frame, 'en-US', 'How do I return an item?');
    await containsText(frame.locator('.msg.bot').last(), /return/i);
    await shoot(page, 'desktop-en');
  });

  it.each([
    ['zh-CN', '退款多久到账？'],
    ['en-US', 'How long does a refund take?'],
  ] as const)('%s on a phone: the chat fills the screen', async (locale, question) => {
    const page = await visit(locale, { width: 375, height: 740 });
    await shoot(page, `mobile-${locale === 'zh-CN' ? 'zh' : 'en'}-shop`);
    const frame = await openWidget(page, locale);
    // the panel slides in over 0.18 s: read its box once it has settled
    await expect.poll(async () => page.locator('#lingxi-widget iframe').boundingBox(), { timeout: 5_000 }).toMatchObject({ x: 0, y: 0, width: 375, height: 740 });
    await ask(frame, locale, question);
    await shoot(page, `mobile-${locale === 'zh-CN' ? 'zh' : 'en'}`);
  });

  it('zh-CN after hours: asking for a person offers 留言; the message is left from the inline form and the conversation is pending', async () => {
    const before = await app.call('GET', '/api/v1/settings/routing', { token: app.adminToken });
    // No open day in the week: closed now, whatever the clock says.
    const closed = await app.call('PUT', '/api/v1/settings/routing', { token: app.adminToken, body: { businessHours: { timezone: 'Asia/Shanghai', weekly: {}, holidays: [], extraWorkdays: [] } } });
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
    try {
      const page = await visit('zh-CN', { width: 1280, height: 800 });
      const frame = await openWidget(page, 'zh-CN');
      await frame.getByRole('button', { name: TEXT['zh-CN'].person }).click();
      await containsText(frame.locator('.system-row .system-line'), '非工作时间');
      // The chip under the handoff notice (the composer offers the same while queued).
      await frame.getByRole('log').getByRole('button', { name: '留言', exact: true }).click();
      const form = frame.getByRole('form', { name: '给客服留言' });
      await visible(form);
      await form.getByRole('textbox', { name: '留言内容' }).fill('我想咨询退款，请尽快联系我');
      await form.getByLabel('手机号').fill('13800138000');
      await shoot(page, 'desktop-zh-leave-form');
      const left = page.waitForResponse((response) => response.url().includes('/conversation/leave-message'));
      await form.getByRole('button', { name: '提交留言' }).click();
      expect((await left).status()).toBe(200);
      await visible(frame.getByRole('status').filter({ hasText: '已留言，客服会尽快联系您' }));
      await containsText(frame.locator('.system-line').last(), '已收到您的留言');
      await shoot(page, 'desktop-zh-leave-message');

      // The quick reply was never sent as chat text, and agents see a pending follow-up.
      const widgetFrame = page.frames().find((f) => f.url().includes('/widget/frame.html'))!;
      const token = (await widgetFrame.evaluate('localStorage.getItem("lingxi:demo:session")')) as string;
      const history = await app.call('GET', '/api/public/v1/messages', { token });
      const texts = (history.body.messages as Array<{ text: string; author: string }>).filter((m) => m.author === 'customer').map((m) => m.text);
      expect(texts).toEqual(['我想咨询退款，请尽快联系我']);
      const conversationId = (await app.call('GET', '/api/public/v1/conversation', { token })).body.id as string;
      const pending = await app.call('GET', '/api/v1/conversations?status=pending', { token: app.adminToken });
      expect(pending.status).toBe(200);
      expect((pending.body.conversations as Array<{ id: string }>).map((c) => c.id)).toContain(conversationId);
    } finally {
      await app.call('PUT', '/api/v1/settings/routing', { token: app.adminToken, body: { businessHours: before.body.settings.businessHours } });
    }
  });
});
