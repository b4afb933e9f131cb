import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/index.ts';
import type { Ids } from '../../platform/ids.ts';
import type { LiveModels } from '../knowledge/index.ts';
import type { AnalyticsSettingsSource } from './settings.ts';

/** An agent's presence as analytics needs it; routing owns it (wired in app.ts). */
export type AgentPresence = { userId: string; status: 'online' | 'away' | 'offline'; capacity: number };

export type AnalyticsDeps = {
  db: Database;
  ids: Ids;
  clock: Clock;
  settings: AnalyticsSettingsSource;
  agents(workspaceId: string): Promise<AgentPresence[]>;
  /** The knowledge base in memory: labels for intents, entries for knowledge packs. */
  knowledge: LiveModels;
};
