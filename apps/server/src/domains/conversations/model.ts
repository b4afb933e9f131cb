import type { HandoffTrigger } from '@lingxi/contracts';
import type { DomainError } from '../../platform/errors.ts';
import { conversationErrors } from './errors.ts';

export type ConversationStatus = 'bot' | 'queued' | 'assigned' | 'resolved' | 'closed' | 'pending';
export type ConversationAction =
  | { type: 'handOff'; trigger: HandoffTrigger }
  | { type: 'assign'; agentId: string }
  | { type: 'resolve'; by: 'bot' | 'agent' }
  | { type: 'leaveMessage' }
  | { type: 'transfer' }
  | { type: 'customerReturned' }
  | { type: 'close' };

/** The one place a conversation's status changes; every action answers for every status. */
export function transition(status: ConversationStatus, action: ConversationAction): ConversationStatus | DomainError {
  switch (action.type) {
    case 'handOff':
      return status === 'bot' ? 'queued' : conversationErrors.notInBot(status);
    case 'assign':
      return status === 'queued' || status === 'assigned' || status === 'pending' ? 'assigned' : conversationErrors.notQueued(status);
    case 'resolve':
      if (action.by === 'bot') return status === 'bot' ? 'resolved' : conversationErrors.notInBot(status);
      return status === 'assigned' || status === 'queued' || status === 'pending' ? 'resolved' : conversationErrors.cannotResolve(status);
    case 'leaveMessage':
      return status === 'bot' || status === 'queued' ? 'pending' : conversationErrors.cannotLeaveMessage(status);
    case 'transfer':
      // Back to the queue for another agent or team (routing offers it on).
      return status === 'assigned' || status === 'queued' ? 'queued' : conversationErrors.cannotTransfer(status);
    case 'customerReturned':
      // A resolved conversation the customer writes to again goes back to the bot; a closed one stays closed.
      if (status === 'resolved') return 'bot';
      return status === 'closed' ? conversationErrors.closed() : status;
    case 'close':
      return status === 'closed' ? conversationErrors.closed() : 'closed';
  }
}

/** Customers are told how many are ahead of them and roughly how long that takes. */
export function estimatedWaitSeconds(queuePosition: number, secondsPerConversation: number): number {
  return Math.max(30, Math.round((queuePosition + 1) * secondsPerConversation));
}

export const OPEN_STATUSES: readonly ConversationStatus[] = ['bot', 'queued', 'assigned', 'pending'];
