import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../../platform/db/index.ts';
import { createTestDatabase, productionMode, startTestApp, type TestApp, type TestDatabase } from '../../testing/harness.ts';

/** Two app instances on one PostgreSQL database (and Redis): many agents accepting at once never share a conversation. */
describe.skipIf(!productionMode || !process.env.LINGXI_TEST_REDIS_URL)('two nodes assigning on one database', () => {
  let database: TestDatabase;
  let secondDatabase: TestDatabase | undefined;
  let nodes: TestApp[] = [];
  const agents: Array<{ id: string; token: string }> = [];
  beforeAll(async () => {
    database = await createTestDatabase();
    const config = { LINGXI_SEED_DEMO: 'false', REDIS_URL: process.env.LINGXI_TEST_REDIS_URL! };
    // Each node has its own connection pool on the one database, as two processes would.
    const second = await openDatabase({ kind: 'postgres', url: database.url!, poolSize: 8 });
    secondDatabase = { db: second, url: database.url, drop: () => second.close() };
    nodes = [await startTestApp({ database, config, busChannel: 'two-nodes' }), await startTestApp({ database: secondDatabase, config, busChannel: 'two-nodes' })];
    const [a] = nodes;
    for (let i = 0; i < 6; i++) {
      const created = await a!.call('POST', '/api/v1/users', { token: a!.adminToken, body: { email: `agent${i}@example.com`, name: `agent ${i}`, password: 'agent-password', role: 'agent' } });
      const token = await nodes[i % 2]!.login(`agent${i}@example.com`, 'agent-password');
      agents.push({ id: created.body.user.id, token });
      await nodes[i % 2]!.call('PUT', '/api/v1/agents/me/presence', { token, body: { status: 'online' } });
    }
  }, 120_000);
  afterAll(async () => {
    for (const node of nodes) await node.close();
    await secondDatabase?.drop();
    await database?.drop();
  });

  it('gives each conversation to exactly one agent when all agents on both nodes accept all of them at once', async () => {
    const conversationIds: string[] = [];
    for (let i = 0; i < 12; i++) {
      const node = nodes[i % 2]!;
      const session = await node.call('POST', '/api/public/v1/sessions', { body: {} });
      await node.call('POST', '/api/public/v1/conversation/handoff', { token: session.body.sessionToken, body: {} });
      conversationIds.push(session.body.conversationId);
    }
    const attempts = conversationIds.flatMap((id) => agents.map((agent, i) => ({ id, agent, node: nodes[i % 2]! })));
    const results = await Promise.all(attempts.map(async ({ id, agent, node }) => ({ id, agentId: agent.id, status: (await node.call('POST', `/api/v1/conversations/${id}/accept`, { token: agent.token })).status })));
    expect(results.every((r) => r.status === 200 || r.status === 409)).toBe(true);
    for (const id of conversationIds) {
      const winners = results.filter((r) => r.id === id && r.status === 200);
      expect(winners, id).toHaveLength(1);
      const row = await database.db.sql.execute<{ status: string; assignee_id: string }>(sql`select status, assignee_id from conversations where id = ${id}`);
      expect(row.rows[0]).toEqual({ status: 'assigned', assignee_id: winners[0]!.agentId });
    }
    // The routing rounds of both nodes settle: no conversation still offered after it was taken.
    for (const node of nodes) await node.app.dispatcher.drain();
    const offers = await database.db.sql.execute<{ n: number }>(sql`select count(*)::int as n from routing_offers o join conversations c on c.id = o.conversation_id where c.status = 'assigned' and o.agent_id is not null and o.agent_id <> c.assignee_id`);
    expect(offers.rows[0]!.n).toBe(0);
  });
});
