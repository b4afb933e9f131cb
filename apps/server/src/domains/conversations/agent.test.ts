import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io, type Socket } from 'socket.io-client';
import { startTestApp, type TestApp } from '../../testing/harness.ts';
import { ensureWorkspace } from '../accounts/index.ts';

// A small knowledge base keeps this file fast; the demo one is exercised in customer.test.ts.
const kb = [
  { question: '怎么退货？', similarQuestions: ['我要退货', '退货流程是什么', '如何办理退货'], answer: '在「我的订单」里申请退货。', category: '退货' },
  { question: '退款多久到账？', similarQuestions: ['钱什么时候退回来', '退款几天到', '退款到账时间'], answer: '1–3 个工作日。', category: '退款' },
  { question: 'How do I return an item?', similarQuestions: ['I want to return something', 'return process', 'send back a product'], answer: 'Request a return under My Orders.', category: 'Returns' },
  { question: 'Where is my order?', similarQuestions: ['track my order', 'order status', 'check my order'], answer: 'Send me your **order number**.', category: 'Orders', tags: ['flow:order_status'] },
];

let t: TestApp;
let seq = 0;
const say = (token: string, text: string, clientMessageId = `a-${++seq}`) => t.call('POST', '/api/public/v1/messages', { token, body: { text, clientMessageId } });
const session = async (body: Record<string, unknown> = {}) => (await t.call('POST', '/api/public/v1/sessions', { body })).body as { sessionToken: string; contactId: string; conversationId: string };

beforeAll(async () => {
  t = await startTestApp();
  const imported = await t.call('POST', '/api/v1/knowledge/import', { token: t.adminToken, body: { entries: kb } });
  expect(imported.body).toMatchObject({ imported: 4, errors: [] });
}, 60_000);
afterAll(async () => t?.close());

describe('bad input gets a 4xx listing every problem', () => {
  it.each([
    ['POST', '/api/public/v1/sessions', { email: 'nope', phone: 'x', locale: 'fr', channel: 'fax', workspace: 'Bad Slug!' }, ['body.email', 'body.phone', 'body.locale', 'body.channel', 'body.workspace']],
    ['POST', '/api/v1/knowledge/entries', { question: '', answer: '', validFrom: 'soon', tags: [1] }, ['body.question', 'body.answer', 'body.validFrom', 'body.tags.0']],
    ['PATCH', '/api/v1/knowledge/entries/not-a-uuid', { question: '' }, ['params.id', 'body.question']],
    ['GET', '/api/v1/knowledge/entries?limit=0&status=gone', undefined, ['query.limit', 'query.status']],
    ['POST', '/api/v1/knowledge/entries/not-a-uuid/versions/zero/restore', undefined, ['params.id', 'params.version']],
    ['GET', '/api/v1/conversations?status=lost&assignee=someone&limit=0', undefined, ['query.status', 'query.assignee', 'query.limit']],
    ['POST', '/api/v1/conversations/not-a-uuid/messages', { text: '' }, ['params.id', 'body.text']],
    ['PATCH', '/api/v1/contacts/not-a-uuid', { email: 'x', vip: 'yes' }, ['params.id', 'body.email', 'body.vip']],
    ['GET', '/api/demo/orders/abc', undefined, ['params.number']],
  ])('%s %s', async (method, path, body, paths) => {
    const res = await t.call(method, path, { token: t.adminToken, ...(body ? { body } : {}) });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(res.body.error.problems.map((p: { path: string }) => p.path).sort()).toEqual([...paths].sort());
  });

  it('on the customer routes too', async () => {
    const s = await session();
    const cases: [string, string, unknown, string[]][] = [
      ['POST', '/api/public/v1/messages', { text: '', clientMessageId: 'has space' }, ['body.text', 'body.clientMessageId']],
      ['GET', '/api/public/v1/messages?after=xyz', undefined, ['query.after']],
      ['POST', '/api/public/v1/messages/not-a-uuid/feedback', { helpful: 'yes' }, ['params.id', 'body.helpful']],
      ['POST', '/api/public/v1/conversation/csat', { score: 9, comment: 3 }, ['body.score', 'body.comment']],
    ];
    for (const [method, path, body, paths] of cases) {
      const res = await t.call(method, path, { token: s.sessionToken, ...(body ? { body } : {}) });
      expect(res.status, path).toBe(400);
      expect(res.body.error.problems.map((p: { path: string }) => p.path).sort(), path).toEqual([...paths].sort());
    }
    const unknownAfter = await t.call('GET', '/api/public/v1/messages?after=0190a0b0-0000-7000-8000-000000000001', { token: s.sessionToken });
    expect(unknownAfter.status).toBe(404);
    expect(unknownAfter.body.error.problems[0].path).toBe('query.after');
    const badImport = await t.call('POST', '/api/v1/knowledge/import', { token: t.adminToken, body: { entries: 'x' } });
    expect(badImport.status).toBe(400);
    expect((await t.call('POST', '/api/public/v1/messages', { body: { text: 'hi', clientMessageId: 'x' } })).status).toBe(401);
    expect((await t.call('POST', '/api/public/v1/messages', { token: 'cs_forged', body: { text: 'hi', clientMessageId: 'x' } })).status).toBe(401);
    expect((await t.call('GET', '/api/public/v1/widget-config?workspace=nowhere')).status).toBe(404);
    expect((await t.call('POST', '/api/public/v1/sessions', { body: { workspace: 'nowhere' } })).status).toBe(404);
  });
});

describe('agents', () => {
  it('cannot read or touch another workspace’s conversation', async () => {
    const s = await session();
    await say(s.sessionToken, '转人工');
    await ensureWorkspace({ db: t.db, ids: t.ids, clock: t.clock, sessionTtlHours: 24 }, { slug: 'other', name: 'Other', adminEmail: 'boss@other.test', adminPassword: 'other-password-1' });
    const stranger = await t.login('boss@other.test', 'other-password-1');
    for (const [method, path] of [['GET', ''], ['POST', '/accept'], ['POST', '/resolve']] as const) {
      const res = await t.call(method, `/api/v1/conversations/${s.conversationId}${path}`, { token: stranger });
      expect(res.status, path).toBe(404);
    }
    expect((await t.call('POST', `/api/v1/conversations/${s.conversationId}/messages`, { token: stranger, body: { text: 'hi' } })).status).toBe(404);
    expect((await t.call('GET', `/api/v1/contacts/${s.contactId}`, { token: stranger })).status).toBe(404);
    const list = await t.call('GET', '/api/v1/conversations', { token: stranger });
    expect(list.body.conversations).toEqual([]);
    expect((await t.call('GET', '/api/v1/conversations', { token: s.sessionToken })).status).toBe(401);
  });

  it('accept, reply, note, resolve; the customer rates the answer and the conversation', async () => {
    const s = await session({ name: 'Ann' });
    const answer = await say(s.sessionToken, 'How do I return an item?');
    expect(answer.body.replies[0].kind).toBe('answer');
    expect((await t.call('POST', `/api/public/v1/messages/${answer.body.replies[0].id}/feedback`, { token: s.sessionToken, body: { helpful: false } })).body).toEqual({ ok: true });
    expect((await t.call('POST', `/api/public/v1/messages/${answer.body.message.id}/feedback`, { token: s.sessionToken, body: { helpful: true } })).status).toBe(409);
    const handoff = await t.call('POST', '/api/public/v1/conversation/handoff', { token: s.sessionToken, body: {} });
    expect(handoff.body).toMatchObject({ status: 'queued', replies: [{ kind: 'handoff' }] });
    expect(handoff.body.queuePosition).toBeGreaterThanOrEqual(1);
    const again = await t.call('POST', '/api/public/v1/conversation/handoff', { token: s.sessionToken, body: {} });
    expect(again.body).toMatchObject({ status: 'queued', replies: [] });

    const queued = await t.call('GET', '/api/v1/conversations?status=queued&assignee=none', { token: t.adminToken });
    expect(queued.body.conversations.map((c: { id: string }) => c.id)).toContain(s.conversationId);
    const accepted = await t.call('POST', `/api/v1/conversations/${s.conversationId}/accept`, { token: t.adminToken });
    expect(accepted.body.conversation).toMatchObject({ status: 'assigned', contactName: 'Ann' });
    expect((await t.call('GET', '/api/v1/conversations?assignee=me', { token: t.adminToken })).body.conversations.map((c: { id: string }) => c.id)).toContain(s.conversationId);
    expect((await t.call('POST', `/api/v1/conversations/${s.conversationId}/accept`, { token: t.adminToken })).status).toBe(200);

    expect((await t.call('POST', `/api/v1/conversations/${s.conversationId}/messages`, { token: t.adminToken, body: { text: 'Hi Ann, I can help.' } })).status).toBe(201);
    expect((await t.call('POST', `/api/v1/conversations/${s.conversationId}/messages`, { token: t.adminToken, body: { text: 'customer seems fine', private: true } })).status).toBe(201);
    const customerView = await t.call('GET', '/api/public/v1/messages', { token: s.sessionToken });
    expect(customerView.body.messages.map((m: { kind: string }) => m.kind)).toEqual(['text', 'answer', 'handoff', 'agent']);
    const agentView = await t.call('GET', `/api/v1/conversations/${s.conversationId}`, { token: t.adminToken });
    expect(agentView.body.messages.map((m: { kind: string }) => m.kind)).toEqual(['text', 'answer', 'handoff', 'agent', 'note']);
    expect(agentView.body.handoff).toMatchObject({ trigger: 'explicit', botHelped: false, contact: { name: 'Ann' } });

    expect((await t.call('POST', '/api/public/v1/conversation/csat', { token: s.sessionToken, body: { score: 5 } })).status).toBe(409);
    const resolved = await t.call('POST', `/api/v1/conversations/${s.conversationId}/resolve`, { token: t.adminToken });
    expect(resolved.body.conversation).toMatchObject({ status: 'resolved', contactName: 'Ann' });
    expect((await t.call('POST', '/api/public/v1/conversation/csat', { token: s.sessionToken, body: { score: 5, comment: '很好' } })).body).toEqual({ ok: true });
    expect((await t.call('POST', '/api/public/v1/conversation/csat', { token: s.sessionToken, body: { score: 4 } })).status).toBe(409);
    expect((await t.call('GET', `/api/v1/conversations/${s.conversationId}`, { token: t.adminToken })).body.csat).toEqual({ score: 5, comment: '很好' });
    // Writing again after resolution goes back to the bot.
    const back = await say(s.sessionToken, '退款多久到账？');
    expect(back.body.conversation.status).toBe('bot');
    expect(back.body.replies[0].kind).toBe('answer');
  });

  it('presents a conversation the same way from every route: accept, tags and resolve answer what the list and the detail show', async () => {
    const s = await session({ name: '李雷' });
    await t.call('POST', '/api/public/v1/conversation/handoff', { token: s.sessionToken, body: {} });
    const shown = async () => {
      const detail = (await t.call('GET', `/api/v1/conversations/${s.conversationId}`, { token: t.adminToken })).body.conversation;
      const listed = (await t.call('GET', '/api/v1/conversations?view=all', { token: t.adminToken })).body.conversations.find((c: { id: string }) => c.id === s.conversationId);
      expect(listed).toEqual({ ...detail, queuePosition: null });
      return detail;
    };
    const accepted = (await t.call('POST', `/api/v1/conversations/${s.conversationId}/accept`, { token: t.adminToken })).body.conversation;
    expect(accepted).toMatchObject({ status: 'assigned', contactName: '李雷' });
    expect(accepted).toEqual(await shown());
    const tagged = (await t.call('PUT', `/api/v1/conversations/${s.conversationId}/tags`, { token: t.adminToken, body: { tags: ['发票'] } })).body.conversation;
    expect(tagged).toEqual(await shown());
    const resolved = (await t.call('POST', `/api/v1/conversations/${s.conversationId}/resolve`, { token: t.adminToken, body: { disposition: 'solved' } })).body.conversation;
    expect(resolved).toMatchObject({ status: 'resolved', contactName: '李雷', disposition: 'solved', tags: ['发票'] });
    expect(resolved).toEqual(await shown());
  });

  it('runs the order-status flow through the demo order service', async () => {
    const s = await session({ locale: 'zh-CN' });
    const ask = await say(s.sessionToken, 'Where is my order?');
    expect(ask.body.replies[0]).toMatchObject({ kind: 'flow' });
    const wrong = await say(s.sessionToken, 'it is LX20260000000');
    expect(wrong.body.replies[0].kind).toBe('flow');
    expect(wrong.body.replies[0].text).toContain('LX20260000000');
    const found = await say(s.sessionToken, 'LX20260001234');
    expect(found.body.replies[0].kind).toBe('flow');
    expect(found.body.replies[0].text).toMatch(/Order `LX20260001234` is \*\*/);
    expect(found.body.conversation.status).toBe('bot');
  });

  it('answers an order number sent alone in the language the customer was speaking', async () => {
    const spoken = await session({ locale: 'en-US' });
    expect((await say(spoken.sessionToken, '退款多久到账？')).body.replies[0]).toMatchObject({ kind: 'answer' });
    expect((await say(spoken.sessionToken, 'LX20260001234')).body.replies[0].text).toMatch(/^订单 `LX20260001234` 当前状态/);
    const fresh = await session({ locale: 'zh-CN' });
    expect((await say(fresh.sessionToken, 'LX20260001234')).body.replies[0].text).toMatch(/^订单 `LX20260001234` 当前状态/);
  });
});

describe('many customers at once (group commit)', () => {
  it('stores every message once, in order, when sessions send several messages concurrently', async () => {
    const sessions = await Promise.all(Array.from({ length: 12 }, () => session()));
    const texts = ['怎么退货？', '退款多久到账？', 'How do I return an item?'];
    const results = await Promise.all(sessions.flatMap((s, i) => texts.map((text, j) => say(s.sessionToken, text, `burst-${i}-${j}`))));
    expect(results.every((r) => r.status === 200 && r.body.replies.length === 1)).toBe(true);
    for (const s of sessions) {
      const history = (await t.call('GET', '/api/public/v1/messages', { token: s.sessionToken })).body.messages as { id: string; author: string; text: string }[];
      expect(history).toHaveLength(6);
      expect(new Set(history.map((m) => m.id)).size).toBe(6);
      expect(history.filter((m) => m.author === 'customer').map((m) => m.text).sort()).toEqual([...texts].sort());
      // Paging from any message returns exactly the ones after it.
      const after = (await t.call('GET', `/api/public/v1/messages?after=${history[2]!.id}`, { token: s.sessionToken })).body.messages as { id: string }[];
      expect(after.map((m) => m.id)).toEqual(history.slice(3).map((m) => m.id));
    }
  });
});

describe('socket', () => {
  it('pushes the bot’s replies to a connected customer, answers message.send, and resume backfills without duplicates', async () => {
    const s = await session();
    const socket: Socket = io(t.baseUrl, { path: '/socket.io', auth: { token: s.sessionToken }, transports: ['websocket'] });
    const seen: { id: string; author: string }[] = [];
    socket.on('message.created', (m: { id: string; author: string }) => seen.push(m));
    await new Promise<void>((resolve, reject) => {
      socket.on('connect', () => resolve());
      socket.on('connect_error', reject);
    });
    const sent = await say(s.sessionToken, '怎么退货？');
    const botId = sent.body.replies[0].id;
    await waitFor(() => seen.some((m) => m.id === botId));
    expect(seen.find((m) => m.id === botId)!.author).toBe('bot');

    const acked = (await socket.timeout(5000).emitWithAck('message.send', { text: '退款多久到账？', clientMessageId: 'sock-1' })) as { replies: { id: string; kind: string }[] };
    expect(acked.replies[0]!.kind).toBe('answer');
    const bad = (await socket.timeout(5000).emitWithAck('message.send', { text: '' })) as { error: { problems: { path: string }[] } };
    expect(bad.error.problems.map((p) => p.path).sort()).toEqual(['clientMessageId', 'text']);

    const resumed = (await socket.timeout(5000).emitWithAck('resume', { after: botId })) as { messages: { id: string; text: string }[] };
    expect(resumed.messages.map((m) => m.text)[0]).toBe('退款多久到账？');
    expect(resumed.messages.map((m) => m.id).slice(1)).toEqual([acked.replies[0]!.id]);
    expect(new Set(resumed.messages.map((m) => m.id)).size).toBe(resumed.messages.length);
    expect(resumed.messages.some((m) => m.id === botId)).toBe(false);
    const all = (await socket.timeout(5000).emitWithAck('resume', { after: null })) as { messages: unknown[] };
    expect(all.messages).toHaveLength(4);
    const updates: { status: string; queuePosition: number | null }[] = [];
    socket.on('conversation.updated', (u: { status: string; queuePosition: number | null }) => updates.push(u));
    await t.call('POST', '/api/public/v1/conversation/handoff', { token: s.sessionToken, body: {} });
    await waitFor(() => updates.length > 0 && seen.some((m) => m.author === 'system'));
    expect(updates[0]!.status).toBe('queued');
    expect(updates[0]!.queuePosition).toBeGreaterThanOrEqual(1);
    socket.disconnect();
  });
});

async function waitFor(check: () => boolean, ms = 5000): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}
