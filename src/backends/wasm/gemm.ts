/**
 * GEMM kernels as WebAssembly SIMD functions, specialised for a model's
 * sizes: the same three shapes as the scalar kernels (ts/gemm.ts), on f32x4
 * vectors. Arguments are byte addresses in the module's memory.
 * - rows: out[s][i] = Σ_p w[i][p] x[s][p] — dot products along p, four
 *   lanes at a time, summed across lanes once per tile;
 * - cols: out[s][j] = Σ_p v[s][p] w[p][j] — four columns per vector, each
 *   v[s][p] broadcast to all lanes;
 * - outer: out[i][j] = Σ_s a[s][i] b[s][j] — as cols, summing over samples.
 * A tile keeps its accumulators in locals (registers), so each value loaded
 * is used several times. Sizes that are not a multiple of four read up to
 * three floats past a row (the host keeps that much slack after every
 * array) and mask them out, or store lane by lane.
 */
import { FunctionBuilder, type Local } from './encoder.js';

export type GemmSpec =
  | { readonly kind: 'rows'; readonly m: number; readonly k: number }
  | { readonly kind: 'cols'; readonly k: number; readonly n: number }
  | { readonly kind: 'outer'; readonly m: number; readonly n: number };

/** Tile sizes: samples × rows for `rows`, samples × column vectors for `cols`, rows × column vectors for `outer`. */
export interface TileSizes {
  readonly rows: readonly [number, number];
  readonly cols: readonly [number, number];
  readonly outer: readonly [number, number];
}

export const defaultTiles: TileSizes = { rows: [4, 2], cols: [2, 4], outer: [2, 4] };

/**
 * The tiles a kernel of these sizes gets by default. A \`rows\` product sums
 * across lanes once per tile, which costs most where the rows are short:
 * for k ≤ 64, tiles of 2 samples × 4 rows (one whole reduction and store
 * per sample) were 6–8 % faster than 4 × 2 (512 × 64 and 512 × 32, 100
 * samples), and 4 × 2 was 3–20 % faster for k ≥ 128.
 */
export function defaultTilesFor(spec: GemmSpec): TileSizes {
  return spec.kind === 'rows' && spec.k <= 64 ? { ...defaultTiles, rows: [2, 4] } : defaultTiles;
}

/**
 * Samples per chunk of a weight-gradient sum: a tile runs over a chunk with its sums in registers,
 * then stores them. A chunk reads one cache line of `a` per sample (the tile's rows), and rows of a
 * whole multiple of 1 KiB fall in the same few of L1's sets (12 ways each here), so those take
 * chunks of 10 samples: measured at 1024 × 256 × 800 (64-row blocks), 4 samples 34, 8 42, 10 44–47,
 * 12 38, 16 19 GFLOP/s. Other rows spread over the sets: 16 (1000 × 250: 51 GFLOP/s; 10 gave 49).
 */
export function outerChunk(m: number): number {
  return (4 * m) % 1024 === 0 ? 10 : 16;
}

/**
 * Rows of out per block of a weight-gradient sum: every chunk of samples adds into one block of
 * out (64 KiB at 256 columns) before the next block starts, so the sums are re-read from L1 or L2,
 * not from memory as when each chunk ran over all of out (1 MiB at 1024 × 256). Measured in turns
 * against chunks over all of out: 1024 × 256 × 800 34.6 → 45–47 GFLOP/s, 512 × 256 35 → 48, 768 × 256
 * 35 → 48, 4096 × 1024 29 → 40–41. Blocks of 8 rows gave 40, 16 42, 32 42, 128 45–47 at 1024 × 256;
 * at 4096 × 1024, 16 or 32 rows gave only 25.
 */
export const outerBlockRows = 64;

/**
 * Rows of W per block of a `rows` product of m rows of k floats. Where W is larger than L2 (1 MiB
 * here), tiles of samples run over one block of about 128 KiB of W at a time, so W comes from
 * memory once a call, not once per tile of four samples. Measured in turns with W cold (four
 * copies of W, called in turn): 4096 × 1024, 16 samples, 24.8–29.8 → 36.9–37.7 GFLOP/s (blocks of
 * 64 and 256 KiB the same, 32 KiB 31); 2048 × 512, 32 samples, 46.1 → 47.0; 1024 × 256 (1 MiB, 16
 * or 64 samples) within 2 %, so W of 1 MiB or less is one block.
 */
export function rowsBlockRows(m: number, k: number): number {
  if (4 * m * k <= 1 << 20) return m;
  return Math.max(8, 8 * Math.floor(131072 / (4 * k) / 8));
}

/** The export name of a kernel: its shape and sizes, so equal kernels are emitted once. */
export function gemmName(spec: GemmSpec): string {
  switch (spec.kind) {
    case 'rows':
      return `rows_${spec.m}x${spec.k}`;
    case 'cols':
      return `cols_${spec.k}x${spec.n}`;
    case 'outer':
      return `outer_${spec.m}x${spec.n}`;
  }
}

/** for (counter = start; counter < end; counter += step) body(), testing before each pass. */
function forLoop(
  f: FunctionBuilder,
  counter: Local,
  start: number,
  end: number | Local,
  step: number,
  body: () => void,
): void {
  f.i32(start).set(counter);
  f.block((exit) =>
    f.loop((top) => {
      f.get(counter);
      if (typeof end === 'number') f.i32(end);
      else f.get(end);
      f.i32GeS().brIf(exit);
      body();
      f.increment(counter, step).br(top);
    }),
  );
}

/** pointer = base + index · scale (bytes). */
function address(f: FunctionBuilder, target: Local, base: Local, index: Local, scale: number): void {
  f.get(base).get(index).i32(scale).i32Mul().i32Add().set(target);
}

/** pointer = base + row · rowBytes + column · 4: element [row][column] of a row-major matrix of floats. */
function elementAddress(
  f: FunctionBuilder,
  target: Local,
  base: Local,
  row: Local,
  rowBytes: number,
  column: Local,
): void {
  f.get(base).get(row).i32(rowBytes).i32Mul().i32Add().get(column).i32(4).i32Mul().i32Add().set(target);
}

/**
 * acc = acc + a · b, or acc + (a · b & mask) when a mask hides lanes read past a row. `fused`: one
 * relaxed SIMD f32x4.relaxed_madd, which an engine may compute with one rounding (an FMA
 * instruction) or two; masked, both operands are masked first, as a lane past a row may hold
 * anything (0 · NaN would be NaN).
 */
function multiplyAdd(
  f: FunctionBuilder,
  acc: Local,
  a: Local,
  b: Local,
  fused: boolean,
  mask?: readonly number[],
): void {
  if (fused) {
    const masked = (l: Local) => {
      f.get(l);
      if (mask) f.v128I32x4(mask as [number, number, number, number]).v128And();
    };
    masked(a);
    masked(b);
    f.get(acc).f32x4RelaxedMadd().set(acc);
    return;
  }
  f.get(acc).get(a).get(b).f32x4Mul();
  if (mask) f.v128I32x4(mask as [number, number, number, number]).v128And();
  f.f32x4Add().set(acc);
}

/** Lanes [0, valid) all ones. */
function laneMask(valid: number): readonly number[] {
  return [0, 1, 2, 3].map((l) => (l < valid ? -1 : 0));
}

/** Stores `lanes` lanes of the vector in `value` at `pointer + offset`: whole when 4, else one by one. */
function storeLanes(f: FunctionBuilder, pointer: Local, value: Local, offset: number, lanes: number): void {
  if (lanes === 4) {
    f.get(pointer).get(value).v128Store(offset);
    return;
  }
  for (let l = 0; l < lanes; l++)
    f.get(pointer)
      .get(value)
      .f32x4ExtractLane(l)
      .f32Store(offset + 4 * l);
}

class Registers {
  private readonly pool = new Map<string, Local>();
  constructor(private readonly f: FunctionBuilder) {}
  /** A local by name, declared on first use, so tiles of different sizes share them. */
  get(name: string, type: 'i32' | 'v128'): Local {
    let l = this.pool.get(name);
    if (!l) {
      l = this.f.local(name, type);
      this.pool.set(name, l);
    }
    return l;
  }
}

/** out[s][i] = Σ_p w[i][p] x[s][p], W [m, k]. */
function rowsKernel(name: string, m: number, k: number, tiles: TileSizes, fused: boolean): FunctionBuilder {
  const f = new FunctionBuilder(
    name,
    [
      { name: 'w', type: 'i32' },
      { name: 'x', type: 'i32' },
      { name: 'out', type: 'i32' },
      { name: 'samples', type: 'i32' },
    ],
    `out[s][i] = Σ_p w[i][p] x[s][p] for i < ${m}, p < ${k}; tiles of ${tiles.rows[0]} samples × ${tiles.rows[1]} rows${rowsBlockRows(m, k) < m ? `, blocks of ${rowsBlockRows(m, k)} rows of W` : ''}`,
  );
  const [w, x, out, samples] = f.params;
  const r = new Registers(f);
  const [s, i, wp, xp, pe, op] = ['s', 'i', 'wp', 'xp', 'pe', 'op'].map((n) => r.get(n, 'i32'));
  const k4 = k - (k % 4);

  const tile = (st: number, rt: number) => {
    f.comment(`${st} sample${st > 1 ? 's' : ''} × ${rt} row${rt > 1 ? 's' : ''}`);
    const acc = (v: number, u: number) => r.get(`acc${v}_${u}`, 'v128');
    const xv = (v: number) => r.get(`x${v}`, 'v128');
    const wv = r.get('w0', 'v128');
    for (let v = 0; v < st; v++) for (let u = 0; u < rt; u++) f.v128I32x4([0, 0, 0, 0]).set(acc(v, u));
    address(f, wp, w, i, 4 * k);
    address(f, xp, x, s, 4 * k);
    const step = (mask?: readonly number[]) => {
      for (let v = 0; v < st; v++)
        f.get(xp)
          .v128Load(4 * k * v)
          .set(xv(v));
      for (let u = 0; u < rt; u++) {
        f.get(wp)
          .v128Load(4 * k * u)
          .set(wv);
        for (let v = 0; v < st; v++) multiplyAdd(f, acc(v, u), wv, xv(v), fused, mask);
      }
    };
    if (k4 > 0) {
      f.get(wp)
        .i32(4 * k4)
        .i32Add()
        .set(pe);
      f.loop((top) => {
        step();
        f.increment(wp, 16).increment(xp, 16);
        f.get(wp).get(pe).i32LtS().brIf(top);
      });
    }
    if (k % 4 > 0) {
      f.comment(`the last ${k % 4} of each row, masked`);
      step(laneMask(k % 4));
    }
    // Sums across lanes, four rows at a time: [Σ acc_u0, Σ acc_u1, Σ acc_u2, Σ acc_u3].
    f.get(out)
      .get(s)
      .i32(4 * m)
      .i32Mul()
      .i32Add()
      .get(i)
      .i32(4)
      .i32Mul()
      .i32Add()
      .set(op);
    const [t0, t1, sum] = [r.get('t0', 'v128'), r.get('t1', 'v128'), r.get('sum', 'v128')];
    for (let v = 0; v < st; v++) {
      for (let g = 0; g * 4 < rt; g++) {
        const part = (u: number) => {
          if (g * 4 + u < rt) f.get(acc(v, g * 4 + u));
          else f.v128I32x4([0, 0, 0, 0]);
        };
        const pair = (u: number, target: Local) => {
          part(u);
          part(u + 1);
          f.f32x4Shuffle([0, 1, 4, 5]);
          part(u);
          part(u + 1);
          f.f32x4Shuffle([2, 3, 6, 7]).f32x4Add().set(target);
        };
        pair(0, t0);
        pair(2, t1);
        f.get(t0).get(t1).f32x4Shuffle([0, 2, 4, 6]).get(t0).get(t1).f32x4Shuffle([1, 3, 5, 7]).f32x4Add().set(sum);
        storeLanes(f, op, sum, 4 * (m * v + 4 * g), Math.min(4, rt - 4 * g));
      }
    }
  };

  // Tiles over `count` rows from row `from`: full tiles of rt rows, then the rest.
  const rowTiles = (st: number, rt: number, from: Local | number, count: number) => {
    const full = count - (count % rt);
    if (full > 0 && typeof from === 'number') forLoop(f, i, from, from + full, rt, () => tile(st, rt));
    else if (full > 0 && typeof from !== 'number') {
      const iEnd = r.get('iEnd', 'i32');
      f.get(from).set(i);
      f.get(i).i32(full).i32Add().set(iEnd);
      f.block((exit) =>
        f.loop((top) => {
          f.get(i).get(iEnd).i32GeS().brIf(exit);
          tile(st, rt);
          f.increment(i, rt).br(top);
        }),
      );
    }
    if (count % rt > 0) {
      if (typeof from === 'number') f.i32(from + full).set(i);
      else f.get(from).i32(full).i32Add().set(i);
      tile(st, count % rt);
    }
  };

  const [st, rt] = tiles.rows;
  // Every tile of samples over one block of rows of W, then the next block: the block comes from
  // memory once and then from L2, where W is larger than L2 and would otherwise be read from
  // memory once per tile of samples.
  const overSampleTiles = (from: Local | number, count: number) => {
    f.i32(0).set(s);
    f.block((exit) =>
      f.loop((top) => {
        f.get(samples).get(s).i32Sub().i32(st).i32LtS().brIf(exit);
        rowTiles(st, rt, from, count);
        f.increment(s, st).br(top);
      }),
    );
  };
  const blockRows = rowsBlockRows(m, k);
  const blocks = Math.floor(m / blockRows);
  const i0 = blocks > 1 ? r.get('i0', 'i32') : undefined;
  if (i0 !== undefined) forLoop(f, i0, 0, blocks * blockRows, blockRows, () => overSampleTiles(i0, blockRows));
  else if (blocks === 1) overSampleTiles(0, blockRows);
  if (m % blockRows > 0) overSampleTiles(blocks * blockRows, m % blockRows);
  // The samples left over (all of them for a batch of one), each reading W once: eight rows per
  // tile, unblocked (blocks measured 6–9 % slower for one sample).
  f.get(samples).i32(st).i32DivU().i32(st).i32Mul().set(s);
  f.block((exit) =>
    f.loop((top) => {
      f.get(s).get(samples).i32GeS().brIf(exit);
      rowTiles(1, Math.min(8, m), 0, m);
      f.increment(s, 1).br(top);
    }),
  );
  return f;
}

/**
 * Column tiles shared by `cols` and `outer`: acc[q][c] += a_q · b[c] over a
 * reduction loop, where a_q is one float broadcast and b[c] four columns.
 */
interface ColumnTile {
  readonly f: FunctionBuilder;
  readonly r: Registers;
  /** Sets the pointers to the tile's start and emits the reduction loop around `step`. */
  loop(step: () => void): void;
  /** Byte offset of broadcast operand q from its pointer. */
  splatOffset(q: number): number;
  /** Byte offset of result row q from the tile's result pointer. */
  outRowOffset(q: number): number;
  /** Sets `op` to the tile's first result. */
  resultPointer(op: Local): void;
  readonly a: Local;
  readonly b: Local;
  /** Start from the values in the result (a later chunk of a sum) instead of zero. */
  readonly accumulate?: boolean;
  /** Multiply-adds as relaxed SIMD's fused f32x4.relaxed_madd. */
  readonly fused: boolean;
}

function columnTile(t: ColumnTile, rowsInTile: number, width: number): void {
  const { f, r } = t;
  const vectors = Math.ceil(width / 4);
  f.comment(`${rowsInTile} × ${width} column${width > 1 ? 's' : ''}`);
  const acc = (q: number, c: number) => r.get(`acc${q}_${c}`, 'v128');
  const bv = (c: number) => r.get(`b${c}`, 'v128');
  const av = r.get('a0', 'v128');
  const op = r.get('op', 'i32');
  t.resultPointer(op);
  for (let q = 0; q < rowsInTile; q++)
    for (let c = 0; c < vectors; c++) {
      if (t.accumulate) f.get(op).v128Load(t.outRowOffset(q) + 16 * c);
      else f.v128I32x4([0, 0, 0, 0]);
      f.set(acc(q, c));
    }
  t.loop(() => {
    for (let c = 0; c < vectors; c++)
      f.get(t.b)
        .v128Load(16 * c)
        .set(bv(c));
    for (let q = 0; q < rowsInTile; q++) {
      f.get(t.a).v128Load32Splat(t.splatOffset(q)).set(av);
      for (let c = 0; c < vectors; c++) multiplyAdd(f, acc(q, c), av, bv(c), t.fused);
    }
  });
  for (let q = 0; q < rowsInTile; q++)
    for (let c = 0; c < vectors; c++)
      storeLanes(f, op, acc(q, c), t.outRowOffset(q) + 16 * c, Math.min(4, width - 4 * c));
}

/** Column tiles across n columns: full tiles of `vectors` vectors, then the rest. */
function columnTiles(f: FunctionBuilder, j: Local, n: number, vectors: number, tileAt: (width: number) => void): void {
  const width = 4 * vectors;
  const full = n - (n % width);
  if (full > 0) forLoop(f, j, 0, full, width, () => tileAt(width));
  if (n % width > 0) {
    f.i32(full).set(j);
    tileAt(n % width);
  }
}

/**
 * Blocking of the transposed product (`cols`, BPTT's dh = Wᵀ g): rows of W per block, and samples
 * per block. Within a block of rows, tile after tile of columns, every sample tile of the sample
 * block reads a tile's part of the block from L1, so W comes from memory once per sample block
 * instead of once per tile of two samples. Measured in turns against the unblocked kernel
 * (16 samples): 4096 × 1024 (W 16 MB) 11.2 → 24.5 GFLOP/s; 1024 × 256 41.6 → 43.4; 64
 * samples 41.9 → 45.6. Blocks of 32, 64 or 128 rows gave the same within noise, except where W's
 * rows are a whole multiple of 4 KiB (see `colsBlockRows`).
 */
export const colsBlock = { rows: 64, samples: 32 } as const;

/**
 * Rows of W per block of a `cols` product with n columns. A tile's part of a block is one cache
 * line from each row; rows a whole multiple of 4 KiB apart all fall in one set of L1 (12 ways
 * here), so a block of 64 of them is evicted before the next sample tile reads it again. Those take
 * blocks of 8 rows: 4096 × 1024, 16 samples, 27.6 → 43–44 GFLOP/s (10 rows 44, 12 40, 16–64 23–28);
 * 800 samples 27.2 → 43.2. At 1024 × 256 and 2048 × 512, 8 rows lost 9–12 % against 64.
 */
export function colsBlockRows(n: number): number {
  return (4 * n) % 4096 === 0 ? 8 : colsBlock.rows;
}

/** n floats of zeros at `pointer` (n a run-time count in bytes, `bytes`): vectors, then the tail lane by lane. */
function zeroBytes(f: FunctionBuilder, pointer: Local, bytes: Local, at: Local): void {
  f.i32(0).set(at);
  f.block((exit) =>
    f.loop((top) => {
      f.get(at).i32(16).i32Add().get(bytes).i32GtS().brIf(exit);
      f.get(pointer).get(at).i32Add().v128I32x4([0, 0, 0, 0]).v128Store();
      f.increment(at, 16).br(top);
    }),
  );
  f.block((exit) =>
    f.loop((top) => {
      f.get(at).get(bytes).i32GeS().brIf(exit);
      f.get(pointer).get(at).i32Add().f32x4Const(0).f32x4ExtractLane(0).f32Store();
      f.increment(at, 4).br(top);
    }),
  );
}

/** counter = min(start + step, limit). */
function blockEnd(f: FunctionBuilder, target: Local, start: Local, step: number, limit: Local | number): void {
  f.get(start).i32(step).i32Add().set(target);
  f.block((inside) => {
    f.get(target);
    if (typeof limit === 'number') f.i32(limit);
    else f.get(limit);
    f.i32LeS().brIf(inside);
    if (typeof limit === 'number') f.i32(limit);
    else f.get(limit);
    f.set(target);
  });
}

/** out[s][j] = Σ_p v[s][p] w[p][j], W [k, n]. */
function colsKernel(name: string, k: number, n: number, tiles: TileSizes, fused: boolean): FunctionBuilder {
  const rowsPerBlock = Math.min(k, colsBlockRows(n));
  const f = new FunctionBuilder(
    name,
    [
      { name: 'v', type: 'i32' },
      { name: 'w', type: 'i32' },
      { name: 'out', type: 'i32' },
      { name: 'samples', type: 'i32' },
    ],
    `out[s][j] = Σ_p v[s][p] w[p][j] for p < ${k}, j < ${n}; tiles of ${tiles.cols[0]} samples × ${4 * tiles.cols[1]} columns, blocks of ${rowsPerBlock} rows of W × ${colsBlock.samples} samples`,
  );
  const [v, w, out, samples] = f.params;
  const r = new Registers(f);
  const [s, j, vp, wp, pe, p0, pEnd, sb, sEnd, bytes, at] = [
    's',
    'j',
    'vp',
    'wp',
    'pe',
    'p0',
    'pEnd',
    'sb',
    'sEnd',
    'bytes',
    'at',
  ].map((x) => r.get(x, 'i32'));
  const tile: ColumnTile = {
    f,
    r,
    a: vp,
    b: wp,
    accumulate: true,
    fused,
    loop: (step) => {
      // v + s·4k + 4·p0, w + p0·4n + 4·j, to v + s·4k + 4·pEnd.
      f.get(v)
        .get(s)
        .i32(4 * k)
        .i32Mul()
        .i32Add()
        .set(vp);
      f.get(vp).get(pEnd).i32(4).i32Mul().i32Add().set(pe);
      f.get(vp).get(p0).i32(4).i32Mul().i32Add().set(vp);
      elementAddress(f, wp, w, p0, 4 * n, j);
      f.loop((top) => {
        step();
        f.increment(vp, 4).increment(wp, 4 * n);
        f.get(vp).get(pe).i32LtS().brIf(top);
      });
    },
    splatOffset: (q) => 4 * k * q,
    outRowOffset: (q) => 4 * n * q,
    resultPointer: (op) => elementAddress(f, op, out, s, 4 * n, j),
  };
  const [st, cv] = tiles.cols;
  // The blocks of rows add into out, which starts at zero.
  f.get(samples)
    .i32(4 * n)
    .i32Mul()
    .set(bytes);
  zeroBytes(f, out, bytes, at);
  f.i32(0).set(sb);
  f.block((allSamples) =>
    f.loop((nextSampleBlock) => {
      f.get(sb).get(samples).i32GeS().brIf(allSamples);
      blockEnd(f, sEnd, sb, colsBlock.samples, samples);
      f.i32(0).set(p0);
      f.block((allRows) =>
        f.loop((nextRowBlock) => {
          f.get(p0).i32(k).i32GeS().brIf(allRows);
          blockEnd(f, pEnd, p0, rowsPerBlock, k);
          // Across a block of rows, tile by tile: the rows' pages and lines are met in order.
          columnTiles(f, j, n, cv, (width) => {
            f.get(sb).set(s);
            f.block((exit) =>
              f.loop((top) => {
                f.get(sEnd).get(s).i32Sub().i32(st).i32LtS().brIf(exit);
                columnTile(tile, st, width);
                f.increment(s, st).br(top);
              }),
            );
            // The samples of the block left over (all of them for a batch of one).
            f.block((exit) =>
              f.loop((top) => {
                f.get(s).get(sEnd).i32GeS().brIf(exit);
                columnTile(tile, 1, width);
                f.increment(s, 1).br(top);
              }),
            );
          });
          f.increment(p0, rowsPerBlock).br(nextRowBlock);
        }),
      );
      f.increment(sb, colsBlock.samples).br(nextSampleBlock);
    }),
  );
  return f;
}

/** out[i][j] = Σ_s a[s·aStep + i] b[s·bStep + j] for i < m, j < n (steps in floats; 0: the same vector for all). */
function outerKernel(name: string, m: number, n: number, tiles: TileSizes, fused: boolean): FunctionBuilder {
  const f = new FunctionBuilder(
    name,
    [
      { name: 'a', type: 'i32' },
      { name: 'aStep', type: 'i32' },
      { name: 'b', type: 'i32' },
      { name: 'bStep', type: 'i32' },
      { name: 'out', type: 'i32' },
      { name: 'samples', type: 'i32' },
      { name: 'rows', type: 'i32' },
    ],
    `out[i][j] = Σ_s a[s][i] b[s][j] for i < rows (at most ${m}), j < ${n}; tiles of ${tiles.outer[0]} rows × ${4 * tiles.outer[1]} columns, blocks of up to ${outerBlockRows} rows, ${outerChunk(m)} samples at a time`,
  );
  const [a, aStep, b, bStep, out, samples, rows] = f.params;
  const r = new Registers(f);
  const [i, j, s, ap, bp, chunk, chunkEnd, i0, iEnd, full, bytes, at] = [
    'i',
    'j',
    's',
    'ap',
    'bp',
    'chunk',
    'chunkEnd',
    'i0',
    'iEnd',
    'full',
    'bytes',
    'at',
  ].map((x) => r.get(x, 'i32'));
  // Steps in bytes, once.
  f.get(aStep).i32(4).i32Mul().set(aStep);
  f.get(bStep).i32(4).i32Mul().set(bStep);
  // out's rows = 0: the chunks below add to them.
  f.get(rows)
    .i32(4 * n)
    .i32Mul()
    .set(bytes);
  zeroBytes(f, out, bytes, at);
  const tile: ColumnTile = {
    f,
    r,
    a: ap,
    b: bp,
    accumulate: true,
    fused,
    loop: (step) => {
      // The chunk's first samples: a + chunk·aStep + i, b + chunk·bStep + j.
      f.get(a).get(chunk).get(aStep).i32Mul().i32Add().get(i).i32(4).i32Mul().i32Add().set(ap);
      f.get(b).get(chunk).get(bStep).i32Mul().i32Add().get(j).i32(4).i32Mul().i32Add().set(bp);
      f.get(chunk).set(s);
      f.block((exit) =>
        f.loop((top) => {
          f.get(s).get(chunkEnd).i32GeS().brIf(exit);
          step();
          f.increment(ap, aStep).increment(bp, bStep).increment(s, 1).br(top);
        }),
      );
    },
    splatOffset: (q) => 4 * q,
    outRowOffset: (q) => 4 * n * q,
    resultPointer: (op) => elementAddress(f, op, out, i, 4 * n, j),
  };
  const [rt, cv] = tiles.outer;
  const rowTile = (rows: number) => columnTiles(f, j, n, cv, (width) => columnTile(tile, rows, width));
  const rowsPerBlock = outerBlockRows - (outerBlockRows % rt);
  // The samples in chunks, each chunk run over rows [i, iEnd) of every tile.
  const overChunks = (rowTiles: () => void) => {
    f.i32(0).set(chunk);
    f.block((exit) =>
      f.loop((top) => {
        f.get(chunk).get(samples).i32GeS().brIf(exit);
        blockEnd(f, chunkEnd, chunk, outerChunk(m), samples);
        rowTiles();
        f.increment(chunk, outerChunk(m)).br(top);
      }),
    );
  };
  // Whole tiles of rt rows, a block of rows of out at a time: the block stays in L1 or L2 while
  // every chunk of samples adds into it.
  f.get(rows).i32(rt).i32DivU().i32(rt).i32Mul().set(full);
  f.i32(0).set(i0);
  f.block((allRows) =>
    f.loop((nextBlock) => {
      f.get(i0).get(full).i32GeS().brIf(allRows);
      blockEnd(f, iEnd, i0, rowsPerBlock, full);
      overChunks(() => {
        f.get(i0).set(i);
        f.block((exit) =>
          f.loop((top) => {
            f.get(i).get(iEnd).i32GeS().brIf(exit);
            rowTile(rt);
            f.increment(i, rt).br(top);
          }),
        );
      });
      f.increment(i0, rowsPerBlock).br(nextBlock);
    }),
  );
  // The rows after the whole tiles, fewer than rt.
  for (let left = 1; left < rt; left++)
    f.block((other) => {
      f.get(rows).get(full).i32Sub().i32(left).i32Ne().brIf(other);
      f.get(full).set(i);
      overChunks(() => rowTile(left));
    });
  return f;
}

/**
 * A GEMM kernel; `fused`: its multiply-adds as relaxed SIMD's f32x4.relaxed_madd, for engines that
 * have it, in the kernels where that pays. Measured in turns (Node 20 with relaxed SIMD on, this
 * machine): cols 44.5 → 47.1 GFLOP/s at 1024 × 256 and 18.7 → 23.4 at 4096 × 1024 (16 samples),
 * outer 32.4 → 34.4 and 25.2 → 28.0 (800 samples); but rows 49.3 → 45.2 (16 samples) and
 * 30.5 → 24.2 (one sample, 512 × 128): a \`rows\` tile's sums wait on one another, and the fused
 * instruction puts its whole latency on that chain where mul-then-add puts only the add's. So rows
 * stay unfused.
 */
export function gemmKernel(spec: GemmSpec, tiles: TileSizes = defaultTilesFor(spec), fused = false): FunctionBuilder {
  const name = gemmName(spec);
  switch (spec.kind) {
    case 'rows':
      return rowsKernel(name, spec.m, spec.k, tiles, false);
    case 'cols':
      return colsKernel(name, spec.k, spec.n, tiles, fused);
    case 'outer':
      return outerKernel(name, spec.m, spec.n, tiles, fused);
  }
}
