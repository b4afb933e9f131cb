// A light English suffix stripper: enough to join "refunds/refunded/refunding"; not Porter.
const RULES: readonly [RegExp, string][] = [
  [/ies$/u, 'y'], [/ied$/u, 'y'], [/(ss)es$/u, '$1'], [/([^aeiou])s$/u, '$1'],
  [/(..)ing$/u, '$1'], [/(..)ed$/u, '$1'], [/(..)ly$/u, '$1'], [/(..)ment$/u, '$1'],
];

/** Stem of one lower-case English word. */
export function stem(word: string): string {
  if (word.length <= 3) return word;
  let out = word.replace(/'s$/u, '');
  for (const [pattern, replacement] of RULES) {
    if (pattern.test(out)) { out = out.replace(pattern, replacement); break; }
  }
  // undo doubled consonants left by -ing/-ed (stopped → stopp → stop)
  if (/([bdgmnprt])\1$/u.test(out) && out !== word) out = out.slice(0, -1);
  return out;
}
