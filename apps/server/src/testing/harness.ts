import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { buildApp, type LingxiApp } from '../app.ts';
import { ConfigSchema, type Config } from '../config.ts';
import { fixedClock, systemClock, type Clock } from '../platform/clock.ts';
import { openDatabase, type Database } from '../platform/db/index.ts';
import { applyMigrations } from '../platform/db/migrate.ts';
import { memoryBus, redisBus, type Bus } from '../platform/bus/index.ts';
import { systemIds, type Ids } from '../platform/ids.ts';
import { seedDefaultWorkspace } from '../cli/seed.ts';

/**
 * Test infrastructure: real databases only. PGlite in memory by default; with LINGXI_TEST_DATABASE_URL
 * (CI's production-mode pass) a fresh PostgreSQL database per test file, and Redis with LINGXI_TEST_REDIS_URL.
 */
export const productionMode = Boolean(process.env.LINGXI_TEST_DATABASE_URL);

export type TestDatabase = { db: Database; url: string | null; drop(): Promise<void> };

export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = process.env.LINGXI_TEST_DATABASE_URL;
  if (!adminUrl) {
    const db = await openDatabase({ kind: 'pglite', dataDir: null });
    await applyMigrations(db);
    return { db, url: null, drop: () => db.close() };
  }
  const name = `lingxi_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const db = await openDatabase({ kind: 'postgres', url: url.toString(), poolSize: 8 });
  await applyMigrations(db);
  return {
    db,
    url: url.toString(),
    async drop() {
      await db.close();
      const again = new pg.Client({ connectionString: adminUrl });
      await again.connect();
      await again.query(`drop database if exists ${name} with (force)`);
      await again.end();
    },
  };
}

export function testConfig(overrides: Record<string, string> = {}): Config {
  return ConfigSchema.parse({ LOG_LEVEL: 'warn', LINGXI_ADMIN_PASSWORD: 'admin-password-1', PORT: '0', ...overrides });
}

export async function testBus(channel: string): Promise<Bus> {
  const url = process.env.LINGXI_TEST_REDIS_URL;
  return url ? redisBus(url, `lingxi:test:${channel}`) : memoryBus();
}

export type TestApp = {
  app: LingxiApp;
  db: Database;
  clock: Clock;
  ids: Ids;
  bus: Bus;
  baseUrl: string;
  adminToken: string;
  workspaceId: string;
  /** Calls the API over real HTTP and returns status and parsed JSON. */
  call(method: string, path: string, options?: { token?: string; body?: unknown; headers?: Record<string, string> }): Promise<{ status: number; body: any }>;
  login(email: string, password: string): Promise<string>;
  close(): Promise<void>;
};

/** Builds the real app on a real database and listens on a free loopback port. */
export async function startTestApp(options: { database?: TestDatabase; fixedNow?: Date; config?: Record<string, string>; busChannel?: string } = {}): Promise<TestApp> {
  const database = options.database ?? (await createTestDatabase());
  const clock = options.fixedNow ? fixedClock(options.fixedNow) : systemClock;
  const ids = systemIds(() => clock.now().getTime());
  const config = testConfig(options.config);
  const bus = await testBus(options.busChannel ?? randomBytes(4).toString('hex'));
  const seeded = await seedDefaultWorkspace(config, { db: database.db, clock, ids });
  const app = await buildApp({ config, db: database.db, bus, clock, ids, pollMs: { outbox: 100, jobs: 100 } });
  const address = await app.listen(0);
  const baseUrl = address.replace('[::1]', '127.0.0.1');
  const call: TestApp['call'] = async (method, path, callOptions = {}) => {
    const headers: Record<string, string> = { ...callOptions.headers };
    if (callOptions.token) headers.authorization = `Bearer ${callOptions.token}`;
    let body: string | undefined;
    if (callOptions.body !== undefined) {
      body = typeof callOptions.body === 'string' ? callOptions.body : JSON.stringify(callOptions.body);
      headers['content-type'] ??= 'application/json';
    }
    const response = await fetch(`${baseUrl}${path}`, { method, headers, body });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // not JSON: the raw text is returned
    }
    return { status: response.status, body: parsed };
  };
  const login = async (email: string, password: string) => {
    const result = await call('POST', '/api/v1/auth/login', { body: { email, password } });
    if (result.status !== 200) throw new Error(`login failed: ${JSON.stringify(result.body)}`);
    return result.body.token as string;
  };
  const adminToken = await login(config.LINGXI_ADMIN_EMAIL ?? 'admin@lingxi.local', config.LINGXI_ADMIN_PASSWORD!);
  return {
    app,
    db: database.db,
    clock,
    ids,
    bus,
    baseUrl,
    adminToken,
    workspaceId: seeded.workspace.id,
    call,
    login,
    async close() {
      await app.close();
      await bus.close();
      if (!options.database) await database.drop();
    },
  };
}
