import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../testing/harness.ts';

/** Transfer to an agent or a team, supervisor reassign / join / whisper, and who may do what. */
describe('transfer and supervision', () => {
  let t: TestApp;
  const users: Record<string, { id: string; token: string }> = {};
  let teamA: string;
  beforeAll(async () => {
    t = await startTestApp({ fixedNow: new Date('2026-11-23T03:00:00Z'), config: { LINGXI_SEED_DEMO: 'false' } });
    teamA = (await t.call('POST', '/api/v1/teams', { token: t.adminToken, body: { name: 'A' } })).body.team.id;
    for (const [name, role] of [['ann', 'agent'], ['bob', 'agent'], ['cat', 'agent'], ['sue', 'supervisor']] as const) {
      const created = await t.call('POST', '/api/v1/users', { token: t.adminToken, body: { email: `${name}@example.com`, name, password: 'agent-password', role } });
      users[name] = { id: created.body.user.id, token: await t.login(`${name}@example.com`, 'agent-password') };
      await t.call('PUT', `/api/v1/agents/${created.body.user.id}`, { token: t.adminToken, body: { capacity: 5, teamIds: name === 'bob' ? [] : [teamA] } });
    }
  }, 60_000);
  afterAll(async () => t?.close());

  const presence = async (name: string, status: string) => {
    await t.call('PUT', '/api/v1/agents/me/presence', { token: users[name]!.token, body: { status } });
    await t.app.dispatcher.drain();
  };
  const offersOf = async (name: string) => ((await t.call('GET', '/api/v1/agents/me/offers', { token: users[name]!.token })).body.offers as Array<{ conversationId: string }>).map((o) => o.conversationId);
  async function waiting(): Promise<{ conversationId: string; sessionToken: string }> {
    const session = await t.call('POST', '/api/public/v1/sessions', { body: { name: '王女士', locale: 'zh-CN' } });
    await t.call('POST', '/api/public/v1/conversation/handoff', { token: session.body.sessionToken, body: {} });
    await t.app.dispatcher.drain();
    return { conversationId: session.body.conversationId, sessionToken: session.body.sessionToken };
  }
  const detail = async (id: string) => (await t.call('GET', `/api/v1/conversations/${id}`, { token: t.adminToken })).body;

  it('transfers to an agent: offered to them with the note kept private, the customer told', async () => {
    await presence('ann', 'online');
    const c = await waiting();
    expect(await offersOf('ann')).toEqual([c.conversationId]);
    expect((await t.call('POST', `/api/v1/conversations/${c.conversationId}/accept`, { token: users.ann!.token })).status).toBe(200);

    // Bob is offline: the transfer is refused with the reason, nothing changes.
    const offline = await t.call('POST', `/api/v1/conversations/${c.conversationId}/transfer`, { token: users.ann!.token, body: { toAgentId: users.bob!.id } });
    expect(offline.status).toBe(409);
    expect(offline.body.error).toMatchObject({ code: 'AGENT_NOT_AVAILABLE', problems: [{ path: 'body.toAgentId' }] });
    await presence('bob', 'online');
    // Only the assignee (or a supervisor) may transfer it.
    expect((await t.call('POST', `/api/v1/conversations/${c.conversationId}/transfer`, { token: users.cat!.token, body: { toAgentId: users.bob!.id } })).status).toBe(403);

    const moved = await t.call('POST', `/api/v1/conversations/${c.conversationId}/transfer`, { token: users.ann!.token, body: { toAgentId: users.bob!.id, note: '客户要开发票，bob 熟悉' } });
    expect(moved.status).toBe(200);
    expect(moved.body.conversation).toMatchObject({ status: 'queued', assigneeId: null, contactName: '王女士' });
    await t.app.dispatcher.drain();
    expect(await offersOf('bob')).toEqual([c.conversationId]);
    expect(await offersOf('ann')).toEqual([]);

    const messages = (await detail(c.conversationId)).messages as Array<{ kind: string; private: boolean; text: string }>;
    expect(messages.find((m) => m.kind === 'note')).toMatchObject({ private: true, text: expect.stringContaining('客户要开发票') });
    const customerSees = (await t.call('GET', '/api/public/v1/messages', { token: c.sessionToken })).body.messages as Array<{ kind: string; text: string }>;
    expect(customerSees.map((m) => m.kind)).not.toContain('note');
    expect(customerSees.at(-1)).toMatchObject({ kind: 'system', text: expect.stringContaining('转接') });

    expect((await t.call('POST', `/api/v1/conversations/${c.conversationId}/accept`, { token: users.bob!.token })).body.conversation).toMatchObject({ status: 'assigned', assigneeId: users.bob!.id });
  });

  it('transfers to a team: back to the queue for its members only', async () => {
    await presence('cat', 'online');
    const c = await waiting();
    const first = (await offersOf('ann')).includes(c.conversationId) ? 'ann' : (await offersOf('bob')).includes(c.conversationId) ? 'bob' : 'cat';
    await t.call('POST', `/api/v1/conversations/${c.conversationId}/accept`, { token: users[first]!.token });
    await presence('ann', 'away');
    // A supervisor may transfer someone else's conversation; Team A's online member (cat) gets it, bob (not in A) never.
    const moved = await t.call('POST', `/api/v1/conversations/${c.conversationId}/transfer`, { token: users.sue!.token, body: { toTeamId: teamA, note: '售后问题' } });
    expect(moved.status).toBe(200);
    await t.app.dispatcher.drain();
    if (first === 'cat') {
      // The agent who passed it on is not offered it again; with ann away the team has nobody else.
      expect(await offersOf('cat')).toEqual([]);
      await presence('ann', 'online');
      expect(await offersOf('ann')).toContain(c.conversationId);
    } else {
      expect(await offersOf('cat')).toContain(c.conversationId);
    }
    expect(await offersOf('bob')).not.toContain(c.conversationId);
  });

  it('lists every problem of a bad transfer, and refuses unknown targets', async () => {
    const c = await waiting();
    const both = await t.call('POST', `/api/v1/conversations/${c.conversationId}/transfer`, { token: t.adminToken, body: { toAgentId: users.bob!.id, toTeamId: teamA } });
    expect(both.status).toBe(400);
    expect(both.body.error.problems.map((p: { path: string }) => p.path)).toEqual(['body.toAgentId']);
    const neither = await t.call('POST', `/api/v1/conversations/${c.conversationId}/transfer`, { token: t.adminToken, body: { note: 'x' } });
    expect(neither.status).toBe(400);
    const typed = await t.call('POST', '/api/v1/conversations/nope/transfer', { token: t.adminToken, body: { toAgentId: 'bob', note: '' } });
    expect(typed.body.error.problems.map((p: { path: string }) => p.path).sort()).toEqual(['body.note', 'body.toAgentId', 'params.id']);
    const unknownTeam = await t.call('POST', `/api/v1/conversations/${c.conversationId}/transfer`, { token: t.adminToken, body: { toTeamId: '00000000-0000-7000-8000-000000000000' } });
    expect(unknownTeam.status).toBe(404);
    expect(unknownTeam.body.error.problems[0].path).toBe('body.toTeamId');
  });

  it('offers a transferred conversation to the next agent when the chosen one does not accept in time', async () => {
    for (const name of ['ann', 'bob', 'cat']) await presence(name, 'online');
    const c = await waiting();
    const holder = 'ann';
    await t.call('POST', `/api/v1/conversations/${c.conversationId}/reassign`, { token: users.sue!.token, body: { agentId: users[holder]!.id } });
    await t.call('POST', `/api/v1/conversations/${c.conversationId}/transfer`, { token: users[holder]!.token, body: { toAgentId: users.bob!.id } });
    await t.app.dispatcher.drain();
    expect(await offersOf('bob')).toContain(c.conversationId);
    (t.clock as unknown as { advance(ms: number): void }).advance(31_000);
    await t.app.jobs.runDue();
    await t.app.dispatcher.drain();
    // Bob let it lapse and the holder passed it on: whoever else has room gets it.
    expect(await offersOf('bob')).not.toContain(c.conversationId);
    expect(await offersOf(holder)).not.toContain(c.conversationId);
    const others = ['ann', 'cat'].filter((n) => n !== holder);
    expect((await Promise.all(others.map(offersOf))).flat()).toContain(c.conversationId);
  });

  it('lets a supervisor reassign, join and whisper; agents may not', async () => {
    const c = await waiting();
    const reassignByAgent = await t.call('POST', `/api/v1/conversations/${c.conversationId}/reassign`, { token: users.bob!.token, body: { agentId: users.bob!.id } });
    expect(reassignByAgent.status).toBe(403);
    const reassigned = await t.call('POST', `/api/v1/conversations/${c.conversationId}/reassign`, { token: users.sue!.token, body: { agentId: users.ann!.id } });
    expect(reassigned.body.conversation).toMatchObject({ status: 'assigned', assigneeId: users.ann!.id, contactName: '王女士' });
    const unknown = await t.call('POST', `/api/v1/conversations/${c.conversationId}/reassign`, { token: users.sue!.token, body: { agentId: '00000000-0000-7000-8000-000000000000' } });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.problems[0].path).toBe('body.agentId');

    // Before joining, the supervisor cannot reply in ann's conversation; after joining they can, and everyone is told.
    expect((await t.call('POST', `/api/v1/conversations/${c.conversationId}/messages`, { token: users.sue!.token, body: { text: '您好' } })).status).toBe(403);
    expect((await t.call('POST', `/api/v1/conversations/${c.conversationId}/join`, { token: users.bob!.token })).status).toBe(403);
    const joined = await t.call('POST', `/api/v1/conversations/${c.conversationId}/join`, { token: users.sue!.token });
    expect(joined.status).toBe(200);
    expect(joined.body.conversation).toMatchObject({ status: 'assigned', contactName: '王女士' });
    expect(joined.body.message).toMatchObject({ kind: 'system', private: false, text: expect.stringContaining('sue') });
    expect((await t.call('POST', `/api/v1/conversations/${c.conversationId}/join`, { token: users.sue!.token })).body.message).toBeNull();
    expect((await t.call('POST', `/api/v1/conversations/${c.conversationId}/messages`, { token: users.sue!.token, body: { text: '您好，我是主管' } })).status).toBe(201);

    // A whisper is a private note only agents see.
    expect((await t.call('POST', `/api/v1/conversations/${c.conversationId}/whisper`, { token: users.bob!.token, body: { text: 'psst' } })).status).toBe(403);
    const whisper = await t.call('POST', `/api/v1/conversations/${c.conversationId}/whisper`, { token: users.sue!.token, body: { text: '先安抚，再给 20 元券' } });
    expect(whisper.status).toBe(201);
    expect(whisper.body.message).toMatchObject({ kind: 'note', private: true });
    const customerSees = (await t.call('GET', '/api/public/v1/messages', { token: c.sessionToken })).body.messages as Array<{ text: string }>;
    expect(customerSees.map((m) => m.text)).not.toContain('先安抚，再给 20 元券');
    expect(customerSees.map((m) => m.text)).toContain('您好，我是主管');
    expect((await t.call('POST', `/api/v1/conversations/${c.conversationId}/whisper`, { token: users.sue!.token, body: { text: '' } })).body.error.problems[0].path).toBe('body.text');
  });
});
