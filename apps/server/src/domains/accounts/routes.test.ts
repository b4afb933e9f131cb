import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../testing/harness.ts';
import { ensureWorkspace } from './index.ts';

describe('accounts over HTTP', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t?.close());

  it('logs the seeded admin in and returns a token, the user and an httpOnly cookie', async () => {
    const response = await fetch(`${t.baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'ADMIN@lingxi.local', password: 'admin-password-1' }),
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { token: string; user: unknown };
    expect(body.token).toMatch(/^lx_/);
    expect(body.user).toMatchObject({ email: 'admin@lingxi.local', role: 'admin' });
    expect(response.headers.get('set-cookie')).toMatch(/lingxi_session=.*HttpOnly/i);
  });

  it('refuses a wrong password with 401 and records the failed attempt in the audit log', async () => {
    const bad = await t.call('POST', '/api/v1/auth/login', { body: { email: 'admin@lingxi.local', password: 'nope-nope' } });
    expect(bad.status).toBe(401);
    expect(bad.body.error.code).toBe('AUTH_INVALID_CREDENTIALS');
    const audit = await t.call('GET', '/api/v1/audit?action=auth.login_failed', { token: t.adminToken });
    expect(audit.status).toBe(200);
    expect(audit.body.entries[0]).toMatchObject({ action: 'auth.login_failed', actorEmail: 'admin@lingxi.local' });
  });

  it('lists every problem of a bad request at once', async () => {
    const result = await t.call('POST', '/api/v1/users', { token: t.adminToken, body: { email: 'not-an-email', role: 'boss', password: 'short' } });
    expect(result.status).toBe(400);
    expect(result.body.error.code).toBe('VALIDATION_FAILED');
    const paths = result.body.error.problems.map((p: { path: string }) => p.path).sort();
    expect(paths).toEqual(['body.email', 'body.name', 'body.password', 'body.role']);
    expect(result.body.error.hint).toBeTruthy();
  });

  it('answers malformed JSON with a 400, not a 500', async () => {
    const result = await t.call('POST', '/api/v1/auth/login', { body: '{"email": ', headers: { 'content-type': 'application/json' } });
    expect(result.status).toBe(400);
    expect(result.body.error.code).toBe('BODY_NOT_JSON');
  });

  it('lets an admin create an agent, and the agent cannot call admin routes', async () => {
    const created = await t.call('POST', '/api/v1/users', { token: t.adminToken, body: { email: 'agent1@example.com', name: 'Agent One', password: 'agent-password', role: 'agent' } });
    expect(created.status).toBe(201);
    expect(created.body.user).toMatchObject({ email: 'agent1@example.com', role: 'agent' });
    const again = await t.call('POST', '/api/v1/users', { token: t.adminToken, body: { email: 'agent1@example.com', name: 'Twin', password: 'agent-password', role: 'agent' } });
    expect(again.status).toBe(409);

    const agentToken = await t.login('agent1@example.com', 'agent-password');
    for (const [method, path, body] of [
      ['POST', '/api/v1/users', { email: 'x@example.com', name: 'X', password: 'xxxxxxxx', role: 'admin' }],
      ['GET', '/api/v1/audit', undefined],
    ] as const) {
      const denied = await t.call(method, path, { token: agentToken, body });
      expect(denied.status, `${method} ${path}`).toBe(403);
      expect(denied.body.error.code).toBe('FORBIDDEN');
    }
    const me = await t.call('GET', '/api/v1/auth/me', { token: agentToken });
    expect(me.body.user.role).toBe('agent');
  });

  it('needs a token for every non-public route', async () => {
    for (const path of ['/api/v1/users', '/api/v1/audit', '/api/v1/auth/me']) {
      const result = await t.call('GET', path);
      expect(result.status, path).toBe(401);
    }
  });

  it('never lets a user of one workspace read another workspace', async () => {
    const other = await ensureWorkspace(
      { db: t.db, ids: t.ids, clock: t.clock, sessionTtlHours: 1 },
      { slug: 'other', name: 'Other', adminEmail: 'boss@other.example', adminPassword: 'other-password' },
    );
    const otherToken = await t.login('boss@other.example', 'other-password');
    const users = await t.call('GET', '/api/v1/users', { token: otherToken });
    expect(users.body.users.map((u: { email: string }) => u.email)).toEqual(['boss@other.example']);
    const audit = await t.call('GET', '/api/v1/audit', { token: otherToken });
    expect(audit.body.entries.every((e: { actorEmail: string | null }) => e.actorEmail !== 'admin@lingxi.local')).toBe(true);
    expect(other.workspace.id).not.toBe(t.workspaceId);
  });

  it('changes a password, ends the other sessions, and logs out', async () => {
    await t.call('POST', '/api/v1/users', { token: t.adminToken, body: { email: 'sup@example.com', name: 'Sup', password: 'sup-password', role: 'supervisor' } });
    const first = await t.login('sup@example.com', 'sup-password');
    const second = await t.login('sup@example.com', 'sup-password');
    const wrong = await t.call('PUT', '/api/v1/auth/password', { token: first, body: { currentPassword: 'nope', newPassword: 'new-sup-password' } });
    expect(wrong.status).toBe(400);
    const changed = await t.call('PUT', '/api/v1/auth/password', { token: first, body: { currentPassword: 'sup-password', newPassword: 'new-sup-password' } });
    expect(changed.status).toBe(200);
    expect((await t.call('GET', '/api/v1/auth/me', { token: second })).status).toBe(401);
    expect((await t.call('GET', '/api/v1/auth/me', { token: first })).status).toBe(200);
    expect((await t.call('POST', '/api/v1/auth/logout', { token: first })).status).toBe(200);
    expect((await t.call('GET', '/api/v1/auth/me', { token: first })).status).toBe(401);
    const audit = await t.call('GET', '/api/v1/audit', { token: t.adminToken });
    const actions = audit.body.entries.map((e: { action: string }) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['user.password_changed', 'auth.logout', 'user.created', 'auth.login']));
  });

  it('pauses logins to an account after ten wrong passwords in a row', async () => {
    await t.call('POST', '/api/v1/users', { token: t.adminToken, body: { email: 'target@example.com', name: 'Target', password: 'right-password', role: 'agent' } });
    for (let i = 0; i < 10; i++) expect((await t.call('POST', '/api/v1/auth/login', { body: { email: 'target@example.com', password: `wrong-${i}` } })).status).toBe(401);
    const paused = await t.call('POST', '/api/v1/auth/login', { body: { email: 'target@example.com', password: 'right-password' } });
    expect(paused.status).toBe(429);
    expect(paused.body.error.code).toBe('AUTH_TOO_MANY_ATTEMPTS');
  });

  it('serves the OpenAPI document listing the routes', async () => {
    const doc = await t.call('GET', '/api/docs/json');
    expect(doc.status).toBe(200);
    expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining(['/api/v1/auth/login', '/api/v1/users', '/api/v1/audit']));
  });
});
