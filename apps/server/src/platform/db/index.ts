import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import pg from 'pg';
import { drizzle, type NodePgDatabase, type NodePgTransaction } from 'drizzle-orm/node-postgres';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import { lockDataDir } from './lock.ts';

export type Sql = NodePgDatabase<Record<string, never>>;
export type Tx = NodePgTransaction<Record<string, never>, ExtractTablesWithRelations<Record<string, never>>>;
/** Anything a store can run a query on: the pool or an open transaction. */
export type Executor = Sql | Tx;

export interface Database {
  readonly kind: 'pglite' | 'postgres';
  readonly sql: Sql;
  readonly pool: pg.Pool;
  /** Runs fn in one transaction; after it commits, the commit listeners run (e.g. the outbox dispatcher). */
  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  onCommit(listener: () => void): void;
  close(): Promise<void>;
}

export type DatabaseOptions =
  | { kind: 'postgres'; url: string; poolSize?: number }
  | { kind: 'pglite'; dataDir: string | null };

// int8 (count(*), bigserial) comes back as a number, the same on both backends.
const typeParsers = {
  getTypeParser: (oid: number, format?: 'text' | 'binary') =>
    oid === 20 || oid === 1700 ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format),
} as pg.CustomTypesConfig;

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 16, types: typeParsers });
    // An idle connection the server drops (a restart, a failover) is replaced on the next query; it must not crash the process.
    pool.on('error', (error) => process.emitWarning(`PostgreSQL connection lost: ${error.message}`));
    await pool.query('select 1');
    return wrap('postgres', pool, async () => pool.end());
  }
  return openEmbedded(options.dataDir);
}

async function openEmbedded(dataDir: string | null): Promise<Database> {
  const unlock = dataDir ? lockDataDir(dataDir) : () => {};
  const socketDir = mkdtempSync(join(tmpdir(), 'lingxi-pg-'));
  const worker = new Worker(new URL('./pgliteWorker.mjs', import.meta.url), {
    workerData: { dataDir: dataDir ? join(dataDir, 'pg') : null, socketPath: join(socketDir, '.s.PGSQL.5432') },
  });
  try {
    await new Promise<void>((resolve, reject) => {
      worker.once('error', reject);
      worker.once('message', (message: { type: string; message?: string }) => {
        if (message.type === 'ready') resolve();
        else reject(new Error(`The embedded database did not start: ${message.message ?? message.type}`));
      });
    });
  } catch (error) {
    await worker.terminate();
    rmSync(socketDir, { recursive: true, force: true });
    unlock();
    throw error;
  }
  // PGlite is a single-connection database: one pooled connection, kept open (no idle reconnects), serializes statements and transactions.
  const pool = new pg.Pool({ host: socketDir, port: 5432, user: 'postgres', database: 'postgres', max: 1, idleTimeoutMillis: 0, types: typeParsers });
  return wrap('pglite', pool, async () => {
    await pool.end();
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, 5_000);
      worker.once('message', () => {
        clearTimeout(timer);
        resolve();
      });
      worker.postMessage({ type: 'close' });
    });
    await worker.terminate();
    rmSync(socketDir, { recursive: true, force: true });
    unlock();
  });
}

function wrap(kind: Database['kind'], pool: pg.Pool, closeAll: () => Promise<void>): Database {
  const sql = drizzle({ client: pool }) as Sql;
  const listeners: Array<() => void> = [];
  let closed = false;
  return {
    kind,
    sql,
    pool,
    async transaction(fn) {
      const result = await sql.transaction(fn);
      for (const listener of listeners) listener();
      return result;
    },
    onCommit(listener) {
      listeners.push(listener);
    },
    async close() {
      if (closed) return;
      closed = true;
      await closeAll();
    },
  };
}
