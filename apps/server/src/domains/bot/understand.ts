import { analyzeEmotion, detectLanguage, extractEntities, normalize } from '@lingxi/nlu';
import { isValidAt, type LiveModel } from '../knowledge/index.ts';
import type { MatchCandidate } from './model.ts';
import type { ReplyLanguage } from './texts.ts';

export type Understanding = {
  normalized: string;
  language: ReplyLanguage;
  emotion: { level: number; sentiment: number; category: string };
  entities: { type: string; value: string }[];
  match: { entryId: string | null; confidence: number; outOfScope: boolean; candidates: MatchCandidate[] };
};

/**
 * Reply in the customer's language: what they wrote, else their locale, else Chinese. A message of
 * codes, numbers and marks (an order number, a phone number, "👍") says nothing about the language.
 */
export function replyLanguageOf(text: string, locale: string | null): ReplyLanguage {
  const detected = text && hasWords(text) ? detectLanguage(text) : 'mixed';
  if (detected === 'zh' || detected === 'en') return detected;
  return locale?.startsWith('en') ? 'en' : 'zh';
}

/** Han characters, or a run of two or more letters that is not part of a code with digits (LX2026…). */
function hasWords(text: string): boolean {
  if (/\p{Script=Han}/u.test(text)) return true;
  return text.split(/[^\p{L}\p{N}]+/u).some((token) => /^\p{L}{2,}$/u.test(token));
}

const noMatch = { entryId: null, confidence: 0, outOfScope: true, candidates: [] };

/**
 * Normalize → language → knowledge match → entities → emotion. Candidates the bot may not use now
 * (archived, outside their validity window) are dropped; entries in the customer's language come first.
 */
export function understand(text: string, locale: string | null, model: LiveModel | null, now: Date): Understanding {
  const language = replyLanguageOf(text, locale);
  const emotion = analyzeEmotion(text);
  const entities = extractEntities(text).map((e) => ({ type: e.type, value: e.value }));
  let match: Understanding['match'] = noMatch;
  if (model && text.trim()) {
    const raw = model.matcher.match(text, 6);
    const usable = raw.candidates.filter((c) => {
      const entry = model.entries.get(c.entryId);
      return entry !== undefined && isValidAt(entry, now);
    });
    const same = usable.filter((c) => model.entries.get(c.entryId)!.language !== (language === 'zh' ? 'en' : 'zh'));
    const candidates = (same.length > 0 ? same : usable).map((c) => ({ ...c, question: model.entries.get(c.entryId)!.question }));
    const top = candidates[0];
    match = { entryId: raw.outOfScope || !top ? null : top.entryId, confidence: top?.score ?? 0, outOfScope: raw.outOfScope || !top, candidates };
  }
  return { normalized: normalize(text), language, emotion: { level: emotion.level, sentiment: emotion.sentiment, category: emotion.category }, entities, match };
}
