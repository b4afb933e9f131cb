import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from './index.ts';

let db: Database | null = null;
afterEach(async () => {
  await db?.close();
  db = null;
});

async function clientOf(database: Database): Promise<pg.Client> {
  const { host, port } = database.pool.options as { host: string; port: number };
  const client = new pg.Client({ host, port, user: 'postgres', database: 'postgres' });
  await client.connect();
  return client;
}

describe('the embedded database bridge', () => {
  it('rolls back the transaction of a client that went away inside it', async () => {
    db = await openDatabase({ kind: 'pglite', dataDir: null });
    const setup = await clientOf(db);
    await setup.query('create table t (n int)');
    const leaving = await clientOf(db);
    await leaving.query('begin');
    await leaving.query('insert into t values (1)');
    await leaving.end();
    await new Promise((r) => setTimeout(r, 50));
    expect((await setup.query('select count(*)::int as n from t')).rows[0].n).toBe(0);
    await setup.end();
  });

  it('leaves alone the transaction of another client when an idle one closes', async () => {
    db = await openDatabase({ kind: 'pglite', dataDir: null });
    const writer = await clientOf(db);
    await writer.query('create table t (n int)');
    const idle = await clientOf(db);
    await idle.query('select 1');
    await writer.query('begin');
    await writer.query('insert into t values (1)');
    await idle.end();
    await new Promise((r) => setTimeout(r, 50));
    await writer.query('insert into t values (2)');
    await writer.query('commit');
    expect((await writer.query('select count(*)::int as n from t')).rows[0].n).toBe(2);
    await writer.end();
  });

  it('answers a failed statement in the extended protocol and goes on', async () => {
    db = await openDatabase({ kind: 'pglite', dataDir: null });
    const client = await clientOf(db);
    await expect(client.query('select $1::int as n', ['not a number'])).rejects.toThrow(/invalid input syntax/);
    expect((await client.query('select $1::int as n', [7])).rows[0].n).toBe(7);
    await client.end();
  });
});
