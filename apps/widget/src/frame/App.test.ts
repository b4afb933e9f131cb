// @vitest-environment happy-dom
import { h, render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiResult, PublicApi } from './api.ts';
import { App } from './App.tsx';
import { createHostBridge } from './bridge.ts';
import { createChat } from './chat.ts';
import type { LiveHandlers } from './live.ts';

const ok = <T>(value: T): ApiResult<T> => ({ ok: true, value });
const settle = async () => {
  for (let i = 0; i < 4; i++) await new Promise((resolve) => setTimeout(resolve, 0));
};

/** The real frame app over a scripted server: each question gets the reply written for it. */
function mountFrame() {
  const calls: string[] = [];
  let live: LiveHandlers | null = null;
  const scripted: Record<string, { text: string; kind: string; suggestions?: string[]; quickReplies?: string[] }> = {
    怎么退货: { text: '退货步骤：\n1. 打开「我的订单」\n2. 申请售后 <img src=x onerror="window.hacked=1"><script>window.hacked=2</script>', kind: 'answer', suggestions: ['退款多久到账？', '退货运费谁承担？'], quickReplies: ['查看订单'] },
    发票: { text: '你想问的是哪一个？', kind: 'clarify', suggestions: ['怎么开发票？', '发票抬头写错了怎么办？'] },
  };
  let seq = 0;
  const api = {
    widgetConfig: async () => ok({ workspace: 'demo', name: '灵犀商城', greeting: { 'zh-CN': '你好，**欢迎**光临', 'en-US': 'Hi, **welcome**' }, suggestedQuestions: { 'zh-CN': ['怎么退货'], 'en-US': ['How do I return?'] }, preChatForm: { enabled: false, fields: [] }, theme: { primaryColor: '#4f46e5' } }),
    createSession: async () => ok({ sessionToken: 'cs_1', contactId: 'k', conversationId: 'v' }),
    sendMessage: async (_t: string, body: { text: string; clientMessageId: string }) => {
      calls.push(`send:${body.text}`);
      seq++;
      const reply = scripted[body.text] ?? { text: '没听懂', kind: 'fallback', quickReplies: ['转人工'] };
      return ok({
        message: { id: `m${seq}`, author: 'customer' as const, kind: 'text', text: body.text, createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, seq)).toISOString(), clientMessageId: body.clientMessageId },
        replies: [{ id: `r${seq}`, ...reply }],
        conversation: { id: 'v', status: 'bot' as const, queuePosition: null, estimatedWaitSeconds: null },
      });
    },
    messages: async () => ok({ messages: [] }),
    conversation: async () => ok({ id: 'v', status: 'bot' as const, queuePosition: null, estimatedWaitSeconds: null }),
    handoff: async () => {
      calls.push('handoff');
      return ok({ id: 'v', status: 'queued' as const, queuePosition: 3, estimatedWaitSeconds: 300, replies: [] });
    },
    feedback: async (_t: string, id: string, helpful: boolean) => {
      calls.push(`feedback:${id}:${helpful}`);
      return ok({ ok: true });
    },
    csat: async () => ok({ ok: true }),
    nps: async () => ok({ ok: true }),
    attachment: async () => new Blob(['png']),
  } as unknown as PublicApi;
  const storage = new Map<string, string>();
  const chat = createChat({
    api,
    storage: { getItem: (k) => storage.get(k) ?? null, setItem: (k, v) => void storage.set(k, v), removeItem: (k) => void storage.delete(k) },
    connectLive: ({ handlers }) => {
      live = handlers;
      return { typing() {}, close() {} };
    },
    workspace: 'demo', locale: 'zh-CN', now: () => new Date(Date.UTC(2026, 0, 1)), newId: () => `c${Math.random().toString(36).slice(2)}`,
    isOnline: () => true, later: () => () => undefined, objectUrl: () => 'blob:fetched',
  });
  const root = document.createElement('div');
  document.body.appendChild(root);
  render(h(App, { chat, bridge: createHostBridge(window, null), onLocale: (locale) => chat.setLocale(locale) }), root);
  void chat.start();
  const button = (name: string) => [...root.querySelectorAll('button')].find((b) => b.textContent?.trim() === name || b.getAttribute('aria-label') === name);
  const group = (label: string) => [...root.querySelectorAll('[role="group"]')].filter((g) => g.getAttribute('aria-label') === label);
  return { root, chat, calls, button, group, live: () => live };
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('frame app', () => {
  it('greets, offers 猜你想问, answers with safe markdown, related questions, quick replies and a rating', async () => {
    const { root, calls, button, group } = mountFrame();
    await settle();
    expect(root.querySelector('[role="log"]')?.getAttribute('aria-live')).toBe('polite');
    expect(root.querySelector('.msg.bot strong')?.textContent).toBe('欢迎');
    button('怎么退货')!.click();
    await settle();
    expect(calls).toEqual(['send:怎么退货']);

    // The answer's HTML came out as text: no element was injected and nothing ran.
    const answer = [...root.querySelectorAll('.msg.bot .md')].at(-1)!;
    expect(answer.querySelector('img, script')).toBeNull();
    expect(answer.textContent).toContain('<img src=x onerror=');
    expect(answer.querySelectorAll('ol li')).toHaveLength(2);
    expect((window as unknown as { hacked?: number }).hacked).toBeUndefined();

    expect(group('相关问题')[0]?.querySelectorAll('button')).toHaveLength(2);
    expect(button('查看订单')).toBeDefined();
    button('有帮助')!.click();
    await settle();
    expect(calls).toContain('feedback:r1:true');
    expect(root.textContent).toContain('感谢反馈！');
    expect(button('有帮助')).toBeUndefined();

    // Following a related question sends it and the old buttons give way to the new answer's.
    group('相关问题')[0]!.querySelector('button')!.click();
    await settle();
    expect(calls.at(-1)).toBe('send:退款多久到账？');
    expect(button('查看订单')).toBeUndefined();
  });

  it('offers "did you mean" choices for a clarify reply', async () => {
    const { root, button, calls } = mountFrame();
    await settle();
    const input = root.querySelector('textarea')!;
    input.value = '发票';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await settle();
    root.querySelector('form.composer')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    await settle();
    expect(root.textContent).toContain('你是不是想问：');
    button('发票抬头写错了怎么办？')!.click();
    await settle();
    expect(calls).toEqual(['send:发票', 'send:发票抬头写错了怎么办？']);
  });

  it('hands off to a person, shows the queue live, and switches language', async () => {
    const { root, button, live } = mountFrame();
    await settle();
    button('联系人工客服')!.click();
    await settle();
    expect(root.querySelector('.banner.queue')?.textContent).toBe('正在为你转接人工客服，前面还有 2 位，预计等待 5 分钟');
    expect(button('联系人工客服')).toBeUndefined();
    live()!.conversation({ id: 'v', status: 'queued', queuePosition: 1, estimatedWaitSeconds: 40 });
    await settle();
    expect(root.querySelector('.banner.queue')?.textContent).toBe('正在为你转接人工客服，下一位就是你，预计等待 1 分钟');
    live()!.typing('agent', true);
    await settle();
    expect(root.querySelector('.typing')?.textContent).toContain('客服正在输入…');

    button('Switch to English')!.click();
    await settle();
    expect(root.querySelector('.banner.queue')?.textContent).toBe('Connecting you to a person · you are next · about 1 min');
    expect(root.querySelector('textarea')?.getAttribute('placeholder')).toBe('Type your question…');
    expect(document.documentElement.lang).toBe('en-US');
  });

  it('shows an agent’s picture and file, and says why a file was refused, in either language', async () => {
    const { root, chat, button, live } = mountFrame();
    await settle();
    expect(button('添加图片或文件')).toBeDefined();
    button('联系人工客服')!.click();
    await settle();
    const url = (id: string) => `/api/public/v1/attachments/${id}`;
    live()!.message({
      id: 'a1', author: 'agent', kind: 'agent', text: '', createdAt: '2026-01-01T00:01:00.000Z',
      attachments: [{ id: 'f1', name: '面单.png', contentType: 'image/png', size: 2048, url: url('f1') }, { id: 'f2', name: '退货单.pdf', contentType: 'application/pdf', size: 1536, url: url('f2') }],
    });
    await settle();
    const row = root.querySelector('.msg.agent')!;
    expect(row.querySelector('.bubble')).toBeNull(); // files only: no empty bubble
    expect(row.querySelector('img')?.getAttribute('alt')).toBe('面单.png');
    expect(row.querySelector('a')?.getAttribute('aria-label')).toBe('查看原图：面单.png');
    expect(button('下载文件：退货单.pdf')?.textContent).toContain('1.5 KB');

    chat.attach([new File(['MZ'], 'setup.exe')]);
    await settle();
    expect(root.querySelector('.msg.me [role="alert"]')?.textContent).toContain('不支持这种文件');
    button('Switch to English')!.click();
    await settle();
    expect(root.querySelector('.msg.me [role="alert"]')?.textContent).toContain('This kind of file is not allowed');
    button('Remove')!.click();
    await settle();
    expect(root.querySelector('.msg.me')).toBeNull();
  });
});
