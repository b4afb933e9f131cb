import { describe, expect, it } from 'vitest';
import { keyProblem, listOf, moveRow, placeProblems, rowsOf, sameList, suggestKey } from './dispositionsModel.ts';

const refund = { key: 'refund', label: { 'zh-CN': '已退款', 'en-US': 'Refund issued' } };
const spam = { key: 'spam', label: { 'zh-CN': '垃圾信息', 'en-US': 'Spam' } };

describe('dispositions settings', () => {
  it('edits rows and saves them trimmed, in the order shown', () => {
    const rows = rowsOf([refund, spam]);
    expect(rows.every((r) => r.saved)).toBe(true);
    rows[0]!.label['zh-CN'] = '  已退款（原路） ';
    expect(listOf(rows)).toEqual([{ key: 'refund', label: { 'zh-CN': '已退款（原路）', 'en-US': 'Refund issued' } }, spam]);
    expect(sameList([refund, spam], listOf(rowsOf([refund, spam])))).toBe(true);
    expect(sameList([refund, spam], [spam, refund])).toBe(false);
  });

  it.each([
    ['Refund issued', [], 'refund_issued'],
    ['  Sent a replacement!! ', [], 'sent_a_replacement'],
    ['2nd contact', [], 'nd_contact'],
    ['退款', [], ''],
    ['Spam', ['spam'], 'spam_2'],
    ['Spam', ['spam', 'spam_2'], 'spam_3'],
    ['x'.repeat(40), [], 'x'.repeat(32)],
    ['x'.repeat(40), ['x'.repeat(32)], `${'x'.repeat(30)}_2`],
  ] as const)('suggests a key for %j (taken %j): %j', (label, taken, key) => {
    expect(suggestKey(label, taken)).toBe(key);
  });

  it.each([
    ['', [], 'required'],
    ['Refund', [], 'pattern'],
    ['1st', [], 'pattern'],
    ['refund-issued', [], 'pattern'],
    ['r'.repeat(33), [], 'pattern'],
    ['refund', ['refund'], 'duplicate'],
    [' refund ', ['spam'], null],
  ] as const)('key %j among %j → %s', (key, others, problem) => {
    expect(keyProblem(key, others)).toBe(problem);
  });

  it('moves a row up or down, and stays put at the ends', () => {
    expect(moveRow(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moveRow(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveRow(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveRow(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
  });

  it('puts the server’s “listed twice” on the key of each repeat; other problems keep their field', () => {
    const rows = [{ key: 'refund' }, { key: 'spam' }, { key: 'refund' }];
    expect(placeProblems([{ path: 'body.dispositions', message: '"refund" appears more than once' }, { path: 'body.dispositions.1.label.zh-CN', message: 'must not be empty' }], rows)).toEqual([
      { path: 'body.dispositions.2.key', message: '"refund" appears more than once' },
      { path: 'body.dispositions.1.label.zh-CN', message: 'must not be empty' },
    ]);
    expect(placeProblems([{ path: 'body.dispositions', message: 'must have at least 1 item' }], rows)).toEqual([{ path: 'body.dispositions', message: 'must have at least 1 item' }]);
  });
});
