import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'node:net';
import pg from 'pg';
import { io as connect } from 'socket.io-client';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase, productionMode } from '../testing/harness.ts';

const main = fileURLToPath(new URL('../main.ts', import.meta.url));
const children: ChildProcess[] = [];

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolve(port));
    });
  });
}

type Node = { child: ChildProcess; port: number; output: () => string; exited: Promise<number | null> };

function startNode(env: Record<string, string>, port: number): Node {
  const child = spawn(process.execPath, ['--import', 'tsx', main, 'start'], {
    env: { ...process.env, LOG_LEVEL: 'warn', PORT: String(port), HOST: '127.0.0.1', LINGXI_ADMIN_PASSWORD: 'admin-password-1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, port, output: () => output, exited };
}

async function waitHealthy(node: Node, timeoutMs = 120_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (node.child.exitCode !== null) throw new Error(`node exited early:\n${node.output()}`);
    try {
      const response = await fetch(`http://127.0.0.1:${node.port}/healthz`);
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`node not healthy in time:\n${node.output()}`);
}

async function login(port: number, email = 'admin@lingxi.local', password = 'admin-password-1'): Promise<string> {
  const response = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { token: string }).token;
}

afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
});

describe.skipIf(productionMode)('lingxi start on the embedded database', () => {
  it('serves, refuses a second process on the same data directory, stops cleanly on SIGTERM and reuses its data', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'lingxi-start-'));
    try {
      const first = startNode({ LINGXI_DATA_DIR: dataDir }, await freePort());
      await waitHealthy(first);
      expect(first.output()).toContain('Log in as admin@lingxi.local');
      await login(first.port);

      const second = startNode({ LINGXI_DATA_DIR: dataDir }, await freePort());
      expect(await second.exited).toBe(3);
      expect(second.output()).toMatch(/in use by another Lingxi process/);

      first.child.kill('SIGTERM');
      expect(await first.exited).toBe(0);

      const again = startNode({ LINGXI_DATA_DIR: dataDir }, await freePort());
      await waitHealthy(again);
      expect(again.output()).toContain('forgot the password?');
      await login(again.port);
      again.child.kill('SIGTERM');
      expect(await again.exited).toBe(0);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 300_000);

  it('explains a bad environment instead of starting', { timeout: 60_000 }, async () => {
    const node = startNode({ PORT: 'not-a-port', DATABASE_URL: 'mysql://x' }, 0);
    expect(await node.exited).toBe(2);
    expect(node.output()).toMatch(/PORT/);
    expect(node.output()).toMatch(/DATABASE_URL: must start with postgres/);
  });
});

describe.skipIf(!productionMode || !process.env.LINGXI_TEST_REDIS_URL)('two nodes on one PostgreSQL + Redis', () => {
  it('delivers an event committed on one node to a socket on the other, and runs a job once', async () => {
    const database = await createTestDatabase();
    await database.db.close();
    const env = { DATABASE_URL: database.url!, REDIS_URL: process.env.LINGXI_TEST_REDIS_URL! };
    try {
      const [a, b] = [startNode(env, await freePort()), startNode(env, await freePort())];
      await Promise.all([waitHealthy(a), waitHealthy(b)]);
      const token = await login(a.port);

      const socket = connect(`http://127.0.0.1:${b.port}`, { path: '/socket.io', auth: { token }, transports: ['websocket'] });
      const received: Array<{ name: string; payload: { email: string } }> = [];
      socket.on('workspace.event', (e) => received.push(e));
      await new Promise<void>((resolve, reject) => {
        socket.on('connect', () => resolve());
        socket.on('connect_error', reject);
      });
      const created = await fetch(`http://127.0.0.1:${a.port}/api/v1/users`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ email: 'cross@example.com', name: 'Cross', password: 'cross-password', role: 'agent' }),
      });
      expect(created.status).toBe(201);
      const until = Date.now() + 10_000;
      while (!received.some((e) => e.payload.email === 'cross@example.com') && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
      await new Promise((r) => setTimeout(r, 500));
      expect(received.filter((e) => e.name === 'user.created' && e.payload.email === 'cross@example.com')).toHaveLength(1);
      socket.close();

      const client = new pg.Client({ connectionString: database.url! });
      await client.connect();
      try {
        await client.query(
          `insert into jobs (id, name, payload, run_at, created_at, dedupe_key) values (gen_random_uuid(), 'maintenance.daily', '{}', now(), now(), 'two-nodes-test')`,
        );
        let job: { attempts: number; done: boolean } | undefined;
        const deadline = Date.now() + 10_000;
        while (Date.now() < deadline) {
          job = (await client.query(`select attempts, done_at is not null as done from jobs where dedupe_key = 'two-nodes-test'`)).rows[0];
          if (job?.done) break;
          await new Promise((r) => setTimeout(r, 100));
        }
        expect(job).toEqual({ attempts: 1, done: true });
      } finally {
        await client.end();
      }
      a.child.kill('SIGTERM');
      b.child.kill('SIGTERM');
      expect(await a.exited).toBe(0);
      expect(await b.exited).toBe(0);
    } finally {
      await database.drop();
    }
  }, 300_000);
});
