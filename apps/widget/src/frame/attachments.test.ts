import { describe, expect, it } from 'vitest';
import type { ApiResult, PublicApi } from './api.ts';
import { formatSize, precheck, problemOf, type Uploader } from './attachments.ts';
import { createChat } from './chat.ts';
import type { WireAttachment, WireMessage } from './wire.ts';

describe('what may be attached', () => {
  it.each([
    [{ name: 'photo.JPG', type: 'image/jpeg' }, null],
    [{ name: '发票.pdf', type: 'application/pdf' }, null],
    [{ name: 'image', type: 'image/png' }, null], // a pasted screenshot has no extension
    [{ name: 'setup.exe', type: 'application/x-msdownload' }, 'typeNotAllowed'],
    [{ name: 'notes', type: '' }, 'typeNotAllowed'],
  ])('%o → %s', (file, kind) => {
    expect(precheck(file)?.kind ?? null).toBe(kind);
  });

  it('refuses a file over the announced limit before uploading it', () => {
    expect(precheck({ name: 'big.png', type: 'image/png', size: 2048 }, 1024)).toEqual({ kind: 'tooLarge', limitBytes: 1024 });
    expect(precheck({ name: 'ok.png', type: 'image/png', size: 1024 }, 1024)).toBeNull();
  });

  it('reads the limit out of a 413 and tells a wrong type from other failures', () => {
    expect(problemOf({ status: 413, code: 'ATTACHMENT_TOO_LARGE', problems: [{ path: 'body.file', message: 'must be at most 10485760 bytes' }] })).toEqual({ kind: 'tooLarge', limitBytes: 10485760 });
    expect(problemOf({ status: 415, code: 'ATTACHMENT_TYPE_NOT_ALLOWED' })).toEqual({ kind: 'typeNotAllowed' });
    expect(problemOf({ status: 0, code: 'NETWORK' })).toEqual({ kind: 'failed' });
    expect([formatSize(512, 'zh-CN'), formatSize(1536, 'en-US'), formatSize(10485760, 'zh-CN')]).toEqual(['512 字节', '1.5 KB', '10 MB']);
  });
});

const ok = <T>(value: T): ApiResult<T> => ({ ok: true, value });

function world() {
  const sent: Array<{ clientMessageId: string; attachments?: string[] }> = [];
  const uploads: string[] = [];
  let failNext: ApiResult<WireAttachment> | null = null;
  const fetched: string[] = [];
  const api = {
    widgetConfig: async () => ok({ workspace: 'demo', name: 'x', greeting: { 'zh-CN': '', 'en-US': '' }, suggestedQuestions: { 'zh-CN': [], 'en-US': [] }, preChatForm: { enabled: false, fields: [] }, theme: { primaryColor: '#000' } }),
    createSession: async () => ok({ sessionToken: 'cs_1', contactId: 'k', conversationId: 'v' }),
    sendMessage: async (_token: string, body: { text: string; clientMessageId: string; attachments?: string[] }) => {
      sent.push(body);
      const message: WireMessage = {
        id: `m-${body.clientMessageId}`, author: 'customer', kind: 'text', text: body.text, createdAt: '2026-01-01T00:00:01.000Z', clientMessageId: body.clientMessageId,
        attachments: (body.attachments ?? []).map((id) => ({ id, name: 'shot.png', contentType: 'image/png', size: 3, url: `/api/public/v1/attachments/${id}` })),
      };
      return ok({ message, replies: [], conversation: { id: 'v', status: 'bot' as const, queuePosition: null, estimatedWaitSeconds: null } });
    },
    messages: async () => ok({ messages: [] }),
    conversation: async () => ok({ id: 'v', status: 'bot' as const, queuePosition: null, estimatedWaitSeconds: null }),
    attachment: async (_token: string, url: string) => {
      fetched.push(url);
      return new Blob(['x']);
    },
  } as unknown as PublicApi;
  const progress: number[] = [];
  const upload: Uploader = async (_token, file, name, onProgress) => {
    uploads.push(name);
    onProgress(0.5);
    progress.push(chat.get().messages.at(-1)!.attachments![0]!.progress!);
    if (failNext) {
      const failure = failNext;
      failNext = null;
      return failure;
    }
    return ok({ id: `a${uploads.length}`, name, contentType: file.type, size: file.size, url: `/api/public/v1/attachments/a${uploads.length}` });
  };
  let id = 0;
  const chat = createChat({
    api, upload, objectUrl: () => `blob:preview-${++id}`,
    storage: { getItem: () => null, setItem: () => undefined, removeItem: () => undefined },
    connectLive: () => ({ typing() {}, close() {} }),
    workspace: 'demo', locale: 'zh-CN', now: () => new Date(Date.UTC(2026, 0, 1)), newId: () => `c${++id}`, isOnline: () => true, later: () => () => undefined,
  });
  return { chat, sent, uploads, progress, fetched, failWith: (failure: ApiResult<WireAttachment>) => (failNext = failure) };
}

const settle = async () => {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 0));
};
const png = () => new File([new Uint8Array([1, 2, 3])], 'shot.png', { type: 'image/png' });

describe('attaching in the chat', () => {
  it('uploads with progress, then sends the file as a message; the stored copy keeps the local preview', async () => {
    const w = world();
    await w.chat.start();
    w.chat.attach([png()]);
    expect(w.chat.get().messages[0]).toMatchObject({ delivery: 'uploading', attachments: [{ name: 'shot.png', preview: 'blob:preview-2', progress: 0 }] });
    await settle();
    expect(w.progress).toEqual([0.5]);
    expect(w.sent).toEqual([{ text: '', clientMessageId: 'c1', attachments: ['a1'] }]);
    const stored = w.chat.get().messages[0]!;
    expect(stored).toMatchObject({ id: 'm-c1', attachments: [{ id: 'a1', url: '/api/public/v1/attachments/a1' }] });
    expect(await w.chat.attachmentSource(stored.attachments![0]!)).toBe('blob:preview-2');
    // A file someone else sent is fetched once with the session token.
    const theirs = { id: 'z9', name: 'r.pdf', contentType: 'application/pdf', size: 1, url: '/api/public/v1/attachments/z9' };
    expect(await w.chat.attachmentSource(theirs)).toMatch(/^blob:/);
    await w.chat.attachmentSource(theirs);
    expect(w.fetched).toEqual(['/api/public/v1/attachments/z9']);
  });

  it('says why a file was refused: a type by its name at once, a size from the server, and retries a failed upload', async () => {
    const w = world();
    await w.chat.start();
    w.chat.attach([new File(['MZ'], 'setup.exe')]);
    expect(w.chat.get().messages[0]).toMatchObject({ delivery: 'failed', uploadProblem: { kind: 'typeNotAllowed' } });
    expect(w.uploads).toEqual([]);
    w.chat.discard(w.chat.get().messages[0]!.clientMessageId!);
    expect(w.chat.get().messages).toEqual([]);

    w.failWith({ ok: false, network: false, status: 413, code: 'ATTACHMENT_TOO_LARGE', message: 'too large', problems: [{ path: 'body.file', message: 'must be at most 1024 bytes' }] });
    w.chat.attach([png()]);
    await settle();
    expect(w.chat.get().messages[0]).toMatchObject({ delivery: 'failed', uploadProblem: { kind: 'tooLarge', limitBytes: 1024 } });
    expect(w.sent).toEqual([]);

    w.failWith({ ok: false, network: true, status: 0, code: 'NETWORK', message: 'offline' });
    w.chat.attach([png()]);
    await settle();
    const failed = w.chat.get().messages.find((m) => m.uploadProblem?.kind === 'failed')!;
    w.chat.retry(failed.clientMessageId!);
    await settle();
    expect(w.uploads).toHaveLength(3);
    expect(w.sent.map((s) => s.clientMessageId)).toEqual([failed.clientMessageId]);

    // Offline while uploading: it goes again by itself when the network returns (the refused one does not).
    w.failWith({ ok: false, network: true, status: 0, code: 'NETWORK', message: 'offline' });
    w.chat.attach([png()]);
    await settle();
    w.chat.networkChanged(true);
    await settle();
    expect(w.uploads).toHaveLength(5);
    expect(w.sent).toHaveLength(2);
    expect(w.chat.get().messages.filter((m) => m.uploadProblem).map((m) => m.uploadProblem!.kind)).toEqual(['tooLarge']);
  });
});
