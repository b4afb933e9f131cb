// When the queue cannot serve a customer well, offer to leave a message or book a callback instead.

export type BusinessHours = {
  /** IANA time zone, e.g. Asia/Shanghai. */
  timezone: string;
  /** Day (0 = Sunday … 6 = Saturday) → open intervals as "HH:MM" pairs; a day with none is closed. */
  weekly: Partial<Record<0 | 1 | 2 | 3 | 4 | 5 | 6, Array<[string, string]>>>;
  /** Closed all day (YYYY-MM-DD in the workspace's time zone), e.g. public holidays. */
  holidays: string[];
  /** Open all day despite the weekly schedule (e.g. a make-up working Saturday). */
  extraWorkdays?: string[];
};

export const alwaysOpen: BusinessHours = {
  timezone: 'Asia/Shanghai',
  weekly: { 0: [['00:00', '24:00']], 1: [['00:00', '24:00']], 2: [['00:00', '24:00']], 3: [['00:00', '24:00']], 4: [['00:00', '24:00']], 5: [['00:00', '24:00']], 6: [['00:00', '24:00']] },
  holidays: [],
};

const WEEKDAYS: Record<string, 0 | 1 | 2 | 3 | 4 | 5 | 6> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };

/** The wall-clock date, weekday and minute of the day in a time zone. */
export function localTime(at: Date, timezone: string): { date: string; weekday: 0 | 1 | 2 | 3 | 4 | 5 | 6; minute: number } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone: timezone, year: 'numeric', month: '2-digit', day: '2-digit', weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, weekday: WEEKDAYS[parts.weekday!]!, minute: Number(parts.hour) * 60 + Number(parts.minute) };
}

const toMinute = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return h! * 60 + m!;
};

export function isWithinBusinessHours(at: Date, hours: BusinessHours): boolean {
  const local = localTime(at, hours.timezone);
  if (hours.extraWorkdays?.includes(local.date)) return true;
  if (hours.holidays.includes(local.date)) return false;
  return (hours.weekly[local.weekday] ?? []).some(([from, to]) => local.minute >= toMinute(from) && local.minute < toMinute(to));
}

export type OverflowThresholds = { maxQueueLength: number; maxWaitSeconds: number };
export const defaultOverflowThresholds: OverflowThresholds = { maxQueueLength: 50, maxWaitSeconds: 600 };

export type OverflowReason = 'after_hours' | 'nobody_online' | 'queue_length' | 'wait';

/** Why a customer should be offered to leave a message instead of waiting, or null to let them queue. */
export function overflowReason(
  situation: { at: Date; queueLength: number; estimatedWaitSeconds: number; agentsOnline: number },
  hours: BusinessHours,
  thresholds: OverflowThresholds = defaultOverflowThresholds,
): OverflowReason | null {
  if (!isWithinBusinessHours(situation.at, hours)) return 'after_hours';
  if (situation.agentsOnline === 0) return 'nobody_online';
  if (situation.queueLength >= thresholds.maxQueueLength) return 'queue_length';
  if (situation.estimatedWaitSeconds >= thresholds.maxWaitSeconds) return 'wait';
  return null;
}

/**
 * Expected wait for the customer at a queue position (0 = next): the conversations ahead are served by
 * the free places now and then at the rate agents finish conversations.
 */
export function estimateWaitSeconds(position: number, agents: { online: number; freeSlots: number; totalCapacity: number }, averageHandleSeconds: number): number {
  if (position < agents.freeSlots) return 0;
  if (agents.online === 0 || agents.totalCapacity === 0) return Number.POSITIVE_INFINITY;
  const ahead = position - agents.freeSlots + 1;
  return Math.round((ahead * averageHandleSeconds) / agents.totalCapacity);
}
