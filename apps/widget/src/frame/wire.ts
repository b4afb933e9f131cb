// What the frame accepts from the server (HTTP answers and socket events), parsed at the edge.
// Mirrors the customer-side surface (packages/contracts/src/public.ts) with zod/mini to stay small;
// unknown fields are ignored and unknown kinds render as plain text, so the server can grow.
import * as z from 'zod/mini';
import type * as contracts from '@lingxi/contracts';

const optionalText = z.optional(z.nullable(z.string()));
const optionalList = z.optional(z.nullable(z.array(z.string())));

/** A file on a message; `url` downloads it with the session token. */
export const WireAttachment = z.object({ id: z.string(), name: z.string(), contentType: z.string(), size: z.number(), url: z.string() });
export type WireAttachment = z.infer<typeof WireAttachment>;
export const AttachmentUploaded = z.object({ attachment: WireAttachment });

export const WireMessage = z.object({
  id: z.string(),
  conversationId: z.optional(z.string()),
  author: z.enum(['customer', 'bot', 'agent', 'system']),
  kind: z.string(),
  text: z.string(),
  createdAt: z.string(),
  clientMessageId: optionalText,
  knowledgeEntryId: optionalText,
  confidence: z.optional(z.nullable(z.number())),
  suggestions: optionalList,
  quickReplies: optionalList,
  attachments: z.optional(z.array(WireAttachment)),
});
export type WireMessage = z.infer<typeof WireMessage>;

export const WireReply = z.object({
  id: z.string(),
  text: z.string(),
  kind: z.string(),
  knowledgeEntryId: optionalText,
  confidence: z.optional(z.nullable(z.number())),
  suggestions: optionalList,
  quickReplies: optionalList,
  createdAt: z.optional(z.string()),
});
export type WireReply = z.infer<typeof WireReply>;

export const ConversationStatus = z.enum(['bot', 'queued', 'assigned', 'resolved', 'closed', 'pending']);
export type ConversationStatus = z.infer<typeof ConversationStatus>;

export const ConversationState = z.object({
  id: z.string(),
  status: ConversationStatus,
  queuePosition: z.optional(z.nullable(z.number())),
  estimatedWaitSeconds: z.optional(z.nullable(z.number())),
});
export type ConversationState = z.infer<typeof ConversationState>;

export const SessionCreated = z.object({ sessionToken: z.string(), contactId: z.string(), conversationId: z.string() });
export type SessionCreated = z.infer<typeof SessionCreated>;

export const MessageSent = z.object({
  message: WireMessage,
  replies: z.array(WireReply),
  conversation: ConversationState,
});
export type MessageSent = z.infer<typeof MessageSent>;

export const HandoffResult = z.object({
  ...ConversationState.shape,
  replies: z.optional(z.array(WireReply)),
});

/** Socket `conversation.overflow`: waiting will not work well, so the customer may leave a message or book a callback. */
export const OverflowNotice = z.object({
  conversationId: z.string(),
  reason: z.string(),
  actions: z.array(z.string()),
});
export type OverflowNotice = z.infer<typeof OverflowNotice>;

export const MessageList = z.object({ messages: z.array(WireMessage) });

const localized = <T extends z.ZodMiniType>(value: T) => z.object({ 'zh-CN': value, 'en-US': value });

export const WidgetConfig = z.object({
  workspace: z.string(),
  name: z.string(),
  greeting: localized(z.string()),
  suggestedQuestions: localized(z.array(z.string())),
  preChatForm: z.object({ enabled: z.boolean(), fields: z.array(z.enum(['name', 'email', 'phone'])) }),
  theme: z.object({ primaryColor: z.string() }),
  attachments: z.optional(z.object({ maxBytes: z.number() })),
});
export type WidgetConfig = z.infer<typeof WidgetConfig>;

export const TypingEvent = z.object({ author: z.string(), typing: z.boolean() });

export const WireError = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    hint: z.optional(z.string()),
    problems: z.optional(z.array(z.object({ path: z.string(), message: z.string() }))),
  }),
});

export const OkBody = z.object({ ok: z.boolean() });

// The contracts' full zod would triple the frame's size, so the shapes are restated here with zod/mini
// and the compiler proves every answer the contracts allow is one this frame accepts.
type Accepts<Wide, Narrow extends Wide> = Narrow;
export type ContractChecks = [
  Accepts<WireMessage, contracts.MessageView>,
  Accepts<WireReply, contracts.ReplyView>,
  Accepts<ConversationState, contracts.ConversationState>,
  Accepts<MessageSent, contracts.SendMessageResponse>,
  Accepts<WidgetConfig, z.infer<typeof contracts.WidgetConfigResponse>>,
  Accepts<SessionCreated, z.infer<typeof contracts.SessionResponse>>,
  Accepts<z.infer<typeof HandoffResult>, z.infer<typeof contracts.HandoffResponse>>,
  Accepts<OverflowNotice, z.infer<typeof contracts.OverflowNotice>>,
  Accepts<z.infer<typeof AttachmentUploaded>, z.infer<typeof contracts.AttachmentUploadResponse>>,
];
