import { describe, expect, it } from 'vitest';
import { createOutbox, type OutboxItem, type SendOutcome } from './outbox.ts';

function memoryStorage() {
  const map = new Map<string, string>();
  return { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v), removeItem: (k: string) => void map.delete(k), map };
}

const item = (n: number): OutboxItem => ({ clientMessageId: `c${n}`, text: `message ${n}`, createdAt: `2026-01-01T00:00:0${n}Z` });

/** A server that is offline until told otherwise and records every delivery attempt it accepts. */
function fakeServer() {
  const state = { online: false, delivered: [] as string[], attempts: 0 };
  const send = async (next: OutboxItem): Promise<SendOutcome> => {
    state.attempts++;
    await Promise.resolve();
    if (!state.online) return { kind: 'retryLater' };
    state.delivered.push(next.clientMessageId);
    return { kind: 'acknowledged' };
  };
  return { state, send };
}

describe('outbox', () => {
  it('keeps what was typed offline and sends each message once, in order, when back online', async () => {
    const storage = memoryStorage();
    const server = fakeServer();
    const outbox = createOutbox({ storage, key: 'k', send: server.send });
    for (const n of [1, 2, 3]) {
      outbox.add(item(n));
      await outbox.flush();
    }
    expect(server.state.delivered).toEqual([]);
    expect(outbox.items().map((i) => i.clientMessageId)).toEqual(['c1', 'c2', 'c3']);

    server.state.online = true;
    // Several triggers at once (the online event, a socket reconnect, a click): still one send each.
    await Promise.all([outbox.flush(), outbox.flush(), outbox.flush()]);
    await outbox.flush();
    expect(server.state.delivered).toEqual(['c1', 'c2', 'c3']);
    expect(outbox.items()).toEqual([]);
    expect(storage.map.has('k')).toBe(false);
  });

  it('never sends a message again once it was acknowledged, even if flushed during the send', async () => {
    const server = fakeServer();
    server.state.online = true;
    const outbox = createOutbox({ storage: memoryStorage(), key: 'k', send: server.send });
    outbox.add(item(1));
    const first = outbox.flush();
    outbox.add(item(2));
    const second = outbox.flush();
    await Promise.all([first, second, outbox.flush()]);
    expect(server.state.delivered).toEqual(['c1', 'c2']);
  });

  it('survives a reload: unacknowledged messages come back from storage with their clientMessageId', async () => {
    const storage = memoryStorage();
    const offline = fakeServer();
    const before = createOutbox({ storage, key: 'k', send: offline.send });
    before.add(item(1));
    before.add(item(2));
    await before.flush();

    const online = fakeServer();
    online.state.online = true;
    const after = createOutbox({ storage, key: 'k', send: online.send });
    expect(after.items().map((i) => i.clientMessageId)).toEqual(['c1', 'c2']);
    await after.flush();
    expect(online.state.delivered).toEqual(['c1', 'c2']);
  });

  it('marks a refused message failed, goes on with the next, and retries it only when asked', async () => {
    const delivered: string[] = [];
    let refuse = true;
    const outbox = createOutbox({
      storage: memoryStorage(),
      key: 'k',
      send: async (next) => {
        if (next.clientMessageId === 'c1' && refuse) return { kind: 'refused' };
        delivered.push(next.clientMessageId);
        return { kind: 'acknowledged' };
      },
    });
    outbox.add(item(1));
    outbox.add(item(2));
    await outbox.flush();
    expect(delivered).toEqual(['c2']);
    expect(outbox.items()).toEqual([{ ...item(1), failed: true }]);
    await outbox.flush();
    expect(delivered).toEqual(['c2']);
    refuse = false;
    await outbox.retry('c1');
    expect(delivered).toEqual(['c2', 'c1']);
    expect(outbox.items()).toEqual([]);
  });

  it('ignores a corrupt stored queue', () => {
    const storage = memoryStorage();
    storage.setItem('k', '{not json');
    expect(createOutbox({ storage, key: 'k', send: async () => ({ kind: 'acknowledged' }) }).items()).toEqual([]);
    storage.setItem('k', JSON.stringify([{ clientMessageId: 1 }, item(3)]));
    expect(createOutbox({ storage, key: 'k', send: async () => ({ kind: 'acknowledged' }) }).items()).toEqual([item(3)]);
  });
});
