import { describe, expect, it } from 'vitest';
import { handleOf, insertMention, matchPeople, mentionPieces, mentionQuery } from './mentionQuery.ts';

const people = [
  { id: '1', name: '张小明', email: 'xiaoming@shop.test' },
  { id: '2', name: 'Ann Lee', email: 'ann@shop.test' },
  { id: '3', name: 'Ann Lee', email: 'ann.lee@shop.test' },
  { id: '4', name: 'Bob', email: 'bob@shop.test' },
];

describe('@mentions in the note composer', () => {
  it.each([
    ['@', 1, { query: '', start: 0 }],
    ['请 @张', 4, { query: '张', start: 2 }],
    ['请@张小', 4, { query: '张小', start: 1 }],
    ['cc @Ann Le', 10, { query: 'Ann Le', start: 3 }],
    ['mail bob@shop', 13, null],
    ['@bob@sho', 8, { query: 'bob@sho', start: 0 }],
    ['@Ann Lee is here', 16, null],
    ['@x\n', 3, null],
    ['no mention', 10, null],
  ])('%j at %i → %j', (text, caret, expected) => {
    expect(mentionQuery(text, caret)).toEqual(expected);
  });

  it('matches names and emails, prefix first', () => {
    expect(matchPeople(people, '张').map((p) => p.id)).toEqual(['1']);
    expect(matchPeople(people, 'shop').map((p) => p.id)).toEqual(['1', '2', '3', '4']);
    expect(matchPeople(people, 'b').map((p) => p.id)).toEqual(['4']);
    expect(matchPeople(people, '')).toHaveLength(4);
  });

  it('writes the name, or the email when the name is shared', () => {
    expect(handleOf(people[0]!, people)).toBe('张小明');
    expect(handleOf(people[1]!, people)).toBe('ann@shop.test');
    expect(insertMention('请 @张 看看', 2, 4, '张小明')).toEqual({ text: '请 @张小明 看看', caret: 7 });
  });

  it('splits a note into text and highlighted mentions', () => {
    expect(mentionPieces('@张小明请看，cc @bob.', people)).toEqual([
      { text: '@张小明', person: people[0] },
      { text: '请看，cc ' },
      { text: '@bob', person: people[3] },
      { text: '.' },
    ]);
    expect(mentionPieces('mail bob@shop.test', people)).toEqual([{ text: 'mail bob@shop.test' }]);
  });
});
