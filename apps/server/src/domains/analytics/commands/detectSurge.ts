import { sql } from 'drizzle-orm';
import type { KnowledgePack } from '@lingxi/contracts';
import type { AnalyticsDeps } from '../deps.ts';
import { intentLabel } from '../present.ts';
import { judgeSurge } from '../surge.ts';
import { alertStore, factStore, type Alert } from '../store.ts';
import { raiseAlert, REALERT_AFTER_MS } from './raiseAlert.ts';

const PACK_ENTRIES = 5;
const PACK_EXAMPLES = 5;

/**
 * For each intent just seen: count it in the surge window and in the baseline before it; on a surge,
 * raise a `surge` alert and push a knowledge pack (its entries, a suggested reply, recent questions).
 */
export async function detectSurge(deps: AnalyticsDeps, workspaceId: string, intents: readonly string[]): Promise<Alert[]> {
  if (intents.length === 0) return [];
  const settings = await deps.settings(workspaceId);
  const rule = settings.surge;
  const now = deps.clock.now();
  const windowStart = new Date(now.getTime() - rule.windowMinutes * 60_000);
  const baselineStart = new Date(windowStart.getTime() - rule.baselineHours * 3_600_000);
  const counts = await deps.db.sql.execute<{ intent: string; count: number; baseline: number }>(sql`
    select intent, count(*) filter (where at > ${windowStart.toISOString()}::timestamptz)::int as count,
      count(*) filter (where at <= ${windowStart.toISOString()}::timestamptz)::int as baseline
    from analytics_facts
    where workspace_id = ${workspaceId}::uuid and kind = 'bot_reply' and intent in (${sql.join(intents.map((i) => sql`${i}`), sql`, `)})
      and at > ${baselineStart.toISOString()}::timestamptz and at <= ${now.toISOString()}::timestamptz
    group by intent`);
  const raised: Alert[] = [];
  const surging = counts.rows.map((row) => ({ row, verdict: judgeSurge({ count: row.count, baselineCount: row.baseline }, rule) })).filter((s) => s.verdict.surging);
  // A surge already announced (open, or raised lately) builds no new pack: it would be raised for nothing.
  const quiet = await alertStore.quietSubjects(deps.db.sql, workspaceId, 'surge', surging.map((s) => s.row.intent), new Date(now.getTime() - REALERT_AFTER_MS));
  for (const { row, verdict } of surging) {
    if (quiet.has(row.intent)) continue;
    const pack = await knowledgePack(deps, workspaceId, row.intent, windowStart, { count: row.count, baselinePerWindow: verdict.baselinePerWindow, windowMinutes: rule.windowMinutes, at: now });
    const alert = await raiseAlert(
      deps,
      { workspaceId, kind: 'surge', severity: verdict.severity, subject: row.intent, detail: { intent: row.intent, label: pack.label, count: row.count, baselinePerWindow: verdict.baselinePerWindow, factor: verdict.factor, windowMinutes: rule.windowMinutes } },
      (alert) => [{ name: 'knowledge_pack.pushed', workspaceId, payload: { pack: { ...pack, alertId: alert.id } } }],
    );
    if (alert) raised.push(alert);
  }
  return raised;
}

/** The intent's entry and its neighbours in the same category, from the live knowledge index. */
async function knowledgePack(deps: AnalyticsDeps, workspaceId: string, intent: string, since: Date, figures: { count: number; baselinePerWindow: number; windowMinutes: number; at: Date }): Promise<Omit<KnowledgePack, 'alertId'>> {
  const model = await deps.knowledge.get(workspaceId);
  const entry = model?.entries.get(intent) ?? null;
  const related = entry && model ? [...model.entries.values()].filter((e) => e.id !== entry.id && e.category === entry.category && e.language === entry.language) : [];
  const entries = (entry ? [entry, ...related] : []).slice(0, PACK_ENTRIES).map((e) => ({ id: e.id, question: e.question, answer: e.answer }));
  const examples = await factStore.examples(deps.db.sql, workspaceId, intent, since, PACK_EXAMPLES);
  return {
    intent,
    label: intentLabel(intent, model?.entries ?? null),
    count: figures.count,
    baselinePerWindow: figures.baselinePerWindow,
    windowMinutes: figures.windowMinutes,
    entries,
    suggestedReply: entry?.answer ?? null,
    examples,
    at: figures.at.toISOString(),
  };
}
