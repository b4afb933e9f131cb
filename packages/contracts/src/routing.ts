import { z } from 'zod';

export const PresenceStatus = z.enum(['online', 'away', 'offline']);
export type PresenceStatus = z.infer<typeof PresenceStatus>;

export const SetPresenceRequest = z.object({ status: PresenceStatus });

const SkillName = z.string().trim().min(1).max(40);
export const AgentView = z.object({
  userId: z.string().uuid(),
  name: z.string(),
  email: z.string(),
  role: z.enum(['admin', 'supervisor', 'agent']),
  status: PresenceStatus,
  statusChangedAt: z.string().datetime().nullable(),
  capacity: z.number().int(),
  activeConversations: z.number().int(),
  skills: z.record(z.string(), z.number().int().min(1).max(5)).describe('skill → level 1..5'),
  languages: z.array(z.string()),
  teamIds: z.array(z.string().uuid()),
  lastAssignedAt: z.string().datetime().nullable(),
});
export type AgentView = z.infer<typeof AgentView>;
export const AgentResponse = z.object({ agent: AgentView });
export const AgentListResponse = z.object({ agents: z.array(AgentView) });

export const UpdateAgentRequest = z
  .object({
    capacity: z.number().int().min(0, 'must be 0 or more').max(50, 'must be at most 50').optional(),
    skills: z.record(SkillName, z.number().int().min(1, 'levels are 1..5').max(5, 'levels are 1..5')).optional(),
    languages: z.array(z.enum(['zh-CN', 'en-US'])).max(5).optional(),
    teamIds: z.array(z.string().uuid('must be team ids')).max(20).optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: 'give at least one of capacity, skills, languages, teamIds' });

export const TeamView = z.object({ id: z.string().uuid(), name: z.string(), createdAt: z.string().datetime() });
export const CreateTeamRequest = z.object({ name: z.string().trim().min(1, 'is required').max(60) });
export const TeamResponse = z.object({ team: TeamView });
export const TeamListResponse = z.object({ teams: z.array(TeamView) });

export const OfferView = z.object({ conversationId: z.string().uuid(), offeredAt: z.string().datetime(), expiresAt: z.string().datetime() });
export const OfferListResponse = z.object({ offers: z.array(OfferView) });

// Workspace routing settings (workspace settings `routing`): every field has a default, see defaultRoutingSettings on the server.
const hhmm = z.string().regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$|^24:00$/, 'must be HH:MM (00:00–24:00)');
const Interval = z
  .tuple([hhmm, hhmm])
  .refine(([from, to]) => from < to, { message: 'the end must be after the start' })
  .describe('[from, to) in the workspace time zone, e.g. ["09:00", "18:00"]');
const Day = z.array(Interval).max(6);
const IsoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD');
/** Whether this runtime knows the time zone (Intl); both the server and the console check with it. */
export const isTimeZone = (zone: string) => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};
export const BusinessHours = z.object({
  timezone: z.string().min(1).max(64).refine(isTimeZone, { message: 'must be an IANA time zone such as Asia/Shanghai' }),
  weekly: z
    .object({ '0': Day.optional(), '1': Day.optional(), '2': Day.optional(), '3': Day.optional(), '4': Day.optional(), '5': Day.optional(), '6': Day.optional() })
    .strict()
    .describe('day 0 = Sunday … 6 = Saturday → open intervals; a day left out is closed'),
  holidays: z.array(IsoDay).max(366).default([]).describe('closed all day (public holidays)'),
  extraWorkdays: z.array(IsoDay).max(366).default([]).describe('open all day despite the weekly schedule (make-up working days, 调休)'),
});
export type BusinessHours = z.infer<typeof BusinessHours>;

export const RoutingSettings = z.object({
  acceptSeconds: z.number().int().min(5, 'must be 5 or more').max(600, 'must be at most 600'),
  presenceGraceSeconds: z.number().int().min(0).max(3600).describe('an agent whose sockets all disconnect goes away after this long'),
  averageHandleSeconds: z.number().int().min(10).max(7200).describe('used for the wait estimate'),
  overflow: z.object({
    maxQueueLength: z.number().int().min(1).max(100_000),
    maxWaitSeconds: z.number().int().min(10).max(86_400),
  }),
  businessHours: BusinessHours,
  priorityWeights: z.object({
    vip: z.number().min(0).max(10_000),
    humanOnly: z.number().min(0).max(10_000),
    perEmotionLevel: z.number().min(0).max(10_000),
    perMinuteWaited: z.number().min(0).max(10_000),
  }),
});
export type RoutingSettingsView = z.infer<typeof RoutingSettings>;
/** PUT takes any of the top-level fields; each one given replaces the stored one whole. */
export const UpdateRoutingSettingsRequest = RoutingSettings.partial().refine((v) => Object.keys(v).length > 0, { message: 'give at least one setting' });
export const RoutingSettingsResponse = z.object({ settings: RoutingSettings });

// Transfer, supervision and leave-a-message.
export const TransferRequest = z
  .object({
    toAgentId: z.string().uuid('must be a user id').optional(),
    toTeamId: z.string().uuid('must be a team id').optional(),
    note: z.string().trim().min(1, 'must not be empty').max(2000).optional().describe('kept as a private note for colleagues'),
  })
  .refine((v) => (v.toAgentId === undefined) !== (v.toTeamId === undefined), { message: 'give exactly one of toAgentId or toTeamId', path: ['toAgentId'] });
export const ReassignRequest = z.object({ agentId: z.string().uuid('must be a user id') });
export const WhisperRequest = z.object({ text: z.string().trim().min(1, 'must not be empty').max(4000) });

export const OverflowReason = z.enum(['after_hours', 'nobody_online', 'queue_length', 'wait']);
export type OverflowReasonView = z.infer<typeof OverflowReason>;
/** Pushed to the customer's room as `conversation.overflow` when waiting is not a good idea. */
export const OverflowNotice = z.object({
  conversationId: z.string().uuid(),
  reason: OverflowReason,
  actions: z.array(z.enum(['leave_message', 'callback'])),
});

export const LeaveMessageRequest = z
  .object({
    text: z.string().trim().min(1, 'must not be empty').max(4000, 'must be at most 4000 characters'),
    contact: z
      .object({
        email: z.string().trim().toLowerCase().email('must be an email address').max(254).optional(),
        phone: z.string().trim().regex(/^\+?[0-9][0-9 -]{5,19}$/, 'must be a phone number').optional(),
      })
      .optional(),
    callbackAt: z.string().datetime({ offset: true, message: 'must be an ISO date-time, e.g. 2026-11-23T10:00:00+08:00' }).optional(),
  });
