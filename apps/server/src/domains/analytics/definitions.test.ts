import { describe, expect, it } from 'vitest';
import type { LingxiEvent } from '../../events/catalog.ts';
import { endedAt, figures, netPromoterScore, npsCategory, outcomeOf, tally } from './definitions.ts';
import { factsFromEvent, intentKey, type Fact } from './facts.ts';
import { forecastVolume } from './forecast.ts';
import { toCsv } from './present.ts';
import { emptyRollup, foldFacts, mergeRollups, rollupOfFact, type ConversationRollup } from './rollup.ts';
import { analyticsSettingsFrom, startOfLocalDay } from './settings.ts';
import { judgeSurge } from './surge.ts';

const W = 'w0000000-0000-7000-8000-000000000000';
const T0 = new Date('2026-11-23T01:00:00Z');
const min = (n: number) => new Date(T0.getTime() + n * 60_000);
const window = { now: min(120), idleMs: 30 * 60_000 };
const row = (patch: Partial<ConversationRollup>): ConversationRollup => ({ ...emptyRollup(W, 'c'), startedAt: T0, status: 'bot', statusAt: T0, lastActivityAt: T0, customerMessages: 1, ...patch });

describe('what happened to a conversation', () => {
  it.each([
    ['silent with the bot past the idle time', row({ lastActivityAt: min(10) }), min(10), 'bot'],
    ['still talking to the bot', row({ lastActivityAt: min(100) }), null, null],
    ['an empty session that went quiet', row({ customerMessages: 0 }), null, null],
    ['resolved by the bot', row({ status: 'resolved', resolvedAt: min(5) }), min(5), 'bot'],
    ['taken by an agent and resolved', row({ status: 'resolved', handedOffAt: min(1), assignedAt: min(2), resolvedAt: min(9) }), min(9), 'human'],
    ['waiting in the queue', row({ status: 'queued', handedOffAt: min(1) }), null, null],
    ['left a message from the queue', row({ status: 'pending', statusAt: min(8), handedOffAt: min(1) }), min(8), 'abandoned'],
    ['closed in the queue', row({ status: 'closed', resolvedAt: min(7), handedOffAt: min(1) }), min(7), 'abandoned'],
    ['resolved from the queue by a person', row({ status: 'resolved', resolvedAt: min(7), handedOffAt: min(1) }), min(7), 'human'],
    ['with an agent', row({ status: 'assigned', handedOffAt: min(1), assignedAt: min(2) }), null, null],
  ] as const)('%s', (_name, r, ended, outcome) => {
    expect(endedAt(r, window)).toEqual(ended);
    expect(outcomeOf(r, window)).toBe(outcome);
  });
});

describe('figures from tallies', () => {
  it('defines each rate by its numerator and denominator', () => {
    const rows = [
      row({ lastActivityAt: min(10), firstCustomerAt: T0, firstBotAt: min(0.01) }),
      row({ status: 'resolved', handedOffAt: min(1), handoffTrigger: 'explicit', assignedAt: min(2), resolvedAt: min(12), firstCustomerAt: T0, firstAgentAt: min(3), csat: 5, reopened: 1, nps: 9 }),
      row({ status: 'closed', resolvedAt: min(7), handedOffAt: min(1), handoffTrigger: 'emotion', emotionMessages: 2, negativeMessages: 1, csat: 3, nps: 4 }),
      row({ status: 'queued', handedOffAt: min(1), handoffTrigger: 'explicit', answersRated: 2, answersHelpful: 1, nps: 10 }),
    ];
    expect(figures(tally(rows, window))).toEqual({
      conversations: 4, ended: 3, botResolved: 1, humanResolved: 1, abandoned: 1, handedOff: 3, assigned: 1,
      botResolutionRate: 0.3333, transferRate: 0.75, abandonmentRate: 0.3333, firstContactResolutionRate: 0.5,
      handoffsByTrigger: { explicit: 2, emotion: 1 },
      avgFirstResponseMs: 90_300, avgFirstBotResponseMs: 600, avgFirstHumanResponseMs: 120_000,
      avgWaitSeconds: 60, avgHandleSeconds: 600, csatAverage: 4, csatResponses: 2, csatSatisfiedRate: 0.5,
      npsScore: 33, npsResponses: 3, npsPromoters: 2, npsPassives: 0, npsDetractors: 1,
      answersRated: 2, answersHelpfulRate: 0.5, negativeEmotionShare: 0.5,
    });
  });

  it('says null, not zero, when there is nothing to divide by', () => {
    const f = figures(tally([], window));
    expect([f.botResolutionRate, f.transferRate, f.avgHandleSeconds, f.csatAverage, f.npsScore]).toEqual([null, null, null, null, null]);
  });
});

describe('net promoter score', () => {
  it.each([[0, 'detractor'], [6, 'detractor'], [7, 'passive'], [8, 'passive'], [9, 'promoter'], [10, 'promoter']] as const)('%i is a %s', (score, category) => {
    expect(npsCategory(score)).toBe(category);
  });

  const answers = (...scores: Array<number | null>) => figures(tally(scores.map((nps) => row({ nps })), window));
  it.each([
    ['nobody answered', [], null, 0],
    ['conversations without an answer do not count', [null, null], null, 0],
    ['all detractors', [0, 3, 6], -100, 3],
    ['all promoters', [9, 10], 100, 2],
    ['only passives', [7, 8, 7], 0, 3],
    ['promoters and detractors cancel out', [10, 0, 8], 0, 3],
    ['a third more promoters, rounded', [9, 9, 3], 33, 3],
    ['half detractors, the rest passive', [8, null, 2], -50, 2],
  ] as const)('%s', (_name, scores, score, responses) => {
    const f = answers(...scores);
    expect([f.npsScore, f.npsResponses, f.npsPromoters + f.npsPassives + f.npsDetractors]).toEqual([score, responses, responses]);
  });

  it('is the same whole number from counts', () => {
    expect(netPromoterScore({ promoters: 0, passives: 0, detractors: 0 })).toBeNull();
    expect(netPromoterScore({ promoters: 2, passives: 1, detractors: 0 })).toBe(67);
    expect(netPromoterScore({ promoters: 0, passives: 0, detractors: 4 })).toBe(-100);
  });
});

const event = (name: string, payload: Record<string, unknown>, at = T0, id = `e-${name}`) => ({ id, name, workspaceId: W, at, payload }) as unknown as LingxiEvent;

describe('facts from events', () => {
  it.each([
    ['entry id', 'e1', 'e1'], ['clarify', 'clarify', null], ['handoff notice', 'handoff:explicit', null], ['flow step', 'flow:order_status:ask', 'flow:order_status'], ['nothing', null, null],
  ] as const)('an intent key for a %s', (_n, raw, key) => expect(intentKey(raw)).toBe(key));

  it('keeps private notes and system messages out, and one emotion reading per customer message', () => {
    const message = (author: string, extra: Record<string, unknown> = {}) => event('message.created', { conversationId: 'c', message: { id: `m-${author}`, author, text: 'hi', private: false, ...extra } });
    expect(factsFromEvent(message('customer')).map((f) => f.kind)).toEqual(['customer_message']);
    expect(factsFromEvent(message('agent', { private: true }))).toEqual([]);
    expect(factsFromEvent(message('system'))).toEqual([]);
    const reply = factsFromEvent(event('bot.replied', { conversationId: 'c', messageId: 'b1', replyTo: 'm1', kind: 'answer', knowledgeEntryId: null, confidence: 0.9, intent: 'e1', emotionLevel: 4, language: 'zh', latencyMs: 3 }));
    expect(reply.map((f) => [f.kind, f.key, f.value])).toEqual([['bot_reply', 'b1', 0.9], ['emotion', 'm1', 4]]);
  });

  it.each([
    ['queued', 'bot', 'queued'], ['assigned', 'queued', 'assigned'], ['resolved', 'assigned', 'resolved'], ['closed', 'queued', 'closed'], ['pending', 'queued', 'pending'], ['reopened', 'resolved', 'bot'],
  ] as const)('a status change to %s', (kind, from, to) => {
    const [fact] = factsFromEvent(event('conversation.status_changed', { conversationId: 'c', from, to, assigneeId: null, queuePosition: 1, estimatedWaitSeconds: 60 }));
    expect(fact!.kind).toBe(kind);
  });
});

describe('the per-conversation fold', () => {
  const facts: Fact[] = [
    event('conversation.started', { conversationId: 'c', contactId: 'k', channel: 'web' }),
    event('message.created', { conversationId: 'c', message: { id: 'm1', author: 'customer', text: '付款失败', private: false } }, min(1)),
    event('bot.replied', { conversationId: 'c', messageId: 'b1', replyTo: 'm1', kind: 'answer', knowledgeEntryId: null, confidence: 0.8, intent: 'pay', emotionLevel: 2, language: 'zh', latencyMs: 1 }, min(1)),
    event('conversation.handed_off', { conversationId: 'c', trigger: 'explicit', queuePosition: 1 }, min(2)),
    event('conversation.status_changed', { conversationId: 'c', from: 'bot', to: 'queued', assigneeId: null, queuePosition: 1, estimatedWaitSeconds: 60 }, min(2), 'e-q'),
    event('conversation.status_changed', { conversationId: 'c', from: 'queued', to: 'assigned', assigneeId: 'a1', queuePosition: null, estimatedWaitSeconds: null }, min(3), 'e-a'),
    event('message.created', { conversationId: 'c', message: { id: 'm2', author: 'agent', authorId: 'a1', text: 'hello', private: false } }, min(4)),
    event('conversation.status_changed', { conversationId: 'c', from: 'assigned', to: 'resolved', assigneeId: 'a1', queuePosition: null, estimatedWaitSeconds: null }, min(9), 'e-r'),
    event('conversation.rated', { conversationId: 'c', score: 4, comment: null }, min(10)),
    event('feedback.nps_recorded', { conversationId: 'c', contactId: 'k', score: 9, comment: '很好' }, min(11)),
  ].flatMap(factsFromEvent);

  it('gives the same row in any order and any batching', () => {
    const [forward] = foldFacts(facts);
    const [backward] = foldFacts([...facts].reverse());
    const halves = mergeRollups(foldFacts(facts.slice(4))[0]!, foldFacts(facts.slice(0, 4))[0]!);
    expect(backward).toEqual(forward);
    expect(halves).toEqual(forward);
    expect(forward).toMatchObject({ status: 'resolved', intent: 'pay', handoffTrigger: 'explicit', agentId: 'a1', csat: 4, nps: 9, customerMessages: 1, emotionMessages: 1, handedOffAt: min(2), assignedAt: min(3), firstAgentAt: min(4), resolvedAt: min(9) });
  });

  it('lets the later status win, and the further one at the same instant', () => {
    const queued = rollupOfFact({ ...facts[4]!, at: min(5) });
    const resolved = rollupOfFact({ ...facts.at(-3)!, at: min(5) });
    expect(mergeRollups(resolved, queued).status).toBe('resolved');
    expect(mergeRollups(queued, resolved).status).toBe('resolved');
  });
});

describe('surge rule', () => {
  const rule = { minCount: 5, ratio: 3, windowMinutes: 10, baselineHours: 24 };
  it.each([
    ['a quiet intent suddenly asked 5 times', 5, 0, true, 'critical'],
    ['too few to call a surge', 4, 0, false, 'warning'],
    ['five where two per window are usual', 5, 288, false, 'warning'],
    ['three times its usual level', 6, 288, true, 'warning'],
    ['six times its usual level', 12, 288, true, 'critical'],
  ] as const)('%s', (_n, count, baselineCount, surging, severity) => {
    const verdict = judgeSurge({ count, baselineCount }, rule);
    expect(verdict.surging).toBe(surging);
    expect(verdict.severity).toBe(severity);
  });
});

describe('forecast', () => {
  const HOUR = 3_600_000;
  const from = new Date('2026-11-23T00:00:00Z');
  it('averages the same weekday-hour over past weeks and scales by the trend', () => {
    // 10 at this hour each of the last four weeks; last week twice the week before overall.
    const history = [1, 2, 3, 4].map((w) => ({ hour: new Date(from.getTime() - w * 168 * HOUR), count: w === 1 ? 20 : 10 }));
    const { points, trend } = forecastVolume(history, { from, hours: 2, weeks: 4 });
    expect(trend).toBe(2);
    expect(points[0]).toEqual({ hour: from, basis: 12.5, expected: 25 });
    expect(points[1]).toEqual({ hour: new Date(from.getTime() + HOUR), basis: 0, expected: 0 });
  });
  it('has no trend without an earlier week', () => expect(forecastVolume([], { from, hours: 1, weeks: 4 }).trend).toBe(1));
});

describe('settings, days and CSV', () => {
  it('falls back to the default for each bad field', () => {
    const s = analyticsSettingsFrom({ analytics: { idleMinutes: 45, queueLengthAlert: -1, timezone: 'Nowhere/Else', surge: { minCount: 8, ratio: 'high' } } });
    expect([s.idleMinutes, s.queueLengthAlert, s.timezone, s.surge.minCount, s.surge.ratio]).toEqual([45, 10, 'Asia/Shanghai', 8, 3]);
  });
  it('starts the day at local midnight', () => {
    expect(startOfLocalDay(new Date('2026-11-23T01:00:00Z'), 'Asia/Shanghai').toISOString()).toBe('2026-11-22T16:00:00.000Z');
    expect(startOfLocalDay(new Date('2026-11-23T17:00:00Z'), 'Asia/Shanghai').toISOString()).toBe('2026-11-23T16:00:00.000Z');
    expect(startOfLocalDay(new Date('2026-11-23T01:00:00Z'), 'UTC').toISOString()).toBe('2026-11-23T00:00:00.000Z');
    // Days on which the clocks change start at their own midnight (CET +1 before, CEST +2 after, and back).
    expect(startOfLocalDay(new Date('2026-03-29T12:00:00Z'), 'Europe/Berlin').toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(startOfLocalDay(new Date('2026-10-25T12:00:00Z'), 'Europe/Berlin').toISOString()).toBe('2026-10-24T22:00:00.000Z');
    expect(startOfLocalDay(new Date('2026-03-08T18:00:00Z'), 'America/New_York').toISOString()).toBe('2026-03-08T05:00:00.000Z');
  });
  it('quotes what needs quoting and defuses formulas', () => {
    expect(toCsv(['a', 'b'], [{ a: '退货, "运费"', b: '=1+1' }, { a: null, b: 3 }])).toBe('\uFEFFa,b\r\n"退货, ""运费""","\'=1+1"\r\n,3\r\n');
  });
});
