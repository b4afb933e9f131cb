import { sql, type SQL } from 'drizzle-orm';
import type { ConversationRollup } from './rollup.ts';

/**
 * Every figure's definition, in one place and in two forms side by side: a pure function over
 * conversation rows (tested by table) and the SQL the queries run over `analytics_conversations`
 * (tested to agree with the pure form). docs/metrics.md says the same in words.
 */

export type Outcome = 'bot' | 'human' | 'abandoned';
export type Window = { now: Date; idleMs: number };

/** When the conversation ended, or null while it is open. */
export function endedAt(r: ConversationRollup, w: Window): Date | null {
  if (r.status === 'resolved' || r.status === 'closed') return r.resolvedAt ?? r.statusAt;
  // Left the queue with a message and no agent yet: over for the customer.
  if (r.status === 'pending' && r.handedOffAt && !r.assignedAt) return r.statusAt;
  // With the bot and silent for the idle time: the bot's conversation is over (an empty session is not counted).
  if (r.status === 'bot' && r.lastActivityAt && r.customerMessages > 0 && w.now.getTime() - r.lastActivityAt.getTime() >= w.idleMs) return r.lastActivityAt;
  return null;
}

/** Who ended it: the bot alone, a person, or nobody — handed off and left before an agent took it. */
export function outcomeOf(r: ConversationRollup, w: Window): Outcome | null {
  if (!endedAt(r, w)) return null;
  if (r.assignedAt) return 'human';
  // Resolved from the queue by a person who never took it still counts as a person's resolution.
  if (r.handedOffAt) return r.status === 'resolved' ? 'human' : 'abandoned';
  return 'bot';
}

const ms = (a: Date | null, b: Date | null) => (a && b && a.getTime() >= b.getTime() ? a.getTime() - b.getTime() : null);
const earliest = (a: Date | null, b: Date | null) => (a && b ? (a < b ? a : b) : (a ?? b));

/** Customer's first message → the first reply by the bot or a person. */
export const firstResponseMs = (r: ConversationRollup) => ms(earliest(r.firstBotAt, r.firstAgentAt), r.firstCustomerAt);
/** Customer's first message → the bot's first reply. */
export const firstBotResponseMs = (r: ConversationRollup) => ms(r.firstBotAt, r.firstCustomerAt);
/** Handed to a person → that person's first reply (what the customer waits for a human word). */
export const firstHumanResponseMs = (r: ConversationRollup) => ms(r.firstAgentAt, r.handedOffAt);
/** Handed off → taken by an agent. */
export const waitMs = (r: ConversationRollup) => ms(r.assignedAt, r.handedOffAt);
/** Taken by an agent → resolved (only for conversations a person resolved). */
export const handleMs = (r: ConversationRollup, w: Window) => (outcomeOf(r, w) === 'human' ? ms(r.resolvedAt, r.assignedAt) : null);

export type Mean = { sum: number; n: number };
export type Tallies = {
  conversations: number;
  ended: number;
  botResolved: number;
  humanResolved: number;
  abandoned: number;
  handedOff: number;
  assigned: number;
  resolvedFirstContact: number;
  handoffsByTrigger: Record<string, number>;
  firstResponseMs: Mean;
  firstBotResponseMs: Mean;
  firstHumanResponseMs: Mean;
  waitMs: Mean;
  handleMs: Mean;
  csat: Mean;
  csatSatisfied: number;
  npsPromoters: number;
  npsPassives: number;
  npsDetractors: number;
  answersRated: number;
  answersHelpful: number;
  emotionMessages: number;
  negativeMessages: number;
};

/** A CSAT of 4 or 5 (of 5) is "satisfied". */
export const SATISFIED_CSAT = 4;

/** Net Promoter Score as Bain defines it: of 0–10, 9–10 promote, 7–8 are passive, 0–6 detract. */
export const NPS_PROMOTER = 9;
export const NPS_DETRACTOR = 6;
export type NpsCategory = 'promoter' | 'passive' | 'detractor';
export function npsCategory(score: number): NpsCategory {
  return score >= NPS_PROMOTER ? 'promoter' : score > NPS_DETRACTOR ? 'passive' : 'detractor';
}
/** % promoters − % detractors, a whole number from −100 to 100; null when nobody answered. */
export function netPromoterScore(counts: { promoters: number; passives: number; detractors: number }): number | null {
  const responses = counts.promoters + counts.passives + counts.detractors;
  if (responses === 0) return null;
  return Math.round(((counts.promoters - counts.detractors) / responses) * 100);
}

/** The pure tally over the conversations of a range (the SQL in summary.ts computes the same). */
export function tally(rows: readonly ConversationRollup[], w: Window): Tallies {
  const t: Tallies = {
    conversations: 0, ended: 0, botResolved: 0, humanResolved: 0, abandoned: 0, handedOff: 0, assigned: 0, resolvedFirstContact: 0, handoffsByTrigger: {},
    firstResponseMs: { sum: 0, n: 0 }, firstBotResponseMs: { sum: 0, n: 0 }, firstHumanResponseMs: { sum: 0, n: 0 }, waitMs: { sum: 0, n: 0 }, handleMs: { sum: 0, n: 0 },
    csat: { sum: 0, n: 0 }, csatSatisfied: 0, npsPromoters: 0, npsPassives: 0, npsDetractors: 0, answersRated: 0, answersHelpful: 0, emotionMessages: 0, negativeMessages: 0,
  };
  const add = (m: Mean, v: number | null) => {
    if (v === null) return;
    m.sum += v;
    m.n += 1;
  };
  for (const r of rows) {
    t.conversations += 1;
    const outcome = outcomeOf(r, w);
    if (outcome) t.ended += 1;
    if (outcome === 'bot') t.botResolved += 1;
    if (outcome === 'human') t.humanResolved += 1;
    if (outcome === 'abandoned') t.abandoned += 1;
    if ((outcome === 'bot' || outcome === 'human') && r.reopened === 0) t.resolvedFirstContact += 1;
    if (r.handedOffAt) {
      t.handedOff += 1;
      const trigger = r.handoffTrigger ?? 'unknown';
      t.handoffsByTrigger[trigger] = (t.handoffsByTrigger[trigger] ?? 0) + 1;
    }
    if (r.assignedAt) t.assigned += 1;
    add(t.firstResponseMs, firstResponseMs(r));
    add(t.firstBotResponseMs, firstBotResponseMs(r));
    add(t.firstHumanResponseMs, firstHumanResponseMs(r));
    add(t.waitMs, waitMs(r));
    add(t.handleMs, handleMs(r, w));
    if (r.csat !== null) {
      add(t.csat, r.csat);
      if (r.csat >= SATISFIED_CSAT) t.csatSatisfied += 1;
    }
    if (r.nps !== null) {
      const category = npsCategory(r.nps);
      if (category === 'promoter') t.npsPromoters += 1;
      else if (category === 'passive') t.npsPassives += 1;
      else t.npsDetractors += 1;
    }
    t.answersRated += r.answersRated;
    t.answersHelpful += r.answersHelpful;
    t.emotionMessages += r.emotionMessages;
    t.negativeMessages += r.negativeMessages;
  }
  return t;
}

// Rounding, once: rates to 4 places, milliseconds to whole, seconds and scores to 2 places.
export const rate = (n: number, d: number): number | null => (d > 0 ? Math.round((n / d) * 10_000) / 10_000 : null);
const mean = (m: Mean, scale = 1, places = 0): number | null => {
  if (m.n === 0) return null;
  const f = 10 ** places;
  return Math.round((m.sum / m.n / scale) * f) / f;
};

/** Tallies → the figures of the summary (AnalyticsSummary without from/to). */
export function figures(t: Tallies) {
  const resolved = t.botResolved + t.humanResolved;
  return {
    conversations: t.conversations,
    ended: t.ended,
    botResolved: t.botResolved,
    humanResolved: t.humanResolved,
    abandoned: t.abandoned,
    handedOff: t.handedOff,
    assigned: t.assigned,
    /** Ended without a person / ended. */
    botResolutionRate: rate(t.botResolved, t.ended),
    /** Handed to a person / started in the range. */
    transferRate: rate(t.handedOff, t.conversations),
    /** Handed off and left before an agent took it / handed off. */
    abandonmentRate: rate(t.abandoned, t.handedOff),
    /** Resolved and never reopened / resolved. */
    firstContactResolutionRate: rate(t.resolvedFirstContact, resolved),
    handoffsByTrigger: t.handoffsByTrigger,
    avgFirstResponseMs: mean(t.firstResponseMs),
    avgFirstBotResponseMs: mean(t.firstBotResponseMs),
    avgFirstHumanResponseMs: mean(t.firstHumanResponseMs),
    avgWaitSeconds: mean(t.waitMs, 1000, 2),
    avgHandleSeconds: mean(t.handleMs, 1000, 2),
    csatAverage: mean(t.csat, 1, 2),
    csatResponses: t.csat.n,
    csatSatisfiedRate: rate(t.csatSatisfied, t.csat.n),
    /** % promoters − % detractors among the conversations whose customer answered. */
    npsScore: netPromoterScore({ promoters: t.npsPromoters, passives: t.npsPassives, detractors: t.npsDetractors }),
    npsResponses: t.npsPromoters + t.npsPassives + t.npsDetractors,
    npsPromoters: t.npsPromoters,
    npsPassives: t.npsPassives,
    npsDetractors: t.npsDetractors,
    answersRated: t.answersRated,
    answersHelpfulRate: rate(t.answersHelpful, t.answersRated),
    negativeEmotionShare: rate(t.negativeMessages, t.emotionMessages),
  };
}
export type Figures = ReturnType<typeof figures>;

// ---- The same definitions in SQL. ----
// The time-independent part is stored with each row as generated columns (schema.ts), so a range over a
// million conversations only adds numbers up; only the idle end depends on `now` and is decided at query time.

const msBetween = (a: string, b: string) => sql.raw(`(case when ${a} >= ${b} then extract(epoch from (${a} - ${b})) * 1000 end)`);

export const storedFigures = {
  /** The outcome of a conversation that ended by a status (resolved, closed, or left the queue with a message). */
  settledOutcome: sql.raw(`(case
    when status in ('resolved', 'closed') or (status = 'pending' and handed_off_at is not null and assigned_at is null) then
      (case when assigned_at is not null then 'human' when handed_off_at is not null then (case when status = 'resolved' then 'human' else 'abandoned' end) else 'bot' end)
  end)`),
  /** The outcome it will have if it goes quiet with the bot for the idle time. */
  idleOutcome: sql.raw(`(case when status = 'bot' and customer_messages > 0 then
    (case when assigned_at is not null then 'human' when handed_off_at is not null then 'abandoned' else 'bot' end) end)`),
  firstResponseMs: msBetween('least(first_bot_at, first_agent_at)', 'first_customer_at'),
  firstBotResponseMs: msBetween('first_bot_at', 'first_customer_at'),
  firstHumanResponseMs: msBetween('first_agent_at', 'handed_off_at'),
  waitMs: msBetween('assigned_at', 'handed_off_at'),
  /** Counted only where the outcome is `human`. */
  handleMs: msBetween('resolved_at', 'assigned_at'),
};

const idleCutoff = (w: Window) => new Date(w.now.getTime() - w.idleMs).toISOString();

/** The outcome at `now`, over analytics_conversations aliased `c`. */
export function outcomeSql(w: Window): SQL {
  return sql`coalesce(c.settled_outcome, case when c.last_activity_at <= ${idleCutoff(w)}::timestamptz then c.idle_outcome end)`;
}
