import type { KnowledgeImportProgress, KnowledgeImportView } from '@lingxi/contracts';

// What the import dialog shows of a background import: pure, so it is tested without a browser.

export const IMPORT_ACCEPT = '.jsonl,.ndjson,.json,.csv,.xlsx,.txt';
const KNOWN = /\.(jsonl|ndjson|json|csv|xlsx|txt)$/i;

export function isImportable(fileName: string): boolean {
  return KNOWN.test(fileName);
}

const ORDER = { queued: 0, running: 1, publishing: 2, done: 3, failed: 3 } as const;

/**
 * Folds a pushed or polled state into the one on screen. Pushes can arrive out of order and polls can be older
 * than the last push: the furthest state wins; errors are kept from whichever answer listed them.
 */
export function mergeProgress(current: KnowledgeImportView | null, next: KnowledgeImportProgress | KnowledgeImportView): KnowledgeImportView {
  const errors = 'errors' in next ? next.errors : (current?.errors ?? []);
  if (!current || current.id !== next.id) return { ...next, errors };
  const ahead = ORDER[next.status] > ORDER[current.status] || (ORDER[next.status] === ORDER[current.status] && next.processed >= current.processed);
  return ahead ? { ...next, errors: errors.length ? errors : current.errors } : { ...current, errors: current.errors.length ? current.errors : errors };
}

export function isFinished(state: Pick<KnowledgeImportProgress, 'status'> | null): boolean {
  return state?.status === 'done' || state?.status === 'failed';
}

/** Rows written or rejected, out of 100; the retrain after the last row is shown as 99 until it is done. */
export function percentOf(state: Pick<KnowledgeImportProgress, 'status' | 'processed' | 'total'>): number {
  if (state.status === 'done') return 100;
  if (state.total === 0) return 0;
  const rows = Math.floor((state.processed / state.total) * 100);
  return state.status === 'publishing' ? 99 : Math.min(rows, 98);
}

const cell = (text: string) => (/[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);

/** The bad rows as a CSV to fix them in a spreadsheet (BOM so Excel reads Chinese as UTF-8). */
export function errorsCsv(errors: KnowledgeImportView['errors'], headers: { line: string; field: string; problem: string }, describe: (message: string) => string): string {
  const rows = errors.flatMap((e) => e.problems.map((p) => [String(e.line), p.path, describe(p.message)].map(cell).join(',')));
  return `\uFEFF${[[headers.line, headers.field, headers.problem].map(cell).join(','), ...rows].join('\r\n')}\r\n`;
}

/** A header row and one example, the same columns the server reads and exports. */
export function templateCsv(example: { question: string; similarQuestions: string[]; answer: string; category: string; tags: string[] }): string {
  const rows = [
    ['question', 'similarQuestions', 'answer', 'category', 'tags'],
    [example.question, example.similarQuestions.join('|'), example.answer, example.category, example.tags.join('|')],
  ];
  return `\uFEFF${rows.map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}
