import { z } from 'zod';

// Customer feedback as the console hears it live.

/** Socket event `conversation.rated` (workspace room): a customer rated a finished conversation. */
export const ConversationRatedNotice = z.object({
  id: z.string().describe('the event id: clients drop a repeat'),
  conversationId: z.string().uuid(),
  score: z.number().int().min(1).max(5),
  comment: z.string().nullable(),
  assigneeId: z.string().uuid().nullable().describe('the agent who handled it, null when the bot did'),
  ratedAt: z.string().datetime(),
});
export type ConversationRatedNotice = z.infer<typeof ConversationRatedNotice>;

// Net Promoter Score: "How likely are you to recommend us to a friend?" 0–10, asked once per conversation.
export const NpsRequest = z.object({
  score: z.number({ error: 'must be a whole number from 0 to 10' }).int('must be a whole number from 0 to 10').min(0, 'must be a whole number from 0 to 10').max(10, 'must be a whole number from 0 to 10'),
  comment: z.string().trim().max(1000, 'must be at most 1000 characters').optional(),
});
export type NpsRequest = z.infer<typeof NpsRequest>;

const IsoTime = z.string().trim().min(1, 'is required').refine((v) => !Number.isNaN(Date.parse(v)), 'must be a date or date-time (ISO 8601)');
export const NpsSummaryQuery = z
  .object({ from: IsoTime, to: IsoTime })
  .refine((q) => Date.parse(q.from) < Date.parse(q.to), { message: 'must be after from', path: ['to'] });
export type NpsSummaryQuery = z.infer<typeof NpsSummaryQuery>;

export const NpsSummary = z.object({
  from: z.string().datetime(),
  to: z.string().datetime(),
  responses: z.number().int(),
  promoters: z.number().int().describe('scores 9–10'),
  passives: z.number().int().describe('scores 7–8'),
  detractors: z.number().int().describe('scores 0–6'),
  nps: z.number().int().nullable().describe('% promoters − % detractors, −100…100; null without responses'),
  recentComments: z.array(z.object({ conversationId: z.string().uuid(), score: z.number().int(), comment: z.string(), at: z.string().datetime() })).describe('the latest 20 answers with a comment'),
});
export type NpsSummary = z.infer<typeof NpsSummary>;
