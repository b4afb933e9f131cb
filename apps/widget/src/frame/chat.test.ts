import { describe, expect, it } from 'vitest';
import type { ApiResult, PublicApi } from './api.ts';
import { createChat } from './chat.ts';
import type { LiveHandlers } from './live.ts';
import type { WireMessage } from './wire.ts';

const CONFIG = {
  workspace: 'demo', name: '灵犀商城', greeting: { 'zh-CN': '你好', 'en-US': 'Hi' },
  suggestedQuestions: { 'zh-CN': ['怎么退货'], 'en-US': ['How do I return?'] },
  preChatForm: { enabled: false, fields: [] }, theme: { primaryColor: '#4f46e5' },
};
const ok = <T>(value: T): ApiResult<T> => ({ ok: true, value });
const down = { ok: false as const, network: true, status: 0, code: 'NETWORK', message: 'offline' };

/** A fake server: stores customer messages once per clientMessageId, like the real one. */
function fakeWorld() {
  const world = {
    online: true,
    posts: [] as string[],
    stored: new Map<string, WireMessage>(),
    live: null as LiveHandlers | null,
    resumedAfter: [] as Array<string | null>,
    seq: 0,
    /** Tokens the server still knows; anything else gets 401. */
    sessions: new Set<string>(),
  };
  const expired = { ok: false as const, network: false, status: 401, code: 'AUTH_SESSION_EXPIRED', message: 'Unknown customer session.' };
  const api = {
    widgetConfig: async () => ok(CONFIG),
    createSession: async () => {
      if (!world.online) return down;
      const sessionToken = `cs_${world.sessions.size + 1}`;
      world.sessions.add(sessionToken);
      return ok({ sessionToken, contactId: 'k1', conversationId: 'v1' });
    },
    sendMessage: async (token: string, body: { text: string; clientMessageId: string }) => {
      if (!world.online) return down;
      if (!world.sessions.has(token)) return expired;
      world.posts.push(body.clientMessageId);
      let message = world.stored.get(body.clientMessageId);
      if (!message) {
        world.seq++;
        message = { id: `m${world.seq}`, author: 'customer', kind: 'text', text: body.text, createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, world.seq)).toISOString(), clientMessageId: body.clientMessageId };
        world.stored.set(body.clientMessageId, message);
      }
      return ok({ message, replies: [{ id: `r-${message.id}`, text: `**answer** to ${body.text}`, kind: 'answer', suggestions: ['related'] }], conversation: { id: 'v1', status: 'bot' as const, queuePosition: null, estimatedWaitSeconds: null } });
    },
    messages: async () => ok({ messages: [] }),
    conversation: async () => ok({ id: 'v1', status: 'bot' as const, queuePosition: null, estimatedWaitSeconds: null }),
    handoff: async () => ok({ id: 'v1', status: 'queued' as const, queuePosition: 2, estimatedWaitSeconds: 120, replies: [{ id: 'h1', text: '正在转接', kind: 'handoff' }] }),
    feedback: async () => ok({ ok: true }),
    csat: async () => ok({ ok: true }),
    nps: async () => ok({ ok: true }),
  } as unknown as PublicApi;
  const storage = new Map<string, string>();
  let id = 0;
  const chat = createChat({
    api,
    storage: { getItem: (k) => storage.get(k) ?? null, setItem: (k, v) => void storage.set(k, v), removeItem: (k) => void storage.delete(k) },
    connectLive: ({ handlers, lastSeenId }) => {
      world.live = handlers;
      world.resumedAfter.push(lastSeenId());
      return { typing() {}, close() {} };
    },
    workspace: 'demo',
    locale: 'zh-CN',
    now: () => new Date(Date.UTC(2026, 0, 1)),
    newId: () => `c${++id}`,
    isOnline: () => world.online,
    later: () => () => undefined,
  });
  return { world, chat, storage };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('chat', () => {
  it('queues what is typed offline and sends each message once, in order, when the network returns', async () => {
    const { world, chat } = fakeWorld();
    await chat.start();
    world.online = false;
    chat.networkChanged(false);
    chat.send('first');
    chat.send('second');
    await settle();
    expect(world.posts).toEqual([]);
    expect(chat.get().messages.map((m) => [m.text, m.delivery])).toEqual([['first', 'waiting'], ['second', 'waiting']]);
    expect(chat.get().connection).toBe('offline');

    world.online = true;
    chat.networkChanged(true);
    world.live?.status('connected'); // the socket reconnecting flushes too
    await settle();
    await settle();
    expect(world.posts).toEqual(['c1', 'c2']);
    expect(chat.get().messages.map((m) => m.id)).toEqual(['m1', 'r-m1', 'm2', 'r-m2']);

    // The socket echoes and a resume backfill repeat what we already have: nothing doubles, nothing is re-sent.
    world.live?.message(world.stored.get('c1')!);
    world.live?.backfill([...world.stored.values()]);
    chat.networkChanged(true);
    await settle();
    expect(world.posts).toEqual(['c1', 'c2']);
    expect(chat.get().messages.map((m) => m.id)).toEqual(['m1', 'r-m1', 'm2', 'r-m2']);
  });

  it('shows the queue after "talk to a person", an agent live, and asks for CSAT once resolved', async () => {
    const { world, chat, storage } = fakeWorld();
    await chat.start();
    await chat.handoff();
    expect(chat.get().conversation).toMatchObject({ status: 'queued', queuePosition: 2, estimatedWaitSeconds: 120 });
    world.live?.conversation({ id: 'v1', status: 'queued', queuePosition: 1, estimatedWaitSeconds: 30 });
    expect(chat.get().conversation?.queuePosition).toBe(1);
    world.live?.typing('agent', true);
    expect(chat.get().agentTyping).toBe(true);
    world.live?.message({ id: 'a1', author: 'agent', kind: 'agent', text: '您好，我是小林', createdAt: '2026-01-01T00:01:00.000Z' });
    expect(chat.get().agentTyping).toBe(false);
    expect(chat.get().messages.at(-1)?.text).toBe('您好，我是小林');
    world.live?.conversation({ id: 'v1', status: 'resolved', queuePosition: null, estimatedWaitSeconds: null });
    expect(chat.get().csat).toBe('asking');
    expect(await chat.submitCsat(5, '很好')).toBe(true);
    expect(chat.get().csat).toBe('sent');
    expect(storage.get('lingxi:demo:csat:v1')).toBe('5');
    // Then, once, how likely they are to recommend us.
    expect(chat.get().npsAnswered).toBe(false);
    expect(await chat.submitNps(9)).toBe(true);
    expect(chat.get().npsAnswered).toBe(true);
    expect(storage.get('lingxi:demo:nps:v1')).toBe('9');
  });

  it('counts unread messages only while the panel is closed', async () => {
    const { world, chat } = fakeWorld();
    await chat.start();
    await chat.handoff();
    chat.setVisible(false);
    world.live?.message({ id: 'a1', author: 'agent', kind: 'agent', text: 'hi', createdAt: '2026-01-01T00:01:00.000Z' });
    world.live?.message({ id: 'a1', author: 'agent', kind: 'agent', text: 'hi', createdAt: '2026-01-01T00:01:00.000Z' });
    expect(chat.get().unread).toBe(1);
    chat.setVisible(true);
    expect(chat.get().unread).toBe(0);
  });
});

describe('chat with an expired session', () => {
  it('starts a new session once and sends there, instead of failing forever', async () => {
    const { world, chat, storage } = fakeWorld();
    world.sessions.add('cs_old');
    storage.set('lingxi:demo:session', 'cs_old');
    await chat.start();
    world.sessions.delete('cs_old'); // the server forgets it while the page is open
    chat.send('hello');
    await settle();
    await settle();
    expect(world.posts).toEqual(['c1']);
    expect(world.sessions.has(storage.get('lingxi:demo:session')!)).toBe(true);
    expect(chat.get().messages.map((m) => [m.author, m.text])).toEqual([['customer', 'hello'], ['bot', '**answer** to hello']]);
  });
});
