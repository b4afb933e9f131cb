// How far the inbox search (ILIKE over contacts and message text) goes before it needs an index.
// Run: node --import tsx bench/inbox/run.ts [--conversations 20000] [--messages 10] [--runs 5] [--embedded]
// PostgreSQL: LINGXI_BENCH_DATABASE_URL (an admin URL) or postgres://postgres@127.0.0.1:55432/postgres, in its own
// database created and dropped here (--keep leaves it for EXPLAIN); --embedded uses PGlite in memory instead. Appends to bench/inbox/results.md.
import { appendFileSync, existsSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { openDatabase, type Database } from '../../apps/server/src/platform/db/index.ts';
import { applyMigrations } from '../../apps/server/src/platform/db/migrate.ts';
import { listInbox } from '../../apps/server/src/domains/conversations/queries/listConversations.ts';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const CONVERSATIONS = arg('conversations', 20_000);
const MESSAGES = arg('messages', 10);
const RUNS = arg('runs', 5);
const embedded = process.argv.includes('--embedded');
const adminUrl = process.env.LINGXI_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:55432/postgres';
const dbName = 'lingxi_bench_inbox';
const workspaceId = '01900000-0000-7000-8000-00000000beef';
const userId = '01900000-0000-7000-8000-00000000cafe';

async function admin(statement: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  await client.query(statement);
  await client.end();
}

let db: Database;
if (embedded) db = await openDatabase({ kind: 'pglite', dataDir: null });
else {
  await admin(`drop database if exists ${dbName}`);
  await admin(`create database ${dbName}`);
  const url = new URL(adminUrl);
  url.pathname = `/${dbName}`;
  db = await openDatabase({ kind: 'postgres', url: url.toString(), poolSize: 4 });
}
try {
  await applyMigrations(db);
  const started = Date.now();
  // Contacts and conversations, then MESSAGES short messages each; one conversation in 1,000 mentions 退货单号.
  await db.sql.execute(sql`
    insert into contacts (id, workspace_id, name, email, phone, attributes, created_at, updated_at)
    select md5('c' || i)::uuid, ${workspaceId}, '客户' || i, 'c' || i || '@example.com', '+86 138' || lpad(i::text, 8, '0'), '{}'::jsonb, now(), now()
    from generate_series(1, ${CONVERSATIONS}) i`);
  await db.sql.execute(sql`
    insert into conversations (id, workspace_id, contact_id, status, channel, assignee_id, last_seq, bot_state, tags, last_message_at, created_at)
    select md5('v' || i)::uuid, ${workspaceId}, md5('c' || i)::uuid, (array['bot','queued','assigned','resolved'])[1 + i % 4], 'web',
      case when i % 4 = 2 then ${userId}::uuid end, ${MESSAGES}, '{}'::jsonb, case when i % 10 = 0 then '["物流"]'::jsonb else '[]'::jsonb end,
      now() - (i || ' seconds')::interval, now() - (i || ' seconds')::interval
    from generate_series(1, ${CONVERSATIONS}) i`);
  await db.sql.execute(sql`
    insert into messages (id, workspace_id, conversation_id, seq, author, kind, text, private, meta, created_at)
    select md5('m' || i || '-' || s)::uuid, ${workspaceId}, md5('v' || i)::uuid, s, 'customer', 'text',
      case when i % 1000 = 7 and s = 3 then '我的退货单号是 RT' || i else '请问我的订单什么时候发货？我已经等了 ' || s || ' 天了，麻烦帮忙查一下物流' end,
      false, '{}'::jsonb, now()
    from generate_series(1, ${CONVERSATIONS}) i, generate_series(1, ${MESSAGES}) s`);
  await db.sql.execute(sql`analyze`);
  const loadSeconds = (Date.now() - started) / 1000;

  const cases: [string, Parameters<typeof listInbox>[1]][] = [
    ['no filter, newest 50', { workspaceId, userId, limit: 50 }],
    ['tag=物流 (GIN)', { workspaceId, userId, tag: '物流', limit: 50 }],
    ['q=客户123 (contact name, many hits)', { workspaceId, userId, q: '客户123', limit: 50 }],
    ['q=退货单号 (message text, 1 in 1,000)', { workspaceId, userId, q: '退货单号', limit: 50 }],
    ['q=nothing-matches (reads every message)', { workspaceId, userId, q: 'nothing-matches', limit: 50 }],
    ['view=mine&q=退货单号', { workspaceId, userId, view: 'mine', q: '退货单号', limit: 50 }],
  ];
  const noTeam = async () => ({ memberIds: [], conversationIds: [] });
  const rows: string[] = [];
  for (const [label, filter] of cases) {
    const times: number[] = [];
    let found = 0;
    for (let r = 0; r < RUNS; r++) {
      const t0 = performance.now();
      found = (await listInbox(db.sql, filter, noTeam)).length;
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    rows.push(`| ${label} | ${found} | ${times[Math.floor(times.length / 2)]!.toFixed(1)} | ${times[times.length - 1]!.toFixed(1)} |`);
  }
  const out = fileURLToPath(new URL('./results.md', import.meta.url));
  if (!existsSync(out)) writeFileSync(out, '# Inbox search\n\nMedian and worst of the runs, in ms, one query at a time (not a load test).\n');
  appendFileSync(out, [
    '',
    `## ${embedded ? 'PGlite (embedded, in memory)' : 'PostgreSQL'}: ${CONVERSATIONS.toLocaleString('en')} conversations × ${MESSAGES} messages — ${new Date().toISOString().slice(0, 10)}, ${cpus().length} cores, loaded in ${loadSeconds.toFixed(0)} s`,
    '',
    '| query | rows | median ms | worst ms |',
    '|---|---|---|---|',
    ...rows,
    '',
  ].join('\n'));
  console.log(rows.join('\n'));
} finally {
  await db.close();
  if (!embedded && !process.argv.includes('--keep')) await admin(`drop database if exists ${dbName}`);
}
