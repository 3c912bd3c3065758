import { describe, expect, it } from 'vitest';
import { encodeModule, memoryPages } from '../src/backends/wasm/encoder.js';
import { type ElementwiseSpec, elementwiseKernel } from '../src/backends/wasm/elementwise.js';
import { opDef, opKinds } from '../src/ir/ops/registry.js';
import { wasm } from './helpers/wasm.js';

/** Runs one elementwise kernel on rows of `sample` values; operands laid out one after another with slack. */
function run(spec: ElementwiseSpec, operands: Float32Array[], rows: number): Float32Array {
  const bytes = encodeModule([elementwiseKernel('k', spec)]);
  expect(wasm.validate(bytes)).toBe(true);
  const memory = new wasm.Memory({ initial: 4, maximum: memoryPages });
  const instance = new wasm.Instance(new wasm.Module(bytes), { env: { memory } });
  let top = 0;
  const place = (values: Float32Array) => {
    const at = top;
    new Float32Array(memory.buffer, at, values.length).set(values);
    top += 16 * Math.ceil((values.length + 4) / 4);
    return at;
  };
  const out = place(new Float32Array(rows * spec.sample).fill(-7));
  const pointers = operands.map(place);
  (instance.exports as unknown as { k: (...args: number[]) => void }).k(out, ...pointers, rows);
  return new Float32Array(memory.buffer, out, rows * spec.sample).slice();
}

const edges = [
  0,
  -0,
  1,
  -1,
  0.5,
  -0.5,
  0.624,
  0.626,
  1e-7,
  -1e-7,
  1e-30,
  3,
  -3,
  20,
  -20,
  87,
  -87,
  88.5,
  -88.5,
  89,
  -89,
  100,
  -100,
  1e30,
  -1e30,
  Infinity,
  -Infinity,
  NaN,
];
const spread = Array.from({ length: 400 }, (_, k) => Math.sinh((k - 200) / 20));
const xs = Float32Array.from([...edges, ...spread]);
const ys = Float32Array.from([...xs].reverse());
/** A third operand (where's): zeros, NaN and values, so that both branches are taken. */
const zs = Float32Array.from(xs, (_, k) => [0, 1, -0, NaN, -2][k % 5]);

/**
 * The reference of each op at an element. The remainder's is the same formula computed in f32
 * step by step, as the kernel does: in f64 a − ⌊a/b⌋·b keeps digits f32 lost in a/b, and the two
 * differ by far more than ulps where a/b is large.
 */
function reference(op: string, fn: (...v: number[]) => number, args: number[]): number {
  if (op !== 'mod') return fn(...args);
  const [a, b] = args;
  return Math.fround(a - Math.fround(Math.floor(Math.fround(a / b)) * b));
}

/** Equal as f32 values up to `ulps` units in the last place (NaN equals NaN, signs of zero ignored). */
function closeF32(got: number, want: number, ulps: number): boolean {
  const w = Math.fround(want);
  if (Number.isNaN(w)) return Number.isNaN(got);
  if (!Number.isFinite(w)) return got === w;
  const ulp = Math.max(Math.abs(w) * 2 ** -23, 2 ** -126);
  return Math.abs(got - w) <= ulps * ulp;
}

const vectorOps = opKinds.filter((k) => opDef(k).simd !== undefined);

describe('elementwise ops in WebAssembly SIMD', () => {
  it('cover the gate nonlinearities and arithmetic', () => {
    expect(vectorOps).toEqual(expect.arrayContaining(['sigmoid', 'tanh', 'exp', 'add', 'mul', 'sub', 'div', 'relu']));
  });

  it.each(vectorOps)('%s agrees with its reference function to 4 ulps on edge values and a wide spread', (op) => {
    const def = opDef(op);
    const arity = def.arity as number;
    const spec: ElementwiseSpec = {
      sample: xs.length,
      leaves: Array.from({ length: arity }, () => ({ stride: xs.length, splat: false })),
      tree: { kind: 'op', op, args: Array.from({ length: arity }, (_, index) => ({ kind: 'leaf', index })) },
    };
    const operands = arity === 3 ? [zs, xs, ys] : [xs, ys].slice(0, arity);
    const got = run(spec, operands, 1);
    const fn = def.pointwise as (...v: number[]) => number;
    for (let k = 0; k < xs.length; k++) {
      const want = reference(
        op,
        fn,
        operands.map((o) => o[k]),
      );
      // Below the smallest normal f32, exp gives 0 where f64 rounds to a subnormal.
      const subnormal = Math.abs(want) < 2 ** -126 && want !== 0;
      if (!subnormal)
        expect(
          closeF32(got[k], want, 4),
          `${op}(${operands.map((o) => o[k]).join(', ')}) = ${got[k]}, not ${want}`,
        ).toBe(true);
    }
  });

  it('reads shared rows, one value per row and slices, and stores the last lanes of a row one by one', () => {
    // out[l][j] = sigmoid(a[l][j + 1] + bias[j]) * scale[l], 6 per row, rows of a 8 long.
    const rows = 3;
    const a = Float32Array.from({ length: rows * 8 }, (_, k) => Math.cos(k));
    const bias = Float32Array.from({ length: 6 }, (_, k) => k / 10);
    const scale = Float32Array.from([2, -1, 0.5]);
    const spec: ElementwiseSpec = {
      sample: 6,
      leaves: [
        { stride: 8, splat: false },
        { stride: 0, splat: false },
        { stride: 1, splat: true },
      ],
      tree: {
        kind: 'op',
        op: 'mul',
        args: [
          {
            kind: 'op',
            op: 'sigmoid',
            args: [
              {
                kind: 'op',
                op: 'add',
                args: [
                  { kind: 'leaf', index: 0 },
                  { kind: 'leaf', index: 1 },
                ],
              },
            ],
          },
          { kind: 'leaf', index: 2 },
        ],
      },
    };
    const shifted = a.subarray(1);
    const got = run(spec, [Float32Array.from(shifted), bias, scale], rows);
    for (let l = 0; l < rows; l++)
      for (let j = 0; j < 6; j++) {
        const want = (1 / (1 + Math.exp(-(shifted[l * 8 + j] + bias[j])))) * scale[l];
        expect(Math.abs(got[l * 6 + j] - want)).toBeLessThan(1e-6);
      }
  });
});
