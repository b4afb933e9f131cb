// Photos from phones carry where and when they were taken (EXIF GPS, XMP, IPTC, comments). An upload is
// stored without them; only the orientation survives, so a portrait photo is still shown upright. GIFs
// lose their comments and application extensions except looping (animation) and the colour profile.
import { crc32 } from 'node:zlib';

/**
 * The bytes to store and what was taken out. Where a damaged file's structure stops making sense the rest
 * is kept as it is (it may still display), unless the broken part is itself metadata, which is dropped.
 */
export type StrippedImage = { bytes: Uint8Array; removed: string[] };

/** Strips metadata from JPEG, PNG, WebP and GIF; other types come back unchanged. */
export function stripImageMetadata(bytes: Uint8Array, contentType: string): StrippedImage {
  if (contentType === 'image/jpeg') return stripJpeg(bytes);
  if (contentType === 'image/png') return stripPng(bytes);
  if (contentType === 'image/webp') return stripWebp(bytes);
  if (contentType === 'image/gif') return stripGif(bytes);
  return { bytes, removed: [] };
}

// ── EXIF orientation ────────────────────────────────────────────────────────────────────────────

/** The Orientation tag (1–8) of a TIFF-structured EXIF block, or null when it has none or cannot be read. */
export function readOrientation(tiff: Uint8Array): number | null {
  if (tiff.length < 8) return null;
  const little = tiff[0] === 0x49 && tiff[1] === 0x49;
  if (!little && !(tiff[0] === 0x4d && tiff[1] === 0x4d)) return null;
  const view = new DataView(tiff.buffer, tiff.byteOffset, tiff.byteLength);
  const ifd = view.getUint32(4, little);
  if (ifd + 2 > tiff.length) return null;
  const count = view.getUint16(ifd, little);
  for (let i = 0; i < count; i++) {
    const at = ifd + 2 + i * 12;
    if (at + 12 > tiff.length) return null;
    if (view.getUint16(at, little) !== 0x0112) continue;
    const value = view.getUint16(at + 8, little);
    return value >= 1 && value <= 8 ? value : null;
  }
  return null;
}

/** A TIFF block holding nothing but the Orientation tag. */
export function orientationOnlyTiff(orientation: number): Uint8Array {
  const tiff = new Uint8Array(26);
  const view = new DataView(tiff.buffer);
  tiff.set([0x4d, 0x4d, 0x00, 0x2a]);
  view.setUint32(4, 8);
  view.setUint16(8, 1); // one entry
  view.setUint16(10, 0x0112);
  view.setUint16(12, 3); // SHORT
  view.setUint32(14, 1);
  view.setUint16(18, orientation);
  view.setUint32(22, 0); // no next IFD
  return tiff;
}

const EXIF_HEADER = [0x45, 0x78, 0x69, 0x66, 0x00, 0x00]; // "Exif\0\0"
const startsWith = (bytes: Uint8Array, prefix: readonly number[], at = 0) => prefix.every((b, i) => bytes[at + i] === b);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));
const concat = (parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

// ── JPEG ────────────────────────────────────────────────────────────────────────────────────────

/** APP0 (JFIF), APP2 holding an ICC profile and APP14 (Adobe colour transform) are needed to draw the image; every other APPn and COM is metadata. */
function keepJpegSegment(marker: number, body: Uint8Array): boolean {
  if (marker === 0xe0 || marker === 0xee) return true;
  if (marker === 0xe2) return startsWith(body, ascii('ICC_PROFILE\0'));
  return !(marker >= 0xe1 && marker <= 0xef) && marker !== 0xfe;
}

const isJpegMetadata = (bytes: Uint8Array, at: number) => at + 1 < bytes.length && bytes[at] === 0xff && !keepJpegSegment(bytes[at + 1]!, bytes.subarray(at + 4));

function stripJpeg(bytes: Uint8Array): StrippedImage {
  const parts: Uint8Array[] = [bytes.subarray(0, 2)];
  const removed: string[] = [];
  let orientation: number | null = null;
  let at = 2;
  let orientationAt = -1; // where the rebuilt EXIF goes: after APP0 if there is one, else right after SOI
  for (;;) {
    while (bytes[at] === 0xff && bytes[at + 1] === 0xff) at++; // fill bytes before a marker
    const broken = () => (isJpegMetadata(bytes, at) ? removed.push('damaged metadata') : parts.push(bytes.subarray(at)));
    if (at + 2 > bytes.length || bytes[at] !== 0xff) {
      if (at < bytes.length) broken();
      break;
    }
    const marker = bytes[at + 1]!;
    if (marker === 0xd9) {
      parts.push(bytes.subarray(at, at + 2));
      if (at + 2 < bytes.length) removed.push('trailing data');
      break;
    }
    if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      parts.push(bytes.subarray(at, at + 2));
      at += 2;
      continue;
    }
    const length = at + 4 <= bytes.length ? (bytes[at + 2]! << 8) | bytes[at + 3]! : 0;
    const end = at + 2 + length;
    if (length < 2 || end > bytes.length) {
      broken();
      break;
    }
    const body = bytes.subarray(at + 4, end);
    if (keepJpegSegment(marker, body)) {
      parts.push(bytes.subarray(at, end));
      if (marker === 0xe0 && orientationAt < 0) orientationAt = parts.length;
    } else {
      if (marker === 0xe1 && startsWith(body, EXIF_HEADER)) orientation ??= readOrientation(body.subarray(6));
      removed.push(marker === 0xfe ? 'COM' : `APP${marker - 0xe0}`);
    }
    at = end;
    if (marker !== 0xda) continue;
    // Entropy-coded scan data runs to the next marker that is neither a stuffed 0xFF00 nor a restart.
    const scanStart = at;
    while (at + 1 < bytes.length && !(bytes[at] === 0xff && bytes[at + 1] !== 0x00 && !(bytes[at + 1]! >= 0xd0 && bytes[at + 1]! <= 0xd7) && bytes[at + 1] !== 0xff)) at++;
    if (at + 1 >= bytes.length) {
      parts.push(bytes.subarray(scanStart)); // a scan cut short: the picture so far is still worth keeping
      break;
    }
    parts.push(bytes.subarray(scanStart, at));
  }
  if (removed.length === 0) return { bytes, removed };
  if (orientation !== null && orientation !== 1) {
    const tiff = orientationOnlyTiff(orientation);
    const length = 2 + EXIF_HEADER.length + tiff.length;
    parts.splice(orientationAt < 0 ? 1 : orientationAt, 0, concat([new Uint8Array([0xff, 0xe1, length >> 8, length & 0xff]), new Uint8Array(EXIF_HEADER), tiff]));
  }
  return { bytes: concat(parts), removed };
}

// ── PNG ─────────────────────────────────────────────────────────────────────────────────────────

const PNG_METADATA = new Set(['eXIf', 'tEXt', 'iTXt', 'zTXt', 'tIME']);

function pngChunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  out.set(ascii(type), 4);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

function stripPng(bytes: Uint8Array): StrippedImage {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const parts: Uint8Array[] = [bytes.subarray(0, 8)];
  const removed: string[] = [];
  let orientation: number | null = null;
  let at = 8;
  for (;;) {
    if (at >= bytes.length) break;
    const type = at + 8 <= bytes.length ? String.fromCharCode(...bytes.subarray(at + 4, at + 8)) : '';
    const end = at + 8 <= bytes.length ? at + 12 + view.getUint32(at) : Infinity;
    if (end > bytes.length) {
      if (PNG_METADATA.has(type)) removed.push('damaged metadata');
      else parts.push(bytes.subarray(at));
      at = bytes.length;
      break;
    }
    const length = end - at - 12;
    if (PNG_METADATA.has(type)) {
      if (type === 'eXIf') orientation = readOrientation(bytes.subarray(at + 8, at + 8 + length));
      removed.push(type);
    } else {
      // eXIf must come before the image data; put the orientation back just before the first IDAT.
      if (type === 'IDAT' && orientation !== null && orientation !== 1) {
        parts.push(pngChunk('eXIf', orientationOnlyTiff(orientation)));
        orientation = null;
      }
      parts.push(bytes.subarray(at, end));
    }
    at = end;
    if (type === 'IEND') break;
  }
  if (at < bytes.length) removed.push('trailing data');
  if (orientation !== null && orientation !== 1) parts.splice(1, 0, pngChunk('eXIf', orientationOnlyTiff(orientation))); // no IDAT seen
  return removed.length === 0 ? { bytes, removed } : { bytes: concat(parts), removed };
}

// ── WebP ────────────────────────────────────────────────────────────────────────────────────────

const VP8X_EXIF = 0x08;
const VP8X_XMP = 0x04;

function stripWebp(bytes: Uint8Array): StrippedImage {
  if (bytes.length < 12) return { bytes, removed: [] };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const riffEnd = Math.min(8 + view.getUint32(4, true), bytes.length);
  const parts: Uint8Array[] = [];
  const removed: string[] = [];
  let orientation: number | null = null;
  let vp8x: Uint8Array | null = null;
  let at = 12;
  while (at < riffEnd) {
    const fourcc = at + 4 <= riffEnd ? String.fromCharCode(...bytes.subarray(at, at + 4)) : '';
    const size = at + 8 <= riffEnd ? view.getUint32(at + 4, true) : Infinity;
    const end = at + 8 + size + (size % 2); // chunks are padded to an even length
    if (end > riffEnd && !(end === riffEnd + 1 && at + 8 + size === riffEnd)) {
      if (fourcc === 'EXIF' || fourcc === 'XMP ') removed.push('damaged metadata');
      else parts.push(bytes.slice(at, riffEnd));
      break;
    }
    if (fourcc === 'EXIF' || fourcc === 'XMP ') {
      if (fourcc === 'EXIF') {
        const data = bytes.subarray(at + 8, at + 8 + size);
        orientation = readOrientation(startsWith(data, EXIF_HEADER) ? data.subarray(6) : data);
      }
      removed.push(fourcc.trim());
    } else {
      const chunk = bytes.slice(at, Math.min(end, riffEnd)); // a copy: the VP8X flags may be rewritten
      if (fourcc === 'VP8X' && size >= 10) vp8x = chunk;
      parts.push(chunk);
    }
    at = end;
  }
  if (riffEnd < bytes.length) removed.push('trailing data');
  if (removed.length === 0) return { bytes, removed };
  const keepOrientation = vp8x !== null && orientation !== null && orientation !== 1;
  if (vp8x) vp8x[8] = (vp8x[8]! & ~(VP8X_EXIF | VP8X_XMP)) | (keepOrientation ? VP8X_EXIF : 0);
  if (keepOrientation) {
    // EXIF belongs after the image data (and ICC, ANIM frames), i.e. at the end of the container.
    const tiff = orientationOnlyTiff(orientation!);
    const header = new Uint8Array(8);
    header.set(ascii('EXIF'));
    new DataView(header.buffer).setUint32(4, tiff.length, true);
    parts.push(header, tiff);
  }
  const body = concat(parts);
  const head = new Uint8Array(12);
  head.set(bytes.subarray(0, 12));
  new DataView(head.buffer).setUint32(4, 4 + body.length, true);
  return { bytes: concat([head, body]), removed };
}

// ── GIF ─────────────────────────────────────────────────────────────────────────────────────────

/** Application extensions needed to show the image as made: looping (NETSCAPE2.0, ANIMEXTS1.0) and the ICC colour profile. */
const GIF_KEPT_APPLICATIONS = new Set(['NETSCAPE2.0', 'ANIMEXTS1.0', 'ICCRGBG1012']);
const colourTableBytes = (packed: number) => (packed & 0x80 ? 3 * (1 << ((packed & 0x07) + 1)) : 0);

/** Where a run of data sub-blocks (each a length byte and its bytes, ending with a zero) ends, or -1 when the file ends first. */
function subBlocksEnd(bytes: Uint8Array, at: number): number {
  while (at < bytes.length) {
    const size = bytes[at]!;
    if (size === 0) return at + 1;
    at += 1 + size;
  }
  return -1;
}

/** What an extension block is, if it is metadata: comments, and application extensions other than looping and colour (XMP among them). */
function gifMetadataName(bytes: Uint8Array, at: number): string | null {
  const label = bytes[at + 1];
  if (label === 0xfe) return 'comment';
  if (label !== 0xff) return null;
  const id = bytes[at + 2] === 11 ? String.fromCharCode(...bytes.subarray(at + 3, at + 14)) : '';
  if (GIF_KEPT_APPLICATIONS.has(id)) return null;
  return id === 'XMP DataXMP' ? 'XMP' : 'application extension';
}

function stripGif(bytes: Uint8Array): StrippedImage {
  if (bytes.length < 13 || !startsWith(bytes, ascii('GIF8'))) return { bytes, removed: [] };
  const parts: Uint8Array[] = [];
  const removed: string[] = [];
  let at = 13 + colourTableBytes(bytes[10]!); // header, logical screen descriptor, global colour table
  let kept = 0; // bytes before `kept` are already in parts or dropped
  const keepUpTo = (end: number) => {
    if (end > kept) parts.push(bytes.subarray(kept, end));
    kept = end;
  };
  for (;;) {
    const introducer = bytes[at];
    if (introducer === 0x3b) {
      keepUpTo(at + 1);
      if (at + 1 < bytes.length) removed.push('trailing data');
      break;
    }
    let end = -1;
    if (introducer === 0x21 && at + 2 <= bytes.length) end = subBlocksEnd(bytes, at + 2);
    else if (introducer === 0x2c && at + 11 <= bytes.length) end = subBlocksEnd(bytes, at + 11 + colourTableBytes(bytes[at + 9]!));
    const metadata = introducer === 0x21 ? gifMetadataName(bytes, at) : null;
    if (end < 0) {
      // Structure stops making sense (or the file is cut short): keep the rest, unless the broken block is metadata.
      if (metadata) {
        keepUpTo(at);
        kept = bytes.length;
        removed.push('damaged metadata');
      }
      keepUpTo(bytes.length);
      break;
    }
    if (metadata) {
      keepUpTo(at);
      kept = end;
      removed.push(metadata);
    }
    at = end;
  }
  return removed.length === 0 ? { bytes, removed } : { bytes: concat(parts), removed };
}
