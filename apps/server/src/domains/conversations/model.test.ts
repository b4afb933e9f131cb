import { describe, expect, it } from 'vitest';
import { estimatedWaitSeconds, transition, type ConversationAction, type ConversationStatus } from './model.ts';

const agentId = '0190a0b0-0000-7000-8000-000000000001';

describe('conversation transition', () => {
  it.each<[ConversationStatus, ConversationAction, string]>([
    ['bot', { type: 'handOff', trigger: 'explicit' }, 'queued'],
    ['queued', { type: 'handOff', trigger: 'explicit' }, 'CONVERSATION_NOT_IN_BOT'],
    ['resolved', { type: 'handOff', trigger: 'repeat' }, 'CONVERSATION_NOT_IN_BOT'],
    ['queued', { type: 'assign', agentId }, 'assigned'],
    ['assigned', { type: 'assign', agentId }, 'assigned'],
    ['pending', { type: 'assign', agentId }, 'assigned'],
    ['bot', { type: 'assign', agentId }, 'CONVERSATION_NOT_QUEUED'],
    ['closed', { type: 'assign', agentId }, 'CONVERSATION_NOT_QUEUED'],
    ['bot', { type: 'resolve', by: 'bot' }, 'resolved'],
    ['assigned', { type: 'resolve', by: 'bot' }, 'CONVERSATION_NOT_IN_BOT'],
    ['assigned', { type: 'resolve', by: 'agent' }, 'resolved'],
    ['queued', { type: 'resolve', by: 'agent' }, 'resolved'],
    ['bot', { type: 'resolve', by: 'agent' }, 'CONVERSATION_CANNOT_RESOLVE'],
    ['resolved', { type: 'resolve', by: 'agent' }, 'CONVERSATION_CANNOT_RESOLVE'],
    ['bot', { type: 'leaveMessage' }, 'pending'],
    ['queued', { type: 'leaveMessage' }, 'pending'],
    ['assigned', { type: 'leaveMessage' }, 'CONVERSATION_CANNOT_LEAVE_MESSAGE'],
    ['resolved', { type: 'customerReturned' }, 'bot'],
    ['assigned', { type: 'customerReturned' }, 'assigned'],
    ['bot', { type: 'customerReturned' }, 'bot'],
    ['closed', { type: 'customerReturned' }, 'CONVERSATION_CLOSED'],
    ['resolved', { type: 'close' }, 'closed'],
    ['bot', { type: 'close' }, 'closed'],
    ['closed', { type: 'close' }, 'CONVERSATION_CLOSED'],
  ])('%s + %o → %s', (from, action, to) => {
    const next = transition(from, action);
    expect(typeof next === 'string' ? next : next.code).toBe(to);
  });

  it('estimates the wait from the queue position', () => {
    expect(estimatedWaitSeconds(0, 60)).toBe(60);
    expect(estimatedWaitSeconds(2, 60)).toBe(180);
    expect(estimatedWaitSeconds(0, 10)).toBe(30);
  });
});
