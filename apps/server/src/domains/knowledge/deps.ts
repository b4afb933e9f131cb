import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/index.ts';
import type { Ids } from '../../platform/ids.ts';
import type { Jobs } from '../../platform/jobs/index.ts';
import type { KnowledgeModels } from './liveModels.ts';

/** `jobs` is there where background imports run (the app); the CLI and seeding import synchronously without it. */
export type KnowledgeDeps = { db: Database; ids: Ids; clock: Clock; models: KnowledgeModels; jobs?: () => Jobs };
