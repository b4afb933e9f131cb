import type { Role } from '@lingxi/contracts';
import { sha256 } from '../../../platform/crypto.ts';
import type { DomainError } from '../../../platform/errors.ts';
import type { AccountsDeps } from '../deps.ts';
import { accountErrors } from '../errors.ts';
import { sessionStore } from '../store.ts';

export type AuthenticatedUser = { userId: string; workspaceId: string; role: Role; email: string; sessionId: string };

export async function authenticate(deps: Pick<AccountsDeps, 'db' | 'clock'>, token: string): Promise<AuthenticatedUser | DomainError> {
  const found = await sessionStore.byTokenHash(deps.db.sql, sha256(token));
  if (!found) return accountErrors.sessionExpired();
  const { session, user } = found;
  if (session.revokedAt || session.expiresAt.getTime() <= deps.clock.now().getTime()) return accountErrors.sessionExpired();
  if (user.disabledAt) return accountErrors.userDisabled();
  return { userId: user.id, workspaceId: user.workspaceId, role: user.role, email: user.email, sessionId: session.id };
}
