import { z } from 'zod';
import { AttachmentIds, AttachmentView, requireTextOrAttachments } from './attachments.ts';

// The customer-side surface: what the widget and app integrations send and receive.

export const ConversationStatus = z.enum(['bot', 'queued', 'assigned', 'resolved', 'closed', 'pending']);
export type ConversationStatus = z.infer<typeof ConversationStatus>;

export const MessageAuthor = z.enum(['customer', 'bot', 'agent', 'system']);
export const MessageKind = z.enum(['text', 'answer', 'clarify', 'flow', 'fallback', 'handoff', 'system', 'agent', 'note']);
export type MessageKind = z.infer<typeof MessageKind>;
export const ReplyKind = z.enum(['answer', 'clarify', 'flow', 'fallback', 'handoff', 'system', 'agent']);

export const Locale = z.enum(['zh-CN', 'en-US']);

export const MessageView = z.object({
  id: z.string().uuid(),
  conversationId: z.string().uuid(),
  author: MessageAuthor,
  kind: MessageKind,
  text: z.string(),
  createdAt: z.string().datetime(),
  clientMessageId: z.string().nullable().optional(),
  knowledgeEntryId: z.string().uuid().nullable().optional(),
  confidence: z.number().nullable().optional(),
  suggestions: z.array(z.string()).optional(),
  quickReplies: z.array(z.string()).optional(),
  attachments: z.array(AttachmentView).optional(),
});
export type MessageView = z.infer<typeof MessageView>;

export const ReplyView = z.object({
  id: z.string().uuid(),
  text: z.string(),
  kind: ReplyKind,
  knowledgeEntryId: z.string().uuid().nullable().optional(),
  confidence: z.number().nullable().optional(),
  suggestions: z.array(z.string()).optional(),
  quickReplies: z.array(z.string()).optional(),
});
export type ReplyView = z.infer<typeof ReplyView>;

export const ConversationState = z.object({
  id: z.string().uuid(),
  status: ConversationStatus,
  queuePosition: z.number().int().nullable(),
  estimatedWaitSeconds: z.number().int().nullable(),
});
export type ConversationState = z.infer<typeof ConversationState>;

const optionalText = (max: number) => z.string().trim().min(1, 'must not be empty').max(max).optional();

export const SessionRequest = z.object({
  workspace: z.string().trim().min(1).max(64).regex(/^[a-z0-9-]+$/, 'must be a workspace slug (a-z, 0-9, -)').optional(),
  name: optionalText(100),
  email: z.string().trim().toLowerCase().email('must be an email address').max(254).optional(),
  phone: z.string().trim().regex(/^\+?[0-9][0-9 -]{5,19}$/, 'must be a phone number').optional(),
  locale: Locale.optional(),
  channel: z.enum(['web', 'app', 'api']).optional(),
  resumeToken: z.string().startsWith('cs_', 'must be a session token from an earlier session').max(200).optional(),
});
export const SessionResponse = z.object({ sessionToken: z.string(), contactId: z.string().uuid(), conversationId: z.string().uuid() });

export const SendMessageRequest = requireTextOrAttachments(
  z.object({
    /** May be empty when the message carries attachments. */
    text: z.string().trim().max(4000, 'must be at most 4000 characters').default(''),
    clientMessageId: z.string().trim().min(1, 'is required').max(100).regex(/^[A-Za-z0-9._:-]+$/, 'may use letters, digits and . _ : -'),
    attachments: AttachmentIds.optional(),
  }),
);
export type SendMessageRequest = z.infer<typeof SendMessageRequest>;

export const SendMessageResponse = z.object({ message: MessageView, replies: z.array(ReplyView), conversation: ConversationState });
export type SendMessageResponse = z.infer<typeof SendMessageResponse>;

export const MessagesQuery = z.object({ after: z.string().uuid('must be a message id').optional() });
export const MessagesResponse = z.object({ messages: z.array(MessageView) });

export const HandoffResponse = ConversationState.extend({ replies: z.array(ReplyView) });
export const FeedbackRequest = z.object({ helpful: z.boolean() });
export const CsatRequest = z.object({ score: z.number().int().min(1, 'must be 1..5').max(5, 'must be 1..5'), comment: z.string().trim().max(2000).optional() });

export const WidgetConfigQuery = z.object({ workspace: z.string().trim().min(1).max(64).optional() });
export const WidgetConfigResponse = z.object({
  workspace: z.string(),
  name: z.string(),
  greeting: z.object({ 'zh-CN': z.string(), 'en-US': z.string() }),
  suggestedQuestions: z.object({ 'zh-CN': z.array(z.string()), 'en-US': z.array(z.string()) }),
  preChatForm: z.object({ enabled: z.boolean(), fields: z.array(z.enum(['name', 'email', 'phone'])) }),
  theme: z.object({ primaryColor: z.string() }),
  /** What the widget may attach: the server's size limit, so a file too large is refused before it is sent. */
  attachments: z.object({ maxBytes: z.number().int().positive() }).optional(),
});

// Socket events (client → server payloads; server → client use MessageView / ConversationState).
export const SocketTyping = z.object({ typing: z.boolean(), conversationId: z.string().uuid().optional() });
export const SocketResume = z.object({ after: z.string().uuid('must be a message id').nullable() });
export const TypingEvent = z.object({ conversationId: z.string().uuid(), author: z.enum(['agent', 'bot', 'customer']), typing: z.boolean() });
