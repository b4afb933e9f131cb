import { hashPassword } from '../../../platform/crypto.ts';
import type { DomainError } from '../../../platform/errors.ts';
import { emit } from '../../../events/catalog.ts';
import { recordAudit } from '../audit.ts';
import type { AccountsDeps, Actor } from '../deps.ts';
import { accountErrors } from '../errors.ts';
import { sessionStore, userStore, type User } from '../store.ts';

/** An admin (or the CLI) sets a new password for a user; all of that user's sessions end. */
export async function resetPassword(
  deps: AccountsDeps,
  input: { workspaceId: string; email: string; newPassword: string; actor: Actor },
): Promise<User | DomainError> {
  const user = await userStore.byEmail(deps.db.sql, input.workspaceId, input.email.trim().toLowerCase());
  if (!user) return accountErrors.userNotFound(input.email);
  const passwordHash = await hashPassword(input.newPassword);
  await deps.db.transaction(async (tx) => {
    const now = deps.clock.now();
    await userStore.setPassword(tx, input.workspaceId, user.id, passwordHash, now);
    await sessionStore.revokeAllOf(tx, input.workspaceId, user.id, now);
    await recordAudit(tx, deps, input.actor, { workspaceId: input.workspaceId, action: 'user.password_reset', targetType: 'user', targetId: user.id });
    await emit(tx, deps, { name: 'user.password_changed', workspaceId: input.workspaceId, payload: { userId: user.id, by: input.actor.userId } });
  });
  return user;
}
