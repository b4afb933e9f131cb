import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { startTestApp, type TestApp } from '../../testing/harness.ts';
import { defaultAnalyticsSettings } from './settings.ts';

/** Reports & alerts settings over HTTP: defaults, partial updates, every problem at once with its range, who may change them, and the change in use at once. */
describe('analytics settings', () => {
  let t: TestApp;
  let agentToken: string;
  let supervisorToken: string;
  beforeAll(async () => {
    t = await startTestApp({ config: { LINGXI_SEED_DEMO: 'false' } });
    for (const [email, role] of [['agent@example.com', 'agent'], ['lead@example.com', 'supervisor']] as const) {
      await t.call('POST', '/api/v1/users', { token: t.adminToken, body: { email, name: role, password: 'password-123', role } });
    }
    agentToken = await t.login('agent@example.com', 'password-123');
    supervisorToken = await t.login('lead@example.com', 'password-123');
  }, 60_000);
  afterAll(async () => t?.close());

  const put = (body: unknown, token = t.adminToken) => t.call('PUT', '/api/v1/settings/analytics', { token, body });

  it('shows the settings in effect and the defaults to admins and supervisors, not to agents', async () => {
    const shown = await t.call('GET', '/api/v1/settings/analytics', { token: supervisorToken });
    expect(shown.status).toBe(200);
    expect(shown.body).toEqual({ settings: defaultAnalyticsSettings, defaults: defaultAnalyticsSettings });
    expect((await t.call('GET', '/api/v1/settings/analytics', { token: agentToken })).status).toBe(403);
  });

  it('changes only the fields given (surge field by field), audited, announced, and in use on this node at once', async () => {
    // Prime this node's cache with the defaults.
    expect((await t.call('GET', '/api/v1/analytics/settings', { token: t.adminToken })).body.settings.idleMinutes).toBe(30);
    expect((await put({ idleMinutes: 45 }, agentToken)).status).toBe(403);
    const changed = await put({ idleMinutes: 45, timezone: 'Europe/Berlin', currency: 'EUR', surge: { minCount: 8 } }, supervisorToken);
    expect(changed.status).toBe(200);
    expect(changed.body.settings).toEqual({ ...defaultAnalyticsSettings, idleMinutes: 45, timezone: 'Europe/Berlin', currency: 'EUR', surge: { ...defaultAnalyticsSettings.surge, minCount: 8 } });
    const again = await put({ surge: { ratio: 2.5 } });
    expect(again.body.settings.surge).toEqual({ ...defaultAnalyticsSettings.surge, minCount: 8, ratio: 2.5 });
    expect(again.body.settings.idleMinutes).toBe(45);

    expect((await t.call('GET', '/api/v1/analytics/settings', { token: t.adminToken })).body.settings).toMatchObject({ idleMinutes: 45, surge: { minCount: 8, ratio: 2.5 } });
    const audit = await t.db.sql.execute<{ detail: { fields: string[] } }>(sql`select detail from audit_log where action = 'settings.analytics_updated' order by at`);
    expect(audit.rows.map((r) => r.detail.fields)).toEqual([['timezone', 'idleMinutes', 'currency', 'surge.minCount'], ['surge.ratio']]);
    const events = await t.db.sql.execute<{ payload: { section: string; fields: string[] } }>(sql`select payload from outbox where name = 'workspace.settings_changed' order by id`);
    expect(events.rows.map((r) => r.payload.section)).toEqual(['analytics', 'analytics']);
  });

  it('lists every bad value in one 400, each with its range, and changes nothing', async () => {
    const bad = await put({
      idleMinutes: 0, queueLengthAlert: 2.5, longestWaitAlertSeconds: 'soon', costPerBotConversation: -1, currency: 'yuan', timezone: 'Mars/Olympus',
      surge: { ratio: 0.5, windowMinutes: 500 },
    });
    expect(bad.status).toBe(400);
    const problems = Object.fromEntries((bad.body.error.problems as Array<{ path: string; message: string }>).map((p) => [p.path, p.message]));
    expect(problems).toEqual({
      'body.idleMinutes': 'must be a whole number between 1 and 1440',
      'body.queueLengthAlert': 'must be a whole number between 1 and 100000',
      'body.longestWaitAlertSeconds': 'must be a whole number between 1 and 86400',
      'body.costPerBotConversation': 'must be a number between 0 and 100000',
      'body.currency': 'must be a three-letter currency code such as CNY',
      'body.timezone': 'must be an IANA time zone such as Asia/Shanghai',
      'body.surge.ratio': 'must be a number between 1 and 100',
      'body.surge.windowMinutes': 'must be a whole number between 1 and 240',
    });
    // An offset is not a zone name (PostgreSQL and browsers read its sign differently); unknown fields are not ignored silently.
    expect((await put({ timezone: '+08:00' })).body.error.problems).toEqual([expect.objectContaining({ path: 'body.timezone' })]);
    expect((await put({ idleMinute: 10 })).status).toBe(400);
    expect((await put({})).status).toBe(400);
    expect((await t.call('GET', '/api/v1/settings/analytics', { token: t.adminToken })).body.settings.idleMinutes).toBe(45);
  });
});
