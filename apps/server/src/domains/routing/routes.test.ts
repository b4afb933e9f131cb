import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../testing/harness.ts';

describe('presence, agents and teams over HTTP', () => {
  let t: TestApp;
  let agentToken: string;
  let agentId: string;
  beforeAll(async () => {
    t = await startTestApp({ config: { LINGXI_SEED_DEMO: 'false' } });
    const created = await t.call('POST', '/api/v1/users', { token: t.adminToken, body: { email: 'li@example.com', name: '李雷', password: 'agent-password', role: 'agent' } });
    agentId = created.body.user.id;
    agentToken = await t.login('li@example.com', 'agent-password');
  });
  afterAll(async () => t?.close());

  it('lets an agent go online and away, and a supervisor see it', async () => {
    const online = await t.call('PUT', '/api/v1/agents/me/presence', { token: agentToken, body: { status: 'online' } });
    expect(online.status).toBe(200);
    expect(online.body.agent).toMatchObject({ userId: agentId, status: 'online', capacity: 5 });
    const list = await t.call('GET', '/api/v1/agents', { token: t.adminToken });
    expect(list.body.agents.find((a: { userId: string }) => a.userId === agentId).status).toBe('online');
    const away = await t.call('PUT', '/api/v1/agents/me/presence', { token: agentToken, body: { status: 'away' } });
    expect(away.body.agent.status).toBe('away');
    const bad = await t.call('PUT', '/api/v1/agents/me/presence', { token: agentToken, body: { status: 'busy' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.problems[0].path).toBe('body.status');
  });

  it('lets an admin set capacity, skills, languages and teams, and checks the teams exist', async () => {
    const team = await t.call('POST', '/api/v1/teams', { token: t.adminToken, body: { name: '售后 After-sales' } });
    expect(team.status).toBe(201);
    const dup = await t.call('POST', '/api/v1/teams', { token: t.adminToken, body: { name: '售后 After-sales' } });
    expect(dup.status).toBe(409);
    const updated = await t.call('PUT', `/api/v1/agents/${agentId}`, {
      token: t.adminToken,
      body: { capacity: 8, skills: { refunds: 4 }, languages: ['zh-CN'], teamIds: [team.body.team.id] },
    });
    expect(updated.status).toBe(200);
    expect(updated.body.agent).toMatchObject({ capacity: 8, skills: { refunds: 4 }, languages: ['zh-CN'], teamIds: [team.body.team.id] });
    const unknown = await t.call('PUT', `/api/v1/agents/${agentId}`, { token: t.adminToken, body: { teamIds: ['00000000-0000-7000-8000-000000000000'] } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.code).toBe('TEAM_NOT_FOUND');
    const invalid = await t.call('PUT', `/api/v1/agents/${agentId}`, { token: t.adminToken, body: { capacity: -1, skills: { refunds: 9 } } });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.problems.map((p: { path: string }) => p.path).sort()).toEqual(['body.capacity', 'body.skills.refunds']);
  });

  it('keeps agents from changing other agents’ settings', async () => {
    const denied = await t.call('PUT', `/api/v1/agents/${agentId}`, { token: agentToken, body: { capacity: 50 } });
    expect(denied.status).toBe(403);
    expect((await t.call('GET', '/api/v1/agents', { token: agentToken })).status).toBe(403);
  });
});
