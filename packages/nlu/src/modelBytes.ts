/** Typed arrays a model is made of. */
export type ModelArray = Float32Array | Uint32Array | Int32Array;

const MAGIC = [0x4c, 0x58, 0x4e, 0x4c]; // "LXNL"
const FORMAT = 1;
const KINDS = { f32: Float32Array, u32: Uint32Array, i32: Int32Array } as const;
type Kind = keyof typeof KINDS;

function kindOf(a: ModelArray): Kind {
  return a instanceof Float32Array ? 'f32' : a instanceof Uint32Array ? 'u32' : 'i32';
}

/**
 * Layout: "LXNL", u32 format, u32 header length, UTF-8 JSON header, padding to 4 bytes,
 * then each array's little-endian bytes in header order (each padded to 4 bytes).
 */
export function packModel(meta: Record<string, unknown>, arrays: Record<string, ModelArray>): Uint8Array {
  const names = Object.keys(arrays).sort();
  const layout = names.map((name) => ({ name, kind: kindOf(arrays[name] as ModelArray), length: (arrays[name] as ModelArray).length }));
  const header = new TextEncoder().encode(JSON.stringify({ meta, layout }));
  const pad = (n: number) => (n + 3) & ~3;
  let size = pad(12 + header.length);
  for (const l of layout) size += l.length * 4;
  const bytes = new Uint8Array(size);
  const view = new DataView(bytes.buffer);
  bytes.set(MAGIC, 0);
  view.setUint32(4, FORMAT, true);
  view.setUint32(8, header.length, true);
  bytes.set(header, 12);
  let at = pad(12 + header.length);
  for (const l of layout) {
    const a = arrays[l.name] as ModelArray;
    for (let i = 0; i < a.length; i++) {
      if (l.kind === 'f32') view.setFloat32(at, a[i] ?? 0, true);
      else if (l.kind === 'u32') view.setUint32(at, a[i] ?? 0, true);
      else view.setInt32(at, a[i] ?? 0, true);
      at += 4;
    }
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
  let at = (12 + headerLength + 3) & ~3;
  const arrays: Record<string, ModelArray> = {};
  for (const l of layout) {
    const out = new KINDS[l.kind](l.length);
    for (let i = 0; i < l.length; i++) {
      out[i] = l.kind === 'f32' ? view.getFloat32(at, true) : l.kind === 'u32' ? view.getUint32(at, true) : view.getInt32(at, true);
      at += 4;
    }
    arrays[l.name] = out;
  }
  return { meta, arrays };
}
