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
