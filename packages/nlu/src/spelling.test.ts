import { describe, expect, it } from 'vitest';
import { extractFeatures } from './features.ts';
import { createSpeller } from './spelling.ts';
import { fitVocabulary } from './vectorizer.ts';

// "transfer" is in three texts, "transform" in one: a typo one edit from both goes to the commoner word
const vocabulary = fitVocabulary(['transfer money', 'transfer fee', 'cancel my transfer', 'transform the card', 'top up', 'my card was declined'].map((t) => extractFeatures(t)));
const respell = createSpeller(vocabulary);

describe('createSpeller', () => {
  it.each([
    ['tranfer', 'transfer'], // deletion
    ['transfre', 'transfer'], // transposition
    ['trensfer', 'transfer'], // substitution
    ['transffer', 'transfer'], // insertion
    ['transfferr', 'transfferr'], // two edits away: left alone
    ['declinde', 'declined'],
    ['cancle', 'cancel'],
    ['crad', 'card'],
  ])('%s → %s', (typo, word) => {
    expect(respell(typo)).toBe(word);
  });

  it('leaves known words and short words alone', () => {
    expect(respell('transform')).toBe('transform');
    expect(respell('fea')).toBe('fea');
  });

  it('prefers the neighbour seen in more examples', () => {
    expect(respell('transfor')).toBe('transfer');
  });
});
