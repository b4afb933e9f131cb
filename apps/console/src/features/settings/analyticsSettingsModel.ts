import type { AnalyticsSettings, UpdateAnalyticsSettingsRequest } from '@lingxi/contracts';

// Pure rules of the reports & alerts settings screen: what to send, which zones and currencies to offer.

const SCALARS = ['timezone', 'idleMinutes', 'queueLengthAlert', 'longestWaitAlertSeconds', 'slaFirstResponseSeconds', 'costPerBotConversation', 'costPerHumanConversation', 'currency'] as const;
const SURGE = ['windowMinutes', 'baselineHours', 'minCount', 'ratio'] as const;
/** Form fields a server problem can be shown under (`body.surge.ratio` goes under surge → ratio). */
export const ANALYTICS_FIELDS = [...SCALARS, 'surge'] as const;

/** Only what differs from the saved settings (surge fields one by one), so two people editing different fields do not undo each other. */
export function changesBetween(saved: AnalyticsSettings, form: Partial<AnalyticsSettings>): UpdateAnalyticsSettingsRequest {
  const change: Record<string, unknown> = {};
  for (const key of SCALARS) {
    const value = typeof form[key] === 'string' ? (form[key] as string).trim() : form[key];
    if (value !== undefined && value !== null && value !== saved[key]) change[key] = value;
  }
  const surge: Record<string, number> = {};
  for (const key of SURGE) {
    const value = form.surge?.[key];
    if (value !== undefined && value !== null && value !== saved.surge[key]) surge[key] = value;
  }
  if (Object.keys(surge).length) change.surge = surge;
  return change as UpdateAnalyticsSettingsRequest;
}

export function sameSettings(a: AnalyticsSettings, b: AnalyticsSettings): boolean {
  return Object.keys(changesBetween(a, b)).length === 0;
}

const COMMON_ZONES = ['Asia/Shanghai', 'Asia/Hong_Kong', 'Asia/Taipei', 'Asia/Singapore', 'Asia/Tokyo', 'Asia/Seoul', 'UTC', 'Europe/London', 'Europe/Berlin', 'America/New_York', 'America/Los_Angeles'];

/** The zones to offer: the common ones first, then every zone the browser knows; the saved one always among them. */
export function zoneChoices(current: string, known: readonly string[] = supportedZones()): string[] {
  const rest = known.filter((z) => !COMMON_ZONES.includes(z));
  const all = [...COMMON_ZONES, ...rest];
  return all.includes(current) ? all : [current, ...all];
}

function supportedZones(): string[] {
  const intl = Intl as unknown as { supportedValuesOf?: (key: string) => string[] };
  try {
    return intl.supportedValuesOf?.('timeZone') ?? [];
  } catch {
    return [];
  }
}

export const CURRENCIES = ['CNY', 'USD', 'EUR', 'HKD', 'TWD', 'JPY', 'SGD', 'GBP'] as const;
