// The frame's browser storage: session token, outbox, ratings, language. Storage may be blocked
// (private mode, third-party storage off); the chat then still works for the page's lifetime.
import type { KeyValueStorage } from './outbox.ts';

/** localStorage, or a page-lifetime stand-in when the browser blocks it (e.g. third-party storage off). */
export function safeStorage(): KeyValueStorage {
  try {
    const probe = '__lingxi__';
    localStorage.setItem(probe, probe);
    localStorage.removeItem(probe);
    return localStorage;
  } catch {
    const memory = new Map<string, string>();
    return { getItem: (k) => memory.get(k) ?? null, setItem: (k, v) => void memory.set(k, v), removeItem: (k) => void memory.delete(k) };
  }
}

export function read(storage: KeyValueStorage, key: string): string | null {
  try {
    return storage.getItem(key);
  } catch {
    return null;
  }
}

export function write(storage: KeyValueStorage, key: string, value: string): void {
  try {
    storage.setItem(key, value);
  } catch {
    // blocked storage (private mode): the conversation still works until the page closes
  }
}

/** Which answers were already rated, so a reload does not ask again. */
export function readRated(storage: KeyValueStorage, key: string): Record<string, boolean> {
  try {
    const parsed: unknown = JSON.parse(read(storage, key) ?? '{}');
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {};
    return Object.fromEntries(Object.entries(parsed).filter((entry): entry is [string, boolean] => typeof entry[1] === 'boolean'));
  } catch {
    return {};
  }
}
