import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { orientationOnlyTiff, readOrientation, stripImageMetadata } from './imageMetadata.ts';

/** Small files built by hand, byte by byte, with the kinds of metadata phones and editors write. */
const enc = (s: string) => new TextEncoder().encode(s);
const bytesOf = (...parts: (Uint8Array | number[])[]) => Uint8Array.from(parts.flatMap((p) => [...p]));
const has = (haystack: Uint8Array, needle: string) => Buffer.from(haystack).includes(Buffer.from(needle));

/** A little-endian TIFF with Orientation, Make and a GPS-looking ASCII value, as a camera writes it. */
function cameraTiff(orientation: number): Uint8Array {
  const text = enc('GPS 39.9042N 116.4074E\0');
  const tiff = new Uint8Array(8 + 2 + 3 * 12 + 4 + text.length);
  const v = new DataView(tiff.buffer);
  tiff.set([0x49, 0x49, 0x2a, 0x00]);
  v.setUint32(4, 8, true);
  v.setUint16(8, 3, true);
  const entry = (i: number, tag: number, type: number, count: number, value: number) => {
    const at = 10 + i * 12;
    v.setUint16(at, tag, true);
    v.setUint16(at + 2, type, true);
    v.setUint32(at + 4, count, true);
    if (type === 3) v.setUint16(at + 8, value, true);
    else v.setUint32(at + 8, value, true);
  };
  entry(0, 0x010f, 2, 4, 0x0050_4f4f); // Make "OOP" inline
  entry(1, 0x0112, 3, 1, orientation);
  entry(2, 0x8825, 2, text.length, 10 + 36 + 4); // a GPS value stored after the IFD
  tiff.set(text, 10 + 36 + 4);
  return tiff;
}

const segment = (marker: number, body: Uint8Array) => bytesOf([0xff, marker, (body.length + 2) >> 8, (body.length + 2) & 0xff], body);
const SCAN = [0x12, 0xff, 0x00, 0x34, 0xff, 0xd0, 0x56, 0xff, 0x00]; // stuffed 0xFF00 and a restart marker inside the scan
const frame = bytesOf(segment(0xdb, new Uint8Array(65)), segment(0xc0, Uint8Array.from([8, 0, 1, 0, 1, 1, 1, 0x11, 0])), segment(0xc4, new Uint8Array(20)));
const sos = segment(0xda, Uint8Array.from([1, 1, 0, 0, 0x3f, 0]));

function phoneJpeg(orientation: number): Uint8Array {
  return bytesOf(
    [0xff, 0xd8],
    segment(0xe0, bytesOf(enc('JFIF\0'), [1, 1, 0, 0, 1, 0, 1, 0, 0])),
    segment(0xe1, bytesOf(enc('Exif\0\0'), cameraTiff(orientation))),
    segment(0xe1, enc('http://ns.adobe.com/xap/1.0/\0<x:xmpmeta>creator: 王小明</x:xmpmeta>')),
    segment(0xe2, enc('ICC_PROFILE\0\x01\x01profile')),
    segment(0xed, enc('Photoshop 3.0\x008BIM IPTC city=Hangzhou')),
    segment(0xfe, enc('shot at home')),
    frame,
    sos,
    SCAN,
    [0xff, 0xd9],
    enc('MPF second image with Exif GPS'),
  );
}

describe('JPEG', () => {
  it('drops EXIF, XMP, IPTC, comments and data after the image; keeps JFIF, ICC, the frame and the scan bytes', () => {
    const { bytes, removed } = stripImageMetadata(phoneJpeg(1), 'image/jpeg');
    expect(removed).toEqual(['APP1', 'APP1', 'APP13', 'COM', 'trailing data']);
    for (const secret of ['GPS', '王小明', 'Hangzhou', 'shot at home', 'MPF', 'Exif']) expect(has(bytes, secret)).toBe(false);
    expect(has(bytes, 'JFIF')).toBe(true);
    expect(has(bytes, 'ICC_PROFILE')).toBe(true);
    expect([...bytes.subarray(-2 - SCAN.length)]).toEqual([...SCAN, 0xff, 0xd9]);
    expect(bytes).toEqual(bytesOf([0xff, 0xd8], segment(0xe0, bytesOf(enc('JFIF\0'), [1, 1, 0, 0, 1, 0, 1, 0, 0])), segment(0xe2, enc('ICC_PROFILE\0\x01\x01profile')), frame, sos, SCAN, [0xff, 0xd9]));
  });

  it('keeps a rotated photo upright: an EXIF block with only the Orientation tag, right after JFIF', () => {
    const { bytes } = stripImageMetadata(phoneJpeg(6), 'image/jpeg');
    expect(has(bytes, 'GPS')).toBe(false);
    const app1 = 2 + 18; // SOI, then the 18-byte APP0
    expect([bytes[app1], bytes[app1 + 1]]).toEqual([0xff, 0xe1]);
    const length = (bytes[app1 + 2]! << 8) | bytes[app1 + 3]!;
    const body = bytes.subarray(app1 + 4, app1 + 2 + length);
    expect(Buffer.from(body.subarray(0, 6)).toString('latin1')).toBe('Exif\0\0');
    expect(readOrientation(body.subarray(6))).toBe(6);
    expect(body.length).toBe(6 + 26);
  });

  it('leaves a JPEG without metadata byte for byte, and keeps a cut-short file as far as it goes', () => {
    const clean = bytesOf([0xff, 0xd8], frame, sos, SCAN, [0xff, 0xd9]);
    expect(stripImageMetadata(clean, 'image/jpeg')).toEqual({ bytes: clean, removed: [] });
    const cut = phoneJpeg(1).subarray(0, 40); // ends inside the EXIF segment
    const stripped = stripImageMetadata(cut, 'image/jpeg');
    expect(stripped.removed).toEqual(['damaged metadata']);
    expect(has(stripped.bytes, 'Exif')).toBe(false);
    const scanCut = bytesOf([0xff, 0xd8], frame, sos, [1, 2, 3]);
    expect(stripImageMetadata(scanCut, 'image/jpeg').bytes).toEqual(scanCut);
  });
});

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const v = new DataView(out.buffer);
  v.setUint32(0, data.length);
  out.set(enc(type), 4);
  out.set(data, 8);
  v.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const IHDR = chunk('IHDR', Uint8Array.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0]));
const IDAT = chunk('IDAT', Uint8Array.from([0x78, 0x9c, 0x63, 0, 0, 0, 2, 0, 1]));
const IEND = chunk('IEND', new Uint8Array(0));

/** Every chunk of a PNG with its CRC checked. */
function chunksOf(png: Uint8Array): string[] {
  const v = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const types: string[] = [];
  for (let at = 8; at < png.length; ) {
    const length = v.getUint32(at);
    expect(v.getUint32(at + 8 + length)).toBe(crc32(png.subarray(at + 4, at + 8 + length)));
    types.push(Buffer.from(png.subarray(at + 4, at + 8)).toString('latin1'));
    at += 12 + length;
  }
  return types;
}

describe('PNG', () => {
  it('drops eXIf, tEXt, iTXt, zTXt and tIME; an orientation other than 1 comes back alone before the image data', () => {
    const png = bytesOf(PNG_SIGNATURE, IHDR, chunk('eXIf', cameraTiff(8)), chunk('tEXt', enc('Location\0Beijing')), chunk('iTXt', enc('XML:com.adobe.xmp\0\0\0\0\0<x:xmpmeta/>')), chunk('zTXt', enc('Comment\0\0xyz')), chunk('tIME', Uint8Array.from([7, 234, 11, 22, 3, 0, 0])), IDAT, IEND);
    const { bytes, removed } = stripImageMetadata(png, 'image/png');
    expect(removed).toEqual(['eXIf', 'tEXt', 'iTXt', 'zTXt', 'tIME']);
    expect(chunksOf(bytes)).toEqual(['IHDR', 'eXIf', 'IDAT', 'IEND']);
    expect(has(bytes, 'GPS')).toBe(false);
    expect(has(bytes, 'Beijing')).toBe(false);
    expect(readOrientation(bytes.subarray(8 + IHDR.length + 8, 8 + IHDR.length + 8 + 26))).toBe(8);

    const upright = bytesOf(PNG_SIGNATURE, IHDR, chunk('tEXt', enc('Author\0me')), IDAT, IEND, enc('appended'));
    const out = stripImageMetadata(upright, 'image/png');
    expect(out.removed).toEqual(['tEXt', 'trailing data']);
    expect(out.bytes).toEqual(bytesOf(PNG_SIGNATURE, IHDR, IDAT, IEND));
  });

  it('keeps a PNG without metadata, or one cut short in its header, as it is', () => {
    const clean = bytesOf(PNG_SIGNATURE, IHDR, IDAT, IEND);
    expect(stripImageMetadata(clean, 'image/png').bytes).toBe(clean);
    const cut = clean.subarray(0, 29);
    expect(stripImageMetadata(cut, 'image/png').bytes).toEqual(cut);
  });
});

function riffChunk(fourcc: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(8 + data.length + (data.length % 2));
  out.set(enc(fourcc));
  new DataView(out.buffer).setUint32(4, data.length, true);
  out.set(data, 8);
  return out;
}
const webp = (...chunks: Uint8Array[]) => {
  const body = bytesOf(enc('WEBP'), ...chunks);
  const head = bytesOf(enc('RIFF'), [0, 0, 0, 0]);
  new DataView(head.buffer).setUint32(4, body.length, true);
  return bytesOf(head, body);
};
const vp8x = (flags: number) => riffChunk('VP8X', Uint8Array.from([flags, 0, 0, 0, 0, 0, 0, 0, 0, 0]));
const ICCP = riffChunk('ICCP', enc('icc'));
const VP8 = riffChunk('VP8 ', Uint8Array.from([1, 2, 3, 4, 5])); // odd size: padded

describe('WebP', () => {
  it('drops EXIF and XMP chunks, clears their VP8X flags and fixes the RIFF size', () => {
    const file = webp(vp8x(0x20 | 0x08 | 0x04), ICCP, VP8, riffChunk('EXIF', bytesOf(enc('Exif\0\0'), cameraTiff(1))), riffChunk('XMP ', enc('<x:xmpmeta>GPS</x:xmpmeta>')));
    const { bytes, removed } = stripImageMetadata(file, 'image/webp');
    expect(removed).toEqual(['EXIF', 'XMP']);
    expect(bytes).toEqual(webp(vp8x(0x20), ICCP, VP8));
    expect(new DataView(bytes.buffer, bytes.byteOffset).getUint32(4, true)).toBe(bytes.length - 8);
  });

  it('keeps only the orientation when it is not 1, with the EXIF flag still set', () => {
    const file = webp(vp8x(0x08), VP8, riffChunk('EXIF', cameraTiff(3)));
    const { bytes } = stripImageMetadata(file, 'image/webp');
    expect(bytes).toEqual(webp(vp8x(0x08), VP8, riffChunk('EXIF', orientationOnlyTiff(3))));
    expect(has(bytes, 'GPS')).toBe(false);
  });

  it('leaves a simple WebP without metadata untouched', () => {
    const simple = webp(VP8);
    expect(stripImageMetadata(simple, 'image/webp').bytes).toBe(simple);
  });
});

// GIF: blocks of data sub-blocks (a length byte, its bytes, a zero at the end).
const subBlocks = (data: Uint8Array) => {
  const out: number[] = [];
  for (let i = 0; i < data.length; i += 255) out.push(Math.min(255, data.length - i), ...data.subarray(i, i + 255));
  return bytesOf(out, [0]);
};
const GIF_HEAD = bytesOf(enc('GIF89a'), [2, 0, 2, 0, 0x80, 0, 0], [0, 0, 0, 0xff, 0xff, 0xff]); // 2×2, a 2-colour global table
const application = (id: string, data: Uint8Array) => bytesOf([0x21, 0xff, 11], enc(id), subBlocks(data));
const LOOP = application('NETSCAPE2.0', Uint8Array.from([1, 0, 0])); // loop for ever
const ICC = application('ICCRGBG1012', enc('icc profile'));
const graphicControl = bytesOf([0x21, 0xf9, 4, 0x04, 10, 0, 0, 0]);
const gifFrame = bytesOf([0x2c, 0, 0, 0, 0, 2, 0, 2, 0, 0x80], [0, 0, 0, 0xff, 0, 0], [2], subBlocks(Uint8Array.from([0x44, 0x01])));
const comment = (text: string) => bytesOf([0x21, 0xfe], subBlocks(enc(text)));
/** XMP as Adobe writes it into a GIF: the packet raw, then the 258-byte "magic trailer" that lets a sub-block reader skip it. */
const xmp = bytesOf([0x21, 0xff, 11], enc('XMP DataXMP'), enc('<x:xmpmeta>GPS 30.27N 120.15E, creator: 王小明</x:xmpmeta>'), [1], Array.from({ length: 256 }, (_, i) => 255 - i), [0]);
const gif = (...blocks: Uint8Array[]) => bytesOf(GIF_HEAD, ...blocks, [0x3b]);

describe('GIF', () => {
  it('drops comments, XMP and other application extensions; keeps looping, the colour profile and every frame', () => {
    const file = gif(LOOP, ICC, comment('拍摄于 杭州西湖'), xmp, application('MGK8BIM0000', enc('IPTC city=Hangzhou')), graphicControl, gifFrame, comment('second frame'), graphicControl, gifFrame);
    const { bytes, removed } = stripImageMetadata(bytesOf(file, enc('appended')), 'image/gif');
    expect(removed).toEqual(['comment', 'XMP', 'application extension', 'comment', 'trailing data']);
    expect(bytes).toEqual(gif(LOOP, ICC, graphicControl, gifFrame, graphicControl, gifFrame));
    for (const secret of ['杭州', 'GPS', '王小明', 'Hangzhou', 'second frame', 'appended']) expect(has(bytes, secret)).toBe(false);
  });

  it('reads past a frame with a local colour table and a long comment split over sub-blocks', () => {
    const { bytes, removed } = stripImageMetadata(gif(gifFrame, comment('x'.repeat(600)), graphicControl, gifFrame), 'image/gif');
    expect(removed).toEqual(['comment']);
    expect(bytes).toEqual(gif(gifFrame, graphicControl, gifFrame));
  });

  it('leaves an animated GIF without metadata byte for byte', () => {
    const clean = gif(LOOP, graphicControl, gifFrame, graphicControl, gifFrame);
    expect(stripImageMetadata(clean, 'image/gif').bytes).toBe(clean);
    const old = bytesOf(enc('GIF87a'), GIF_HEAD.subarray(6), gifFrame, [0x3b]);
    expect(stripImageMetadata(old, 'image/gif')).toEqual({ bytes: old, removed: [] });
  });

  it('keeps a file cut short in a frame as far as it goes, and drops a comment cut short', () => {
    const cutFrame = bytesOf(GIF_HEAD, graphicControl, gifFrame.subarray(0, gifFrame.length - 2));
    expect(stripImageMetadata(cutFrame, 'image/gif')).toEqual({ bytes: cutFrame, removed: [] });
    const cutComment = bytesOf(GIF_HEAD, gifFrame, comment('shot at home').subarray(0, 8));
    expect(stripImageMetadata(cutComment, 'image/gif')).toEqual({ bytes: bytesOf(GIF_HEAD, gifFrame), removed: ['damaged metadata'] });
    const unknownBlock = bytesOf(GIF_HEAD, comment('home'), [0x99, 1, 2, 3]);
    expect(stripImageMetadata(unknownBlock, 'image/gif')).toEqual({ bytes: bytesOf(GIF_HEAD, [0x99, 1, 2, 3]), removed: ['comment'] });
  });
});

describe('other files', () => {
  it('are stored as they came', () => {
    const pdf = enc('%PDF-1.4\n');
    expect(stripImageMetadata(pdf, 'application/pdf')).toEqual({ bytes: pdf, removed: [] });
  });
});
