import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../testing/harness.ts';
import { memoryBus } from '../bus/index.ts';
import { openDatabase, type Database } from '../db/index.ts';
import { applyMigrations } from '../db/migrate.ts';
import { uuidv7 } from '../ids.ts';
import { createDispatcher, pendingOutboxCount, type Subscriber } from './index.ts';

const fixture = fileURLToPath(new URL('./crash.fixture.ts', import.meta.url));
const quiet = { error: () => {}, warn: () => {} };

/** kill -9 between commit and publish, then restart: the event is delivered once. */
describe('outbox after a crash', () => {
  const cleanups: Array<() => Promise<void>> = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  it('replays an event committed just before the process was killed, exactly once', { timeout: 180_000 }, async () => {
    let target: string;
    let open: () => Promise<Database>;
    if (process.env.LINGXI_TEST_DATABASE_URL) {
      const database = await createTestDatabase();
      cleanups.push(() => database.drop());
      target = database.url!;
      open = async () => database.db;
    } else {
      target = mkdtempSync(join(tmpdir(), 'lingxi-crash-'));
      cleanups.push(async () => rmSync(target, { recursive: true, force: true }));
      open = async () => {
        const db = await openDatabase({ kind: 'pglite', dataDir: target });
        cleanups.push(() => db.close());
        await applyMigrations(db);
        return db;
      };
    }
    const eventId = uuidv7(Date.now());
    const child = spawnSync(process.execPath, ['--import', 'tsx', fixture, target, eventId], { encoding: 'utf8', timeout: 150_000 });
    expect(child.stdout).toContain('committed');
    expect(child.signal).toBe('SIGKILL');

    const db = await open();
    await db.sql.execute(sql`create table if not exists crash_effects (event_id uuid primary key)`);
    const subscriber: Subscriber = {
      name: 'crash.facts',
      delivery: 'once',
      events: ['crash.committed'],
      async handle(events, tx) {
        for (const e of events) await tx.execute(sql`insert into crash_effects values (${e.id})`);
      },
    };
    expect(await pendingOutboxCount(db.sql)).toBe(1);
    // Two restarts' worth of dispatchers: the second finds nothing left to do.
    await createDispatcher({ db, bus: memoryBus(), subscribers: [subscriber], log: quiet }).drain();
    await createDispatcher({ db, bus: memoryBus(), subscribers: [subscriber], log: quiet }).drain();
    const effects = await db.sql.execute<{ event_id: string }>(sql`select event_id from crash_effects`);
    expect(effects.rows).toEqual([{ event_id: eventId }]);
    expect(await pendingOutboxCount(db.sql)).toBe(0);
  });
});
