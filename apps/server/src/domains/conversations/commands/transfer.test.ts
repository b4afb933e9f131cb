import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { fixedClock } from '../../../platform/clock.ts';
import { startTestApp, type TestApp } from '../../../testing/harness.ts';

/** Transfer and reassign write notices; the conversation they return must carry the time of those notices. */
describe('transfer and reassign return the fresh lastMessageAt', () => {
  let t: TestApp;
  const users: Record<string, { id: string; token: string }> = {};
  const start = new Date('2026-11-23T03:00:00Z');
  beforeAll(async () => {
    t = await startTestApp({ fixedNow: start, config: { LINGXI_SEED_DEMO: 'false' } });
    for (const [name, role] of [['ann', 'agent'], ['bob', 'agent'], ['sue', 'supervisor']] as const) {
      const created = await t.call('POST', '/api/v1/users', { token: t.adminToken, body: { email: `${name}@example.com`, name, password: 'agent-password', role } });
      users[name] = { id: created.body.user.id, token: await t.login(`${name}@example.com`, 'agent-password') };
      await t.call('PUT', `/api/v1/agents/${created.body.user.id}`, { token: t.adminToken, body: { capacity: 5 } });
      await t.call('PUT', '/api/v1/agents/me/presence', { token: users[name]!.token, body: { status: 'online' } });
    }
    await t.app.dispatcher.drain();
  }, 60_000);
  afterAll(async () => t?.close());

  const clock = () => t.clock as ReturnType<typeof fixedClock>;
  async function assignedToAnn(): Promise<string> {
    const session = await t.call('POST', '/api/public/v1/sessions', { body: { name: '李先生', locale: 'zh-CN' } });
    await t.call('POST', '/api/public/v1/conversation/handoff', { token: session.body.sessionToken, body: {} });
    await t.app.dispatcher.drain();
    const accepted = await t.call('POST', `/api/v1/conversations/${session.body.conversationId}/accept`, { token: users.ann!.token });
    expect(accepted.status).toBe(200);
    return session.body.conversationId;
  }

  it('transfer', async () => {
    const id = await assignedToAnn();
    clock().advance(60_000);
    const moved = await t.call('POST', `/api/v1/conversations/${id}/transfer`, { token: users.ann!.token, body: { toAgentId: users.bob!.id } });
    expect(moved.status).toBe(200);
    const later = clock().now().toISOString();
    expect(moved.body.conversation.lastMessageAt).toBe(later);
  });

  it('reassign', async () => {
    const id = await assignedToAnn();
    clock().advance(60_000);
    const moved = await t.call('POST', `/api/v1/conversations/${id}/reassign`, { token: users.sue!.token, body: { agentId: users.bob!.id } });
    expect(moved.status).toBe(200);
    expect(moved.body.conversation).toMatchObject({ assigneeId: users.bob!.id, lastMessageAt: clock().now().toISOString() });
  });
});
