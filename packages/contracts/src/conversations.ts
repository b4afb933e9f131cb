import { z } from 'zod';
import { AttachmentIds, AttachmentView, requireTextOrAttachments } from './attachments.ts';
import { ConversationStatus, MessageView } from './public.ts';
import { ConversationTag } from './inbox.ts';

// The inbox shapes (dispositions, tags, mentions) live beside; exported from here with the conversation views.
export * from './inbox.ts';

// The agent side of conversations and contacts.

export const HandoffTrigger = z.enum(['explicit', 'repeat', 'emotion', 'low_confidence', 'human_only']);
export type HandoffTrigger = z.infer<typeof HandoffTrigger>;

export const ContactView = z.object({
  id: z.string().uuid(),
  name: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  locale: z.string().nullable(),
  attributes: z.record(z.string(), z.unknown()),
  vip: z.boolean(),
  humanOnly: z.boolean(),
  identities: z.array(z.object({ channel: z.string(), externalId: z.string() })),
  createdAt: z.string().datetime(),
});
export type ContactView = z.infer<typeof ContactView>;

export const UpdateContactRequest = z.object({
  name: z.string().trim().min(1).max(100).optional(),
  email: z.string().trim().toLowerCase().email('must be an email address').max(254).optional(),
  phone: z.string().trim().regex(/^\+?[0-9][0-9 -]{5,19}$/, 'must be a phone number').optional(),
  locale: z.enum(['zh-CN', 'en-US']).optional(),
  attributes: z.record(z.string(), z.unknown()).optional(),
  vip: z.boolean().optional(),
  humanOnly: z.boolean().optional(),
});

/** What an agent gets when a conversation is handed over: enough to help without re-asking. */
export const HandoffPackage = z.object({
  trigger: HandoffTrigger,
  summary: z.string(),
  intents: z.array(z.object({ entryId: z.string().nullable(), question: z.string().nullable(), confidence: z.number(), text: z.string() })),
  entities: z.array(z.object({ type: z.string(), value: z.string() })),
  emotionTrajectory: z.array(z.number().int()),
  botAnswers: z.array(z.object({ messageId: z.string(), entryId: z.string().nullable(), question: z.string().nullable(), helpful: z.boolean().nullable() })),
  botHelped: z.boolean().nullable(),
  contact: ContactView,
  pastConversations: z.number().int(),
  /** The files the customer sent before the handoff, oldest first (packages stored before this field read as none). */
  attachments: z.array(AttachmentView).default([]),
  at: z.string().datetime(),
});
export type HandoffPackage = z.infer<typeof HandoffPackage>;

export const ConversationView = z.object({
  id: z.string().uuid(),
  contactId: z.string().uuid(),
  contactName: z.string().nullable(),
  status: ConversationStatus,
  channel: z.string(),
  locale: z.string().nullable(),
  assigneeId: z.string().uuid().nullable(),
  handoffTrigger: HandoffTrigger.nullable(),
  queuePosition: z.number().int().nullable(),
  queuedAt: z.string().datetime().nullable(),
  lastMessageAt: z.string().datetime().nullable(),
  createdAt: z.string().datetime(),
  /** How an agent closed it (a key of the workspace's dispositions) and its tags. */
  disposition: z.string().nullable().default(null),
  tags: z.array(z.string()).default([]),
});
export type ConversationView = z.infer<typeof ConversationView>;

export const AgentMessageView = MessageView.extend({ private: z.boolean(), authorId: z.string().uuid().nullable(), mentions: z.array(z.string().uuid()).optional() });

export const ConversationDetailResponse = z.object({
  conversation: ConversationView,
  contact: ContactView,
  messages: z.array(AgentMessageView),
  handoff: HandoffPackage.nullable(),
  csat: z.object({ score: z.number().int(), comment: z.string().nullable() }).nullable(),
});
export const ConversationListQuery = z.object({
  status: ConversationStatus.optional(),
  assignee: z.union([z.literal('me'), z.literal('none'), z.string().uuid()], { error: 'must be me, none or a user id' }).optional(),
  /** mine: assigned to me; unassigned: waiting for a person; team: assigned to or waiting for my teams; all. */
  view: z.enum(['mine', 'unassigned', 'team', 'all']).optional(),
  channel: z.enum(['web', 'app', 'api']).optional(),
  tag: ConversationTag.optional(),
  /** One level 1–5 is a minimum (`4`: anxious or angry); a comma list is a set (`2,3`). The peak level the bot read. */
  emotion: z.string().regex(/^[1-5](,[1-5])*$/, 'must be a level 1–5 (a minimum) or a comma list of levels').optional(),
  /** Contact name, email or phone, or message text (case-insensitive substring). */
  q: z.string().trim().min(1, 'must not be empty').max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const ConversationListResponse = z.object({ conversations: z.array(ConversationView) });
export const ConversationResponse = z.object({ conversation: ConversationView });
export const AgentMessageRequest = requireTextOrAttachments(
  z.object({ text: z.string().trim().max(4000).default(''), private: z.boolean().optional(), attachments: AttachmentIds.optional() }),
);
export const AgentMessageResponse = z.object({ message: AgentMessageView });
export const ContactResponse = z.object({ contact: ContactView });
