import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { seedDefaultWorkspace } from '../../cli/seed.ts';
import { systemClock } from '../../platform/clock.ts';
import { systemIds } from '../../platform/ids.ts';
import { createTestDatabase, testConfig, type TestDatabase } from '../../testing/harness.ts';
import { createBotSettings } from './deps.ts';

/** The per-node cache of bot settings: served from memory, dropped by `forget`, never refilled by a read from before it. */
describe('bot settings cache', () => {
  let database: TestDatabase;
  let workspaceId: string;
  beforeAll(async () => {
    database = await createTestDatabase();
    workspaceId = (await seedDefaultWorkspace(testConfig({ LINGXI_SEED_DEMO: 'false' }), { db: database.db, clock: systemClock, ids: systemIds() })).workspace.id;
  }, 60_000);
  afterAll(async () => database?.drop());

  const store = (repeatTimes: number) =>
    database.db.sql.execute(sql`update workspaces set settings = jsonb_set(coalesce(settings, '{}'::jsonb), '{bot}', ${JSON.stringify({ repeatTimes })}::jsonb, true) where id = ${workspaceId}`);

  it('keeps serving its copy until told to forget, then reads afresh', async () => {
    const settings = createBotSettings({ db: database.db, ttlMs: 60_000 });
    await store(3);
    expect((await settings(workspaceId)).repeatTimes).toBe(3);
    await store(5);
    expect((await settings(workspaceId)).repeatTimes).toBe(3);
    settings.forget(workspaceId);
    expect((await settings(workspaceId)).repeatTimes).toBe(5);
  });

  it('does not let a read that started before a forget put the old values back', async () => {
    const settings = createBotSettings({ db: database.db, ttlMs: 60_000 });
    await store(4);
    // The read is queued before the change, and the change's forget arrives while the read is still out.
    const early = settings(workspaceId);
    const writing = store(6);
    settings.forget(workspaceId);
    await Promise.all([early, writing]);
    expect((await settings(workspaceId)).repeatTimes).toBe(6);
  });
});
