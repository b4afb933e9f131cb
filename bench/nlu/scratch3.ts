import { devSplit } from './datasets.ts';
import { evaluateIntent, evaluatePairs, evaluateSentiment } from '../../packages/nlu/src/evaluation.ts';
const [kind, name] = [process.argv[2], process.argv[3] ?? 'banking77'];
const { train, dev } = devSplit<any>('../shared/datasets', name);
const r = kind === 'pairs' ? evaluatePairs(train, dev) : kind === 'sent' ? evaluateSentiment(train, dev) : evaluateIntent(train, dev);
console.log(name, JSON.stringify(r));
