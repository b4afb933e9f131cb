import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/index.ts';
import {
  figures, firstBotResponseMsSql, firstHumanResponseMsSql, firstResponseMsSql, handleMsSql, outcomeSql, SATISFIED_CSAT, waitMsSql,
  type Figures, type Tallies, type Window,
} from '../definitions.ts';
import { cohortSql, type Cohort } from '../store.ts';

type TallyRow = {
  conversations: number; ended: number; bot: number; human: number; abandoned: number; handed_off: number; assigned: number; first_contact: number;
  fr_sum: number | null; fr_n: number; frb_sum: number | null; frb_n: number; frh_sum: number | null; frh_n: number; wait_sum: number | null; wait_n: number;
  handle_sum: number | null; handle_n: number; csat_sum: number | null; csat_n: number; csat_ok: number; rated: number | null; helpful: number | null;
  emotion: number | null; negative: number | null; triggers: Record<string, number> | null;
};

const tallyColumns = sql`count(*)::int as conversations,
      count(outcome)::int as ended,
      count(*) filter (where outcome = 'bot')::int as bot,
      count(*) filter (where outcome = 'human')::int as human,
      count(*) filter (where outcome = 'abandoned')::int as abandoned,
      count(handed_off_at)::int as handed_off,
      count(assigned_at)::int as assigned,
      count(*) filter (where outcome in ('bot', 'human') and reopened = 0)::int as first_contact,
      sum(fr)::float8 as fr_sum, count(fr)::int as fr_n,
      sum(frb)::float8 as frb_sum, count(frb)::int as frb_n,
      sum(frh)::float8 as frh_sum, count(frh)::int as frh_n,
      sum(wait)::float8 as wait_sum, count(wait)::int as wait_n,
      sum(handle) filter (where outcome = 'human')::float8 as handle_sum, count(handle) filter (where outcome = 'human')::int as handle_n,
      sum(csat)::float8 as csat_sum, count(csat)::int as csat_n, count(*) filter (where csat >= ${SATISFIED_CSAT})::int as csat_ok,
      sum(answers_rated)::int as rated, sum(answers_helpful)::int as helpful,
      sum(emotion_messages)::int as emotion, sum(negative_messages)::int as negative`;

/** The cohort's rows with each conversation's outcome and times, as `c` (group: an expression over c to report by). */
function cohortRows(q: Cohort, w: Window, group: SQL = sql`'all'`): SQL {
  return sql`select c.*, ${group} as grp, ${outcomeSql(w)} as outcome, ${firstResponseMsSql} as fr, ${firstBotResponseMsSql} as frb, ${firstHumanResponseMsSql} as frh,
        ${waitMsSql} as wait, ${handleMsSql} as handle
      from analytics_conversations c where ${cohortSql(q)}`;
}

function talliesOf(r: TallyRow): Tallies {
  return {
    conversations: r.conversations, ended: r.ended, botResolved: r.bot, humanResolved: r.human, abandoned: r.abandoned, handedOff: r.handed_off, assigned: r.assigned,
    resolvedFirstContact: r.first_contact, handoffsByTrigger: r.triggers ?? {},
    firstResponseMs: { sum: r.fr_sum ?? 0, n: r.fr_n }, firstBotResponseMs: { sum: r.frb_sum ?? 0, n: r.frb_n }, firstHumanResponseMs: { sum: r.frh_sum ?? 0, n: r.frh_n },
    waitMs: { sum: r.wait_sum ?? 0, n: r.wait_n }, handleMs: { sum: r.handle_sum ?? 0, n: r.handle_n },
    csat: { sum: r.csat_sum ?? 0, n: r.csat_n }, csatSatisfied: r.csat_ok, answersRated: r.rated ?? 0, answersHelpful: r.helpful ?? 0,
    emotionMessages: r.emotion ?? 0, negativeMessages: r.negative ?? 0,
  };
}

/**
 * The tallies of a cohort in one statement over the per-conversation pre-aggregate (the same definitions
 * as `tally` in definitions.ts, which the tests hold it to).
 */
export async function tallyCohort(db: Executor, q: Cohort, w: Window): Promise<Tallies> {
  const result = await db.execute<TallyRow>(sql`
    with c as (${cohortRows(q, w)})
    select ${tallyColumns},
      (select jsonb_object_agg(trigger, n) from (select coalesce(handoff_trigger, 'unknown') as trigger, count(*)::int as n from c where handed_off_at is not null group by 1) x) as triggers
    from c`);
  return talliesOf(result.rows[0]!);
}

/** The same tallies per group (a period, an intent …), in the group's order. */
export async function tallyGroups(db: Executor, q: Cohort, w: Window, group: SQL): Promise<Array<{ group: string | number | null; tallies: Tallies }>> {
  const [rows, triggers] = await Promise.all([
    db.execute<TallyRow & { grp: string | number | null }>(sql`select grp, ${tallyColumns} from (${cohortRows(q, w, group)}) c group by grp order by grp`),
    db.execute<{ grp: string | number | null; trigger: string; n: number }>(sql`
      select grp, coalesce(handoff_trigger, 'unknown') as trigger, count(*)::int as n from (${cohortRows(q, w, group)}) c where handed_off_at is not null group by 1, 2`),
  ]);
  const byGroup = new Map<string, Record<string, number>>();
  for (const t of triggers.rows) {
    const key = String(t.grp);
    byGroup.set(key, { ...byGroup.get(key), [t.trigger]: t.n });
  }
  return rows.rows.map((r) => ({ group: r.grp, tallies: talliesOf({ ...r, triggers: byGroup.get(String(r.grp)) ?? {} }) }));
}

export async function summarize(db: Executor, q: Cohort, w: Window): Promise<Figures> {
  return figures(await tallyCohort(db, q, w));
}
