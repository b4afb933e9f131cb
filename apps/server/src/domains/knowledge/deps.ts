import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/index.ts';
import type { Ids } from '../../platform/ids.ts';
import type { LiveModels } from './liveModels.ts';

export type KnowledgeDeps = { db: Database; ids: Ids; clock: Clock; models: LiveModels };
