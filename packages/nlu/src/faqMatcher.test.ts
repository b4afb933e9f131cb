import { describe, expect, it } from 'vitest';
import { shopFaq } from './faqFixture.test-data.ts';
import { loadFaqMatcher, loadFaqMatcherInSlices, serializeFaqMatcher, trainFaqMatcher } from './faqMatcher.ts';
import { packModel, unpackModel, type ModelArray } from './modelBytes.ts';

const fixedClock = { now: () => 0, createdAt: '2026-11-21T00:00:00Z' };
const matcher = trainFaqMatcher(shopFaq, fixedClock);
const queries = ['退货怎么弄', 'where is my parcel', '今天天气怎么样', '优惠劵用不了'];

/** The model as matchers of version 4 or older stored it: entries in the header, no built index or question space. */
function olderLayout(bytes: Uint8Array): { meta: Record<string, unknown>; arrays: Record<string, ModelArray> } {
  const { meta, arrays } = unpackModel(bytes);
  const chunks = Object.keys(arrays).filter((name) => name.startsWith('docs.')).sort();
  const docs = chunks.flatMap((name) => JSON.parse(new TextDecoder().decode(arrays[name])) as unknown[]);
  const kept = Object.fromEntries(Object.entries(arrays).filter(([name]) => !/^(index|space|docs)\./u.test(name)));
  const { docChunks: _chunks, ...rest } = meta;
  return { meta: { ...rest, docs }, arrays: kept };
}
function asVersion4(bytes: Uint8Array): Uint8Array {
  const { meta, arrays } = olderLayout(bytes);
  return packModel({ ...meta, version: 'lingxi-faq/4' }, arrays);
}

describe('trainFaqMatcher', () => {
  it.each([
    ['退货怎么弄', 'return'],
    ['我要退貨', 'return'],
    ['退款什么时候到', 'refund'],
    ['运费怎么算', 'shipping'],
    ['能开发票吗', 'invoice'],
    ['花呗能分期吗', 'huabei'],
    ['快递到哪里了', 'logistics'],
    ['How can I return this?', 'return'],
    ['where is my parcel', 'logistics'],
    ['my refund has not arrived', 'refund'],
  ])('answers %s with %s', (query, entryId) => {
    const match = matcher.match(query);
    expect(match.entryId).toBe(entryId);
    expect(match.outOfScope).toBe(false);
  });

  it.each(['今天天气怎么样', 'asdfgh', 'tell me a joke', '你叫什么名字', 'what is the capital of italy', '附近有什么好吃的', '🙂🙂'])('refuses off-topic %s', (query) => {
    const match = matcher.match(query);
    expect(match.outOfScope).toBe(true);
    expect(match.entryId).toBeNull();
  });

  it('ranks k candidates with their questions for "did you mean"', () => {
    const match = matcher.match('退款', 2);
    expect(match.candidates).toHaveLength(2);
    expect(match.candidates[0]?.entryId).toBe('refund');
    expect(match.candidates[0]?.question).toMatch(/退款/u);
    expect(match.candidates[0]!.score).toBeGreaterThanOrEqual(match.candidates[1]!.score);
  });

  it('carries its training stats', () => {
    expect(matcher.stats).toMatchObject({ entries: 8, questions: 38, trainMs: 0, createdAt: '2026-11-21T00:00:00Z' });
  });

  it('round-trips through bytes with identical answers', () => {
    const loaded = loadFaqMatcher(serializeFaqMatcher(matcher));
    for (const q of ['退货怎么弄', 'where is my parcel', '今天天气怎么样', '优惠劵用不了']) expect(loaded.match(q)).toEqual(matcher.match(q));
  });

  it('loads in slices, pausing between them, to the same matcher', async () => {
    let pauses = 0;
    let t = 0;
    const sliced = await loadFaqMatcherInSlices(serializeFaqMatcher(matcher), { sliceMs: 1, now: () => t++, pause: async () => void pauses++ });
    expect(pauses).toBeGreaterThan(0);
    for (const q of queries) expect(sliced.match(q)).toEqual(matcher.match(q));
    expect(serializeFaqMatcher(sliced)).toEqual(serializeFaqMatcher(matcher));
  });

  it('stores its built index and question space: loading copies them, and a reload serializes to the same bytes', () => {
    const bytes = serializeFaqMatcher(matcher);
    const { meta, arrays } = unpackModel(bytes);
    expect(meta.version).toBe('lingxi-faq/5');
    expect(Object.keys(arrays).filter((n) => n.startsWith('index.') || n.startsWith('space.'))).toHaveLength(10); // and one chunk of entries
    expect(arrays['docs.00000']).toBeInstanceOf(Uint8Array);
    expect(serializeFaqMatcher(loadFaqMatcher(bytes))).toEqual(bytes);
  });

  it('still loads bytes of format lingxi-faq/4 by rebuilding the index and question space, to the same matcher', async () => {
    const old = asVersion4(serializeFaqMatcher(matcher));
    const loaded = loadFaqMatcher(old);
    let pauses = 0;
    let t = 0;
    const sliced = await loadFaqMatcherInSlices(old, { sliceMs: 1, now: () => t++, pause: async () => void pauses++ });
    expect(pauses).toBeGreaterThan(10); // every text is analysed again
    for (const q of queries) {
      expect(loaded.match(q)).toEqual(matcher.match(q));
      expect(sliced.match(q)).toEqual(matcher.match(q));
    }
    expect(serializeFaqMatcher(loaded)).toEqual(serializeFaqMatcher(matcher)); // the rebuilt structures equal the stored ones
  });

  it('trains deterministically: two trainings give identical bytes', () => {
    expect(serializeFaqMatcher(trainFaqMatcher(shopFaq, fixedClock))).toEqual(serializeFaqMatcher(matcher));
  });

  it('still loads bytes of format lingxi-faq/2 (classifier of lingxi-intent/2, no stored features)', () => {
    const { meta, arrays } = olderLayout(serializeFaqMatcher(matcher));
    const { features: _features, mlpHidden: _hidden, ...intent } = meta.intent as Record<string, unknown>;
    const { mlpEmbed: _e, mlpHiddenBias: _b, mlpOut: _o, mlpOutBias: _ob, ...linear } = arrays;
    const loaded = loadFaqMatcher(packModel({ ...meta, version: 'lingxi-faq/2', intent: { ...intent, version: 'lingxi-intent/2' } }, linear));
    expect(loaded.match('退货怎么弄').entryId).toBe('return');
    expect(loaded.match('where is my parcel').entryId).toBe('logistics');
    expect(loaded.match('tell me a joke').outOfScope).toBe(true);
  });

  it('still loads bytes of format lingxi-faq/3 (no coverage cut) with the cut off', () => {
    const { meta, arrays } = olderLayout(serializeFaqMatcher(matcher));
    const { minCoverage: _cut, ...stats } = meta.stats as Record<string, unknown>;
    const loaded = loadFaqMatcher(packModel({ ...meta, version: 'lingxi-faq/3', stats, intent: { ...(meta.intent as Record<string, unknown>), version: 'lingxi-intent/3' } }, arrays));
    expect(loaded.stats.minCoverage).toBe(0);
    expect(loaded.match('退货怎么弄').entryId).toBe('return');
  });

  it('rejects bytes that are not a model', () => {
    expect(() => loadFaqMatcher(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]))).toThrow(/magic/u);
  });
});

describe('a knowledge base too large for the per-entry classifier', () => {
  const filler = Array.from({ length: 200 }, (_, i) => ({ id: `sku-${i}`, questions: [`型号A${i}的说明书在哪里`, `model A${i} manual`], answer: `型号A${i}说明书见官网。` }));
  const large = trainFaqMatcher([...shopFaq, ...filler], fixedClock);

  it('matches by nearest question and BM25 alone', () => {
    expect(large.stats.intent).toBeNull();
    expect(large.match('退货怎么弄').entryId).toBe('return');
    expect(large.match('where is my parcel').entryId).toBe('logistics');
    expect(large.match('型号A17的说明书').entryId).toBe('sku-17');
  });

  it('still refuses off-topic queries', () => {
    for (const q of ['今天天气怎么样', 'asdfgh', 'tell me a joke']) expect(large.match(q).outOfScope).toBe(true);
  });

  it('tunes a coverage cut: a query mostly made of words no question has is refused', () => {
    expect(matcher.stats.minCoverage).toBe(0); // too small a base to tune on
    expect(large.stats.minCoverage).toBeGreaterThan(0);
    for (const q of ['set an alarm for seven tomorrow morning', '帮我把客厅的灯关掉']) expect(large.match(q).outOfScope).toBe(true);
  });

  it('does not count greetings and thanks against a question: they are not topics', () => {
    for (const [wrapped, bare] of [
      ['您好，麻烦问一下，怎么开发票呀？谢谢', '怎么开发票'],
      ['hi there, where is my parcel please? thanks', 'where is my parcel'],
    ] as const) {
      const coverage = (q: string) => (large as unknown as { probe(q: string): { coverage: number } }).probe(q).coverage;
      expect(coverage(wrapped)).toBeGreaterThanOrEqual(coverage(bare) - 0.05);
      expect(large.match(wrapped)).toMatchObject({ outOfScope: false, entryId: large.match(bare).entryId });
    }
    expect(large.match('你好').outOfScope).toBe(true); // a greeting alone is still small talk
  });

  it('round-trips through bytes', () => {
    const bytes = serializeFaqMatcher(large);
    const loaded = loadFaqMatcher(bytes);
    const rebuilt = loadFaqMatcher(asVersion4(bytes));
    for (const q of ['发票怎么开', '型号A17的说明书', 'model A3 manual please', 'tell me a joke']) {
      expect(loaded.match(q)).toEqual(large.match(q));
      expect(rebuilt.match(q)).toEqual(large.match(q));
    }
    expect(serializeFaqMatcher(loaded)).toEqual(bytes);
    expect(serializeFaqMatcher(trainFaqMatcher([...shopFaq, ...filler], fixedClock))).toEqual(bytes);
  });
});
