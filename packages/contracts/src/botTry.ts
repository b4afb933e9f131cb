import { z } from 'zod';

// "Try the bot": what the bot would answer to a text, and why, without starting a conversation.

export const BotTryRequest = z.object({
  text: z.string().trim().min(1, 'must not be empty').max(1000, 'must be at most 1000 characters'),
  locale: z.enum(['zh-CN', 'en-US']).optional(),
});
export const BotTryCandidate = z.object({ entryId: z.string().uuid(), question: z.string(), score: z.number() });
export const BotTryResponse = z.object({
  reply: z.object({
    text: z.string(),
    kind: z.enum(['answer', 'clarify', 'fallback', 'handoff']),
    knowledgeEntryId: z.string().uuid().nullable().optional(),
    confidence: z.number().nullable().optional(),
    suggestions: z.array(z.string()).optional(),
  }),
  intent: z.string().nullable().optional().describe('the chosen entry id, clarify, fallback or handoff:<trigger>'),
  confidence: z.number().nullable().optional(),
  why: z.string().nullable().optional().describe('why this reply, in words, in the asked locale'),
  language: z.enum(['zh', 'en']),
  emotion: z.object({ level: z.number().int(), category: z.string() }),
  candidates: z.array(BotTryCandidate).optional(),
  modelVersion: z.number().int().nullable(),
});
export type BotTryResponse = z.infer<typeof BotTryResponse>;
