import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../testing/harness.ts';
import { seedDemoKnowledge } from '../knowledge/index.ts';

/**
 * A scripted morning through the real public and agent API on a fixed clock (Monday 09:00 in Shanghai):
 * bot answers, a handoff by every trigger, waits, resolutions, ratings — then every figure of the
 * summary and of the live wall, exactly.
 */
const START = new Date('2026-11-23T01:00:00Z');
let t: TestApp;
let seq = 0;
const agents: Record<string, { id: string; token: string }> = {};
const conversations: Record<string, { token: string; id: string; contactId: string }> = {};
const entries: Record<string, string> = {};

const at = (hhmmss: string) => (t.clock as unknown as { set(d: Date): void }).set(new Date(`2026-11-23T${hhmmss}Z`));
const settle = async () => {
  await t.app.dispatcher.drain();
  await t.app.dispatcher.drain();
};
async function start(name: string, time: string, channel = 'web') {
  at(time);
  const res = await t.call('POST', '/api/public/v1/sessions', { body: { name, channel } });
  expect(res.status).toBe(201);
  conversations[name] = { token: res.body.sessionToken, id: res.body.conversationId, contactId: res.body.contactId };
}
async function say(name: string, time: string, text: string) {
  at(time);
  const res = await t.call('POST', '/api/public/v1/messages', { token: conversations[name]!.token, body: { text, clientMessageId: `m-${++seq}` } });
  expect(res.status).toBe(200);
  await settle();
  return res.body as { replies: Array<{ id: string; kind: string; knowledgeEntryId?: string }>; conversation: { status: string } };
}
async function agent(name: string, time: string, action: 'accept' | 'resolve' | 'reply', conversation: string) {
  at(time);
  const id = conversations[conversation]!.id;
  const res = action === 'reply'
    ? await t.call('POST', `/api/v1/conversations/${id}/messages`, { token: agents[name]!.token, body: { text: '您好，我来帮您处理。' } })
    : await t.call('POST', `/api/v1/conversations/${id}/${action}`, { token: agents[name]!.token });
  expect(res.status).toBeLessThan(300);
  await settle();
}

beforeAll(async () => {
  t = await startTestApp({ fixedNow: START });
  await seedDemoKnowledge(t.app.knowledge, { workspaceId: t.workspaceId });
  // Thresholds out of reach: this test is about figures (alerts have their own test).
  await t.db.sql.execute(sql`update workspaces set settings = jsonb_set(settings, '{analytics}', ${JSON.stringify({ queueLengthAlert: 1000, longestWaitAlertSeconds: 86400 })}::jsonb) where id = ${t.workspaceId}`);
  for (const name of ['ann', 'bob']) {
    const created = await t.call('POST', '/api/v1/users', { token: t.adminToken, body: { email: `${name}@example.com`, name, password: 'agent-password', role: 'agent' } });
    agents[name] = { id: created.body.user.id, token: await t.login(`${name}@example.com`, 'agent-password') };
    await t.call('PUT', `/api/v1/agents/${created.body.user.id}`, { token: t.adminToken, body: { capacity: 2 } });
  }
  await t.call('PUT', '/api/v1/agents/me/presence', { token: agents.ann!.token, body: { status: 'online' } });
  await t.call('PUT', '/api/v1/agents/me/presence', { token: agents.bob!.token, body: { status: 'away' } });
  await settle();

  // A: answered by the bot, rated helpful, then silent: the bot's conversation.
  await start('A', '01:00:00');
  const a = await say('A', '01:00:00', '付款失败怎么办？');
  entries.payment = a.replies[0]!.knowledgeEntryId!;
  at('01:00:10');
  await t.call('POST', `/api/public/v1/messages/${a.replies[0]!.id}/feedback`, { token: conversations.A!.token, body: { helpful: true } });
  at('01:00:20');
  await t.call('POST', '/api/public/v1/conversation/nps', { token: conversations.A!.token, body: { score: 9 } });
  await settle();

  // B (app): answered, then the "talk to a person" button; Ann takes it after 40 s, replies, resolves; CSAT 5.
  await start('B', '01:05:00', 'app');
  await say('B', '01:05:00', '怎么取消订单？');
  at('01:05:30');
  await t.call('POST', '/api/public/v1/conversation/handoff', { token: conversations.B!.token, body: {} });
  await settle();
  await agent('ann', '01:06:10', 'accept', 'B');
  await agent('ann', '01:06:30', 'reply', 'B');
  await agent('ann', '01:11:30', 'resolve', 'B');
  at('01:12:00');
  await t.call('POST', '/api/public/v1/conversation/csat', { token: conversations.B!.token, body: { score: 5 } });
  await t.call('POST', '/api/public/v1/conversation/nps', { token: conversations.B!.token, body: { score: 10 } });
  await settle();

  // C: an angry first message goes straight to a person; taken after 2 min, answered at 3 min; CSAT 2.
  await start('C', '01:20:00');
  await say('C', '01:20:00', '你们这是什么垃圾服务！！气死我了！！！马上给我解决！！！');
  await agent('ann', '01:22:00', 'accept', 'C');
  await agent('ann', '01:23:00', 'reply', 'C');
  await agent('ann', '01:33:00', 'resolve', 'C');
  at('01:34:00');
  await t.call('POST', '/api/public/v1/conversation/csat', { token: conversations.C!.token, body: { score: 2 } });
  await t.call('POST', '/api/public/v1/conversation/nps', { token: conversations.C!.token, body: { score: 3, comment: '等太久了' } });
  await settle();

  // D: the same question three times. E: two turns the bot cannot understand. F: a customer who must get a person.
  await start('D', '01:40:00');
  const d = await say('D', '01:40:00', '怎么开发票？');
  entries.invoice = d.replies[0]!.knowledgeEntryId!;
  await say('D', '01:40:10', '怎么开发票？');
  await say('D', '01:40:20', '怎么开发票？');
  await start('E', '01:45:00');
  await say('E', '01:45:00', 'qwzx plorf vvvk');
  await say('E', '01:45:10', 'zzkq wexp mmnb');
  await start('F', '01:50:00');
  await t.call('PATCH', `/api/v1/contacts/${conversations.F!.contactId}`, { token: t.adminToken, body: { humanOnly: true } });
  await say('F', '01:50:00', '你好');

  // G: answered, rated unhelpful, still with the bot when we look.
  await start('G', '01:55:00');
  const g = await say('G', '01:55:00', '退货运费谁出？');
  entries.returnShipping = g.replies[0]!.knowledgeEntryId!;
  await t.call('POST', `/api/public/v1/messages/${g.replies[0]!.id}/feedback`, { token: conversations.G!.token, body: { helpful: false } });
  await settle();
  at('02:20:00');
}, 120_000);
afterAll(async () => t?.close());

describe('a scripted day', () => {
  it('ends each conversation the way it was scripted', async () => {
    const statuses = await Promise.all(Object.values(conversations).map(async (c) => (await t.call('GET', `/api/v1/conversations/${c.id}`, { token: t.adminToken })).body.conversation));
    expect(statuses.map((c: { status: string; handoffTrigger: string | null }) => [c.status, c.handoffTrigger])).toEqual([
      ['bot', null], ['resolved', 'explicit'], ['resolved', 'emotion'], ['queued', 'repeat'], ['queued', 'low_confidence'], ['queued', 'human_only'], ['bot', null],
    ]);
  });

  it('serves every figure of /api/v1/analytics/summary', async () => {
    const res = await t.call('GET', '/api/v1/analytics/summary?from=2026-11-23T00:00:00Z&to=2026-11-23T03:00:00Z', { token: t.adminToken });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      from: '2026-11-23T00:00:00.000Z',
      to: '2026-11-23T03:00:00.000Z',
      conversations: 7,
      ended: 3, // A (silent 80 min), B, C; G has been quiet only 25 of the 30 idle minutes
      botResolved: 1,
      humanResolved: 2,
      abandoned: 0,
      handedOff: 5,
      assigned: 2,
      botResolutionRate: 0.3333,
      transferRate: 0.7143,
      abandonmentRate: 0,
      firstContactResolutionRate: 1,
      handoffsByTrigger: { explicit: 1, emotion: 1, repeat: 1, low_confidence: 1, human_only: 1 },
      avgFirstResponseMs: 30000, // C waited 3 min for Ann's first word; the other five got the bot at once
      avgFirstBotResponseMs: 0,
      avgFirstHumanResponseMs: 120000, // B 60 s, C 180 s after the handoff
      avgWaitSeconds: 80, // 40 s and 120 s
      avgHandleSeconds: 490, // 320 s and 660 s
      csatAverage: 3.5,
      csatResponses: 2,
      csatSatisfiedRate: 0.5,
      npsScore: 33, // A 9 and B 10 promote, C 3 detracts: (2 − 1) / 3
      npsResponses: 3,
      npsPromoters: 2,
      npsPassives: 0,
      npsDetractors: 1,
      answersRated: 2,
      answersHelpfulRate: 0.5,
      // One of the ten customer messages read by the bot is the angry one that went straight to a person.
      negativeEmotionShare: 0.1,
    });
  });

  it('serves every figure of /api/v1/analytics/live', async () => {
    const res = await t.call('GET', '/api/v1/analytics/live', { token: t.adminToken });
    expect(res.status).toBe(200);
    const trend = res.body.trend as Array<{ hour: string; started: number; handedOff: number; resolved: number }>;
    expect(trend).toHaveLength(24);
    expect(trend.filter((h) => h.started + h.handedOff + h.resolved > 0)).toEqual([{ hour: '2026-11-23T01:00:00.000Z', started: 7, handedOff: 5, resolved: 2 }]);
    expect(trend.at(-1)!.hour).toBe('2026-11-23T02:00:00.000Z');
    const { trend: _trend, ...figures } = res.body;
    expect(figures).toEqual({
      at: '2026-11-23T02:20:00.000Z',
      activeConversations: 4,
      inBot: 1,
      queueLength: 3,
      withAgents: 0,
      pending: 0,
      longestWaitSeconds: 2380, // D, handed off at 01:40:20
      averageWaitSeconds: 2090, // (2380 + 2090 + 1800) / 3
      agentsOnline: 1,
      agentsBusy: 0,
      agentsAway: 1,
      agentsOffline: 0,
      capacityTotal: 2,
      capacityUsed: 0,
      conversationsToday: 7,
      botResolvedToday: 1,
      humanResolvedToday: 2,
      abandonedToday: 0,
      botResolutionRate: 0.3333,
      transferRate: 0.7143,
      handoffsByTrigger: { explicit: 1, emotion: 1, repeat: 1, low_confidence: 1, human_only: 1 },
      avgWaitSecondsToday: 80,
      avgFirstBotResponseMs: 0,
      avgFirstHumanResponseMs: 120000,
      avgHandleSeconds: 490,
      csatAverage: 3.5,
      csatResponses: 2,
      npsScore: 33,
      npsResponses: 3,
      // One of the ten customer messages read by the bot is the angry one that went straight to a person.
      negativeEmotionShare: 0.1,
      answersHelpfulRate: 0.5,
      topIntentsLastHour: [
        { intent: entries.invoice, label: '怎么开发票？', count: 2 },
        { intent: entries.returnShipping, label: '退货运费谁承担？', count: 1 },
      ],
      slaAtRisk: 3,
      openAlerts: [],
    });
  });
});
