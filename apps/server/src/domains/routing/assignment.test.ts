import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../testing/harness.ts';

/** Handoff → offer to the right agent → accept, or time out and go to the next; never two assignees. */
describe('queue and assignment', () => {
  let t: TestApp;
  const agents: Record<string, { id: string; token: string }> = {};
  beforeAll(async () => {
    t = await startTestApp({ fixedNow: new Date('2026-11-21T02:00:00Z'), config: { LINGXI_SEED_DEMO: 'false' } });
    for (const name of ['ann', 'bob']) {
      const created = await t.call('POST', '/api/v1/users', { token: t.adminToken, body: { email: `${name}@example.com`, name, password: 'agent-password', role: 'agent' } });
      agents[name] = { id: created.body.user.id, token: await t.login(`${name}@example.com`, 'agent-password') };
      await t.call('PUT', `/api/v1/agents/${created.body.user.id}`, { token: t.adminToken, body: { capacity: 1 } });
    }
  });
  afterAll(async () => t?.close());

  const advance = (ms: number) => (t.clock as unknown as { advance(ms: number): void }).advance(ms);
  async function customerWaiting(): Promise<string> {
    const session = await t.call('POST', '/api/public/v1/sessions', { body: { name: 'Customer' } });
    const handoff = await t.call('POST', '/api/public/v1/conversation/handoff', { token: session.body.sessionToken, body: {} });
    expect(handoff.body.status).toBe('queued');
    await t.app.dispatcher.drain();
    return session.body.conversationId;
  }
  const offersOf = async (name: string) => (await t.call('GET', '/api/v1/agents/me/offers', { token: agents[name]!.token })).body.offers as Array<{ conversationId: string }>;

  it('keeps a conversation queued while nobody is online, then offers it to whoever comes online', async () => {
    const conversationId = await customerWaiting();
    expect(await offersOf('ann')).toEqual([]);
    await t.call('PUT', '/api/v1/agents/me/presence', { token: agents.ann!.token, body: { status: 'online' } });
    await t.app.dispatcher.drain();
    expect((await offersOf('ann')).map((o) => o.conversationId)).toEqual([conversationId]);
    const accepted = await t.call('POST', `/api/v1/conversations/${conversationId}/accept`, { token: agents.ann!.token });
    expect(accepted.status).toBe(200);
    await t.app.dispatcher.drain();
    expect(await offersOf('ann')).toEqual([]);
  });

  it('offers the next conversation to the agent with room, and to the next agent when the offer times out', async () => {
    await t.call('PUT', '/api/v1/agents/me/presence', { token: agents.bob!.token, body: { status: 'online' } });
    const conversationId = await customerWaiting();
    // Ann is at capacity (1), so Bob gets it.
    expect((await offersOf('bob')).map((o) => o.conversationId)).toEqual([conversationId]);
    // Bob does not answer; Ann frees up; after the accept time it goes to Ann.
    const annsFirst = (await t.call('GET', '/api/v1/conversations?assignee=me', { token: agents.ann!.token })).body.conversations[0].id;
    await t.call('POST', `/api/v1/conversations/${annsFirst}/resolve`, { token: agents.ann!.token });
    await t.app.dispatcher.drain();
    expect(await offersOf('ann')).toEqual([]);
    advance(31_000);
    await t.app.jobs.runDue();
    await t.app.dispatcher.drain();
    expect((await offersOf('ann')).map((o) => o.conversationId)).toEqual([conversationId]);
    expect(await offersOf('bob')).toEqual([]);
  });

  it('gives a conversation to exactly one of two agents accepting at once', async () => {
    const conversationId = await customerWaiting();
    const results = await Promise.all(['ann', 'bob'].map((name) => t.call('POST', `/api/v1/conversations/${conversationId}/accept`, { token: agents[name]!.token })));
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const detail = await t.call('GET', `/api/v1/conversations/${conversationId}`, { token: t.adminToken });
    expect(detail.body.conversation.status).toBe('assigned');
    expect([agents.ann!.id, agents.bob!.id]).toContain(detail.body.conversation.assigneeId);
  });
});
