import { sql } from 'drizzle-orm';
import type { AnalyticsDeps } from '../deps.ts';
import { endedAt, firstBotResponseMs, firstHumanResponseMs, handleMs, outcomeOf, waitMs } from '../definitions.ts';
import { forecastVolume } from '../forecast.ts';
import { intentLabel } from '../present.ts';
import { cohortSql, rollupStore } from '../store.ts';
import { reportNotes } from './reportNotes.ts';
import type { ReportInput, Table } from './table.ts';

const HOUR = 3_600_000;
const FORECAST_WEEKS = 4;
const CONVERSATION_ROWS = 50_000;

/** Conversations started by local weekday (1 Monday … 7 Sunday) and hour: the full 7 × 24 grid. */
export async function heatmapReport(deps: AnalyticsDeps, q: ReportInput): Promise<Table> {
  const tz = q.settings.timezone;
  const result = await deps.db.sql.execute<{ weekday: number; hour: number; conversations: number }>(sql`
    select extract(isodow from c.started_at at time zone ${tz})::int as weekday, extract(hour from c.started_at at time zone ${tz})::int as hour, count(*)::int as conversations
    from analytics_conversations c where ${cohortSql(q)} group by 1, 2`);
  const counts = new Map(result.rows.map((r) => [`${r.weekday}:${r.hour}`, r.conversations]));
  const rows = [];
  for (let weekday = 1; weekday <= 7; weekday++) for (let hour = 0; hour < 24; hour++) rows.push({ weekday, hour, conversations: counts.get(`${weekday}:${hour}`) ?? 0 });
  return { columns: ['weekday', 'hour', 'conversations'], rows, notes: [reportNotes[q.locale ?? 'en-US'].heatmap(tz)] };
}

/** The next 7 days, hourly, from the last four weeks before now (the range's filters apply; its dates do not). */
export async function forecastReport(deps: AnalyticsDeps, q: ReportInput): Promise<Table> {
  const now = q.window.now;
  const from = new Date(Math.floor(now.getTime() / HOUR) * HOUR - FORECAST_WEEKS * 7 * 24 * HOUR);
  const history = await deps.db.sql.execute<{ hour: Date; count: number }>(sql`
    select date_trunc('hour', c.started_at) as hour, count(*)::int as count from analytics_conversations c
    where ${cohortSql({ ...q, from, to: now })} group by 1`);
  const { points, trend } = forecastVolume(history.rows.map((r) => ({ hour: new Date(r.hour), count: r.count })), { from: new Date(Math.ceil(now.getTime() / HOUR) * HOUR), hours: 7 * 24, weeks: FORECAST_WEEKS });
  return {
    columns: ['hour', 'expected', 'basis'],
    rows: points.map((p) => ({ hour: p.hour.toISOString(), expected: p.expected, basis: p.basis })),
    notes: [reportNotes[q.locale ?? 'en-US'].forecast(FORECAST_WEEKS, trend)],
  };
}

const seconds = (ms: number | null) => (ms === null ? null : Math.round(ms / 10) / 100);

/** One row per conversation, every per-conversation figure computed by the pure definitions. */
export async function conversationRows(deps: AnalyticsDeps, q: ReportInput): Promise<Table> {
  const rows = await rollupStore.cohort(deps.db.sql, q, CONVERSATION_ROWS);
  const model = await deps.knowledge.get(q.workspaceId);
  const columns = ['conversationId', 'startedAt', 'channel', 'intent', 'intentLabel', 'outcome', 'endedAt', 'handoffTrigger', 'agentId', 'teamId', 'customerMessages', 'botReplies', 'firstBotResponseMs', 'firstHumanResponseMs', 'waitSeconds', 'handleSeconds', 'csat', 'nps', 'maxEmotion', 'reopened'];
  return {
    columns,
    rows: rows.map((r) => ({
      conversationId: r.conversationId, startedAt: r.startedAt?.toISOString() ?? null, channel: r.channel, intent: r.intent, intentLabel: r.intent ? intentLabel(r.intent, model?.entries ?? null) : null,
      outcome: outcomeOf(r, q.window) ?? 'open', endedAt: endedAt(r, q.window)?.toISOString() ?? null, handoffTrigger: r.handoffTrigger, agentId: r.agentId, teamId: r.teamId,
      customerMessages: r.customerMessages, botReplies: r.botReplies, firstBotResponseMs: firstBotResponseMs(r), firstHumanResponseMs: firstHumanResponseMs(r),
      waitSeconds: seconds(waitMs(r)), handleSeconds: seconds(handleMs(r, q.window)), csat: r.csat, nps: r.nps, maxEmotion: r.maxEmotion, reopened: r.reopened,
    })),
    notes: rows.length === CONVERSATION_ROWS ? [reportNotes[q.locale ?? 'en-US'].truncated(CONVERSATION_ROWS)] : [],
  };
}
