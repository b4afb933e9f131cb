import { describe, expect, it } from 'vitest';
import { loadIntentModel, serializeIntentModel } from './intentCodec.ts';
import { intentFeatures, trainIntentModel, type LabelledText } from './intentModel.ts';
import { packModel, unpackModel } from './modelBytes.ts';

// Enough written examples per intent that the model tunes its own temperature and thresholds.
const phrasings: Record<string, string[]> = {
  card_lost: ['i lost my card', 'my card was stolen', 'cannot find my card', 'someone stole my bank card', 'lost card what do i do', 'card missing please block it', 'i think i lost my debit card', 'my wallet with my card is gone'],
  transfer_fee: ['is there a fee for transfers', 'how much does a transfer cost', 'why was i charged for a transfer', 'transfer fee too high', 'do you charge for sending money', 'fee on my bank transfer', 'what are the transfer charges', 'sending money costs how much'],
  exchange_rate: ['what is the exchange rate', 'how do you convert currency', 'euro to dollar rate', 'exchange rate seems wrong', 'which rate do you use for currency', 'currency conversion rate today', 'rate for pounds to euros', 'why is the exchange rate bad'],
  top_up: ['how do i top up', 'add money to my account', 'top up failed', 'can i top up with a card', 'my top up did not work', 'topping up by bank transfer', 'top up limit', 'where is my top up'],
  pin_change: ['how to change my pin', 'i forgot my pin', 'reset pin code', 'change card pin', 'pin is blocked', 'new pin please', 'where can i change the pin', 'my pin does not work'],
  refund: ['i want a refund', 'refund not received', 'how long does a refund take', 'merchant refund missing', 'request a refund', 'refund still pending', 'when will my refund arrive', 'refund for my purchase'],
};
const examples: LabelledText[] = Object.entries(phrasings).flatMap(([label, texts]) => texts.map((text) => ({ text, label })));
const fixed = { now: () => 0, createdAt: '2026-11-21T00:00:00Z' };

describe('trainIntentModel', () => {
  const model = trainIntentModel(examples, fixed);

  it('classifies paraphrases it never saw', () => {
    expect(model.classify('my card got stolen yesterday').intent).toBe('card_lost');
    expect(model.classify('how much is the fee to transfer money').intent).toBe('transfer_fee');
    expect(model.classify('i need to change my pin').intent).toBe('pin_change');
  });

  it('gives calibrated top-k candidates that sum to at most 1', () => {
    const p = model.classify('refund for the thing i returned', 3);
    expect(p.candidates.map((c) => c.intent)[0]).toBe('refund');
    expect(p.candidates).toHaveLength(3);
    expect(p.candidates.reduce((s, c) => s + c.score, 0)).toBeLessThanOrEqual(1.0001);
    expect(p.confidence).toBe(p.candidates[0]?.score);
  });

  it('refuses gibberish', () => {
    const p = model.classify('zzqx vvrk');
    expect(p.outOfScope).toBe(true);
    expect(p.intent).toBeNull();
    expect(p.confidence).toBeLessThan(0.5);
  });

  it('records stats, labels and version', () => {
    expect(model.labels()).toEqual(['card_lost', 'exchange_rate', 'pin_change', 'refund', 'top_up', 'transfer_fee']);
    expect(model.stats).toMatchObject({ examples: 48, labels: 6, trainMs: 0, createdAt: '2026-11-21T00:00:00Z' });
    expect(model.version).toBe('lingxi-intent/4');
  });

  it('round-trips through bytes with identical predictions', () => {
    const loaded = loadIntentModel(serializeIntentModel(model));
    for (const q of ['lost my card', 'euro rate', 'what?', '退款']) expect(loaded.classify(q, 4)).toEqual(model.classify(q, 4));
    expect(loaded.stats).toEqual(model.stats);
  });

  it('is deterministic: two trainings give identical bytes', () => {
    expect(serializeIntentModel(trainIntentModel(examples, fixed))).toEqual(serializeIntentModel(model));
  });

  it('learns known out-of-scope examples as a background class', () => {
    const guarded = trainIntentModel(examples, { ...fixed, outOfScopeExamples: ['tell me a joke', 'what is the weather', 'play some music', 'who won the game'] });
    expect(guarded.classify('tell me a funny joke').outOfScope).toBe(true);
    expect(guarded.labels()).not.toContain('__background__');
  });

  it('stores its feature configuration, and still loads version 2 bytes with the features they were trained on', () => {
    const loaded = loadIntentModel(serializeIntentModel(model));
    expect(loaded.classify('lost card')).toEqual(model.classify('lost card'));
    const old = { zhChars: [1, 4], enChars: [2, 5], wordBigrams: true } as const;
    const oldModel = trainIntentModel(examples, { ...fixed, features: old, ensemble: false }); // version 2 had no network
    const { meta, arrays } = unpackModel(serializeIntentModel(oldModel));
    expect(meta.features).toEqual(old);
    const { features: _dropped, ...rest } = meta;
    const version2 = packModel({ ...rest, version: 'lingxi-intent/2' }, arrays);
    const reloaded = loadIntentModel(version2);
    for (const q of ['my card was stolen', 'transfer fee', 'pin?']) expect(reloaded.classify(q, 3)).toEqual(oldModel.classify(q, 3));
    expect(intentFeatures).toEqual({ zhChars: [1, 2], enChars: [2, 3], wordBigrams: true, respell: true });
    expect(() => loadIntentModel(packModel({ ...rest, version: 'lingxi-intent/9' }, arrays))).toThrow(/lingxi-intent\/9/);
  });

  it('reads an unknown English word as the known word one edit away', () => {
    expect(model.classify('my crad was stoeln', 3)).toEqual(model.classify('my card was stolen', 3));
    expect(model.classify('how do i chnage my pin', 3)).toEqual(model.classify('how do i change my pin', 3));
  });

  it('still loads version 3 bytes, which never respell', () => {
    const { meta, arrays } = unpackModel(serializeIntentModel(model));
    const { respell: _respell, ...features } = meta.features as Record<string, unknown>;
    const version3 = loadIntentModel(packModel({ ...meta, version: 'lingxi-intent/3', features }, arrays));
    expect(version3.classify('my card was stolen', 3)).toEqual(model.classify('my card was stolen', 3));
    expect(version3.classify('my crad was stoeln', 3)).not.toEqual(model.classify('my crad was stoeln', 3));
  });

  it('averages a network with the regression, but lets the regression alone decide out-of-scope', () => {
    const linear = trainIntentModel(examples, { ...fixed, ensemble: false });
    expect(model.stats.ensembleTemperature).toBeGreaterThan(0);
    expect(linear.stats.ensembleTemperature).toBe(linear.stats.temperature);
    expect(model.stats.thresholds).toEqual(linear.stats.thresholds);
    const queries = ['lost my card', 'fee for sending money abroad', 'zzqx vvrk', 'what is the weather', 'pin', 'refund please', '退款'];
    for (const q of queries) expect(model.classify(q).outOfScope).toBe(linear.classify(q).outOfScope);
    // the ranking does use the network: some probability differs
    expect(queries.some((q) => model.classify(q).confidence !== linear.classify(q).confidence)).toBe(true);
    expect(serializeIntentModel(model).length).toBeGreaterThan(serializeIntentModel(linear).length);
  });
});
