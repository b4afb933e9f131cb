import { feedCode, feedText, foldHash, hashStart, wordHash } from './features.ts';
import type { Vocabulary } from './vectorizer.ts';

const A = 97;
const LETTERS = 26;
// Shorter words have too many neighbours at one edit ("fee" → "feed", "free", "few") to guess from;
// longer ones cost more to search than they are worth.
const MIN_LENGTH = 4;
const MAX_LENGTH = 20;

/** Open-addressing set of feature hashes: a typed-array probe is several times cheaper than a Map lookup, and a respelling tries ~50 candidates per letter. */
type HashSet = { slots: Int32Array; mask: number };

function hashSetOf(hashes: Uint32Array): HashSet {
  let size = 1024;
  while (size < hashes.length * 2) size *= 2;
  const slots = new Int32Array(size).fill(-1);
  const mask = size - 1;
  for (const h of hashes) {
    let at = (h ^ (h >>> 15)) & mask;
    while (slots[at] !== -1 && slots[at] !== h) at = (at + 1) & mask;
    slots[at] = h;
  }
  return { slots, mask };
}

function has(set: HashSet, h: number): boolean {
  let at = (h ^ (h >>> 15)) & set.mask;
  for (;;) {
    const slot = set.slots[at]!;
    if (slot === h) return true;
    if (slot === -1) return false;
    at = (at + 1) & set.mask;
  }
}

/**
 * Typo tolerance: an English word the vocabulary does not know becomes the known word one
 * edit away (deletion, transposition, substitution, insertion) that appears in the most
 * training examples (lowest idf; ties to the alphabetically first); a word with no known
 * neighbour stays as it is. Candidates are hashed in steps from a shared prefix, not built as
 * strings, and a hit counts only when the candidate's first and last character n-grams
 * (of length `edgeGram`, as the model extracts them) are known too: hashes are 30 bits, and a
 * thousand candidates against tens of thousands of features would otherwise collide now and then.
 * Returns the respelling function; the set it probes is built once.
 */
const REMEMBERED = 4096;

export function createSpeller(vocabulary: Vocabulary, edgeGram = 2): (word: string) => string {
  const known = hashSetOf(vocabulary.hashes);
  // A query asks twice for each unknown word (once to spot it, once to read it) and customers repeat
  // their typos: remembered answers, dropped all at once when there are too many.
  const remembered = new Map<string, string>();
  return (word) => {
    if (word.length < MIN_LENGTH || word.length > MAX_LENGTH || has(known, wordHash(word))) return word;
    const seen = remembered.get(word);
    if (seen !== undefined) return seen;
    const answer = respell(word, vocabulary, known, edgeGram);
    if (remembered.size >= REMEMBERED) remembered.clear();
    remembered.set(word, answer);
    return answer;
  };
}

function respell(word: string, vocabulary: Vocabulary, known: HashSet, edgeGram: number): string {
  const n = word.length;
  if (n < MIN_LENGTH || n > MAX_LENGTH || has(known, wordHash(word))) return word;
  let best = word;
  let bestIdf = Infinity;
  // the candidate is word[0, cut) + inserted + word[resume, n), inserted = up to two char codes
  const consider = (state: number, cut: number, first: number, second: number, resume: number) => {
    const hash = foldHash(state);
    if (!has(known, hash)) return;
    const idf = vocabulary.idf[vocabulary.lookup.get(hash)!]!;
    if (idf > bestIdf) return;
    const inserted = (first >= 0 ? String.fromCharCode(first) : '') + (second >= 0 ? String.fromCharCode(second) : '');
    const candidate = word.slice(0, cut) + inserted + word.slice(resume);
    if ((idf === bestIdf && candidate >= best) || !edgesKnown(candidate, vocabulary, edgeGram)) return;
    best = candidate;
    bestIdf = idf;
  };
  let head = hashStart.word; // hash state of word[0, i)
  for (let i = 0; i <= n; i++) {
    for (let c = A; c < A + LETTERS; c++) consider(feedText(feedCode(head, c), word, i, n), i, c, -1, i);
    if (i < n) {
      const here = word.charCodeAt(i);
      consider(feedText(head, word, i + 1, n), i, -1, -1, i + 1);
      for (let c = A; c < A + LETTERS; c++) if (c !== here) consider(feedText(feedCode(head, c), word, i + 1, n), i, c, -1, i + 1);
      if (i + 1 < n) consider(feedText(feedCode(feedCode(head, word.charCodeAt(i + 1)), here), word, i + 2, n), i, word.charCodeAt(i + 1), here, i + 2);
      head = feedCode(head, here);
    }
  }
  return best;
}

/** Whether the first and last character n-grams of ` word ` are features the vocabulary has. */
function edgesKnown(word: string, vocabulary: Vocabulary, gram: number): boolean {
  const padded = ` ${word} `;
  if (gram > padded.length) return true;
  const first = foldHash(feedText(hashStart.englishChars, padded, 0, gram));
  const last = foldHash(feedText(hashStart.englishChars, padded, padded.length - gram, padded.length));
  return vocabulary.lookup.has(first) && vocabulary.lookup.has(last);
}
