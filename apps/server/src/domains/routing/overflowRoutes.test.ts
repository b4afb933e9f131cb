import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { startTestApp, type TestApp } from '../../testing/harness.ts';

const weekdays9to6 = { '1': [['09:00', '18:00']], '2': [['09:00', '18:00']], '3': [['09:00', '18:00']], '4': [['09:00', '18:00']], '5': [['09:00', '18:00']] };

/** Routing settings over HTTP, business hours with holidays, and overflow to leave-a-message. */
describe('routing settings, business hours and overflow', () => {
  let t: TestApp;
  let agent: { id: string; token: string };
  // Thursday 1 October 2026, 11:00 in Shanghai: a weekday, and National Day.
  const holidayMorning = new Date('2026-10-01T03:00:00Z');
  beforeAll(async () => {
    t = await startTestApp({ fixedNow: holidayMorning, config: { LINGXI_SEED_DEMO: 'false' } });
    const created = await t.call('POST', '/api/v1/users', { token: t.adminToken, body: { email: 'li@example.com', name: '李雷', password: 'agent-password', role: 'agent' } });
    agent = { id: created.body.user.id, token: await t.login('li@example.com', 'agent-password') };
  }, 60_000);
  afterAll(async () => t?.close());

  // Days pass: log in again, since sessions expire.
  const setClock = async (at: Date) => {
    (t.clock as unknown as { set(d: Date): void }).set(at);
    agent.token = await t.login('li@example.com', 'agent-password');
    t.adminToken = await t.login('admin@lingxi.local', 'admin-password-1');
  };
  async function handOff(locale: 'zh-CN' | 'en-US' = 'zh-CN') {
    const session = await t.call('POST', '/api/public/v1/sessions', { body: { locale } });
    const handoff = await t.call('POST', '/api/public/v1/conversation/handoff', { token: session.body.sessionToken, body: {} });
    await t.app.dispatcher.drain();
    return { token: session.body.sessionToken as string, conversationId: session.body.conversationId as string, handoff: handoff.body };
  }

  it('shows the defaults, and lets only admins change them', async () => {
    const shown = await t.call('GET', '/api/v1/settings/routing', { token: agent.token });
    expect(shown.status).toBe(200);
    expect(shown.body.settings).toMatchObject({ acceptSeconds: 30, presenceGraceSeconds: 60, overflow: { maxQueueLength: 50, maxWaitSeconds: 600 }, businessHours: { timezone: 'Asia/Shanghai', holidays: [] } });
    expect((await t.call('PUT', '/api/v1/settings/routing', { token: agent.token, body: { acceptSeconds: 45 } })).status).toBe(403);
    const changed = await t.call('PUT', '/api/v1/settings/routing', {
      token: t.adminToken,
      body: { acceptSeconds: 45, businessHours: { timezone: 'Asia/Shanghai', weekly: weekdays9to6, holidays: ['2026-10-01'], extraWorkdays: ['2026-10-10'] } },
    });
    expect(changed.status).toBe(200);
    expect(changed.body.settings).toMatchObject({ acceptSeconds: 45, presenceGraceSeconds: 60, businessHours: { holidays: ['2026-10-01'], extraWorkdays: ['2026-10-10'] } });
    expect((await t.call('GET', '/api/v1/settings/routing', { token: t.adminToken })).body.settings.businessHours.weekly['1']).toEqual([['09:00', '18:00']]);
  });

  it('lists every problem of bad settings at once', async () => {
    const bad = await t.call('PUT', '/api/v1/settings/routing', {
      token: t.adminToken,
      body: {
        acceptSeconds: 2,
        presenceGraceSeconds: 'soon',
        overflow: { maxQueueLength: 0, maxWaitSeconds: 60 },
        businessHours: { timezone: 'Mars/Olympus', weekly: { '1': [['18:00', '09:00']], '7': [] }, holidays: ['2026/10/01'] },
        priorityWeights: { vip: -1, humanOnly: 1, perEmotionLevel: 1, perMinuteWaited: 1 },
      },
    });
    expect(bad.status).toBe(400);
    const paths = bad.body.error.problems.map((p: { path: string }) => p.path);
    for (const expected of ['body.acceptSeconds', 'body.presenceGraceSeconds', 'body.overflow.maxQueueLength', 'body.businessHours.timezone', 'body.businessHours.weekly.1.0', 'body.businessHours.holidays.0', 'body.priorityWeights.vip']) {
      expect(paths, expected).toContain(expected);
    }
    expect(paths.some((p: string) => p.startsWith('body.businessHours.weekly'))).toBe(true);
    expect((await t.call('PUT', '/api/v1/settings/routing', { token: t.adminToken, body: {} })).status).toBe(400);
  });

  it('on a holiday: the customer is told it is after hours and offered a message or a callback, even with an agent online', async () => {
    await t.call('PUT', '/api/v1/agents/me/presence', { token: agent.token, body: { status: 'online' } });
    const c = await handOff('zh-CN');
    expect(c.handoff.status).toBe('queued');
    expect(c.handoff.replies[0]).toMatchObject({ kind: 'handoff', text: expect.stringContaining('非工作时间'), quickReplies: ['留言', '预约回电'] });

    // A structured event for the widget (socket `conversation.overflow`) and reports.
    const events = await t.db.sql.execute<{ payload: { conversationId: string; reason: string } }>(sql`select payload from outbox where name = 'conversation.overflowed'`);
    expect(events.rows.map((r) => r.payload)).toContainEqual({ conversationId: c.conversationId, reason: 'after_hours', actions: ['leave_message', 'callback'] });
    const detail = await t.call('GET', `/api/v1/conversations/${c.conversationId}`, { token: t.adminToken });
    expect(detail.body.conversation.status).toBe('queued');

    // The customer leaves a message with a callback time: pending, a follow-up for agents.
    const left = await t.call('POST', '/api/public/v1/conversation/leave-message', {
      token: c.token,
      body: { text: '我想咨询退款，请明天上午回电', contact: { phone: '13800138000' }, callbackAt: '2026-10-02T10:00:00+08:00' },
    });
    expect(left.status).toBe(200);
    expect(left.body).toMatchObject({ id: c.conversationId, status: 'pending', queuePosition: null, replies: [{ kind: 'system', text: expect.stringContaining('回电') }] });
    const pending = await t.call('GET', '/api/v1/conversations?status=pending', { token: agent.token });
    expect(pending.body.conversations.map((x: { id: string }) => x.id)).toContain(c.conversationId);
    const messages = (await t.call('GET', `/api/v1/conversations/${c.conversationId}`, { token: agent.token })).body.messages as Array<{ kind: string; private: boolean; text: string }>;
    expect(messages.find((m) => m.kind === 'note' && m.private)!.text).toContain('13800138000');
    expect((await t.call('GET', `/api/v1/contacts/${detail.body.contact.id}`, { token: t.adminToken })).body.contact.phone).toBe('13800138000');
    // An agent picks the follow-up up.
    expect((await t.call('POST', `/api/v1/conversations/${c.conversationId}/accept`, { token: agent.token })).body.conversation.status).toBe('assigned');
    await t.call('POST', `/api/v1/conversations/${c.conversationId}/resolve`, { token: agent.token });
  });

  it('the next working day (and a make-up Saturday) serves normally; a weekend evening does not', async () => {
    await setClock(new Date('2026-10-02T03:00:00Z')); // Friday 11:00
    const open = await handOff('en-US');
    expect(open.handoff.replies[0].quickReplies).toBeUndefined();
    await t.call('POST', `/api/v1/conversations/${open.conversationId}/accept`, { token: agent.token });
    await t.call('POST', `/api/v1/conversations/${open.conversationId}/resolve`, { token: agent.token });

    await setClock(new Date('2026-10-10T12:00:00Z')); // Saturday 20:00, but a make-up working day
    const makeUp = await handOff('en-US');
    expect(makeUp.handoff.replies[0].quickReplies).toBeUndefined();
    await t.call('POST', `/api/v1/conversations/${makeUp.conversationId}/accept`, { token: agent.token });
    await t.call('POST', `/api/v1/conversations/${makeUp.conversationId}/resolve`, { token: agent.token });

    await setClock(new Date('2026-10-11T12:00:00Z')); // Sunday 20:00
    const closed = await handOff('en-US');
    expect(closed.handoff.replies[0]).toMatchObject({ text: expect.stringContaining('outside our service hours'), quickReplies: ['Leave a message', 'Request a callback'] });
    await t.call('POST', '/api/public/v1/conversation/leave-message', { token: closed.token, body: { text: 'call me', contact: { email: 'a@b.co' } } });
  });

  it('with nobody online during business hours: offered a message; bad leave-message input lists every problem', async () => {
    await setClock(new Date('2026-10-12T03:00:00Z')); // Monday 11:00
    await t.call('PUT', '/api/v1/agents/me/presence', { token: agent.token, body: { status: 'offline' } });
    const c = await handOff('zh-CN');
    expect(c.handoff.replies[0]).toMatchObject({ text: expect.stringContaining('没有人工客服在线'), quickReplies: ['留言', '预约回电'] });
    const bad = await t.call('POST', '/api/public/v1/conversation/leave-message', { token: c.token, body: { text: '', contact: { email: 'nope', phone: 'x' }, callbackAt: 'tomorrow' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.problems.map((p: { path: string }) => p.path).sort()).toEqual(['body.callbackAt', 'body.contact.email', 'body.contact.phone', 'body.text']);
    const left = await t.call('POST', '/api/public/v1/conversation/leave-message', { token: c.token, body: { text: '请尽快联系我' } });
    expect(left.body.status).toBe('pending');
    // A second message adds to the same follow-up.
    expect((await t.call('POST', '/api/public/v1/conversation/leave-message', { token: c.token, body: { text: '补充：订单号 LX20260001234' } })).body.status).toBe('pending');
  });

  it('when the expected wait passes the threshold', async () => {
    await t.call('PUT', '/api/v1/settings/routing', { token: t.adminToken, body: { overflow: { maxQueueLength: 50, maxWaitSeconds: 120 } } });
    await t.call('PUT', `/api/v1/agents/${agent.id}`, { token: t.adminToken, body: { capacity: 1 } });
    await t.call('PUT', '/api/v1/agents/me/presence', { token: agent.token, body: { status: 'online' } });
    await t.app.dispatcher.drain();
    const first = await handOff('zh-CN');
    expect(first.handoff.replies[0].quickReplies).toBeUndefined();
    await t.call('POST', `/api/v1/conversations/${first.conversationId}/accept`, { token: agent.token });
    const second = await handOff('zh-CN');
    expect(second.handoff.replies[0]).toMatchObject({ text: expect.stringContaining('等待时间较长'), quickReplies: ['留言', '预约回电'] });
  });
});
