import { z } from 'zod';
import { isTimeZone } from './routing.ts';

// Analytics: live figures, the summary of a date range, reports, alerts and surge knowledge packs.
// Definitions of every figure: docs/metrics.md (and apps/server/src/domains/analytics/definitions.ts).

const Rate = z.number().min(0).max(1).nullable().describe('a share 0..1; null when its denominator is 0');
const Average = z.number().nullable().describe('null when there is nothing to average');
const Counts = z.record(z.string(), z.number().int());

export const AlertKind = z.enum(['queue_length', 'longest_wait', 'surge']);
export type AlertKind = z.infer<typeof AlertKind>;

export const AlertView = z.object({
  id: z.string().uuid(),
  kind: AlertKind,
  severity: z.enum(['warning', 'critical']),
  subject: z.string().describe('what it is about: "queue" or the intent of a surge'),
  detail: z.record(z.string(), z.unknown()),
  raisedAt: z.string().datetime(),
  acknowledgedBy: z.string().uuid().nullable(),
  acknowledgedAt: z.string().datetime().nullable(),
});
export type AlertView = z.infer<typeof AlertView>;

export const IntentCount = z.object({ intent: z.string(), label: z.string(), count: z.number().int() });

export const LiveFigures = z.object({
  at: z.string().datetime(),
  activeConversations: z.number().int(),
  inBot: z.number().int(),
  queueLength: z.number().int(),
  withAgents: z.number().int(),
  pending: z.number().int(),
  longestWaitSeconds: z.number().int(),
  averageWaitSeconds: z.number().int(),
  agentsOnline: z.number().int(),
  agentsBusy: z.number().int(),
  agentsAway: z.number().int(),
  agentsOffline: z.number().int(),
  capacityTotal: z.number().int(),
  capacityUsed: Rate,
  conversationsToday: z.number().int(),
  botResolvedToday: z.number().int(),
  humanResolvedToday: z.number().int(),
  abandonedToday: z.number().int(),
  botResolutionRate: Rate,
  transferRate: Rate,
  handoffsByTrigger: Counts,
  avgWaitSecondsToday: Average,
  avgFirstBotResponseMs: Average,
  avgFirstHumanResponseMs: Average,
  avgHandleSeconds: Average,
  csatAverage: Average,
  csatResponses: z.number().int(),
  npsScore: z.number().int().min(-100).max(100).nullable().describe('today: % promoters − % detractors; null without answers'),
  npsResponses: z.number().int(),
  negativeEmotionShare: Rate,
  answersHelpfulRate: Rate,
  topIntentsLastHour: z.array(IntentCount),
  slaAtRisk: z.number().int(),
  openAlerts: z.array(AlertView),
  trend: z.array(z.object({ hour: z.string().datetime(), started: z.number().int(), handedOff: z.number().int(), resolved: z.number().int() })).describe('the last 24 hours, hourly'),
});
export type LiveFigures = z.infer<typeof LiveFigures>;

const Iso = z.string().trim().min(1, 'is required').refine((v) => !Number.isNaN(Date.parse(v)), 'must be a date or date-time (ISO 8601)');

const RangeFields = {
  from: Iso,
  to: Iso,
  channel: z.string().trim().min(1).max(40).optional(),
  team: z.string().uuid('must be a team id').optional(),
  agent: z.string().uuid('must be a user id').optional(),
  intent: z.string().trim().min(1).max(120).optional(),
  format: z.enum(['json', 'csv']).optional(),
};
function checkRange(v: { from: string; to: string }, ctx: z.RefinementCtx): void {
  const from = Date.parse(v.from);
  const to = Date.parse(v.to);
  if (Number.isNaN(from) || Number.isNaN(to)) return;
  if (to <= from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'must be after from' });
  if (to - from > 400 * 86_400_000) ctx.addIssue({ code: 'custom', path: ['to'], message: 'the range may span at most 400 days' });
}
/** A date range with the optional filters every report takes. */
export const AnalyticsRangeQuery = z.object(RangeFields).superRefine(checkRange);
export type AnalyticsRangeQuery = z.infer<typeof AnalyticsRangeQuery>;

export const AnalyticsSummary = z.object({
  from: z.string().datetime(),
  to: z.string().datetime(),
  conversations: z.number().int().describe('conversations started in the range'),
  ended: z.number().int(),
  botResolved: z.number().int(),
  humanResolved: z.number().int(),
  abandoned: z.number().int(),
  handedOff: z.number().int(),
  assigned: z.number().int(),
  botResolutionRate: Rate,
  transferRate: Rate,
  abandonmentRate: Rate,
  firstContactResolutionRate: Rate,
  handoffsByTrigger: Counts,
  avgFirstResponseMs: Average,
  avgFirstBotResponseMs: Average,
  avgFirstHumanResponseMs: Average,
  avgWaitSeconds: Average,
  avgHandleSeconds: Average,
  csatAverage: Average,
  csatResponses: z.number().int(),
  csatSatisfiedRate: Rate,
  npsScore: z.number().int().min(-100).max(100).nullable().describe('Net Promoter Score of the conversations whose customer answered: % promoters (9–10) − % detractors (0–6); null without answers'),
  npsResponses: z.number().int().describe('conversations of the range with a 0–10 recommendation answer'),
  npsPromoters: z.number().int().describe('answers of 9 or 10'),
  npsPassives: z.number().int().describe('answers of 7 or 8'),
  npsDetractors: z.number().int().describe('answers of 0 to 6'),
  answersRated: z.number().int(),
  answersHelpfulRate: Rate,
  negativeEmotionShare: Rate,
});
export type AnalyticsSummary = z.infer<typeof AnalyticsSummary>;

export const ReportName = z.enum(['volume', 'resolution', 'response_times', 'emotion', 'abandonment', 'intents', 'paths', 'heatmap', 'forecast', 'value', 'conversations']);
export type ReportName = z.infer<typeof ReportName>;
export const ReportParams = z.object({ report: ReportName });
export const ReportQuery = z
  .object({ ...RangeFields, interval: z.enum(['hour', 'day']).optional(), locale: z.enum(['zh-CN', 'en-US']).optional().describe('the language of the notes; else Accept-Language, else English') })
  .superRefine(checkRange);
export type ReportQuery = z.infer<typeof ReportQuery>;

const Cell = z.union([z.string(), z.number(), z.null()]);
/** Every report is a table (so every report has a CSV); `columns` gives the order. */
export const ReportResponse = z.object({
  report: ReportName,
  from: z.string().datetime(),
  to: z.string().datetime(),
  columns: z.array(z.string()),
  rows: z.array(z.record(z.string(), Cell)),
  notes: z.array(z.string()),
});
export type ReportResponse = z.infer<typeof ReportResponse>;

export const AlertListResponse = z.object({ alerts: z.array(AlertView) });
export const AlertListQuery = z.object({ open: z.enum(['true', 'false']).optional(), limit: z.coerce.number().int().min(1).max(200).optional() });
export const AlertResponse = z.object({ alert: AlertView });

/** Pushed to every console of the workspace when an intent surges (socket event `knowledge.pack`). */
export const KnowledgePack = z.object({
  alertId: z.string().uuid(),
  intent: z.string(),
  label: z.string(),
  count: z.number().int(),
  baselinePerWindow: z.number(),
  windowMinutes: z.number().int(),
  entries: z.array(z.object({ id: z.string(), question: z.string(), answer: z.string() })),
  suggestedReply: z.string().nullable(),
  examples: z.array(z.string()),
  at: z.string().datetime(),
});
export type KnowledgePack = z.infer<typeof KnowledgePack>;

/** Allowed ranges of the numeric analytics settings, shared by the server's validation and the console's inputs. */
export const analyticsSettingRanges = {
  idleMinutes: { min: 1, max: 1440, step: 1 },
  queueLengthAlert: { min: 1, max: 100_000, step: 1 },
  longestWaitAlertSeconds: { min: 1, max: 86_400, step: 1 },
  slaFirstResponseSeconds: { min: 1, max: 86_400, step: 1 },
  costPerBotConversation: { min: 0, max: 100_000, step: 0.01 },
  costPerHumanConversation: { min: 0, max: 100_000, step: 0.01 },
} as const;
export const surgeSettingRanges = {
  windowMinutes: { min: 1, max: 240, step: 1 },
  baselineHours: { min: 1, max: 24 * 14, step: 1 },
  minCount: { min: 1, max: 10_000, step: 1 },
  ratio: { min: 1, max: 100, step: 0.1 },
} as const;
export type AnalyticsRangedSetting = keyof typeof analyticsSettingRanges;
export type SurgeRangedSetting = keyof typeof surgeSettingRanges;

const within = ({ min, max, step }: { min: number; max: number; step: number }) => {
  const message = step === 1 ? `must be a whole number between ${min} and ${max}` : `must be a number between ${min} and ${max}`;
  const base = z.number({ error: message }).min(min, message).max(max, message);
  return step === 1 ? base.int(message) : base;
};
const TIME_ZONE = 'must be an IANA time zone such as Asia/Shanghai';

export const AnalyticsSettings = z.object({
  timezone: z
    .string({ error: TIME_ZONE })
    // A name, not an offset: PostgreSQL reads "+08:00" the POSIX way (8 hours *behind* UTC), the browser the other way.
    .refine((zone) => zone.length <= 60 && /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(zone) && isTimeZone(zone), TIME_ZONE)
    .describe('days and hours of reports and of "today" on the wall'),
  idleMinutes: within(analyticsSettingRanges.idleMinutes).describe('a conversation with the bot and no activity this long has ended'),
  queueLengthAlert: within(analyticsSettingRanges.queueLengthAlert).describe('alert when this many customers wait in the queue (critical at twice)'),
  longestWaitAlertSeconds: within(analyticsSettingRanges.longestWaitAlertSeconds).describe('alert when a customer has waited this long (critical at twice)'),
  slaFirstResponseSeconds: within(analyticsSettingRanges.slaFirstResponseSeconds).describe('target for a person\'s first reply after the handoff; at risk from 80% of it'),
  costPerBotConversation: within(analyticsSettingRanges.costPerBotConversation).describe('what every conversation costs in bot time'),
  costPerHumanConversation: within(analyticsSettingRanges.costPerHumanConversation).describe('what a conversation a person takes costs on top'),
  currency: z.string({ error: 'must be a three-letter currency code such as CNY' }).regex(/^[A-Z]{3}$/, 'must be a three-letter currency code such as CNY'),
  surge: z.object({
    windowMinutes: within(surgeSettingRanges.windowMinutes).describe('an intent is counted over this many minutes'),
    baselineHours: within(surgeSettingRanges.baselineHours).describe('its usual level: the mean per window over this many hours before'),
    minCount: within(surgeSettingRanges.minCount).describe('no surge with fewer questions than this in the window'),
    ratio: within(surgeSettingRanges.ratio).describe('a surge is at least this many times the usual level (critical at twice)'),
  }),
});
export type AnalyticsSettings = z.infer<typeof AnalyticsSettings>;
export const AnalyticsSettingsResponse = z.object({ settings: AnalyticsSettings });

/** PUT takes any of the fields (`surge` may be partial); the rest stay as they are. Unknown fields are refused, not ignored. */
export const UpdateAnalyticsSettingsRequest = AnalyticsSettings.partial()
  .extend({ surge: AnalyticsSettings.shape.surge.partial().strict().optional() })
  .strict()
  .refine((v) => Object.keys(v).length > 0, { message: 'give at least one setting' });
export type UpdateAnalyticsSettingsRequest = z.infer<typeof UpdateAnalyticsSettingsRequest>;
export const AnalyticsSettingsWithDefaults = z.object({
  settings: AnalyticsSettings,
  defaults: AnalyticsSettings.describe('what each setting is when the workspace has not changed it'),
});
export type AnalyticsSettingsWithDefaults = z.infer<typeof AnalyticsSettingsWithDefaults>;
