import { describe, expect, it } from 'vitest';
import { decodeAscending, encodeAscending, packModel, unpackModel } from './modelBytes.ts';

describe('model bytes', () => {
  it('round-trips every array kind, padded to 4 bytes, from an unaligned buffer', () => {
    const arrays = {
      f32: Float32Array.of(1.5, -2.25), f64: Float64Array.of(Math.PI, 1 / 3), u32: Uint32Array.of(0, 2 ** 32 - 1),
      i32: Int32Array.of(-7, 7), u8: Uint8Array.of(1, 2, 255), empty: new Uint8Array(0),
    };
    const bytes = packModel({ kind: 'test' }, arrays);
    const shifted = new Uint8Array(bytes.length + 1);
    shifted.set(bytes, 1);
    const { meta, arrays: back } = unpackModel(shifted.subarray(1));
    expect(meta).toEqual({ kind: 'test' });
    expect(back).toEqual(arrays);
    expect(packModel({ kind: 'test' }, back)).toEqual(bytes);
  });

  it('stores ascending id lists as varint gaps and reads them back in chunks', () => {
    const start = Int32Array.of(0, 3, 3, 6);
    const values = Int32Array.of(0, 1, 200, 5, 70_000, 2 ** 31 - 1);
    const encoded = encodeAscending(values, start);
    expect(encoded.length).toBeLessThan(values.length * 4);
    const out = new Int32Array(values.length);
    const steps = decodeAscending(encoded, start, out, 2);
    let pauses = 0;
    while (!steps.next().done) pauses++;
    expect(out).toEqual(values);
    expect(pauses).toBeGreaterThan(0);
    expect(() => encodeAscending(Int32Array.of(3, 2), Int32Array.of(0, 2))).toThrow(/ascending/u);
    expect(() => [...decodeAscending(encoded.subarray(0, 4), start, out, 100)]).toThrow(/Truncated/u);
  });
});
