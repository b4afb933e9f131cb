import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../platform/db/index.ts';
import { routingOffers } from './schema.ts';

export type Offer = typeof routingOffers.$inferSelect;

export const offerStore = {
  async list(db: Executor, workspaceId: string): Promise<Offer[]> {
    return db.select().from(routingOffers).where(eq(routingOffers.workspaceId, workspaceId));
  },
  async byConversation(db: Executor, workspaceId: string, conversationId: string): Promise<Offer | undefined> {
    return (await db.select().from(routingOffers).where(and(eq(routingOffers.workspaceId, workspaceId), eq(routingOffers.conversationId, conversationId))).limit(1))[0];
  },
  async offer(db: Executor, row: { workspaceId: string; conversationId: string; agentId: string; offeredAt: Date; expiresAt: Date }): Promise<void> {
    await db
      .insert(routingOffers)
      .values({ ...row, declinedBy: [] })
      .onConflictDoUpdate({ target: routingOffers.conversationId, set: { agentId: row.agentId, offeredAt: row.offeredAt, expiresAt: row.expiresAt } });
  },
  /** The offer lapsed: the agent is remembered so the next round offers it to someone else. */
  async lapse(db: Executor, workspaceId: string, conversationId: string, agentId: string, declinedBy: string[]): Promise<void> {
    await db
      .update(routingOffers)
      .set({ agentId: null, offeredAt: null, expiresAt: null, declinedBy: [...new Set([...declinedBy, agentId])] })
      .where(and(eq(routingOffers.workspaceId, workspaceId), eq(routingOffers.conversationId, conversationId), eq(routingOffers.agentId, agentId)));
  },
  /**
   * A transfer: offered straight to one agent (until it expires), or back to the queue for one team's members;
   * the agent who passed it on is not offered it again.
   */
  async target(db: Executor, row: { workspaceId: string; conversationId: string; agentId: string | null; teamId: string | null; offeredAt: Date | null; expiresAt: Date | null; declinedBy: string[] }): Promise<void> {
    await db
      .insert(routingOffers)
      .values(row)
      .onConflictDoUpdate({ target: routingOffers.conversationId, set: { agentId: row.agentId, teamId: row.teamId, offeredAt: row.offeredAt, expiresAt: row.expiresAt, declinedBy: row.declinedBy } });
  },
  async remove(db: Executor, workspaceId: string, conversationIds: string[]): Promise<void> {
    if (conversationIds.length === 0) return;
    await db.delete(routingOffers).where(and(eq(routingOffers.workspaceId, workspaceId), inArray(routingOffers.conversationId, conversationIds)));
  },
};
