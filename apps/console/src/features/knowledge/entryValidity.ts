// Whether an entry answers customers right now: a time-limited policy (a promotion's coupon rules) that has
// ended or not yet begun is still "published" but the bot does not use it, and the editor must say so.

export type Validity = { state: 'always' } | { state: 'active'; until: string | null } | { state: 'notYet'; from: string } | { state: 'expired'; to: string };

export function validityOf(entry: { validFrom: string | null; validTo: string | null }, now: Date): Validity {
  if (!entry.validFrom && !entry.validTo) return { state: 'always' };
  if (entry.validFrom && new Date(entry.validFrom).getTime() > now.getTime()) return { state: 'notYet', from: entry.validFrom };
  if (entry.validTo && new Date(entry.validTo).getTime() <= now.getTime()) return { state: 'expired', to: entry.validTo };
  return { state: 'active', until: entry.validTo };
}

/** Lines pasted into the "add similar questions" box: one question a line, blanks, duplicates and ones already listed dropped. */
export function newSimilarQuestions(pasted: string, existing: readonly string[], question: string): string[] {
  const seen = new Set([question, ...existing].map((q) => q.trim().toLowerCase()).filter(Boolean));
  const out: string[] = [];
  for (const line of pasted.split(/\r?\n|[;；]/)) {
    const q = line.replace(/^\s*(?:[-*•·]|\d+[.)、])\s*/, '').trim();
    if (!q || seen.has(q.toLowerCase())) continue;
    seen.add(q.toLowerCase());
    out.push(q.slice(0, 500));
  }
  return out;
}
