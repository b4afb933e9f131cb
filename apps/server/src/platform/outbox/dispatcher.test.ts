import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../testing/harness.ts';
import { memoryBus } from '../bus/index.ts';
import { systemIds } from '../ids.ts';
import { appendToOutbox, createDispatcher, pendingOutboxCount, type Subscriber } from './index.ts';

const quiet = { error: () => {}, warn: () => {} };

describe('outbox dispatcher', () => {
  let t: TestDatabase;
  const ids = systemIds();
  beforeAll(async () => {
    t = await createTestDatabase();
    await t.db.sql.execute(sql`create table effects (event_id uuid not null, subscriber text not null)`);
  });
  afterAll(async () => t?.drop());

  const record = (name: string) => ({ id: ids.next(), workspaceId: null, name, payload: { n: 1 }, at: new Date() });

  function onceSubscriber(name: string, events: string[], fail?: () => boolean): Subscriber {
    return {
      name,
      delivery: 'once',
      events,
      async handle(batch, tx) {
        for (const e of batch) await tx.execute(sql`insert into effects values (${e.id}, ${name})`);
        if (fail?.()) throw new Error('subscriber down');
      },
    };
  }

  it('delivers a committed event once to each subscriber, and nothing for a rolled-back write', async () => {
    const seen: string[] = [];
    const dispatcher = createDispatcher({
      db: t.db,
      bus: memoryBus(),
      log: quiet,
      subscribers: [
        onceSubscriber('facts', ['thing.happened']),
        { name: 'fanout', delivery: 'atLeastOnce', events: ['thing.happened'], handle: async (batch) => void seen.push(...batch.map((b) => b.name)) },
        { name: 'cache', delivery: 'everyNode', events: ['thing.happened'], handle: async (batch) => void seen.push(...batch.map((b) => `node:${b.name}`)) },
      ],
    });
    const committed = record('thing.happened');
    await t.db.transaction(async (tx) => appendToOutbox(tx, [committed]));
    await t.db
      .transaction(async (tx) => {
        await appendToOutbox(tx, [record('thing.happened')]);
        throw new Error('rolled back');
      })
      .catch(() => undefined);
    await dispatcher.drain();
    await dispatcher.drain();
    const effects = await t.db.sql.execute<{ n: number }>(sql`select count(*)::int as n from effects where subscriber = 'facts'`);
    expect(effects.rows[0]!.n).toBe(1);
    expect(seen).toEqual(['thing.happened', 'node:thing.happened']);
    expect(await pendingOutboxCount(t.db.sql)).toBe(0);
  });

  it('retries a failing subscriber later without repeating the work of the ones that succeeded', async () => {
    let down = true;
    const dispatcher = createDispatcher({
      db: t.db,
      bus: memoryBus(),
      log: quiet,
      subscribers: [onceSubscriber('flaky', ['retry.me'], () => down), onceSubscriber('ok', ['retry.me'])],
    });
    const event = record('retry.me');
    await t.db.transaction(async (tx) => appendToOutbox(tx, [event]));
    await dispatcher.drain();
    expect(await pendingOutboxCount(t.db.sql)).toBe(1);
    // The healthy subscriber was not held back by the failing one.
    const early = await t.db.sql.execute<{ n: number }>(sql`select count(*)::int as n from effects where event_id = ${event.id} and subscriber = 'ok'`);
    expect(early.rows[0]!.n).toBe(1);
    // The failed attempt rolled back with its receipt; make the backoff lease due now and heal the subscriber.
    down = false;
    await t.db.sql.execute(sql`update outbox set claimed_until = null where id = ${event.id}`);
    await dispatcher.drain();
    const rows = await t.db.sql.execute<{ subscriber: string; n: number }>(
      sql`select subscriber, count(*)::int as n from effects where event_id = ${event.id} group by subscriber order by subscriber`,
    );
    expect(rows.rows).toEqual([
      { subscriber: 'flaky', n: 1 },
      { subscriber: 'ok', n: 1 },
    ]);
    expect(await pendingOutboxCount(t.db.sql)).toBe(0);
  });

  it('delivers each event once when two dispatchers race for the same outbox', async () => {
    const events = Array.from({ length: 60 }, () => record('race.event'));
    await t.db.transaction(async (tx) => appendToOutbox(tx, events));
    const make = () => createDispatcher({ db: t.db, bus: memoryBus(), log: quiet, subscribers: [onceSubscriber('race', ['race.event'])] });
    await Promise.all([make().drain(), make().drain(), make().drain()]);
    const rows = await t.db.sql.execute<{ n: number; distinct: number }>(
      sql`select count(*)::int as n, count(distinct event_id)::int as distinct from effects where subscriber = 'race'`,
    );
    expect(rows.rows[0]).toEqual({ n: 60, distinct: 60 });
  });

  it('runs an idempotent subscriber in a transaction without writing receipts', async () => {
    await t.db.sql.execute(sql`create table keyed_effects (event_id uuid primary key)`);
    const subscriber: Subscriber = {
      name: 'keyed',
      delivery: 'idempotent',
      events: ['keyed.event'],
      async handle(batch, tx) {
        for (const e of batch) await tx.execute(sql`insert into keyed_effects values (${e.id}) on conflict do nothing`);
      },
    };
    const event = record('keyed.event');
    await t.db.transaction(async (tx) => appendToOutbox(tx, [event]));
    await createDispatcher({ db: t.db, bus: memoryBus(), log: quiet, subscribers: [subscriber] }).drain();
    const effects = await t.db.sql.execute<{ n: number }>(sql`select count(*)::int as n from keyed_effects where event_id = ${event.id}`);
    const receipts = await t.db.sql.execute<{ n: number }>(sql`select count(*)::int as n from event_receipts where event_id = ${event.id}`);
    expect([effects.rows[0]!.n, receipts.rows[0]!.n]).toEqual([1, 0]);
    expect(await pendingOutboxCount(t.db.sql)).toBe(0);
  });
});
