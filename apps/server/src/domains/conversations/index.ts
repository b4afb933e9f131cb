// The conversations domain's public face: sessions, messages, the lifecycle, and the customer socket.
export { publicConversationRoutes, customerOf } from './routes.ts';
export { agentConversationRoutes } from './agentRoutes.ts';
export { bindConversationSocket, type Broadcast, type SocketPort } from './socket.ts';
export { createCustomerResolver } from './queries/resolveCustomer.ts';
export { createMessageWrites, type MessageWrites } from './groupCommit.ts';
export { receiveCustomerMessage } from './commands/receiveCustomerMessage.ts';
export { startSession } from './commands/startSession.ts';
export { transition, estimatedWaitSeconds, type ConversationStatus, type ConversationAction } from './model.ts';
export type { ConversationsDeps, Replier, BotTurn, BotTurnInput, ReplyDraft, HandoffContext } from './deps.ts';
export { queuedForRouting, activeCountsByAssignee, type QueuedForRouting } from './queries/routingQueue.ts';
export { handoverRoutes, leaveMessageRoutes } from './handoverRoutes.ts';
export type { HandoverDeps } from './commands/transfer.ts';
export { withOverflowNotice } from './overflowNotice.ts';
export { assistContext, type AssistContext } from './queries/assistContext.ts';
export { attachmentRoutes } from './attachmentRoutes.ts';
export { presentAttachment } from './present.ts';
export type { AttachmentDeps } from './commands/uploadAttachment.ts';
export { purgeUnsentAttachments } from './commands/purgeUnsentAttachments.ts';
