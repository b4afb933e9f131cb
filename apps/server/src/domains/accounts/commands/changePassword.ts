import { hashPassword, verifyPassword } from '../../../platform/crypto.ts';
import type { DomainError } from '../../../platform/errors.ts';
import { emit } from '../../../events/catalog.ts';
import { recordAudit } from '../audit.ts';
import type { AccountsDeps, Actor } from '../deps.ts';
import { accountErrors } from '../errors.ts';
import { sessionStore, userStore } from '../store.ts';

/** The user changes their own password; every other session of theirs ends. */
export async function changePassword(
  deps: AccountsDeps,
  input: { workspaceId: string; userId: string; sessionId: string; currentPassword: string; newPassword: string; actor: Actor },
): Promise<{ ok: true } | DomainError> {
  const user = await userStore.byId(deps.db.sql, input.workspaceId, input.userId);
  if (!user) return accountErrors.userNotFound(input.userId);
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) return accountErrors.wrongPassword();
  const passwordHash = await hashPassword(input.newPassword);
  await deps.db.transaction(async (tx) => {
    const now = deps.clock.now();
    await userStore.setPassword(tx, input.workspaceId, user.id, passwordHash, now);
    await sessionStore.revokeAllOf(tx, input.workspaceId, user.id, now, input.sessionId);
    await recordAudit(tx, deps, input.actor, { workspaceId: input.workspaceId, action: 'user.password_changed', targetType: 'user', targetId: user.id });
    await emit(tx, deps, { name: 'user.password_changed', workspaceId: input.workspaceId, payload: { userId: user.id, by: input.actor.userId } });
  });
  return { ok: true };
}
