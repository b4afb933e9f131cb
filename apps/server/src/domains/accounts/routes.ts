import { z } from 'zod';
import {
  AuditListResponse,
  AuditQuery,
  ChangePasswordRequest,
  CreateUserRequest,
  LoginRequest,
  LoginResponse,
  OkResponse,
  UserListResponse,
  UserResponse,
} from '@lingxi/contracts';
import { DomainFailure, orThrow } from '../../platform/errors.ts';
import { route, type Principal, type RouteContext } from '../../platform/route.ts';
import { changePassword } from './commands/changePassword.ts';
import { createUser } from './commands/createUser.ts';
import { login } from './commands/login.ts';
import { logout } from './commands/logout.ts';
import type { AccountsDeps, Actor } from './deps.ts';
import { accountErrors } from './errors.ts';
import { presentAuditEntry, presentUser } from './present.ts';
import { listAuditLog } from './queries/listAuditLog.ts';
import { userStore } from './store.ts';

export const SESSION_COOKIE = 'lingxi_session';

export type UserPrincipal = Extract<Principal, { kind: 'user' }>;

/** The http layer has already checked the policy; this narrows the type for the handler. */
export function userOf(principal: Principal): UserPrincipal {
  if (principal.kind !== 'user') throw new DomainFailure(accountErrors.notAuthenticated());
  return principal;
}

export function actorOf(ctx: Pick<RouteContext<unknown, unknown, unknown>, 'principal' | 'ip' | 'userAgent'>): Actor {
  const user = ctx.principal.kind === 'user' ? ctx.principal : null;
  return { userId: user?.userId ?? null, email: user?.email ?? null, ip: ctx.ip, userAgent: ctx.userAgent };
}

export function accountRoutes(deps: AccountsDeps) {
  return [
    route({
      method: 'POST',
      url: '/api/v1/auth/login',
      summary: 'Log in with email and password; returns a bearer token and sets an httpOnly cookie for the console',
      tags: ['auth'],
      policy: 'public',
      body: LoginRequest,
      response: LoginResponse,
      async handler(ctx) {
        const result = orThrow(await login(deps, { ...ctx.body, ip: ctx.ip, userAgent: ctx.userAgent }));
        ctx.setCookie(SESSION_COOKIE, result.token, { httpOnly: true, maxAgeSeconds: deps.sessionTtlHours * 3600 });
        return { token: result.token, expiresAt: result.expiresAt.toISOString(), user: presentUser(result.user) };
      },
    }),
    route({
      method: 'POST',
      url: '/api/v1/auth/logout',
      summary: 'End this login session',
      tags: ['auth'],
      policy: 'account:self',
      response: OkResponse,
      async handler(ctx) {
        const user = userOf(ctx.principal);
        await logout(deps, { workspaceId: user.workspaceId, sessionId: user.sessionId, userId: user.userId, actor: actorOf(ctx) });
        ctx.clearCookie(SESSION_COOKIE);
        return { ok: true as const };
      },
    }),
    route({
      method: 'GET',
      url: '/api/v1/auth/me',
      summary: 'The logged-in user',
      tags: ['auth'],
      policy: 'account:self',
      response: UserResponse,
      async handler(ctx) {
        const principal = userOf(ctx.principal);
        const user = await userStore.byId(deps.db.sql, principal.workspaceId, principal.userId);
        return { user: presentUser(orThrow(user ?? accountErrors.userNotFound(principal.userId))) };
      },
    }),
    route({
      method: 'PUT',
      url: '/api/v1/auth/password',
      summary: 'Change your own password; your other sessions end',
      tags: ['auth'],
      policy: 'account:self',
      body: ChangePasswordRequest,
      response: OkResponse,
      async handler(ctx) {
        const user = userOf(ctx.principal);
        return orThrow(await changePassword(deps, { ...ctx.body, workspaceId: user.workspaceId, userId: user.userId, sessionId: user.sessionId, actor: actorOf(ctx) }));
      },
    }),
    route({
      method: 'GET',
      url: '/api/v1/users',
      summary: 'Users of your workspace',
      tags: ['users'],
      policy: 'users:read',
      query: z.object({ role: z.enum(['admin', 'supervisor', 'agent']).optional() }),
      response: UserListResponse,
      async handler(ctx) {
        const user = userOf(ctx.principal);
        return { users: (await userStore.list(deps.db.sql, user.workspaceId, ctx.query.role)).map(presentUser) };
      },
    }),
    route({
      method: 'POST',
      url: '/api/v1/users',
      summary: 'Create a user in your workspace (admins only)',
      tags: ['users'],
      policy: 'users:manage',
      body: CreateUserRequest,
      status: 201,
      response: UserResponse,
      async handler(ctx) {
        const user = userOf(ctx.principal);
        ctx.setStatus(201);
        return { user: presentUser(orThrow(await createUser(deps, { ...ctx.body, workspaceId: user.workspaceId, actor: actorOf(ctx) }))) };
      },
    }),
    route({
      method: 'GET',
      url: '/api/v1/audit',
      summary: 'The audit log of your workspace, newest first (admins only)',
      tags: ['audit'],
      policy: 'audit:read',
      query: AuditQuery,
      response: AuditListResponse,
      async handler(ctx) {
        const user = userOf(ctx.principal);
        const page = await listAuditLog(deps, { workspaceId: user.workspaceId, ...ctx.query });
        return { entries: page.entries.map(presentAuditEntry), nextBefore: page.nextBefore };
      },
    }),
  ];
}
