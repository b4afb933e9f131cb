import { describe, expect, it } from 'vitest';
import { withoutCourtesy } from './courtesy.ts';

describe('withoutCourtesy', () => {
  it('drops greetings, politeness and particles around a question, in Chinese and English', () => {
    expect(withoutCourtesy('您好，麻烦问一下，怎么退货呀？谢谢').replace(/\s+/g, '')).toBe('，，怎么退货？');
    expect(withoutCourtesy('Hi, how do I return this please? Thanks!').replace(/\s+/g, ' ').trim()).toBe(', how do I return this ? !');
  });

  it('keeps words that only contain a courtesy word, and a message that is nothing else', () => {
    expect(withoutCourtesy('this is my high score')).toBe('this is my high score');
    expect(withoutCourtesy('你好')).toBe('你好');
    expect(withoutCourtesy('thanks!')).toBe('thanks!');
  });
});
