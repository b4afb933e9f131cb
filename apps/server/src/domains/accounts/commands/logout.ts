import { recordAudit } from '../audit.ts';
import type { AccountsDeps, Actor } from '../deps.ts';
import { sessionStore } from '../store.ts';

export async function logout(deps: AccountsDeps, input: { workspaceId: string; sessionId: string; userId: string; actor: Actor }): Promise<void> {
  await deps.db.transaction(async (tx) => {
    await sessionStore.revoke(tx, input.workspaceId, input.sessionId, deps.clock.now());
    await recordAudit(tx, deps, input.actor, { workspaceId: input.workspaceId, action: 'auth.logout', targetType: 'user', targetId: input.userId });
  });
}
