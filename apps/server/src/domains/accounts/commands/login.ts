import { newToken, sha256, verifyPassword } from '../../../platform/crypto.ts';
import type { DomainError } from '../../../platform/errors.ts';
import { emit } from '../../../events/catalog.ts';
import { recordAudit } from '../audit.ts';
import type { AccountsDeps } from '../deps.ts';
import { accountErrors } from '../errors.ts';
import { loginThrottle, sessionExpiry } from '../model.ts';
import { auditStore, sessionStore, userStore, type User } from '../store.ts';

// Verifying against a fixed hash when the email is unknown keeps both answers equally slow (no user enumeration).
const DECOY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$NYIcJpUxfyyqp0FqA64vjQ$JmSuRNo4/KjltlCwXvLLxRO9tjxkEEEyGLoVcm4qQiY';

export type LoginResult = { token: string; expiresAt: Date; user: User; sessionId: string };

export async function login(
  deps: AccountsDeps,
  input: { email: string; password: string; ip: string | null; userAgent: string | null },
): Promise<LoginResult | DomainError> {
  const user = await userStore.byEmailForLogin(deps.db.sql, input.email);
  if (user) {
    const since = new Date(deps.clock.now().getTime() - loginThrottle.windowMinutes * 60_000);
    const failures = await auditStore.countSince(deps.db.sql, user.workspaceId, 'auth.login_failed', user.id, since);
    if (failures >= loginThrottle.maxFailures) return accountErrors.tooManyAttempts(loginThrottle.windowMinutes);
  }
  const ok = await verifyPassword(user?.passwordHash ?? DECOY_HASH, input.password);
  if (!user || !ok) {
    if (user) {
      await recordAudit(deps.db.sql, deps, { userId: null, email: input.email, ip: input.ip, userAgent: input.userAgent }, {
        workspaceId: user.workspaceId,
        action: 'auth.login_failed',
        targetType: 'user',
        targetId: user.id,
      });
    }
    return accountErrors.badCredentials();
  }
  if (user.disabledAt) return accountErrors.userDisabled();
  const token = newToken('lx');
  const now = deps.clock.now();
  const sessionId = deps.ids.next();
  const expiresAt = sessionExpiry(now, deps.sessionTtlHours);
  await deps.db.transaction(async (tx) => {
    await sessionStore.insert(tx, {
      id: sessionId,
      workspaceId: user.workspaceId,
      userId: user.id,
      tokenHash: sha256(token),
      createdAt: now,
      expiresAt,
      ip: input.ip,
      userAgent: input.userAgent?.slice(0, 500) ?? null,
    });
    await recordAudit(tx, deps, { userId: user.id, email: user.email, ip: input.ip, userAgent: input.userAgent }, {
      workspaceId: user.workspaceId,
      action: 'auth.login',
      targetType: 'user',
      targetId: user.id,
    });
    await emit(tx, deps, { name: 'user.logged_in', workspaceId: user.workspaceId, payload: { userId: user.id, sessionId } });
  });
  return { token, expiresAt, user, sessionId };
}
