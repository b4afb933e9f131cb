// Run as a child process by crash.test.ts: commits one event, then dies by SIGKILL before any dispatch.
import { openDatabase } from '../db/index.ts';
import { applyMigrations } from '../db/migrate.ts';
import { appendToOutbox } from './index.ts';

const [target, eventId] = process.argv.slice(2) as [string, string];
const db = target.startsWith('postgres')
  ? await openDatabase({ kind: 'postgres', url: target })
  : await openDatabase({ kind: 'pglite', dataDir: target });
await applyMigrations(db);
await db.transaction(async (tx) => appendToOutbox(tx, [{ id: eventId, workspaceId: null, name: 'crash.committed', payload: { ok: true }, at: new Date() }]));
process.stdout.write('committed\n');
process.kill(process.pid, 'SIGKILL');
