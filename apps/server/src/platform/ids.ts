import { randomBytes } from 'node:crypto';

// Branded ids: a UserId can never be passed where a WorkspaceId is expected.
export type Brand<T, B extends string> = T & { readonly __brand: B };
export type WorkspaceId = Brand<string, 'WorkspaceId'>;
export type UserId = Brand<string, 'UserId'>;
export type EventId = Brand<string, 'EventId'>;
export type JobId = Brand<string, 'JobId'>;

export interface Ids {
  /** A time-ordered UUID v7: sorts by creation, indexes well, never collides across nodes. */
  next(): string;
}

export function uuidv7(nowMs: number, random: Buffer = randomBytes(10)): string {
  const bytes = Buffer.alloc(16);
  bytes.writeUIntBE(nowMs, 0, 6);
  random.copy(bytes, 6, 0, 10);
  bytes[6] = 0x70 | (bytes[6]! & 0x0f);
  bytes[8] = 0x80 | (bytes[8]! & 0x3f);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * Ids of one node: random bytes come from a pool (one call to the generator per 256 ids, not one each),
 * and ids made in the same millisecond count up in the 12 bits after the time (RFC 9562, method 1),
 * so they sort in the order they were made (e.g. events in the outbox).
 */
export function systemIds(now: () => number = Date.now): Ids {
  const POOL = 256 * 10;
  let pool = randomBytes(POOL);
  let used = 0;
  let lastMs = -1;
  let seq = 0;
  return {
    next() {
      if (used === POOL) {
        pool = randomBytes(POOL);
        used = 0;
      }
      const random = pool.subarray(used, used + 10);
      used += 10;
      let ms = now();
      if (ms > lastMs) seq = random[0]! & 0x7f; // a fresh millisecond starts low, leaving room to count
      else if (++seq > 0xfff) {
        ms = lastMs + 1;
        seq = 0;
      } else ms = lastMs;
      lastMs = ms;
      const bytes = Buffer.allocUnsafe(16);
      bytes.writeUIntBE(ms, 0, 6);
      bytes[6] = 0x70 | (seq >> 8);
      bytes[7] = seq & 0xff;
      random.copy(bytes, 8, 2, 10);
      bytes[8] = 0x80 | (bytes[8]! & 0x3f);
      const hex = bytes.toString('hex');
      return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
    },
  };
}

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export function isUuid(value: string): boolean {
  return UUID_PATTERN.test(value);
}
