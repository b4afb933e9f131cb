// Analytics over a big history (issue #6's target: the summary over 1 million conversations ≤ 2 s on PostgreSQL).
// Run: node --import tsx bench/analytics/run.ts [--conversations 1000000] [--runs 5]
// Uses LINGXI_BENCH_DATABASE_URL (an admin URL) or the local postgres://postgres@127.0.0.1:55432/postgres; creates and
// drops its own database. Writes bench/analytics/results.md.
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { openDatabase, type Database } from '../../apps/server/src/platform/db/index.ts';
import { applyMigrations } from '../../apps/server/src/platform/db/migrate.ts';
import { fixedClock } from '../../apps/server/src/platform/clock.ts';
import { systemIds } from '../../apps/server/src/platform/ids.ts';
import { liveFigures } from '../../apps/server/src/domains/analytics/queries/live.ts';
import { reports } from '../../apps/server/src/domains/analytics/queries/reports.ts';
import { summarize } from '../../apps/server/src/domains/analytics/queries/summary.ts';
import { defaultAnalyticsSettings } from '../../apps/server/src/domains/analytics/settings.ts';
import type { AnalyticsDeps } from '../../apps/server/src/domains/analytics/deps.ts';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const CONVERSATIONS = arg('conversations', 1_000_000);
const RUNS = arg('runs', 5);
const DAYS = 90;
const adminUrl = process.env.LINGXI_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:55432/postgres';
const name = 'lingxi_bench_analytics';
const now = new Date('2026-11-23T06:00:00Z');
const workspaceId = '01900000-0000-7000-8000-00000000b0b0';

async function admin(statement: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  await client.query(statement);
  await client.end();
}

/**
 * Synthetic conversations spread over 90 days with a daily rhythm: 70% end with the bot, 25% are handed off
 * (by five triggers) of which most are taken and resolved, some abandoned; CSAT on a third of the human ones.
 */
async function generate(db: Database) {
  await db.sql.execute(sql`select setseed(0.42)`);
  await db.sql.execute(sql`
    insert into analytics_conversations (workspace_id, conversation_id, started_at, channel, intent, intent_at, customer_messages, bot_replies, bot_answers, bot_fallbacks,
      last_bot_kind, last_bot_entry, last_bot_at, first_customer_at, first_bot_at, handoff_trigger, handed_off_at, assigned_at, agent_id, agent_at, first_agent_at,
      agent_messages, status, status_at, resolved_at, reopened, csat, answers_rated, answers_helpful, emotion_messages, negative_messages, emotion_sum, max_emotion, last_activity_at)
    select ${workspaceId}::uuid, gen_random_uuid(), s.started, s.channel, s.intent, s.started, s.turns, s.turns, s.turns - 1, case when s.r1 < 0.1 then 1 else 0 end,
      case when s.r1 < 0.1 then 'fallback' else 'answer' end, s.intent, s.started + interval '1 second' * s.turns * 20, s.started, s.started + interval '400 milliseconds',
      case when s.handed then (array['explicit','repeat','emotion','low_confidence','human_only'])[1 + floor(s.r2 * 5)::int] end,
      case when s.handed then s.started + interval '1 second' * s.turns * 20 end,
      case when s.handed and s.r3 < 0.92 then s.started + interval '1 second' * (s.turns * 20 + 10 + s.r4 * 240) end,
      case when s.handed and s.r3 < 0.92 then ('01900000-0000-7000-8000-' || lpad((floor(s.r5 * 60))::text, 12, '0'))::uuid end,
      case when s.handed and s.r3 < 0.92 then s.started + interval '1 second' * (s.turns * 20 + 10 + s.r4 * 240) end,
      case when s.handed and s.r3 < 0.92 then s.started + interval '1 second' * (s.turns * 20 + 30 + s.r4 * 240) end,
      case when s.handed and s.r3 < 0.92 then 3 else 0 end,
      s.status, s.ended, case when s.status in ('resolved', 'closed') then s.ended end, case when s.r6 < 0.03 then 1 else 0 end,
      case when s.handed and s.r3 < 0.92 and s.r6 < 0.33 then 1 + floor(s.r7 * 5)::int end,
      case when s.r8 < 0.2 then 1 else 0 end, case when s.r8 < 0.15 then 1 else 0 end, s.turns, case when s.r2 > 0.9 then 1 else 0 end, s.turns * 2, 1 + floor(s.r2 * 5)::int, s.ended
    from (
      select g, started, channel, intent, turns, handed, r1, r2, r3, r4, r5, r6, r7, r8,
        case when not handed then (case when r1 < 0.3 then 'resolved' else 'bot' end) when r3 < 0.92 then 'resolved' else 'closed' end as status,
        started + interval '1 second' * (turns * 20 + 60 + r4 * 900) as ended
      from (
        select g,
          ${now.toISOString()}::timestamptz - interval '1 second' * floor(random() * ${DAYS * 86400}) as started,
          (array['web','web','web','app','wechat'])[1 + floor(random() * 5)::int] as channel,
          'intent-' || floor(power(random(), 2) * 120)::int as intent,
          1 + floor(random() * 5)::int as turns,
          random() < 0.25 as handed,
          random() as r1, random() as r2, random() as r3, random() as r4, random() as r5, random() as r6, random() as r7, random() as r8
        from generate_series(1, ${CONVERSATIONS}) g
      ) raw
    ) s`);
  // One bot_reply fact per conversation of the last two days, so the live figures read real facts.
  await db.sql.execute(sql`
    insert into analytics_facts (id, workspace_id, conversation_id, kind, key, at, intent, label, value)
    select gen_random_uuid(), workspace_id, conversation_id, 'bot_reply', conversation_id::text, started_at, intent, 'answer', 0.8
    from analytics_conversations where started_at > ${now.toISOString()}::timestamptz - interval '2 days'`);
  await db.sql.execute(sql`vacuum analyze analytics_conversations`);
  await db.sql.execute(sql`vacuum analyze analytics_facts`);
}

async function time<T>(runs: number, work: () => Promise<T>): Promise<{ ms: number[]; last: T }> {
  const ms: number[] = [];
  let last!: T;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    last = await work();
    ms.push(performance.now() - started);
  }
  return { ms, last };
}
const fmt = (ms: number[]) => {
  const sorted = [...ms].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)]!.toFixed(0), min: sorted[0]!.toFixed(0), max: sorted.at(-1)!.toFixed(0) };
};

await admin(`drop database if exists ${name} with (force)`);
await admin(`create database ${name}`);
const url = new URL(adminUrl);
url.pathname = `/${name}`;
const db = await openDatabase({ kind: 'postgres', url: url.toString(), poolSize: 4 });
try {
  await applyMigrations(db);
  const load = loadavg()[0]!.toFixed(1);
  const genStarted = performance.now();
  await generate(db);
  const genSeconds = ((performance.now() - genStarted) / 1000).toFixed(1);
  const [{ n }] = (await db.sql.execute<{ n: number }>(sql`select count(*)::int as n from analytics_conversations`)).rows as [{ n: number }];

  const clock = fixedClock(now);
  const deps: AnalyticsDeps = {
    db, clock, ids: systemIds(),
    settings: async () => defaultAnalyticsSettings,
    agents: async () => Array.from({ length: 60 }, (_, i) => ({ userId: `01900000-0000-7000-8000-${String(i).padStart(12, '0')}`, status: i % 4 === 0 ? 'away' : 'online', capacity: 5 })),
    knowledge: { get: async () => null, install: () => {}, refresh: async () => {}, serialize: (_w, work) => work() },
  };
  const window = { now, idleMs: defaultAnalyticsSettings.idleMinutes * 60_000 };
  const all = { workspaceId, from: new Date(now.getTime() - DAYS * 86_400_000 - 1), to: now };
  const settings = defaultAnalyticsSettings;
  const rows: Array<[string, { median: string; min: string; max: string }, string]> = [];
  const measure = async <T>(label: string, work: () => Promise<T>, describe: (r: T) => string) => {
    await work(); // warm the cache once, as a dashboard that is open would
    const r = await time(RUNS, work);
    rows.push([label, fmt(r.ms), describe(r.last)]);
    console.log(label, fmt(r.ms), describe(r.last));
  };

  await measure(`summary, all ${DAYS} days (${n.toLocaleString('en-US')} conversations)`, () => summarize(db.sql, all, window), (s) => `conversations ${s.conversations}, bot resolution ${s.botResolutionRate}, transfer ${s.transferRate}, AHT ${s.avgHandleSeconds} s`);
  await measure(`summary, all ${DAYS} days, channel = app`, () => summarize(db.sql, { ...all, channel: 'app' }, window), (s) => `conversations ${s.conversations}`);
  await measure('summary, last 7 days', () => summarize(db.sql, { ...all, from: new Date(now.getTime() - 7 * 86_400_000) }, window), (s) => `conversations ${s.conversations}`);
  await measure('live figures (all of them)', () => liveFigures(deps, workspaceId), (l) => `active ${l.activeConversations}, queue ${l.queueLength}, today ${l.conversationsToday}`);
  await measure(`report volume by day, ${DAYS} days`, () => reports.volume(deps, { ...all, interval: 'day', settings, window }), (t) => `${t.rows.length} rows`);
  await measure(`report intents (Pareto), ${DAYS} days`, () => reports.intents(deps, { ...all, interval: 'day', settings, window }), (t) => `${t.rows.length} intents`);
  await measure(`report heatmap, ${DAYS} days`, () => reports.heatmap(deps, { ...all, interval: 'day', settings, window }), (t) => `${t.rows.length} cells`);
  await measure('report forecast (4 weeks of history)', () => reports.forecast(deps, { ...all, interval: 'day', settings, window }), (t) => `${t.rows.length} hours`);

  const table = rows.map(([label, t, result]) => `| ${label} | ${t.median} ms | ${t.min} ms | ${t.max} ms | ${result} |`).join('\n');
  const md = `# Analytics benchmark

Run ${new Date().toISOString()} with \`node --import tsx bench/analytics/run.ts --conversations ${CONVERSATIONS} --runs ${RUNS}\`
on PostgreSQL (${(await db.sql.execute<{ server_version: string }>(sql`show server_version`)).rows[0]!.server_version}), ${cpus().length} cores, load average before the run ${load} (a shared machine: other work was running).
${n.toLocaleString('en-US')} synthetic conversations over ${DAYS} days (generated with \`generate_series\` in ${genSeconds} s) in
\`analytics_conversations\`, the per-conversation pre-aggregate the facts subscriber maintains; every figure is computed from it
by the same SQL the API runs (apps/server/src/domains/analytics/queries). Each query ran once to warm the cache, then ${RUNS} times.

**Target: the summary over 1 million conversations ≤ 2 s.**

| query | median | min | max | result |
|---|---|---|---|---|
${table}
`;
  writeFileSync(fileURLToPath(new URL('./results.md', import.meta.url)), md);
  console.log(md);
} finally {
  await db.close();
  await admin(`drop database if exists ${name} with (force)`);
}
