import { devSplit } from './datasets.ts';
import { extractFeatures } from '../../packages/nlu/src/features.ts';
import { fitVocabulary, vectorize } from '../../packages/nlu/src/vectorizer.ts';
import { trainSoftmax, linearScores } from '../../packages/nlu/src/softmaxRegression.ts';
const name = process.argv[2] ?? 'banking77';
const { train, dev } = devSplit<{ text: string; label: string }>('../shared/datasets', name);
let t = performance.now();
const labels = [...new Set(train.map((r) => String(r.label)))].sort();
const bags = train.map((r) => extractFeatures(r.text));
const vocab = fitVocabulary(bags, Number(process.env.MINDF ?? 1));
const xs = bags.map((b) => vectorize(b, vocab));
console.log('features', vocab.hashes.length, 'nnz avg', xs.reduce((s, x) => s + x.index.length, 0) / xs.length, 'ms', performance.now() - t);
t = performance.now();
const ys = Int32Array.from(train.map((r) => labels.indexOf(String(r.label))));
const model = trainSoftmax(xs, ys, labels.length, vocab.hashes.length, { epochs: Number(process.env.EP ?? 12), learningRate: Number(process.env.LR ?? 0.4), l2: Number(process.env.L2 ?? 1e-6), seed: 7 });
console.log('train ms', performance.now() - t);
let ok = 0;
for (const r of dev) { const s = linearScores(model, vectorize(extractFeatures(r.text), vocab)); let b = 0; s.forEach((v, i) => { if (v > (s[b] ?? 0)) b = i; }); if (labels[b] === String(r.label)) ok++; }
console.log(name, 'acc', ok / dev.length);
