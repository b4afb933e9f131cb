import { sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/index.ts';
import { NEGATIVE_EMOTION_LEVEL, type Fact } from './facts.ts';

/**
 * The per-conversation row folded from facts. Every column has one merge rule, used both to fold a batch
 * in memory and in the SQL upsert, so any order and any batching of facts gives the same row.
 */
export type ConversationRollup = {
  workspaceId: string;
  conversationId: string;
  startedAt: Date | null;
  channel: string | null;
  intent: string | null;
  intentAt: Date | null;
  customerMessages: number;
  botReplies: number;
  botAnswers: number;
  botFallbacks: number;
  lastBotKind: string | null;
  lastBotEntry: string | null;
  lastBotAt: Date | null;
  firstCustomerAt: Date | null;
  firstBotAt: Date | null;
  handoffTrigger: string | null;
  handedOffAt: Date | null;
  assignedAt: Date | null;
  agentId: string | null;
  teamId: string | null;
  agentAt: Date | null;
  firstAgentAt: Date | null;
  agentMessages: number;
  status: string | null;
  statusAt: Date | null;
  resolvedAt: Date | null;
  reopened: number;
  csat: number | null;
  /** The customer's "would you recommend us" answer, 0–10. */
  nps: number | null;
  answersRated: number;
  answersHelpful: number;
  emotionMessages: number;
  negativeMessages: number;
  emotionSum: number;
  maxEmotion: number | null;
  lastActivityAt: Date | null;
};

type Field = Exclude<keyof ConversationRollup, 'workspaceId' | 'conversationId'>;
type Rule =
  | { kind: 'least' | 'greatest' | 'sum' | 'first' | 'newest' }
  /** Taken together with its time column: the value of the latest (or earliest) observation. */
  | { kind: 'latestBy' | 'earliestBy'; at: Field };

export const mergeRules: Record<Field, Rule> = {
  startedAt: { kind: 'least' },
  channel: { kind: 'first' },
  intent: { kind: 'earliestBy', at: 'intentAt' },
  intentAt: { kind: 'least' },
  customerMessages: { kind: 'sum' },
  botReplies: { kind: 'sum' },
  botAnswers: { kind: 'sum' },
  botFallbacks: { kind: 'sum' },
  lastBotKind: { kind: 'latestBy', at: 'lastBotAt' },
  lastBotEntry: { kind: 'latestBy', at: 'lastBotAt' },
  lastBotAt: { kind: 'greatest' },
  firstCustomerAt: { kind: 'least' },
  firstBotAt: { kind: 'least' },
  handoffTrigger: { kind: 'earliestBy', at: 'handedOffAt' },
  handedOffAt: { kind: 'least' },
  assignedAt: { kind: 'least' },
  agentId: { kind: 'latestBy', at: 'agentAt' },
  teamId: { kind: 'latestBy', at: 'agentAt' },
  agentAt: { kind: 'greatest' },
  firstAgentAt: { kind: 'least' },
  agentMessages: { kind: 'sum' },
  status: { kind: 'latestBy', at: 'statusAt' },
  statusAt: { kind: 'greatest' },
  resolvedAt: { kind: 'greatest' },
  reopened: { kind: 'sum' },
  csat: { kind: 'newest' },
  nps: { kind: 'newest' },
  answersRated: { kind: 'sum' },
  answersHelpful: { kind: 'sum' },
  emotionMessages: { kind: 'sum' },
  negativeMessages: { kind: 'sum' },
  emotionSum: { kind: 'sum' },
  maxEmotion: { kind: 'greatest' },
  lastActivityAt: { kind: 'greatest' },
};
const fields = Object.keys(mergeRules) as Field[];

/** Statuses observed at the same instant: the one further along the lifecycle wins. */
const STATUS_ORDER = ['bot', 'queued', 'pending', 'assigned', 'resolved', 'closed'];

export function emptyRollup(workspaceId: string, conversationId: string): ConversationRollup {
  const row = { workspaceId, conversationId } as ConversationRollup;
  for (const f of fields) (row as Record<string, unknown>)[f] = mergeRules[f].kind === 'sum' ? 0 : null;
  return row;
}

const time = (v: unknown) => (v instanceof Date ? v.getTime() : null);
function pick(a: unknown, b: unknown, keep: (x: number, y: number) => boolean): unknown {
  if (a === null) return b;
  if (b === null) return a;
  const x = time(a) ?? (a as number);
  const y = time(b) ?? (b as number);
  return keep(x, y) ? a : b;
}

/** Merges b into a by the rules (a = what is stored, b = what arrives). */
export function mergeRollups(a: ConversationRollup, b: ConversationRollup): ConversationRollup {
  const out = { ...a };
  const set = (f: Field, v: unknown) => ((out as Record<string, unknown>)[f] = v);
  for (const f of fields) {
    const rule = mergeRules[f];
    const va = a[f] as unknown;
    const vb = b[f] as unknown;
    if (rule.kind === 'least') set(f, pick(va, vb, (x, y) => x <= y));
    else if (rule.kind === 'greatest') set(f, pick(va, vb, (x, y) => x >= y));
    else if (rule.kind === 'sum') set(f, (va as number) + (vb as number));
    else if (rule.kind === 'first') set(f, va ?? vb);
    else if (rule.kind === 'newest') set(f, vb ?? va);
    else if ('at' in rule) {
      const ta = time(a[rule.at]);
      const tb = time(b[rule.at]);
      if (tb === null) continue;
      const later = ta === null || tb > ta || (tb === ta && f === 'status' && STATUS_ORDER.indexOf(vb as string) > STATUS_ORDER.indexOf(va as string));
      const earlier = ta === null || tb < ta;
      if (rule.kind === 'latestBy' ? later : earlier) set(f, vb);
    }
  }
  return out;
}

/** One fact as a row change. */
export function rollupOfFact(fact: Fact): ConversationRollup {
  const r = emptyRollup(fact.workspaceId, fact.conversationId);
  const at = fact.at;
  const status = (s: string) => Object.assign(r, { status: s, statusAt: at });
  switch (fact.kind) {
    case 'started':
      Object.assign(r, { startedAt: at, channel: fact.channel, lastActivityAt: at });
      status('bot');
      break;
    case 'customer_message':
      Object.assign(r, { customerMessages: 1, firstCustomerAt: at, lastActivityAt: at });
      break;
    case 'bot_reply':
      Object.assign(r, {
        botReplies: 1, botAnswers: fact.label === 'answer' ? 1 : 0, botFallbacks: fact.label === 'fallback' ? 1 : 0,
        lastBotKind: fact.label, lastBotEntry: fact.entryId ?? fact.intent, lastBotAt: at, firstBotAt: at, lastActivityAt: at,
        ...(fact.intent ? { intent: fact.intent, intentAt: at } : {}),
      });
      break;
    case 'emotion': {
      const level = Math.round(fact.value ?? 0);
      Object.assign(r, { emotionMessages: 1, negativeMessages: level >= NEGATIVE_EMOTION_LEVEL ? 1 : 0, emotionSum: level, maxEmotion: level });
      break;
    }
    case 'answer_rated':
      Object.assign(r, { answersRated: 1, answersHelpful: fact.value === 1 ? 1 : 0 });
      break;
    case 'handoff':
      Object.assign(r, { handoffTrigger: fact.label, handedOffAt: at, lastActivityAt: at });
      status('queued');
      break;
    case 'queued':
      status('queued');
      break;
    case 'assigned':
      Object.assign(r, { assignedAt: at, agentId: fact.agentId, teamId: fact.teamId, agentAt: at, lastActivityAt: at });
      status('assigned');
      break;
    case 'agent_message':
      Object.assign(r, { firstAgentAt: at, agentMessages: 1, lastActivityAt: at });
      break;
    case 'resolved':
    case 'closed':
      Object.assign(r, { resolvedAt: at, lastActivityAt: at });
      status(fact.kind);
      break;
    case 'pending':
      Object.assign(r, { lastActivityAt: at });
      status('pending');
      break;
    case 'reopened':
      Object.assign(r, { reopened: 1, lastActivityAt: at });
      status('bot');
      break;
    case 'csat':
      r.csat = fact.value === null ? null : Math.round(fact.value);
      break;
    case 'nps':
      r.nps = fact.value === null ? null : Math.round(fact.value);
      break;
  }
  return r;
}

/** Folds a batch of facts into one change per conversation. */
export function foldFacts(facts: readonly Fact[]): ConversationRollup[] {
  const rows = new Map<string, ConversationRollup>();
  for (const fact of facts) {
    const key = `${fact.workspaceId}:${fact.conversationId}`;
    const change = rollupOfFact(fact);
    const current = rows.get(key);
    rows.set(key, current ? mergeRollups(current, change) : change);
  }
  return [...rows.values()];
}

const column = (f: string) => f.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const TIMESTAMP_FIELDS = new Set(fields.filter((f) => f.endsWith('At')));
const INTEGER_FIELDS = new Set(fields.filter((f) => mergeRules[f].kind === 'sum' || f === 'csat' || f === 'nps' || f === 'maxEmotion'));
const UUID_FIELDS = new Set(['agentId', 'teamId']);

function typeOf(f: Field): string {
  if (TIMESTAMP_FIELDS.has(f)) return 'timestamptz';
  if (INTEGER_FIELDS.has(f)) return 'int';
  if (UUID_FIELDS.has(f)) return 'uuid';
  return 'text';
}

function setClause(f: Field): string {
  const c = column(f);
  const rule = mergeRules[f];
  switch (rule.kind) {
    case 'least': return `${c} = least(t.${c}, excluded.${c})`;
    case 'greatest': return `${c} = greatest(t.${c}, excluded.${c})`;
    case 'sum': return `${c} = t.${c} + excluded.${c}`;
    case 'first': return `${c} = coalesce(t.${c}, excluded.${c})`;
    case 'newest': return `${c} = coalesce(excluded.${c}, t.${c})`;
    default: {
      const at = column(rule.at);
      const order = "array['bot','queued','pending','assigned','resolved','closed']";
      const wins =
        rule.kind === 'earliestBy'
          ? `excluded.${at} < t.${at}`
          : f === 'status'
            ? `(excluded.${at}, array_position(${order}, excluded.${c})) > (t.${at}, array_position(${order}, t.${c}))`
            : `excluded.${at} > t.${at}`;
      return `${c} = case when excluded.${at} is not null and (t.${at} is null or ${wins}) then excluded.${c} else t.${c} end`;
    }
  }
}

// The statement's fixed text, made once: the rows travel as one JSON parameter (building a statement
// of ~40 parameters per conversation showed up as the message path's largest cost on the main thread).
const COLUMNS = ['workspace_id', 'conversation_id', ...fields.map(column)].join(', ');
const RECORD = ['workspace_id uuid', 'conversation_id uuid', ...fields.map((f) => `${column(f)} ${typeOf(f)}`)].join(', ');
const UPSERT_TAIL = sql.raw(`) as r(${RECORD})
    on conflict (workspace_id, conversation_id) do update set ${fields.map(setClause).join(', ')}`);
const UPSERT_HEAD = sql.raw(`insert into analytics_conversations as t (${COLUMNS}) select ${COLUMNS} from jsonb_to_recordset(`);

function jsonRow(r: ConversationRollup): Record<string, unknown> {
  const out: Record<string, unknown> = { workspace_id: r.workspaceId, conversation_id: r.conversationId };
  for (const f of fields) {
    const v = r[f];
    out[column(f)] = v instanceof Date ? v.toISOString() : v;
  }
  return out;
}

/** One statement for the whole batch: insert new conversations, merge into known ones. */
export async function upsertRollups(tx: Executor, rows: readonly ConversationRollup[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.execute(sql`${UPSERT_HEAD}${JSON.stringify(rows.map(jsonRow))}::jsonb${UPSERT_TAIL}`);
}
