import type { Clock } from '../../platform/clock.ts';
import type { Database, Executor } from '../../platform/db/index.ts';
import type { Ids } from '../../platform/ids.ts';
import type { Jobs } from '../../platform/jobs/index.ts';

/** A queued conversation as routing sees it (read by the conversations domain, passed in by app.ts). */
export type QueuedItem = { conversationId: string; queuedAt: Date; vip: boolean; humanOnly: boolean; emotionLevel: number; language: string | null };

export type RoutingSettings = {
  /** Seconds an agent has to accept an offered conversation before it goes to the next one. */
  acceptSeconds: number;
  /** Average handle time used for the customer's wait estimate until there is history. */
  averageHandleSeconds: number;
};
export const defaultRoutingSettings: RoutingSettings = { acceptSeconds: 30, averageHandleSeconds: 300 };

export type RoutingDeps = {
  db: Database;
  ids: Ids;
  clock: Clock;
  jobs: () => Jobs;
  /** Open conversations per assignee. */
  activeCounts(db: Executor, workspaceId: string): Promise<Map<string, number>>;
  /** The workspace's queue, oldest first. */
  queue(db: Executor, workspaceId: string): Promise<QueuedItem[]>;
  settings(workspaceId: string): Promise<RoutingSettings>;
};
