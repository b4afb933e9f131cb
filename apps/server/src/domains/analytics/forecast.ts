// A 7-day hourly volume forecast for staffing: seasonal average by weekday and hour, scaled by the recent trend.

export type HourlyCount = { hour: Date; count: number };
export type ForecastPoint = { hour: Date; expected: number; basis: number };

const HOUR = 3_600_000;
const WEEK_HOURS = 168;

/**
 * For each of the next `hours` hours: the mean volume of the same weekday-hour over the last `weeks` weeks
 * of history (hours with no conversations count as 0), times a trend factor = last 7 days ÷ the 7 days before,
 * clamped to 0.5..2 (1 when the earlier week is empty).
 */
export function forecastVolume(history: readonly HourlyCount[], input: { from: Date; hours: number; weeks: number }): { points: ForecastPoint[]; trend: number } {
  const start = Math.floor(input.from.getTime() / HOUR) * HOUR;
  const counts = new Map(history.map((h) => [Math.floor(h.hour.getTime() / HOUR) * HOUR, h.count]));
  const sumRange = (fromMs: number, hours: number) => {
    let s = 0;
    for (let i = 0; i < hours; i++) s += counts.get(fromMs + i * HOUR) ?? 0;
    return s;
  };
  const lastWeek = sumRange(start - WEEK_HOURS * HOUR, WEEK_HOURS);
  const weekBefore = sumRange(start - 2 * WEEK_HOURS * HOUR, WEEK_HOURS);
  const trend = weekBefore > 0 ? Math.min(2, Math.max(0.5, lastWeek / weekBefore)) : 1;
  const points: ForecastPoint[] = [];
  for (let i = 0; i < input.hours; i++) {
    const at = start + i * HOUR;
    let sum = 0;
    for (let w = 1; w <= input.weeks; w++) sum += counts.get(at - w * WEEK_HOURS * HOUR) ?? 0;
    const basis = sum / input.weeks;
    points.push({ hour: new Date(at), expected: Math.round(basis * trend * 100) / 100, basis: Math.round(basis * 100) / 100 });
  }
  return { points, trend: Math.round(trend * 1000) / 1000 };
}
