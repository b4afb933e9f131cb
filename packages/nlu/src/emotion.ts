import { emotionCues, intensifiers, negations, type Cue, type EmotionCategory } from './emotionLexicon.ts';
import { normalize } from './normalize.ts';

export type EmotionLevel = 1 | 2 | 3 | 4 | 5;
export type Emotion = { sentiment: number; level: EmotionLevel; category: EmotionCategory; cues: string[] };

// Longest first, so "不满意" claims its characters before "满意" can.
const ORDERED_CUES = [...emotionCues].sort((a, b) => b.term.length - a.term.length || (a.term < b.term ? -1 : 1));
const LATIN = /^[a-z0-9' -]+$/u;

function occurrences(text: string, term: string): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + term.length)) {
    const wordLike = LATIN.test(term);
    const before = text[at - 1] ?? ' ';
    const after = text[at + term.length] ?? ' ';
    if (!wordLike || (!/[a-z]/u.test(before) && !/[a-z]/u.test(after))) found.push(at);
  }
  return found;
}

function precededBy(text: string, at: number, words: readonly string[]): boolean {
  const window = text.slice(Math.max(0, at - 7), at);
  return words.some((w) => (LATIN.test(w) ? new RegExp(`(^|[^a-z])${w}\\s*$|(^|[^a-z])${w}\\s+\\S+\\s*$`, 'u').test(window) : window.endsWith(w) || window.slice(0, -1).endsWith(w)));
}

type Scores = Record<Exclude<EmotionCategory, 'neutral'>, number>;

function scoreCues(text: string, scores: Scores, found: string[]): void {
  const claimed = new Array<boolean>(text.length).fill(false);
  const seenTerms = new Map<string, number>();
  for (const cue of ORDERED_CUES) {
    for (const at of occurrences(text, cue.term)) {
      if (claimed.slice(at, at + cue.term.length).some(Boolean)) continue;
      claimed.fill(true, at, at + cue.term.length);
      let category: Cue['category'] = cue.category;
      let weight = cue.weight;
      if (precededBy(text, at, negations)) {
        // "not happy" is disappointment; "not a scam" is only mildly negative
        if (category === 'satisfaction') category = 'disappointment';
        else weight *= 0.4;
      }
      if (precededBy(text, at, intensifiers)) weight *= 1.5;
      const repeats = seenTerms.get(cue.term) ?? 0;
      seenTerms.set(cue.term, repeats + 1);
      if (repeats > 0 && category !== 'satisfaction') weight *= 1.3; // 退款退款退款: repetition is pressure
      scores[category] += weight;
      found.push(cue.term);
    }
  }
}

/** Punctuation, capitals and repeated demands: how the message is said, not what. */
function scoreDelivery(raw: string, text: string, scores: Scores, found: string[]): void {
  const bangs = /!{3,}/u.test(text) ? 2 : /!{2}/u.test(text) ? 1 : 0;
  if (bangs) { scores.anger += bangs * 0.75; found.push('!'.repeat(bangs + 1)); }
  if (/\?{2,}|\?!|!\?/u.test(text)) { scores.anxiety += 1; found.push('??'); }
  const repeated = /(\S{2,6}?)[\s,!]*\1[\s,!]*\1/u.exec(text)?.[1];
  if (repeated && new Set(repeated).size > 1) { scores.anger += 1.5; scores.anxiety += 1; found.push('repeated'); }
  const shouted = raw.match(/\b[A-Z]{3,}\b/gu)?.filter((w) => !/^(?:USD|RMB|CNY|VIP|APP|OK|ID|SMS)$/u.test(w)) ?? [];
  if (shouted.length > 0) { scores.anger += Math.min(2, shouted.length); found.push('CAPS'); }
}

function levelOf(scores: Scores): EmotionLevel {
  const heat = scores.anger + 0.7 * scores.anxiety + 0.6 * scores.disappointment - 0.3 * scores.satisfaction;
  if (heat < 0.75) return 1;
  if (heat < 1.75) return 2;
  if (heat < 3) return 3;
  if (heat < 4.5) return 4;
  return 5;
}

/** Sentiment (-1..1), a 5-level emotion index (1 calm … 5 furious) and the dominant category of one message. */
export function analyzeEmotion(raw: string): Emotion {
  const text = normalize(raw);
  const scores: Scores = { anger: 0, anxiety: 0, disappointment: 0, satisfaction: 0 };
  const found: string[] = [];
  scoreCues(text, scores, found);
  scoreDelivery(raw, text, scores, found);
  const negative = scores.anger + scores.anxiety * 0.5 + scores.disappointment;
  const sentiment = Math.tanh((scores.satisfaction - negative) / 3);
  const ranked = (Object.entries(scores) as [Cue['category'], number][]).sort((a, b) => b[1] - a[1]);
  const [top, topScore] = ranked[0] ?? ['anger', 0];
  return { sentiment: Math.round(sentiment * 1000) / 1000, level: levelOf(scores), category: topScore >= 1 ? top : 'neutral', cues: found };
}

/**
 * True when the latest level is at least 3 and at least 2 above the lowest of the three
 * before it: the moment to hand off, before the customer reaches 5.
 */
export function isEmotionRisingSharply(levels: readonly number[]): boolean {
  if (levels.length < 2) return false;
  const last = levels[levels.length - 1] ?? 0;
  const before = levels.slice(Math.max(0, levels.length - 4), -1);
  return last >= 3 && last - Math.min(...before) >= 2;
}
