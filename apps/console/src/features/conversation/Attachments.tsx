import { useCallback, useEffect, useRef, useState } from 'react';
import { Alert, Button, Image, Progress, Tag, Tooltip } from 'antd';
import { FileOutlined, PaperClipOutlined } from '@ant-design/icons';
import { AttachmentUploadResponse, ErrorBody, type AttachmentView } from '@lingxi/contracts';
import { useSession } from '../../lib/session.tsx';
import { formatBytes, useAttachmentTexts } from './attachmentTexts.ts';

// Attachments in the console: shown in the transcript, and attached from the reply box.

const ACCEPT = 'image/png,image/jpeg,image/gif,image/webp,application/pdf,text/plain,text/csv,.pdf,.txt,.csv,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.zip';
const isImage = (contentType: string) => contentType.startsWith('image/');

/** Only our own API's paths get the agent's token: a url from anywhere else is not fetched with it. */
const ownPath = (url: string) => url.startsWith('/api/');

/** The file's bytes fetched with the agent's token, as an object URL (an <img src> cannot send the token). */
function useFileUrl(url: string | null): string | null {
  const token = useSession().session?.token ?? null;
  const [objectUrl, setObjectUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!url || !token || !ownPath(url)) return;
    let made: string | null = null;
    let live = true;
    void fetch(url, { headers: { authorization: `Bearer ${token}` } })
      .then((r) => (r.ok ? r.blob() : null))
      .then((blob) => {
        if (!blob || !live) return;
        made = URL.createObjectURL(blob);
        setObjectUrl(made);
      })
      .catch(() => undefined);
    return () => {
      live = false;
      if (made) URL.revokeObjectURL(made);
    };
  }, [url, token]);
  return objectUrl;
}

/** A picture arriving after the transcript scrolled to its end makes it taller: stay at the end if the reader was there. */
function followIfAtEnd(image: HTMLImageElement): void {
  const log = image.closest('.lx-transcript');
  if (log && log.scrollHeight - log.scrollTop - log.clientHeight <= image.offsetHeight + 80) log.scrollTop = log.scrollHeight;
}

function Thumbnail({ attachment }: { attachment: AttachmentView }) {
  const { t } = useAttachmentTexts();
  const src = useFileUrl(attachment.url);
  return (
    <span className="lx-attachment-thumb" title={attachment.name}>
      {src ? (
        <Image src={src} alt={attachment.name} width={160} style={{ maxHeight: 160, objectFit: 'cover' }} preview={{ mask: t('attachment.open', { name: attachment.name }) }} onLoad={(e) => followIfAtEnd(e.currentTarget)} />
      ) : (
        <span className="lx-attachment-placeholder" aria-label={attachment.name} />
      )}
    </span>
  );
}

function FileChip({ attachment }: { attachment: AttachmentView }) {
  const { t } = useAttachmentTexts();
  const token = useSession().session?.token ?? null;
  const download = async () => {
    if (!ownPath(attachment.url)) return;
    const response = await fetch(attachment.url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    if (!response.ok) return;
    const href = URL.createObjectURL(await response.blob());
    const link = Object.assign(document.createElement('a'), { href, download: attachment.name });
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(href), 10_000);
  };
  return (
    <Button size="small" icon={<FileOutlined />} onClick={() => void download()} aria-label={t('attachment.download', { name: attachment.name })} className="lx-attachment-chip">
      <span className="lx-attachment-name">{attachment.name}</span>
      <span className="lx-attachment-size">{formatBytes(attachment.size)}</span>
    </Button>
  );
}

/** A message's files: image thumbnails that open full size, other files as chips with name and size. */
export function MessageAttachments({ attachments }: { attachments: readonly AttachmentView[] | undefined }) {
  const { t } = useAttachmentTexts();
  if (!attachments?.length) return null;
  return (
    <div className="lx-attachments" role="group" aria-label={t('attachment.label')}>
      {attachments.map((a) => (isImage(a.contentType) ? <Thumbnail key={a.id} attachment={a} /> : <FileChip key={a.id} attachment={a} />))}
    </div>
  );
}

/** Files as download chips only (pictures too): the handoff panel's list of what the customer already sent. */
export function FileChips({ attachments, label }: { attachments: readonly AttachmentView[]; label: string }) {
  if (attachments.length === 0) return null;
  return (
    <div className="lx-attachments" role="group" aria-label={label}>
      {attachments.map((a) => <FileChip key={a.id} attachment={a} />)}
    </div>
  );
}

type Pending = { key: string; name: string; size: number; progress: number; attachment: AttachmentView | null };

/**
 * Files for the next reply or note: uploaded to the conversation as soon as they are picked (with
 * progress), sent by id with the message, cleared after it is sent.
 */
export function useReplyAttachments(conversationId: string) {
  const { t } = useAttachmentTexts();
  const token = useSession().session?.token ?? null;
  const [pending, setPending] = useState<Pending[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const counter = useRef(0);
  const upload = useCallback(
    (file: File) => {
      const key = `f${++counter.current}`;
      setProblem(null);
      const patch = (change: Partial<Pending>) => setPending((list) => list.map((p) => (p.key === key ? { ...p, ...change } : p)));
      setPending((list) => [...list, { key, name: file.name, size: file.size, progress: 0, attachment: null }]);
      const xhr = new XMLHttpRequest();
      xhr.open('POST', `/api/v1/conversations/${encodeURIComponent(conversationId)}/attachments`);
      if (token) xhr.setRequestHeader('authorization', `Bearer ${token}`);
      xhr.upload.onprogress = (e) => e.lengthComputable && patch({ progress: Math.round((e.loaded / e.total) * 100) });
      const fail = (message: string) => {
        setPending((list) => list.filter((p) => p.key !== key));
        setProblem(message);
      };
      xhr.onerror = () => fail(t('attachment.failed', { name: file.name, reason: 'network' }));
      xhr.onload = () => {
        let json: unknown = null;
        try {
          json = JSON.parse(xhr.responseText);
        } catch {
          // handled by the status below
        }
        const done = AttachmentUploadResponse.safeParse(json);
        if (xhr.status === 201 && done.success) return patch({ attachment: done.data.attachment, progress: 100 });
        const error = ErrorBody.safeParse(json);
        const limit = error.success ? /at most (\d+) bytes/.exec(error.data.error.problems[0]?.message ?? '')?.[1] : undefined;
        if (xhr.status === 413) return fail(t('attachment.tooLarge', { name: file.name, limit: limit ? formatBytes(Number(limit)) : '?' }));
        if (xhr.status === 415) return fail(t('attachment.typeNotAllowed', { name: file.name }));
        fail(t('attachment.failed', { name: file.name, reason: error.success ? error.data.error.message : `HTTP ${xhr.status}` }));
      };
      const form = new FormData();
      form.append('file', file, file.name);
      xhr.send(form);
    },
    [conversationId, token, t],
  );
  const ids = pending.flatMap((p) => (p.attachment ? [p.attachment.id] : []));
  return {
    ids,
    uploading: pending.some((p) => !p.attachment),
    clear: () => {
      setPending([]);
      setProblem(null);
    },
    button: <AttachButton onFiles={(files) => files.forEach(upload)} />,
    /** Files pasted into the reply box (a screenshot) are attached; pasted text stays text. */
    onPaste: (event: { clipboardData: DataTransfer; preventDefault(): void }) => {
      const files = [...event.clipboardData.files];
      if (files.length === 0) return;
      event.preventDefault();
      files.forEach(upload);
    },
    list: pending.length || problem ? (
      <div className="lx-attachments pending" role="group" aria-label={t('attachment.label')}>
        {problem ? <Alert type="error" showIcon closable onClose={() => setProblem(null)} title={problem} style={{ width: '100%' }} /> : null}
        {pending.map((p) => (
          <Tag key={p.key} closable onClose={() => setPending((list) => list.filter((x) => x.key !== p.key))} closeIcon={<span aria-label={t('attachment.remove', { name: p.name })}>×</span>}>
            <FileOutlined /> {p.name} · {formatBytes(p.size)}
            {p.attachment ? null : <Progress percent={p.progress} size="small" showInfo={false} style={{ width: 60, display: 'inline-block', marginInlineStart: 6 }} aria-label={t('attachment.uploading', { percent: p.progress })} />}
          </Tag>
        ))}
      </div>
    ) : null,
  };
}

function AttachButton({ onFiles }: { onFiles(files: File[]): void }) {
  const { t } = useAttachmentTexts();
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <Tooltip title={t('attachment.attach')}>
        <Button type="text" className="lx-attach" icon={<PaperClipOutlined />} aria-label={t('attachment.attach')} onClick={() => input.current?.click()} />
      </Tooltip>
      <input
        ref={input}
        type="file"
        multiple
        accept={ACCEPT}
        hidden
        onChange={(e) => {
          const files = e.target.files ? [...e.target.files] : [];
          e.target.value = '';
          if (files.length) onFiles(files);
        }}
      />
    </>
  );
}
