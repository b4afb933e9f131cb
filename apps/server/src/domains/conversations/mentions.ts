// Pure: which colleagues a note @mentions. Names are matched against the workspace's people, not guessed
// from the text, because Chinese names run on into the sentence (「@张三请看一下」) and English ones hold spaces.

export type Mentionable = { id: string; name: string; email: string };
export type MentionSpan = { userId: string; start: number; end: number };

const WORD = /[A-Za-z0-9_]/;

/** Handles people are called by (email, then name), longest first so 「张三丰」 wins over 「张三」. */
function handlesOf(people: readonly Mentionable[]): { handle: string; userId: string }[] {
  const handles = people.flatMap((p) => [p.email, p.name].map((h) => h.trim().toLowerCase()).filter((h) => h.length > 0).map((handle) => ({ handle, userId: p.id })));
  return handles.sort((a, b) => b.handle.length - a.handle.length);
}

/**
 * Every `@handle` in the text that names a colleague, in order. An `@` inside a word (an email address
 * typed in the note) starts no mention; a handle ending in a Latin letter or digit must end a word
 * (`@Ann` is not `@Annie`), one ending in a Chinese character need not.
 */
export function findMentions(text: string, people: readonly Mentionable[]): MentionSpan[] {
  const handles = handlesOf(people);
  const spans: MentionSpan[] = [];
  const lower = text.toLowerCase();
  for (let i = lower.indexOf('@'); i !== -1; i = lower.indexOf('@', i + 1)) {
    if (i > 0 && WORD.test(text[i - 1]!)) continue;
    const found = handles.find(({ handle }) => {
      if (!lower.startsWith(handle, i + 1)) return false;
      const next = text[i + 1 + handle.length];
      return next === undefined || !WORD.test(handle[handle.length - 1]!) || !WORD.test(next);
    });
    if (!found) continue;
    const end = i + 1 + found.handle.length;
    spans.push({ userId: found.userId, start: i, end });
    i = end - 1;
  }
  return spans;
}

/** The distinct people a note mentions, in the order they first appear. */
export function mentionedUserIds(text: string, people: readonly Mentionable[]): string[] {
  return [...new Set(findMentions(text, people).map((s) => s.userId))];
}

/** What the mentioned colleague sees in their list: the note, shortened. */
export function mentionExcerpt(text: string, max = 140): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}
