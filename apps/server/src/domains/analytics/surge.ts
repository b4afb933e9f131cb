// Surge detection as a pure rule: is this intent's count in the current window far above its usual level?

export type SurgeRule = { minCount: number; ratio: number; windowMinutes: number; baselineHours: number };
export type SurgeObservation = { count: number; baselineCount: number };
export type SurgeVerdict = { surging: boolean; baselinePerWindow: number; factor: number | null; severity: 'warning' | 'critical' };

/**
 * The baseline is the average count per window over the previous `baselineHours` (the current window
 * excluded). A surge needs at least `minCount` in the window AND `ratio` times the baseline; a quiet
 * intent's baseline is floored at one per hour so a handful of first questions is not a surge by itself
 * unless it reaches `minCount`. Critical at twice the ratio.
 */
export function judgeSurge(o: SurgeObservation, rule: SurgeRule): SurgeVerdict {
  const windows = Math.max(1, (rule.baselineHours * 60) / rule.windowMinutes);
  const perWindow = o.baselineCount / windows;
  const floor = rule.windowMinutes / 60;
  const expected = Math.max(perWindow, floor);
  const factor = Math.round((o.count / expected) * 100) / 100;
  const surging = o.count >= rule.minCount && o.count >= rule.ratio * expected;
  return { surging, baselinePerWindow: Math.round(perWindow * 1000) / 1000, factor, severity: surging && o.count >= 2 * rule.ratio * expected ? 'critical' : 'warning' };
}
