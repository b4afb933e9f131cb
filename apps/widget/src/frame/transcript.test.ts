import { describe, expect, it } from 'vitest';
import { fromReply, lastSeenId, localMessage, mergeMessages, type ChatMessage } from './transcript.ts';

const at = (s: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, s)).toISOString();
const server = (id: string, s: number, extra: Partial<ChatMessage> = {}): ChatMessage => ({ id, author: 'bot', kind: 'answer', text: id, createdAt: at(s), ...extra });

describe('mergeMessages', () => {
  it('never shows the same id twice, whatever the mix of POST answers, socket pushes and resume backfill', () => {
    let list: ChatMessage[] = [];
    list = mergeMessages(list, [server('m1', 1), server('m2', 2)]);
    list = mergeMessages(list, [server('m2', 2), server('m3', 3)]); // socket repeats m2
    list = mergeMessages(list, [server('m1', 1), server('m2', 2), server('m3', 3), server('m4', 4)]); // resume backfill overlaps
    expect(list.map((m) => m.id)).toEqual(['m1', 'm2', 'm3', 'm4']);
  });

  it('orders by server time even when messages arrive out of order', () => {
    const list = mergeMessages([server('m3', 3)], [server('m1', 1), server('m2', 2)]);
    expect(list.map((m) => m.id)).toEqual(['m1', 'm2', 'm3']);
  });

  it('replaces the local copy of a message with the stored one by clientMessageId', () => {
    let list = mergeMessages([server('m1', 1)], [localMessage({ clientMessageId: 'c1', text: 'hi', createdAt: at(9), delivery: 'sending' })]);
    expect(list.map((m) => m.id)).toEqual(['m1', 'local:c1']);
    list = mergeMessages(list, [{ id: 'm2', author: 'customer', kind: 'text', text: 'hi', createdAt: at(2), clientMessageId: 'c1' }]);
    expect(list.map((m) => m.id)).toEqual(['m1', 'm2']);
    expect(list[1]!.delivery).toBeUndefined();
    // A late local update (e.g. "sending" after the socket already delivered it) does not bring the copy back.
    list = mergeMessages(list, [localMessage({ clientMessageId: 'c1', text: 'hi', createdAt: at(9), delivery: 'sending' })]);
    expect(list.map((m) => m.id)).toEqual(['m1', 'm2']);
  });

  it('keeps unacknowledged local messages after every stored one, in the order typed', () => {
    const list = mergeMessages(
      [localMessage({ clientMessageId: 'a', text: 'a', createdAt: at(1), delivery: 'waiting' }), localMessage({ clientMessageId: 'b', text: 'b', createdAt: at(2), delivery: 'waiting' })],
      [server('m9', 30)],
    );
    expect(list.map((m) => m.id)).toEqual(['m9', 'local:a', 'local:b']);
    expect(lastSeenId(list)).toBe('m9');
  });

  it('keeps the related questions of a reply when the socket copy arrives without them', () => {
    const reply = fromReply({ id: 'r1', text: 'answer', kind: 'answer', suggestions: ['Q1', 'Q2'] }, at(1));
    const list = mergeMessages([reply], [server('r1', 1, { suggestions: [] })]);
    expect(list).toHaveLength(1);
    expect(list[0]!.suggestions).toEqual(['Q1', 'Q2']);
  });

  it('returns the same array when there is nothing to merge', () => {
    const list = [server('m1', 1)];
    expect(mergeMessages(list, [])).toBe(list);
    expect(lastSeenId([])).toBeNull();
  });
});
