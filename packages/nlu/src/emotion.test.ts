import { describe, expect, it } from 'vitest';
import { analyzeEmotion, isEmotionRisingSharply } from './emotion.ts';

describe('analyzeEmotion', () => {
  it.each(['请问怎么退货', '运费谁出？', 'How do I reset my password?', 'what time do you open'])('calm question %s is level 1–2', (text) => {
    const e = analyzeEmotion(text);
    expect(e.level).toBeLessThanOrEqual(2);
    expect(e.category).toBe('neutral');
  });
  it.each(['你们这是骗子！！！我要投诉', '已经第三次了，还没解决，太离谱了', 'This is RIDICULOUS!!! I want my money back', 'I will report you to 12315, scam'])('angry %s is level ≥ 4 anger', (text) => {
    const e = analyzeEmotion(text);
    expect(e.level).toBeGreaterThanOrEqual(4);
    expect(e.category).toBe('anger');
    expect(e.sentiment).toBeLessThan(-0.5);
  });
  it.each([
    ['我的快递怎么还没到', 'anxiety'],
    ['急用，麻烦尽快发货', 'anxiety'],
    ['非常失望😞', 'disappointment'],
    ['not happy with this at all', 'disappointment'],
    ['谢谢，问题解决了', 'satisfaction'],
    ['thank you so much, great help', 'satisfaction'],
  ] as const)('%s → %s', (text, category) => {
    expect(analyzeEmotion(text).category).toBe(category);
  });
  it('turns a negated compliment around', () => {
    expect(analyzeEmotion('服务一点都不满意').sentiment).toBeLessThan(0);
    expect(analyzeEmotion('服务很满意').sentiment).toBeGreaterThan(0);
  });
  it('hears repeated demands but not laughter', () => {
    expect(analyzeEmotion('退款退款退款').level).toBeGreaterThanOrEqual(3);
    expect(analyzeEmotion('哈哈哈哈').level).toBe(1);
  });
  it('says which cues it heard', () => {
    expect(analyzeEmotion('你们这是骗子！！！我要投诉').cues).toEqual(expect.arrayContaining(['骗子', '投诉', '!!!']));
  });
});

describe('isEmotionRisingSharply', () => {
  it.each([
    [[1, 1, 4], true],
    [[1, 2, 3], true],
    [[2, 2, 3], false],
    [[4, 4, 4], false],
    [[5], false],
    [[1, 1, 1, 1, 2], false],
    [[1, 3, 2, 4], true],
  ])('%o → %s', (levels, rising) => expect(isEmotionRisingSharply(levels)).toBe(rising));
});
