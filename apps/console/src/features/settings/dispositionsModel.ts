import type { Disposition } from '@lingxi/contracts';
import type { Problem } from '../../lib/api/client.ts';

// Pure rules of Settings → Dispositions: the rows being edited, which keys are still free to change, the list to save.

export const MAX_DISPOSITIONS = 50;
/** The server's rule for a key (contracts `Disposition.key`). */
export const KEY_PATTERN = /^[a-z][a-z0-9_]{0,31}$/;

/** One row of the form: `saved` says the key is already in use on the server (and so no longer typed). */
export type DispositionRow = { key: string; label: { 'zh-CN': string; 'en-US': string }; saved: boolean };

export function rowsOf(list: readonly Disposition[]): DispositionRow[] {
  return list.map((d) => ({ key: d.key, label: { 'zh-CN': d.label['zh-CN'], 'en-US': d.label['en-US'] }, saved: true }));
}

/** What PUT /settings/dispositions is sent: keys and labels trimmed, in the order shown. */
export function listOf(rows: readonly DispositionRow[]): Disposition[] {
  return rows.map((r) => ({ key: r.key.trim(), label: { 'zh-CN': r.label['zh-CN'].trim(), 'en-US': r.label['en-US'].trim() } }));
}

export function sameList(a: readonly Disposition[], b: readonly Disposition[]): boolean {
  return JSON.stringify(listOf(rowsOf(a))) === JSON.stringify(listOf(rowsOf(b)));
}

/** A key suggested from the English label ("Refund issued" → refund_issued), unique among the others; '' when nothing usable. */
export function suggestKey(englishLabel: string, taken: readonly string[]): string {
  const base = englishLabel
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^[^a-z]+/, '')
    .replace(/_+$/, '')
    .slice(0, 32)
    .replace(/_+$/, '');
  if (!base) return '';
  if (!taken.includes(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base.slice(0, 32 - String(n).length - 1)}_${n}`;
    if (!taken.includes(candidate)) return candidate;
  }
}

/** Moves the row at `from` one place up (-1) or down (+1); the list as it was at the ends. */
export function moveRow<T>(rows: readonly T[], from: number, step: -1 | 1): T[] {
  const to = from + step;
  if (from < 0 || from >= rows.length || to < 0 || to >= rows.length) return [...rows];
  const next = [...rows];
  [next[from], next[to]] = [next[to]!, next[from]!];
  return next;
}

/** Why a key cannot be saved, as a problem key of the shared dictionary; null when it can. */
export function keyProblem(key: string, otherKeys: readonly string[]): 'pattern' | 'duplicate' | 'required' | null {
  const k = key.trim();
  if (!k) return 'required';
  if (!KEY_PATTERN.test(k)) return 'pattern';
  return otherKeys.includes(k) ? 'duplicate' : null;
}

/**
 * The server names a repeated key on the whole list (`body.dispositions`: `"refund" appears more than once`);
 * the form shows it on the key of each later row that repeats it. Other problems keep their path
 * (`body.dispositions.2.label.zh-CN` already names the field).
 */
export function placeProblems(problems: readonly Problem[], rows: readonly Pick<DispositionRow, 'key'>[]): Problem[] {
  return problems.flatMap((p) => {
    const repeated = p.path === 'body.dispositions' ? /^"([^"]+)" appears more than once$/.exec(p.message)?.[1] : undefined;
    if (repeated === undefined) return [p];
    const at = rows.map((r, i) => (r.key.trim() === repeated ? i : -1)).filter((i) => i >= 0).slice(1);
    return at.length ? at.map((i) => ({ ...p, path: `body.dispositions.${i}.key` })) : [p];
  });
}
