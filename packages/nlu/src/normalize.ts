import * as OpenCC from 'opencc-js';

// Built once on first use: the converter's dictionaries are immutable after construction.
let toSimplified: ((text: string) => string) | undefined;

function simplify(text: string): string {
  const convert = (toSimplified ??= OpenCC.Converter({ from: 'tw', to: 'cn' }));
  return convert(text);
}

const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;

/**
 * Canonical form of a customer message: NFKC folds full-width letters, digits and
 * punctuation to half-width; traditional characters become simplified; case and
 * whitespace are folded. Emoji and punctuation are kept because they carry emotion.
 */
export function normalize(text: string): string {
  let out = text.normalize('NFKC').toLowerCase();
  if (HAN.test(out)) out = simplify(out);
  return out.replace(/[\s\u200b\ufeff]+/gu, ' ').trim();
}
