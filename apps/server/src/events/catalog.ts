import type { Clock } from '../platform/clock.ts';
import type { Executor } from '../platform/db/index.ts';
import type { Ids } from '../platform/ids.ts';
import { appendToOutbox } from '../platform/outbox/index.ts';
import type { AlertView, AttachmentView, KnowledgePack, KnowledgeImportProgress } from '@lingxi/contracts';

// The typed event union: every event is past tense and carries its workspace. Domains append them with their writes.
type EventOf<N extends string, P> = { id: string; name: N; workspaceId: string; at: Date; payload: P };

export type WorkspaceCreated = EventOf<'workspace.created', { slug: string; name: string }>;
export type UserCreated = EventOf<'user.created', { userId: string; role: string; email: string }>;
export type UserPasswordChanged = EventOf<'user.password_changed', { userId: string; by: string | null }>;
export type UserLoggedIn = EventOf<'user.logged_in', { userId: string; sessionId: string }>;
/** A section of the workspace settings (e.g. `bot`) changed: every node drops its cached copy. */
export type WorkspaceSettingsChanged = EventOf<'workspace.settings_changed', { section: string; fields: string[]; by: string | null }>;


// Contacts, conversations, bot and knowledge (issue 4).
/** A message as it leaves the server (MessageView) plus who may see it. */
export type MessagePayload = {
  id: string; conversationId: string; author: 'customer' | 'bot' | 'agent' | 'system'; kind: string; text: string; createdAt: string;
  clientMessageId?: string | null; knowledgeEntryId?: string | null; confidence?: number | null; suggestions?: string[]; quickReplies?: string[];
  attachments?: AttachmentView[];
  private: boolean; authorId?: string | null; mentions?: string[];
};
export type ContactCreated = EventOf<'contact.created', { contactId: string; channel: string }>;
export type ContactUpdated = EventOf<'contact.updated', { contactId: string; fields: string[]; by: string }>;
export type ConversationStarted = EventOf<'conversation.started', { conversationId: string; contactId: string; channel: string }>;
export type MessageCreated = EventOf<'message.created', { conversationId: string; message: MessagePayload }>;
export type BotReplied = EventOf<'bot.replied', {
  conversationId: string; messageId: string; replyTo: string | null; kind: string; knowledgeEntryId: string | null; confidence: number | null;
  intent: string | null; emotionLevel: number | null; language: string; latencyMs: number;
}>;
export type ConversationHandedOff = EventOf<'conversation.handed_off', { conversationId: string; trigger: string; queuePosition: number }>;
export type ConversationStatusChanged = EventOf<'conversation.status_changed', {
  conversationId: string; from: string; to: string; assigneeId: string | null; queuePosition: number | null; estimatedWaitSeconds: number | null;
  /** When an agent resolves: the outcome, for the analytics facts. */
  disposition?: string | null; tags?: string[];
}>;
export type AnswerRated = EventOf<'answer.rated', { conversationId: string; messageId: string; knowledgeEntryId: string | null; helpful: boolean }>;
/** `assigneeId` (the agent who handled it) is absent on events written before it was added. */
export type ConversationRated = EventOf<'conversation.rated', { conversationId: string; score: number; comment: string | null; assigneeId?: string | null }>;
export type KnowledgeEntryChanged = EventOf<'knowledge.entry_changed', { entryId: string; version: number; action: string; by: string | null }>;
export type KnowledgePublished = EventOf<'knowledge.published', { version: number; entries: number }>;
/** "How likely are you to recommend us?" 0–10, once per conversation (the feedback domain). */
export type NpsRecorded = EventOf<'feedback.nps_recorded', { conversationId: string; contactId: string; score: number; comment: string | null }>;
/** A background import moved on (a slice written, publishing, done or failed): pushed to the workspace's consoles. */
export type KnowledgeImportProgressed = EventOf<'knowledge.import_progressed', KnowledgeImportProgress>;

// The agent inbox (issue 5): what an agent concluded, tags, and colleagues @mentioned in notes.
export type ConversationResolved = EventOf<'conversation.resolved', { conversationId: string; by: string; disposition: string | null; tags: string[]; noteId: string | null }>;
export type ConversationTagged = EventOf<'conversation.tagged', { conversationId: string; by: string; tags: string[] }>;
export type MentionCreated = EventOf<'mention.created', { mentionId: string; userId: string; conversationId: string; messageId: string; authorId: string; excerpt: string }>;

// Routing (issue 5).
export type AgentPresenceChanged = EventOf<'agent.presence_changed', { userId: string; from: string; to: string; reason: 'agent' | 'disconnected' | 'supervisor' }>;
export type ConversationOffered = EventOf<'conversation.offered', { conversationId: string; agentId: string; expiresAt: string }>;
export type ConversationTransferred = EventOf<'conversation.transferred', { conversationId: string; fromAgentId: string | null; by: string; toAgentId: string | null; toTeamId: string | null; note: string | null }>;
export type ConversationReassigned = EventOf<'conversation.reassigned', { conversationId: string; fromAgentId: string | null; toAgentId: string; by: string }>;
export type SupervisorJoined = EventOf<'conversation.supervisor_joined', { conversationId: string; userId: string }>;
export type MessageLeft = EventOf<'conversation.message_left', { conversationId: string; messageId: string; email: string | null; phone: string | null; callbackAt: string | null }>;
export type ConversationOverflowed = EventOf<'conversation.overflowed', { conversationId: string; reason: 'after_hours' | 'nobody_online' | 'queue_length' | 'wait'; actions: Array<'leave_message' | 'callback'> }>;

// Analytics (issue 6): alerts on the wall and knowledge packs for agents when an intent surges.
export type AlertRaised = EventOf<'alert.raised', { alert: AlertView }>;
export type KnowledgePackPushed = EventOf<'knowledge_pack.pushed', { pack: KnowledgePack }>;

export type LingxiEvent =
  | AgentPresenceChanged | ConversationOffered
  | ConversationTransferred | ConversationReassigned | SupervisorJoined | MessageLeft | ConversationOverflowed
  | WorkspaceCreated | UserCreated | UserPasswordChanged | UserLoggedIn
  | ContactCreated | ContactUpdated | ConversationStarted | MessageCreated | BotReplied | ConversationHandedOff
  | ConversationStatusChanged | AnswerRated | ConversationRated | KnowledgeEntryChanged | KnowledgePublished | KnowledgeImportProgressed
  | AlertRaised | KnowledgePackPushed
  | WorkspaceSettingsChanged | NpsRecorded
  | ConversationResolved | ConversationTagged | MentionCreated;
export type EventName = LingxiEvent['name'];
export type EventNamed<N extends EventName> = Extract<LingxiEvent, { name: N }>;
export type NewEvent = { [N in EventName]: Omit<EventNamed<N>, 'id' | 'at'> }[EventName];

/** Gives events their id and time without writing them (for statements that insert the outbox row themselves). */
export function stampEvents(deps: { ids: Ids; clock: Clock }, ...events: NewEvent[]): LingxiEvent[] {
  const at = deps.clock.now();
  return events.map((e) => ({ ...e, id: deps.ids.next(), at }) as LingxiEvent);
}

/** Appends events to the outbox in the caller's transaction; they are delivered after it commits. */
export async function emit(tx: Executor, deps: { ids: Ids; clock: Clock }, ...events: NewEvent[]): Promise<LingxiEvent[]> {
  const at = deps.clock.now();
  const full = events.map((e) => ({ ...e, id: deps.ids.next(), at }) as LingxiEvent);
  await appendToOutbox(tx, full);
  return full;
}
