import { sql } from 'drizzle-orm';
import type { Executor } from '../db/index.ts';
import { outbox } from './schema.ts';

import type { OutboxRecord } from './record.ts';

export type { OutboxRecord } from './record.ts';

/** Writes an event in the caller's transaction: it is delivered only if the transaction commits. */
export async function appendToOutbox(tx: Executor, records: OutboxRecord[]): Promise<void> {
  if (records.length === 0) return;
  await tx.insert(outbox).values(
    records.map((r) => ({ id: r.id, workspaceId: r.workspaceId, name: r.name, payload: r.payload, createdAt: r.at })),
  );
}

export async function pendingOutboxCount(db: Executor): Promise<number> {
  const result = await db.execute<{ n: number }>(sql`select count(*)::int as n from outbox where published_at is null`);
  return result.rows[0]?.n ?? 0;
}

export { createDispatcher, type Dispatcher, type Subscriber } from './dispatcher.ts';
