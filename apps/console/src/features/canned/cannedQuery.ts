import type { CannedResponseView } from '@lingxi/contracts';
import type { z } from 'zod';

export type Canned = z.infer<typeof CannedResponseView>;

/** "/ship" typed at the start of the box or after a space, up to the caret → { query: "ship", start }; else null. */
export function slashQuery(text: string, caret: number): { query: string; start: number } | null {
  const before = text.slice(0, caret);
  const found = /(^|\s)\/([\p{L}\p{N}_-]*)$/u.exec(before);
  if (!found) return null;
  return { query: found[2] ?? '', start: before.length - (found[2] ?? '').length - 1 };
}

/** Shortcut prefix first, then shortcut / title / either text containing the query (case-insensitive). */
export function matchCanned(all: readonly Canned[], query: string, limit = 8): Canned[] {
  const q = query.trim().toLowerCase();
  if (!q) return all.slice(0, limit);
  const prefix = all.filter((c) => c.shortcut.toLowerCase().startsWith(q));
  const rest = all.filter((c) => !prefix.includes(c) && [c.shortcut, c.title, c.text['zh-CN'] ?? '', c.text['en-US'] ?? ''].some((field) => field.toLowerCase().includes(q)));
  return [...prefix, ...rest].slice(0, limit);
}

/** The text with "/query" (from start to caret) replaced by the rendered canned text. */
export function insertCanned(text: string, start: number, caret: number, rendered: string): { text: string; caret: number } {
  const next = text.slice(0, start) + rendered + text.slice(caret);
  return { text: next, caret: start + rendered.length };
}
