import { describe, expect, it } from 'vitest';
import { chooseAnswer, defaultThresholds, handoffPolicy, isExplicitHandoffRequest, sameQuestionCount, thresholdsFrom, type HandoffSignals } from './model.ts';

const calm: HandoffSignals = { humanOnly: false, vip: false, explicitRequest: false, sameQuestionCount: 1, emotionLevel: 1, emotionRisingSharply: false, lowConfidenceStreak: 0 };

describe('handoffPolicy', () => {
  it.each<[string, Partial<HandoffSignals>, string | null]>([
    ['a calm first question', {}, null],
    ['a human-only contact', { humanOnly: true }, 'human_only'],
    ['a VIP when VIPs do not go to people', { vip: true }, null],
    ['an explicit request', { explicitRequest: true }, 'explicit'],
    ['human-only wins over explicit', { humanOnly: true, explicitRequest: true }, 'human_only'],
    ['emotion level 4', { emotionLevel: 4 }, 'emotion'],
    ['emotion level 3', { emotionLevel: 3 }, null],
    ['a sharp rise', { emotionLevel: 3, emotionRisingSharply: true }, 'emotion'],
    ['the same question twice', { sameQuestionCount: 2 }, null],
    ['the same question three times', { sameQuestionCount: 3 }, 'repeat'],
    ['one low-confidence turn', { lowConfidenceStreak: 1 }, null],
    ['two low-confidence turns in a row', { lowConfidenceStreak: 2 }, 'low_confidence'],
    ['explicit beats emotion', { explicitRequest: true, emotionLevel: 5 }, 'explicit'],
  ])('%s', (_name, signals, trigger) => {
    expect(handoffPolicy({ ...calm, ...signals }, defaultThresholds)).toBe(trigger);
  });

  it('uses the workspace thresholds', () => {
    const strict = thresholdsFrom({ bot: { repeatTimes: 2, emotionLevel: 5, vipGetsHuman: true, lowConfidence: 'bad' } });
    expect(strict.lowConfidence).toBe(defaultThresholds.lowConfidence);
    expect(handoffPolicy({ ...calm, sameQuestionCount: 2 }, strict)).toBe('repeat');
    expect(handoffPolicy({ ...calm, emotionLevel: 4 }, strict)).toBeNull();
    expect(handoffPolicy({ ...calm, vip: true }, strict)).toBe('human_only');
  });

  it('never fires a switched-off trigger; explicit requests and human-only contacts cannot be switched off', () => {
    const quiet = thresholdsFrom({ bot: { triggers: { repeat: false, emotion: false, low_confidence: false } } });
    expect(handoffPolicy({ ...calm, sameQuestionCount: 9, emotionLevel: 5, emotionRisingSharply: true, lowConfidenceStreak: 9 }, quiet)).toBeNull();
    expect(handoffPolicy({ ...calm, explicitRequest: true }, quiet)).toBe('explicit');
    expect(handoffPolicy({ ...calm, humanOnly: true }, quiet)).toBe('human_only');
    const noEmotion = thresholdsFrom({ bot: { triggers: { emotion: false } } });
    expect(handoffPolicy({ ...calm, emotionLevel: 5, sameQuestionCount: 3 }, noEmotion)).toBe('repeat');
  });

  it('reads stored settings leniently: out of range, wrong type or contradictory values fall back', () => {
    const read = thresholdsFrom({ bot: { repeatTimes: 1, emotionLevel: 4.5, answerConfidence: 0.2, lowConfidence: 0.4, triggers: { repeat: 'no', emotion: false } } });
    expect(read).toMatchObject({ repeatTimes: 3, emotionLevel: 4, answerConfidence: 0.2, lowConfidence: 0.2, triggers: { repeat: true, emotion: false, low_confidence: true } });
    expect(thresholdsFrom(null)).toEqual(defaultThresholds);
  });
});

describe('isExplicitHandoffRequest', () => {
  it.each([
    ['转人工', true], ['我要人工客服', true], ['人工', true], ['找真人', true], ['I want an agent', true], ['talk to a human please', true],
    ['can I speak to a real person', true], ['人工智能是什么', false], ['怎么退货', false], ['where is my order', false],
  ])('%s → %s', (text, expected) => expect(isExplicitHandoffRequest(text)).toBe(expected));
});

describe('chooseAnswer', () => {
  const c = (entryId: string, score: number, question = entryId) => ({ entryId, score, question });
  it.each([
    ['confident', { entryId: 'a', confidence: 0.8, outOfScope: false, candidates: [c('a', 0.8), c('b', 0.3)] }, 'answer'],
    ['out of scope', { entryId: null, confidence: 0.2, outOfScope: true, candidates: [c('a', 0.2)] }, 'fallback'],
    ['no candidates', { entryId: null, confidence: 0, outOfScope: true, candidates: [] }, 'fallback'],
    ['two close', { entryId: 'a', confidence: 0.5, outOfScope: false, candidates: [c('a', 0.5), c('b', 0.48)] }, 'clarify'],
    ['middling with a runner-up', { entryId: 'a', confidence: 0.4, outOfScope: false, candidates: [c('a', 0.4), c('b', 0.31)] }, 'clarify'],
    ['middling alone', { entryId: 'a', confidence: 0.4, outOfScope: false, candidates: [c('a', 0.4), c('b', 0.1)] }, 'answer'],
  ] as const)('%s → %s', (_n, match, kind) => {
    expect(chooseAnswer({ ...match, candidates: [...match.candidates] }, defaultThresholds).kind).toBe(kind);
  });
});

describe('sameQuestionCount', () => {
  it('counts the run of the same text or the same entry', () => {
    const turns = [{ text: 'x', entryId: null }, { text: 'refund', entryId: 'e1' }, { text: 'refund?', entryId: 'e1' }];
    expect(sameQuestionCount(turns, { text: 'how refund', entryId: 'e1' })).toBe(3);
    expect(sameQuestionCount(turns, { text: 'other', entryId: 'e2' })).toBe(1);
    expect(sameQuestionCount([{ text: 'hi', entryId: null }], { text: 'hi', entryId: null })).toBe(2);
  });
});
