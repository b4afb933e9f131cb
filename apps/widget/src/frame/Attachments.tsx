/** @jsxImportSource preact */
import { useEffect, useRef, useState } from 'preact/hooks';
import { ACCEPT, formatSize, isImage, type ChatAttachment } from './attachments.ts';
import type { Chat } from './chat.ts';
import type { Locale, Messages } from './i18n.ts';
import { FileIcon, Paperclip } from './icons.tsx';

type Props = { chat: Chat; attachments: ChatAttachment[]; t: Messages; locale: Locale };

/** Images as thumbnails that open full size; other files as chips with name and size that download. */
export function AttachmentList({ chat, attachments, t, locale }: Props) {
  return (
    <div class="attachments" role="group" aria-label={t.attachmentsLabel}>
      {attachments.map((a) => (isImage(a.contentType) ? <Thumbnail key={a.id ?? a.name} chat={chat} attachment={a} t={t} /> : <FileChip key={a.id ?? a.name} chat={chat} attachment={a} t={t} locale={locale} />))}
    </div>
  );
}

function useSource(chat: Chat, attachment: ChatAttachment): string | null {
  const [source, setSource] = useState<string | null>(attachment.preview ?? null);
  useEffect(() => {
    let live = true;
    void chat.attachmentSource(attachment).then((found) => live && setSource(found));
    return () => {
      live = false;
    };
  }, [attachment.id, attachment.preview]);
  return source;
}

/** A picture loading after the log scrolled to its end makes it taller: stay at the end if the reader was there. */
function followIfAtEnd(image: HTMLImageElement): void {
  const log = image.closest('.log');
  if (log && log.scrollHeight - log.scrollTop - log.clientHeight <= image.offsetHeight + 80) log.scrollTop = log.scrollHeight;
}

function Thumbnail({ chat, attachment, t }: { chat: Chat; attachment: ChatAttachment; t: Messages }) {
  const source = useSource(chat, attachment);
  const image = source ? <img src={source} alt={attachment.name} onLoad={(event) => followIfAtEnd(event.currentTarget)} /> : <span class="thumb-placeholder" aria-hidden="true" />;
  return (
    <div class="thumb">
      {source && attachment.id ? (
        <a href={source} target="_blank" rel="noopener" aria-label={t.openImage(attachment.name)} title={attachment.name}>{image}</a>
      ) : (
        image
      )}
      <Progress attachment={attachment} t={t} />
    </div>
  );
}

function FileChip({ chat, attachment, t, locale }: { chat: Chat; attachment: ChatAttachment; t: Messages; locale: Locale }) {
  const download = async () => {
    const source = await chat.attachmentSource(attachment);
    if (!source) return;
    const link = document.createElement('a');
    link.href = source;
    link.download = attachment.name;
    document.body.appendChild(link);
    link.click();
    link.remove();
  };
  const body = (
    <>
      <FileIcon />
      <span class="file-name">{attachment.name}</span>
      <span class="file-size">{formatSize(attachment.size, locale)}</span>
    </>
  );
  return (
    <div class="file-chip-wrap">
      {attachment.id ? (
        <button type="button" class="file-chip" aria-label={t.downloadFile(attachment.name)} title={attachment.name} onClick={() => void download()}>{body}</button>
      ) : (
        <div class="file-chip">{body}</div>
      )}
      <Progress attachment={attachment} t={t} />
    </div>
  );
}

function Progress({ attachment, t }: { attachment: ChatAttachment; t: Messages }) {
  if (attachment.id || attachment.progress === undefined) return null;
  const percent = Math.round(attachment.progress * 100);
  return (
    <div class="upload-progress" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} aria-label={t.uploading(percent)}>
      <span style={{ width: `${percent}%` }} />
    </div>
  );
}

/** The paperclip: a real button (keyboard and screen reader) opening the file picker. */
export function AttachButton({ chat, t }: { chat: Chat; t: Messages }) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" class="attach" aria-label={t.attach} title={t.attach} onClick={() => input.current?.click()}>
        <Paperclip />
      </button>
      <input
        ref={input}
        type="file"
        class="sr-only"
        tabIndex={-1}
        aria-hidden="true"
        multiple
        accept={ACCEPT}
        onChange={(event) => {
          const picked = event.currentTarget.files;
          if (picked?.length) chat.attach([...picked]);
          event.currentTarget.value = '';
        }}
      />
    </>
  );
}

/** Files pasted into the message box (screenshots) or dropped on the window. */
export function filesOf(data: DataTransfer | null): File[] {
  return data ? [...data.files] : [];
}
