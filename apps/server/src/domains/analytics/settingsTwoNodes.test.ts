import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../platform/db/index.ts';
import { createTestDatabase, productionMode, startTestApp, type TestApp, type TestDatabase } from '../../testing/harness.ts';

/** Each node keeps analytics settings for 5 s; a change saved on one node is what the other's wall and reports use at once. */
const CACHE_MS = 5_000;

describe.skipIf(!productionMode || !process.env.LINGXI_TEST_REDIS_URL)('analytics settings across two nodes', () => {
  let database: TestDatabase;
  let secondDatabase: TestDatabase | undefined;
  let nodes: TestApp[] = [];
  beforeAll(async () => {
    database = await createTestDatabase();
    const config = { LINGXI_SEED_DEMO: 'false', REDIS_URL: process.env.LINGXI_TEST_REDIS_URL! };
    const second = await openDatabase({ kind: 'postgres', url: database.url!, poolSize: 8 });
    secondDatabase = { db: second, url: database.url, drop: () => second.close() };
    nodes = [await startTestApp({ database, config, busChannel: 'analytics-settings' }), await startTestApp({ database: secondDatabase, config, busChannel: 'analytics-settings' })];
  }, 120_000);
  afterAll(async () => {
    for (const node of nodes) await node.close();
    await secondDatabase?.drop();
    await database?.drop();
  });

  it('node B computes with the thresholds node A just saved, before its cached copy would expire', async () => {
    const [a, b] = nodes as [TestApp, TestApp];
    // What the wall, the alerts and the reports of node B use (its cached copy).
    const inUseOnB = async () => (await b.call('GET', '/api/v1/analytics/settings', { token: b.adminToken })).body.settings;
    expect((await inUseOnB()).queueLengthAlert).toBe(10);
    const cachedAt = performance.now();

    const saved = await a.call('PUT', '/api/v1/settings/analytics', { token: a.adminToken, body: { queueLengthAlert: 3, surge: { minCount: 12 } } });
    expect(saved.status).toBe(200);
    await a.app.dispatcher.drain();
    await b.app.dispatcher.drain();
    await new Promise((resolve) => setTimeout(resolve, 300));

    const after = await inUseOnB();
    expect(performance.now() - cachedAt).toBeLessThan(CACHE_MS);
    expect([after.queueLengthAlert, after.surge.minCount]).toEqual([3, 12]);
  });
});
