// Conversations speed: POST /api/public/v1/messages with the bot answering from the demo knowledge base.
// Run: node --import tsx bench/conversations/run.ts [--seconds 20] [--rate 200] [--sessions 200] [--mode both|open|closed] [--database-url postgres://user@host:port/db] [--server]
// In-process (default): the app and PGlite (in memory) in this process, the load generator in a worker thread.
// --server: the real server (`lingxi start`) as a child process on a fresh data directory (PGlite on disk), or
// on --database-url; the load comes from this process. --database-url: a PostgreSQL server, on which each run creates a fresh database and drops it after.
// Open loop (fixed arrival rate) gives latency; closed loop (saturation) gives throughput. Writes last-run*.md (results.md is the history).
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { freshDatabase, startInProcess, startServer, type Target } from './targets.ts';
import { cpuBetween, describeCpu, threadCpu, type CpuSplit } from './threads.ts';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '20' }, rate: { type: 'string', default: '200' }, sessions: { type: 'string', default: '200' },
    mode: { type: 'string', default: 'both' }, 'database-url': { type: 'string' }, server: { type: 'boolean', default: false }, out: { type: 'string' },
  },
});
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
// A fresh database on the given PostgreSQL server for this run, dropped at the end.
const fresh = databaseUrl ? await freshDatabase(databaseUrl) : null;
const started = values.server ? await startServer({ databaseUrl: fresh?.url }) : await startInProcess({ databaseUrl: fresh?.url });
const target: Target = { ...started, stop: async () => { await started.stop(); await fresh?.drop(); } };
const { baseUrl, questions } = target;

async function newSessions(n: number): Promise<string[]> {
  const tokens: string[] = [];
  for (let i = 0; i < n; i++) {
    const res = await fetch(`${baseUrl}/api/public/v1/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    tokens.push(((await res.json()) as { sessionToken: string }).sessionToken);
  }
  return tokens;
}

type RunResult = { latencies: number[]; kinds: Record<string, number>; errors: number; sent: number; replies: number; elapsed: number; tid: number };
type Measured = RunResult & { cpu: CpuSplit; statements: number | null; persisted: number };
function runLoad(mode: 'open' | 'closed', tokens: string[], tag: string, runSeconds: number): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./load.mjs', import.meta.url), { workerData: { baseUrl, tokens, questions, mode, ratePerSecond: rate, seconds: runSeconds, tag } });
    worker.once('message', resolve);
    worker.once('error', reject);
  });
}
/** One load run with the server's CPU per thread, its statements and the messages it persisted. */
async function measured(mode: 'open' | 'closed', tokens: string[], tag: string): Promise<Measured> {
  const before = await target.messageCount();
  const statements0 = target.statements();
  const cpu0 = threadCpu(target.pid);
  const result = await runLoad(mode, tokens, tag, seconds);
  const cpu = cpuBetween(cpu0, threadCpu(target.pid), target.mainTid, target.pid === 'self' ? [result.tid] : []);
  const statements = statements0 === null ? null : target.statements()! - statements0;
  const after = await target.messageCount();
  // Counted in the database in-process; from the server's answers otherwise (each answer lists what it stored).
  const persisted = before !== null && after !== null ? after - before : result.sent - result.errors + result.replies;
  return { ...result, cpu, statements, persisted };
}
const perMessage = (r: Measured) =>
  `${describeCpu(r.cpu, r.sent, r.elapsed)}${r.statements === null ? '' : `; ${(r.statements / r.sent).toFixed(2)} statements per customer message`}`;

// Warm-up: JIT, model load, connection pools.
const warm = await newSessions(20);
await runLoad('closed', warm, 'warm', 3);

let open: Measured | null = null;
if (values.mode !== 'closed') {
  const openTokens = await newSessions(sessions);
  const openStart = new Date();
  open = await measured('open', openTokens, 'open');
  const openBot = await target.botLatency(openStart);
  process.stdout.write(`open loop ${rate}/s: p50 ${ms(percentile(open.latencies, 50))}, p99 ${ms(percentile(open.latencies, 99))}, max ${ms(Math.max(...open.latencies))}, errors ${open.errors}${openBot.length ? `, bot p99 ${ms(percentile(openBot, 99))}` : ''}\n  ${perMessage(open)}\n`);
  (open as Measured & { bot?: number[] }).bot = openBot;
}
let closed: Measured | null = null;
let closedBot: number[] = [];
if (values.mode !== 'open') {
  const closedTokens = await newSessions(sessions);
  const closedStart = new Date();
  closed = await measured('closed', closedTokens, 'closed');
  closedBot = await target.botLatency(closedStart);
  process.stdout.write(`closed loop: ${(closed.sent / closed.elapsed).toFixed(0)} customer msg/s, ${(closed.persisted / closed.elapsed).toFixed(0)} persisted/s, errors ${closed.errors}\n  ${perMessage(closed)}\n`);
}
await target.stop();
if (values.mode !== 'both') process.exit(0);

const openBot = (open as Measured & { bot: number[] }).bot;
const command = `node --import tsx bench/conversations/run.ts --seconds ${seconds} --rate ${rate} --sessions ${sessions}${values.server ? ' --server' : ''}${databaseUrl ? ' --database-url postgres://postgres@127.0.0.1:55432/postgres' : ''}`;
const where = values.server
  ? `the real server (\`lingxi start\`) as a child process, ${databaseUrl ? 'on PostgreSQL 15 (local, same machine)' : 'PGlite on disk in a fresh data directory'}, load from the bench process`
  : `in-process, ${databaseUrl ? 'PostgreSQL 15 (local, same machine), pool of 16' : 'PGlite (in memory, worker thread)'}, load from a worker thread`;
const lines = [
  '# Conversations benchmark',
  '',
  `Run ${new Date().toISOString()} with \`${command}\`:`,
  `${where}, one node, ${cpus().length} cores, load average before the run ${load0.toFixed(1)}${load0 > 1 ? ' (a shared machine: other work was running)' : ''}.`,
  'Each request is a customer message from the demo knowledge base (166 entries, zh/en); the bot answers it before the response.',
  '',
  `## Latency at a fixed arrival rate (open loop): ${rate} messages/s from ${sessions} sessions for ${seconds} s`,
  '',
  '| | p50 | p99 | max |',
  '|---|---|---|---|',
  `| POST /api/public/v1/messages (from when it was due) | ${ms(percentile(open!.latencies, 50))} | ${ms(percentile(open!.latencies, 99))} | ${ms(Math.max(...open!.latencies))} |`,
  ...(openBot.length ? [`| bot decision alone (understanding → reply, recorded per reply) | ${ms(percentile(openBot, 50))} | ${ms(percentile(openBot, 99))} | ${ms(Math.max(...openBot))} |`] : []),
  '',
  `Sent ${open!.sent}, errors ${open!.errors}, achieved ${(open!.sent / open!.elapsed).toFixed(0)} messages/s; reply kinds ${JSON.stringify(open!.kinds)}.`,
  `Server cost: ${perMessage(open!)}.`,
  '',
  `## Throughput at saturation (closed loop): ${sessions} sessions sending back to back for ${seconds} s`,
  '',
  `- customer messages answered: ${(closed!.sent / closed!.elapsed).toFixed(0)}/s (errors ${closed!.errors})`,
  `- messages persisted (customer + bot replies${target.pid === 'self' ? ', counted in the database' : ', from the answers'}): ${(closed!.persisted / closed!.elapsed).toFixed(0)}/s`,
  `- in-flight ÷ throughput: ${ms((sessions / (closed!.sent / closed!.elapsed)) * 1000)} per request (saturation latency, not a latency target)`,
  ...(closedBot.length ? [`- bot decision alone: p50 ${ms(percentile(closedBot, 50))}, p99 ${ms(percentile(closedBot, 99))}`] : []),
  `- server cost: ${perMessage(closed!)}`,
  `- reply kinds ${JSON.stringify(closed!.kinds)}`,
  '',
];
// results.md keeps the history by hand; each run writes its own file beside it.
const name = values.out ?? `last-run${values.server ? '-server' : ''}${databaseUrl ? '-postgres' : ''}.md`;
const out = name.startsWith("/") ? name : fileURLToPath(new URL(`./${name}`, import.meta.url));
writeFileSync(out, `${lines.join('\n')}\n`);
process.stdout.write(`${lines.join('\n')}\n`);
process.exit(0);
