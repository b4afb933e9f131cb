import type { AlertView, LiveFigures } from '@lingxi/contracts';
import type { TextKey } from './texts.ts';

// What the wall shows, as pure functions: formatted figures with a tone, alert sentences, the pulse history.

export type Tone = 'good' | 'warn' | 'bad' | 'plain';
export type Tile = { key: TextKey; value: string; tone: Tone; big?: boolean };

export const percent = (rate: number | null | undefined) => (rate === null || rate === undefined ? '—' : `${(rate * 100).toFixed(1)}%`);
export function duration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined) return '—';
  const s = Math.round(seconds);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}`;
}
export const millis = (ms: number | null | undefined) => (ms === null || ms === undefined ? '—' : ms < 1000 ? `${Math.round(ms)}ms` : duration(ms / 1000));
const score = (v: number | null) => (v === null ? '—' : v.toFixed(2));
/** NPS as it is quoted: a signed whole number (−100…+100), with how many answered. */
export const npsText = (v: number | null, responses?: number) => (v === null ? '—' : `${v > 0 ? '+' : v < 0 ? '−' : ''}${Math.abs(v)}${responses === undefined ? '' : ` (${responses})`}`);
/** Above 0 more customers promote than detract; 30 and over is commonly read as good. */
export const npsTone = (v: number | null): Tone => (v === null ? 'plain' : v >= 30 ? 'good' : v >= 0 ? 'warn' : 'bad');

/** Targets from the product brief: bot resolution ≥ 70%, transfer ≤ 15%; waits against the workspace's alert threshold. */
export type WallTargets = { botResolution: number; transfer: number; longestWaitSeconds: number; queueLength: number; csat: number };
export const defaultTargets: WallTargets = { botResolution: 0.7, transfer: 0.15, longestWaitSeconds: 300, queueLength: 10, csat: 4 };

const above = (v: number | null, target: number): Tone => (v === null ? 'plain' : v >= target ? 'good' : v >= target * 0.8 ? 'warn' : 'bad');
const below = (v: number | null, limit: number): Tone => (v === null ? 'plain' : v <= limit ? 'good' : v <= limit * 1.5 ? 'warn' : 'bad');
const load = (v: number, limit: number): Tone => (v >= limit ? 'bad' : v >= limit * 0.6 ? 'warn' : 'plain');

export function tiles(f: LiveFigures, targets: WallTargets = defaultTargets): { now: Tile[]; agents: Tile[]; today: Tile[] } {
  return {
    now: [
      { key: 'fig.activeConversations', value: String(f.activeConversations), tone: 'plain', big: true },
      { key: 'fig.inBot', value: String(f.inBot), tone: 'plain', big: true },
      { key: 'fig.queueLength', value: String(f.queueLength), tone: load(f.queueLength, targets.queueLength), big: true },
      { key: 'fig.withAgents', value: String(f.withAgents), tone: 'plain', big: true },
      { key: 'fig.longestWaitSeconds', value: duration(f.longestWaitSeconds), tone: load(f.longestWaitSeconds, targets.longestWaitSeconds), big: true },
      { key: 'fig.averageWaitSeconds', value: duration(f.averageWaitSeconds), tone: load(f.averageWaitSeconds, targets.longestWaitSeconds) },
      { key: 'fig.slaAtRisk', value: String(f.slaAtRisk), tone: f.slaAtRisk > 0 ? 'bad' : 'good' },
      { key: 'fig.pending', value: String(f.pending), tone: 'plain' },
    ],
    agents: [
      { key: 'fig.agentsOnline', value: String(f.agentsOnline), tone: f.agentsOnline === 0 && f.queueLength > 0 ? 'bad' : 'plain', big: true },
      { key: 'fig.agentsBusy', value: String(f.agentsBusy), tone: 'plain' },
      { key: 'fig.agentsAway', value: String(f.agentsAway), tone: 'plain' },
      { key: 'fig.capacityUsed', value: percent(f.capacityUsed), tone: f.capacityUsed === null ? 'plain' : f.capacityUsed >= 0.9 ? 'bad' : f.capacityUsed >= 0.7 ? 'warn' : 'good' },
      { key: 'fig.openAlerts', value: String(f.openAlerts.length), tone: f.openAlerts.some((a) => a.severity === 'critical') ? 'bad' : f.openAlerts.length > 0 ? 'warn' : 'good' },
    ],
    today: [
      { key: 'fig.conversationsToday', value: String(f.conversationsToday), tone: 'plain', big: true },
      { key: 'fig.botResolutionRate', value: percent(f.botResolutionRate), tone: above(f.botResolutionRate, targets.botResolution), big: true },
      { key: 'fig.transferRate', value: percent(f.transferRate), tone: below(f.transferRate, targets.transfer), big: true },
      { key: 'fig.botResolvedToday', value: String(f.botResolvedToday), tone: 'plain' },
      { key: 'fig.humanResolvedToday', value: String(f.humanResolvedToday), tone: 'plain' },
      { key: 'fig.abandonedToday', value: String(f.abandonedToday), tone: f.abandonedToday > 0 ? 'warn' : 'plain' },
      { key: 'fig.avgWaitSecondsToday', value: duration(f.avgWaitSecondsToday), tone: 'plain' },
      { key: 'fig.avgFirstBotResponseMs', value: millis(f.avgFirstBotResponseMs), tone: below(f.avgFirstBotResponseMs, 1000) },
      { key: 'fig.avgFirstHumanResponseMs', value: millis(f.avgFirstHumanResponseMs), tone: 'plain' },
      { key: 'fig.avgHandleSeconds', value: duration(f.avgHandleSeconds), tone: 'plain' },
      { key: 'fig.csatAverage', value: score(f.csatAverage), tone: above(f.csatAverage, targets.csat) },
      { key: 'fig.npsScore', value: npsText(f.npsScore, f.npsResponses), tone: npsTone(f.npsScore) },
      { key: 'fig.negativeEmotionShare', value: percent(f.negativeEmotionShare), tone: below(f.negativeEmotionShare, 0.1) },
      { key: 'fig.answersHelpfulRate', value: percent(f.answersHelpfulRate), tone: above(f.answersHelpfulRate, 0.8) },
    ],
  };
}

/** An alert as one sentence: which template and its numbers. */
export function alertSentence(a: AlertView): { key: TextKey; vars: Record<string, string | number> } {
  const d = a.detail as Record<string, number | string | undefined>;
  if (a.kind === 'queue_length') return { key: 'alert.queue_length', vars: { queueLength: d.queueLength ?? '?', threshold: d.threshold ?? '?' } };
  if (a.kind === 'longest_wait') return { key: 'alert.longest_wait', vars: { minutes: Math.round(Number(d.longestWaitSeconds ?? 0) / 60), threshold: d.threshold ?? '?' } };
  return { key: 'alert.surge', vars: { label: String(d.label ?? a.subject), count: d.count ?? '?', windowMinutes: d.windowMinutes ?? '?', baseline: Number(d.baselinePerWindow ?? 0).toFixed(1) } };
}

export type PulsePoint = { at: string; active: number; queue: number };
/** Keeps the last `size` pushes (one a second at most), for the "last few minutes" line. */
export function addPulse(history: readonly PulsePoint[], f: LiveFigures, size = 300): PulsePoint[] {
  if (history.at(-1)?.at === f.at) return [...history];
  return [...history, { at: f.at, active: f.activeConversations, queue: f.queueLength }].slice(-size);
}
