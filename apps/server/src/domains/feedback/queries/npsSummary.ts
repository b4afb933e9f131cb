import type { NpsSummary } from '@lingxi/contracts';
import type { Executor } from '../../../platform/db/index.ts';
import { netPromoterScore } from '../model.ts';
import { npsStore } from '../store.ts';

const RECENT_COMMENTS = 20;

/** NPS over [from, to): the three groups, the score, and what the latest customers said. */
export async function npsSummary(db: Executor, input: { workspaceId: string; from: Date; to: Date }): Promise<NpsSummary> {
  const [counts, recent] = await Promise.all([npsStore.counts(db, input.workspaceId, input.from, input.to), npsStore.recentComments(db, input.workspaceId, input.from, input.to, RECENT_COMMENTS)]);
  return {
    from: input.from.toISOString(),
    to: input.to.toISOString(),
    responses: counts.promoters + counts.passives + counts.detractors,
    ...counts,
    nps: netPromoterScore(counts),
    recentComments: recent.map((r) => ({ conversationId: r.conversationId, score: r.score, comment: r.comment ?? '', at: r.createdAt.toISOString() })),
  };
}
