// Messages typed while offline (or before the server answered) wait here, persisted, and are sent
// one at a time in the order typed. An item leaves only when the server acknowledges it, so a
// message is never sent again after its acknowledgement; an unacknowledged retry reuses its
// clientMessageId and the server stores it once.

import type { WireAttachment } from './wire.ts';

/** `attachments` are already uploaded: a resend names the same ids, so nothing is uploaded twice. */
export type OutboxItem = { clientMessageId: string; text: string; createdAt: string; failed?: boolean; attachments?: WireAttachment[] };

/** What one send attempt came to: acknowledged, try again later (network), or refused (needs the customer). */
export type SendOutcome = { kind: 'acknowledged' } | { kind: 'retryLater' } | { kind: 'refused' };

export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export type Outbox = ReturnType<typeof createOutbox>;

export function createOutbox(deps: {
  storage: KeyValueStorage;
  key: string;
  send(item: OutboxItem): Promise<SendOutcome>;
  onChange?(items: readonly OutboxItem[]): void;
}) {
  let items: OutboxItem[] = load(deps.storage, deps.key);
  // Passes run one after another; a flush asked for during a pass gets one more pass after it.
  let tail: Promise<void> = Promise.resolve();
  let queued: Promise<void> | null = null;

  const save = () => {
    try {
      if (items.length) deps.storage.setItem(deps.key, JSON.stringify(items));
      else deps.storage.removeItem(deps.key);
    } catch {
      // storage full or blocked: the queue still works for this page's lifetime
    }
    deps.onChange?.(items);
  };

  async function drain(): Promise<void> {
    for (;;) {
      const next = items.find((item) => !item.failed);
      if (!next) return;
      const outcome = await deps.send(next);
      if (outcome.kind === 'retryLater') return;
      items = outcome.kind === 'acknowledged'
        ? items.filter((item) => item.clientMessageId !== next.clientMessageId)
        : items.map((item) => (item.clientMessageId === next.clientMessageId ? { ...item, failed: true } : item));
      save();
    }
  }

  return {
    items: (): readonly OutboxItem[] => items,
    add(item: OutboxItem): void {
      items = [...items, item];
      save();
    },
    /** Sends what waits, in order, one message at a time, so nothing is in flight twice. */
    flush(): Promise<void> {
      if (queued) return queued;
      const run = tail.then(() => {
        queued = null;
        return drain();
      });
      queued = run;
      tail = run.catch(() => undefined);
      return run;
    },
    /** The customer asked to retry a refused message. */
    retry(clientMessageId: string): Promise<void> {
      items = items.map((item) => (item.clientMessageId === clientMessageId ? { ...item, failed: false } : item));
      save();
      return this.flush();
    },
    discard(clientMessageId: string): void {
      items = items.filter((item) => item.clientMessageId !== clientMessageId);
      save();
    },
  };
}

function load(storage: KeyValueStorage, key: string): OutboxItem[] {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(key) ?? '[]');
    if (!Array.isArray(parsed)) return [];
    return parsed.filter(
      (item): item is OutboxItem =>
        typeof item === 'object' && item !== null && typeof item.clientMessageId === 'string' && typeof item.text === 'string' && typeof item.createdAt === 'string',
    );
  } catch {
    return [];
  }
}
