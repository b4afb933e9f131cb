import { describe, expect, it } from 'vitest';
import { detectLanguage } from './language.ts';
import { normalize } from './normalize.ts';
import { tokenize } from './tokenize.ts';

describe('normalize', () => {
  it.each([
    ['ＡＢＣ１２３', 'abc123'],
    ['退貨運費誰出？', '退货运费谁出?'],
    ['我要開發票！！', '我要开发票!!'],
    ['  Hello\t\n  World  ', 'hello world'],
    ['ORDER　DD2026', 'order dd2026'],
    ['太慢了😡😡', '太慢了😡😡'],
    ['怎么还没到。。。', '怎么还没到。。。'],
  ])('%s → %s', (input, expected) => {
    expect(normalize(input)).toBe(expected);
  });
});

describe('detectLanguage', () => {
  it.each([
    ['我想退货', 'zh'],
    ['How do I return my order?', 'en'],
    ['我要听tfboys唱的歌', 'zh'],
    ['please help me 退款', 'mixed'],
    ['12345', 'en'],
  ] as const)('%s → %s', (text, language) => {
    expect(detectLanguage(text)).toBe(language);
  });
});

describe('tokenize', () => {
  it('keeps service words whole', () => {
    expect(tokenize(normalize('我想退货，运费谁出？花呗可以分期吗'))).toEqual(['我', '想', '退货', ',', '运费', '谁', '出', '?', '花呗', '可以', '分期', '吗']);
  });
  it('splits English words and keeps marks and numbers', () => {
    expect(tokenize(normalize("Where's my refund?! order 12345"))).toEqual(["where's", 'my', 'refund', '?', '!', 'order', '12345']);
  });
  it('cuts coupons and invoices in mixed text', () => {
    const tokens = tokenize(normalize('我的优惠券不能用，要开发票'));
    expect(tokens).toContain('优惠券');
    expect(tokens).toContain('开发票');
  });
});
