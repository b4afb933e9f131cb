import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { CliContext } from './context.ts';
import { buildApp } from '../app.ts';
import { openConfiguredBus, openConfiguredDatabase } from '../boot.ts';
import { systemClock } from '../platform/clock.ts';
import { systemIds } from '../platform/ids.ts';
import { workspaceStore } from '../domains/accounts/index.ts';
import { formatOf, importFile } from '../domains/knowledge/index.ts';
import { DEFAULT_WORKSPACE } from './seed.ts';

/**
 * `lingxi import kb FILE [--workspace demo]` (JSON Lines; also .json, .csv and .xlsx by the file's extension): publishes the entries and retrains the bot before it
 * returns; running nodes swap the new model in through `knowledge.published`.
 */
export async function runImport({ config, args, out, err }: CliContext): Promise<number> {
  const [kind, ...rest] = args;
  const { values, positionals } = parseArgs({ args: rest, options: { workspace: { type: 'string', default: DEFAULT_WORKSPACE } }, allowPositionals: true, strict: true });
  const file = positionals[0];
  if (kind !== 'kb' || !file || positionals.length > 1) {
    err('Usage: lingxi import kb FILE [--workspace demo]   (JSON Lines: {"question", "similarQuestions"?, "answer", "category"?, "tags"?} per line; or .csv/.xlsx with those columns, lists joined by |)');
    return 2;
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    err(`Cannot read ${file}.`);
    return 2;
  }
  const db = await openConfiguredDatabase(config);
  const bus = await openConfiguredBus(config);
  try {
    const workspace = await workspaceStore.bySlug(db.sql, values.workspace);
    if (!workspace) {
      err(`No workspace "${values.workspace}". Start Lingxi once (npm start) to create the default one.`);
      return 1;
    }
    // Only the worker role: the import's events (knowledge.published) are delivered before exiting.
    const app = await buildApp({ config: { ...config, LINGXI_ROLES: ['worker'] }, db, bus, clock: systemClock, ids: systemIds() });
    const result = await importFile(app.knowledge, { workspaceId: workspace.id, by: 'cli', format: formatOf(file, null), bytes });
    await app.dispatcher.drain();
    await app.close();
    for (const e of result.errors) err(`  line ${e.line}: ${e.problems.map((p) => (p.path ? `${p.path} ${p.message}` : p.message)).join('; ')}`);
    out(`Imported ${result.imported} entries into "${workspace.slug}"${result.modelVersion ? `; the bot now answers from model version ${result.modelVersion}` : ''}${result.errors.length ? `; ${result.errors.length} line(s) had problems (above)` : ''}.`);
    out(JSON.stringify(result));
    return result.errors.length > 0 && result.imported === 0 ? 1 : 0;
  } finally {
    await bus.close();
    await db.close();
  }
}
