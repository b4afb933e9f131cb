import { sql } from 'drizzle-orm';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../testing/harness.ts';
import { seedDemoKnowledge } from '../knowledge/index.ts';

/**
 * Alerts that act: a surge of one intent raises an alert and pushes a knowledge pack to the agents'
 * consoles (a real Socket.IO client logged in as an agent); queue thresholds raise alerts on the wall;
 * alerts are acknowledged; the wall is pushed within 2 s; reports answer as JSON and CSV; bad ranges are 400s.
 */
let t: TestApp;
let socket: Socket;
let seq = 0;
const received: Record<string, unknown[]> = { 'knowledge.pack': [], 'analytics.alert': [], 'analytics.live': [] };
const agent = { id: '', token: '' };

const at = (iso: string) => (t.clock as unknown as { set(d: Date): void }).set(new Date(iso));
const settle = async () => {
  await t.app.dispatcher.drain();
  await t.app.dispatcher.drain();
};
async function customerSays(text: string) {
  const session = await t.call('POST', '/api/public/v1/sessions', { body: { name: `c${++seq}` } });
  const res = await t.call('POST', '/api/public/v1/messages', { token: session.body.sessionToken, body: { text, clientMessageId: `m-${seq}` } });
  expect(res.status).toBe(200);
  await settle();
  return res.body;
}
async function waitFor<T>(what: () => T | undefined, ms = 5_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = what();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}

beforeAll(async () => {
  t = await startTestApp({ fixedNow: new Date('2026-11-23T00:00:00Z') });
  await seedDemoKnowledge(t.app.knowledge, { workspaceId: t.workspaceId });
  const analytics = { queueLengthAlert: 2, longestWaitAlertSeconds: 600, surge: { windowMinutes: 10, baselineHours: 24, minCount: 5, ratio: 3 } };
  await t.db.sql.execute(sql`update workspaces set settings = jsonb_set(settings, '{analytics}', ${JSON.stringify(analytics)}::jsonb) where id = ${t.workspaceId}`);
  const created = await t.call('POST', '/api/v1/users', { token: t.adminToken, body: { email: 'ann@example.com', name: 'Ann', password: 'agent-password', role: 'agent' } });
  agent.id = created.body.user.id;
  agent.token = await t.login('ann@example.com', 'agent-password');
  await t.call('PUT', '/api/v1/agents/me/presence', { token: agent.token, body: { status: 'online' } });
  socket = connect(t.baseUrl, { path: '/socket.io', auth: { token: agent.token }, transports: ['websocket'] });
  for (const name of Object.keys(received)) socket.on(name, (data: unknown) => received[name]!.push(data));
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
}, 120_000);
afterAll(async () => {
  socket?.disconnect();
  await t?.close();
});

describe('surge detection', () => {
  it('raises a surge alert and pushes the knowledge pack to the agent when one intent jumps', async () => {
    // The baseline: asked once in the previous day.
    await customerSays('付款失败怎么办？');
    const questions = ['支付失败了', '付款一直失败', '付不了款', '支付不成功', '付款失败怎么办'];
    for (const [i, text] of questions.entries()) {
      at(`2026-11-23T06:0${i}:00Z`);
      await customerSays(text);
      if (i < questions.length - 1) expect(received['knowledge.pack']).toEqual([]);
    }
    const pack = await waitFor(() => received['knowledge.pack']![0] as Record<string, any> | undefined);
    expect(pack).toMatchObject({ label: '付款失败怎么办？', count: 5, windowMinutes: 10, suggestedReply: expect.stringContaining('余额') });
    expect(pack.entries[0]).toMatchObject({ id: pack.intent, question: '付款失败怎么办？' });
    expect(pack.entries.length).toBeGreaterThan(1);
    expect([...pack.examples].sort()).toEqual([...questions].sort());

    const alerts = await t.call('GET', '/api/v1/analytics/alerts?open=true', { token: t.adminToken });
    const surge = alerts.body.alerts.find((a: { kind: string }) => a.kind === 'surge');
    expect(surge).toMatchObject({ id: pack.alertId, subject: pack.intent, severity: 'critical', detail: { count: 5, label: '付款失败怎么办？', windowMinutes: 10 }, acknowledgedAt: null });
    // A sixth question in the same surge raises nothing new while the alert is open.
    await customerSays('支付失败了怎么办');
    expect(received['knowledge.pack']).toHaveLength(1);
  });

  it('acknowledges an alert once, and says why otherwise', async () => {
    const [open] = (await t.call('GET', '/api/v1/analytics/alerts?open=true', { token: t.adminToken })).body.alerts;
    const ack = await t.call('POST', `/api/v1/analytics/alerts/${open.id}/ack`, { token: t.adminToken });
    expect(ack.status).toBe(200);
    expect(ack.body.alert).toMatchObject({ id: open.id, acknowledgedAt: '2026-11-23T06:04:00.000Z' });
    expect((await t.call('POST', `/api/v1/analytics/alerts/${open.id}/ack`, { token: t.adminToken })).body.error.code).toBe('ALERT_ALREADY_ACKNOWLEDGED');
    expect((await t.call('POST', '/api/v1/analytics/alerts/01900000-0000-7000-8000-000000000000/ack', { token: t.adminToken })).status).toBe(404);
    expect((await t.call('POST', `/api/v1/analytics/alerts/${open.id}/ack`, { token: agent.token })).status).toBe(403);
    expect((await t.call('GET', '/api/v1/analytics/alerts?open=true', { token: t.adminToken })).body.alerts).toEqual([]);
  });
});

describe('queue alerts and the live push', () => {
  it('pushes fresh figures to the wall within 2 s and raises a queue-length alert at the threshold', async () => {
    at('2026-11-23T07:00:00Z');
    received['analytics.live']!.length = 0;
    const sent = Date.now();
    await customerSays('转人工');
    const first = await waitFor(() => (received['analytics.live'] as Array<{ queueLength: number }>).find((f) => f.queueLength === 1), 2_000);
    expect(Date.now() - sent).toBeLessThan(2_000);
    expect(first.queueLength).toBe(1);
    await customerSays('人工客服');
    const alert = await waitFor(() => (received['analytics.alert'] as Array<{ kind: string }>).find((a) => a.kind === 'queue_length'));
    expect(alert).toMatchObject({ severity: 'warning', subject: 'queue', detail: { queueLength: 2, threshold: 2 } });
    const live = await t.call('GET', '/api/v1/analytics/live', { token: t.adminToken });
    expect(live.body.openAlerts.map((a: { kind: string }) => a.kind)).toEqual(['queue_length']);
    const metrics = await (await fetch(`${t.baseUrl}/metrics`)).text();
    expect(metrics).toContain(`lingxi_analytics_queue_length{workspace="${t.workspaceId}"} 2`);
    expect(metrics).toContain(`lingxi_analytics_open_alerts{workspace="${t.workspaceId}"} 1`);
  });
});

describe('reports', () => {
  const range = 'from=2026-11-22T00:00:00Z&to=2026-11-24T00:00:00Z';
  it('answers every report as a table and as CSV', async () => {
    for (const report of ['volume', 'resolution', 'response_times', 'emotion', 'abandonment', 'intents', 'paths', 'heatmap', 'forecast', 'value', 'conversations']) {
      const res = await t.call('GET', `/api/v1/analytics/reports/${report}?${range}&interval=hour`, { token: t.adminToken });
      expect(res.status, report).toBe(200);
      expect(res.body.columns.length, report).toBeGreaterThan(0);
      const csv = await fetch(`${t.baseUrl}/api/v1/analytics/reports/${report}?${range}&format=csv`, { headers: { authorization: `Bearer ${t.adminToken}` } });
      expect(csv.headers.get('content-type')).toContain('text/csv');
      const bytes = new Uint8Array(await csv.arrayBuffer());
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // a BOM, so spreadsheets read the Chinese
      expect(new TextDecoder().decode(bytes).split('\r\n')[0]).toBe(res.body.columns.join(','));
    }
    const conversations = await t.call('GET', `/api/v1/analytics/reports/conversations?${range}`, { token: t.adminToken });
    expect(conversations.body.rows).toHaveLength(9);
    const intents = await t.call('GET', `/api/v1/analytics/reports/intents?${range}`, { token: t.adminToken });
    expect(intents.body.rows[0]).toMatchObject({ rank: 1, label: '付款失败怎么办？', conversations: 7, top80: 'yes' });
    const heatmap = await t.call('GET', `/api/v1/analytics/reports/heatmap?${range}`, { token: t.adminToken });
    expect(heatmap.body.rows).toHaveLength(168);
    // Monday in Shanghai: 08:00 (one), 14:00 (six), 15:00 (two).
    expect(heatmap.body.rows.filter((r: { conversations: number }) => r.conversations > 0)).toEqual([
      { weekday: 1, hour: 8, conversations: 1 }, { weekday: 1, hour: 14, conversations: 6 }, { weekday: 1, hour: 15, conversations: 2 },
    ]);
  });

  it('filters by channel and intent, and exports the summary as CSV', async () => {
    const byIntent = await t.call('GET', `/api/v1/analytics/summary?${range}&intent=${(await t.call('GET', `/api/v1/analytics/reports/intents?${range}`, { token: t.adminToken })).body.rows[0].intent}`, { token: t.adminToken });
    expect(byIntent.body.conversations).toBe(7);
    const byChannel = await t.call('GET', `/api/v1/analytics/summary?${range}&channel=app`, { token: t.adminToken });
    expect(byChannel.body).toMatchObject({ conversations: 0, botResolutionRate: null, transferRate: null, avgFirstResponseMs: null });
    const csv = await fetch(`${t.baseUrl}/api/v1/analytics/summary?${range}&format=csv`, { headers: { authorization: `Bearer ${t.adminToken}` } });
    expect((await csv.text()).split('\r\n')[0]).toContain('conversations,ended,botResolved');
  });

  it('lists every problem of a bad range with a 400', async () => {
    const bad = await t.call('GET', '/api/v1/analytics/summary?from=yesterday&agent=nobody', { token: t.adminToken });
    expect(bad.status).toBe(400);
    expect(bad.body.error.problems.map((p: { path: string }) => p.path).sort()).toEqual(['query.agent', 'query.from', 'query.to']);
    const backwards = await t.call('GET', '/api/v1/analytics/summary?from=2026-11-23T00:00:00Z&to=2026-11-22T00:00:00Z', { token: t.adminToken });
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.problems).toEqual([expect.objectContaining({ path: 'query.to', message: expect.stringContaining('after from') })]);
    expect((await t.call('GET', `/api/v1/analytics/reports/nonsense?${range}`, { token: t.adminToken })).status).toBe(400);
    expect((await t.call('GET', '/api/v1/analytics/live', { token: agent.token })).status).toBe(403);
  });
});
