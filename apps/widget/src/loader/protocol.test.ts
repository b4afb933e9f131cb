// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { readHostMessage, parseHostOrigin } from '../frame/bridge.ts';
import { readFrameMessage } from './protocol.ts';

const frameWindow = { name: 'frame' };
const frame = { origin: 'https://chat.lingxi.example', window: frameWindow };

describe('loader: messages from the frame', () => {
  it('accepts a known message from the frame window and origin', () => {
    expect(readFrameMessage({ origin: frame.origin, source: frameWindow, data: { source: 'lingxi', type: 'close' } }, frame)).toEqual({ source: 'lingxi', type: 'close' });
    expect(readFrameMessage({ origin: frame.origin, source: frameWindow, data: { source: 'lingxi', type: 'unread', count: 2 } }, frame)).toEqual({ source: 'lingxi', type: 'unread', count: 2 });
  });

  it('rejects messages from other origins, other windows, or before the frame exists', () => {
    const data = { source: 'lingxi', type: 'close' };
    expect(readFrameMessage({ origin: 'https://evil.example', source: frameWindow, data }, frame)).toBeNull();
    expect(readFrameMessage({ origin: 'https://chat.lingxi.example.evil.example', source: frameWindow, data }, frame)).toBeNull();
    expect(readFrameMessage({ origin: frame.origin, source: { name: 'another frame' }, data }, frame)).toBeNull();
    expect(readFrameMessage({ origin: frame.origin, source: undefined, data }, { origin: frame.origin, window: undefined })).toBeNull();
  });

  it('rejects unknown or malformed shapes', () => {
    const from = (data: unknown) => readFrameMessage({ origin: frame.origin, source: frameWindow, data }, frame);
    expect(from('close')).toBeNull();
    expect(from({ type: 'close' })).toBeNull();
    expect(from({ source: 'lingxi', type: 'navigate', url: 'https://evil.example' })).toBeNull();
    expect(from({ source: 'lingxi', type: 'unread', count: -1 })).toBeNull();
    expect(from({ source: 'lingxi', type: 'unread', count: '3' })).toBeNull();
    // A colour that could smuggle CSS is dropped, the message itself is kept.
    expect(from({ source: 'lingxi', type: 'ready', primaryColor: 'red;background:url(x)' })).toEqual({ source: 'lingxi', type: 'ready' });
  });
});

describe('frame: messages from the embedding page', () => {
  const parent = { name: 'parent' };
  const host = { origin: 'https://shop.example', window: parent };

  it('accepts visibility changes only from the parent window at the declared origin', () => {
    const data = { source: 'lingxi', type: 'visibility', open: false };
    expect(readHostMessage({ origin: host.origin, source: parent, data }, host)).toEqual(data);
    expect(readHostMessage({ origin: 'https://evil.example', source: parent, data }, host)).toBeNull();
    expect(readHostMessage({ origin: host.origin, source: { name: 'other' }, data }, host)).toBeNull();
    expect(readHostMessage({ origin: host.origin, source: parent, data: { ...data, open: 'no' } }, host)).toBeNull();
    expect(readHostMessage({ origin: host.origin, source: parent, data }, { origin: null, window: parent })).toBeNull();
  });

  it('trusts the origin the loader passed only when it is http(s) and agrees with the referrer', () => {
    expect(parseHostOrigin('https://shop.example', '')).toBe('https://shop.example');
    expect(parseHostOrigin('https://shop.example', 'https://shop.example/products/1')).toBe('https://shop.example');
    expect(parseHostOrigin('https://shop.example', 'https://evil.example/')).toBeNull();
    expect(parseHostOrigin('javascript:alert(1)', '')).toBeNull();
    expect(parseHostOrigin('*', '')).toBeNull();
    expect(parseHostOrigin(null, '')).toBeNull();
  });

  it('posts to the parent with the explicit origin, never "*"', async () => {
    const { createHostBridge } = await import('../frame/bridge.ts');
    const posted: Array<[unknown, string]> = [];
    const fakeParent = { postMessage: (message: unknown, origin: string) => posted.push([message, origin]) };
    const fakeWindow = { parent: fakeParent, addEventListener() {}, removeEventListener() {} } as unknown as Window;
    createHostBridge(fakeWindow, 'https://shop.example').post({ source: 'lingxi', type: 'close' });
    expect(posted).toEqual([[{ source: 'lingxi', type: 'close' }, 'https://shop.example']]);
    const silent: unknown[] = [];
    createHostBridge({ ...fakeWindow, parent: { postMessage: (m: unknown) => silent.push(m) } } as unknown as Window, null).post({ source: 'lingxi', type: 'close' });
    expect(silent).toEqual([]);
  });
});
