import type { Clock } from '../../platform/clock.ts';
import type { Database, Executor } from '../../platform/db/index.ts';
import type { Ids } from '../../platform/ids.ts';
import type { Jobs } from '../../platform/jobs/index.ts';
import { defaultPriorityWeights, type PriorityWeights } from './model.ts';
import { alwaysOpen, defaultOverflowThresholds, type BusinessHours, type OverflowThresholds } from './overflow.ts';

/** A queued conversation as routing sees it (read by the conversations domain, passed in by app.ts). */
export type QueuedItem = { conversationId: string; queuedAt: Date; vip: boolean; humanOnly: boolean; emotionLevel: number; language: string | null };

export type RoutingSettings = {
  /** Seconds an agent has to accept an offered conversation before it goes to the next one. */
  acceptSeconds: number;
  /** An agent whose sockets all disconnect goes away after this many seconds. */
  presenceGraceSeconds: number;
  /** Average handle time used for the customer's wait estimate until there is history. */
  averageHandleSeconds: number;
  overflow: OverflowThresholds;
  businessHours: BusinessHours;
  priorityWeights: PriorityWeights;
};
export const defaultRoutingSettings: RoutingSettings = {
  acceptSeconds: 30,
  presenceGraceSeconds: 60,
  averageHandleSeconds: 300,
  overflow: defaultOverflowThresholds,
  businessHours: alwaysOpen,
  priorityWeights: defaultPriorityWeights,
};

export type RoutingDeps = {
  db: Database;
  ids: Ids;
  clock: Clock;
  jobs: () => Jobs;
  /** Open conversations per assignee. */
  activeCounts(db: Executor, workspaceId: string): Promise<Map<string, number>>;
  /** The workspace's queue, oldest first. */
  queue(db: Executor, workspaceId: string): Promise<QueuedItem[]>;
  /** The workspace's settings; pass the open transaction when there is one (PGlite has one connection). */
  settings(workspaceId: string, db?: Executor): Promise<RoutingSettings>;
  /** Whether the user has a live socket on any node (Socket.IO fetchSockets through the adapter). */
  hasLiveSockets(userId: string): Promise<boolean>;
};
