import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBlobs } from '../../platform/blobs.ts';
import { startTestApp, type TestApp } from '../../testing/harness.ts';
import { purgeUnsentAttachments } from './index.ts';

let t: TestApp;
let dir: string;
let seq = 0;
const LIMIT = 4096;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lingxi-attachments-'));
  t = await startTestApp({ config: { LINGXI_ATTACHMENTS_DIR: dir, LINGXI_ATTACHMENT_MAX_BYTES: String(LIMIT) } });
}, 60_000);
afterAll(async () => {
  await t?.close();
  await rm(dir, { recursive: true, force: true });
});

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0]);
const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
/** A Windows program renamed to look like a picture. */
const EXE = Uint8Array.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xff, 0xff, 0x00, 0x00]);

async function session() {
  const res = await t.call('POST', '/api/public/v1/sessions', { body: { locale: 'zh-CN' } });
  expect(res.status).toBe(201);
  return res.body as { sessionToken: string; contactId: string; conversationId: string };
}

async function upload(path: string, token: string, bytes: Uint8Array, name: string, type: string) {
  const form = new FormData();
  form.append('file', new Blob([bytes], { type }), name);
  const response = await fetch(`${t.baseUrl}${path}`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  return { status: response.status, body: (await response.json()) as any };
}
const customerUpload = (token: string, bytes: Uint8Array, name: string, type: string) => upload('/api/public/v1/attachments', token, bytes, name, type);
const send = (token: string, body: Record<string, unknown>) => t.call('POST', '/api/public/v1/messages', { token, body: { clientMessageId: `a-${++seq}`, text: '', ...body } });
const download = (url: string, token: string) => fetch(`${t.baseUrl}${url}`, { headers: { authorization: `Bearer ${token}` } });

describe('customer attachments', () => {
  it('stores an upload on disk and describes it by what its bytes are', async () => {
    const s = await session();
    const res = await customerUpload(s.sessionToken, PNG, '截图 1.png', 'image/png');
    expect(res.status).toBe(201);
    expect(res.body.attachment).toMatchObject({ name: '截图 1.png', contentType: 'image/png', size: PNG.length, url: `/api/public/v1/attachments/${res.body.attachment.id}` });
    const workspaces = await readdir(dir);
    expect(workspaces).toEqual([t.workspaceId]);
    const [month] = await readdir(join(dir, t.workspaceId));
    expect(await readdir(join(dir, t.workspaceId, month!))).toContain(res.body.attachment.id);
    // A text file sent as "application/octet-stream" is still a text file.
    const csv = await customerUpload(s.sessionToken, new TextEncoder().encode('订单号,金额\nA1,12.5\n'), 'orders.csv', 'application/octet-stream');
    expect(csv.body.attachment.contentType).toBe('text/csv');
    const csvFile = await download(csv.body.attachment.url, s.sessionToken);
    expect(csvFile.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(await csvFile.text()).toBe('订单号,金额\nA1,12.5\n');
  });

  it('refuses a program renamed to .png (415 naming the allowed types), a file over the limit (413 with the limit) and a request without a file', async () => {
    const s = await session();
    const exe = await customerUpload(s.sessionToken, EXE, 'photo.png', 'image/png');
    expect(exe.status).toBe(415);
    expect(exe.body.error.code).toBe('ATTACHMENT_TYPE_NOT_ALLOWED');
    expect(exe.body.error.hint).toContain('PNG, JPEG');
    expect(exe.body.error.problems).toEqual([{ path: 'body.file', message: expect.stringContaining('PDF') }]);

    const big = new Uint8Array(LIMIT + 1);
    big.set(PNG);
    // The widget learns the limit with its settings, to refuse such a file before sending it.
    expect((await t.call('GET', '/api/public/v1/widget-config')).body.attachments).toEqual({ maxBytes: LIMIT });
    const tooBig = await customerUpload(s.sessionToken, big, 'big.png', 'image/png');
    expect(tooBig.status).toBe(413);
    expect(tooBig.body.error.code).toBe('ATTACHMENT_TOO_LARGE');
    expect(tooBig.body.error.message).toContain(`${LIMIT} bytes`);

    const json = await t.call('POST', '/api/public/v1/attachments', { token: s.sessionToken, body: { file: 'x' } });
    expect(json.status).toBe(400);
    expect(json.body.error.problems.map((p: { path: string }) => p.path)).toEqual(['body.file']);
    const empty = await customerUpload(s.sessionToken, new Uint8Array(0), 'empty.txt', 'text/plain');
    expect(empty.status).toBe(400);
    const anonymous = await fetch(`${t.baseUrl}/api/public/v1/attachments`, { method: 'POST', body: new FormData() });
    expect(anonymous.status).toBe(401);
    await anonymous.arrayBuffer();
  });

  it('sends a message with only an image: stored once per clientMessageId, and the bot offers a person instead of guessing', async () => {
    const s = await session();
    const { body } = await customerUpload(s.sessionToken, PNG, 'broken.png', 'image/png');
    const id = body.attachment.id as string;
    const first = await send(s.sessionToken, { clientMessageId: 'img-1', attachments: [id] });
    expect(first.status).toBe(200);
    expect(first.body.message).toMatchObject({ text: '', attachments: [{ id, name: 'broken.png', contentType: 'image/png', size: PNG.length, url: `/api/public/v1/attachments/${id}` }] });
    expect(first.body.replies).toHaveLength(1);
    expect(first.body.replies[0]).toMatchObject({ kind: 'fallback', quickReplies: ['转人工'] });
    expect(first.body.replies[0].text).toContain('文件');

    const again = await send(s.sessionToken, { clientMessageId: 'img-1', attachments: [id] });
    expect(again.status).toBe(200);
    expect(again.body.message.id).toBe(first.body.message.id);
    expect(again.body.replies.map((r: { id: string }) => r.id)).toEqual(first.body.replies.map((r: { id: string }) => r.id));
    const history = await t.call('GET', '/api/public/v1/messages', { token: s.sessionToken });
    expect(history.body.messages).toHaveLength(2);
    expect(history.body.messages[0].attachments[0].id).toBe(id);

    // The agents see it on the message too.
    const detail = await t.call('GET', `/api/v1/conversations/${s.conversationId}`, { token: t.adminToken });
    expect(detail.body.messages[0].attachments).toEqual([expect.objectContaining({ id, contentType: 'image/png' })]);

    // Text and a file together: the bot answers the text.
    const pdf = await customerUpload(s.sessionToken, PDF, '发票.pdf', 'application/pdf');
    const withText = await send(s.sessionToken, { text: '转人工', attachments: [pdf.body.attachment.id] });
    expect(withText.body.replies[0].kind).toBe('handoff');
  });

  it('gives agent assist the customer’s last words, not an image without any', async () => {
    const s = await session();
    await send(s.sessionToken, { text: '运费怎么算？' });
    const image = (await customerUpload(s.sessionToken, PNG, 'x.png', 'image/png')).body.attachment;
    await send(s.sessionToken, { attachments: [image.id] });
    const assist = await t.call('GET', `/api/v1/conversations/${s.conversationId}/assist`, { token: t.adminToken });
    expect(assist.status).toBe(200);
    expect(assist.body.text).toBe('运费怎么算？');
  });

  it('sends attachments over the socket too, and pushes them to the customer and to the agents live', async () => {
    const s = await session();
    const connect = (token: string) =>
      new Promise<Socket>((resolve, reject) => {
        const socket = io(t.baseUrl, { path: '/socket.io', auth: { token }, transports: ['websocket'] });
        socket.on('connect', () => resolve(socket));
        socket.on('connect_error', reject);
      });
    const [customer, agent] = await Promise.all([connect(s.sessionToken), connect(t.adminToken)]);
    const pushed: { customer: any[]; agent: any[] } = { customer: [], agent: [] };
    customer.on('message.created', (m: unknown) => pushed.customer.push(m));
    agent.on('message.created', (m: unknown) => pushed.agent.push(m));
    try {
      const image = (await customerUpload(s.sessionToken, PNG, 'socket.png', 'image/png')).body.attachment;
      const acked = (await customer.timeout(5000).emitWithAck('message.send', { clientMessageId: 'sock-img', attachments: [image.id] })) as any;
      expect(acked.message.attachments).toEqual([image]);
      const seen = (list: any[]) => list.find((m) => m.id === acked.message.id)?.attachments;
      await expect.poll(() => seen(pushed.agent)).toEqual([image]);
      await expect.poll(() => seen(pushed.customer)).toEqual([image]);
    } finally {
      customer.disconnect();
      agent.disconnect();
    }
  });

  it('lists every problem with the attachments a message names', async () => {
    const s = await session();
    const other = await session();
    const mine = (await customerUpload(s.sessionToken, PNG, 'a.png', 'image/png')).body.attachment.id as string;
    const theirs = (await customerUpload(other.sessionToken, PNG, 'b.png', 'image/png')).body.attachment.id as string;
    expect((await send(s.sessionToken, { attachments: [mine] })).status).toBe(200);
    const bad = await send(s.sessionToken, { attachments: [mine, theirs, '00000000-0000-7000-8000-000000000000'] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('ATTACHMENT_NOT_USABLE');
    expect(bad.body.error.problems).toEqual([
      { path: 'body.attachments.0', message: 'is already on another message' },
      { path: 'body.attachments.1', message: 'is not an attachment uploaded to this conversation' },
      { path: 'body.attachments.2', message: 'is not an attachment uploaded to this conversation' },
    ]);
    const nothing = await send(s.sessionToken, { text: '  ' });
    expect(nothing.status).toBe(400);
    expect(nothing.body.error.problems.map((p: { path: string }) => p.path)).toEqual(['body.text']);
    const notIds = await send(s.sessionToken, { attachments: ['x'] });
    expect(notIds.body.error.problems.map((p: { path: string }) => p.path)).toEqual(['body.attachments.0']);
  });

  it('downloads only for the customer of the conversation and the workspace’s agents, with safe headers', async () => {
    const s = await session();
    const other = await session();
    const image = (await customerUpload(s.sessionToken, PNG, '照片.png', 'image/png')).body.attachment;
    const pdf = (await customerUpload(s.sessionToken, PDF, 'invoice.pdf', 'application/pdf')).body.attachment;

    const own = await download(image.url, s.sessionToken);
    expect(own.status).toBe(200);
    expect(own.headers.get('content-type')).toBe('image/png');
    expect(own.headers.get('x-content-type-options')).toBe('nosniff');
    expect(own.headers.get('content-disposition')).toBe(`inline; filename="__.png"; filename*=UTF-8''${encodeURIComponent('照片.png')}`);
    expect(new Uint8Array(await own.arrayBuffer())).toEqual(PNG);

    const file = await download(pdf.url, s.sessionToken);
    expect(file.headers.get('content-disposition')).toBe(`attachment; filename="invoice.pdf"; filename*=UTF-8''invoice.pdf`);
    expect(file.headers.get('content-type')).toBe('application/pdf');
    expect((await file.arrayBuffer()).byteLength).toBe(PDF.length);

    const stranger = await download(image.url, other.sessionToken);
    expect(stranger.status).toBe(404);
    expect(((await stranger.json()) as any).error.code).toBe('ATTACHMENT_NOT_FOUND');
    const nobody = await fetch(`${t.baseUrl}${image.url}`);
    expect(nobody.status).toBe(401);
    await nobody.arrayBuffer();

    const agent = await download(image.url, t.adminToken);
    expect(agent.status).toBe(200);
    expect((await agent.arrayBuffer()).byteLength).toBe(PNG.length);
  });

  it('agents attach files to replies and notes: the customer gets the reply’s file, never a note’s or an unsent one', async () => {
    const s = await session();
    await send(s.sessionToken, { text: '你好' });
    const agentUpload = (name: string) => upload(`/api/v1/conversations/${s.conversationId}/attachments`, t.adminToken, PDF, name, 'application/pdf');
    const forReply = (await agentUpload('退货单.pdf')).body.attachment;
    const forNote = (await agentUpload('internal.pdf')).body.attachment;
    const unsent = (await agentUpload('draft.pdf')).body.attachment;
    expect(forReply).toMatchObject({ name: '退货单.pdf', contentType: 'application/pdf' });

    const reply = await t.call('POST', `/api/v1/conversations/${s.conversationId}/messages`, { token: t.adminToken, body: { text: '', attachments: [forReply.id] } });
    expect(reply.status).toBe(201);
    expect(reply.body.message.attachments).toEqual([forReply]);
    const note = await t.call('POST', `/api/v1/conversations/${s.conversationId}/messages`, { token: t.adminToken, body: { text: '内部', private: true, attachments: [forNote.id] } });
    expect(note.status).toBe(201);
    // A customer's upload cannot go on an agent's message, nor an agent's on a customer's.
    const customers = (await customerUpload(s.sessionToken, PNG, 'c.png', 'image/png')).body.attachment;
    const crossed = await t.call('POST', `/api/v1/conversations/${s.conversationId}/messages`, { token: t.adminToken, body: { attachments: [customers.id] } });
    expect(crossed.body.error.problems).toEqual([{ path: 'body.attachments.0', message: 'was uploaded by someone else' }]);
    expect((await send(s.sessionToken, { attachments: [unsent.id] })).body.error.problems[0].message).toBe('was uploaded by someone else');

    const history = await t.call('GET', '/api/public/v1/messages', { token: s.sessionToken });
    expect(history.body.messages.find((m: { author: string }) => m.author === 'agent').attachments).toEqual([forReply]);
    const got = await download(forReply.url, s.sessionToken);
    expect(got.status).toBe(200);
    await got.arrayBuffer();
    for (const hidden of [forNote, unsent]) {
      const refused = await download(hidden.url, s.sessionToken);
      expect(refused.status).toBe(404);
      await refused.arrayBuffer();
    }
    const missing = await upload('/api/v1/conversations/00000000-0000-7000-8000-000000000000/attachments', t.adminToken, PDF, 'x.pdf', 'application/pdf');
    expect(missing.status).toBe(404);
  });

  it('forgets files uploaded a day ago and never sent (the daily maintenance), and keeps every sent one', async () => {
    const s = await session();
    const sent = (await customerUpload(s.sessionToken, PNG, 'sent.png', 'image/png')).body.attachment;
    await send(s.sessionToken, { attachments: [sent.id] });
    const unsent = (await customerUpload(s.sessionToken, PNG, 'unsent.png', 'image/png')).body.attachment;
    const blobs = createBlobs(dir);
    expect(await purgeUnsentAttachments(t.db.sql, { clock: { now: () => new Date() }, blobs })).toBe(0);
    const tomorrow = { now: () => new Date(Date.now() + 25 * 3_600_000) };
    expect(await purgeUnsentAttachments(t.db.sql, { clock: tomorrow, blobs })).toBeGreaterThanOrEqual(1);
    const gone = await download(unsent.url, s.sessionToken);
    expect(gone.status).toBe(404);
    await gone.arrayBuffer();
    const kept = await download(sent.url, s.sessionToken);
    expect(kept.status).toBe(200);
    await kept.arrayBuffer();
    const [month] = await readdir(join(dir, t.workspaceId));
    expect(await readdir(join(dir, t.workspaceId, month!))).not.toContain(unsent.id);
  });
});

/** An uploaded photo is stored and served without its location; size and hash describe the stored bytes. */
describe('uploads keep no photo metadata', () => {
  const enc = (s: string) => new TextEncoder().encode(s);
  const segment = (marker: number, body: Uint8Array) => Uint8Array.from([0xff, marker, (body.length + 2) >> 8, (body.length + 2) & 0xff, ...body]);
  const clean = Uint8Array.from([0xff, 0xd8, ...segment(0xdb, new Uint8Array(65)), ...segment(0xda, Uint8Array.from([1, 1, 0, 0, 0x3f, 0])), 0x12, 0x34, 0xff, 0xd9]);
  const withGps = Uint8Array.from([...clean.subarray(0, 2), ...segment(0xe1, enc('Exif\0\0MM\0*\0\0\0\x08\0\0GPS 31.2304N 121.4737E')), ...segment(0xfe, enc('家里拍的')), ...clean.subarray(2)]);

  it('stores and serves the JPEG without its EXIF and comment', async () => {
    const s = await session();
    const uploaded = await upload('/api/public/v1/attachments', s.sessionToken, withGps, 'IMG_0001.jpg', 'image/jpeg');
    expect(uploaded.status).toBe(201);
    expect(uploaded.body.attachment.size).toBe(clean.length);
    // the bytes on disk (the download route serves these; downloading is tested above)
    const stored = (await readdir(dir, { recursive: true })).find((f) => f.endsWith(uploaded.body.attachment.id));
    expect(new Uint8Array(await readFile(join(dir, stored!)))).toEqual(clean);
  });
});
