import type { Disposition } from '@lingxi/contracts';
import type { DomainError } from '../../../platform/errors.ts';
import { recordAudit, type Actor } from '../../accounts/index.ts';
import type { ConversationsDeps } from '../deps.ts';
import { saveDispositions } from '../dispositions.ts';
import { inboxErrors } from '../inboxErrors.ts';

/** An admin replaces the workspace's dispositions; conversations keep the key they were resolved with. Audited. */
export async function updateDispositions(deps: Pick<ConversationsDeps, 'db' | 'ids' | 'clock'>, input: { workspaceId: string; actor: Actor; dispositions: Disposition[] }): Promise<Disposition[] | DomainError> {
  const keys = input.dispositions.map((d) => d.key);
  const twice = keys.find((k, i) => keys.indexOf(k) !== i);
  if (twice) return inboxErrors.duplicateDisposition(twice);
  return deps.db.transaction(async (tx) => {
    const saved = await saveDispositions(tx, input.workspaceId, input.dispositions);
    await recordAudit(tx, deps, input.actor, { workspaceId: input.workspaceId, action: 'settings.dispositions_updated', targetType: 'workspace', targetId: input.workspaceId, detail: { keys } });
    return saved;
  });
}
