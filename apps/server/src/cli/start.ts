import type { CliContext } from './context.ts';
import { buildApp, VERSION } from '../app.ts';
import { openConfiguredBus, openConfiguredDatabase } from '../boot.ts';
import { systemClock } from '../platform/clock.ts';
import { systemIds } from '../platform/ids.ts';
import { DataDirLockedError } from '../platform/db/lock.ts';
import { loginBanner, seedDefaultWorkspace } from './seed.ts';
import { seedDemoKnowledge } from '../domains/knowledge/index.ts';
import { withStartupLock } from '../platform/db/migrate.ts';

/** Returns -1: the process keeps serving until a signal ends it. */
export async function runStart({ config, out, err }: CliContext): Promise<number> {
  const started = performance.now();
  let db;
  try {
    db = await openConfiguredDatabase(config);
  } catch (error) {
    if (error instanceof DataDirLockedError) {
      err(error.message);
      return 3;
    }
    throw error;
  }
  const bus = await openConfiguredBus(config);
  const clock = systemClock;
  const ids = systemIds();
  const app = await buildApp({ config, db, bus, clock, ids });
  const { seeded, demo } = await withStartupLock(db, async () => {
    const workspace = await seedDefaultWorkspace(config, { db, clock, ids });
    return { seeded: workspace, demo: config.LINGXI_SEED_DEMO ? await seedDemoKnowledge(app.knowledge, { workspaceId: workspace.workspace.id }) : null };
  });
  const address = await app.listen();
  const base = address.replace('0.0.0.0', '127.0.0.1').replace('[::]', '127.0.0.1');
  const storage = config.DATABASE_URL ? 'PostgreSQL' : `embedded PostgreSQL (PGlite) in ${config.LINGXI_DATA_DIR}`;
  out('');
  out(`Lingxi 灵犀 ${VERSION} is running at ${base} (${storage}${config.REDIS_URL ? ', Redis fan-out' : ''}), ready in ${Math.round(performance.now() - started)} ms`);
  out(`  Console:  ${base}/`);
  out(`  API docs: ${base}/api/docs`);
  for (const line of loginBanner(config, seeded)) out(line);
  if (demo) out(`  Demo knowledge base: ${demo.imported} entries published (set LINGXI_SEED_DEMO=false to skip it on a fresh install).`);
  out('');

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.http.log.info({ signal }, 'shutting down: no new requests, finishing in-flight work');
    const force = setTimeout(() => process.exit(1), 20_000);
    force.unref();
    await app.close();
    await app.dispatcher.drain().catch(() => undefined);
    await bus.close();
    await db.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
  return -1;
}
