import { describe, expect, it } from 'vitest';
import { encodeModule, memoryPages, moduleText, signedLeb, unsignedLeb } from '../src/backends/wasm/encoder.js';
import {
  colsBlock,
  colsBlockRows,
  defaultTiles,
  defaultTilesFor,
  type GemmSpec,
  gemmKernel,
  outerBlockRows,
  outerChunk,
  rowsBlockRows,
  type TileSizes,
} from '../src/backends/wasm/gemm.js';
import { wasm } from './helpers/wasm.js';

/** Lays arrays out in a fresh memory, each followed by slack, as the generated host does. */
function instantiate(specs: readonly GemmSpec[], tiles?: TileSizes) {
  const fns = specs.map((s) => gemmKernel(s, tiles));
  const bytes = encodeModule(fns);
  expect(wasm.validate(bytes)).toBe(true);
  const memory = new wasm.Memory({ initial: 64, maximum: memoryPages });
  const instance = new wasm.Instance(new wasm.Module(bytes), { env: { memory } });
  let top = 16;
  const place = (values: Float32Array) => {
    const at = top;
    new Float32Array(memory.buffer, at, values.length).set(values);
    // NaN slack: lanes read past an array must be masked out, never used.
    new Float32Array(memory.buffer, at + values.length * 4, 4).fill(NaN);
    top += (values.length + 4) * 4;
    return at;
  };
  const read = (at: number, n: number) => new Float32Array(memory.buffer, at, n).slice();
  return { exports: instance.exports as unknown as Record<string, (...args: number[]) => void>, place, read };
}

function random(n: number, seed: number): Float32Array {
  let state = seed;
  return Float32Array.from({ length: n }, () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 31 - 1;
  });
}

function close(actual: Float32Array, expected: Float64Array): void {
  for (let q = 0; q < expected.length; q++)
    expect(Math.abs(actual[q] - expected[q]), `at ${q}`).toBeLessThan(1e-5 * (1 + Math.abs(expected[q])));
}

/** Runs cols_<k>x<n> on v and w and checks it against the sum in f64. */
function checkCols(
  { exports, place, read }: ReturnType<typeof instantiate>,
  k: number,
  n: number,
  samples: number,
  v: Float32Array,
  w: Float32Array,
): void {
  const expected = new Float64Array(samples * n);
  for (let s = 0; s < samples; s++)
    for (let j = 0; j < n; j++) for (let p = 0; p < k; p++) expected[s * n + j] += v[s * k + p] * w[p * n + j];
  const out = place(new Float32Array(samples * n).fill(7));
  exports[`cols_${k}x${n}`](place(v), place(w), out, samples);
  close(read(out, samples * n), expected);
}

const sizes = [1, 3, 4, 5, 8, 9, 17];
const sampleCounts = [0, 1, 3, 4, 6, 9, 37];

describe('the WebAssembly encoder', () => {
  it('writes LEB128 as the spec does', () => {
    expect(unsignedLeb(0)).toEqual([0]);
    expect(unsignedLeb(624485)).toEqual([0xe5, 0x8e, 0x26]);
    expect(signedLeb(-1)).toEqual([0x7f]);
    expect(signedLeb(-123456)).toEqual([0xc0, 0xbb, 0x78]);
    expect(signedLeb(64)).toEqual([0xc0, 0x00]);
  });

  it('lists every function with its parameters in the text form', () => {
    const text = moduleText([gemmKernel({ kind: 'rows', m: 5, k: 3 })]);
    expect(text).toContain(
      '(func $rows_5x3 (export "rows_5x3") (param $w i32) (param $x i32) (param $out i32) (param $samples i32)',
    );
    expect(text).toContain('f32x4.mul');
  });
});

describe('the WebAssembly SIMD GEMM kernels', () => {
  it('rows: out[s][i] = Σ_p w[i][p] x[s][p] for every size and sample count, edges included', () => {
    // Rows longer than 64 get the other default tile shape (defaultTilesFor).
    for (const m of sizes)
      for (const k of [...sizes, 67]) {
        const { exports, place, read } = instantiate([{ kind: 'rows', m, k }]);
        for (const samples of sampleCounts) {
          const w = random(m * k, m * 31 + k);
          const x = random(samples * k, samples + 7);
          const expected = new Float64Array(samples * m);
          for (let s = 0; s < samples; s++)
            for (let i = 0; i < m; i++) for (let p = 0; p < k; p++) expected[s * m + i] += w[i * k + p] * x[s * k + p];
          const out = place(new Float32Array(samples * m).fill(7));
          exports[`rows_${m}x${k}`](place(w), place(x), out, samples);
          close(read(out, samples * m), expected);
        }
      }
  });

  it('rows: takes W larger than L2 in blocks of rows, adding up right with a partial last block, an odd row and samples left over', () => {
    const [m, k, samples] = [275, 1024, 11];
    expect(rowsBlockRows(m, k)).toBe(32);
    expect(rowsBlockRows(256, 1024)).toBe(256);
    const { exports, place, read } = instantiate([{ kind: 'rows', m, k }]);
    const [w, x] = [random(m * k, 3), random(samples * k, 4)];
    // Sums of 1024 products in f32: the bound scales with the sum of their magnitudes.
    const [expected, magnitude] = [new Float64Array(samples * m), new Float64Array(samples * m)];
    for (let s = 0; s < samples; s++)
      for (let i = 0; i < m; i++)
        for (let p = 0; p < k; p++) {
          expected[s * m + i] += w[i * k + p] * x[s * k + p];
          magnitude[s * m + i] += Math.abs(w[i * k + p] * x[s * k + p]);
        }
    const out = place(new Float32Array(samples * m).fill(7));
    exports[`rows_${m}x${k}`](place(w), place(x), out, samples);
    const got = read(out, samples * m);
    for (let q = 0; q < expected.length; q++)
      expect(Math.abs(got[q] - expected[q]), `at ${q}`).toBeLessThan(1e-6 * magnitude[q]);
  });

  it('cols: out[s][j] = Σ_p v[s][p] w[p][j] for every size and sample count, edges included', () => {
    for (const k of sizes)
      for (const n of sizes) {
        const instance = instantiate([{ kind: 'cols', k, n }]);
        for (const samples of sampleCounts)
          checkCols(instance, k, n, samples, random(samples * k, samples + 3), random(k * n, k * 17 + n));
      }
  });

  it.each([21, 1024])(
    'cols: adds its blocks of rows and of samples up right when there are several of each, and a partial last one (%i columns)',
    (n) => {
      // Blocks of colsBlockRows(n) rows of W (fewer where rows are 4 KiB apart) and colsBlock.samples samples: 2.5 of each here.
      expect(colsBlockRows(n)).toBe(n === 1024 ? 8 : colsBlock.rows);
      const [k, samples] = [Math.floor(2.5 * colsBlockRows(n)) + 1, Math.floor(2.5 * colsBlock.samples) + 3];
      checkCols(instantiate([{ kind: 'cols', k, n }]), k, n, samples, random(samples * k, 11), random(k * n, 12));
    },
  );

  it.each([161, 256])(
    'outer: adds its blocks of rows and chunks of samples up right when there are several of each, and a partial last one (%i rows)',
    (m) => {
      // 161 rows: 2.5 blocks of outerBlockRows and an odd row left; 256: rows 1 KiB long, in shorter chunks.
      expect(outerChunk(m)).toBe(m === 256 ? 10 : 16);
      const n = 7;
      const samples = Math.floor(2.5 * outerChunk(m)) + 3;
      expect(m > 2 * outerBlockRows).toBe(true);
      const { exports, place, read } = instantiate([{ kind: 'outer', m, n }]);
      const [a, b] = [random(samples * m, 5), random(samples * n, 6)];
      const expected = new Float64Array(m * n);
      for (let s = 0; s < samples; s++)
        for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) expected[i * n + j] += a[s * m + i] * b[s * n + j];
      const out = place(new Float32Array(m * n).fill(7));
      exports[`outer_${m}x${n}`](place(a), m, place(b), n, out, samples, m);
      close(read(out, m * n), expected);
    },
  );

  it.each([32, 37, 0])(
    'outer: sums only the first rows it is told, as a thread does with its share of the rows, leaving the rest (%i of 161 rows)',
    (rows) => {
      const [m, n, samples] = [161, 7, 23];
      const { exports, place, read } = instantiate([{ kind: 'outer', m, n }]);
      const [a, b] = [random(samples * m, 8), random(samples * n, 9)];
      // A share of rows starts at row \`from\`: the host passes a and out from there, a's step unchanged.
      const from = 48;
      const expected = new Float64Array(rows * n);
      for (let s = 0; s < samples; s++)
        for (let i = 0; i < rows; i++)
          for (let j = 0; j < n; j++) expected[i * n + j] += a[s * m + from + i] * b[s * n + j];
      const out = place(new Float32Array(m * n).fill(7));
      exports[`outer_${m}x${n}`](place(a) + 4 * from, m, place(b), n, out, samples, rows);
      close(read(out, rows * n), expected);
      expect(Array.from(read(out + 4 * rows * n, (m - rows) * n)).every((v) => v === 7)).toBe(true);
    },
  );

  it('outer: out[i][j] = Σ_s a[s][i] b[s][j], with an operand shared by all samples', () => {
    for (const m of sizes)
      for (const n of sizes) {
        const { exports, place, read } = instantiate([{ kind: 'outer', m, n }]);
        for (const samples of sampleCounts)
          for (const [aShared, bShared] of [
            [false, false],
            [true, false],
            [false, true],
          ]) {
            const a = random(aShared ? m : samples * m, samples + m);
            const b = random(bShared ? n : samples * n, samples * 5 + n);
            const expected = new Float64Array(m * n);
            for (let s = 0; s < samples; s++)
              for (let i = 0; i < m; i++)
                for (let j = 0; j < n; j++)
                  expected[i * n + j] += a[(aShared ? 0 : s * m) + i] * b[(bShared ? 0 : s * n) + j];
            const out = place(new Float32Array(m * n).fill(7));
            exports[`outer_${m}x${n}`](place(a), aShared ? 0 : m, place(b), bShared ? 0 : n, out, samples, m);
            close(read(out, m * n), expected);
          }
      }
  });

  it('picks 2 × 4 tiles for rows of up to 64 floats and 4 × 2 for longer ones', () => {
    expect(defaultTilesFor({ kind: 'rows', m: 512, k: 64 }).rows).toEqual([2, 4]);
    expect(defaultTilesFor({ kind: 'rows', m: 512, k: 65 }).rows).toEqual([4, 2]);
    expect(defaultTilesFor({ kind: 'cols', k: 16, n: 512 })).toBe(defaultTiles);
  });

  it('gives the same results with other tile sizes', () => {
    const tiles: TileSizes = { rows: [3, 5], cols: [2, 3], outer: [3, 1] };
    const { exports, place, read } = instantiate(
      [
        { kind: 'rows', m: 13, k: 10 },
        { kind: 'cols', k: 10, n: 13 },
      ],
      tiles,
    );
    const w = random(130, 1);
    const x = random(70, 2);
    const expected = new Float64Array(7 * 13);
    for (let s = 0; s < 7; s++)
      for (let i = 0; i < 13; i++) for (let p = 0; p < 10; p++) expected[s * 13 + i] += w[i * 10 + p] * x[s * 10 + p];
    const out = place(new Float32Array(91));
    exports['rows_13x10'](place(w), place(x), out, 7);
    close(read(out, 91), expected);
  });
});
