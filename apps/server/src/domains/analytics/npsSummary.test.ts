import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../testing/harness.ts';

/**
 * NPS in the summary, through the real API on a fixed clock: customers answer 0–10 (POST /conversation/nps),
 * supervisors read npsScore and npsResponses for the conversations started in a range.
 */
let t: TestApp;
const at = (iso: string) => (t.clock as unknown as { set(d: Date): void }).set(new Date(iso));
const settle = async () => {
  await t.app.dispatcher.drain();
  await t.app.dispatcher.drain();
};

/** A conversation started at `start`; the customer answers `score` at `answeredAt` (or at the start). */
async function conversation(start: string, score: number | null, options: { channel?: string; answeredAt?: string } = {}) {
  at(start);
  const session = await t.call('POST', '/api/public/v1/sessions', { body: { channel: options.channel ?? 'web' } });
  expect(session.status).toBe(201);
  if (score === null) return;
  at(options.answeredAt ?? start);
  expect((await t.call('POST', '/api/public/v1/conversation/nps', { token: session.body.sessionToken, body: { score } })).status).toBe(200);
}
const summary = async (from: string, to: string, extra = '') => {
  const res = await t.call('GET', `/api/v1/analytics/summary?from=${from}&to=${to}${extra}`, { token: t.adminToken });
  expect(res.status).toBe(200);
  return res.body as { conversations: number; npsScore: number | null; npsResponses: number; npsPromoters: number; npsPassives: number; npsDetractors: number };
};
const nps = (s: Awaited<ReturnType<typeof summary>>) => [s.npsScore, s.npsResponses, s.npsPromoters, s.npsPassives, s.npsDetractors];

beforeAll(async () => {
  t = await startTestApp({ fixedNow: new Date('2026-11-24T02:00:00Z'), config: { LINGXI_SEED_DEMO: 'false' } });
  // 02:00–03:00: three unhappy customers and one who did not answer.
  for (const [minute, score] of [['05', 0], ['10', 3], ['15', 6], ['20', null]] as const) await conversation(`2026-11-24T02:${minute}:00Z`, score);
  // 03:00–04:00: one conversation, no answer.
  await conversation('2026-11-24T03:10:00Z', null);
  // 04:00–05:00: 10 and 9 promote, 8 and 7 are passive, 6 detracts (two in the app); one more 10 given at 05:30.
  for (const [minute, score, channel] of [['05', 10, 'app'], ['10', 9, 'web'], ['15', 8, 'app'], ['20', 7, 'web'], ['25', 6, 'web']] as const) await conversation(`2026-11-24T04:${minute}:00Z`, score, { channel });
  await conversation('2026-11-24T04:50:00Z', 10, { answeredAt: '2026-11-24T05:30:00Z' });
  at('2026-11-24T06:00:00Z');
  await settle();
}, 120_000);
afterAll(async () => t?.close());

describe('NPS in the analytics summary', () => {
  it('is −100 when every answer detracts, and leaves out conversations without an answer', async () => {
    const s = await summary('2026-11-24T02:00:00Z', '2026-11-24T03:00:00Z');
    expect(s.conversations).toBe(4);
    expect(nps(s)).toEqual([-100, 3, 0, 0, 3]);
  });

  it('is null, not 0, with no answers', async () => {
    expect(nps(await summary('2026-11-24T03:00:00Z', '2026-11-24T04:00:00Z'))).toEqual([null, 0, 0, 0, 0]);
  });

  it('counts an answer with the conversation it belongs to, by when that conversation started', async () => {
    // 10, 9, 8, 7, 6 and the 10 given after the hour: (3 − 1) / 6.
    expect(nps(await summary('2026-11-24T04:00:00Z', '2026-11-24T05:00:00Z'))).toEqual([33, 6, 3, 2, 1]);
    // The feedback endpoint counts answers by when they were given: the late 10 is not in this hour there.
    const byAnswerTime = await t.call('GET', '/api/v1/feedback/nps?from=2026-11-24T04:00:00Z&to=2026-11-24T05:00:00Z', { token: t.adminToken });
    expect(byAnswerTime.body).toMatchObject({ responses: 5, promoters: 2, passives: 2, detractors: 1, nps: 20 });
  });

  it('narrows by the same filters as every other figure', async () => {
    expect(nps(await summary('2026-11-24T04:00:00Z', '2026-11-24T05:00:00Z', '&channel=app'))).toEqual([50, 2, 1, 1, 0]);
    expect(nps(await summary('2026-11-24T00:00:00Z', '2026-11-24T06:00:00Z'))).toEqual([-11, 9, 3, 2, 4]); // (3 − 4) / 9;
  });

  it('is a column of the resolution report (with its note, in the caller’s language) and of each conversation', async () => {
    const report = await t.call('GET', '/api/v1/analytics/reports/resolution?from=2026-11-24T02:00:00Z&to=2026-11-24T06:00:00Z&interval=hour', { token: t.adminToken });
    expect(report.body.rows.map((r: Record<string, unknown>) => [r.period, r.npsScore, r.npsResponses])).toEqual([
      ['2026-11-24T10:00', -100, 3], ['2026-11-24T11:00', null, 0], ['2026-11-24T12:00', 33, 6],
    ]);
    expect(report.body.notes).toContain('FCR: resolved and never reopened / resolved (by the bot or a person).');
    const inChinese = await t.call('GET', '/api/v1/analytics/reports/resolution?from=2026-11-24T02:00:00Z&to=2026-11-24T06:00:00Z&locale=zh-CN', { token: t.adminToken });
    expect(inChinese.body.notes[1]).toMatch(/^NPS：回答了推荐意愿的会话中/);
    const byHeader = await t.call('GET', '/api/v1/analytics/reports/heatmap?from=2026-11-24T02:00:00Z&to=2026-11-24T06:00:00Z', { token: t.adminToken, headers: { 'accept-language': 'zh-CN,zh;q=0.9,en;q=0.8' } });
    expect(byHeader.body.notes).toEqual(['星期 1 = 周一；小时按 Asia/Shanghai 时区。']);
    const rows = await t.call('GET', '/api/v1/analytics/reports/conversations?from=2026-11-24T02:00:00Z&to=2026-11-24T03:00:00Z', { token: t.adminToken });
    expect(rows.body.rows.map((r: Record<string, unknown>) => r.nps)).toEqual([0, 3, 6, null]);
  });
});
