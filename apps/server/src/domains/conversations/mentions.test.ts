import { describe, expect, it } from 'vitest';
import { findMentions, mentionExcerpt, mentionedUserIds } from './mentions.ts';

const people = [
  { id: 'zs', name: '张三', email: 'zhangsan@shop.test' },
  { id: 'zsf', name: '张三丰', email: 'zsf@shop.test' },
  { id: 'ann', name: 'Ann Lee', email: 'ann@shop.test' },
  { id: 'bob', name: 'Bob', email: 'bob@shop.test' },
];

describe('mentions in a note', () => {
  it.each([
    ['@张三 请跟进退款', ['zs']],
    ['@张三请跟进退款', ['zs']],
    ['请@张三丰看一下', ['zsf']],
    ['@Ann Lee can you check?', ['ann']],
    ['@ann lee, and @BOB.', ['ann', 'bob']],
    ['cc @ann@shop.test', ['ann']],
    ['@Bobby is not Bob', []],
    ['customer wrote to bob@shop.test', []],
    ['@nobody here', []],
    ['@张三 @张三 again', ['zs']],
    ['@bob，@张三：看看', ['bob', 'zs']],
    ['', []],
  ])('%s → %j', (text, ids) => {
    expect(mentionedUserIds(text, people)).toEqual(ids);
  });

  it('gives the span of each mention, for highlighting', () => {
    expect(findMentions('hi @Bob and @张三丰!', people)).toEqual([
      { userId: 'bob', start: 3, end: 7 },
      { userId: 'zsf', start: 12, end: 16 },
    ]);
  });

  it('ignores people without a name', () => {
    expect(mentionedUserIds('@ hello', [{ id: 'x', name: ' ', email: '' }])).toEqual([]);
  });

  it('shortens the excerpt on one line', () => {
    expect(mentionExcerpt('a\n\n b')).toBe('a b');
    expect(mentionExcerpt('x'.repeat(200), 10)).toBe(`${'x'.repeat(9)}…`);
  });
});
