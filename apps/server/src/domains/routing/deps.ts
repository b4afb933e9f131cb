import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/index.ts';
import type { Ids } from '../../platform/ids.ts';

export type RoutingDeps = {
  db: Database;
  ids: Ids;
  clock: Clock;
  /** Open conversations per assignee, from the conversations domain (wired in app.ts). */
  activeCounts(workspaceId: string): Promise<Map<string, number>>;
};
