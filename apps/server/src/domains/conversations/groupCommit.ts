import type { Database } from '../../platform/db/index.ts';
import type { LingxiEvent } from '../../events/catalog.ts';
import { messageStore, type BotTurnWrite, type IncomingMessage, type Message, type ReceivedMessage } from './store.ts';

/**
 * Group commit: writes that arrive while one is running are written together by the next statement.
 * Under load many customers share one round trip to the database; alone, a write goes straight through.
 * Items with the same key never share a batch (one conversation row is updated once per statement).
 */
export interface GroupCommit<I, O> {
  submit(item: I): Promise<O>;
}

type Pending<I, O> = { item: I; resolve(o: O): void; reject(e: unknown): void };

export function createGroupCommit<I, O>(options: {
  write(items: I[]): Promise<O[]>;
  keyOf?(item: I): string;
  maxBatch?: number;
  /** Statements allowed at once (1 on the embedded single-connection database). */
  parallel?: number;
}): GroupCommit<I, O> {
  const queue: Pending<I, O>[] = [];
  const max = options.maxBatch ?? 200;
  const parallel = options.parallel ?? 1;
  let running = 0;

  function take(): Pending<I, O>[] {
    const batch: Pending<I, O>[] = [];
    const keys = new Set<string>();
    for (let i = 0; i < queue.length && batch.length < max; ) {
      const key = options.keyOf?.(queue[i]!.item);
      if (key !== undefined && keys.has(key)) {
        i++;
        continue;
      }
      if (key !== undefined) keys.add(key);
      batch.push(queue.splice(i, 1)[0]!);
    }
    return batch;
  }

  async function writeAlone(p: Pending<I, O>): Promise<void> {
    try {
      p.resolve((await options.write([p.item]))[0]!);
    } catch (error) {
      p.reject(error);
    }
  }

  async function drain(): Promise<void> {
    running++;
    try {
      while (queue.length > 0) {
        const batch = take();
        try {
          const results = await options.write(batch.map((p) => p.item));
          batch.forEach((p, i) => p.resolve(results[i]!));
        } catch (error) {
          // One bad item must not fail its neighbours: retry each on its own.
          if (batch.length === 1) batch[0]!.reject(error);
          else for (const p of batch) await writeAlone(p);
        }
      }
    } finally {
      running--;
    }
  }

  return {
    submit(item) {
      return new Promise<O>((resolve, reject) => {
        queue.push({ item, resolve, reject });
        if (running < parallel) void drain();
      });
    },
  };
}

/** The message path's two writes, each shared by concurrent customers (owned by the conversations deps). */
export type MessageWrites = {
  receive: GroupCommit<{ row: IncomingMessage; event: LingxiEvent }, ReceivedMessage | null>;
  turn: GroupCommit<BotTurnWrite, Message[]>;
};

export function createMessageWrites(deps: { db: Database }): MessageWrites {
  // The embedded database has one connection; PostgreSQL can take a few batches at once.
  const parallel = deps.db.kind === 'pglite' ? 1 : 4;
  return {
    receive: createGroupCommit({ parallel, write: (items) => messageStore.receiveMany(deps.db.sql, items) }),
    turn: createGroupCommit({ parallel, keyOf: (t) => t.conversationId, write: (turns) => messageStore.appendTurns(deps.db.sql, turns) }),
  };
}
