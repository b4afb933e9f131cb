import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** Keeps a caller's x-request-id when it is sane, so logs can be followed across services. */
export function ids(request: IncomingMessage): string {
  const incoming = request.headers['x-request-id'];
  if (typeof incoming === 'string' && /^[\w.-]{8,128}$/.test(incoming)) return incoming;
  return randomUUID();
}
