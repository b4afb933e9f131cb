import { resolve } from 'node:path';
import type { Config } from './config.ts';
import { openDatabase, type Database } from './platform/db/index.ts';
import { applyMigrations } from './platform/db/migrate.ts';
import { memoryBus, redisBus, type Bus } from './platform/bus/index.ts';

/** Opens the database the config names (PostgreSQL, or the embedded one under the data dir) and migrates it. */
export async function openConfiguredDatabase(config: Config): Promise<Database> {
  const db = config.DATABASE_URL
    ? await openDatabase({ kind: 'postgres', url: config.DATABASE_URL, poolSize: config.LINGXI_DB_POOL_SIZE })
    : await openDatabase({ kind: 'pglite', dataDir: resolve(config.LINGXI_DATA_DIR) });
  try {
    await applyMigrations(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}

export async function openConfiguredBus(config: Config): Promise<Bus> {
  return config.REDIS_URL ? redisBus(config.REDIS_URL) : memoryBus();
}
