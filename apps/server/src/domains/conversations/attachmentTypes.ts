// Which files may be attached, decided from their first bytes: a name or a Content-Type header can lie.

export type AllowedType = { contentType: string; label: string; inline: boolean };

const png: AllowedType = { contentType: 'image/png', label: 'PNG', inline: true };
const jpeg: AllowedType = { contentType: 'image/jpeg', label: 'JPEG', inline: true };
const gif: AllowedType = { contentType: 'image/gif', label: 'GIF', inline: true };
const webp: AllowedType = { contentType: 'image/webp', label: 'WebP', inline: true };
const pdf: AllowedType = { contentType: 'application/pdf', label: 'PDF', inline: false };
const zip: AllowedType = { contentType: 'application/zip', label: 'ZIP', inline: false };
const text: AllowedType = { contentType: 'text/plain', label: 'TXT', inline: false };
const csv: AllowedType = { contentType: 'text/csv', label: 'CSV', inline: false };

/** Office Open XML files are ZIP archives; their extension says which application opens them. */
const officeOpenXml: Record<string, AllowedType> = {
  docx: { contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', label: 'DOCX', inline: false },
  xlsx: { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', label: 'XLSX', inline: false },
  pptx: { contentType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', label: 'PPTX', inline: false },
};
/** Legacy Office files share the OLE2 compound-file signature. */
const officeLegacy: Record<string, AllowedType> = {
  doc: { contentType: 'application/msword', label: 'DOC', inline: false },
  xls: { contentType: 'application/vnd.ms-excel', label: 'XLS', inline: false },
  ppt: { contentType: 'application/vnd.ms-powerpoint', label: 'PPT', inline: false },
};

/** What customers and agents are told they may send. */
export const ALLOWED_LABELS = ['PNG', 'JPEG', 'GIF', 'WebP', 'PDF', 'TXT', 'CSV', 'DOC', 'DOCX', 'XLS', 'XLSX', 'PPT', 'PPTX', 'ZIP'];

const starts = (bytes: Uint8Array, signature: readonly number[], at = 0) => signature.every((b, i) => bytes[at + i] === b);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
}

/**
 * The type of an upload from its bytes (and, only to tell apart formats that share a container, its
 * extension), or null when it is not one we accept — an executable renamed to .png is null.
 */
export function sniffAttachmentType(bytes: Uint8Array, name: string): AllowedType | null {
  const extension = extensionOf(name);
  if (starts(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return png;
  if (starts(bytes, [0xff, 0xd8, 0xff])) return jpeg;
  if (starts(bytes, ascii('GIF87a')) || starts(bytes, ascii('GIF89a'))) return gif;
  if (starts(bytes, ascii('RIFF')) && starts(bytes, ascii('WEBP'), 8)) return webp;
  if (starts(bytes, ascii('%PDF-'))) return pdf;
  if (starts(bytes, [0x50, 0x4b, 0x03, 0x04]) || starts(bytes, [0x50, 0x4b, 0x05, 0x06])) return officeOpenXml[extension] ?? zip;
  if (starts(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return officeLegacy[extension] ?? null;
  if (isPlainText(bytes)) return extension === 'csv' ? csv : text;
  return null;
}

/** UTF-8 (a BOM allowed) without control characters other than tab, line breaks and form feed. */
function isPlainText(bytes: Uint8Array): boolean {
  if (bytes.length === 0) return false;
  for (const b of bytes) if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** A file name safe to store and to send back in Content-Disposition: no path, no control characters, at most 200 characters. */
export function cleanFileName(name: string, contentType: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const cleaned = base.replace(/[\u0000-\u001f\u007f"]/g, '').trim().slice(-200);
  if (cleaned && cleaned !== '.' && cleaned !== '..') return cleaned;
  return `attachment.${contentType.split('/')[1]?.split('.').pop() ?? 'bin'}`;
}
