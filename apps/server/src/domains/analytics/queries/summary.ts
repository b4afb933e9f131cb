import { sql, type SQL } from 'drizzle-orm';
import { HandoffTrigger } from '@lingxi/contracts';
import type { Executor } from '../../../platform/db/index.ts';
import {
  figures, NPS_DETRACTOR, NPS_PROMOTER, outcomeSql, SATISFIED_CSAT,
  type Figures, type Tallies, type Window,
} from '../definitions.ts';
import { cohortSql, type Cohort } from '../store.ts';

type TallyRow = {
  conversations: number; ended: number; bot: number; human: number; abandoned: number; handed_off: number; assigned: number; first_contact: number;
  fr_sum: number | null; fr_n: number; frb_sum: number | null; frb_n: number; frh_sum: number | null; frh_n: number; wait_sum: number | null; wait_n: number;
  handle_sum: number | null; handle_n: number; csat_sum: number | null; csat_n: number; csat_ok: number; nps_promoters: number; nps_passives: number; nps_detractors: number; rated: number | null; helpful: number | null;
  emotion: number | null; negative: number | null;
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
      count(*) filter (where nps >= ${NPS_PROMOTER})::int as nps_promoters, count(*) filter (where nps > ${NPS_DETRACTOR} and nps < ${NPS_PROMOTER})::int as nps_passives,
      count(*) filter (where nps <= ${NPS_DETRACTOR})::int as nps_detractors,
      sum(answers_rated)::int as rated, sum(answers_helpful)::int as helpful,
      sum(emotion_messages)::int as emotion, sum(negative_messages)::int as negative`;

/** Triggers counted in the same pass; any other trigger is counted by name in a second, rare query. */
const KNOWN_TRIGGERS = HandoffTrigger.options;
const triggerColumns = sql.join(
  [...KNOWN_TRIGGERS.map((t) => sql`count(*) filter (where handed_off_at is not null and handoff_trigger = ${t})::int as ${sql.identifier(`t_${t}`)}`),
    sql`count(*) filter (where handed_off_at is not null and (handoff_trigger is null or handoff_trigger <> all(${sql.raw(`array[${KNOWN_TRIGGERS.map((t) => `'${t}'`).join(',')}]`)})))::int as t_other`],
  sql`, `,
);

/**
 * The cohort's rows with each conversation's outcome and times, as `c` (group: an expression over c to report by).
 * A subquery, not a CTE: PostgreSQL inlines it, so one parallel scan computes everything.
 */
function cohortRows(q: Cohort, w: Window, group: SQL = sql`'all'`): SQL {
  return sql`select c.handed_off_at, c.handoff_trigger, c.assigned_at, c.reopened, c.csat, c.nps, c.answers_rated, c.answers_helpful, c.emotion_messages, c.negative_messages,
        ${group} as grp, ${outcomeSql(w)} as outcome, c.fr_ms as fr, c.frb_ms as frb, c.frh_ms as frh, c.wait_ms as wait, c.handle_ms as handle
      from analytics_conversations c where ${cohortSql(q)}`;
}

function talliesOf(r: TallyRow, triggers: Record<string, number>): Tallies {
  return {
    conversations: r.conversations, ended: r.ended, botResolved: r.bot, humanResolved: r.human, abandoned: r.abandoned, handedOff: r.handed_off, assigned: r.assigned,
    resolvedFirstContact: r.first_contact, handoffsByTrigger: triggers,
    firstResponseMs: { sum: r.fr_sum ?? 0, n: r.fr_n }, firstBotResponseMs: { sum: r.frb_sum ?? 0, n: r.frb_n }, firstHumanResponseMs: { sum: r.frh_sum ?? 0, n: r.frh_n },
    waitMs: { sum: r.wait_sum ?? 0, n: r.wait_n }, handleMs: { sum: r.handle_sum ?? 0, n: r.handle_n },
    csat: { sum: r.csat_sum ?? 0, n: r.csat_n }, csatSatisfied: r.csat_ok,
    npsPromoters: r.nps_promoters, npsPassives: r.nps_passives, npsDetractors: r.nps_detractors, answersRated: r.rated ?? 0, answersHelpful: r.helpful ?? 0,
    emotionMessages: r.emotion ?? 0, negativeMessages: r.negative ?? 0,
  };
}

type GroupRow = TallyRow & { grp: string | number | null } & Record<string, unknown>;

/** The same tallies per group (a period, an intent …), in the group's order; one pass over the cohort. */
export async function tallyGroups(db: Executor, q: Cohort, w: Window, group: SQL = sql`'all'`): Promise<Array<{ group: string | number | null; tallies: Tallies }>> {
  const rows = await db.execute<GroupRow>(sql`select grp, ${tallyColumns}, ${triggerColumns} from (${cohortRows(q, w, group)}) c group by grp order by grp`);
  const others = new Map<string, Record<string, number>>();
  if (rows.rows.some((r) => (r.t_other as number) > 0)) {
    const known = sql.raw(`array[${KNOWN_TRIGGERS.map((t) => `'${t}'`).join(',')}]`);
    const extra = await db.execute<{ grp: string | number | null; trigger: string; n: number }>(sql`
      select grp, coalesce(handoff_trigger, 'unknown') as trigger, count(*)::int as n from (${cohortRows(q, w, group)}) c
      where handed_off_at is not null and (handoff_trigger is null or handoff_trigger <> all(${known})) group by 1, 2`);
    for (const e of extra.rows) others.set(String(e.grp), { ...others.get(String(e.grp)), [e.trigger]: e.n });
  }
  return rows.rows.map((r) => {
    const triggers: Record<string, number> = { ...others.get(String(r.grp)) };
    for (const t of KNOWN_TRIGGERS) if ((r[`t_${t}`] as number) > 0) triggers[t] = r[`t_${t}`] as number;
    return { group: r.grp, tallies: talliesOf(r, triggers) };
  });
}

/** The tallies of a whole cohort (the same definitions as `tally` in definitions.ts, which the tests hold it to). */
export async function tallyCohort(db: Executor, q: Cohort, w: Window): Promise<Tallies> {
  const [all] = await tallyGroups(db, q, w);
  return all?.tallies ?? talliesOf({ conversations: 0, ended: 0, bot: 0, human: 0, abandoned: 0, handed_off: 0, assigned: 0, first_contact: 0, fr_sum: null, fr_n: 0, frb_sum: null, frb_n: 0, frh_sum: null, frh_n: 0, wait_sum: null, wait_n: 0, handle_sum: null, handle_n: 0, csat_sum: null, csat_n: 0, csat_ok: 0, nps_promoters: 0, nps_passives: 0, nps_detractors: 0, rated: null, helpful: null, emotion: null, negative: null }, {});
}

export async function summarize(db: Executor, q: Cohort, w: Window): Promise<Figures> {
  return figures(await tallyCohort(db, q, w));
}
