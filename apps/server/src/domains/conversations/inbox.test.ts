import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { io, type Socket } from 'socket.io-client';
import { startTestApp, type TestApp } from '../../testing/harness.ts';

// Issue 5's inbox pieces: resolve with a disposition and tags, search and filters, @mentions in notes.
let t: TestApp;
let seq = 0;
let agent: { id: string; token: string };
const say = (token: string, text: string) => t.call('POST', '/api/public/v1/messages', { token, body: { text, clientMessageId: `i-${++seq}` } });
const session = async (body: Record<string, unknown> = {}) => (await t.call('POST', '/api/public/v1/sessions', { body })).body as { sessionToken: string; contactId: string; conversationId: string };
/** A conversation handed to a person and accepted by the admin. */
async function assigned(body: Record<string, unknown> = {}, text = 'hello there') {
  const s = await session(body);
  await say(s.sessionToken, text);
  await t.call('POST', '/api/public/v1/conversation/handoff', { token: s.sessionToken, body: {} });
  const accepted = await t.call('POST', `/api/v1/conversations/${s.conversationId}/accept`, { token: t.adminToken });
  expect(accepted.status).toBe(200);
  return s;
}
const ids = (res: { body: { conversations: { id: string }[] } }) => res.body.conversations.map((c) => c.id);
const list = (query: string, token = t.adminToken) => t.call('GET', `/api/v1/conversations?${query}`, { token });
async function outbox(name: string): Promise<{ payload: any }[]> {
  return (await t.db.sql.execute<{ payload: any }>(sql`select payload from outbox where name = ${name} order by created_at`)).rows;
}
async function waitFor<T>(check: () => Promise<T | undefined> | T | undefined, ms = 5000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 25));
  }
}

beforeAll(async () => {
  t = await startTestApp({ config: { LINGXI_SEED_DEMO: 'false' } });
  const created = await t.call('POST', '/api/v1/users', { token: t.adminToken, body: { email: 'xiaoming@shop.test', name: '张小明', password: 'agent-password', role: 'agent' } });
  agent = { id: created.body.user.id, token: await t.login('xiaoming@shop.test', 'agent-password') };
}, 60_000);
afterAll(async () => t?.close());

describe('resolve with a disposition and tags', () => {
  it('still resolves with no body at all (CONTRACT) and with an empty one', async () => {
    for (const body of [undefined, {}]) {
      const s = await assigned();
      const res = await t.call('POST', `/api/v1/conversations/${s.conversationId}/resolve`, { token: t.adminToken, ...(body ? { body } : {}) });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body.conversation).toMatchObject({ status: 'resolved', disposition: null, tags: [] });
    }
  });

  it('stores disposition, tags and a note, and records them in the events and the analytics fact', async () => {
    const s = await assigned({ name: 'Refund Rita' });
    const res = await t.call('POST', `/api/v1/conversations/${s.conversationId}/resolve`, {
      token: t.adminToken,
      body: { disposition: 'refund', tags: ['退款', ' 物流 ', '退款', 'VIP'], note: '已原路退款，@张小明 明天回访' },
    });
    expect(res.status).toBe(200);
    expect(res.body.conversation).toMatchObject({ status: 'resolved', disposition: 'refund', tags: ['退款', '物流', 'VIP'] });
    const detail = await t.call('GET', `/api/v1/conversations/${s.conversationId}`, { token: t.adminToken });
    expect(detail.body.conversation).toMatchObject({ disposition: 'refund', tags: ['退款', '物流', 'VIP'] });
    expect(detail.body.messages.at(-1)).toMatchObject({ kind: 'note', private: true, text: '已原路退款，@张小明 明天回访', mentions: [agent.id] });
    const resolved = (await outbox('conversation.resolved')).find((e) => e.payload.conversationId === s.conversationId);
    expect(resolved?.payload).toMatchObject({ disposition: 'refund', tags: ['退款', '物流', 'VIP'], noteId: detail.body.messages.at(-1).id });
    const fact = await waitFor(async () => (await t.db.sql.execute<{ detail: any }>(sql`select detail from analytics_facts where conversation_id = ${s.conversationId} and kind = 'resolved'`)).rows[0]);
    expect(fact.detail).toEqual({ disposition: 'refund', tags: ['退款', '物流', 'VIP'] });
  });

  it('refuses an unknown disposition with the allowed ones, and bad tags with every problem', async () => {
    const s = await assigned();
    const bad = await t.call('POST', `/api/v1/conversations/${s.conversationId}/resolve`, { token: t.adminToken, body: { disposition: 'lost_in_space' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('CONVERSATION_UNKNOWN_DISPOSITION');
    expect(bad.body.error.problems).toEqual([{ path: 'body.disposition', message: 'must be one of solved, refund, replacement, no_response, duplicate, spam' }]);
    expect((await t.call('GET', `/api/v1/conversations/${s.conversationId}`, { token: t.adminToken })).body.conversation.status).toBe('assigned');
    const invalid = await t.call('POST', `/api/v1/conversations/${s.conversationId}/resolve`, { token: t.adminToken, body: { disposition: 3, tags: ['', 'a,b'], note: 7 } });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.problems.map((p: { path: string }) => p.path).sort()).toEqual(['body.disposition', 'body.note', 'body.tags.0', 'body.tags.1']);
  });

  it('lists dispositions in zh and en, and follows the admin’s own list', async () => {
    const defaults = await t.call('GET', '/api/v1/dispositions', { token: agent.token });
    expect(defaults.body.dispositions[0]).toEqual({ key: 'solved', label: { 'zh-CN': '已解决', 'en-US': 'Resolved / answered' } });
    const own = [{ key: 'warranty', label: { 'zh-CN': '保修处理', 'en-US': 'Warranty claim' } }, { key: 'solved', label: { 'zh-CN': '已解决', 'en-US': 'Solved' } }];
    expect((await t.call('PUT', '/api/v1/settings/dispositions', { token: agent.token, body: { dispositions: own } })).status).toBe(403);
    const dup = await t.call('PUT', '/api/v1/settings/dispositions', { token: t.adminToken, body: { dispositions: [own[0], own[0]] } });
    expect(dup.status).toBe(400);
    expect((await t.call('PUT', '/api/v1/settings/dispositions', { token: t.adminToken, body: { dispositions: own } })).body.dispositions).toEqual(own);
    const audit = await t.call('GET', '/api/v1/audit?action=settings.dispositions_updated', { token: t.adminToken });
    expect(audit.body.entries[0]).toMatchObject({ action: 'settings.dispositions_updated', detail: { keys: ['warranty', 'solved'] } });
    const s = await assigned();
    const refund = await t.call('POST', `/api/v1/conversations/${s.conversationId}/resolve`, { token: t.adminToken, body: { disposition: 'refund' } });
    expect(refund.body.error.problems[0].message).toBe('must be one of warranty, solved');
    expect((await t.call('POST', `/api/v1/conversations/${s.conversationId}/resolve`, { token: t.adminToken, body: { disposition: 'warranty' } })).body.conversation.disposition).toBe('warranty');
    await t.call('PUT', '/api/v1/settings/dispositions', { token: t.adminToken, body: { dispositions: defaults.body.dispositions } });
  });

  it('edits tags on an open conversation and suggests the tags in use', async () => {
    const s = await assigned();
    const tagged = await t.call('PUT', `/api/v1/conversations/${s.conversationId}/tags`, { token: agent.token, body: { tags: ['发票', '退款'] } });
    expect(tagged.body.conversation.tags).toEqual(['发票', '退款']);
    const suggestions = (await t.call('GET', '/api/v1/tags', { token: agent.token })).body.tags as { tag: string; conversations: number }[];
    expect(suggestions[0]).toEqual({ tag: '退款', conversations: 2 });
    expect(suggestions.map((x) => x.tag)).toContain('发票');
    // Resolving without tags keeps them.
    const resolved = await t.call('POST', `/api/v1/conversations/${s.conversationId}/resolve`, { token: t.adminToken, body: { disposition: 'solved' } });
    expect(resolved.body.conversation.tags).toEqual(['发票', '退款']);
    expect((await t.call('PUT', `/api/v1/conversations/${s.conversationId}/tags`, { token: agent.token, body: { tags: 'x' } })).status).toBe(400);
  });
});

describe('inbox search and filters', () => {
  let rita: Awaited<ReturnType<typeof session>>;
  let angry: Awaited<ReturnType<typeof session>>;
  let app: Awaited<ReturnType<typeof session>>;
  beforeAll(async () => {
    rita = await assigned({ name: 'Rita 王', email: 'rita@example.com', phone: '+86 138 0000 1111' }, 'my parcel 包裹 never arrived');
    await t.call('PUT', `/api/v1/conversations/${rita.conversationId}/tags`, { token: t.adminToken, body: { tags: ['物流'] } });
    angry = await session({ name: 'Angry Al' });
    const reply = await say(angry.sessionToken, '你们这什么垃圾服务！！！气死我了，投诉！');
    expect(reply.body.conversation.status).toBe('queued');
    app = await session({ name: 'App Amy', channel: 'app' });
    await say(app.sessionToken, 'discount code 100%_off?');
  });

  it.each([
    ['q=rita', 'rita'],
    ['q=EXAMPLE.COM', 'rita'],
    ['q=0000%201111', 'rita'],
    ['q=13800001111', 'rita'], // the phone as digits finds '+86 138 0000 1111'
    ['q=%E5%8C%85%E8%A3%B9', 'rita'], // 包裹, in a message
    ['q=parcel&status=assigned&view=mine', 'rita'],
    ['tag=%E7%89%A9%E6%B5%81', 'rita'], // 物流
    ['channel=app', 'app'],
    ['q=100%25_', 'app'], // % and _ are literal
    ['emotion=4', 'angry'],
    ['emotion=4,5&view=unassigned', 'angry'],
  ])('%s finds only %s', async (query, who) => {
    const res = await list(query);
    expect(res.status).toBe(200);
    const expected = { rita, angry, app }[who as 'rita' | 'angry' | 'app'].conversationId;
    expect(ids(res)).toContain(expected);
    for (const other of [rita, angry, app].filter((s) => s.conversationId !== expected)) expect(ids(res)).not.toContain(other.conversationId);
  });

  it('combines filters that exclude each other into nothing', async () => {
    expect(ids(await list('q=rita&channel=app'))).toEqual([]);
    expect(ids(await list('q=parcel&view=unassigned'))).toEqual([]);
    expect(ids(await list('q=1%25_off'))).toEqual([]);
    expect(ids(await list('emotion=1,2&q=Angry'))).toEqual([]);
    expect(ids(await list('tag=%E7%89%A9%E6%B5%81&status=queued'))).toEqual([]);
  });

  it('views: mine, unassigned, team, all', async () => {
    expect(ids(await list('view=mine', agent.token))).toEqual([]);
    expect(ids(await list('view=unassigned'))).toContain(angry.conversationId);
    expect(ids(await list('view=unassigned'))).not.toContain(rita.conversationId);
    expect(ids(await list('view=all'))).toEqual(expect.arrayContaining([rita.conversationId, angry.conversationId, app.conversationId]));
    // Without a team the team view is the agent's own; on the admin's team it holds the admin's conversations.
    expect(ids(await list('view=team', agent.token))).toEqual([]);
    const team = await t.call('POST', '/api/v1/teams', { token: t.adminToken, body: { name: '售后' } });
    const me = (await t.call('GET', '/api/v1/auth/me', { token: t.adminToken })).body.user.id;
    for (const id of [me, agent.id]) expect((await t.call('PUT', `/api/v1/agents/${id}`, { token: t.adminToken, body: { teamIds: [team.body.team.id] } })).status).toBe(200);
    const teamView = ids(await list('view=team', agent.token));
    expect(teamView).toContain(rita.conversationId);
    expect(teamView).not.toContain(app.conversationId);
  });

  it('lists every problem of a bad query at once', async () => {
    const res = await list('view=others&channel=fax&emotion=9&q=&tag=a,b&status=lost&limit=0');
    expect(res.status).toBe(400);
    expect(res.body.error.problems.map((p: { path: string }) => p.path).sort()).toEqual(['query.channel', 'query.emotion', 'query.limit', 'query.q', 'query.status', 'query.tag', 'query.view']);
  });
});

describe('@mentions in private notes', () => {
  it('resolves @name to the user, tells them live, and lists it until read; public replies mention nobody', async () => {
    const s = await assigned();
    await t.call('POST', '/api/v1/mentions/read', { token: agent.token, body: { all: true } });
    const socket: Socket = io(t.baseUrl, { path: '/socket.io', auth: { token: agent.token }, transports: ['websocket'] });
    const told: { conversationId: string; excerpt: string; userId: string }[] = [];
    socket.on('mention.created', (m: (typeof told)[number]) => told.push(m));
    await new Promise<void>((resolve, reject) => {
      socket.on('connect', () => resolve());
      socket.on('connect_error', reject);
    });
    try {
      const people = await t.call('GET', '/api/v1/mentions/people', { token: t.adminToken });
      expect(people.body.people).toEqual(expect.arrayContaining([{ id: agent.id, name: '张小明', email: 'xiaoming@shop.test' }]));

      const publicReply = await t.call('POST', `/api/v1/conversations/${s.conversationId}/messages`, { token: t.adminToken, body: { text: '@张小明 will call you back' } });
      expect(publicReply.body.message.mentions).toBeUndefined();
      const note = await t.call('POST', `/api/v1/conversations/${s.conversationId}/messages`, { token: t.adminToken, body: { text: '@张小明请看一下这个退款', private: true } });
      expect(note.status).toBe(201);
      expect(note.body.message.mentions).toEqual([agent.id]);
      await waitFor(() => told.length > 0);
      expect(told).toHaveLength(1);
      expect(told[0]).toMatchObject({ conversationId: s.conversationId, excerpt: '@张小明请看一下这个退款', userId: agent.id });

      const byEmail = await t.call('POST', `/api/v1/conversations/${s.conversationId}/messages`, { token: t.adminToken, body: { text: 'cc @xiaoming@shop.test', private: true } });
      expect(byEmail.body.message.mentions).toEqual([agent.id]);
      // Mentioning yourself tells nobody.
      const self = await t.call('POST', `/api/v1/conversations/${s.conversationId}/messages`, { token: agent.token, body: { text: '@张小明 note to self', private: true } });
      expect(self.body.message.mentions).toEqual([agent.id]);

      // A supervisor's whisper is a note too.
      const whisper = await t.call('POST', `/api/v1/conversations/${s.conversationId}/whisper`, { token: t.adminToken, body: { text: '@张小明 注意语气' } });
      expect(whisper.body.message.mentions).toEqual([agent.id]);
      await t.call('POST', '/api/v1/mentions/read', { token: agent.token, body: { ids: [(await t.call('GET', '/api/v1/mentions?unread=true&limit=1', { token: agent.token })).body.mentions[0].id] } });

      const mine = await t.call('GET', '/api/v1/mentions', { token: agent.token });
      expect(mine.body.unread).toBe(2);
      // Unread first (newest first), then the read ones (the whisper, the resolve note).
      expect(mine.body.mentions.map((m: { excerpt: string }) => m.excerpt)).toEqual(['cc @xiaoming@shop.test', '@张小明请看一下这个退款', '@张小明 注意语气', '已原路退款，@张小明 明天回访']);
      expect(mine.body.mentions[2].readAt).not.toBeNull();
      expect(mine.body.mentions[0]).toMatchObject({ conversationId: s.conversationId, authorName: expect.any(String), readAt: null });
      expect((await t.call('GET', '/api/v1/mentions', { token: t.adminToken })).body).toEqual({ mentions: [], unread: 0 });

      const read = await t.call('POST', '/api/v1/mentions/read', { token: agent.token, body: { ids: [mine.body.mentions[1].id] } });
      expect(read.body).toEqual({ unread: 1 });
      const after = (await t.call('GET', '/api/v1/mentions', { token: agent.token })).body;
      expect(after.mentions[0].readAt).toBeNull();
      expect(after.mentions[1].readAt).not.toBeNull();
      expect((await t.call('GET', '/api/v1/mentions?unread=true', { token: agent.token })).body.mentions).toHaveLength(1);
      expect((await t.call('POST', '/api/v1/mentions/read', { token: agent.token, body: { all: true } })).body).toEqual({ unread: 0 });
      await new Promise((r) => setTimeout(r, 200));
      expect(told).toHaveLength(3);
    } finally {
      socket.disconnect();
    }
  });
});
