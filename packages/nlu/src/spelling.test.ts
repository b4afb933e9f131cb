import { describe, expect, it } from 'vitest';
import { extractFeatures } from './features.ts';
import { respellUnknown } from './spelling.ts';
import { fitVocabulary } from './vectorizer.ts';

// "transfer" is in three texts, "transform" in one: a typo one edit from both goes to the commoner word
const vocabulary = fitVocabulary(['transfer money', 'transfer fee', 'cancel my transfer', 'transform the card', 'top up', 'my card was declined'].map((t) => extractFeatures(t)));

describe('respellUnknown', () => {
  it.each([
    ['tranfer', 'transfer'], // deletion
    ['transfre', 'transfer'], // transposition
    ['trensfer', 'transfer'], // substitution
    ['transfferr', 'transfferr'], // two edits away: left alone
    ['declinde', 'declined'],
    ['cancle', 'cancel'],
    ['crad', 'card'],
  ])('%s → %s', (typo, word) => {
    expect(respellUnknown(typo, vocabulary)).toBe(word);
  });

  it('leaves known words and short words alone', () => {
    expect(respellUnknown('transform', vocabulary)).toBe('transform');
    expect(respellUnknown('fea', vocabulary)).toBe('fea');
  });

  it('prefers the neighbour seen in more examples', () => {
    expect(respellUnknown('transfor', vocabulary)).toBe('transfer');
  });
});
