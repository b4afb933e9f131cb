// What the bench loads: the app built in this process, or the real server started as a child process.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { buildApp } from '../../apps/server/src/app.ts';
import { testConfig } from '../../apps/server/src/testing/harness.ts';
import { openDatabase } from '../../apps/server/src/platform/db/index.ts';
import { applyMigrations } from '../../apps/server/src/platform/db/migrate.ts';
import { memoryBus } from '../../apps/server/src/platform/bus/index.ts';
import { systemClock } from '../../apps/server/src/platform/clock.ts';
import { systemIds } from '../../apps/server/src/platform/ids.ts';
import { seedDefaultWorkspace } from '../../apps/server/src/cli/seed.ts';
import { DEMO_KNOWLEDGE_FILE, seedDemoKnowledge } from '../../apps/server/src/domains/knowledge/index.ts';

export type Target = {
  baseUrl: string;
  questions: string[];
  /** The process serving (for its per-thread CPU) and its main thread. */
  pid: number | 'self';
  mainTid: number;
  /** Statements sent to the database so far (in-process only). */
  statements(): number | null;
  /** Messages stored so far (in-process only: the child holds its database). */
  messageCount(): Promise<number | null>;
  botLatency(since: Date): Promise<number[]>;
  stop(): Promise<void>;
};

// Real customer wording: every main and similar question of the demo knowledge base.
const questions = () =>
  readFileSync(DEMO_KNOWLEDGE_FILE, 'utf8').trim().split('\n').flatMap((l) => {
    const e = JSON.parse(l) as { question: string; similarQuestions: string[] };
    return [e.question, ...e.similarQuestions];
  });

/** A fresh database on the given server for one run, dropped after it (the bench never writes into an existing one). */
export async function freshDatabase(serverUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `lingxi_bench_${Date.now()}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

export async function startInProcess(options: { databaseUrl: string | undefined }): Promise<Target> {
  // Every statement the app sends goes through pg's Client.query (BEGIN and COMMIT included).
  let statements = 0;
  const query = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    statements++;
    return (query as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof query;
  const db = options.databaseUrl ? await openDatabase({ kind: 'postgres', url: options.databaseUrl, poolSize: 16 }) : await openDatabase({ kind: 'pglite', dataDir: null });
  await applyMigrations(db);
  const config = testConfig({ LOG_LEVEL: 'error' });
  const clock = systemClock;
  const ids = systemIds();
  const seeded = await seedDefaultWorkspace(config, { db, clock, ids });
  const app = await buildApp({ config, db, bus: memoryBus(), clock, ids });
  await seedDemoKnowledge(app.knowledge, { workspaceId: seeded.workspace.id });
  const baseUrl = (await app.listen(0)).replace('[::1]', '127.0.0.1');
  return {
    baseUrl,
    questions: questions(),
    pid: 'self',
    mainTid: process.pid,
    statements: () => statements,
    messageCount: async () => (await db.sql.execute<{ n: number }>(sql`select count(*)::int as n from messages`)).rows[0]!.n,
    botLatency: async (since) => {
      const rows = await db.sql.execute<{ l: number }>(sql`select (meta->'understanding'->>'latencyMs')::float as l from messages where author = 'bot' and created_at >= ${since.toISOString()}::timestamptz`);
      return rows.rows.map((r) => r.l);
    },
    async stop() {
      await app.close();
      await db.close();
    },
  };
}

/** `lingxi start` as users run it (the server's entry point, without the front-end build check), logging at its default level. */
export async function startServer(options: { databaseUrl: string | undefined }): Promise<Target> {
  const dataDir = mkdtempSync(join(tmpdir(), 'lingxi-bench-'));
  const main = fileURLToPath(new URL('../../apps/server/src/main.ts', import.meta.url));
  const env = { ...process.env, PORT: '0', LINGXI_DATA_DIR: dataDir, LINGXI_ADMIN_PASSWORD: 'bench-password-1', ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}) };
  delete (env as Record<string, string | undefined>).LOG_LEVEL;
  const child = spawn(process.execPath, ['--import', 'tsx', main, 'start'], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  let logBytes = 0;
  const baseUrl = await new Promise<string>((resolve, reject) => {
    let text = '';
    child.stdout.on('data', (chunk: Buffer) => {
      logBytes += chunk.length;
      if (text === null) return;
      text += chunk.toString('utf8');
      const found = /is running at (http:\/\/[^\s]+)/.exec(text);
      if (found) resolve(found[1]!);
    });
    child.once('exit', (code) => reject(new Error(`the server exited (${code}) before it was ready`)));
  });
  process.stdout.write(`server ${child.pid} at ${baseUrl} (data in ${dataDir})\n`);
  return {
    baseUrl,
    questions: questions(),
    pid: child.pid!,
    mainTid: child.pid!,
    statements: () => null,
    messageCount: async () => null,
    botLatency: async () => [],
    async stop() {
      process.stdout.write(`server wrote ${(logBytes / 1024).toFixed(0)} KB of log to stdout\n`);
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
