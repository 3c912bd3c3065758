/**
 * A one-node ONNX model (LSTM or GRU) with rnnc's weights, written as
 * protobuf bytes by hand: the peers onnxruntime-web and onnxruntime-node
 * run it. ONNX keeps W [1, G·H, I] and R [1, G·H, H] with gates in the
 * order i, o, f, c (LSTM) or z, r, h (GRU), and B [1, 2·G·H] = [Wb, Rb].
 * The benchmark GRU is the reset-before one: linear_before_reset = 0.
 */
import type { Weights } from './naive.js';

function varint(value: number): number[] {
  const out: number[] = [];
  let v = value;
  while (v >= 128) {
    out.push((v % 128) | 128);
    v = Math.floor(v / 128);
  }
  out.push(v);
  return out;
}

const key = (field: number, wire: number) => varint(field * 8 + wire);
const int = (field: number, value: number) => [...key(field, 0), ...varint(value)];
const bytes = (field: number, content: ArrayLike<number>) => [
  ...key(field, 2),
  ...varint(content.length),
  ...Array.from(content),
];
const text = (field: number, value: string) => bytes(field, new TextEncoder().encode(value));

function tensor(name: string, dims: number[], values: Float32Array): number[] {
  return [
    ...dims.flatMap((d) => int(1, d)),
    ...int(2, 1),
    ...text(8, name),
    ...bytes(9, new Uint8Array(values.buffer.slice(0))),
  ];
}

function valueInfo(name: string, dims: number[]): number[] {
  const shape = dims.flatMap((d) => bytes(1, int(1, d)));
  return [...text(1, name), ...bytes(2, bytes(1, [...int(1, 1), ...bytes(2, shape)]))];
}

function stack(blocks: Float32Array[]): Float32Array {
  const out = new Float32Array(blocks.reduce((a, b) => a + b.length, 0));
  let at = 0;
  for (const b of blocks) {
    out.set(b, at);
    at += b.length;
  }
  return out;
}

export function onnxRnn(kind: 'lstm' | 'gru', p: Weights, T: number, B: number, I: number, H: number): Uint8Array {
  const G = kind === 'lstm' ? 4 : 3;
  const [W, R, bias] =
    kind === 'lstm'
      ? [
          stack(['i', 'o', 'f', 'g'].map((g) => p[`W_i${g}`])),
          stack(['i', 'o', 'f', 'g'].map((g) => p[`W_h${g}`])),
          stack([...['i', 'o', 'f', 'g'].map((g) => p[`b_i${g}`]), ...['i', 'o', 'f', 'g'].map((g) => p[`b_h${g}`])]),
        ]
      : [
          stack(['z', 'r', 'h'].map((g) => p[`W_${g}`])),
          stack(['z', 'r', 'h'].map((g) => p[`U_${g}`])),
          stack([...['z', 'r', 'h'].map((g) => p[`b_${g}`]), new Float32Array(3 * H)]),
        ];
  const attribute = (name: string, value: number) => bytes(5, [...text(1, name), ...int(3, value), ...int(20, 2)]);
  const node = bytes(1, [
    ...['X', 'W', 'R', 'B'].flatMap((n) => text(1, n)),
    ...text(2, 'Y'),
    ...text(3, kind),
    ...text(4, kind === 'lstm' ? 'LSTM' : 'GRU'),
    ...attribute('hidden_size', H),
    ...(kind === 'gru' ? attribute('linear_before_reset', 0) : []),
  ]);
  const graph = [
    ...node,
    ...text(2, `rnnc-bench-${kind}`),
    ...bytes(5, tensor('W', [1, G * H, I], W)),
    ...bytes(5, tensor('R', [1, G * H, H], R)),
    ...bytes(5, tensor('B', [1, 2 * G * H], bias)),
    ...bytes(11, valueInfo('X', [T, B, I])),
    ...bytes(12, valueInfo('Y', [T, 1, B, H])),
  ];
  const model = [...int(1, 8), ...bytes(8, [...text(1, ''), ...int(2, 17)]), ...bytes(7, graph)];
  return Uint8Array.from(model);
}
