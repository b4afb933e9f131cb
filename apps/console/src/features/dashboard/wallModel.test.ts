import { describe, expect, it } from 'vitest';
import type { LiveFigures } from '@lingxi/contracts';
import { addPulse, alertSentence, duration, millis, npsText, npsTone, percent, tiles } from './wallModel.ts';

const figures = (patch: Partial<LiveFigures> = {}): LiveFigures => ({
  at: '2026-11-23T02:20:00.000Z', activeConversations: 4, inBot: 1, queueLength: 3, withAgents: 0, pending: 0, longestWaitSeconds: 2380, averageWaitSeconds: 2090,
  agentsOnline: 1, agentsBusy: 0, agentsAway: 1, agentsOffline: 0, capacityTotal: 2, capacityUsed: 0, conversationsToday: 7, botResolvedToday: 1, humanResolvedToday: 2,
  abandonedToday: 0, botResolutionRate: 0.3333, transferRate: 0.7143, handoffsByTrigger: { explicit: 1 }, avgWaitSecondsToday: 80, avgFirstBotResponseMs: 0,
  avgFirstHumanResponseMs: 120000, avgHandleSeconds: 490, csatAverage: 3.5, csatResponses: 2, npsScore: 33, npsResponses: 3, negativeEmotionShare: 0, answersHelpfulRate: 0.5,
  topIntentsLastHour: [], slaAtRisk: 3, openAlerts: [], trend: [], ...patch,
});

describe('the wall', () => {
  it.each([[null, undefined, '—', 'plain'], [33, 3, '+33 (3)', 'good'], [0, 2, '0 (2)', 'warn'], [-100, 4, '−100 (4)', 'bad']] as const)('shows NPS %s of %s answers as %s', (v, n, text, tone) => {
    expect([npsText(v, n), npsTone(v)]).toEqual([text, tone]);
  });
  it.each([[null, '—'], [42, '42s'], [125, '2:05'], [3725, '1h02']] as const)('shows %s seconds as %s', (s, text) => expect(duration(s)).toBe(text));
  it('formats shares and milliseconds', () => {
    expect([percent(0.7143), percent(null), millis(350), millis(120000)]).toEqual(['71.4%', '—', '350ms', '2:00']);
  });
  it('colours figures against the targets', () => {
    const t = tiles(figures());
    const tone = (key: string) => [...t.now, ...t.agents, ...t.today].find((x) => x.key === key)!.tone;
    expect([tone('fig.longestWaitSeconds'), tone('fig.botResolutionRate'), tone('fig.transferRate'), tone('fig.slaAtRisk'), tone('fig.openAlerts')]).toEqual(['bad', 'bad', 'bad', 'bad', 'good']);
    expect([...t.now, ...t.agents, ...t.today].length).toBeGreaterThanOrEqual(20);
  });
  it('says what an alert is about', () => {
    const alert = { id: 'a', kind: 'surge' as const, severity: 'critical' as const, subject: 'e1', detail: { label: '付款失败怎么办？', count: 5, windowMinutes: 10, baselinePerWindow: 0.007 }, raisedAt: '2026-11-23T06:04:00.000Z', acknowledgedBy: null, acknowledgedAt: null };
    expect(alertSentence(alert)).toEqual({ key: 'alert.surge', vars: { label: '付款失败怎么办？', count: 5, windowMinutes: 10, baseline: '0.0' } });
  });
  it('keeps one pulse point per push', () => {
    const once = addPulse([], figures());
    expect(addPulse(once, figures())).toHaveLength(1);
    expect(addPulse(once, figures({ at: '2026-11-23T02:20:01.000Z', queueLength: 4 })).at(-1)).toEqual({ at: '2026-11-23T02:20:01.000Z', active: 4, queue: 4 });
  });
});
