import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../testing/harness.ts';
import { createLiveModels } from './liveModels.ts';

describe('a stored model the engine can no longer read', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ config: { LINGXI_SEED_DEMO: 'false' } });
    const imported = await t.call('POST', '/api/v1/knowledge/import', {
      token: t.adminToken,
      body: { entries: [{ question: '怎么开发票？', similarQuestions: ['发票怎么开', '可以开发票吗', '如何申请发票'], answer: '在订单详情页申请电子发票。' }] },
    });
    expect(imported.body.imported).toBe(1);
  });
  afterAll(async () => t?.close());

  it('is retrained from the published entries and stored again, instead of leaving the bot without a model', async () => {
    await t.db.sql.execute(sql`update knowledge_models set bytes = ${Buffer.from('not a model')} where workspace_id = ${t.workspaceId}`);
    const before = (await t.db.sql.execute<{ version: number }>(sql`select version from knowledge_models where workspace_id = ${t.workspaceId}`)).rows[0]!.version;
    const models = createLiveModels({ db: t.db });
    const model = await models.get(t.workspaceId);
    expect(model).not.toBeNull();
    expect(model!.version).toBe(before + 1);
    expect(model!.matcher.match('发票怎么开').entryId).toBe([...model!.entries.keys()][0]);
    const fresh = await createLiveModels({ db: t.db }).get(t.workspaceId);
    expect(fresh!.version).toBe(before + 1);
  });
});
