import { useCallback } from 'react';
import { useI18n } from '../../i18n/I18nProvider.tsx';

// Words of attachments in the transcript and the reply box (kept beside them, as inboxTexts does).

const zh = {
  'attachment.attach': '添加附件',
  'attachment.label': '附件',
  'attachment.uploading': '上传中 {percent}%',
  'attachment.remove': '移除附件 {name}',
  'attachment.open': '查看原图：{name}',
  'attachment.download': '下载 {name}',
  'attachment.tooLarge': '{name} 太大，附件最大 {limit}',
  'attachment.typeNotAllowed': '{name} 的类型不支持：可以发送图片（PNG、JPG、GIF、WebP）、PDF、TXT、CSV、Office 文档或 ZIP',
  'attachment.failed': '{name} 上传失败：{reason}',
  'attachment.notLoaded': '无法加载',
  'attachment.customerFiles': '客户已发送的文件',
};
const en: Record<keyof typeof zh, string> = {
  'attachment.attach': 'Attach a file',
  'attachment.label': 'Attachments',
  'attachment.uploading': 'Uploading {percent}%',
  'attachment.remove': 'Remove attachment {name}',
  'attachment.open': 'Open full size: {name}',
  'attachment.download': 'Download {name}',
  'attachment.tooLarge': '{name} is too large; attachments can be at most {limit}',
  'attachment.typeNotAllowed': '{name} is not an allowed type: images (PNG, JPG, GIF, WebP), PDF, TXT, CSV, Office documents or ZIP',
  'attachment.failed': '{name} was not uploaded: {reason}',
  'attachment.notLoaded': 'Could not load',
  'attachment.customerFiles': 'Files the customer sent',
};
export type AttachmentTextKey = keyof typeof zh;
export const attachmentTexts = { 'zh-CN': zh, 'en-US': en } as const;

export function useAttachmentTexts() {
  const { locale } = useI18n();
  const t = useCallback(
    (key: AttachmentTextKey, vars: Record<string, string | number> = {}) => attachmentTexts[locale][key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole)),
    [locale],
  );
  return { t, locale };
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(bytes < 10 * 1024 ? 1 : 0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`;
}
