import { cutChinese } from './segmenter.ts';

export type Token = { text: string; kind: 'zh' | 'en' | 'num' | 'mark' };

// Han runs go to jieba; Latin words, numbers and single marks (punctuation, emoji) stand alone.
const RUN = /([\u3400-\u9fff\uf900-\ufaff]+)|([a-z]+(?:'[a-z]+)?)|([0-9]+(?:[.,][0-9]+)*)|(\S)/giu;

/** Typed tokens of normalized text. */
export function tokenRuns(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(RUN)) {
    if (m[1]) for (const w of cutChinese(m[1])) tokens.push({ text: w, kind: 'zh' });
    else if (m[2]) tokens.push({ text: m[2].toLowerCase(), kind: 'en' });
    else if (m[3]) tokens.push({ text: m[3], kind: 'num' });
    else if (m[0]) tokens.push({ text: m[0], kind: 'mark' });
  }
  return tokens;
}

/** Words of normalized text: jieba words for Chinese, words for English, marks kept. */
export function tokenize(text: string): string[] {
  return tokenRuns(text).map((t) => t.text);
}
