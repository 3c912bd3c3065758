import { describe, expect, it } from 'vitest';
import { readSafetensors, writeSafetensors } from '../src/weights/safetensors.js';

/** A file built byte by byte, as the format's specification describes it. */
function handMade(header: string, data: number[]): Uint8Array {
  const json = new TextEncoder().encode(header);
  const out = new Uint8Array(8 + json.length + data.length);
  new DataView(out.buffer).setBigUint64(0, BigInt(json.length), true);
  out.set(json, 8);
  out.set(data, 8 + json.length);
  return out;
}

describe('safetensors', () => {
  it('reads a file laid out by hand: little-endian F32 after a JSON header', () => {
    // 1.0f = 00 00 80 3f, -2.0f = 00 00 00 c0
    const file = handMade(
      '{"w":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"__metadata__":{"format":"pt"}}',
      [0, 0, 0x80, 0x3f, 0, 0, 0, 0xc0],
    );
    const { tensors, metadata } = readSafetensors(file, 'w.safetensors');
    expect(Array.from(tensors.get('w')?.data ?? [])).toEqual([1, -2]);
    expect(tensors.get('w')?.shape).toEqual([2]);
    expect(metadata).toEqual({ format: 'pt' });
  });

  it('round-trips F32 and F64 tensors bit for bit, with an 8-byte aligned header', () => {
    const tensors = new Map([
      [
        'layer.weight_ih_l0',
        { shape: [4, 3], data: Float32Array.from({ length: 12 }, (_, k) => Math.fround(Math.sin(k) * 1e-3)) },
      ],
      ['bias', { shape: [3], data: Float64Array.from([0.1, -0, Number.MIN_VALUE]) }],
      ['empty', { shape: [0, 5], data: new Float32Array(0) }],
    ]);
    const bytes = writeSafetensors(tensors, { producer: 'rnnc' });
    const headerLength = Number(new DataView(bytes.buffer).getBigUint64(0, true));
    expect((8 + headerLength) % 8).toBe(0);
    const back = readSafetensors(bytes, 'x');
    for (const [name, t] of tensors) {
      const read = back.tensors.get(name);
      expect(read?.shape).toEqual(t.shape);
      expect(read?.data.constructor).toBe(t.data.constructor);
      expect(Array.from(read?.data ?? []).map((v) => (Object.is(v, -0) ? '-0' : v))).toEqual(
        Array.from(t.data).map((v) => (Object.is(v, -0) ? '-0' : v)),
      );
    }
    expect(back.metadata).toEqual({ producer: 'rnnc' });
  });

  it.each([
    [
      'a file shorter than the header length',
      new Uint8Array(3),
      'it has 3 bytes, fewer than the 8 of the header length',
    ],
    [
      'a header longer than the file',
      handMade('{}', []).map((v, k) => (k === 0 ? 200 : v)),
      'the header claims 200 bytes but the file has 2 after the length',
    ],
    ['a header that is not JSON', handMade('{"w":', []), 'its header is not JSON'],
    [
      'an unsupported dtype',
      handMade('{"w":{"dtype":"BF16","shape":[1],"data_offsets":[0,2]}}', [0, 0]),
      'tensor w has dtype BF16; rnnc reads F32 and F64',
    ],
    [
      'a size that does not match the shape',
      handMade('{"w":{"dtype":"F32","shape":[3],"data_offsets":[0,8]}}', [0, 0, 0, 0, 0, 0, 0, 0]),
      'tensor w has 8 bytes but shape [3] of F32 needs 12',
    ],
    [
      'data past the end of the file',
      handMade('{"w":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}}', [0, 0, 0, 0]),
      'tensor w lies outside the data (bytes 0–8 of 4)',
    ],
    [
      'overlapping tensors',
      handMade(
        '{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"b":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}}',
        [0, 0, 0, 0, 0, 0, 0, 0],
      ),
      'tensors a and b overlap',
    ],
  ])('rejects %s, naming the file', (_what, bytes, message) => {
    expect(() => readSafetensors(bytes, 'bad.safetensors')).toThrow(
      `bad.safetensors is not a valid safetensors file: ${message}`,
    );
  });
});
