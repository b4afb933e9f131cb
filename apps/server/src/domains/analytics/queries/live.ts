import { sql } from 'drizzle-orm';
import type { LiveFigures } from '@lingxi/contracts';
import type { AnalyticsDeps } from '../deps.ts';
import { figures } from '../definitions.ts';
import { intentLabel, presentAlert } from '../present.ts';
import { startOfLocalDay } from '../settings.ts';
import { alertStore } from '../store.ts';
import { tallyCohort } from './summary.ts';

const TOP_INTENTS = 5;
/** Conversations at risk of missing the first-response target: waiting for a person's first word ≥ 80% of it. */
const SLA_RISK_SHARE = 0.8;

type OpenRow = { in_bot: number; queued: number; assigned: number; pending: number; longest: number | null; average: number | null; at_risk: number; load: Record<string, number> | null };

/** Every live figure of a workspace at `now`, from the facts' pre-aggregate, presence and alerts. */
export async function liveFigures(deps: AnalyticsDeps, workspaceId: string): Promise<LiveFigures> {
  const now = deps.clock.now();
  const settings = await deps.settings(workspaceId);
  const w = { now, idleMs: settings.idleMinutes * 60_000 };
  const nowIso = now.toISOString();
  const idleCutoff = new Date(now.getTime() - w.idleMs).toISOString();
  const sla = settings.slaFirstResponseSeconds * SLA_RISK_SHARE;
  const db = deps.db.sql;

  // Two partial indexes keep this small on a long history: people's queues, and the bot's recent conversations.
  const open = await db.execute<OpenRow>(sql`
    select (select count(*) from analytics_conversations where workspace_id = ${workspaceId}::uuid and status = 'bot' and last_activity_at > ${idleCutoff}::timestamptz)::int as in_bot,
      count(*) filter (where status = 'queued')::int as queued,
      count(*) filter (where status = 'assigned')::int as assigned,
      count(*) filter (where status = 'pending')::int as pending,
      max(extract(epoch from (${nowIso}::timestamptz - handed_off_at))) filter (where status = 'queued')::float8 as longest,
      avg(extract(epoch from (${nowIso}::timestamptz - handed_off_at))) filter (where status = 'queued')::float8 as average,
      count(*) filter (where status in ('queued', 'assigned') and (first_agent_at is null or first_agent_at < handed_off_at)
        and extract(epoch from (${nowIso}::timestamptz - handed_off_at)) >= ${sla})::int as at_risk,
      (select jsonb_object_agg(agent_id, n) from (select agent_id, count(*)::int as n from analytics_conversations
        where workspace_id = ${workspaceId}::uuid and status = 'assigned' and agent_id is not null group by agent_id) x) as load
    from analytics_conversations where workspace_id = ${workspaceId}::uuid and status in ('queued', 'assigned', 'pending')`);
  const o = open.rows[0]!;

  const agents = await deps.agents(workspaceId);
  const load = o.load ?? {};
  const online = agents.filter((a) => a.status === 'online');
  const capacityTotal = online.reduce((s, a) => s + a.capacity, 0);
  const capacityTaken = online.reduce((s, a) => s + Math.min(a.capacity, load[a.userId] ?? 0), 0);

  const dayStart = startOfLocalDay(now, settings.timezone);
  const today = figures(await tallyCohort(db, { workspaceId, from: dayStart, to: new Date(now.getTime() + 1) }, w));

  const hourAgo = new Date(now.getTime() - 3_600_000).toISOString();
  const intents = await db.execute<{ intent: string; count: number }>(sql`
    select intent, count(*)::int as count from analytics_facts
    where workspace_id = ${workspaceId}::uuid and kind = 'bot_reply' and intent is not null and at > ${hourAgo}::timestamptz and at <= ${nowIso}::timestamptz
    group by intent order by count desc, intent limit ${TOP_INTENTS}`);
  const model = intents.rows.length > 0 ? await deps.knowledge.get(workspaceId) : null;

  const trend = await db.execute<{ hour: Date; started: number; handed_off: number; resolved: number }>(sql`
    with hours as (select generate_series(date_trunc('hour', ${nowIso}::timestamptz) - interval '23 hours', date_trunc('hour', ${nowIso}::timestamptz), interval '1 hour') as hour),
    recent as (select started_at, handed_off_at, resolved_at from analytics_conversations
      where workspace_id = ${workspaceId}::uuid and started_at > ${nowIso}::timestamptz - interval '48 hours')
    select h.hour,
      (select count(*) from recent where date_trunc('hour', started_at) = h.hour)::int as started,
      (select count(*) from recent where date_trunc('hour', handed_off_at) = h.hour)::int as handed_off,
      (select count(*) from recent where date_trunc('hour', resolved_at) = h.hour)::int as resolved
    from hours h order by h.hour`);

  const alerts = await alertStore.list(db, workspaceId, { open: true, limit: 20 });
  const queueLength = o.queued;
  return {
    at: nowIso,
    activeConversations: o.in_bot + o.queued + o.assigned,
    inBot: o.in_bot,
    queueLength,
    withAgents: o.assigned,
    pending: o.pending,
    longestWaitSeconds: Math.max(0, Math.floor(o.longest ?? 0)),
    averageWaitSeconds: Math.max(0, Math.round(o.average ?? 0)),
    agentsOnline: online.length,
    agentsBusy: online.filter((a) => (load[a.userId] ?? 0) > 0).length,
    agentsAway: agents.filter((a) => a.status === 'away').length,
    agentsOffline: agents.filter((a) => a.status === 'offline').length,
    capacityTotal,
    capacityUsed: capacityTotal > 0 ? Math.round((capacityTaken / capacityTotal) * 10_000) / 10_000 : null,
    conversationsToday: today.conversations,
    botResolvedToday: today.botResolved,
    humanResolvedToday: today.humanResolved,
    abandonedToday: today.abandoned,
    botResolutionRate: today.botResolutionRate,
    transferRate: today.transferRate,
    handoffsByTrigger: today.handoffsByTrigger,
    avgWaitSecondsToday: today.avgWaitSeconds,
    avgFirstBotResponseMs: today.avgFirstBotResponseMs,
    avgFirstHumanResponseMs: today.avgFirstHumanResponseMs,
    avgHandleSeconds: today.avgHandleSeconds,
    csatAverage: today.csatAverage,
    csatResponses: today.csatResponses,
    npsScore: today.npsScore,
    npsResponses: today.npsResponses,
    negativeEmotionShare: today.negativeEmotionShare,
    answersHelpfulRate: today.answersHelpfulRate,
    topIntentsLastHour: intents.rows.map((r) => ({ intent: r.intent, label: intentLabel(r.intent, model?.entries ?? null), count: r.count })),
    slaAtRisk: o.at_risk,
    openAlerts: alerts.map(presentAlert),
    trend: trend.rows.map((r) => ({ hour: new Date(r.hour).toISOString(), started: r.started, handedOff: r.handed_off, resolved: r.resolved })),
  };
}
