import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../platform/db/index.ts';
import { createTestDatabase, productionMode, startTestApp, type TestApp, type TestDatabase } from '../../testing/harness.ts';

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

/** Two nodes on one PostgreSQL database sharing one attachments directory, as a deployment behind a load balancer. */
describe.skipIf(!productionMode)('attachments on two nodes', () => {
  let database: TestDatabase;
  let secondDatabase: TestDatabase | undefined;
  let nodes: TestApp[] = [];
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'lingxi-attachments-2n-'));
    database = await createTestDatabase();
    const config = { LINGXI_SEED_DEMO: 'false', LINGXI_ATTACHMENTS_DIR: dir };
    const second = await openDatabase({ kind: 'postgres', url: database.url!, poolSize: 8 });
    secondDatabase = { db: second, url: database.url, drop: () => second.close() };
    nodes = [await startTestApp({ database, config }), await startTestApp({ database: secondDatabase, config })];
  }, 120_000);
  afterAll(async () => {
    for (const node of nodes) await node.close();
    await secondDatabase?.drop();
    await database?.drop();
    await rm(dir, { recursive: true, force: true });
  });

  it('a file uploaded through one node downloads through the other, and a retry racing the first send on the other node stores one message', async () => {
    const [a, b] = nodes as [TestApp, TestApp];
    for (let round = 0; round < 5; round++) {
      const s = (await a.call('POST', '/api/public/v1/sessions', { body: {} })).body as { sessionToken: string };
      const form = new FormData();
      form.append('file', new Blob([PNG], { type: 'image/png' }), 'x.png');
      const uploaded = await fetch(`${a.baseUrl}/api/public/v1/attachments`, { method: 'POST', headers: { authorization: `Bearer ${s.sessionToken}` }, body: form });
      const attachment = ((await uploaded.json()) as { attachment: { id: string; url: string } }).attachment;
      const fromB = await fetch(`${b.baseUrl}${attachment.url}`, { headers: { authorization: `Bearer ${s.sessionToken}` } });
      expect(new Uint8Array(await fromB.arrayBuffer())).toEqual(PNG);

      const body = { text: '', clientMessageId: `race-${round}`, attachments: [attachment.id] };
      const [first, second] = await Promise.all([a, b].map((node) => node.call('POST', '/api/public/v1/messages', { token: s.sessionToken, body })));
      expect([first!.status, second!.status], JSON.stringify([first!.body, second!.body])).toEqual([200, 200]);
      expect(second!.body.message.id).toBe(first!.body.message.id);
      const history = await b.call('GET', '/api/public/v1/messages', { token: s.sessionToken });
      expect(history.body.messages.filter((m: { author: string }) => m.author === 'customer')).toHaveLength(1);
    }
  });
});
