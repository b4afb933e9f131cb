import { describe, expect, it } from 'vitest';
import { conversationIdOf, listQuery, mergeMessages, parseTab, stepSelection } from './inboxModel.ts';

describe('inbox model', () => {
  it('maps tabs to the agent API query', () => {
    expect(listQuery('mine', undefined)).toEqual({ assignee: 'me' });
    expect(listQuery('mine', 'resolved')).toEqual({ assignee: 'me', status: 'resolved' });
    expect(listQuery('unassigned', 'resolved')).toEqual({ status: 'queued', assignee: 'none' });
    expect(listQuery('all', undefined)).toEqual({});
    expect(parseTab('nonsense')).toBe('mine');
  });

  it('merges live messages once, in time order', () => {
    const a = { id: 'a', createdAt: '2026-01-01T00:00:01Z' };
    const b = { id: 'b', createdAt: '2026-01-01T00:00:02Z' };
    const c = { id: 'c', createdAt: '2026-01-01T00:00:03Z' };
    const current = [a, c];
    expect(mergeMessages(current, [c])).toBe(current);
    expect(mergeMessages(current, [b, b]).map((m) => m.id)).toEqual(['a', 'b', 'c']);
  });

  it('finds the conversation of an event whatever its shape', () => {
    expect(conversationIdOf({ conversationId: 'x' })).toBe('x');
    expect(conversationIdOf({ message: { conversationId: 'y' } })).toBe('y');
    expect(conversationIdOf({ conversation: { id: 'z' } })).toBe('z');
    expect(conversationIdOf({ id: 'w', status: 'queued', queuePosition: 1 })).toBe('w');
    expect(conversationIdOf({ id: 'm', text: 'a message without its conversation' })).toBeNull();
    expect(conversationIdOf('nope')).toBeNull();
  });

  it('steps through the list with j/k and stops at the ends', () => {
    expect(stepSelection(['a', 'b', 'c'], undefined, 1)).toBe('a');
    expect(stepSelection(['a', 'b', 'c'], 'a', 1)).toBe('b');
    expect(stepSelection(['a', 'b', 'c'], 'c', 1)).toBe('c');
    expect(stepSelection(['a', 'b', 'c'], 'a', -1)).toBe('a');
    expect(stepSelection([], 'a', 1)).toBeUndefined();
  });
});
