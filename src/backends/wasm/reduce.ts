/**
 * Sums down the rows of an array as a WebAssembly SIMD loop: the bias
 * gradients of BPTT, Σ over steps and samples of a gate's gradient. Sixteen
 * columns at a time keep four vector accumulators in registers while the
 * loop walks the rows; the last (up to three) columns are added lane by
 * lane, so nothing past a row's end is written.
 */
import { FunctionBuilder } from './encoder.js';

export function columnSumName(n: number): string {
  return `colsum_${n}`;
}

/** colsum_n(a, out, rows): out[j] += Σ_l a[l][j] for j < n, l < rows. */
export function columnSumKernel(n: number): FunctionBuilder {
  const f = new FunctionBuilder(
    columnSumName(n),
    [
      { name: 'a', type: 'i32' },
      { name: 'out', type: 'i32' },
      { name: 'rows', type: 'i32' },
    ],
    `out[j] += Σ_l a[l][j] for j < ${n}, l < rows; 16 columns at a time`,
  );
  const [a, out, rows] = f.params;
  const [l, at, col] = [f.local('l', 'i32'), f.local('at', 'i32'), f.local('col', 'i32')];
  const sums = [0, 1, 2, 3].map((k) => f.local(`sum${k}`, 'v128'));
  /** Columns from byte offset `col` (+ `first`): 4·vectors of them summed over the rows and added to out (the last block: `lanes` < 4 of one vector). */
  const block = (first: number, vectors: number, lanes = 4) => {
    for (let v = 0; v < vectors; v++) f.f32x4Const(0).set(sums[v]);
    f.i32(0).set(l);
    f.get(a).get(col).i32Add().set(at);
    f.block((exit) =>
      f.loop((top) => {
        f.get(l).get(rows).i32GeS().brIf(exit);
        for (let v = 0; v < vectors; v++)
          f.get(sums[v])
            .get(at)
            .v128Load(first + 16 * v)
            .f32x4Add()
            .set(sums[v]);
        f.increment(at, 4 * n)
          .increment(l, 1)
          .br(top);
      }),
    );
    f.get(out).get(col).i32Add().set(at);
    for (let v = 0; v < vectors; v++) {
      const offset = first + 16 * v;
      if (lanes === 4) {
        f.get(at).get(at).v128Load(offset).get(sums[v]).f32x4Add().v128Store(offset);
        continue;
      }
      for (let lane = 0; lane < lanes; lane++)
        f.get(at)
          .get(at)
          .f32Load(offset + 4 * lane)
          .get(sums[v])
          .f32x4ExtractLane(lane)
          .f32Add()
          .f32Store(offset + 4 * lane);
    }
  };
  // Blocks of 16 columns in a loop, then the columns left: whole vectors, then the last lanes.
  const sixteens = Math.floor(n / 16);
  f.i32(0).set(col);
  if (sixteens > 0) {
    f.block((exit) =>
      f.loop((top) => {
        f.get(col)
          .i32(64 * sixteens)
          .i32GeS()
          .brIf(exit);
        block(0, 4);
        f.increment(col, 64).br(top);
      }),
    );
  }
  const rest = n - 16 * sixteens;
  for (let v = 0; v < Math.floor(rest / 4); v++) block(16 * v, 1);
  if (rest % 4 > 0) block(16 * Math.floor(rest / 4), 1, rest % 4);
  return f;
}
