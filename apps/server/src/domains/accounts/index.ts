// The accounts domain's public face: users, roles, login sessions and the audit log.
export { accountRoutes, actorOf, userOf, SESSION_COOKIE, type UserPrincipal } from './routes.ts';
export { authenticate, type AuthenticatedUser } from './queries/authenticate.ts';
export { ensureWorkspace, type EnsuredWorkspace } from './commands/ensureWorkspace.ts';
export { createUser } from './commands/createUser.ts';
export { resetPassword } from './commands/resetPassword.ts';
export { recordAudit } from './audit.ts';
export { can, isPermission, permissions, type Permission } from './model.ts';
export { accountErrors } from './errors.ts';
export { workspaceStore, userStore, type User, type Workspace } from './store.ts';
export { createSettingsCache, type SettingsSource } from './settingsCache.ts';
export { presentUser } from './present.ts';
export { systemActor, type AccountsDeps, type Actor } from './deps.ts';
export { purgeEndedSessions } from './commands/purgeSessions.ts';
