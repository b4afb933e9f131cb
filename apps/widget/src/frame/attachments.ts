// Files the customer attaches: what may be picked, the upload (with progress), and what a refusal means.
import type { ApiFailure, ApiResult } from './api.ts';
import type { Locale } from './i18n.ts';
import { AttachmentUploaded, WireError, type WireAttachment } from './wire.ts';

/** A file on a message in the transcript; `preview` is a local object URL while (and after) it uploads. */
export type ChatAttachment = { id?: string; name: string; contentType: string; size: number; url?: string; preview?: string; progress?: number };
export type UploadProblem = { kind: 'tooLarge' | 'typeNotAllowed' | 'failed'; limitBytes?: number };

/** What the file picker offers; the server checks the bytes again. */
export const ACCEPT = 'image/png,image/jpeg,image/gif,image/webp,application/pdf,text/plain,text/csv,.pdf,.txt,.csv,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.zip';
const EXTENSIONS = new Set(['png', 'jpg', 'jpeg', 'gif', 'webp', 'pdf', 'txt', 'csv', 'doc', 'docx', 'xls', 'xlsx', 'ppt', 'pptx', 'zip']);

export const isImage = (contentType: string) => /^image\/(png|jpeg|gif|webp)$/i.test(contentType);

/**
 * Refuses at once what the server would refuse by its name alone (a pasted screenshot has no extension,
 * only a type) or by a size over the limit the server announced.
 */
export function precheck(file: { name: string; type: string; size?: number }, maxBytes?: number | null): UploadProblem | null {
  if (maxBytes && file.size !== undefined && file.size > maxBytes) return { kind: 'tooLarge', limitBytes: maxBytes };
  const dot = file.name.lastIndexOf('.');
  const extension = dot < 0 ? '' : file.name.slice(dot + 1).toLowerCase();
  if (EXTENSIONS.has(extension) || (extension === '' && isImage(file.type))) return null;
  return { kind: 'typeNotAllowed' };
}

/** The server's refusal in the customer's terms: too big (with the limit it named), a type it does not take, or anything else. */
export function problemOf(failure: Pick<ApiFailure, 'status' | 'code' | 'problems'>): UploadProblem {
  if (failure.status === 413 || failure.code === 'ATTACHMENT_TOO_LARGE') {
    const limit = failure.problems?.map((p) => /at most (\d+) bytes/.exec(p.message)?.[1]).find(Boolean);
    return limit ? { kind: 'tooLarge', limitBytes: Number(limit) } : { kind: 'tooLarge' };
  }
  if (failure.status === 415 || failure.code === 'ATTACHMENT_TYPE_NOT_ALLOWED') return { kind: 'typeNotAllowed' };
  return { kind: 'failed' };
}

export function formatSize(bytes: number, locale: Locale): string {
  const unit = (value: number, suffix: string) => `${value >= 10 || Number.isInteger(value) ? Math.round(value) : value.toFixed(1)} ${suffix}`;
  if (bytes < 1024) return locale === 'zh-CN' ? `${bytes} 字节` : `${bytes} B`;
  if (bytes < 1024 * 1024) return unit(bytes / 1024, 'KB');
  return unit(bytes / 1024 / 1024, 'MB');
}

export type Uploader = (token: string, file: Blob, name: string, onProgress: (fraction: number) => void) => Promise<ApiResult<WireAttachment>>;

/** Uploads with XMLHttpRequest, because fetch cannot report upload progress. */
export function xhrUploader(baseUrl: string, Request: typeof XMLHttpRequest = XMLHttpRequest): Uploader {
  return (token, file, name, onProgress) =>
    new Promise((resolve) => {
      const xhr = new Request();
      xhr.open('POST', `${baseUrl}/api/public/v1/attachments`);
      xhr.setRequestHeader('authorization', `Bearer ${token}`);
      xhr.setRequestHeader('accept', 'application/json');
      xhr.upload.onprogress = (event) => event.lengthComputable && onProgress(event.loaded / event.total);
      xhr.onerror = () => resolve({ ok: false, network: true, status: 0, code: 'NETWORK', message: 'network error' });
      xhr.onload = () => {
        let json: unknown = null;
        try {
          json = JSON.parse(xhr.responseText);
        } catch {
          // reported by status below
        }
        if (xhr.status >= 200 && xhr.status < 300) {
          const parsed = AttachmentUploaded.safeParse(json);
          return resolve(parsed.success ? { ok: true, value: parsed.data.attachment } : { ok: false, network: false, status: xhr.status, code: 'BAD_RESPONSE', message: 'unexpected answer' });
        }
        const error = WireError.safeParse(json);
        const network = xhr.status >= 500 || xhr.status === 408 || xhr.status === 429;
        resolve(
          error.success
            ? { ok: false, network, status: xhr.status, code: error.data.error.code, message: error.data.error.message, problems: error.data.error.problems ?? [] }
            : { ok: false, network, status: xhr.status, code: `HTTP_${xhr.status}`, message: xhr.statusText },
        );
      };
      const form = new FormData();
      form.append('file', file, name);
      xhr.send(form);
    });
}
