import type { Role } from '@lingxi/contracts';
import { hashPassword } from '../../../platform/crypto.ts';
import type { DomainError } from '../../../platform/errors.ts';
import { emit } from '../../../events/catalog.ts';
import { recordAudit } from '../audit.ts';
import type { AccountsDeps, Actor } from '../deps.ts';
import { accountErrors } from '../errors.ts';
import { userStore, type User } from '../store.ts';

export async function createUser(
  deps: AccountsDeps,
  input: { workspaceId: string; actor: Actor; email: string; name: string; password: string; role: Role; locale?: string },
): Promise<User | DomainError> {
  const email = input.email.trim().toLowerCase();
  if (await userStore.byEmailForLogin(deps.db.sql, email)) return accountErrors.emailTaken(email);
  const passwordHash = await hashPassword(input.password);
  const now = deps.clock.now();
  try {
    return await deps.db.transaction(async (tx) => {
      const user = await userStore.insert(tx, {
        id: deps.ids.next(),
        workspaceId: input.workspaceId,
        email,
        name: input.name,
        role: input.role,
        passwordHash,
        locale: input.locale ?? 'zh-CN',
        passwordChangedAt: now,
        createdAt: now,
      });
      await recordAudit(tx, deps, input.actor, {
        workspaceId: input.workspaceId,
        action: 'user.created',
        targetType: 'user',
        targetId: user.id,
        detail: { email, role: input.role },
      });
      await emit(tx, deps, { name: 'user.created', workspaceId: input.workspaceId, payload: { userId: user.id, role: input.role, email } });
      return user;
    });
  } catch (error) {
    // Two requests racing for the same email: the unique index decides.
    if ((error as { code?: string }).code === '23505' || (error as { cause?: { code?: string } }).cause?.code === '23505') return accountErrors.emailTaken(email);
    throw error;
  }
}
