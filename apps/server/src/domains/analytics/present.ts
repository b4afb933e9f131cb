import type { AlertView } from '@lingxi/contracts';
import type { Alert } from './store.ts';

export function presentAlert(a: Alert): AlertView {
  return {
    id: a.id,
    kind: a.kind,
    severity: a.severity,
    subject: a.subject,
    detail: (a.detail ?? {}) as Record<string, unknown>,
    raisedAt: a.raisedAt.toISOString(),
    acknowledgedBy: a.acknowledgedBy,
    acknowledgedAt: a.acknowledgedAt?.toISOString() ?? null,
  };
}

/** A label for an intent key: the knowledge entry's question, or the flow's name. */
export function intentLabel(intent: string, entries: ReadonlyMap<string, { question: string }> | null): string {
  if (intent.startsWith('flow:')) return intent.slice(5).replace(/_/g, ' ');
  return entries?.get(intent)?.question ?? intent;
}

/** RFC 4180 CSV with a BOM so spreadsheet programs read Chinese correctly. */
export function toCsv(columns: readonly string[], rows: ReadonlyArray<Record<string, string | number | null>>): string {
  const cell = (v: string | number | null | undefined) => {
    if (v === null || v === undefined) return '';
    const s = String(v);
    return /[",\r\n]/.test(s) || /^[=+\-@]/.test(s) ? `"${(/^[=+\-@]/.test(s) && typeof v === 'string' ? `'${s}` : s).replace(/"/g, '""')}"` : s;
  };
  return `\uFEFF${[columns.join(','), ...rows.map((r) => columns.map((c) => cell(r[c])).join(','))].join('\r\n')}\r\n`;
}
