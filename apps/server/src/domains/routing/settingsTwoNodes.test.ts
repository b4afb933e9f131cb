import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../platform/db/index.ts';
import { createTestDatabase, productionMode, startTestApp, type TestApp, type TestDatabase } from '../../testing/harness.ts';

/** Each node keeps routing settings for 5 s; a change saved on one node is served by the other at once. */
const CACHE_MS = 5_000;

describe.skipIf(!productionMode || !process.env.LINGXI_TEST_REDIS_URL)('routing settings across two nodes', () => {
  let database: TestDatabase;
  let secondDatabase: TestDatabase | undefined;
  let nodes: TestApp[] = [];
  beforeAll(async () => {
    database = await createTestDatabase();
    const config = { LINGXI_SEED_DEMO: 'false', REDIS_URL: process.env.LINGXI_TEST_REDIS_URL! };
    const second = await openDatabase({ kind: 'postgres', url: database.url!, poolSize: 8 });
    secondDatabase = { db: second, url: database.url, drop: () => second.close() };
    nodes = [await startTestApp({ database, config, busChannel: 'routing-settings' }), await startTestApp({ database: secondDatabase, config, busChannel: 'routing-settings' })];
  }, 120_000);
  afterAll(async () => {
    for (const node of nodes) await node.close();
    await secondDatabase?.drop();
    await database?.drop();
  });

  it('node B uses the accept time and overflow limits node A just saved, before its cached copy would expire', async () => {
    const [a, b] = nodes as [TestApp, TestApp];
    const onB = async () => (await b.call('GET', '/api/v1/settings/routing', { token: b.adminToken })).body.settings;
    // Node B reads (and caches) the defaults.
    const before = await onB();
    const cachedAt = performance.now();
    expect(before.acceptSeconds).not.toBe(45);

    const saved = await a.call('PUT', '/api/v1/settings/routing', { token: a.adminToken, body: { acceptSeconds: 45, overflow: { maxQueueLength: 7, maxWaitSeconds: 900 } } });
    expect(saved.status).toBe(200);
    await a.app.dispatcher.drain();
    await b.app.dispatcher.drain();
    await new Promise((resolve) => setTimeout(resolve, 300));

    const after = await onB();
    // Still inside B's cache time: only the forget could have dropped the defaults.
    expect(performance.now() - cachedAt).toBeLessThan(CACHE_MS);
    expect([after.acceptSeconds, after.overflow]).toEqual([45, { maxQueueLength: 7, maxWaitSeconds: 900 }]);
  });
});
