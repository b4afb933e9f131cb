import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { evaluateIntent, evaluatePairs, evaluateSentiment, type LabelledText, type TextPair } from '@lingxi/nlu';

type EvalContext = { args: string[]; out: (line: string) => void; err: (line: string) => void };

/** Reads JSON Lines, reporting every bad line instead of stopping at the first. */
export function readJsonLines(file: string): { rows: unknown[]; problems: string[] } {
  const rows: unknown[] = [];
  const problems: string[] = [];
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, index) => {
      if (line.trim() === '') return;
      try {
        rows.push(JSON.parse(line));
      } catch {
        problems.push(`${file}:${index + 1}: not valid JSON`);
      }
    });
  return { rows, problems };
}

function isLabelled(row: unknown): row is LabelledText {
  const r = row as LabelledText;
  return typeof r?.text === 'string' && (typeof r.label === 'string' || typeof r.label === 'number');
}

function isPair(row: unknown): row is TextPair {
  const r = row as TextPair;
  return typeof r?.a === 'string' && typeof r?.b === 'string' && (r.label === 0 || r.label === 1);
}

/** `lingxi eval intent|sentiment|pairs --train F --test F`: prints one JSON line last. */
export async function runEval({ args, out, err }: EvalContext): Promise<number> {
  const [kind, ...rest] = args;
  const { values } = parseArgs({ args: rest, options: { train: { type: 'string' }, test: { type: 'string' }, 'oos-label': { type: 'string' } }, strict: true });
  const problems: string[] = [];
  if (kind !== 'intent' && kind !== 'sentiment' && kind !== 'pairs') problems.push('the first argument must be intent, sentiment or pairs');
  if (!values.train) problems.push('--train FILE is required');
  if (!values.test) problems.push('--test FILE is required');
  if (problems.length === 0) {
    for (const file of [values.train!, values.test!]) {
      try {
        readFileSync(file, { flag: 'r' }).length;
      } catch {
        problems.push(`cannot read ${file}`);
      }
    }
  }
  if (problems.length > 0) {
    err('Usage: lingxi eval intent|sentiment|pairs --train FILE --test FILE [--oos-label oos]');
    for (const p of problems) err(`  - ${p}`);
    return 2;
  }
  const train = readJsonLines(values.train!);
  const test = readJsonLines(values.test!);
  const check = kind === 'pairs' ? isPair : isLabelled;
  const shape = kind === 'pairs' ? '{"a": "...", "b": "...", "label": 0|1}' : '{"text": "...", "label": ...}';
  for (const [name, data] of [['train', train], ['test', test]] as const) {
    problems.push(...data.problems);
    const bad = data.rows.findIndex((row) => !check(row));
    if (bad >= 0) problems.push(`${name} row ${bad + 1} is not ${shape}`);
    if (data.rows.length === 0) problems.push(`${name} file has no rows`);
  }
  if (problems.length > 0) {
    for (const p of problems.slice(0, 20)) err(`  - ${p}`);
    return 2;
  }
  const result =
    kind === 'intent'
      ? evaluateIntent(train.rows as LabelledText[], test.rows as LabelledText[], values['oos-label'] ? { oosLabel: values['oos-label'] } : {})
      : kind === 'sentiment'
        ? evaluateSentiment(train.rows as LabelledText[], test.rows as LabelledText[])
        : evaluatePairs(train.rows as TextPair[], test.rows as TextPair[]);
  out(JSON.stringify(result));
  return 0;
}
