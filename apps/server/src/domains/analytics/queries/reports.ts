import { sql } from 'drizzle-orm';
import type { ReportName } from '@lingxi/contracts';
import type { AnalyticsDeps } from '../deps.ts';
import { figures, outcomeSql, rate } from '../definitions.ts';
import { intentLabel } from '../present.ts';
import { cohortSql } from '../store.ts';
import { tallyCohort, tallyGroups } from './summary.ts';
import { reportNotes } from './reportNotes.ts';
import type { Cell, ReportInput, Table } from './table.ts';

export type { Cell, ReportInput, Table } from './table.ts';
import { conversationRows, forecastReport, heatmapReport } from './timeReports.ts';


const notesFor = (q: ReportInput) => reportNotes[q.locale ?? 'en-US'];

const periodSql = (interval: 'hour' | 'day', tz: string) =>
  sql`to_char(date_trunc(${interval}, c.started_at at time zone ${tz}), ${interval === 'hour' ? 'YYYY-MM-DD"T"HH24:00' : 'YYYY-MM-DD'})`;

/** Each report is a table; the same table is the JSON answer and the CSV. */
export const reports: Record<ReportName, (deps: AnalyticsDeps, q: ReportInput) => Promise<Table>> = {
  async volume(deps, q) {
    const groups = await tallyGroups(deps.db.sql, q, q.window, periodSql(q.interval, q.settings.timezone));
    const columns = ['period', 'conversations', 'botResolved', 'humanResolved', 'abandoned', 'handedOff'];
    return { columns, rows: groups.map(({ group, tallies: t }) => ({ period: group, conversations: t.conversations, botResolved: t.botResolved, humanResolved: t.humanResolved, abandoned: t.abandoned, handedOff: t.handedOff })), notes: [notesFor(q).periods(q.settings.timezone)] };
  },

  async resolution(deps, q) {
    const groups = await tallyGroups(deps.db.sql, q, q.window, periodSql(q.interval, q.settings.timezone));
    const columns = ['period', 'conversations', 'ended', 'botResolved', 'humanResolved', 'botResolutionRate', 'transferRate', 'firstContactResolutionRate', 'csatAverage', 'csatResponses', 'npsScore', 'npsResponses'];
    return {
      columns,
      rows: groups.map(({ group, tallies }) => {
        const f = figures(tallies);
        return { period: group, conversations: f.conversations, ended: f.ended, botResolved: f.botResolved, humanResolved: f.humanResolved, botResolutionRate: f.botResolutionRate, transferRate: f.transferRate, firstContactResolutionRate: f.firstContactResolutionRate, csatAverage: f.csatAverage, csatResponses: f.csatResponses, npsScore: f.npsScore, npsResponses: f.npsResponses };
      }),
      notes: [notesFor(q).fcr, notesFor(q).nps],
    };
  },

  async response_times(deps, q) {
    const groups = await tallyGroups(deps.db.sql, q, q.window, periodSql(q.interval, q.settings.timezone));
    const columns = ['period', 'avgFirstResponseMs', 'avgFirstBotResponseMs', 'avgFirstHumanResponseMs', 'avgWaitSeconds', 'avgHandleSeconds'];
    return {
      columns,
      rows: groups.map(({ group, tallies }) => {
        const f = figures(tallies);
        return { period: group, avgFirstResponseMs: f.avgFirstResponseMs, avgFirstBotResponseMs: f.avgFirstBotResponseMs, avgFirstHumanResponseMs: f.avgFirstHumanResponseMs, avgWaitSeconds: f.avgWaitSeconds, avgHandleSeconds: f.avgHandleSeconds };
      }),
      notes: [notesFor(q).responseTimes],
    };
  },

  async emotion(deps, q) {
    const result = await deps.db.sql.execute<{ level: number; messages: number }>(sql`
      select f.value::int as level, count(*)::int as messages from analytics_facts f
      join analytics_conversations c on c.workspace_id = f.workspace_id and c.conversation_id = f.conversation_id
      where f.workspace_id = ${q.workspaceId}::uuid and f.kind = 'emotion' and ${cohortSql(q)} group by 1 order by 1`);
    const total = result.rows.reduce((s, r) => s + r.messages, 0);
    const counts = new Map(result.rows.map((r) => [r.level, r.messages]));
    const rows = [1, 2, 3, 4, 5].map((level) => ({ level, messages: counts.get(level) ?? 0, share: rate(counts.get(level) ?? 0, total) }));
    return { columns: ['level', 'messages', 'share'], rows, notes: [notesFor(q).emotion] };
  },

  async abandonment(deps, q) {
    const groups = await tallyGroups(deps.db.sql, q, q.window, periodSql(q.interval, q.settings.timezone));
    const columns = ['period', 'handedOff', 'assigned', 'abandoned', 'abandonmentRate', 'avgWaitSeconds'];
    return {
      columns,
      rows: groups.map(({ group, tallies }) => {
        const f = figures(tallies);
        return { period: group, handedOff: f.handedOff, assigned: f.assigned, abandoned: f.abandoned, abandonmentRate: f.abandonmentRate, avgWaitSeconds: f.avgWaitSeconds };
      }),
      notes: [notesFor(q).abandonment],
    };
  },

  async intents(deps, q) {
    const groups = await tallyGroups(deps.db.sql, q, q.window, sql`coalesce(c.intent, '(none)')`);
    const model = await deps.knowledge.get(q.workspaceId);
    const sorted = groups.sort((a, b) => b.tallies.conversations - a.tallies.conversations || String(a.group).localeCompare(String(b.group)));
    const total = sorted.reduce((s, g) => s + g.tallies.conversations, 0);
    let running = 0;
    const rows = sorted.map(({ group, tallies }, i) => {
      const before = running;
      running += tallies.conversations;
      const f = figures(tallies);
      const intent = String(group);
      return {
        rank: i + 1, intent, label: intent === '(none)' ? '(none)' : intentLabel(intent, model?.entries ?? null), conversations: f.conversations, share: rate(f.conversations, total),
        cumulativeShare: rate(running, total), top80: total > 0 && before / total < 0.8 ? 'yes' : 'no', botResolutionRate: f.botResolutionRate, transferRate: f.transferRate,
      };
    });
    return { columns: ['rank', 'intent', 'label', 'conversations', 'share', 'cumulativeShare', 'top80', 'botResolutionRate', 'transferRate'], rows, notes: [notesFor(q).intents] };
  },

  async paths(deps, q) {
    const result = await deps.db.sql.execute<{ exit: string; after: string | null; kind: string | null; turns: number; conversations: number }>(sql`
      select exit, after, kind, turns, count(*)::int as conversations from (
        select case when c.handoff_trigger is not null then 'handoff:' || c.handoff_trigger
                    when ${outcomeSql(q.window)} = 'bot' and c.last_bot_kind in ('fallback', 'clarify') then 'gave_up' end as exit,
          c.last_bot_entry as after, c.last_bot_kind as kind, c.bot_replies as turns
        from analytics_conversations c where ${cohortSql(q)}) p
      where exit is not null group by 1, 2, 3, 4 order by conversations desc, exit, turns limit 500`);
    const model = await deps.knowledge.get(q.workspaceId);
    const total = result.rows.reduce((s, r) => s + r.conversations, 0);
    const rows = result.rows.map((r) => ({
      exit: r.exit, afterReply: r.after ? intentLabel(r.after, model?.entries ?? null) : r.kind ?? '(before any answer)', afterKind: r.kind, turns: r.turns, conversations: r.conversations, share: rate(r.conversations, total),
    }));
    return { columns: ['exit', 'afterReply', 'afterKind', 'turns', 'conversations', 'share'], rows, notes: [notesFor(q).paths] };
  },

  heatmap: (deps, q) => heatmapReport(deps, q),
  forecast: (deps, q) => forecastReport(deps, q),

  async value(deps, q) {
    const f = figures(await tallyCohort(deps.db.sql, q, q.window));
    const { costPerBotConversation: bot, costPerHumanConversation: human, currency } = q.settings;
    const botCost = round2(f.conversations * bot);
    const humanCost = round2(f.assigned * human);
    const row = {
      conversations: f.conversations, botResolved: f.botResolved, humanHandled: f.assigned, botCost, humanCost, totalCost: round2(botCost + humanCost),
      costPerConversation: f.conversations > 0 ? round2((botCost + humanCost) / f.conversations) : null, costPerBotResolved: bot, costPerHumanConversation: round2(bot + human),
      humanReplacementRate: rate(f.botResolved, f.botResolved + f.humanResolved), savings: round2(f.botResolved * (human - bot)), currency,
    };
    return {
      columns: Object.keys(row),
      rows: [row],
      notes: [notesFor(q).value({ bot, human, currency })],
    };
  },

  conversations: (deps, q) => conversationRows(deps, q),
};

const round2 = (n: number) => Math.round(n * 100) / 100;
