import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { startTestApp, type TestApp } from '../../testing/harness.ts';

/** NPS: the customer answers once per conversation; supervisors read the score over a period. */
describe('net promoter score', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ config: { LINGXI_SEED_DEMO: 'false' } });
  }, 60_000);
  afterAll(async () => t?.close());

  const customer = async () => (await t.call('POST', '/api/public/v1/sessions', { body: {} })).body as { sessionToken: string; conversationId: string };
  const answer = (token: string, body: unknown) => t.call('POST', '/api/public/v1/conversation/nps', { token, body });

  it('takes one answer per conversation, 0–10, and records the event', async () => {
    const c = await customer();
    const bad = await answer(c.sessionToken, { score: 11, comment: 'x'.repeat(1001) });
    expect(bad.status).toBe(400);
    expect(bad.body.error.problems.map((p: { path: string }) => p.path).sort()).toEqual(['body.comment', 'body.score']);
    expect((await answer(c.sessionToken, { score: 7.5 })).status).toBe(400);
    expect((await answer(c.sessionToken, { score: 10, comment: ' 客服很耐心 ' })).body).toEqual({ ok: true });
    const again = await answer(c.sessionToken, { score: 0 });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('NPS_ALREADY_GIVEN');
    const events = await t.db.sql.execute<{ payload: { conversationId: string; score: number; comment: string | null } }>(sql`select payload from outbox where name = 'feedback.nps_recorded'`);
    expect(events.rows.map((r) => r.payload)).toContainEqual(expect.objectContaining({ conversationId: c.conversationId, score: 10, comment: '客服很耐心' }));
    // Agents cannot answer for the customer.
    expect((await t.call('POST', '/api/public/v1/conversation/nps', { token: t.adminToken, body: { score: 10 } })).status).toBeGreaterThanOrEqual(400);
  });

  it('sums promoters, passives and detractors into the score, with the latest comments', async () => {
    for (const [score, comment] of [[9, undefined], [8, '还行'], [3, '等太久了'], [6, undefined]] as const) {
      const c = await customer();
      expect((await answer(c.sessionToken, comment ? { score, comment } : { score })).status).toBe(200);
    }
    const from = new Date(Date.now() - 3_600_000).toISOString();
    const to = new Date(Date.now() + 60_000).toISOString();
    const summary = await t.call('GET', `/api/v1/feedback/nps?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`, { token: t.adminToken });
    expect(summary.status).toBe(200);
    // 10 and 9 promote, 8 is passive, 3 and 6 detract: (2 − 2) / 5.
    expect(summary.body).toMatchObject({ responses: 5, promoters: 2, passives: 1, detractors: 2, nps: 0 });
    expect(summary.body.recentComments.map((c: { comment: string }) => c.comment)).toEqual(['等太久了', '还行', '客服很耐心']);
    const empty = await t.call('GET', `/api/v1/feedback/nps?from=2020-01-01&to=2020-02-01`, { token: t.adminToken });
    expect(empty.body).toMatchObject({ responses: 0, nps: null, recentComments: [] });
    const backwards = await t.call('GET', `/api/v1/feedback/nps?from=2020-02-01&to=2020-01-01`, { token: t.adminToken });
    expect(backwards.status).toBe(400);
  });
});
