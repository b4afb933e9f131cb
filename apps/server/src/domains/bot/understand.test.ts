import { describe, expect, it } from 'vitest';
import { replyLanguageOf } from './understand.ts';

describe('the language the bot replies in', () => {
  it('follows what the customer wrote', () => {
    expect(replyLanguageOf('退款多久到账', 'en-US')).toBe('zh');
    expect(replyLanguageOf('where is my order', 'zh-CN')).toBe('en');
    expect(replyLanguageOf('ok', 'zh-CN')).toBe('en');
  });

  it('follows the locale when the message has no words: an order number, a phone number, an emoji', () => {
    for (const text of ['LX20260001234', '20260001234', '+86 138 0013 8000', '👍', '???', 'A1']) {
      expect(replyLanguageOf(text, 'zh-CN')).toBe('zh');
      expect(replyLanguageOf(text, 'en-US')).toBe('en');
    }
    expect(replyLanguageOf('LX20260001234', null)).toBe('zh');
  });
});
