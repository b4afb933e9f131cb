import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { importEntries, type ImportResult } from '../commands/importEntries.ts';
import type { KnowledgeDeps } from '../deps.ts';
import { entryStore } from '../store.ts';

export const DEMO_KNOWLEDGE_FILE = fileURLToPath(new URL('./ecommerce-after-sales.jsonl', import.meta.url));

/** First start only: a workspace that has never had an entry gets the demo e-commerce after-sales knowledge base, published. */
export async function seedDemoKnowledge(deps: KnowledgeDeps, input: { workspaceId: string }): Promise<ImportResult | null> {
  if ((await entryStore.count(deps.db.sql, input.workspaceId)) > 0) return null;
  return importEntries(deps, { workspaceId: input.workspaceId, by: 'demo seed', source: readFileSync(DEMO_KNOWLEDGE_FILE, 'utf8') });
}
