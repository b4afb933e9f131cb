// Speed and size: training 10k examples, model memory, one-query latency of a ~150-intent
// model, and retrieval over 100k synthetic knowledge entries.
import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';
import { buildKnowledgeIndex, serializeIntentModel, trainFaqMatcher, trainIntentModel, type KnowledgeDoc } from '../../packages/nlu/src/index.ts';
import { seededRandom } from '../../packages/nlu/src/seededRandom.ts';
import { percentile } from '../../packages/nlu/src/evaluation.ts';
import type { Row } from './datasets.ts';

setFlagsFromString('--expose_gc');
const gc = runInNewContext('gc') as () => void;

/**
 * Wall-clock and CPU time per query. On a machine shared with other work the wall clock also
 * counts time the process waited for a core; the process CPU time (user + system, all threads,
 * so GC helpers too) is what one query costs on one core.
 */
function latencies(queries: readonly string[], run: (q: string) => unknown): { p50Ms: number; p99Ms: number; cpuP50Ms: number; cpuP99Ms: number } {
  for (const q of queries.slice(0, 200)) run(q); // warm the JIT first: steady state is what a server sees
  gc(); // and collect what training left behind, which a serving process would have done long ago
  const wall: number[] = [];
  const cpu: number[] = [];
  for (const q of queries) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    run(q);
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  wall.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  return { p50Ms: percentile(wall, 0.5), p99Ms: percentile(wall, 0.99), cpuP50Ms: percentile(cpu, 0.5), cpuP99Ms: percentile(cpu, 0.99) };
}

export function trainingAndMemory(rows: readonly Row[]): { examples: number; trainSeconds: number; cpuSeconds: number; heapMB: number; serializedMB: number } {
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  let model: ReturnType<typeof trainIntentModel> | null = trainIntentModel(rows);
  const trainSeconds = (performance.now() - t0) / 1000;
  const cpuSeconds = process.cpuUsage(cpu0).user / 1e6;
  const serializedMB = serializeIntentModel(model).length / 2 ** 20;
  // what the model retains: memory with it minus memory once it is dropped, both after full GCs
  const used = () => { gc(); gc(); const m = process.memoryUsage(); return m.heapUsed + m.arrayBuffers; };
  const withModel = used();
  model.classify('keep the model alive until measured');
  model = null;
  const heapMB = (withModel - used()) / 2 ** 20;
  return { examples: rows.length, trainSeconds, cpuSeconds, heapMB, serializedMB };
}

export function queryLatency(rows: readonly Row[], queries: readonly string[]): { intents: number; p50Ms: number; p99Ms: number; cpuP50Ms: number; cpuP99Ms: number } {
  const model = trainIntentModel(rows);
  return { intents: model.labels().length, ...latencies(queries, (q) => model.classify(q, 3)) };
}

/** 100k entries built from real sentences recombined with a fixed seed, queried with held-out sentences. */
export function retrievalAt(entries: number, sentences: readonly string[], queries: readonly string[]): { entries: number; buildSeconds: number; p50Ms: number; p99Ms: number } {
  const random = seededRandom(100_000);
  const pick = () => sentences[Math.floor(random() * sentences.length)] ?? '';
  const docs: KnowledgeDoc[] = Array.from({ length: entries }, (_, i) => ({ id: `kb-${i}`, questions: [pick(), pick()], answer: `${pick()} ${pick()}` }));
  const t0 = performance.now();
  const index = buildKnowledgeIndex(docs);
  const buildSeconds = (performance.now() - t0) / 1000;
  return { entries: index.size, buildSeconds, ...latencies(queries, (q) => index.search(q, 5)) };
}

/**
 * A FAQ of ~1,000 entries (each BANKING77 label split into 13 groups of similar questions),
 * trained and matched as the bot would: a held-out question is answered right when the entry
 * it gets belongs to its label; HWU64 questions should come out as out of scope.
 */
export function faqAt(rows: readonly Row[], queries: readonly Row[], offTopic: readonly string[]): {
  entries: number; questions: number; trainSeconds: number; p50Ms: number; p99Ms: number; answeredRight: number; refusedInScope: number; refusedOffTopic: number;
} {
  const byEntry = new Map<string, string[]>();
  rows.forEach((r, i) => {
    const id = `${String(r.label)}#${i % 13}`;
    byEntry.set(id, [...(byEntry.get(id) ?? []), r.text]);
  });
  const docs = [...byEntry].map(([id, questions]) => ({ id, questions, answer: '' }));
  const t0 = performance.now();
  const matcher = trainFaqMatcher(docs);
  const trainSeconds = (performance.now() - t0) / 1000;
  const timing = latencies(queries.map((q) => q.text), (q) => matcher.match(q));
  const inScope = queries.map((q) => ({ q, m: matcher.match(q.text) }));
  return {
    entries: docs.length, questions: rows.length, trainSeconds, ...timing,
    answeredRight: inScope.filter(({ q, m }) => !m.outOfScope && m.entryId?.split('#')[0] === String(q.label)).length / inScope.length,
    refusedInScope: inScope.filter(({ m }) => m.outOfScope).length / inScope.length,
    refusedOffTopic: offTopic.filter((t) => matcher.match(t).outOfScope).length / Math.max(1, offTopic.length),
  };
}
