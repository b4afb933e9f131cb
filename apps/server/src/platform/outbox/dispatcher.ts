import { sql } from 'drizzle-orm';
import type { Database, Tx } from '../db/index.ts';
import type { Bus } from '../bus/index.ts';
import type { OutboxRecord } from './record.ts';

/**
 * How a subscriber gets events:
 * - once: exactly one node handles each event, inside a transaction that also records a receipt,
 *   so a replay after a crash never applies the same event twice. Write only through the given tx.
 * - idempotent: like once (one node, inside a transaction), but no receipt is written: the handler's own
 *   writes are keyed so that a replay changes nothing (e.g. analytics facts, unique per event). Cheaper
 *   on the hot path: no receipt row per event.
 * - atLeastOnce: one node handles it, no receipt (e.g. socket fan-out: clients drop duplicates by id).
 * - everyNode: every node handles it, through the bus (e.g. swapping a retrained model into memory).
 */
export type Subscriber<E extends OutboxRecord = OutboxRecord> =
  | { name: string; delivery: 'once' | 'idempotent'; events: readonly string[]; handle(events: E[], tx: Tx): Promise<void> }
  | { name: string; delivery: 'atLeastOnce' | 'everyNode'; events: readonly string[]; handle(events: E[]): Promise<void> };

export interface Dispatcher {
  /** Deliver what is committed and not yet published, soon. Called after every commit. */
  kick(): void;
  /** Deliver everything pending now (tests, shutdown). */
  drain(): Promise<void>;
  start(): void;
  stop(): Promise<void>;
}

type Logger = { error(obj: unknown, msg?: string): void; warn(obj: unknown, msg?: string): void };

const BATCH = 200;

// One array parameter (uuids need no quoting), not one parameter per id: building those was a main-thread cost.
const uuidArray = (ids: string[]) => sql`${`{${ids.join(',')}}`}::uuid[]`;
const LEASE_SECONDS = 30;
const KEEP_DELIVERED_SECONDS = 3_600;
const PURGE_EVERY_MS = 60_000;

export function createDispatcher(deps: {
  db: Database;
  bus: Bus;
  subscribers: readonly Subscriber[];
  log: Logger;
  pollMs?: number;
  /**
   * Rounds that a kick starts begin at least this far apart, so under load one round carries many
   * commits' events (a round costs several statements whatever it carries). Idle, a kick is delivered
   * at once; busy, an event waits at most about this long. `drain()` is never held back.
   */
  roundGapMs?: number;
}): Dispatcher {
  const { db, bus, log } = deps;
  const direct = deps.subscribers.filter((s) => s.delivery !== 'everyNode');
  const everyNode = deps.subscribers.filter((s) => s.delivery === 'everyNode');
  let running: Promise<void> | null = null;
  let again = false;
  let timer: NodeJS.Timeout | null = null;
  let paced: NodeJS.Timeout | null = null;
  let draining = 0;
  let stopped = false;
  const gap = deps.roundGapMs ?? 0;
  let lastRound = -Infinity;

  bus.subscribe(async (records) => {
    for (const subscriber of everyNode) {
      const mine = records.filter((r) => subscriber.events.includes(r.name));
      if (mine.length === 0) continue;
      try {
        await (subscriber.handle as (events: OutboxRecord[]) => Promise<void>)(mine);
      } catch (error) {
        log.error({ err: error, subscriber: subscriber.name }, 'everyNode subscriber failed');
      }
    }
  });

  async function claim(): Promise<OutboxRecord[]> {
    const result = await db.sql.execute<{ id: string; workspace_id: string | null; name: string; payload: unknown; created_at: Date }>(sql`
      update outbox set claimed_until = now() + make_interval(secs => ${LEASE_SECONDS}), attempts = attempts + 1
      where id in (
        select id from outbox
        where published_at is null and (claimed_until is null or claimed_until < now())
        order by id limit ${BATCH} for update skip locked)
      returning id, workspace_id, name, payload, created_at`);
    return result.rows
      .map((r) => ({ id: r.id, workspaceId: r.workspace_id, name: r.name, payload: r.payload, at: new Date(r.created_at) }))
      .sort((a, b) => (a.id < b.id ? -1 : 1));
  }

  async function deliver(subscriber: Subscriber, records: OutboxRecord[]): Promise<void> {
    if (subscriber.delivery === 'atLeastOnce' || subscriber.delivery === 'everyNode') return subscriber.handle(records);
    if (subscriber.delivery === 'idempotent') return db.sql.transaction(async (tx) => subscriber.handle(records, tx));
    await db.sql.transaction(async (tx) => {
      const ids = records.map((r) => r.id);
      const fresh = await tx.execute<{ event_id: string }>(sql`
        insert into event_receipts (event_id, subscriber, handled_at)
        select unnest(${uuidArray(ids)}), ${subscriber.name}, now()
        on conflict do nothing returning event_id`);
      const freshIds = new Set(fresh.rows.map((r) => r.event_id));
      const todo = records.filter((r) => freshIds.has(r.id));
      if (todo.length > 0) await subscriber.handle(todo, tx);
    });
  }

  // Delivered events stay a while (tests and people read them as the recent event log), then go: the outbox
  // held every event ever, and its pending index and the claim's scan grew with it.
  let lastPurge = -Infinity;
  async function purgeDelivered(): Promise<void> {
    if (performance.now() - lastPurge < PURGE_EVERY_MS) return;
    lastPurge = performance.now();
    await db.sql.execute(sql`delete from outbox where published_at < now() - make_interval(secs => ${KEEP_DELIVERED_SECONDS})`);
  }

  async function runOnce(): Promise<number> {
    lastRound = performance.now();
    const records = await claim();
    if (records.length === 0) return 0;
    const failed = new Map<string, string>();
    for (const subscriber of direct) {
      // One failing subscriber does not hold the others back; its events are retried, and once-subscribers skip what they already handled.
      const mine = records.filter((r) => subscriber.events.includes(r.name));
      if (mine.length === 0) continue;
      try {
        await deliver(subscriber, mine);
      } catch (error) {
        log.error({ err: error, subscriber: subscriber.name }, 'subscriber failed; its events will be retried');
        for (const r of mine) failed.set(r.id, `${failed.has(r.id) ? `${failed.get(r.id)}; ` : ''}${subscriber.name}: ${String((error as Error).message ?? error)}`);
      }
    }
    const delivered = records.filter((r) => !failed.has(r.id));
    await purgeDelivered();
    if (delivered.length > 0) {
      await bus.publish(delivered);
      await db.sql.execute(sql`update outbox set published_at = now(), last_error = null
        where id = any(${uuidArray(delivered.map((r) => r.id))})`);
    }
    for (const [id, reason] of failed) {
      // Back off: the lease (claimed_until) is pushed out, then any node picks it up again.
      await db.sql.execute(sql`update outbox set last_error = ${reason},
        claimed_until = now() + make_interval(secs => least(300, power(2, attempts)::int)) where id = ${id}`);
    }
    return records.length;
  }

  async function loop(): Promise<void> {
    do {
      again = false;
      try {
        while ((await runOnce()) === BATCH && !stopped);
      } catch (error) {
        if (!stopped) log.warn({ err: error }, 'outbox dispatch failed; retrying on the next tick');
      }
      // More was committed during the round: pace the next one (see roundGapMs), unless draining.
      if (again && !stopped && !draining) {
        const wait = lastRound + gap - performance.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      }
    } while (again && !stopped);
  }

  function drain(): Promise<void> {
    if (running) {
      again = true;
      return running;
    }
    running = loop().finally(() => {
      running = null;
    });
    return running;
  }

  return {
    kick() {
      if (stopped) return;
      if (running) {
        again = true;
        return;
      }
      if (paced) return;
      const wait = Math.max(0, lastRound + gap - performance.now());
      paced = setTimeout(() => {
        paced = null;
        void drain();
      }, wait);
    },
    drain: async () => {
      draining++;
      try {
        await drain();
        if (running) await running;
      } finally {
        draining--;
      }
    },
    start() {
      stopped = false;
      const every = deps.pollMs ?? 1_000;
      timer = setInterval(() => void drain(), every);
      timer.unref();
      void drain();
    },
    async stop() {
      if (timer) clearInterval(timer);
      if (paced) clearTimeout(paced);
      timer = null;
      paced = null;
      stopped = true;
      if (running) await running;
    },
  };
}
