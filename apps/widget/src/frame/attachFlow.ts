// The customer's files in the chat: each picked, pasted or dropped file becomes its own message,
// uploaded with progress and then sent through the outbox (so a resend names the same attachment).
import type { PublicApi } from './api.ts';
import { isImage, precheck, problemOf, type ChatAttachment, type Uploader, type UploadProblem } from './attachments.ts';
import type { OutboxItem } from './outbox.ts';
import { localMessage, type ChatMessage } from './transcript.ts';

export type AttachFlowDeps = {
  deps: { api: PublicApi; newId(): string; now(): Date; upload?: Uploader; objectUrl?(blob: Blob): string };
  outbox: { add(item: OutboxItem): void; flush(): Promise<void>; discard(clientMessageId: string): void };
  token(): string | null;
  /** The server's size limit, when its widget settings said. */
  maxBytes(): number | null;
  ensureSession(): Promise<string | null>;
  forgetSession(): void;
  merge(incoming: ChatMessage[]): void;
  local(clientMessageId: string): ChatMessage | undefined;
  patchLocal(clientMessageId: string, patch: (m: ChatMessage) => Partial<ChatMessage>): void;
  removeLocal(clientMessageId: string): void;
};

export function createAttachFlow(io: AttachFlowDeps) {
  const { deps } = io;
  // Files still to upload (kept for a retry), and displayable URLs by attachment id (local previews, fetched files).
  const uploading = new Map<string, File>();
  const sources = new Map<string, Promise<string | null>>();

  async function upload(clientMessageId: string, file: File): Promise<void> {
    const fail = (uploadProblem: UploadProblem) => io.patchLocal(clientMessageId, () => ({ delivery: 'failed', uploadProblem }));
    const sessionToken = await io.ensureSession();
    if (!sessionToken || !deps.upload) return fail({ kind: 'failed' });
    const progress = (fraction: number) => io.patchLocal(clientMessageId, (m) => ({ attachments: m.attachments?.map((a) => ({ ...a, progress: fraction })) }));
    const result = await deps.upload(sessionToken, file, file.name || 'image.png', progress);
    if (!result.ok) {
      if (result.status === 401) io.forgetSession(); // the retry starts a new session
      return fail(problemOf(result));
    }
    uploading.delete(clientMessageId);
    const local = io.local(clientMessageId);
    if (!local) return; // removed while it uploaded
    const preview = local.attachments?.[0]?.preview;
    if (preview) sources.set(result.value.id, Promise.resolve(preview));
    io.patchLocal(clientMessageId, () => ({ delivery: 'sending', uploadProblem: undefined, attachments: [{ ...result.value, ...(preview ? { preview } : {}) }] }));
    io.outbox.add({ clientMessageId, text: '', createdAt: local.createdAt, attachments: [result.value] });
    void io.outbox.flush();
  }

  return {
    attach(files: readonly File[]): void {
      for (const file of files) {
        const clientMessageId = deps.newId();
        const problem = precheck(file, io.maxBytes());
        const preview = !problem && isImage(file.type) && deps.objectUrl ? deps.objectUrl(file) : undefined;
        const attachment: ChatAttachment = { name: file.name || 'image.png', contentType: file.type, size: file.size, progress: 0, ...(preview ? { preview } : {}) };
        const local = localMessage({ clientMessageId, text: '', createdAt: deps.now().toISOString(), delivery: problem ? 'failed' : 'uploading', attachments: [attachment] });
        io.merge([problem ? { ...local, uploadProblem: problem } : local]);
        if (problem) continue;
        uploading.set(clientMessageId, file);
        void upload(clientMessageId, file);
      }
    },
    discard(clientMessageId: string): void {
      uploading.delete(clientMessageId);
      io.outbox.discard(clientMessageId);
      io.removeLocal(clientMessageId);
    },
    source(attachment: ChatAttachment): Promise<string | null> {
      if (attachment.preview) return Promise.resolve(attachment.preview);
      const { id, url } = attachment;
      const token = io.token();
      if (!id || !url || !token || !deps.objectUrl) return Promise.resolve(null);
      let found = sources.get(id);
      if (!found) {
        const objectUrl = deps.objectUrl;
        found = deps.api.attachment(token, url).then((blob) => (blob ? objectUrl(blob) : null));
        sources.set(id, found);
        void found.then((source) => source ?? sources.delete(id));
      }
      return found;
    },
    /** The network is back: uploads that failed for no reason of their own (not too large, not refused) go again. */
    retryFailed(): void {
      for (const [clientMessageId, file] of uploading) {
        const local = io.local(clientMessageId);
        if (local?.delivery !== 'failed' || local.uploadProblem?.kind !== 'failed') continue;
        io.patchLocal(clientMessageId, () => ({ delivery: 'uploading', uploadProblem: undefined }));
        void upload(clientMessageId, file);
      }
    },
    /** Uploads again a file whose upload failed; false when the message is not an upload (the outbox retries it). */
    retry(clientMessageId: string): boolean {
      const file = uploading.get(clientMessageId);
      if (!file) return false;
      io.patchLocal(clientMessageId, () => ({ delivery: 'uploading', uploadProblem: undefined }));
      void upload(clientMessageId, file);
      return true;
    },
  };
}
