import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/index.ts';
import type { Ids } from '../../platform/ids.ts';

export type ContactsDeps = { db: Database; ids: Ids; clock: Clock };
