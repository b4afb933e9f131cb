/** Typed arrays a model is made of. */
export type ModelArray = Float32Array | Float64Array | Uint32Array | Int32Array | Uint8Array;

const MAGIC = [0x4c, 0x58, 0x4e, 0x4c]; // "LXNL"
const FORMAT = 1;
const KINDS = { f32: Float32Array, f64: Float64Array, u32: Uint32Array, i32: Int32Array, u8: Uint8Array } as const;
type Kind = keyof typeof KINDS;

// Typed arrays are in the host's byte order: on a little-endian host (every one we run on) an array's bytes are
// copied as a block instead of element by element, which is most of loading a large model.
const LITTLE_ENDIAN = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;

function kindOf(a: ModelArray): Kind {
  return a instanceof Float32Array ? 'f32' : a instanceof Float64Array ? 'f64' : a instanceof Uint32Array ? 'u32' : a instanceof Uint8Array ? 'u8' : 'i32';
}

const pad = (n: number) => (n + 3) & ~3;

/** DataView access for hosts that are not little-endian. */
function write(view: DataView, kind: Kind, at: number, value: number): void {
  if (kind === 'f32') view.setFloat32(at, value, true);
  else if (kind === 'f64') view.setFloat64(at, value, true);
  else if (kind === 'u32') view.setUint32(at, value, true);
  else if (kind === 'u8') view.setUint8(at, value);
  else view.setInt32(at, value, true);
}
function read(view: DataView, kind: Kind, at: number): number {
  return kind === 'f32' ? view.getFloat32(at, true) : kind === 'f64' ? view.getFloat64(at, true) : kind === 'u32' ? view.getUint32(at, true) : kind === 'u8' ? view.getUint8(at) : view.getInt32(at, true);
}

/**
 * Layout: "LXNL", u32 format, u32 header length, UTF-8 JSON header, padding to 4 bytes,
 * then each array's little-endian bytes in header order (each padded to 4 bytes).
 */
export function packModel(meta: Record<string, unknown>, arrays: Record<string, ModelArray>): Uint8Array {
  const names = Object.keys(arrays).sort();
  const layout = names.map((name) => ({ name, kind: kindOf(arrays[name] as ModelArray), length: (arrays[name] as ModelArray).length }));
  const header = new TextEncoder().encode(JSON.stringify({ meta, layout }));
  let size = pad(12 + header.length);
  for (const name of names) size += pad((arrays[name] as ModelArray).byteLength);
  const bytes = new Uint8Array(size); // zero-filled: padding is always zeros, so equal models give equal bytes
  const view = new DataView(bytes.buffer);
  bytes.set(MAGIC, 0);
  view.setUint32(4, FORMAT, true);
  view.setUint32(8, header.length, true);
  bytes.set(header, 12);
  let at = pad(12 + header.length);
  for (const l of layout) {
    const a = arrays[l.name] as ModelArray;
    if (LITTLE_ENDIAN) bytes.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), at);
    else for (let i = 0; i < a.length; i++) write(view, l.kind, at + i * a.BYTES_PER_ELEMENT, a[i] ?? 0);
    at += pad(a.byteLength);
  }
  return bytes;
}

export function unpackModel(bytes: Uint8Array): { meta: Record<string, unknown>; arrays: Record<string, ModelArray> } {
  if (bytes.length < 12 || MAGIC.some((m, i) => bytes[i] !== m)) throw new Error('Not a Lingxi model: bad magic bytes.');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const format = view.getUint32(4, true);
  if (format !== FORMAT) throw new Error(`Unsupported model format ${format}; this build reads format ${FORMAT}.`);
  const headerLength = view.getUint32(8, true);
  const { meta, layout } = JSON.parse(new TextDecoder().decode(bytes.subarray(12, 12 + headerLength))) as {
    meta: Record<string, unknown>;
    layout: { name: string; kind: Kind; length: number }[];
  };
  let at = pad(12 + headerLength);
  const arrays: Record<string, ModelArray> = {};
  for (const l of layout) {
    const Type = KINDS[l.kind];
    const byteLength = l.length * Type.BYTES_PER_ELEMENT;
    if (at + byteLength > bytes.length) throw new Error(`Truncated model: array ${l.name} runs past the end.`);
    if (LITTLE_ENDIAN) {
      // slice copies into a fresh, aligned buffer: the arrays never pin the (possibly larger) buffer of `bytes`
      arrays[l.name] = new Type(bytes.slice(at, at + byteLength).buffer);
    } else {
      const out = new Type(l.length);
      for (let i = 0; i < l.length; i++) out[i] = read(view, l.kind, at + i * Type.BYTES_PER_ELEMENT);
      arrays[l.name] = out;
    }
    at += pad(byteLength);
  }
  return { meta, arrays };
}

/**
 * Lists of ascending non-negative integers (list l is values[start[l] .. start[l + 1])), stored as the gaps
 * between neighbours in LEB128 varints: posting lists of ids shrink to 1–2 bytes an id.
 */
export function encodeAscending(values: Int32Array, start: Int32Array): Uint8Array {
  const out = new Uint8Array(values.length * 5); // a 32-bit gap takes at most 5 bytes
  let at = 0;
  for (let l = 0; l + 1 < start.length; l++) {
    let previous = -1;
    for (let p = start[l]!; p < start[l + 1]!; p++) {
      let gap = values[p]! - previous - 1;
      if (gap < 0) throw new Error('encodeAscending needs each list in ascending order.');
      previous = values[p]!;
      while (gap >= 0x80) { out[at++] = (gap & 0x7f) | 0x80; gap >>>= 7; }
      out[at++] = gap;
    }
  }
  return out.slice(0, at);
}

/** Decodes what encodeAscending wrote into `values` (sized start[last]), yielding every `chunk` values for sliced loading. */
export function* decodeAscending(bytes: Uint8Array, start: Int32Array, values: Int32Array, chunk: number): Generator<void, void> {
  let at = 0;
  let since = 0;
  for (let l = 0; l + 1 < start.length; l++) {
    let previous = -1;
    const end = start[l + 1]!;
    for (let p = start[l]!; p < end; p++) {
      let gap = 0, shift = 0, byte: number;
      do {
        if (at >= bytes.length) throw new Error('Truncated model: a list of ids runs past its bytes.');
        byte = bytes[at++]!;
        gap += (byte & 0x7f) * 2 ** shift;
        shift += 7;
      } while (byte & 0x80);
      previous += gap + 1;
      values[p] = previous;
    }
    since += end - start[l]!;
    if (since >= chunk) { since = 0; yield; }
  }
  if (at !== bytes.length) throw new Error('A list of ids has bytes left over.');
}
