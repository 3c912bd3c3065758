/**
 * The run-time check that params are finite, as a WebAssembly SIMD loop: it
 * sums x·0 over an array (0 for finite values, NaN as soon as one is NaN or
 * infinite) in four vector accumulators and stores the sum. Generated code
 * runs it on every param it copies into the kernels' memory, where a scalar
 * JavaScript scan of lstm-small-latency's 100 k params took a sixth of the
 * forward pass; only when the sum is not 0 does JavaScript look for the
 * value and name it.
 */
import { FunctionBuilder } from './encoder.js';

export const finiteKernelName = 'nonfinite';

/** nonfinite(at, count, out): out = Σ at[k]·0 for k < count (a multiple of 16 is fastest; any multiple of 4 works). */
export function finiteKernel(): FunctionBuilder {
  const f = new FunctionBuilder(
    finiteKernelName,
    [
      { name: 'at', type: 'i32' },
      { name: 'count', type: 'i32' },
      { name: 'out', type: 'i32' },
    ],
    'out = Σ at[k]·0 for k < count (count a multiple of 4): 0 when every value is finite, else NaN',
  );
  const [at, count, out] = f.params;
  const end = f.local('end', 'i32');
  const sums = [0, 1, 2, 3].map((k) => f.local(`sum${k}`, 'v128'));
  for (const sum of sums) f.f32x4Const(0).set(sum);
  // end = at + 4·count: a byte address.
  f.get(count).i32(4).i32Mul().get(at).i32Add().set(end);
  const step = (vectors: number) =>
    f.block((exit) => {
      f.loop((top) => {
        f.get(end)
          .get(at)
          .i32Sub()
          .i32(16 * vectors)
          .i32LtS()
          .brIf(exit);
        for (let v = 0; v < vectors; v++) {
          f.get(sums[v])
            .get(at)
            .v128Load(16 * v)
            .f32x4Const(0)
            .f32x4Mul()
            .f32x4Add()
            .set(sums[v]);
        }
        f.increment(at, 16 * vectors).br(top);
      });
    });
  step(4);
  step(1);
  f.get(sums[0]).get(sums[1]).f32x4Add().get(sums[2]).f32x4Add().get(sums[3]).f32x4Add().set(sums[0]);
  f.get(out);
  f.get(sums[0]).f32x4ExtractLane(0).get(sums[0]).f32x4ExtractLane(1);
  f.f32Add();
  f.get(sums[0]).f32x4ExtractLane(2).f32Add().get(sums[0]).f32x4ExtractLane(3).f32Add();
  f.f32Store();
  return f;
}
