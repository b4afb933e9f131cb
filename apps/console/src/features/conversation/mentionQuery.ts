import type { MentionablePerson } from '@lingxi/contracts';
import type { z } from 'zod';

// Pure rules of @mentions in the note composer and the transcript.

export type Person = z.infer<typeof MentionablePerson>;
const WORD = /[A-Za-z0-9_]/;

/**
 * "@小" or "@ann" being typed just before the caret → { query, start } (start is the @). An @ inside a word
 * (an email address) is not a mention; a space ends one, except that a name may hold one space ("@Ann Le").
 */
export function mentionQuery(text: string, caret: number): { query: string; start: number } | null {
  const before = text.slice(0, caret);
  for (let i = before.length - 1; i >= 0 && before.length - i <= 40; i--) {
    const c = before[i]!;
    if (c === '\n') return null;
    if (c !== '@') continue;
    if (i > 0 && WORD.test(before[i - 1]!)) continue; // inside an email address: keep looking left
    const query = before.slice(i + 1);
    if (/\s\s|^\s|\s\S*\s/.test(query)) return null;
    return { query, start: i };
  }
  return null;
}

/** Name or email starting with the query first, then containing it (case-insensitive). */
export function matchPeople(people: readonly Person[], query: string, limit = 8): Person[] {
  const q = query.trim().toLowerCase();
  if (!q) return people.slice(0, limit);
  const fields = (p: Person) => [p.name.toLowerCase(), p.email.toLowerCase()];
  const prefix = people.filter((p) => fields(p).some((f) => f.startsWith(q)));
  const rest = people.filter((p) => !prefix.includes(p) && fields(p).some((f) => f.includes(q)));
  return [...prefix, ...rest].slice(0, limit);
}

/** The handle written for a person: the name when no colleague shares it, else the email. */
export function handleOf(person: Person, people: readonly Person[]): string {
  const name = person.name.trim();
  const shared = people.some((p) => p.id !== person.id && p.name.trim().toLowerCase() === name.toLowerCase());
  return name && !shared ? name : person.email;
}

/** The text with "@query" (start to caret) replaced by "@handle ". */
export function insertMention(text: string, start: number, caret: number, handle: string): { text: string; caret: number } {
  const inserted = `@${handle} `;
  return { text: text.slice(0, start) + inserted + text.slice(caret).replace(/^ /, ''), caret: start + inserted.length };
}

/** Pieces of a note for display: plain text and the @mentions of these people (longest handle first, as the server reads them). */
export function mentionPieces(text: string, people: readonly Person[]): ({ text: string } | { text: string; person: Person })[] {
  const handles = people
    .flatMap((p) => [p.email, p.name].map((h) => h.trim()).filter(Boolean).map((h) => ({ handle: h.toLowerCase(), person: p })))
    .sort((a, b) => b.handle.length - a.handle.length);
  const lower = text.toLowerCase();
  const pieces: ({ text: string } | { text: string; person: Person })[] = [];
  let plainFrom = 0;
  for (let i = lower.indexOf('@'); i !== -1; i = lower.indexOf('@', i + 1)) {
    if (i > 0 && WORD.test(text[i - 1]!)) continue;
    const found = handles.find(({ handle }) => {
      if (!lower.startsWith(handle, i + 1)) return false;
      const next = text[i + 1 + handle.length];
      return next === undefined || !WORD.test(handle[handle.length - 1]!) || !WORD.test(next);
    });
    if (!found) continue;
    const end = i + 1 + found.handle.length;
    if (i > plainFrom) pieces.push({ text: text.slice(plainFrom, i) });
    pieces.push({ text: text.slice(i, end), person: found.person });
    plainFrom = end;
    i = end - 1;
  }
  if (plainFrom < text.length) pieces.push({ text: text.slice(plainFrom) });
  return pieces;
}
