import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io, type Socket } from 'socket.io-client';
import { sql } from 'drizzle-orm';
import { startTestApp, type TestApp } from '../../testing/harness.ts';

async function waitFor(check: () => boolean | Promise<boolean>, ms = 10_000): Promise<void> {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Presence grace after the last socket closes, and queue positions pushed to waiting customers. */
describe('presence grace and live queue standings', () => {
  let t: TestApp;
  let agent: { id: string; token: string };
  const sockets: Socket[] = [];
  beforeAll(async () => {
    t = await startTestApp({ fixedNow: new Date('2026-11-23T03:00:00Z'), config: { LINGXI_SEED_DEMO: 'false' } });
    const created = await t.call('POST', '/api/v1/users', { token: t.adminToken, body: { email: 'mei@example.com', name: '韩梅梅', password: 'agent-password', role: 'agent' } });
    agent = { id: created.body.user.id, token: await t.login('mei@example.com', 'agent-password') };
    await t.call('PUT', `/api/v1/agents/${agent.id}`, { token: t.adminToken, body: { capacity: 1 } });
  }, 60_000);
  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    await t?.close();
  });

  const advance = (ms: number) => (t.clock as unknown as { advance(ms: number): void }).advance(ms);
  const connect = async (token: string) => {
    const socket = io(t.baseUrl, { path: '/socket.io', auth: { token }, transports: ['websocket'], reconnection: false });
    sockets.push(socket);
    await new Promise<void>((resolve, reject) => {
      socket.on('connect', () => resolve());
      socket.on('connect_error', reject);
    });
    return socket;
  };
  const status = async () => (await t.call('GET', '/api/v1/agents/me', { token: agent.token })).body.agent.status as string;
  const graceJobs = async () => (await t.db.sql.execute<{ n: number }>(sql`select count(*)::int as n from jobs where name = 'routing.presenceGrace'`)).rows[0]!.n;

  it('keeps an agent online through a reconnect within the grace period', async () => {
    await t.call('PUT', '/api/v1/agents/me/presence', { token: agent.token, body: { status: 'online' } });
    const first = await connect(agent.token);
    first.disconnect();
    await waitFor(async () => (await graceJobs()) === 1);
    await connect(agent.token);
    advance(61_000);
    await t.app.jobs.runDue();
    await t.app.dispatcher.drain();
    expect(await status()).toBe('online');
  });

  it('measures the grace from the last close: a reconnect voids the check an earlier close scheduled', async () => {
    sockets.at(-1)!.disconnect();
    await waitFor(async () => (await graceJobs()) === 2);
    const back = await connect(agent.token);
    advance(30_000);
    back.disconnect(); // a second blip 30 s later: its own 60 s start now
    await waitFor(async () => (await graceJobs()) === 3);
    advance(31_000); // the first check is due, the second is not
    await t.app.jobs.runDue();
    await t.app.dispatcher.drain();
    expect(await status()).toBe('online');
    await connect(agent.token);
  });

  it('sets an agent away when their last socket stays closed past the grace period (workspace setting)', async () => {
    await t.call('PUT', '/api/v1/settings/routing', { token: t.adminToken, body: { presenceGraceSeconds: 20 } });
    sockets.at(-1)!.disconnect();
    await waitFor(async () => (await graceJobs()) === 4);
    advance(10_000);
    await t.app.jobs.runDue();
    expect(await status()).toBe('online');
    advance(11_000);
    await t.app.jobs.runDue();
    await t.app.dispatcher.drain();
    expect(await status()).toBe('away');
    const changes = await t.db.sql.execute<{ payload: { reason: string; to: string } }>(sql`select payload from outbox where name = 'agent.presence_changed' order by created_at desc limit 1`);
    expect(changes.rows[0]!.payload).toMatchObject({ to: 'away', reason: 'disconnected' });
  });

  it('pushes each waiting customer their position and wait whenever the queue changes', async () => {
    const customers = [];
    for (let i = 0; i < 3; i++) {
      const session = await t.call('POST', '/api/public/v1/sessions', { body: {} });
      await t.call('POST', '/api/public/v1/conversation/handoff', { token: session.body.sessionToken, body: {} });
      customers.push(session.body as { sessionToken: string; conversationId: string });
      advance(1_000); // each one queued a second after the other, so the order is theirs
    }
    await t.app.dispatcher.drain();
    const last = customers[2]!;
    const updates: Array<{ id: string; status: string; queuePosition: number | null; estimatedWaitSeconds: number | null }> = [];
    (await connect(last.sessionToken)).on('conversation.updated', (u) => updates.push(u));

    // The first customer leaves a message instead of waiting: the last one moves up.
    await t.call('POST', '/api/public/v1/conversation/leave-message', { token: customers[0]!.sessionToken, body: { text: '请回电' } });
    await t.app.dispatcher.drain();
    await waitFor(() => updates.some((u) => u.queuePosition === 2));
    expect(updates.at(-1)).toEqual({ id: last.conversationId, status: 'queued', queuePosition: 2, estimatedWaitSeconds: null });

    // An agent comes online (capacity 1, average handle time 300 s): the one ahead takes the free place, then it is our turn.
    await t.call('PUT', '/api/v1/agents/me/presence', { token: agent.token, body: { status: 'online' } });
    await t.app.dispatcher.drain();
    await waitFor(() => updates.at(-1)?.estimatedWaitSeconds !== null);
    expect(updates.at(-1)).toMatchObject({ queuePosition: 2, estimatedWaitSeconds: 300 });

    // The agent takes the one ahead: position 1, one conversation to wait for.
    await t.call('POST', `/api/v1/conversations/${customers[1]!.conversationId}/accept`, { token: agent.token });
    await t.app.dispatcher.drain();
    await waitFor(() => updates.at(-1)?.queuePosition === 1);
    expect(updates.at(-1)).toMatchObject({ queuePosition: 1, estimatedWaitSeconds: 300 });
    // Asking over HTTP (e.g. after a reload) gives the same numbers.
    expect((await t.call('GET', '/api/public/v1/conversation', { token: last.sessionToken })).body).toEqual(updates.at(-1));
  });
});
