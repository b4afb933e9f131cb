import { z } from 'zod';

// AI assist for agents (suggested replies, knowledge cards, soothing scripts) and canned responses.

export const AssistSuggestion = z.object({
  entryId: z.string().uuid(),
  question: z.string(),
  text: z.string().describe('the answer, ready to send or edit'),
  confidence: z.number(),
});
export const KnowledgeCard = z.object({ entryId: z.string().uuid(), question: z.string(), excerpt: z.string(), category: z.string().nullable() });
export const SoothingSuggestion = z.object({
  emotionLevel: z.number().int(),
  category: z.string(),
  script: z.string(),
  compensation: z.object({ text: z.string(), maxCouponYuan: z.number(), allowExpressRefund: z.boolean() }),
});
export const AssistResponse = z.object({
  messageId: z.string().uuid().nullable().describe('the customer message the suggestions are for'),
  text: z.string().nullable(),
  language: z.enum(['zh', 'en']),
  emotion: z.object({ level: z.number().int(), category: z.string() }).nullable(),
  suggestions: z.array(AssistSuggestion),
  cards: z.array(KnowledgeCard),
  soothing: SoothingSuggestion.nullable(),
});
export type AssistResponse = z.infer<typeof AssistResponse>;

export const AssistSettings = z.object({
  maxCouponYuan: z.number().min(0).max(100_000).describe('the largest coupon an agent may offer on their own'),
  allowExpressRefund: z.boolean().describe('agents may refund at once without a return'),
});
export type AssistSettings = z.infer<typeof AssistSettings>;
export const UpdateAssistSettingsRequest = AssistSettings.partial().refine((v) => Object.keys(v).length > 0, { message: 'give at least one setting' });
export const AssistSettingsResponse = z.object({ settings: AssistSettings });

const cannedText = z.string().trim().min(1, 'must not be empty').max(4000);
export const CannedResponseView = z.object({
  id: z.string().uuid(),
  shortcut: z.string(),
  title: z.string(),
  text: z.object({ 'zh-CN': z.string().nullable(), 'en-US': z.string().nullable() }),
  variables: z.array(z.string()).describe('the {{variables}} the texts use'),
  createdAt: z.string().datetime(),
  updatedAt: z.string().datetime(),
});
export const CannedResponseRequest = z
  .object({
    shortcut: z.string().trim().min(1, 'is required').max(32).regex(/^[\p{L}\p{N}_-]+$/u, 'may use letters, digits, _ and - (typed after /)'),
    title: z.string().trim().min(1, 'is required').max(100),
    text: z.object({ 'zh-CN': cannedText.optional(), 'en-US': cannedText.optional() }).refine((t) => t['zh-CN'] !== undefined || t['en-US'] !== undefined, { message: 'give the text in at least one language' }),
  });
export const CannedResponseResponse = z.object({ cannedResponse: CannedResponseView });
export const CannedResponseListQuery = z.object({ q: z.string().trim().max(100).optional().describe('matches shortcut or title') });
export const CannedResponseListResponse = z.object({ cannedResponses: z.array(CannedResponseView) });
export const RenderCannedRequest = z.object({ conversationId: z.string().uuid('must be a conversation id'), locale: z.enum(['zh-CN', 'en-US']).optional() });
export const RenderCannedResponse = z.object({
  text: z.string(),
  locale: z.enum(['zh-CN', 'en-US']),
  missing: z.array(z.string()).describe('variables with no value here; left as written'),
});
