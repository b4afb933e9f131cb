import { describe, expect, it } from 'vitest';
import { containsPattern, emotionLevels, phoneDigits } from './listConversations.ts';

describe('inbox filters', () => {
  it('reads one emotion level as a minimum and a list as a set', () => {
    expect(emotionLevels('4')).toEqual({ min: 4 });
    expect(emotionLevels('2,3,3')).toEqual({ levels: [2, 3] });
  });

  it('reads a phone number however it is typed', () => {
    expect(phoneDigits('+86 138-0000 1111')).toBe('8613800001111');
    expect(phoneDigits('0000 1111')).toBe('00001111');
    expect(phoneDigits('123')).toBeNull();
    expect(phoneDigits('order 1234')).toBeNull();
  });

  it('searches for the typed text literally', () => {
    expect(containsPattern('退款')).toBe('%退款%');
    expect(containsPattern('100%_off\\')).toBe('%100\\%\\_off\\\\%');
  });
});
