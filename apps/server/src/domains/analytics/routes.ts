import {
  AlertListQuery, AlertListResponse, AlertResponse, AnalyticsRangeQuery, AnalyticsSettingsResponse, AnalyticsSummary, IdParams, LiveFigures, ReportParams, ReportQuery, ReportResponse,
} from '@lingxi/contracts';
import { orThrow } from '../../platform/errors.ts';
import { RawReply, route } from '../../platform/route.ts';
import { userOf } from '../accounts/index.ts';
import { acknowledgeAlert } from './commands/acknowledgeAlert.ts';
import type { AnalyticsDeps } from './deps.ts';
import { presentAlert, toCsv } from './present.ts';
import { liveFigures } from './queries/live.ts';
import { noteLocale } from './queries/reportNotes.ts';
import { reports } from './queries/reports.ts';
import { summarize } from './queries/summary.ts';
import { alertStore } from './store.ts';

type Range = { from: string; to: string; channel?: string; team?: string; agent?: string; intent?: string };
const cohortOf = (workspaceId: string, q: Range) => ({
  workspaceId, from: new Date(q.from), to: new Date(q.to),
  ...(q.channel ? { channel: q.channel } : {}), ...(q.team ? { team: q.team } : {}), ...(q.agent ? { agent: q.agent } : {}), ...(q.intent ? { intent: q.intent } : {}),
});
const fileStamp = (q: Range) => `${q.from.slice(0, 10)}_${q.to.slice(0, 10)}`;

export function analyticsRoutes(deps: AnalyticsDeps & { wall?: { touch(workspaceId: string): void } }) {
  const tags = ['analytics'];
  const windowOf = async (workspaceId: string) => ({ now: deps.clock.now(), idleMs: (await deps.settings(workspaceId)).idleMinutes * 60_000 });
  return [
    route({
      method: 'GET', url: '/api/v1/analytics/live', summary: 'The live figures of the monitoring wall (also pushed as `analytics.live` to the workspace room)', tags, policy: 'analytics:read',
      response: LiveFigures,
      async handler(ctx) {
        const user = userOf(ctx.principal);
        deps.wall?.touch(user.workspaceId);
        return liveFigures(deps, user.workspaceId);
      },
    }),
    route({
      method: 'GET', url: '/api/v1/analytics/summary', summary: 'Figures for conversations started in [from, to), optionally by channel, team, agent or intent; ?format=csv for a CSV', tags, policy: 'analytics:read',
      query: AnalyticsRangeQuery, response: AnalyticsSummary,
      async handler(ctx) {
        const user = userOf(ctx.principal);
        const cohort = cohortOf(user.workspaceId, ctx.query);
        const body = { from: cohort.from.toISOString(), to: cohort.to.toISOString(), ...(await summarize(deps.db.sql, cohort, await windowOf(user.workspaceId))) };
        if (ctx.query.format !== 'csv') return body;
        const { handoffsByTrigger, ...flat } = body;
        const row = { ...flat, ...Object.fromEntries(Object.entries(handoffsByTrigger).map(([k, v]) => [`handoffs_${k}`, v])) };
        return new RawReply(toCsv(Object.keys(row), [row]), 'text/csv; charset=utf-8', `lingxi-summary_${fileStamp(ctx.query)}.csv`);
      },
    }),
    route({
      method: 'GET', url: '/api/v1/analytics/reports/:report', summary: 'A report as a table (volume, resolution, response_times, emotion, abandonment, intents, paths, heatmap, forecast, value, conversations); ?format=csv; notes in ?locale= (zh-CN, en-US) or the Accept-Language', tags, policy: 'analytics:read',
      params: ReportParams, query: ReportQuery, response: ReportResponse,
      async handler(ctx) {
        const user = userOf(ctx.principal);
        const cohort = cohortOf(user.workspaceId, ctx.query);
        const settings = await deps.settings(user.workspaceId);
        const table = await reports[ctx.params.report](deps, { ...cohort, interval: ctx.query.interval ?? 'day', settings, window: await windowOf(user.workspaceId),
          locale: noteLocale(ctx.query.locale, ctx.headers['accept-language']) });
        if (ctx.query.format === 'csv') return new RawReply(toCsv(table.columns, table.rows), 'text/csv; charset=utf-8', `lingxi-${ctx.params.report}_${fileStamp(ctx.query)}.csv`);
        return { report: ctx.params.report, from: cohort.from.toISOString(), to: cohort.to.toISOString(), ...table };
      },
    }),
    route({
      method: 'GET', url: '/api/v1/analytics/alerts', summary: 'Alerts, newest first (?open=true for the unacknowledged ones)', tags, policy: 'analytics:read',
      query: AlertListQuery, response: AlertListResponse,
      async handler(ctx) {
        const user = userOf(ctx.principal);
        const alerts = await alertStore.list(deps.db.sql, user.workspaceId, { open: ctx.query.open === 'true', limit: ctx.query.limit ?? 50 });
        return { alerts: alerts.map(presentAlert) };
      },
    }),
    route({
      method: 'POST', url: '/api/v1/analytics/alerts/:id/ack', summary: 'Acknowledge an alert: it leaves the open list', tags, policy: 'analytics:read',
      params: IdParams, response: AlertResponse,
      async handler(ctx) {
        const user = userOf(ctx.principal);
        const alert = orThrow(await acknowledgeAlert(deps, { workspaceId: user.workspaceId, alertId: ctx.params.id, userId: user.userId }));
        deps.wall?.touch(user.workspaceId);
        return { alert: presentAlert(alert) };
      },
    }),
    route({
      method: 'GET', url: '/api/v1/analytics/settings', summary: 'The analytics settings in effect (workspace settings `analytics`, defaults filled in)', tags, policy: 'analytics:read',
      response: AnalyticsSettingsResponse,
      async handler(ctx) {
        const user = userOf(ctx.principal);
        return { settings: await deps.settings(user.workspaceId) };
      },
    }),
  ];
}
