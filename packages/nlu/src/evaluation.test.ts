import { describe, expect, it } from 'vitest';
import { evaluateIntent, evaluatePairs, evaluateSentiment, macroF1 } from './evaluation.ts';

describe('macroF1', () => {
  it('averages per-label F1', () => {
    expect(macroF1(['a', 'a', 'b', 'b'], ['a', 'a', 'b', 'b'])).toBe(1);
    expect(macroF1(['a', 'a', 'b', 'b'], ['a', 'b', 'b', 'b'])).toBeCloseTo((2 / 3 + 0.8) / 2);
  });
});

const topics: Record<string, string[]> = {
  return: ['怎么退货', '我想退货', '退货流程', '退货要运费吗', '退货地址在哪', '可以退货吗'],
  invoice: ['怎么开发票', '发票在哪开', '要开发票', '发票抬头', '电子发票', '开发票要多久'],
  password: ['忘记密码', '改密码', '密码错误', '重置密码', '密码找回', '修改登录密码'],
  coupon: ['优惠券怎么用', '优惠券不能用', '优惠券过期', '领优惠券', '优惠券在哪', '优惠券失效'],
  shipping: ['运费多少', '包邮吗', '运费谁出', '运费怎么算', '免运费吗', '邮费多少'],
};
const rows = Object.entries(topics).flatMap(([label, texts]) => texts.map((text) => ({ text, label })));

describe('evaluateIntent', () => {
  it('scores held-out rows and reports latency', () => {
    const train = rows.filter((_, i) => i % 3 !== 0);
    const test = rows.filter((_, i) => i % 3 === 0);
    const r = evaluateIntent(train, test);
    expect(r.accuracy).toBeGreaterThan(0.6);
    expect(r.p99Ms).toBeGreaterThanOrEqual(r.p50Ms);
    expect(r.inScopeAccuracy).toBeUndefined();
  });
  it('treats the oos label as out of scope, never as an intent', () => {
    const oos = ['今天天气', '讲个笑话', '你几岁', '唱首歌', '几点了', '你好笨'].map((text) => ({ text, label: 'oos' }));
    const r = evaluateIntent([...rows, ...oos.slice(0, 4)], [{ text: '讲个鬼故事笑话', label: 'oos' }, { text: '怎么退货呢', label: 'return' }], { oosLabel: 'oos' });
    expect(r.oosRecall).toBe(1);
    expect(r.inScopeAccuracy).toBe(1);
    expect(r.accuracy).toBe(1);
  });
});

describe('evaluateSentiment and evaluatePairs', () => {
  it('train on the train rows and score the test rows', () => {
    const good = ['很好吃', '送餐很快', '味道不错', '服务很好', '好吃实惠', '非常满意'];
    const bad = ['太难吃了', '送餐太慢', '味道很差', '服务很差', '又贵又难吃', '非常失望'];
    const train = [...good.map((text) => ({ text, label: 1 })), ...bad.map((text) => ({ text, label: 0 }))];
    const s = evaluateSentiment(train, [{ text: '很好吃，很满意', label: 1 }, { text: '太慢了，很差', label: 0 }]);
    expect(s.accuracy).toBe(1);
    const pairs = [
      { a: '花呗怎么还款', b: '花呗如何还款', label: 1 }, { a: '借呗额度', b: '花呗额度', label: 0 },
      { a: '怎么开通花呗', b: '花呗如何开通', label: 1 }, { a: '花呗逾期', b: '借呗提前还款', label: 0 },
    ];
    const p = evaluatePairs([...pairs, ...pairs, ...pairs], pairs);
    expect(p.accuracy).toBeGreaterThanOrEqual(0.75);
    expect(p.trainSeconds).toBeGreaterThanOrEqual(0);
  });
});
