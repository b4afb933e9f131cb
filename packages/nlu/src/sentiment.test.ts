import { describe, expect, it } from 'vitest';
import { loadPairScorer } from './pairScorer.ts';
import { loadSentimentModel, SENTIMENT_MODEL_VERSION, serializeSentimentModel, trainSentiment } from './sentiment.ts';

const good = ['很好吃', '送餐很快', '味道不错', '服务很好', '好吃实惠', '非常满意', 'great food, fast delivery', 'loved it'];
const bad = ['太难吃了', '送餐太慢', '味道很差', '服务很差', '又贵又难吃', '非常失望', 'cold and late', 'terrible taste'];
const rows = [...good.map((text) => ({ text, label: 1 })), ...bad.map((text) => ({ text, label: 0 }))];
const fixed = { now: () => 0, createdAt: '2026-11-22T00:00:00Z' };

describe('trainSentiment', () => {
  const model = trainSentiment(rows, fixed);

  it('labels reviews it never saw', () => {
    expect(model.predict('很好吃，很满意').label).toBe('1');
    expect(model.predict('太慢了，很差').label).toBe('0');
    const p = model.predict('味道不错');
    expect(p.score).toBeGreaterThan(0.5);
    expect(p.score).toBeLessThanOrEqual(1);
  });

  it('records version, labels and stats', () => {
    expect(model.version).toBe(SENTIMENT_MODEL_VERSION);
    expect(model.labels).toEqual(['0', '1']);
    expect(model.stats).toMatchObject({ examples: 16, labels: 2, trainMs: 0, createdAt: '2026-11-22T00:00:00Z' });
    expect(model.stats.features).toBeGreaterThan(0);
  });

  it('round-trips through bytes with identical predictions; training is deterministic', () => {
    const bytes = serializeSentimentModel(model);
    const loaded = loadSentimentModel(bytes);
    for (const t of ['很好吃', '太差了!!', 'late again', '', '一般般']) expect(loaded.predict(t)).toEqual(model.predict(t));
    expect(loaded.stats).toEqual(model.stats);
    expect(serializeSentimentModel(trainSentiment(rows, fixed))).toEqual(bytes);
    expect(serializeSentimentModel(loaded)).toEqual(bytes);
  });

  it('fails clearly on bytes of another model or no model', () => {
    expect(() => loadPairScorer(serializeSentimentModel(model))).toThrow(/pair scorer/);
    expect(() => loadSentimentModel(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]))).toThrow(/Not a Lingxi model/);
  });
});
