// Conversations speed: POST /api/public/v1/messages with the bot answering from the demo knowledge base.
// Run: node --import tsx bench/conversations/run.ts [--seconds 20] [--rate 200] [--sessions 200] [--mode both|open] [--database-url postgres://…]
// With --database-url it runs on that (empty, dedicated) PostgreSQL database and writes results-postgres.md.
// Open loop (fixed arrival rate) gives latency; closed loop (saturation) gives throughput. Writes results.md.
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
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

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '20' }, rate: { type: 'string', default: '200' }, sessions: { type: 'string', default: '200' }, mode: { type: 'string', default: 'both' }, 'database-url': { type: 'string' } } });
const databaseUrl = values['database-url'];
const seconds = Number(values.seconds);
const rate = Number(values.rate);
const sessions = Number(values.sessions);

const percentile = (xs: number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
};
const ms = (x: number) => `${x.toFixed(1)} ms`;

const load0 = loadavg()[0]!;
const db = databaseUrl ? await openDatabase({ kind: 'postgres', url: databaseUrl, poolSize: 16 }) : await openDatabase({ kind: 'pglite', dataDir: null });
await applyMigrations(db);
const config = testConfig({ LOG_LEVEL: 'error' });
const clock = systemClock;
const ids = systemIds();
const seeded = await seedDefaultWorkspace(config, { db, clock, ids });
const app = await buildApp({ config, db, bus: memoryBus(), clock, ids });
await seedDemoKnowledge(app.knowledge, { workspaceId: seeded.workspace.id });
const baseUrl = (await app.listen(0)).replace('[::1]', '127.0.0.1');

// Real customer wording: every main and similar question of the demo knowledge base.
const questions = readFileSync(DEMO_KNOWLEDGE_FILE, 'utf8').trim().split('\n').flatMap((l) => {
  const e = JSON.parse(l) as { question: string; similarQuestions: string[] };
  return [e.question, ...e.similarQuestions];
});

async function newSessions(n: number): Promise<string[]> {
  const tokens: string[] = [];
  for (let i = 0; i < n; i++) {
    const res = await fetch(`${baseUrl}/api/public/v1/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    tokens.push(((await res.json()) as { sessionToken: string }).sessionToken);
  }
  return tokens;
}

type RunResult = { latencies: number[]; kinds: Record<string, number>; errors: number; sent: number; elapsed: number };
function runLoad(mode: 'open' | 'closed', tokens: string[], tag: string, runSeconds: number): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./load.mjs', import.meta.url), { workerData: { baseUrl, tokens, questions, mode, ratePerSecond: rate, seconds: runSeconds, tag } });
    worker.once('message', resolve);
    worker.once('error', reject);
  });
}
const countMessages = async () => (await db.sql.execute<{ n: number }>(sql`select count(*)::int as n from messages`)).rows[0]!.n;
const botLatency = async (since: Date) => {
  const rows = await db.sql.execute<{ l: number }>(sql`select (meta->'understanding'->>'latencyMs')::float as l from messages where author = 'bot' and created_at >= ${since.toISOString()}::timestamptz`);
  return rows.rows.map((r) => r.l);
};

// Warm-up: JIT, model load, connection pools.
const warm = await newSessions(20);
await runLoad('closed', warm, 'warm', 3);

const openTokens = await newSessions(sessions);
const openStart = new Date();
const open = await runLoad('open', openTokens, 'open', seconds);
const openBot = await botLatency(openStart);

if (values.mode === 'open') {
  process.stdout.write(`open loop only: p50 ${ms(percentile(open.latencies, 50))}, p99 ${ms(percentile(open.latencies, 99))}, bot p99 ${ms(percentile(openBot, 99))}\n`);
  await app.close();
  await db.close();
  process.exit(0);
}
const closedTokens = await newSessions(sessions);
const before = await countMessages();
const closedStart = new Date();
const closed = await runLoad('closed', closedTokens, 'closed', seconds);
const persisted = (await countMessages()) - before;
const closedBot = await botLatency(closedStart);

await app.close();
await db.close();

const lines = [
  '# Conversations benchmark',
  '',
  `Run ${new Date().toISOString()} with \`node --import tsx bench/conversations/run.ts --seconds ${seconds} --rate ${rate} --sessions ${sessions}${databaseUrl ? ' --database-url <a fresh database>' : ''}\`:`,
  `${databaseUrl ? 'PostgreSQL (local, fsync off as in CI), pool of 16' : 'PGlite (in memory, worker thread)'}, one node, ${cpus().length} cores, load average before the run ${load0.toFixed(1)}${load0 > 1 ? ' (a shared machine: other work was running)' : ''}.`,
  'Each request is a customer message from the demo knowledge base (164 entries, zh/en); the bot answers it before the response.',
  '',
  `## Latency at a fixed arrival rate (open loop): ${rate} messages/s from ${sessions} sessions for ${seconds} s`,
  '',
  '| | p50 | p99 | max |',
  '|---|---|---|---|',
  `| POST /api/public/v1/messages (from when it was due) | ${ms(percentile(open.latencies, 50))} | ${ms(percentile(open.latencies, 99))} | ${ms(Math.max(...open.latencies))} |`,
  `| bot decision alone (understanding → reply, recorded per reply) | ${ms(percentile(openBot, 50))} | ${ms(percentile(openBot, 99))} | ${ms(Math.max(...openBot))} |`,
  '',
  `Sent ${open.sent}, errors ${open.errors}, achieved ${(open.sent / open.elapsed).toFixed(0)} messages/s; reply kinds ${JSON.stringify(open.kinds)}.`,
  '',
  `## Throughput at saturation (closed loop): ${sessions} sessions sending back to back for ${seconds} s`,
  '',
  `- customer messages answered: ${(closed.sent / closed.elapsed).toFixed(0)}/s (errors ${closed.errors})`,
  `- messages persisted (customer + bot replies, counted in the database): ${(persisted / closed.elapsed).toFixed(0)}/s`,
  `- in-flight ÷ throughput: ${ms((sessions / (closed.sent / closed.elapsed)) * 1000)} per request (saturation latency, not a latency target)`,
  `- bot decision alone: p50 ${ms(percentile(closedBot, 50))}, p99 ${ms(percentile(closedBot, 99))}`,
  `- reply kinds ${JSON.stringify(closed.kinds)}`,
  '',
];
const out = fileURLToPath(new URL(databaseUrl ? './results-postgres.md' : './results.md', import.meta.url));
writeFileSync(out, `${lines.join('\n')}\n`);
process.stdout.write(`${lines.join('\n')}\n`);
process.exit(0);
