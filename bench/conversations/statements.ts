// Cost of one statement on the embedded database, apart from the message path: CPU per statement by
// thread (main, PGlite worker) for a point select and a small insert, one after another and 16 at a time.
// Run: node --import tsx bench/conversations/statements.ts [--count 5000]
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../../apps/server/src/platform/db/index.ts';
import { cpuBetween, threadCpu } from './threads.ts';

const { values } = parseArgs({ options: { count: { type: 'string', default: '5000' } } });
const count = Number(values.count);
const db = await openDatabase({ kind: 'pglite', dataDir: null });
await db.sql.execute(sql`create table probe (id int primary key, body text not null)`);
await db.sql.execute(sql`insert into probe select g, repeat('x', 200) from generate_series(1, 1000) g`);

async function measure(name: string, run: (i: number) => Promise<unknown>, concurrency: number) {
  for (let i = 0; i < 500; i++) await run(i); // warm-up
  const cpu0 = threadCpu('self');
  const t0 = performance.now();
  let next = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < count) await run(next++);
  }));
  const wall = performance.now() - t0;
  const cpu = cpuBetween(cpu0, threadCpu('self'), process.pid);
  const us = (ms: number) => `${((ms * 1000) / count).toFixed(0)} µs`;
  process.stdout.write(`${name.padEnd(34)} ${(count / (wall / 1000)).toFixed(0).padStart(6)}/s  CPU per statement: main ${us(cpu.main)}, worker ${us(cpu.busiestOther)}, rest ${us(cpu.rest)}\n`);
}

let id = 10_000;
for (const concurrency of [1, 16]) {
  await measure(`point select, ${concurrency} at a time`, (i) => db.sql.execute(sql`select id, body from probe where id = ${(i % 1000) + 1}`), concurrency);
  await measure(`insert one row, ${concurrency} at a time`, () => db.sql.execute(sql`insert into probe values (${id++}, ${'y'.repeat(200)})`), concurrency);
}
await db.close();
