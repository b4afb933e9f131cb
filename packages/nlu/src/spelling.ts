import { wordHash } from './features.ts';
import type { Vocabulary } from './vectorizer.ts';

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
// Shorter words have too many neighbours at one edit ("fee" → "feed", "free", "few") to guess from.
const MIN_LENGTH = 4;

/**
 * Typo tolerance: an English word the vocabulary does not know becomes the known word one
 * edit away (deletion, transposition, substitution, insertion) that appears in the most
 * training examples (lowest idf); a word with no known neighbour stays as it is.
 */
export function respellUnknown(word: string, vocabulary: Vocabulary): string {
  if (word.length < MIN_LENGTH || vocabulary.lookup.has(wordHash(word))) return word;
  let best = word;
  let bestIdf = Infinity;
  const consider = (candidate: string) => {
    const i = vocabulary.lookup.get(wordHash(candidate));
    if (i === undefined) return;
    const idf = vocabulary.idf[i]!;
    if (idf < bestIdf || (idf === bestIdf && candidate < best)) { best = candidate; bestIdf = idf; }
  };
  for (let i = 0; i < word.length; i++) {
    const head = word.slice(0, i);
    const tail = word.slice(i + 1);
    consider(head + tail);
    if (i + 1 < word.length) consider(head + word[i + 1]! + word[i]! + word.slice(i + 2));
    for (const letter of LETTERS) if (letter !== word[i]) consider(head + letter + tail);
  }
  for (let i = 0; i <= word.length; i++) for (const letter of LETTERS) consider(word.slice(0, i) + letter + word.slice(i));
  return best;
}
