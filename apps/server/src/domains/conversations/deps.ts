import type { ContactView, HandoffPackage, HandoffTrigger, MessageKind, SendMessageResponse } from '@lingxi/contracts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/index.ts';
import type { Ids } from '../../platform/ids.ts';
import type { AttachmentSummary } from './attachmentStore.ts';
import type { MessageWrites } from './groupCommit.ts';

/** What the bot is told about the turn it answers. */
export type BotTurnInput = {
  workspaceId: string;
  conversationId: string;
  /** The customer message answered; null when the customer pressed "talk to a person". */
  messageId: string | null;
  text: string | null;
  force: HandoffTrigger | null;
  botState: unknown;
  contact: { humanOnly: boolean; vip: boolean };
  locale: string | null;
  /** Loaded only when the bot hands off: what the package needs beyond the bot's own memory. */
  handoffContext(): Promise<HandoffContext>;
};

export type HandoffContext = {
  contact: ContactView;
  pastConversations: number;
  botAnswers: { messageId: string; entryId: string | null; helpful: boolean | null }[];
  /** Files the customer already sent, so the agent does not ask for them again. */
  customerFiles: AttachmentSummary[];
  queueAhead: number;
};

export type ReplyDraft = {
  author: 'bot' | 'system';
  kind: MessageKind;
  text: string;
  knowledgeEntryId?: string | null;
  confidence?: number | null;
  suggestions?: string[];
  quickReplies?: string[];
  /** What the bot understood, for reports: intent, emotion, entities, language, latency. */
  understanding: { intent: string | null; emotionLevel: number | null; language: string; latencyMs: number; entities?: { type: string; value: string }[] };
};

export type BotTurn = {
  replies: ReplyDraft[];
  botState: unknown;
  handoff: { trigger: HandoffTrigger; package: HandoffPackage; queueAhead: number } | null;
};

/** The bot, as the conversations domain sees it (wired in the composition root). */
export type Replier = (input: BotTurnInput) => Promise<BotTurn>;

export type ConversationsDeps = {
  db: Database;
  ids: Ids;
  clock: Clock;
  replier: Replier;
  /** Per node: a retry racing the first send of a clientMessageId waits for the first result. */
  inflight: Map<string, Promise<SendMessageResponse>>;
  secondsPerQueuedConversation: number;
  /** Group commits for the customer message and the bot turn (see groupCommit.ts). */
  writes: MessageWrites;
  /** Called after a write made outside db.transaction (one atomic statement) commits: delivers its events soon. */
  afterCommit(): void;
  /** A queued conversation's position and wait in routing's service order (wired from routing); FIFO when absent. */
  queueStanding?(workspaceId: string, conversationId: string): Promise<{ queuePosition: number; estimatedWaitSeconds: number | null } | null>;
};
