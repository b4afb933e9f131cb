import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { seededRandom, shuffled } from '../../packages/nlu/src/seededRandom.ts';

export type Row = { text: string; label: string | number };
export type PairRow = { a: string; b: string; label: number };

export function readJsonLines<T>(file: string): T[] {
  return readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as T);
}

/** Holds out `share` of each label with a fixed seed, so every run sees the same dev split. */
export function stratifiedSplit<T extends { label: string | number }>(rows: readonly T[], share = 0.2, seed = 2026): { train: T[]; dev: T[] } {
  const byLabel = new Map<string, T[]>();
  for (const r of rows) {
    const key = String(r.label);
    const list = byLabel.get(key) ?? [];
    list.push(r);
    byLabel.set(key, list);
  }
  const random = seededRandom(seed);
  const train: T[] = [];
  const dev: T[] = [];
  for (const key of [...byLabel.keys()].sort()) {
    const list = shuffled(byLabel.get(key) ?? [], random);
    const cut = Math.round(list.length * share);
    dev.push(...list.slice(0, cut));
    train.push(...list.slice(cut));
  }
  return { train: shuffled(train, random), dev };
}

/** The dev split of a data set: its published validation file when there is one, else 20% of train. */
export function devSplit<T extends { label: string | number }>(dataDir: string, name: string): { train: T[]; dev: T[]; source: string } {
  const all = readJsonLines<T>(join(dataDir, name, 'train.jsonl'));
  const val = join(dataDir, name, 'val.jsonl');
  if (existsSync(val)) return { train: all, dev: readJsonLines<T>(val), source: 'val.jsonl' };
  return { ...stratifiedSplit(all), source: '20% of train, stratified, seed 2026' };
}
