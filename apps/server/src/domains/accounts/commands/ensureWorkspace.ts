import { hashPassword, randomPassword } from '../../../platform/crypto.ts';
import { emit } from '../../../events/catalog.ts';
import { recordAudit } from '../audit.ts';
import { systemActor, type AccountsDeps } from '../deps.ts';
import { userStore, workspaceStore, type User, type Workspace } from '../store.ts';

export type EnsuredWorkspace = { workspace: Workspace; admin: User | null; created: boolean; generatedPassword: string | null };

/**
 * First start: creates the workspace and its admin. Later starts find it and change nothing.
 * Without a configured password a random one is generated and returned once, to be printed.
 */
export async function ensureWorkspace(
  deps: AccountsDeps,
  input: { slug: string; name: string; adminEmail: string; adminPassword?: string },
): Promise<EnsuredWorkspace> {
  const existing = await workspaceStore.bySlug(deps.db.sql, input.slug);
  if (existing) return { workspace: existing, admin: null, created: false, generatedPassword: null };
  const generatedPassword = input.adminPassword ? null : randomPassword();
  const passwordHash = await hashPassword(input.adminPassword ?? generatedPassword!);
  return deps.db.transaction(async (tx) => {
    const now = deps.clock.now();
    const workspace = await workspaceStore.insert(tx, { id: deps.ids.next(), slug: input.slug, name: input.name, settings: {}, createdAt: now });
    const email = input.adminEmail.trim().toLowerCase();
    const admin = await userStore.insert(tx, {
      id: deps.ids.next(),
      workspaceId: workspace.id,
      email,
      name: 'Admin',
      role: 'admin',
      passwordHash,
      passwordChangedAt: now,
      createdAt: now,
    });
    await recordAudit(tx, deps, systemActor, { workspaceId: workspace.id, action: 'workspace.created', targetType: 'workspace', targetId: workspace.id, detail: { slug: input.slug } });
    await recordAudit(tx, deps, systemActor, { workspaceId: workspace.id, action: 'user.created', targetType: 'user', targetId: admin.id, detail: { email, role: 'admin' } });
    await emit(
      tx,
      deps,
      { name: 'workspace.created', workspaceId: workspace.id, payload: { slug: input.slug, name: input.name } },
      { name: 'user.created', workspaceId: workspace.id, payload: { userId: admin.id, role: 'admin', email } },
    );
    return { workspace, admin, created: true, generatedPassword };
  });
}
