// The frame's side of loader ↔ frame messaging: explicit target origin out, origin + source + shape checked in.
import * as z from 'zod/mini';
import type { FrameToHost } from '../loader/protocol.ts';

const HostMessage = z.object({ source: z.literal('lingxi'), type: z.literal('visibility'), open: z.boolean() });
export type HostMessage = z.infer<typeof HostMessage>;

/** The embedding page's origin as the loader passed it; null if it is not a plain http(s) origin. */
export function parseHostOrigin(value: string | null, referrer: string): string | null {
  if (!value) return null;
  let origin: string;
  try {
    const url = new URL(value);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    origin = url.origin;
  } catch {
    return null;
  }
  // When the browser tells us who embeds us, it must agree with what the loader claimed.
  if (referrer) {
    try {
      if (new URL(referrer).origin !== origin) return null;
    } catch {
      return null;
    }
  }
  return origin;
}

export function readHostMessage(event: { origin: string; source: unknown; data: unknown }, host: { origin: string | null; window: unknown }): HostMessage | null {
  if (!host.origin || event.origin !== host.origin || event.source !== host.window) return null;
  const parsed = HostMessage.safeParse(event.data);
  return parsed.success ? parsed.data : null;
}

export type HostBridge = { post(message: FrameToHost): void; listen(handler: (message: HostMessage) => void): () => void; embedded: boolean };

export function createHostBridge(win: Window, hostOrigin: string | null): HostBridge {
  const parent = win.parent !== win ? win.parent : null;
  return {
    embedded: Boolean(parent && hostOrigin),
    post(message) {
      if (parent && hostOrigin) parent.postMessage(message, hostOrigin);
    },
    listen(handler) {
      const onMessage = (event: MessageEvent) => {
        const message = readHostMessage(event, { origin: hostOrigin, window: parent });
        if (message) handler(message);
      };
      win.addEventListener('message', onMessage);
      return () => win.removeEventListener('message', onMessage);
    },
  };
}
