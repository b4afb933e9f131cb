import { domainError } from '../../platform/errors.ts';

export const conversationErrors = {
  notFound: (id: string) => domainError('CONVERSATION_NOT_FOUND', 404, `No conversation ${id} in this workspace.`, 'Check the id and the workspace of the token.'),
  notInBot: (status: string) => domainError('CONVERSATION_NOT_IN_BOT', 409, `The conversation is ${status}, not with the bot.`, 'Only a conversation with the bot can be handed off or resolved by the bot.'),
  notQueued: (status: string) => domainError('CONVERSATION_NOT_QUEUED', 409, `The conversation is ${status}, not waiting for a person.`, 'Only queued conversations can be accepted.'),
  cannotResolve: (status: string) => domainError('CONVERSATION_CANNOT_RESOLVE', 409, `A ${status} conversation cannot be resolved by an agent.`, 'Accept it first, or leave it with the bot.'),
  cannotLeaveMessage: (status: string) => domainError('CONVERSATION_CANNOT_LEAVE_MESSAGE', 409, `A ${status} conversation cannot become a left message.`, 'Only conversations with the bot or in the queue can.'),
  cannotTransfer: (status: string) => domainError('CONVERSATION_CANNOT_TRANSFER', 409, `A ${status} conversation cannot be transferred.`, 'Only conversations in the queue or with an agent can be transferred.'),
  closed: () => domainError('CONVERSATION_CLOSED', 409, 'This conversation is closed.', 'Start a new session with POST /api/public/v1/sessions.'),
  messageNotFound: (id: string) => domainError('MESSAGE_NOT_FOUND', 404, `No message ${id} in this conversation.`, 'Pass the id of a message you received.', [{ path: 'query.after', message: 'is not a message of this conversation' }]),
  notABotAnswer: (id: string) => domainError('MESSAGE_NOT_RATEABLE', 409, `Message ${id} is not a bot answer.`, 'Only bot replies can be rated helpful or not.'),
  notFinished: (status: string) => domainError('CONVERSATION_NOT_FINISHED', 409, `The conversation is ${status}; a rating comes after it is resolved.`, 'Send the rating once the conversation is resolved or closed.'),
  alreadyRated: () => domainError('CONVERSATION_ALREADY_RATED', 409, 'This conversation has already been rated.', 'One rating per conversation.'),
  alreadyTaken: () => domainError('CONVERSATION_ALREADY_TAKEN', 409, 'Another agent has just taken this conversation.', 'Pick another conversation from the queue.'),
  notAssignedToYou: () => domainError('CONVERSATION_NOT_YOURS', 403, 'This conversation is assigned to someone else.', 'Ask a supervisor to transfer it to you.'),
  workspaceNotFound: (slug: string) => domainError('WORKSPACE_NOT_FOUND', 404, `No workspace "${slug}".`, 'Check the workspace name, or leave it out to use the default workspace.', [{ path: 'body.workspace', message: 'no such workspace' }]),
  contactNotFound: (id: string) => domainError('CONTACT_NOT_FOUND', 404, `No contact ${id} in this workspace.`, 'Check the id.'),
  sessionUnknown: () => domainError('AUTH_SESSION_EXPIRED', 401, 'Unknown customer session.', 'Start a new session with POST /api/public/v1/sessions.'),
};
