import type { AccountsDeps } from '../deps.ts';
import { auditStore, type AuditEntry } from '../store.ts';

export async function listAuditLog(
  deps: Pick<AccountsDeps, 'db'>,
  input: { workspaceId: string; limit: number; before?: string; action?: string },
): Promise<{ entries: AuditEntry[]; nextBefore: string | null }> {
  const entries = await auditStore.list(deps.db.sql, input.workspaceId, input);
  return { entries, nextBefore: entries.length === input.limit ? entries[entries.length - 1]!.id : null };
}
