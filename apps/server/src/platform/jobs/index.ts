import { sql } from 'drizzle-orm';
import type { Database, Executor, Tx } from '../db/index.ts';
import type { Clock } from '../clock.ts';
import type { Ids } from '../ids.ts';
import { jobs } from './schema.ts';

/**
 * A durable job runs inside one transaction that also marks it done: a crash rolls both back and the job
 * runs again; FOR UPDATE SKIP LOCKED means two nodes never run the same job at once. Handlers write only
 * through the tx they are given.
 */
export type JobHandler = {
  name: string;
  handle(payload: unknown, context: { tx: Tx; jobId: string; attempt: number; workspaceId: string | null }): Promise<void>;
};

export type NewJob = {
  name: string;
  payload: unknown;
  runAt?: Date;
  workspaceId?: string | null;
  /** A second job with the same key is not scheduled (e.g. one survey per conversation). */
  dedupeKey?: string;
  maxAttempts?: number;
};

export interface Jobs {
  schedule(executor: Executor, job: NewJob): Promise<string | null>;
  /** Runs every due job once; returns how many ran (tests and the poll loop use it). */
  runDue(): Promise<number>;
  start(): void;
  stop(): Promise<void>;
}

type Logger = { error(obj: unknown, msg?: string): void };

/** Exponential backoff: 2 s, 4 s, 8 s … capped at one hour. */
export function retryDelayMs(attempt: number): number {
  return Math.min(3_600_000, 1_000 * 2 ** attempt);
}

type JobRow = { id: string; name: string; payload: unknown; attempts: number; max_attempts: number; workspace_id: string | null };

export function createJobs(deps: { db: Database; clock: Clock; ids: Ids; handlers: readonly JobHandler[]; log: Logger; pollMs?: number }): Jobs {
  const { db, clock, ids, log } = deps;
  const handlers = new Map(deps.handlers.map((h) => [h.name, h]));
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<number> | null = null;
  let stopped = false;

  async function runOne(): Promise<boolean> {
    let claimed: JobRow | undefined;
    let failure: unknown = null;
    await db.sql
      .transaction(async (tx) => {
        const rows = await tx.execute<JobRow>(sql`
          select id, name, payload, attempts, max_attempts, workspace_id from jobs
          where done_at is null and failed_at is null and run_at <= ${clock.now().toISOString()}::timestamptz
          order by run_at limit 1 for update skip locked`);
        claimed = rows.rows[0];
        if (!claimed) return;
        const handler = handlers.get(claimed.name);
        if (!handler) throw new Error(`No handler for job "${claimed.name}"`);
        await handler.handle(claimed.payload, {
          tx,
          jobId: claimed.id,
          attempt: claimed.attempts + 1,
          workspaceId: claimed.workspace_id,
        });
        await tx.execute(sql`update jobs set done_at = ${clock.now().toISOString()}::timestamptz, attempts = attempts + 1 where id = ${claimed.id}`);
      })
      .catch((error: unknown) => {
        failure = error;
      });
    if (!claimed) {
      if (failure) throw failure;
      return false;
    }
    if (failure) {
      const attempt = claimed.attempts + 1;
      const giveUp = attempt >= claimed.max_attempts;
      const message = String((failure as Error)?.message ?? failure).slice(0, 2_000);
      log.error({ err: failure, job: claimed.name, attempt }, giveUp ? 'job failed for good' : 'job failed; will retry');
      const retryAt = new Date(clock.now().getTime() + retryDelayMs(attempt));
      await db.sql.execute(sql`update jobs set attempts = ${attempt}, last_error = ${message},
        run_at = ${retryAt.toISOString()}::timestamptz,
        failed_at = ${giveUp ? clock.now().toISOString() : null}::timestamptz where id = ${claimed.id}`);
    }
    return true;
  }

  async function runDue(): Promise<number> {
    // A run already under way may have looked before a job fell due (a test's clock moved, a job was
    // just scheduled): wait for it, then look again, so every job due when this was called runs.
    while (running) await running.catch(() => 0);
    running = (async () => {
      let count = 0;
      while (!stopped && (await runOne())) count++;
      return count;
    })().finally(() => {
      running = null;
    });
    return running;
  }

  return {
    async schedule(executor, job) {
      const id = ids.next();
      const rows = await executor
        .insert(jobs)
        .values({
          id,
          name: job.name,
          payload: job.payload ?? {},
          runAt: job.runAt ?? clock.now(),
          workspaceId: job.workspaceId ?? null,
          dedupeKey: job.dedupeKey ?? null,
          maxAttempts: job.maxAttempts ?? 5,
          createdAt: clock.now(),
        })
        .onConflictDoNothing()
        .returning({ id: jobs.id });
      return rows[0]?.id ?? null;
    },
    runDue,
    start() {
      stopped = false;
      timer = setInterval(() => {
        if (running) return;
        runDue().catch((error) => log.error({ err: error }, 'job poll failed'));
      }, deps.pollMs ?? 1_000);
      timer.unref();
    },
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      timer = null;
      if (running) await running.catch(() => 0);
    },
  };
}
