import { Redis } from 'ioredis';
import type { OutboxRecord } from '../outbox/record.ts';

/** Carries committed events to every node (everyNode subscribers). In memory on one node; Redis pub/sub across nodes. */
export interface Bus {
  readonly kind: 'memory' | 'redis';
  publish(records: OutboxRecord[]): Promise<void>;
  subscribe(handler: (records: OutboxRecord[]) => Promise<void>): void;
  close(): Promise<void>;
}

export function memoryBus(): Bus {
  const handlers: Array<(records: OutboxRecord[]) => Promise<void>> = [];
  return {
    kind: 'memory',
    async publish(records) {
      for (const handler of handlers) await handler(records);
    },
    subscribe(handler) {
      handlers.push(handler);
    },
    async close() {},
  };
}

export async function redisBus(url: string, channel = 'lingxi:events'): Promise<Bus> {
  const publisher = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 3 });
  const subscriber = new Redis(url, { lazyConnect: true });
  await Promise.all([publisher.connect(), subscriber.connect()]);
  const handlers: Array<(records: OutboxRecord[]) => Promise<void>> = [];
  await subscriber.subscribe(channel);
  subscriber.on('message', (_channel: string, text: string) => {
    const records = (JSON.parse(text) as Array<OutboxRecord & { at: string }>).map((r) => ({ ...r, at: new Date(r.at) }));
    for (const handler of handlers) void handler(records);
  });
  return {
    kind: 'redis',
    async publish(records) {
      await publisher.publish(channel, JSON.stringify(records));
    },
    subscribe(handler) {
      handlers.push(handler);
    },
    async close() {
      await Promise.allSettled([subscriber.quit(), publisher.quit()]);
    },
  };
}
