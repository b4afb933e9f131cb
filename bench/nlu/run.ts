// node --import tsx bench/nlu/run.ts --data ../shared/datasets [--only banking77,afqmc] [--no-nlpjs]
import { readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { evaluateIntent, evaluatePairs, evaluateSentiment, macroF1, percentile, type EvalResult } from '../../packages/nlu/src/evaluation.ts';
import { devSplit, readJsonLines, stratifiedSplit, type PairRow, type Row } from './datasets.ts';
import { trainNlpJs } from './nlpjs.ts';
import { renderResults, type BenchResults, type Score } from './report.ts';
import { faqAt, queryLatency, retrievalAt, trainingAndMemory } from './speed.ts';
import { trainBaseline, trainPairBaseline } from './tfidfBaseline.ts';

// --only runs some sections; with --merge their results replace those sections of the committed results.
const { values } = parseArgs({ options: { data: { type: 'string', default: '../shared/datasets' }, only: { type: 'string' }, merge: { type: 'boolean', default: false }, 'no-nlpjs': { type: 'boolean', default: false } } });
const dataDir = values.data ?? '../shared/datasets';
const only = values.only ? new Set(values.only.split(',')) : null;
const wanted = (name: string) => !only || only.has(name);
const log = (...parts: unknown[]) => console.error(new Date().toISOString().slice(11, 19), ...parts);

// NLP.js is slow to train on big sets; it gets a stratified sample of this many rows at most.
const NLPJS_CAP = 10_000;
const SENTIMENT_NLPJS_CAP = 5_000;

const intentSets = [
  { name: 'banking77', kind: 'intent', locale: 'en' },
  { name: 'hwu64', kind: 'intent', locale: 'en' },
  { name: 'cais', kind: 'intent', locale: 'zh' },
  { name: 'smp2019', kind: 'intent', locale: 'zh' },
  { name: 'waimai_10k', kind: 'sentiment', locale: 'zh' },
  { name: 'online_shopping_10_cats', kind: 'sentiment', locale: 'zh' },
] as const;

function score(truth: readonly string[], predicted: readonly string[], trainSeconds: number, times: number[], note = ''): Score {
  const sorted = times.slice().sort((a, b) => a - b);
  return {
    accuracy: truth.filter((t, i) => t === predicted[i]).length / truth.length, macroF1: macroF1(truth, predicted),
    trainSeconds, p50Ms: percentile(sorted, 0.5), p99Ms: percentile(sorted, 0.99), note,
  };
}

function fromEval(r: EvalResult, note = ''): Score {
  return { accuracy: r.accuracy, macroF1: r.macroF1, trainSeconds: r.trainSeconds, p50Ms: r.p50Ms, p99Ms: r.p99Ms, note };
}

function baselineScore(train: readonly Row[], dev: readonly Row[]): Score {
  const t0 = performance.now();
  const predict = trainBaseline(train);
  const trainSeconds = (performance.now() - t0) / 1000;
  const times: number[] = [];
  const predicted = dev.map((r) => { const t = performance.now(); const p = predict(r.text); times.push(performance.now() - t); return p; });
  return score(dev.map((r) => String(r.label)), predicted, trainSeconds, times);
}

async function nlpJsScore(train: readonly Row[], dev: readonly Row[], locale: 'en' | 'zh', cap: number): Promise<Score> {
  const sample = train.length > cap ? stratifiedSplit(train, cap / train.length, 11).dev : train.slice();
  const note = sample.length < train.length ? `trained on ${sample.length} of ${train.length} rows` : '';
  try {
    const t0 = performance.now();
    const predict = await trainNlpJs(sample, locale);
    const trainSeconds = (performance.now() - t0) / 1000;
    const times: number[] = [];
    const predicted: string[] = [];
    for (const r of dev) { const t = performance.now(); predicted.push(await predict(r.text)); times.push(performance.now() - t); }
    return score(dev.map((r) => String(r.label)), predicted, trainSeconds, times, note);
  } catch (error) {
    return { accuracy: NaN, macroF1: NaN, trainSeconds: NaN, p50Ms: NaN, p99Ms: NaN, note: `failed: ${(error as Error).message.slice(0, 80)}` };
  }
}

const results: BenchResults = { datasets: [], oos: [], speed: {}, ranAt: new Date().toISOString(), node: process.version, load: [loadavg()[0] ?? 0] };

for (const set of intentSets) {
  if (!wanted(set.name)) continue;
  const { train, dev, source } = devSplit<Row>(dataDir, set.name);
  log(set.name, train.length, dev.length);
  const ours = fromEval(set.kind === 'intent' ? evaluateIntent(train, dev) : evaluateSentiment(train, dev));
  log(' ours', ours.accuracy);
  const baseline = baselineScore(train, dev);
  log(' baseline', baseline.accuracy);
  const nlpjs = values['no-nlpjs'] ? null : await nlpJsScore(train, dev, set.locale, set.kind === 'sentiment' ? SENTIMENT_NLPJS_CAP : NLPJS_CAP);
  log(' nlpjs', nlpjs?.accuracy, nlpjs?.note);
  results.datasets.push({ name: set.name, task: set.kind, train: train.length, dev: dev.length, devSource: source, ours, baseline, nlpjs });
}

if (wanted('afqmc')) {
  const { train, dev, source } = devSplit<PairRow>(dataDir, 'afqmc');
  log('afqmc', train.length, dev.length);
  const ours = fromEval(evaluatePairs(train, dev));
  const t0 = performance.now();
  const predict = trainPairBaseline(train);
  const trainSeconds = (performance.now() - t0) / 1000;
  const times: number[] = [];
  const predicted = dev.map((r) => { const t = performance.now(); const p = String(predict(r.a, r.b)); times.push(performance.now() - t); return p; });
  const baseline = score(dev.map((r) => String(r.label)), predicted, trainSeconds, times);
  results.datasets.push({ name: 'afqmc', task: 'pairs', train: train.length, dev: dev.length, devSource: source, ours, baseline, nlpjs: null });
  log(' ours', ours.accuracy, 'baseline', baseline.accuracy);
}

if (wanted('resplits')) {
  // Sets where the dev split puts us within a few rows of the baseline: five more stratified
  // 80/20 splits of the same training file (other seeds), both systems trained and scored on each.
  for (const name of ['smp2019', 'waimai_10k', 'afqmc']) {
    const all = readJsonLines<Row & PairRow>(join(dataDir, name, 'train.jsonl'));
    const ours: number[] = [];
    const baseline: number[] = [];
    for (const seed of [1, 2, 3, 4, 5]) {
      const { train, dev } = stratifiedSplit(all, 0.2, seed);
      if (name === 'afqmc') {
        ours.push(evaluatePairs(train, dev).accuracy);
        const predict = trainPairBaseline(train);
        baseline.push(dev.filter((r) => predict(r.a, r.b) === r.label).length / dev.length);
      } else {
        ours.push((name === 'waimai_10k' ? evaluateSentiment(train, dev) : evaluateIntent(train, dev)).accuracy);
        baseline.push(baselineScore(train, dev).accuracy);
      }
    }
    results.resplits = [...(results.resplits ?? []), { name, seeds: [1, 2, 3, 4, 5], ours, baseline }];
    log('resplits', name, ours.map((a) => a.toFixed(4)).join(' '), '|', baseline.map((a) => a.toFixed(4)).join(' '));
  }
}

if (wanted('oos')) {
  // BANKING77 is the bot's domain; HWU64 home-assistant queries are what it must refuse.
  const bank = devSplit<Row>(dataDir, 'banking77');
  const hwuVal = readJsonLines<Row>(join(dataDir, 'hwu64', 'val.jsonl'));
  const hwuTrain = readJsonLines<Row>(join(dataDir, 'hwu64', 'train.jsonl'));
  const test = [...bank.dev, ...hwuVal.map((r) => ({ text: r.text, label: 'oos' }))];
  const closed = evaluateIntent(bank.train, bank.dev);
  const open = evaluateIntent(bank.train, test, { oosLabel: 'oos' });
  results.oos.push({ setting: 'no out-of-scope examples in training (thresholds tuned on held-out BANKING77 labels)', closedAccuracy: closed.accuracy, ...open });
  const known = stratifiedSplit(hwuTrain, 1000 / hwuTrain.length, 5).dev.map((r) => ({ text: r.text, label: 'oos' }));
  const withKnown = evaluateIntent([...bank.train, ...known], test, { oosLabel: 'oos' });
  results.oos.push({ setting: `${known.length} HWU64 train rows given as known out-of-scope examples (disjoint from the HWU64 val rows tested)`, closedAccuracy: closed.accuracy, ...withKnown });
  log('oos', JSON.stringify(results.oos));
}

if (wanted('speed')) {
  const bank = readJsonLines<Row>(join(dataDir, 'banking77', 'train.jsonl'));
  const hwu = readJsonLines<Row>(join(dataDir, 'hwu64', 'train.jsonl'));
  const hwuVal = readJsonLines<Row>(join(dataDir, 'hwu64', 'val.jsonl'));
  const afqmc = readJsonLines<PairRow>(join(dataDir, 'afqmc', 'train.jsonl'));
  results.speed.training = trainingAndMemory(bank);
  log('training', JSON.stringify(results.speed.training));
  const split = stratifiedSplit([...bank, ...hwu.map((r) => ({ text: r.text, label: `hwu:${String(r.label)}` }))], 0.1, 3);
  results.speed.query = queryLatency(split.train, split.dev.map((r) => r.text));
  log('query', JSON.stringify(results.speed.query));
  const sentences = [...afqmc.flatMap((r) => [r.a, r.b]), ...bank.map((r) => r.text), ...hwu.map((r) => r.text)];
  results.speed.retrieval = retrievalAt(100_000, sentences.slice(0, -2000), [...sentences.slice(-1000), ...hwuVal.slice(0, 1000).map((r) => r.text)]);
  log('retrieval', JSON.stringify(results.speed.retrieval));
  const faqSplit = stratifiedSplit(bank, 0.2, 4);
  results.speed.faq = faqAt(faqSplit.train, faqSplit.dev, hwuVal.map((r) => r.text));
  log('faq', JSON.stringify(results.speed.faq));
}

results.load.push(loadavg()[0] ?? 0);
const resultsFile = new URL('./results.json', import.meta.url);
if (only && values.merge) {
  const previous = JSON.parse(readFileSync(resultsFile, 'utf8')) as BenchResults;
  const rerun = new Set(results.datasets.map((d) => d.name));
  // NLP.js does not change with our code: a re-run without it keeps its previous scores
  const before = new Map(previous.datasets.map((d) => [d.name, d]));
  if (values['no-nlpjs']) for (const d of results.datasets) d.nlpjs = before.get(d.name)?.nlpjs ?? null;
  results.datasets = [...previous.datasets.filter((d) => !rerun.has(d.name)), ...results.datasets];
  if (results.oos.length === 0) results.oos = previous.oos;
  if (!results.resplits) results.resplits = previous.resplits;
  results.speed = { ...previous.speed, ...results.speed };
  results.notes = [...(previous.notes ?? []), `Sections ${[...only].join(', ')} re-run${values['no-nlpjs'] ? ' (without NLP.js, whose scores are kept from the earlier run)' : ''} at ${results.ranAt.slice(11, 16)} UTC, load ${results.load.map((l) => l.toFixed(1)).join(' → ')}; the rest from the full run of ${previous.ranAt.slice(11, 16)} UTC, load ${previous.load.map((l) => l.toFixed(1)).join(' → ')}.`];
  results.ranAt = previous.ranAt;
  results.load = previous.load;
}
const { markdown, json } = renderResults(results);
if (!only || values.merge) {
  writeFileSync(new URL('./results.md', import.meta.url), markdown);
  writeFileSync(new URL('./results.json', import.meta.url), `${JSON.stringify(json, null, 2)}\n`);
}
console.log(markdown);
