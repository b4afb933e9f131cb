// @vitest-environment happy-dom
import { h, render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiFailure, ApiResult, PublicApi } from './api.ts';
import { App } from './App.tsx';
import { createHostBridge } from './bridge.ts';
import { createChat } from './chat.ts';
import type { LeaveRequest } from './leaveMessage.ts';
import type { LiveHandlers } from './live.ts';

const ok = <T>(value: T): ApiResult<T> => ({ ok: true, value });
const settle = async () => {
  for (let i = 0; i < 4; i++) await new Promise((resolve) => setTimeout(resolve, 0));
};
const queued = { id: 'v', status: 'queued' as const, queuePosition: 1, estimatedWaitSeconds: 60 };

/** The frame over a server whose queue is closed: the handoff reply offers 留言 / 预约回电. */
function mountFrame(options: { locale?: 'zh-CN' | 'en-US'; prechat?: boolean; overflowReplies?: boolean } = {}) {
  const locale = options.locale ?? 'zh-CN';
  const zh = locale === 'zh-CN';
  const sent: string[] = [];
  const left: LeaveRequest[] = [];
  const leaveAnswers: Array<ApiResult<unknown>> = [];
  let live: LiveHandlers | null = null;
  const api = {
    widgetConfig: async () => ok({ workspace: 'demo', name: '灵犀商城', greeting: { 'zh-CN': '你好', 'en-US': 'Hi' }, suggestedQuestions: { 'zh-CN': [], 'en-US': [] }, preChatForm: { enabled: options.prechat ?? false, fields: ['email', 'phone'] }, theme: { primaryColor: '#4f46e5' } }),
    createSession: async () => ok({ sessionToken: 'cs_1', contactId: 'k', conversationId: 'v' }),
    sendMessage: async (_t: string, body: { text: string }) => {
      sent.push(body.text);
      return { ok: false, network: false, status: 400, code: 'X', message: 'no' } satisfies ApiFailure;
    },
    messages: async () => ok({ messages: [] }),
    conversation: async () => ok({ id: 'v', status: 'bot' as const }),
    handoff: async () => ok({
      ...queued,
      replies: [{ id: 'h1', kind: 'handoff', text: zh ? '现在是非工作时间。' : 'We are outside our service hours right now.', ...(options.overflowReplies === false ? {} : { quickReplies: zh ? ['留言', '预约回电'] : ['Leave a message', 'Request a callback'] }) }],
    }),
    leaveMessage: async (_t: string, body: LeaveRequest) => {
      left.push(body);
      return leaveAnswers.shift() ?? ok({ id: 'v', status: 'pending', queuePosition: null, estimatedWaitSeconds: null, replies: [{ id: 's1', kind: 'system', text: zh ? '已收到您的留言，我们会尽快联系您，感谢您的耐心。' : 'Thank you, we have your message.' }] });
    },
    feedback: async () => ok({ ok: true }),
    csat: async () => ok({ ok: true }),
    nps: async () => ok({ ok: true }),
  } as unknown as PublicApi;
  const storage = new Map<string, string>();
  const chat = createChat({
    api,
    storage: { getItem: (k) => storage.get(k) ?? null, setItem: (k, v) => void storage.set(k, v), removeItem: (k) => void storage.delete(k) },
    connectLive: ({ handlers }) => {
      live = handlers;
      return { typing() {}, close() {} };
    },
    workspace: 'demo', locale, now: () => new Date(Date.UTC(2026, 0, 1)), newId: () => `c${Math.random().toString(36).slice(2)}`,
    isOnline: () => true, later: () => () => undefined,
  });
  const root = document.createElement('div');
  document.body.appendChild(root);
  render(h(App, { chat, bridge: createHostBridge(window, null), onLocale: (l) => chat.setLocale(l) }), root);
  void chat.start();
  const button = (name: string) => [...root.querySelectorAll('button')].find((b) => b.textContent?.trim() === name || b.getAttribute('aria-label') === name);
  const buttons = (name: string) => [...root.querySelectorAll('button')].filter((b) => b.textContent?.trim() === name);
  const type = (selector: string, value: string) => {
    const input = root.querySelector<HTMLInputElement | HTMLTextAreaElement>(selector)!;
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  };
  const submit = () => root.querySelector('form.leave')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
  const errorOf = (id: string) => {
    const input = root.querySelector(`#${id}`)!;
    return input.getAttribute('aria-invalid') === 'true' ? root.querySelector(`#${input.getAttribute('aria-describedby')}`)?.textContent : undefined;
  };
  return { root, chat, sent, left, leaveAnswers, button, buttons, type, submit, errorOf, live: () => live };
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('leave a message when the queue cannot serve', () => {
  it('the 留言 quick reply opens an accessible form instead of chatting; the message leaves the conversation pending', async () => {
    const f = mountFrame();
    await settle();
    f.button('联系人工客服')!.click();
    await settle();
    // The server stores the handoff notice as a system line; its quick replies stay under it.
    f.live()!.message({ id: 'h1', author: 'system', kind: 'handoff', text: '现在是非工作时间。', createdAt: '2026-01-01T00:00:00.000Z', quickReplies: ['留言', '预约回电'] });
    await settle();
    const chips = f.root.querySelector('.system-row [role="group"]')!;
    expect([...chips.querySelectorAll('button')].map((b) => b.textContent)).toEqual(['留言', '预约回电']);
    (chips.querySelector('button') as HTMLButtonElement).click();
    await settle();
    expect(f.sent).toEqual([]);
    const form = f.root.querySelector('form.leave')!;
    expect(form.getAttribute('aria-labelledby')).toBe('lx-leave-title');
    expect(f.root.querySelector('#lx-leave-title')?.textContent).toBe('给客服留言');
    expect(f.root.querySelector('label[for="lx-leave-text"]')?.textContent).toBe('留言内容');
    expect(f.root.querySelector('#lx-leave-callbackAt')).toBeNull();
    expect(document.activeElement?.id).toBe('lx-leave-text');

    f.submit();
    await settle();
    expect(f.errorOf('lx-leave-text')).toBe('必填');
    expect(f.left).toEqual([]);

    f.type('#lx-leave-text', '请联系我退款');
    f.type('#lx-leave-email', 'li@example.com');
    f.submit();
    await settle();
    expect(f.left).toEqual([{ text: '请联系我退款', contact: { email: 'li@example.com' } }]);
    expect(f.root.querySelector('form.leave')).toBeNull();
    expect([...f.root.querySelectorAll('.system-line')].at(-1)?.textContent).toContain('已收到您的留言');
    expect(f.root.querySelector('.banner.pending')?.textContent).toBe('已留言，客服会尽快联系您');
    expect(f.root.querySelector('.heading p')?.textContent).toBe('已留言，客服会尽快联系您');
    expect(f.chat.get().conversation?.status).toBe('pending');
  });

  it('a callback asks for the time and sends it as ISO with the offset; contact prefilled from the pre-chat form', async () => {
    const f = mountFrame({ locale: 'en-US', prechat: true });
    await settle();
    f.type('#lx-email', 'ann@example.com');
    await settle();
    f.type('#lx-phone', '+44 20 7946 0000');
    await settle();
    f.root.querySelector('form.prechat')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    await settle();
    f.button('Talk to a person')!.click();
    await settle();
    f.button('Request a callback')!.click();
    await settle();
    expect(f.root.querySelector('#lx-leave-title')?.textContent).toBe('Request a callback');
    expect((f.root.querySelector('#lx-leave-email') as HTMLInputElement).value).toBe('ann@example.com');
    expect((f.root.querySelector('#lx-leave-phone') as HTMLInputElement).value).toBe('+44 20 7946 0000');
    expect(f.root.querySelector('#lx-leave-callbackAt')?.getAttribute('type')).toBe('datetime-local');
    f.type('#lx-leave-text', 'About my refund');
    f.submit();
    await settle();
    expect(f.errorOf('lx-leave-callbackAt')).toBe('Required');
    f.type('#lx-leave-callbackAt', '2026-11-23T10:00');
    f.submit();
    await settle();
    const sent = f.left[0]!;
    expect(sent).toMatchObject({ text: 'About my refund', contact: { email: 'ann@example.com', phone: '+44 20 7946 0000' } });
    expect(sent.callbackAt).toMatch(/^2026-11-23T10:00:00[+-]\d{2}:\d{2}$/);
    expect(new Date(sent.callbackAt!).getTime()).toBe(new Date('2026-11-23T10:00').getTime());
    expect(f.root.querySelector('.banner.pending')?.textContent).toBe("Message left — we'll get back to you");
  });

  it('offline: a clear error and a retry that keeps what was typed; server problems land on their fields', async () => {
    const f = mountFrame();
    await settle();
    f.button('联系人工客服')!.click();
    await settle();
    f.button('留言')!.click();
    await settle();
    f.leaveAnswers.push(
      { ok: false, network: true, status: 0, code: 'NETWORK', message: 'offline' },
      { ok: false, network: false, status: 400, code: 'VALIDATION_FAILED', message: 'bad', problems: [{ path: 'body.contact.phone', message: 'must be a phone number' }] },
    );
    f.type('#lx-leave-text', '请回电');
    f.type('#lx-leave-phone', '1380013800');
    f.submit();
    await settle();
    expect(f.root.querySelector('form.leave [role="alert"]')?.textContent).toContain('网络不可用，留言还没有发出');
    f.button('重试')!.click();
    await settle();
    expect(f.left).toHaveLength(2);
    expect(f.left[1]).toEqual(f.left[0]);
    expect(f.root.querySelector('form.leave [role="alert"]')).toBeNull();
    expect(f.errorOf('lx-leave-phone')).toBe('must be a phone number');
    expect((f.root.querySelector('#lx-leave-text') as HTMLTextAreaElement).value).toBe('请回电');
    f.submit();
    await settle();
    expect(f.chat.get().conversation?.status).toBe('pending');
  });

  it('the socket overflow notice shows explicit buttons while queued; cancel brings the composer back', async () => {
    const f = mountFrame({ overflowReplies: false });
    await settle();
    f.button('联系人工客服')!.click();
    await settle();
    expect(f.button('预约回电')).toBeUndefined();
    f.live()!.overflow({ conversationId: 'v', reason: 'nobody_online', actions: ['leave_message', 'callback'] });
    await settle();
    expect(f.root.querySelector('[role="group"][aria-label="不想等待？"]')?.querySelectorAll('button')).toHaveLength(2);
    f.button('预约回电')!.click();
    await settle();
    expect(f.root.querySelector('#lx-leave-callbackAt')).not.toBeNull();
    expect(f.root.querySelector('form.composer')).toBeNull();
    f.button('取消')!.click();
    await settle();
    expect(f.root.querySelector('form.leave')).toBeNull();
    expect(f.root.querySelector('form.composer')).not.toBeNull();
    // Once an agent takes the conversation, the way out is gone.
    f.live()!.conversation({ id: 'v', status: 'assigned' });
    await settle();
    expect(f.button('预约回电')).toBeUndefined();
  });
});
