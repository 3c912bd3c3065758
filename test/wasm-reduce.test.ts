import { describe, expect, it } from 'vitest';
import { encodeModule, memoryPages } from '../src/backends/wasm/encoder.js';
import { finiteKernel } from '../src/backends/wasm/finite.js';
import { columnSumKernel, columnSumName } from '../src/backends/wasm/reduce.js';
import { wasm } from './helpers/wasm.js';

function instantiate(fns: Parameters<typeof encodeModule>[0]) {
  const bytes = encodeModule(fns);
  expect(wasm.validate(bytes)).toBe(true);
  const memory = new wasm.Memory({ initial: 4, maximum: memoryPages });
  const instance = new wasm.Instance(new wasm.Module(bytes), { env: { memory } });
  return { memory, exports: instance.exports as unknown as Record<string, (...args: number[]) => void> };
}

describe('the column-sum kernel (bias gradients)', () => {
  it.each([3, 4, 5, 16, 21, 37, 64, 100])(
    'adds the sum of every row to out, %i columns, touching nothing past them',
    (n) => {
      const { memory, exports } = instantiate([columnSumKernel(n)]);
      for (const rows of [0, 1, 7]) {
        const a = Float32Array.from({ length: rows * n }, (_, k) => Math.sin(0.7 * k));
        // a at byte 0 with NaN slack after it (read and dropped); out after it, then a guard that must stay.
        const outAt = 16 * Math.ceil((a.length + 4) / 4);
        new Float32Array(memory.buffer, 0, a.length + 4).fill(NaN).set(a);
        const start = Float32Array.from({ length: n }, (_, j) => j / 3);
        new Float32Array(memory.buffer, outAt, n + 4).fill(-9).set(start);
        exports[columnSumName(n)](0, outAt, rows);
        const out = new Float32Array(memory.buffer, outAt, n + 4);
        for (let j = 0; j < n; j++) {
          let sum = 0;
          for (let l = 0; l < rows; l++) sum += a[l * n + j];
          expect(out[j]).toBeCloseTo(start[j] + sum, 5);
        }
        expect(Array.from(out.subarray(n))).toEqual([-9, -9, -9, -9]);
      }
    },
  );
});

describe('the finite-value scan', () => {
  it('sums to 0 for finite values and to NaN when one value among them is NaN or infinite', () => {
    const { memory, exports } = instantiate([finiteKernel()]);
    const values = new Float32Array(memory.buffer, 16, 1000);
    const scan = (count: number) => {
      exports.nonfinite(16, count, 0);
      return new Float32Array(memory.buffer, 0, 1)[0];
    };
    values.set(Float32Array.from({ length: 1000 }, (_, k) => 1e30 * Math.sin(k)));
    expect(scan(1000)).toBe(0);
    for (const at of [0, 3, 63, 64, 517, 999])
      for (const bad of [NaN, Infinity, -Infinity]) {
        const kept = values[at];
        values[at] = bad;
        expect(scan(1000), `${bad} at ${at}`).toBeNaN();
        values[at] = kept;
      }
    // Only the first `count` values are read.
    values[996] = NaN;
    expect(scan(996)).toBe(0);
  });
});
