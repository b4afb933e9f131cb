import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../testing/harness.ts';

/** An uploaded photo is stored and served without its location; size and hash describe the stored bytes. */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ config: { LINGXI_SEED_DEMO: 'false' } });
}, 60_000);
afterAll(async () => t?.close());

const enc = (s: string) => new TextEncoder().encode(s);
const segment = (marker: number, body: Uint8Array) => Uint8Array.from([0xff, marker, (body.length + 2) >> 8, (body.length + 2) & 0xff, ...body]);
const clean = Uint8Array.from([0xff, 0xd8, ...segment(0xdb, new Uint8Array(65)), ...segment(0xda, Uint8Array.from([1, 1, 0, 0, 0x3f, 0])), 0x12, 0x34, 0xff, 0xd9]);
const withGps = Uint8Array.from([...clean.subarray(0, 2), ...segment(0xe1, enc('Exif\0\0MM\0*\0\0\0\x08\0\0GPS 31.2304N 121.4737E')), ...segment(0xfe, enc('家里拍的')), ...clean.subarray(2)]);

describe('uploads keep no photo metadata', () => {
  it('stores and serves the JPEG without its EXIF and comment', async () => {
    const session = (await t.call('POST', '/api/public/v1/sessions', { body: { locale: 'zh-CN' } })).body as { sessionToken: string };
    const form = new FormData();
    form.append('file', new Blob([withGps], { type: 'image/jpeg' }), 'IMG_0001.jpg');
    const uploaded = await fetch(`${t.baseUrl}/api/public/v1/attachments`, { method: 'POST', headers: { authorization: `Bearer ${session.sessionToken}` }, body: form });
    expect(uploaded.status).toBe(201);
    const { attachment } = (await uploaded.json()) as { attachment: { url: string; size: number } };
    expect(attachment.size).toBe(clean.length);
    const served = new Uint8Array(await (await fetch(`${t.baseUrl}${attachment.url}`, { headers: { authorization: `Bearer ${session.sessionToken}` } })).arrayBuffer());
    expect(served).toEqual(clean);
  });
});
