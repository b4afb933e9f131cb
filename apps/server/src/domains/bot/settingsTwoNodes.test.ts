import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../platform/db/index.ts';
import { createTestDatabase, productionMode, startTestApp, type TestApp, type TestDatabase } from '../../testing/harness.ts';

/** A bot settings change made on one node is used by the next reply on another node, well before that node's cache would expire. */
describe.skipIf(!productionMode || !process.env.LINGXI_TEST_REDIS_URL)('bot settings across two nodes', () => {
  let database: TestDatabase;
  let secondDatabase: TestDatabase | undefined;
  let nodes: TestApp[] = [];
  let seq = 0;
  beforeAll(async () => {
    database = await createTestDatabase();
    const config = { LINGXI_SEED_DEMO: 'false', REDIS_URL: process.env.LINGXI_TEST_REDIS_URL! };
    const second = await openDatabase({ kind: 'postgres', url: database.url!, poolSize: 8 });
    secondDatabase = { db: second, url: database.url, drop: () => second.close() };
    nodes = [await startTestApp({ database, config, busChannel: 'bot-settings' }), await startTestApp({ database: secondDatabase, config, busChannel: 'bot-settings' })];
  }, 120_000);
  afterAll(async () => {
    for (const node of nodes) await node.close();
    await secondDatabase?.drop();
    await database?.drop();
  });

  it('node B replies with the thresholds node A just saved', async () => {
    const [a, b] = nodes as [TestApp, TestApp];
    const customer = async () => (await b.call('POST', '/api/public/v1/sessions', { body: { locale: 'en-US' } })).body.sessionToken as string;
    const say = (token: string) => b.call('POST', '/api/public/v1/messages', { token, body: { text: 'zqxv plugh', clientMessageId: `m-${++seq}` } });

    // Node B reads (and caches) the defaults: two not-understood turns hand off.
    const first = await customer();
    expect((await say(first)).body.conversation.status).toBe('bot');
    expect((await say(first)).body.conversation.status).toBe('queued');

    expect((await a.call('PUT', '/api/v1/settings/bot', { token: a.adminToken, body: { repeatTimes: 4, triggers: { low_confidence: false } } })).status).toBe(200);
    await a.app.dispatcher.drain();
    await b.app.dispatcher.drain();
    await new Promise((resolve) => setTimeout(resolve, 300));

    const second = await customer();
    for (let i = 1; i <= 3; i++) expect((await say(second)).body.conversation.status, `ask ${i}`).toBe('bot');
    expect((await say(second)).body.conversation.status).toBe('queued');
  });
});
