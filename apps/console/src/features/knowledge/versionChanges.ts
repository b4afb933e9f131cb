// What one version changed against the one before it, field by field, for the history's diff view.

export const VERSION_FIELDS = ['question', 'similarQuestions', 'answer', 'quickReplies', 'category', 'tags', 'channels', 'validFrom', 'validTo', 'status'] as const;
export type VersionField = (typeof VERSION_FIELDS)[number];

export type FieldChange =
  | { field: VersionField; kind: 'text'; before: string | null; after: string | null }
  | { field: VersionField; kind: 'list'; added: string[]; removed: string[] };

const asList = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);
const asText = (v: unknown): string | null => (v === null || v === undefined || v === '' ? null : String(v));

/** The fields that differ; for the first version (no previous one) every field that has a value. */
export function versionChanges(previous: Record<string, unknown> | null, next: Record<string, unknown>): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of VERSION_FIELDS) {
    const a = previous?.[field];
    const b = next[field];
    if (Array.isArray(a) || Array.isArray(b)) {
      const before = asList(a);
      const after = asList(b);
      const added = after.filter((x) => !before.includes(x));
      const removed = before.filter((x) => !after.includes(x));
      if (added.length || removed.length) changes.push({ field, kind: 'list', added, removed });
    } else if (asText(a) !== asText(b)) {
      changes.push({ field, kind: 'text', before: asText(a), after: asText(b) });
    }
  }
  return changes;
}

/** "restored:3" → { action: 'restored', from: 3 }: the server records which version a restore copied. */
export function actionOf(raw: string): { action: string; from: number | null } {
  const [action, from] = raw.split(':');
  const n = Number(from);
  return { action: action ?? raw, from: from !== undefined && Number.isInteger(n) ? n : null };
}
