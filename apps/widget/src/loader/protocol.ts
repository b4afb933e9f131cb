// Loader ↔ frame messages. The loader stays framework- and zod-free, so this is a hand check.

export type FrameToHost =
  | { source: 'lingxi'; type: 'ready'; primaryColor?: string }
  | { source: 'lingxi'; type: 'close' }
  | { source: 'lingxi'; type: 'unread'; count: number };

export type HostToFrame = { source: 'lingxi'; type: 'visibility'; open: boolean };

const COLOR = /^#[0-9a-f]{3,8}$/i;

/** Accepts a message only from the widget's own frame (its window and its origin) and only in a known shape. */
export function readFrameMessage(
  event: { origin: string; source: unknown; data: unknown },
  frame: { origin: string; window: unknown },
): FrameToHost | null {
  if (event.origin !== frame.origin || event.source !== frame.window || frame.window == null) return null;
  const data = event.data as Record<string, unknown> | null;
  if (typeof data !== 'object' || data === null || data.source !== 'lingxi') return null;
  switch (data.type) {
    case 'ready':
      return typeof data.primaryColor === 'string' && COLOR.test(data.primaryColor)
        ? { source: 'lingxi', type: 'ready', primaryColor: data.primaryColor }
        : { source: 'lingxi', type: 'ready' };
    case 'close':
      return { source: 'lingxi', type: 'close' };
    case 'unread':
      return typeof data.count === 'number' && Number.isInteger(data.count) && data.count >= 0 && data.count < 1000
        ? { source: 'lingxi', type: 'unread', count: data.count }
        : null;
    default:
      return null;
  }
}
