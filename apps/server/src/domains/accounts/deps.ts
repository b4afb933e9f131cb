import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/index.ts';
import type { Ids } from '../../platform/ids.ts';

export type AccountsDeps = { db: Database; ids: Ids; clock: Clock; sessionTtlHours: number };

/** Who did something, for the audit log. */
export type Actor = { userId: string | null; email: string | null; ip: string | null; userAgent: string | null };

export const systemActor: Actor = { userId: null, email: 'system', ip: null, userAgent: null };
