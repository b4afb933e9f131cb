import { sql } from 'drizzle-orm';
import type { Clock } from '../../../platform/clock.ts';
import type { Tx } from '../../../platform/db/index.ts';

const KEEP_ENDED_SESSIONS_DAYS = 30;

/** Retention: login sessions that ended (expired or revoked) over 30 days ago are deleted. */
export async function purgeEndedSessions(tx: Tx, deps: { clock: Clock }): Promise<number> {
  const cutoff = new Date(deps.clock.now().getTime() - KEEP_ENDED_SESSIONS_DAYS * 86_400_000).toISOString();
  const result = await tx.execute(sql`delete from auth_sessions
    where expires_at < ${cutoff}::timestamptz or revoked_at < ${cutoff}::timestamptz`);
  return result.rowCount ?? 0;
}
