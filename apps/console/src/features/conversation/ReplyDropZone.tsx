import { useRef, useState, type DragEvent, type ReactNode } from 'react';
import { CloudUploadOutlined } from '@ant-design/icons';
import { useI18n } from '../../i18n/I18nProvider.tsx';

const TEXTS = { 'zh-CN': '松开鼠标即可添加附件', 'en-US': 'Drop files here to attach them' } as const;

const carriesFiles = (event: DragEvent) => [...event.dataTransfer.types].includes('Files');

/**
 * The reply box takes files dropped on it (from the desktop or a file manager), with the same checks and
 * progress as the paperclip and paste: `onFiles` gets the browser's DataTransfer, as paste does.
 */
export function ReplyDropZone({ onFiles, children, className }: { onFiles(data: DataTransfer): void; children: ReactNode; className: string }) {
  const { locale } = useI18n();
  const [over, setOver] = useState(false);
  // dragenter/dragleave fire for every child crossed: count them so the hint does not flicker.
  const depth = useRef(0);
  const onDragEnter = (event: DragEvent<HTMLDivElement>) => {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    depth.current += 1;
    setOver(true);
  };
  const onDragOver = (event: DragEvent<HTMLDivElement>) => {
    if (!carriesFiles(event)) return;
    event.preventDefault(); // without this the browser opens the file instead of dropping it here
    event.dataTransfer.dropEffect = 'copy';
  };
  const onDragLeave = (event: DragEvent<HTMLDivElement>) => {
    if (!carriesFiles(event)) return;
    depth.current = Math.max(0, depth.current - 1);
    if (depth.current === 0) setOver(false);
  };
  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    depth.current = 0;
    setOver(false);
    if (event.dataTransfer.files.length) onFiles(event.dataTransfer);
  };
  return (
    <div className={`${className}${over ? ' lx-drop-over' : ''}`} onDragEnter={onDragEnter} onDragOver={onDragOver} onDragLeave={onDragLeave} onDrop={onDrop} style={{ position: 'relative' }} data-testid="reply-drop-zone">
      {children}
      {over ? (
        <div
          role="status"
          style={{ position: 'absolute', inset: 0, display: 'grid', placeItems: 'center', background: 'rgba(22,119,255,0.08)', border: '2px dashed #1677ff', borderRadius: 8, color: '#1677ff', fontWeight: 500, pointerEvents: 'none', zIndex: 2 }}
        >
          <span><CloudUploadOutlined /> {TEXTS[locale === 'en-US' ? 'en-US' : 'zh-CN']}</span>
        </div>
      ) : null}
    </div>
  );
}
