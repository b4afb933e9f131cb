import { describe, expect, it } from 'vitest';
import { conversationIdOf, filtersToSearch, hasNarrowing, listQuery, mergeMessages, parseFilters, parseTab, rowOutcome, stepSelection } from './inboxModel.ts';

describe('inbox model', () => {
  it('maps tabs and filters to the agent API query', () => {
    expect(listQuery({ tab: 'mine' })).toEqual({ view: 'mine' });
    expect(listQuery({ tab: 'team', status: 'assigned', q: '退款' })).toEqual({ view: 'team', status: 'assigned', q: '退款' });
    expect(parseTab('nonsense')).toBe('mine');
    expect(parseTab('team')).toBe('team');
  });

  it('keeps the filters in the URL and drops what the API would refuse', () => {
    const filters = parseFilters(new URLSearchParams('tab=all&status=queued&channel=app&tag=物流&emotion=4&q=%20rita%20'));
    expect(filters).toEqual({ tab: 'all', status: 'queued', channel: 'app', tag: '物流', emotion: '4', q: 'rita' });
    expect(parseFilters(new URLSearchParams(filtersToSearch(filters)))).toEqual(filters);
    expect(filtersToSearch({ tab: 'mine', q: 'a b' })).toBe('tab=mine&q=a+b');
    expect(parseFilters(new URLSearchParams('status=lost&channel=fax&emotion=9&tag=a,b&q=%20'))).toEqual({ tab: 'mine' });
    expect(hasNarrowing({ tab: 'all' })).toBe(false);
    expect(hasNarrowing({ tab: 'all', emotion: '1,2' })).toBe(true);
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

  it.each([
    ['resolved', 'refund', ['发票', 'VIP', '物流'], { disposition: '已退款', tags: ['发票', 'VIP'], moreTags: ['物流'] }],
    ['closed', 'gone', [], { disposition: 'gone', tags: [], moreTags: [] }],
    ['resolved', null, ['发票'], { disposition: null, tags: ['发票'], moreTags: [] }],
    ['bot', 'refund', ['发票', 'VIP'], { disposition: null, tags: ['发票', 'VIP'], moreTags: [] }],
    ['assigned', null, [], { disposition: null, tags: [], moreTags: [] }],
  ] as const)('a %s row with disposition %s and tags %j shows %j', (status, disposition, tags, shown) => {
    const labels: Record<string, string> = { refund: '已退款' };
    expect(rowOutcome({ status, disposition, tags }, (key) => labels[key] ?? key)).toEqual(shown);
  });
});
