import { z } from 'zod';

// The agent inbox: resolving with a disposition and tags, tags on open conversations, @mentions in notes.

/** A tag as agents type it: trimmed, 1–32 characters, no commas (the list query splits on them). */
export const ConversationTag = z.string().trim().min(1, 'must not be empty').max(32).regex(/^[^,]*$/, 'must not contain a comma');
export const ConversationTags = z.array(ConversationTag).max(20);

/** A workspace's outcome of a conversation (e.g. `refund`), with its zh-CN and en-US labels. */
export const Disposition = z.object({
  key: z.string().regex(/^[a-z][a-z0-9_]{0,31}$/, 'must be lowercase letters, digits or _ (up to 32)'),
  label: z.object({ 'zh-CN': z.string().trim().min(1).max(40), 'en-US': z.string().trim().min(1).max(40) }),
});
export type Disposition = z.infer<typeof Disposition>;
export const DispositionListResponse = z.object({ dispositions: z.array(Disposition) });
export const DispositionSettingsRequest = z.object({ dispositions: z.array(Disposition).min(1).max(50) });

/** POST /conversations/:id/resolve: every field optional (no body at all still resolves). */
export const ResolveRequest = z.object({
  disposition: z.string().max(32).optional(),
  tags: ConversationTags.optional(),
  note: z.string().trim().max(4000).optional(),
});
export const ConversationTagsRequest = z.object({ tags: ConversationTags });
export const TagListResponse = z.object({ tags: z.array(z.object({ tag: z.string(), conversations: z.number().int() })) });

/** A colleague who can be @mentioned in a private note. */
export const MentionablePerson = z.object({ id: z.string().uuid(), name: z.string(), email: z.string() });
export const MentionablePeopleResponse = z.object({ people: z.array(MentionablePerson) });

export const MentionView = z.object({
  id: z.string().uuid(),
  conversationId: z.string().uuid(),
  messageId: z.string().uuid(),
  authorId: z.string().uuid().nullable(),
  authorName: z.string().nullable(),
  excerpt: z.string(),
  createdAt: z.string().datetime(),
  readAt: z.string().datetime().nullable(),
});
export type MentionView = z.infer<typeof MentionView>;
export const MentionListQuery = z.object({
  unread: z.enum(['true', 'false'], { error: 'must be true or false' }).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const MentionListResponse = z.object({ mentions: z.array(MentionView), unread: z.number().int() });
export const MentionReadRequest = z.object({ ids: z.array(z.string().uuid()).max(200).optional(), all: z.boolean().optional() });
export const MentionReadResponse = z.object({ unread: z.number().int() });
