import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../testing/harness.ts';
import { fixedClock } from '../clock.ts';
import { openDatabase } from '../db/index.ts';
import { systemIds } from '../ids.ts';
import { createJobs, retryDelayMs, type JobHandler } from './index.ts';

const quiet = { error: () => {} };

describe('durable jobs', () => {
  let t: TestDatabase;
  const clock = fixedClock(new Date('2026-11-21T10:00:00Z'));
  const ids = systemIds();
  beforeAll(async () => {
    t = await createTestDatabase();
    await t.db.sql.execute(sql`create table job_effects (job_id uuid not null, note text)`);
  });
  afterAll(async () => t?.drop());

  const record: JobHandler = {
    name: 'test.record',
    async handle(payload, { tx, jobId }) {
      await tx.execute(sql`insert into job_effects values (${jobId}, ${(payload as { note: string }).note})`);
    },
  };

  it('runs a job when it is due, not before', async () => {
    const jobs = createJobs({ db: t.db, clock, ids, handlers: [record], log: quiet });
    const id = await jobs.schedule(t.db.sql, { name: 'test.record', payload: { note: 'later' }, runAt: new Date(clock.now().getTime() + 60_000) });
    expect(await jobs.runDue()).toBe(0);
    clock.advance(60_000);
    expect(await jobs.runDue()).toBe(1);
    const rows = await t.db.sql.execute<{ note: string }>(sql`select note from job_effects where job_id = ${id}`);
    expect(rows.rows).toEqual([{ note: 'later' }]);
    expect(await jobs.runDue()).toBe(0);
  });

  it('retries a failing job with growing backoff and gives up after maxAttempts', async () => {
    let calls = 0;
    const failing: JobHandler = {
      name: 'test.failing',
      async handle() {
        calls++;
        throw new Error('remote down');
      },
    };
    const jobs = createJobs({ db: t.db, clock, ids, handlers: [failing], log: quiet });
    const id = await jobs.schedule(t.db.sql, { name: 'test.failing', payload: {}, maxAttempts: 3 });
    await jobs.runDue();
    expect(calls).toBe(1);
    expect(await jobs.runDue()).toBe(0); // backing off
    clock.advance(retryDelayMs(1));
    await jobs.runDue();
    clock.advance(retryDelayMs(2));
    await jobs.runDue();
    clock.advance(retryDelayMs(3) * 10);
    await jobs.runDue();
    expect(calls).toBe(3);
    const row = await t.db.sql.execute<{ attempts: number; failed: boolean; last_error: string }>(
      sql`select attempts, failed_at is not null as failed, last_error from jobs where id = ${id}`,
    );
    expect(row.rows[0]).toEqual({ attempts: 3, failed: true, last_error: 'remote down' });
    expect(retryDelayMs(1)).toBeLessThan(retryDelayMs(2));
  });

  it('does not schedule a job twice with the same dedupe key', async () => {
    const jobs = createJobs({ db: t.db, clock, ids, handlers: [record], log: quiet });
    const first = await jobs.schedule(t.db.sql, { name: 'test.record', payload: { note: 'once' }, dedupeKey: 'survey:c1' });
    const second = await jobs.schedule(t.db.sql, { name: 'test.record', payload: { note: 'twice' }, dedupeKey: 'survey:c1' });
    expect(first).toBeTruthy();
    expect(second).toBeNull();
    expect(await jobs.runDue()).toBe(1);
  });

  it('runs each job exactly once when several runners on separate connections poll together', async () => {
    // A second pool on the same database stands for a second server process (on PGlite, the same single connection).
    const second = t.url ? await openDatabase({ kind: 'postgres', url: t.url, poolSize: 4 }) : t.db;
    try {
      const runners = [t.db, second, t.db, second].map((db) => createJobs({ db, clock, ids, handlers: [record], log: quiet }));
      const scheduled = [];
      for (let i = 0; i < 40; i++) scheduled.push(await runners[0]!.schedule(t.db.sql, { name: 'test.record', payload: { note: `race-${i}` } }));
      const counts = await Promise.all(runners.map((r) => r.runDue()));
      expect(counts.reduce((a, b) => a + b, 0)).toBe(40);
      const rows = await t.db.sql.execute<{ n: number; distinct: number }>(
        sql`select count(*)::int as n, count(distinct job_id)::int as distinct from job_effects where note like 'race-%'`,
      );
      expect(rows.rows[0]).toEqual({ n: 40, distinct: 40 });
    } finally {
      if (second !== t.db) await second.close();
    }
  });
});
