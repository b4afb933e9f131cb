// Training, serializing and loading the 10k-entry FAQ model in one process, without a database: what a publish costs
// the trainer thread and what swapping the model in costs every node's main thread.
// Run: nice -n 15 node --import tsx bench/knowledge/load.ts [--entries 10000] [--runs 3]
import { loadavg } from 'node:os';
import { loadFaqMatcher, loadFaqMatcherInSlices, serializeFaqMatcher, trainFaqMatcher } from '../../packages/nlu/src/index.ts';
import { afterSalesKnowledge } from './afterSales.ts';

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const COUNT = Number(arg('entries') ?? 10_000);
const RUNS = Number(arg('runs') ?? 3);
const docs = afterSalesKnowledge(COUNT).map((l, i) => ({ id: `e${i}`, questions: [l.question, ...l.similarQuestions], answer: l.answer }));
const cpuMs = <T>(work: () => T): [T, number] => {
  const started = process.cpuUsage();
  const result = work();
  const used = process.cpuUsage(started);
  return [result, (used.user + used.system) / 1000];
};
const min = (xs: number[]) => Math.min(...xs).toFixed(0);
const mb = (n: number) => (n / 1_048_576).toFixed(1);

const sliceCpuMs: number[] = [], trainMs: number[] = [], serializeMs: number[] = [], loadMs: number[] = [], slicedMs: number[] = [], stallMs: number[] = [];
let bytes: Uint8Array = new Uint8Array(0);

for (let run = 0; run < RUNS; run++) {
  const [matcher, t] = cpuMs(() => trainFaqMatcher(docs, { seed: 7 }));
  trainMs.push(t);
  const [b, s] = cpuMs(() => serializeFaqMatcher(matcher));
  serializeMs.push(s);
  bytes = b;
  const [loaded, l] = cpuMs(() => loadFaqMatcher(bytes));
  loadMs.push(l);
  const answer = JSON.stringify(loaded.match(docs[5]!.questions[1]!));
  if (answer !== JSON.stringify(matcher.match(docs[5]!.questions[1]!))) throw new Error('loaded matcher answers differently');
  // in slices: the longest slice is what a reply waits at most while the model swaps in (wall time, and its CPU time:
  // on a loaded machine a 10 ms slice of CPU can take longer on the clock)
  let longest = 0, longestCpu = 0, last = performance.now(), lastCpu = process.cpuUsage();
  const endSlice = () => {
    const cpu = process.cpuUsage(lastCpu);
    longest = Math.max(longest, performance.now() - last);
    longestCpu = Math.max(longestCpu, (cpu.user + cpu.system) / 1000);
  };
  const started = performance.now();
  await loadFaqMatcherInSlices(bytes, { pause: async () => { endSlice(); await new Promise((r) => setTimeout(r, 0)); last = performance.now(); lastCpu = process.cpuUsage(); } });
  endSlice();
  slicedMs.push(performance.now() - started);
  sliceCpuMs.push(longestCpu);
  stallMs.push(longest);
}
// memory: three loaded matchers held at once, per matcher (needs --expose-gc; shared caches and garbage average out)
const used = () => { globalThis.gc?.(); const m = process.memoryUsage(); return m.heapUsed + m.arrayBuffers; };
const base = used();
const held = [loadFaqMatcher(bytes), loadFaqMatcher(bytes), loadFaqMatcher(bytes)];
const heapGrowth = (used() - base) / held.length;
console.log(`${docs.length} entries, ${docs.reduce((n, d) => n + d.questions.length, 0)} questions; best of ${RUNS} (CPU ms, slices wall ms); load average ${loadavg().map((l) => l.toFixed(1)).join(' / ')}`);
console.log(`train ${min(trainMs)} ms · serialize ${min(serializeMs)} ms · ${mb(bytes.byteLength)} MB · load ${min(loadMs)} ms (a loaded matcher holds ${globalThis.gc ? mb(heapGrowth) : '?'} MB of heap and array buffers) · load in slices ${min(slicedMs)} ms wall, longest slice ${min(stallMs)} ms wall, ${min(sliceCpuMs)} ms CPU`);
