import { describe, expect, it } from 'vitest';
import { cleanFileName, sniffAttachmentType } from './attachmentTypes.ts';

const bytes = (...parts: (number[] | string)[]) => Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...new TextEncoder().encode(p)] : p)));
const ZIP = [0x50, 0x4b, 0x03, 0x04, 0x14, 0x00];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

describe('sniffAttachmentType: the content decides, the name only tells containers apart', () => {
  it.each([
    ['PNG', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]), 'x.png', 'image/png'],
    ['JPEG named .png', bytes([0xff, 0xd8, 0xff, 0xe0, 0]), 'x.png', 'image/jpeg'],
    ['GIF', bytes('GIF89a', [1, 0]), 'x.gif', 'image/gif'],
    ['WebP', bytes('RIFF', [0, 0, 0, 0], 'WEBPVP8 '), 'x.webp', 'image/webp'],
    ['PDF', bytes('%PDF-1.7\n'), 'x.pdf', 'application/pdf'],
    ['DOCX', bytes(ZIP), '合同.DOCX', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['XLSX', bytes(ZIP), 'a.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ['ZIP', bytes(ZIP), 'a.zip', 'application/zip'],
    ['XLS', bytes(OLE), 'a.xls', 'application/vnd.ms-excel'],
    ['CSV', bytes('a,b\n1,2\n'), 'a.csv', 'text/csv'],
    ['Chinese text', bytes('你好\r\n'), 'note', 'text/plain'],
  ])('%s', (_label, content, name, type) => {
    expect(sniffAttachmentType(content, name)?.contentType).toBe(type);
  });

  it.each([
    ['a Windows program renamed .png', bytes('MZ', [0x90, 0, 3, 0]), 'photo.png'],
    ['an ELF binary renamed .txt', bytes([0x7f], 'ELF', [2, 1, 1, 0]), 'readme.txt'],
    ['an OLE file that is not Office', bytes(OLE), 'thing.msi'],
    ['binary noise', bytes([0, 1, 2, 3, 0xfe]), 'a.txt'],
    ['invalid UTF-8', bytes([0x61, 0xc3, 0x28]), 'a.txt'],
    ['nothing', bytes(), 'a.txt'],
  ])('refuses %s', (_label, content, name) => {
    expect(sniffAttachmentType(content, name)).toBeNull();
  });
});

describe('cleanFileName', () => {
  it.each([
    ['../../etc/passwd', 'passwd'],
    ['C:\\Users\\me\\照片.png', '照片.png'],
    ['say "hi"\u0000.txt', 'say hi.txt'],
    ['..', 'attachment.png'],
    ['', 'attachment.png'],
  ])('%j → %j', (name, cleaned) => {
    expect(cleanFileName(name, 'image/png')).toBe(cleaned);
  });
});
