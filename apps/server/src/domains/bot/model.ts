import { BotSettings, type HandoffTrigger, type HandoffTriggerSwitches } from '@lingxi/contracts';

/** Per-workspace knobs (workspace settings `bot`, ranges in contracts' BotSettings), each with a default that works for the demo. */
export type BotThresholds = {
  /** A match at least this confident is answered. */
  answerConfidence: number;
  /** Below this the turn counts as not understood. */
  lowConfidence: number;
  /** Two candidates closer than this (and both above lowConfidence) get "did you mean A or B?". */
  clarifyMargin: number;
  lowConfidenceTurns: number;
  repeatTimes: number;
  emotionLevel: number;
  vipGetsHuman: boolean;
  /** Triggers the workspace may switch off; explicit requests and human-only contacts always hand off. */
  triggers: HandoffTriggerSwitches;
  secondsPerQueuedConversation: number;
};

export const defaultThresholds: BotThresholds = {
  answerConfidence: 0.45,
  lowConfidence: 0.3,
  clarifyMargin: 0.05,
  lowConfidenceTurns: 2,
  repeatTimes: 3,
  emotionLevel: 4,
  vipGetsHuman: false,
  triggers: { repeat: true, emotion: true, low_confidence: true },
  secondsPerQueuedConversation: 60,
};

type Lenient = { safeParse(value: unknown): { success: boolean; data?: unknown } };

/** Reads `settings.bot` leniently: a bad, out-of-range or missing value falls back to its default (a trigger switch, one by one). */
export function thresholdsFrom(settings: unknown): BotThresholds {
  const bot = (settings as { bot?: Record<string, unknown> } | null)?.bot ?? {};
  const out: Record<string, unknown> = { ...defaultThresholds };
  const shape = BotSettings.shape as Record<string, Lenient>;
  for (const key of Object.keys(defaultThresholds)) {
    if (key === 'triggers' || !shape[key]) continue;
    const parsed = shape[key].safeParse(bot[key]);
    if (parsed.success) out[key] = parsed.data;
  }
  const stored = (bot.triggers ?? {}) as Record<string, unknown>;
  out.triggers = Object.fromEntries(Object.entries(defaultThresholds.triggers).map(([name, on]) => [name, typeof stored[name] === 'boolean' ? stored[name] : on]));
  // Inconsistent stored pair (written by hand): "not understood" cannot start above "answered".
  if ((out.lowConfidence as number) > (out.answerConfidence as number)) out.lowConfidence = out.answerConfidence;
  return out as BotThresholds;
}

export type HandoffSignals = {
  humanOnly: boolean;
  vip: boolean;
  explicitRequest: boolean;
  /** How many times in a row (this turn included) the customer asked the same thing. */
  sameQuestionCount: number;
  emotionLevel: number;
  emotionRisingSharply: boolean;
  /** Not-understood turns in a row, this one included. */
  lowConfidenceStreak: number;
};

/**
 * Named triggers in a fixed order: the first that fires is the reason recorded on the conversation.
 * A switched-off trigger never fires; human_only and explicit cannot be switched off.
 */
export function handoffPolicy(signals: HandoffSignals, thresholds: Pick<BotThresholds, 'vipGetsHuman' | 'emotionLevel' | 'repeatTimes' | 'lowConfidenceTurns' | 'triggers'>): HandoffTrigger | null {
  const on = thresholds.triggers;
  if (signals.humanOnly || (signals.vip && thresholds.vipGetsHuman)) return 'human_only';
  if (signals.explicitRequest) return 'explicit';
  if (on.emotion && (signals.emotionLevel >= thresholds.emotionLevel || signals.emotionRisingSharply)) return 'emotion';
  if (on.repeat && signals.sameQuestionCount >= thresholds.repeatTimes) return 'repeat';
  if (on.low_confidence && signals.lowConfidenceStreak >= thresholds.lowConfidenceTurns) return 'low_confidence';
  return null;
}

const EXPLICIT = [
  /转人工/u, /人工客服/u, /人工服务/u, /人工坐席/u, /真人/u, /找人工/u, /^人工$/u, /人工(?!智能)/u, /客服人员/u,
  /\bagent\b/iu, /\bhuman\b/iu, /\breal person\b/iu, /\blive (?:chat|person|support)\b/iu, /\brepresentative\b/iu, /\b(?:speak|talk) to (?:a |an )?(?:person|someone|human)\b/iu,
];

/** "转人工", "人工客服", "agent", "human", "real person" … (not "人工智能"). */
export function isExplicitHandoffRequest(text: string): boolean {
  const t = text.trim();
  return EXPLICIT.some((pattern) => pattern.test(t));
}

export type MatchCandidate = { entryId: string; score: number; question: string };
export type AnswerChoice =
  | { kind: 'answer'; entryId: string; confidence: number }
  | { kind: 'clarify'; options: MatchCandidate[]; confidence: number }
  | { kind: 'fallback'; confidence: number };

/** Answer, ask "did you mean A or B?", or admit it does not know. */
export function chooseAnswer(match: { entryId: string | null; confidence: number; outOfScope: boolean; candidates: MatchCandidate[] }, thresholds: BotThresholds): AnswerChoice {
  const [first, second] = match.candidates;
  if (!first || match.outOfScope || first.score < thresholds.lowConfidence) return { kind: 'fallback', confidence: first?.score ?? 0 };
  const close = second && second.score >= thresholds.lowConfidence && first.score - second.score < thresholds.clarifyMargin && second.question !== first.question;
  if (close) return { kind: 'clarify', options: [first, second], confidence: first.score };
  if (first.score >= thresholds.answerConfidence) return { kind: 'answer', entryId: first.entryId, confidence: first.score };
  if (second && second.score >= thresholds.lowConfidence) return { kind: 'clarify', options: [first, second], confidence: first.score };
  return { kind: 'answer', entryId: first.entryId, confidence: first.score };
}

/** Counts how many of the latest turns (newest last) are the same question as this one. */
export function sameQuestionCount(previous: readonly { text: string; entryId: string | null }[], current: { text: string; entryId: string | null }): number {
  let count = 1;
  for (let i = previous.length - 1; i >= 0; i--) {
    const turn = previous[i]!;
    const same = turn.text === current.text || (current.entryId !== null && turn.entryId === current.entryId);
    if (!same) break;
    count++;
  }
  return count;
}
