export type Language = 'zh' | 'en' | 'mixed';

const HAN_CHAR = /[\u3400-\u9fff\uf900-\ufaff]/gu;
const LATIN_WORD = /[a-z]+/giu;

// One English word carries roughly as much meaning as one and a half Chinese characters.
const LATIN_WORD_WEIGHT = 1.5;

/** zh / en / mixed by the share of Chinese characters against Latin words. */
export function detectLanguage(text: string): Language {
  const han = text.match(HAN_CHAR)?.length ?? 0;
  const latin = (text.match(LATIN_WORD)?.length ?? 0) * LATIN_WORD_WEIGHT;
  if (han === 0) return 'en';
  if (latin === 0) return 'zh';
  const zhShare = han / (han + latin);
  if (zhShare >= 0.75) return 'zh';
  if (zhShare <= 0.15) return 'en';
  return 'mixed';
}
