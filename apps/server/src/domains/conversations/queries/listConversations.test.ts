import { describe, expect, it } from 'vitest';
import { containsPattern, emotionLevels } from './listConversations.ts';

describe('inbox filters', () => {
  it('reads one emotion level as a minimum and a list as a set', () => {
    expect(emotionLevels('4')).toEqual({ min: 4 });
    expect(emotionLevels('2,3,3')).toEqual({ levels: [2, 3] });
  });

  it('searches for the typed text literally', () => {
    expect(containsPattern('退款')).toBe('%退款%');
    expect(containsPattern('100%_off\\')).toBe('%100\\%\\_off\\\\%');
  });
});
