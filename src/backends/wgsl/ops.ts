/**
 * How each op becomes WGSL: one renderer per op, in one table typed over
 * every op kind, so an op without a renderer is a compile error. Every
 * renderer is a gather: the phase computes one element of the result from
 * whatever inputs it needs, so elements never race and need no atomics.
 */
import type { Node, OpKind } from '../../ir/graph.js';
import { numberAsConstant } from '../../ir/ops/sources.js';
import { lengthsKey } from '../../ir/lengths.js';
import { maskValues, rateOf, threshold } from '../../ir/ops/noise.js';
import { type Layout, layoutOf } from '../ts/layout.js';
import { absorbedOuter } from '../fusion.js';
import { leadOf, linear, sampleOf, type WgslEmitter } from './emit-graph.js';
import { f32, type HeldCode, type Phase, PhaseWriter, regionKey, u32, type WBuffer, type WValue } from './phase.js';
import { wgslComment } from '../comment-text.js';
import { renderScan } from './scan.js';
import { add, leadMonomial, type Poly, samePoly, scale, sizePoly, timeLength, toWgsl } from './poly.js';

type Renderer<K extends OpKind> = (e: WgslEmitter, node: Node<K>) => WValue;

const pointwise: Renderer<OpKind> = (e, node) => e.pointwise(node);

function lastAxis(l: Layout): number {
  return l.shape[l.shape.length - 1];
}

/** The number of lead positions of a layout, as WGSL. */
function leadCount(l: Layout): string {
  return toWgsl(new Map([[leadMonomial(l), 1]]));
}

/** A gather phase: `value(w)` is element i of the result (with l, j bound). */
function gather(e: WgslEmitter, node: Node, layout: Layout, value: (w: PhaseWriter) => string): WBuffer {
  const out = e.allocate(node, layout);
  e.phase(
    out,
    e.describe(node),
    (w) => {
      const v = value(w);
      w.line(`${w.at(out, 'i')} = ${v};`);
    },
    node.op,
  );
  return out;
}

/** A phase summing `terms` into element i: `terms(w)` writes its loop, adding to `acc`. */
function accumulate(
  e: WgslEmitter,
  node: Node,
  layout: Layout,
  terms: (w: PhaseWriter) => void,
  scaleBy?: string,
): WBuffer {
  const out = e.allocate(node, layout);
  e.phase(
    out,
    e.describe(node),
    (w) => {
      w.line('var acc = 0.0;');
      terms(w);
      w.line(`${w.at(out, 'i')} = acc${scaleBy ? ` * ${scaleBy}` : ''};`);
    },
    node.op,
  );
  return out;
}

/** Matrices of at least this many values get tiled GEMMs; smaller ones a thread per element. */
export const tiledFrom = 256;

/**
 * A GEMM tile: each thread computes `rows` rows of W for `samples` samples.
 * With `quads`, four threads in a row (a quad) compute the same rows for
 * consecutive blocks of samples, and share the values of W they load (see
 * quadGemm).
 */
export interface Tile {
  readonly rows: number;
  readonly samples: number;
  readonly quads?: boolean;
}

/** Threads a quad has: WGSL's quad operations exchange values among four invocations. */
export const quadSize = 4;

/**
 * W [m, k] times every sample's x [k], for all samples at once (the hoisted
 * input projection, the recurrent product): each thread computes a tile of
 * rows × samples (8 × 8 by default), so each value it loads serves eight
 * multiply-adds. With quads, the tile's loads of W are shared (quadGemm).
 */
function rowsGemm(e: WgslEmitter, node: Node, a: WBuffer, b: WBuffer, out: Layout): WBuffer {
  const wanted = e.inLoop ? e.ctx.stepTile : e.ctx.tile;
  if (a.cached && wanted.quads)
    throw new Error('quad-shared GEMMs read W from mem, not from a persistent kernel’s cache');
  const [m] = a.layout.shape;
  // With quads, no more rows a thread than W has.
  const tile = wanted.quads ? { ...wanted, rows: Math.min(wanted.rows, m) } : wanted;
  const result = e.allocate(node, out);
  const rows = plainRows(m, tile.rows);
  const what = e.describe(node);
  e.phase(
    result,
    `${what} (${tileComment(tile)})`,
    (w) => {
      tileProduct(w, a, b, tile, rows, leadCount(out));
      storeTile(w, w.offset(result), m, tile);
    },
    node.op,
    tileThreads(tile, rows),
    false,
    (name) => ({
      held: heldGemm(e, a, b, result, out, what)?.(name),
      sums: { region: regionKey(result), rows: m },
      ...(e.inLoop
        ? { gated: (units, consumer) => gatedTile(a, b, tile, leadCount(out), name, what, units, consumer) }
        : {}),
    }),
  );
  return result;
}

function tileComment(tile: Tile): string {
  const samples = `${tile.samples} ${tile.samples === 1 ? 'sample' : 'samples'}`;
  return `${tile.rows} rows × ${samples} a thread${tile.quads ? `, ${quadSize} threads sharing each row` : ''}`;
}

/**
 * Which of W's rows a tile computes: tiles start every `stride` rows (or
 * units), the start bound as `row`, and row r of the tile is W's row `at(r)`
 * (a WGSL term, clamped inside W).
 */
interface TileRows {
  readonly blocks: number;
  readonly stride: number;
  readonly at: (r: number) => string;
}

/** Tiles of consecutive rows: row r of the tile is W's row `row + r`. */
function plainRows(m: number, rows: number): TileRows {
  return {
    blocks: Math.ceil(m / rows),
    stride: rows,
    at: (r) => (r === 0 ? 'row' : `min(row + ${u32(r)}, ${u32(m - 1)})`),
  };
}

/**
 * Tiles by unit: W's m rows are n gates of `units` rows each (an LSTM's i,
 * f, g, o), and a tile of n·U rows holds the n gates' rows of units
 * `row` … `row` + U − 1: its row c·U + u is W's row c·units + row + u.
 * Undefined where the rows are not whole gates or a tile has fewer rows than gates.
 */
function unitRows(m: number, units: number, rows: number): (TileRows & { readonly gates: number }) | undefined {
  const gates = m / units;
  if (!Number.isInteger(gates) || gates > rows) return undefined;
  // As many units a tile as fit, or down to three quarters of that where fewer are computed past the last
  // unit (a GRU's 3 gates of 256 units: 8 units of 24 rows, not 10 units of 30, 260 units' worth).
  const most = Math.floor(rows / gates);
  const candidates = [...Array(most - Math.ceil((3 * most) / 4) + 1).keys()].map((d) => most - d);
  const computed = (U: number) => Math.ceil(units / U) * U;
  const U = candidates.reduce((best, U) => (computed(U) < computed(best) ? U : best));
  const at = (r: number) => {
    const [c, u] = [Math.floor(r / U), r % U];
    const unit = u === 0 ? 'row' : `min(row + ${u32(u)}, ${u32(units - 1)})`;
    return c === 0 ? unit : `(${u32(c * units)} + ${unit})`;
  };
  return { blocks: Math.ceil(units / U), stride: U, at, gates };
}

/** The threads of a tiled GEMM: a thread a tile, quads of four threads over consecutive blocks of samples. */
function tileThreads(tile: Tile, rows: TileRows): Phase['blocks'] & { readonly quads?: boolean } {
  return tile.quads
    ? { divisor: tile.samples * quadSize, factor: rows.blocks * quadSize, quads: true }
    : { divisor: tile.samples, factor: rows.blocks };
}

/**
 * A thread's tile of sums, acc<s>_<r> for its samples s and rows r: binds
 * `row` and `sample` and runs the loop over k, each thread loading its own
 * values or, with quads, sharing them (quadGemm).
 */
function tileProduct(w: PhaseWriter, a: WBuffer, b: WBuffer, tile: Tile, rows: TileRows, samples: string): void {
  const [W, x] = [w.offset(a), w.offset(b)];
  const k = a.layout.shape[1];
  const [wa, xa] = [w.array(a), w.array(b)];
  if (tile.quads) {
    w.line(`let q = i % ${u32(quadSize)};`);
    w.line(`let quad = i / ${u32(quadSize)};`);
    w.line(`let row = quad % ${u32(rows.blocks)} * ${u32(rows.stride)};`);
    w.line(`let sample = (quad / ${u32(rows.blocks)} * ${u32(quadSize)} + q) * ${u32(tile.samples)};`);
  } else {
    w.line(`let row = i % ${u32(rows.blocks)} * ${u32(rows.stride)};`);
    w.line(`let sample = i / ${u32(rows.blocks)} * ${u32(tile.samples)};`);
  }
  tileSetup(w, W, x, k, tile, rows, samples);
  if (tile.quads) quadGemm(w, tile, wa, xa, k);
  else {
    w.line(`for (var p = 0u; p < ${u32(k)}; p++) {`);
    loadAndMultiply(w, tile, wa, xa, 'p');
    w.line('}');
  }
}

/**
 * The recurrent product of a persistent kernel's time loop with W held in
 * the threads' private memory, loaded once before the loop: quad `n` of the
 * workgroup computes rows n·R … n·R + R − 1 and its thread q the columns
 * q·C … q·C + C − 1 of them, so a step loads only C values of x a sample
 * and thread, and the quad adds its four partial sums with quadSwapX and
 * quadSwapY. On SwiftShader, where every load at a run-time index is a
 * per-lane gather and a private array read at a constant index is not, the
 * time loop of lstm-small-latency (W 512 × 128 over 64 threads: 1,024
 * values a thread) took about a third of the time the tiled GEMM took
 * (docs/benchmarks.md). Undefined (the tiled GEMM alone) where the kernel
 * is not persistent, W changes in the loop or is more than each thread may hold.
 * It also offers its rows taken by unit (gatedHeldGemm), which gates.ts uses
 * where the gates after it can be computed from the sums in hand.
 */
function heldGemm(e: WgslEmitter, a: WBuffer, b: WBuffer, result: WBuffer, out: Layout, what: string) {
  const hold = e.ctx.hold;
  if (!e.inLoop || !hold || !a.invariant || hold.threads % quadSize !== 0) return undefined;
  const [m, k] = a.layout.shape;
  const quads = hold.threads / quadSize;
  const R = Math.ceil(m / quads);
  const C = Math.ceil(k / quadSize);
  if (R * C > hold.floats) return undefined;
  return (name: string): Phase['held'] => {
    const samples = leadCount(out);
    const plain = heldProduct(a, b, name, R, C, (quad, r) => `${quad} * ${u32(R)} + ${r}`);
    const w = plain.writer;
    const o = w.offset(result);
    w.line('if (q == 0u) {');
    for (let r = 0; r < R; r++) {
      const store = `mem[${o} + s * ${u32(m)} + quad * ${u32(R)} + ${u32(r)}] = acc${r};`;
      w.line(R * quads === m ? `  ${store}` : `  if (quad * ${u32(R)} + ${u32(r)} < ${u32(m)}) { ${store} }`);
    }
    w.line('}');
    return {
      ...heldFunctions(plain, name, `${what} (${plain.comment})`, samples),
      gated: (units, consumer) => gatedHeldGemm(a, b, samples, name, what, quads, units, consumer, hold.floats),
    };
  };
}

/**
 * A held product's functions: NAME_sample(i, t, s), the step of one
 * sample, and NAME(i, t), which runs it for every sample. A persistent
 * kernel whose time loop is nothing but held products runs each sample's
 * steps in turn and calls the first (persistentBody in kernels.ts).
 */
function heldFunctions(product: HeldProduct, name: string, comment: string, samples: string): HeldCode {
  const sample = `${name}_sample`;
  const { code } = product.writer.render(sample, [`${comment}: the step of sample s`], 1, ', s: u32');
  const each = [
    `// ${wgslComment(comment)}: the step of every sample.`,
    `fn ${name}(i: u32, t: u32) {`,
    `  for (var s = 0u; s < ${samples}; s++) {`,
    `    ${sample}(i, t, s);`,
    '  }',
    '}',
  ];
  return {
    code: [...product.loader, code].join('\n'),
    load: product.load,
    bySample: { name: sample, samples },
    everySample: each.join('\n'),
  };
}

interface HeldProduct {
  readonly loader: readonly string[];
  readonly load: string;
  readonly writer: PhaseWriter;
  readonly comment: string;
}

/**
 * The part of a held GEMM that loads W before the loop and computes a
 * step's sums: quad `quad` holds R rows (row r of them is W's row
 * `rowOf(quad, r)`, as WGSL) and its thread q the columns q·C … q·C + C − 1;
 * after the quad's swaps every thread of it has the R whole sums of sample
 * `s`, acc0 … acc(R−1).
 */
function heldProduct(
  a: WBuffer,
  b: WBuffer,
  name: string,
  R: number,
  C: number,
  rowOf: (quad: string, r: string) => string,
): HeldProduct {
  const [m, k] = a.layout.shape;
  const values = `${name}_w`;
  const load = `${name}_hold`;
  const rows = [...Array(R).keys()];
  const cols = [...Array(C).keys()];
  const w = new PhaseWriter();
  // Columns past k: thread 3's last ones where k is not a multiple of 4. Both W and x read 0 there.
  const inside = (c: number) => (quadSize - 1) * C + c < k;
  const column = (c: number) => (inside(c) ? `col + ${u32(c)}` : `min(col + ${u32(c)}, ${u32(k - 1)})`);
  const loader = [
    `var<private> ${values}: array<f32, ${R * C}>;`,
    `// Loads the values of W this thread holds: ${R} rows × ${C} columns.`,
    `fn ${load}(i: u32) {`,
    `  let W = ${a.base}; // ${wgslComment(a.label)}`,
    `  let quad = i / ${u32(quadSize)};`,
    `  let col = i % ${u32(quadSize)} * ${u32(C)};`,
    `  for (var r = 0u; r < ${u32(R)}; r++) {`,
    `    let start = W + min(${rowOf('quad', 'r')}, ${u32(m - 1)}) * ${u32(k)};`,
    `    for (var c = 0u; c < ${u32(C)}; c++) {`,
    `      ${values}[r * ${u32(C)} + c] = select(0.0, ${w.array(a)}[start + min(col + c, ${u32(k - 1)})], col + c < ${u32(k)});`,
    '    }',
    '  }',
    '}',
  ];
  const x = w.offset(b);
  w.line(`let q = i % ${u32(quadSize)};`);
  w.line(`let quad = i / ${u32(quadSize)};`);
  w.line(`let col = q * ${u32(C)};`);
  w.line(`let xs = ${x} + s * ${u32(k)};`);
  for (const c of cols) {
    const value = `${w.array(b)}[xs + ${column(c)}]`;
    w.line(`let u${c} = ${inside(c) ? value : `select(0.0, ${value}, col + ${u32(c)} < ${u32(k)})`};`);
  }
  for (const r of rows) {
    w.line(`var acc${r} = ${values}[${u32(r * C)}] * u0;`);
    for (const c of cols.slice(1)) w.line(`acc${r} += ${values}[${u32(r * C + c)}] * u${c};`);
    w.line(`acc${r} += quadSwapX(acc${r});`);
    w.line(`acc${r} += quadSwapY(acc${r});`);
  }
  const comment = `W held in private memory, ${R} rows × ${C} columns a thread, ${quadSize} threads sharing each row`;
  return { loader, load, writer: w, comment };
}

/**
 * A held GEMM whose sums go straight into the elementwise phase after it
 * (see gates.ts): W's m rows are n gates of `units` rows each (an LSTM's
 * i, f, g, o), and quad `quad` holds the n gates' rows of units
 * quad·U … quad·U + U − 1. After the swaps every thread of the quad has all
 * of them, and thread q computes the phase's elements of units q, q + 4, …
 * of its quad, calling `consumer(i, t, g0, …)` with the gates' sums. So
 * the sums are never stored, and a step is one phase and one barrier.
 * Undefined where the rows do not fit what a thread may hold.
 */
function gatedHeldGemm(
  a: WBuffer,
  b: WBuffer,
  samples: string,
  name: string,
  what: string,
  quads: number,
  units: number,
  consumer: string,
  floats: number,
): HeldCode | undefined {
  const [m, k] = a.layout.shape;
  const n = m / units;
  const U = Math.ceil(units / quads);
  const R = n * U;
  const C = Math.ceil(k / quadSize);
  if (!Number.isInteger(n) || R * C > floats) return undefined;
  const product = heldProduct(a, b, name, R, C, (quad, r) => {
    // Row r of the quad: gate r / U of unit quad·U + r % U (clamped past the last unit; its sums go unused).
    const unit = `min(${quad} * ${u32(U)} + ${r} % ${u32(U)}, ${u32(units - 1)})`;
    return `${r} / ${u32(U)} * ${u32(units)} + ${unit}`;
  });
  const w = product.writer;
  const gates = [...Array(n).keys()];
  for (let v = 0; v < Math.ceil(U / quadSize); v++) {
    const first = v * quadSize;
    // The sum of gate c for this thread's unit (first + q): thread q picks acc(c·U + first + q).
    const sum = (c: number) => {
      const pick = (lane: number) => (first + lane < U ? `acc${c * U + first + lane}` : '0.0');
      let chosen = pick(0);
      for (let lane = 1; lane < quadSize; lane++) chosen = `select(${chosen}, ${pick(lane)}, q == ${u32(lane)})`;
      return chosen;
    };
    w.line('{');
    w.line(`  let unit = quad * ${u32(U)} + ${u32(first)} + q;`);
    const guards = [
      ...(first + quadSize > U ? [`${u32(first)} + q < ${u32(U)}`] : []),
      ...(quads * U > units ? [`unit < ${u32(units)}`] : []),
    ];
    const call = `${consumer}(s * ${u32(units)} + unit, t, ${gates.map(sum).join(', ')});`;
    w.line(guards.length > 0 ? `  if (${guards.join(' && ')}) { ${call} }` : `  ${call}`);
    w.line('}');
  }
  const comment = `${what} (${product.comment}; rows by unit, ${n} gates of ${U} units a quad, each thread's units computed on)`;
  return heldFunctions(product, name, comment, samples);
}

/** The row and sample offsets of a tile and its sums (`row`, `sample` bound): past the edges, loads repeat the last row or sample. */
function tileSetup(w: PhaseWriter, W: string, x: string, k: number, tile: Tile, rows: TileRows, samples: string): void {
  w.line(`let last = ${samples} - 1u;`);
  for (let r = 0; r < tile.rows; r++) w.line(`let w${r} = ${W} + ${rows.at(r)} * ${u32(k)};`);
  for (let s = 0; s < tile.samples; s++) w.line(`let x${s} = ${x} + min(sample + ${u32(s)}, last) * ${u32(k)};`);
  // One scalar sum per row and sample: on SwiftShader, sums of four rows in a vec4 took a quarter more time.
  for (let s = 0; s < tile.samples; s++) for (let r = 0; r < tile.rows; r++) w.line(`var acc${s}_${r} = 0.0;`);
}

function multiplyAdd(w: PhaseWriter, tile: Tile, row: (r: number) => string, sample: (s: number) => string): void {
  for (let s = 0; s < tile.samples; s++)
    for (let r = 0; r < tile.rows; r++) w.line(`  acc${s}_${r} += ${row(r)} * ${sample(s)};`);
}

/** One step `p` of k of a tile: its rows' values of W and its samples' values of x, then the multiply-adds. */
function loadAndMultiply(w: PhaseWriter, tile: Tile, wa: string, xa: string, p: string): void {
  for (let r = 0; r < tile.rows; r++) w.line(`  let v${r} = ${wa}[w${r} + ${p}];`);
  for (let s = 0; s < tile.samples; s++) w.line(`  let u${s} = ${xa}[x${s} + ${p}];`);
  multiplyAdd(
    w,
    tile,
    (r) => `v${r}`,
    (s) => `u${s}`,
  );
}

/** Stores the sums of a tile's samples and rows that lie inside the result. */
function storeTile(w: PhaseWriter, o: string, m: number, tile: Tile): void {
  for (let s = 0; s < tile.samples; s++) {
    w.line(`if (sample + ${u32(s)} <= last) {`);
    for (let r = 0; r < tile.rows; r++) {
      const store = `mem[${o} + (sample + ${u32(s)}) * ${u32(m)} + row + ${u32(r)}] = acc${s}_${r};`;
      w.line(m % tile.rows === 0 ? `  ${store}` : `  if (row + ${u32(r)} < ${u32(m)}) { ${store} }`);
    }
    w.line('}');
  }
}

/**
 * A tiled GEMM that computes the gates after it (see gates.ts): its tiles'
 * rows are taken by unit (unitRows), so a thread has every gate's sum of
 * its U units for each of its samples, and it calls `consumer(i, t, g0, …)`
 * for each of those elements instead of storing the sums. A step's product
 * and gates are then one phase: one dispatch a step, or one barrier in a
 * persistent kernel. Undefined where the rows do not split into gates.
 */
function gatedTile(
  a: WBuffer,
  b: WBuffer,
  wanted: Tile,
  samples: string,
  name: string,
  what: string,
  units: number,
  consumer: string,
): { code: string; blocks: NonNullable<Phase['blocks']> } | undefined {
  const [m] = a.layout.shape;
  const rows = unitRows(m, units, wanted.rows);
  if (!rows) return undefined;
  const U = rows.stride;
  const tile = { ...wanted, rows: rows.gates * U };
  const w = new PhaseWriter();
  tileProduct(w, a, b, tile, rows, samples);
  const gates = [...Array(rows.gates).keys()];
  for (let s = 0; s < tile.samples; s++) {
    w.line(`if (sample + ${u32(s)} <= last) {`);
    for (let u = 0; u < U; u++) {
      const sums = gates.map((c) => `acc${s}_${c * U + u}`).join(', ');
      const call = `${consumer}((sample + ${u32(s)}) * ${u32(units)} + row + ${u32(u)}, t, ${sums});`;
      w.line(units % U === 0 ? `  ${call}` : `  if (row + ${u32(u)} < ${u32(units)}) { ${call} }`);
    }
    w.line('}');
  }
  const comment = `${tileComment(tile)}; rows by unit, ${rows.gates} gates of ${U} units a tile, the gates computed on`;
  const { code } = w.render(name, [`${what} (${comment})`], 1);
  const { divisor, factor } = tileThreads(tile, rows);
  return { code, blocks: { divisor, factor } };
}

/**
 * The loop over k of a tile whose loads of W a quad shares: its four
 * threads compute the same rows for four consecutive blocks of samples,
 * and for every four steps of k, thread q loads W[row, p + q] of each row
 * and takes the other three values from its neighbours (quadBroadcast). On
 * SwiftShader, where a GEMM is bound by its loads (each a per-lane gather),
 * a 16 × 4 tile so shared loads 8 values for 64 multiply-adds, where an
 * unshared 8 × 8 tile loads 16: the input projection of lstm-medium ran
 * 1.8× as fast, its recurrent product 1.3×; 32 × 4 (12 loads for 128) was
 * faster still on every benchmark workload, though its sums no longer fit
 * in registers (docs/benchmarks.md).
 *
 * The exchange lives in the kernel's helpers quadRow0–3: the kernel built
 * for devices with subgroups broadcasts, the one for devices without them
 * loads each value itself, with the same threads and the same sums.
 */
function quadGemm(w: PhaseWriter, tile: Tile, wa: string, xa: string, k: number): void {
  const whole = k - (k % quadSize);
  const rows = [...Array(tile.rows).keys()];
  const range = [...Array(tile.samples).keys()];
  const steps = [...Array(quadSize).keys()];
  if (whole > 0) {
    w.line(`for (var p = 0u; p < ${u32(whole)}; p += ${u32(quadSize)}) {`);
    for (const r of rows) w.line(`  let c${r} = ${wa}[w${r} + p + q];`);
    for (const j of steps) {
      for (const r of rows) w.line(`  let v${r}_${j} = quadRow${j}(c${r}, w${r} + p + ${u32(j)});`);
      for (const s of range) w.line(`  let u${s}_${j} = ${xa}[x${s} + p + ${u32(j)}];`);
      multiplyAdd(
        w,
        tile,
        (r) => `v${r}_${j}`,
        (s) => `u${s}_${j}`,
      );
    }
    w.line('}');
  }
  // The last k mod 4 steps: each thread loads its own values.
  for (let p = whole; p < k; p++) {
    w.line('{');
    loadAndMultiply(w, tile, wa, xa, u32(p));
    w.line('}');
  }
}
/**
 * Every sample's v [k] times W [k, n] (the products of backpropagation):
 * each thread computes 4 columns for 4 samples.
 */
function colsGemm(e: WgslEmitter, node: Node, a: WBuffer, b: WBuffer, out: Layout): WBuffer {
  const [k, n] = b.layout.shape;
  const quad = 4;
  const colBlocks = Math.ceil(n / quad);
  const result = e.allocate(node, out);
  const range = [...Array(quad).keys()];
  e.phase(
    result,
    `${e.describe(node)} (${quad} columns × ${quad} samples a thread)`,
    (w) => {
      const o = w.offset(result);
      w.line(`let col = i % ${u32(colBlocks)} * ${u32(quad)};`);
      w.line(`let sample = i / ${u32(colBlocks)} * ${u32(quad)};`);
      w.line(`let last = ${leadCount(out)} - 1u;`);
      w.line(`let lanes = vec4<u32>(${range.map((c) => `min(col + ${u32(c)}, ${u32(n - 1)})`).join(', ')});`);
      for (const s of range) w.line(`let v${s} = ${w.offset(a)} + min(sample + ${u32(s)}, last) * ${u32(k)};`);
      for (const s of range) w.line(`var acc${s} = vec4<f32>();`);
      w.line(`for (var p = 0u; p < ${u32(k)}; p++) {`);
      w.line(`  let row = p * ${u32(n)};`);
      w.line(`  let u = vec4<f32>(${range.map((c) => w.at(b, `row + lanes.${'xyzw'[c]}`)).join(', ')});`);
      for (const s of range) w.line(`  acc${s} += ${w.array(a)}[v${s} + p] * u;`);
      w.line('}');
      for (const s of range) {
        w.line(`if (sample + ${u32(s)} <= last) {`);
        for (const c of range) {
          const store = `mem[${o} + (sample + ${u32(s)}) * ${u32(n)} + col + ${u32(c)}] = acc${s}[${c}];`;
          w.line(n % quad === 0 ? `  ${store}` : `  if (col + ${u32(c)} < ${u32(n)}) { ${store} }`);
        }
        w.line('}');
      }
    },
    node.op,
    { divisor: quad, factor: colBlocks },
  );
  return result;
}

const matmul: Renderer<'matmul'> = (e, node) => {
  const [a, b] = [e.buffer(node, 0), e.buffer(node, 1)];
  const out = e.layout(node.id);
  const noLead = (l: Layout) => l.time === null && !l.batch;
  // Tiles pay for their larger code only on matrices of some size (SwiftShader compiles per kernel).
  const big = (l: Layout) => l.sample >= tiledFrom;
  if (a.layout.shape.length === 2 && b.layout.shape.length === 1 && noLead(a.layout) && big(a.layout))
    return rowsGemm(e, node, a, b, out);
  if (
    a.layout.shape.length === 1 &&
    b.layout.shape.length === 2 &&
    noLead(b.layout) &&
    big(b.layout) &&
    leadOf(a.layout, out, 'l') === 'l'
  )
    return colsGemm(e, node, a, b, out);
  // Per sample, numpy's rules: a [m, k] or [k] (m = 1), b [k, n] or [k] (n = 1).
  const [, k] = a.layout.shape.length === 2 ? a.layout.shape : [1, a.layout.shape[0]];
  const n = b.layout.shape.length === 2 ? b.layout.shape[1] : 1;
  return accumulate(e, node, out, (w) => {
    const row = n === 1 ? 'j' : `j / ${u32(n)}`;
    const col = n === 1 ? '0u' : `j % ${u32(n)}`;
    w.line(`let ao = ${linear(leadOf(a.layout, out, 'l'), a.layout.sample, linear(row, k))};`);
    w.line(`let bo = ${linear(leadOf(b.layout, out, 'l'), b.layout.sample, col)};`);
    w.line(`for (var p = 0u; p < ${u32(k)}; p++) {`);
    w.line(`  acc += ${w.at(a, 'ao + p')} * ${w.at(b, n === 1 ? 'bo + p' : `bo + p * ${u32(n)}`)};`);
    w.line('}');
  });
};

/**
 * Element i of a value summed down to `out` from `x` (laid out as `source`):
 * loops over the lead positions and sample positions of `x` that broadcast to it.
 */
function sumDown(w: PhaseWriter, source: Layout, out: Layout, element: (l: string, j: string) => string): void {
  // Lead positions of the source that map to lead l of the result.
  let leads: { loop: string; index: string } | undefined;
  if (out.time === source.time && out.batch === source.batch) leads = undefined;
  else if (out.time === null && !out.batch) leads = { loop: leadCount(source), index: 'q' };
  else if (out.batch && out.time === null)
    leads = { loop: leadCount({ ...source, batch: false }), index: 'q * dims.B + l' };
  else leads = { loop: 'dims.B', index: `l * dims.B + q` };
  const sameSample = out.shape.length === source.shape.length && out.shape.every((d, k) => d === source.shape[k]);
  const open: string[] = [];
  if (leads) open.push(`for (var q = 0u; q < ${leads.loop}; q++) {`);
  const lx = leads ? leads.index : 'l';
  if (sameSample) {
    w.line([...open, `acc += ${element(lx, 'j')};`, ...open.map(() => '}')].join(' '));
    return;
  }
  // Sample positions of the source that broadcast to sample j of the result.
  const map = sampleOf(out, source, 'r');
  w.line(
    [
      ...open,
      `for (var r = 0u; r < ${u32(source.sample)}; r++) {`,
      `if (${map} == j) { acc += ${element(lx, 'r')}; }`,
      '}',
      ...open.map(() => '}'),
    ].join(' '),
  );
}

/**
 * Σ over every sample of outer(a, b) [m, n]: a weight gradient. Each thread
 * sums a 4 × 4 tile over the samples, so each value it loads serves four
 * multiply-adds.
 */
function weightGradient(e: WgslEmitter, node: Node, a: WBuffer, b: WBuffer, product: Layout, out: Layout): WBuffer {
  const [m, n] = product.shape;
  const quad = 4;
  const [rowBlocks, colBlocks] = [Math.ceil(m / quad), Math.ceil(n / quad)];
  const result = e.allocate(node, out);
  const range = [...Array(quad).keys()];
  e.phase(
    result,
    `${e.describe(node)} (Σ over samples of outer products, ${quad} × ${quad} a thread)`,
    (w) => {
      const o = w.offset(result);
      w.line(`let row = i / ${u32(colBlocks)} * ${u32(quad)};`);
      w.line(`let col = i % ${u32(colBlocks)} * ${u32(quad)};`);
      // Past the edges, loads repeat the last row or column and their sums are not stored.
      for (const r of range) w.line(`let r${r} = min(row + ${u32(r)}, ${u32(m - 1)});`);
      w.line(`let lanes = vec4<u32>(${range.map((c) => `min(col + ${u32(c)}, ${u32(n - 1)})`).join(', ')});`);
      for (const r of range) w.line(`var acc${r} = vec4<f32>();`);
      w.line(`for (var q = 0u; q < ${leadCount(product)}; q++) {`);
      w.line(`  let ao = ${linear(leadOf(a.layout, product, 'q'), a.layout.sample)};`);
      w.line(`  let bo = ${linear(leadOf(b.layout, product, 'q'), b.layout.sample)};`);
      w.line(`  let v = vec4<f32>(${range.map((c) => w.at(b, `bo + lanes.${'xyzw'[c]}`)).join(', ')});`);
      for (const r of range) w.line(`  acc${r} += ${w.at(a, `ao + r${r}`)} * v;`);
      w.line('}');
      for (const r of range)
        for (const c of range) {
          const store = `mem[${o} + (row + ${u32(r)}) * ${u32(n)} + col + ${u32(c)}] = acc${r}[${c}];`;
          const guards = [
            ...(m % quad === 0 ? [] : [`row + ${u32(r)} < ${u32(m)}`]),
            ...(n % quad === 0 ? [] : [`col + ${u32(c)} < ${u32(n)}`]),
          ];
          w.line(guards.length === 0 ? store : `if (${guards.join(' && ')}) { ${store} }`);
        }
    },
    node.op,
    { divisor: 1, factor: rowBlocks * colBlocks },
  );
  return result;
}

const unbroadcast: Renderer<'unbroadcast'> = (e, node) => {
  const out = layoutOf(node.attrs.type, e.ctx.sizes);
  const source = e.graph.nodes[node.inputs[0]];
  if (absorbedOuter(e.graph, source.id)) {
    // Σ over samples of outer(a, b): a weight gradient, without building the products.
    const [a, b] = [e.buffer(source, 0), e.buffer(source, 1)];
    const product = e.layout(source.id);
    if (out.time === null && !out.batch && out.sample >= tiledFrom) return weightGradient(e, node, a, b, product, out);
    const n = product.shape[1];
    return accumulate(e, node, out, (w) =>
      sumDown(
        w,
        product,
        out,
        (l, j) =>
          `${w.at(a, linear(leadOf(a.layout, product, l), a.layout.sample, `${j} / ${u32(n)}`))} * ${w.at(b, linear(leadOf(b.layout, product, l), b.layout.sample, `${j} % ${u32(n)}`))}`,
      ),
    );
  }
  const x = e.buffer(node, 0);
  // Each a product of sizes: divided as wholes (a / b * c would read as (a / b) · c).
  const ratio = node.attrs.mean ? `(f32(${toWgsl(sizePoly(out))}) / f32(${toWgsl(sizePoly(x.layout))}))` : undefined;
  return accumulate(
    e,
    node,
    out,
    (w) => sumDown(w, x.layout, out, (l, j) => w.at(x, linear(l, x.layout.sample, j))),
    ratio,
  );
};

const broadcastTo: Renderer<'broadcast_to'> = (e, node) => {
  const out = layoutOf(node.attrs.type, e.ctx.sizes);
  const x = e.buffer(node, 0);
  const copies = node.attrs.mean ? ` * (f32(${toWgsl(sizePoly(x.layout))}) / f32(${toWgsl(sizePoly(out))}))` : '';
  return gather(e, node, out, (w) => `${e.read(w, x, out, 'l', 'j')}${copies}`);
};

const sumLast =
  (mean: boolean): Renderer<'sum' | 'mean'> =>
  (e, node) => {
    const x = e.buffer(node, 0);
    const n = lastAxis(x.layout);
    return accumulate(
      e,
      node,
      e.layout(node.id),
      (w) => w.line(`for (var c = 0u; c < ${u32(n)}; c++) { acc += ${w.at(x, `i * ${u32(n)} + c`)}; }`),
      mean ? f32(1 / n) : undefined,
    );
  };

const extremeLast =
  (largest: boolean): Renderer<'reduce_max' | 'reduce_min'> =>
  (e, node) => {
    const x = e.buffer(node, 0);
    const n = lastAxis(x.layout);
    const pick = largest ? 'max' : 'min';
    return gather(e, node, e.layout(node.id), (w) => {
      w.line(`var best = ${w.at(x, `i * ${u32(n)}`)};`);
      w.line(`for (var c = 1u; c < ${u32(n)}; c++) { best = ${pick}(best, ${w.at(x, `i * ${u32(n)} + c`)}); }`);
      return 'best';
    });
  };

const eye: Renderer<'eye'> = (e, node) => {
  const n = node.attrs.size.evaluate(e.ctx.sizes);
  return gather(e, node, e.layout(node.id), () => `select(0.0, 1.0, i / ${u32(n)} == i % ${u32(n)})`);
};

/** A token id as a row index, clamped into the table: ids are checked on the host before they get here. */
function tokenRow(id: string, rows: number): string {
  return `min(u32(max(${id}, 0.0)), ${u32(rows - 1)})`;
}

const gatherRows: Renderer<'gather_rows'> = (e, node) => {
  const table = e.buffer(node, 0);
  const ids = e.buffer(node, 1);
  const out = e.layout(node.id);
  const [rows, width] = table.layout.shape;
  return gather(e, node, out, (w) =>
    w.at(table, `${tokenRow(e.read(w, ids, out, 'l', 'j'), rows)} * ${u32(width)} + j`),
  );
};

/**
 * The sparse update as a gather: each element of the table's gradient sums the adjoints of
 * the lookups that picked its row (WGSL has no atomic float adds). Its work is rows × width ×
 * lookups, fine for the vocabularies of characters and phonemes, slow for large ones.
 */
const scatterRows: Renderer<'scatter_rows'> = (e, node) => {
  const g = e.buffer(node, 0);
  const ids = e.buffer(node, 1);
  const out = e.layout(node.id);
  const width = out.shape[1];
  return accumulate(e, node, out, (w) =>
    w.line(
      `for (var q = 0u; q < ${leadCount(g.layout)}; q++) { if (${tokenRow(w.at(ids, 'q'), out.shape[0])} == i / ${u32(width)}) { acc += ${w.at(g, `q * ${u32(width)} + i % ${u32(width)}`)}; } }`,
    ),
  );
};

const oneHot: Renderer<'one_hot'> = (e, node) => {
  const ids = e.buffer(node, 0);
  const out = e.layout(node.id);
  return gather(e, node, out, (w) => `select(0.0, 1.0, f32(j) == ${e.read(w, ids, out, 'l', 'j')})`);
};

/**
 * A dropout or zoneout mask, drawn as the interpreter draws it (ops/noise.ts): u32 arithmetic
 * wraps as JavaScript's Math.imul does, so a seed gives the same mask, bit for bit.
 */
const randomMask: Renderer<'random_mask'> = (e, node) => {
  const noise = e.buffer(node, 0);
  const position = e.buffer(node, 1);
  const out = e.layout(node.id);
  const { salt, kind } = node.attrs;
  const p = rateOf(kind, node.attrs.p, e.ctx.sizes);
  const values = maskValues(kind, p);
  // The step s a lead position is at, and the element's place within its step.
  const [step, index] =
    out.time === null ? ['0u', 'i'] : out.batch ? ['l / dims.B', `(l % dims.B) * ${u32(out.sample)} + j`] : ['l', 'j'];
  return gather(e, node, out, (w) => {
    const at = w.at(position, position.layout.time === null ? '0u' : step);
    const hit = `rnnc_hit(${w.at(noise, '1u')}, ${u32(salt)}, ${at}, ${index}, ${u32(threshold(p))})`;
    return `select(${f32(values.eval)}, select(${f32(values.miss)}, ${f32(values.hit)}, ${hit}), ${w.at(noise, '0u')} != 0.0)`;
  });
};

const timeMax: Renderer<'time_max'> = (e, node) => {
  const x = e.buffer(node, 0);
  const out = e.layout(node.id);
  const step = toWgsl(sizePoly(out));
  return gather(e, node, out, (w) => {
    w.line(`var best = ${w.at(x, 'i')};`);
    w.line(
      `for (var t = 1u; t < ${timeLength(x.layout.time as string)}; t++) { best = max(best, ${w.at(x, `t * ${step} + i`)}); }`,
    );
    return 'best';
  });
};

const positions: Renderer<'positions'> = (e, node) => {
  const out = e.layout(node.id);
  return gather(e, node, out, () => (node.attrs.count ? `f32(${timeLength(out.time as string)})` : 'f32(i)'));
};

const softmax =
  (log: boolean): Renderer<'softmax' | 'log_softmax'> =>
  (e, node) => {
    const x = e.buffer(node, 0);
    const n = lastAxis(x.layout);
    return gather(e, node, e.layout(node.id), (w) => {
      // Each element finds its row's maximum and sum itself: rows are short (classes).
      w.line(`let row = i / ${u32(n)} * ${u32(n)};`);
      w.line(`var top = ${w.at(x, 'row')};`);
      w.line(`for (var c = 1u; c < ${u32(n)}; c++) { top = max(top, ${w.at(x, 'row + c')}); }`);
      w.line('var total = 0.0;');
      w.line(`for (var c = 0u; c < ${u32(n)}; c++) { total += exp(${w.at(x, 'row + c')} - top); }`);
      return log ? `${w.at(x, 'i')} - top - log(total)` : `exp(${w.at(x, 'i')} - top) / total`;
    });
  };

const expandLast: Renderer<'expand_last'> = (e, node) => {
  const x = e.buffer(node, 0);
  const n = node.attrs.size.evaluate(e.ctx.sizes);
  return gather(
    e,
    node,
    e.layout(node.id),
    (w) => `${w.at(x, `i / ${u32(n)}`)}${node.attrs.mean ? ` * ${f32(1 / n)}` : ''}`,
  );
};

const padLast: Renderer<'pad_last'> = (e, node) => {
  const x = e.buffer(node, 0);
  const out = e.layout(node.id);
  const [n, N] = [lastAxis(x.layout), lastAxis(out)];
  const before = node.attrs.before.evaluate(e.ctx.sizes);
  return gather(e, node, out, (w) => {
    w.line(`let c = i % ${u32(N)};`);
    w.line(`let inside = c >= ${u32(before)} && c < ${u32(before + n)};`);
    return `select(0.0, ${w.at(x, `select(0u, i / ${u32(N)} * ${u32(n)} + c - ${u32(before)}, inside)`)}, inside)`;
  });
};

const slice: Renderer<'slice'> = (e, node) => {
  const x = e.buffer(node, 0);
  const out = e.layout(node.id);
  const [n, N] = [lastAxis(out), lastAxis(x.layout)];
  const start = node.attrs.start.evaluate(e.ctx.sizes);
  return gather(e, node, out, (w) => w.at(x, `i / ${u32(n)} * ${u32(N)} + ${u32(start)} + i % ${u32(n)}`));
};

/** Element i of a result whose sample is `pieces` laid side by side along `width` (a concatenation). */
function pieces(
  e: WgslEmitter,
  node: Node,
  out: Layout,
  parts: readonly {
    readonly x: WBuffer;
    readonly width: number;
    readonly read: (w: PhaseWriter, x: WBuffer, c: string) => string;
  }[],
  position: string,
): WBuffer {
  return gather(e, node, out, (w) => {
    w.line('var v = 0.0;');
    let offset = 0;
    parts.forEach((p, k) => {
      const test = k === parts.length - 1 ? '' : `if (${position} < ${u32(offset + p.width)}) `;
      w.line(`${k === 0 ? '' : 'else '}${test}{ v = ${p.read(w, p.x, `${position} - ${u32(offset)}`)}; }`);
      offset += p.width;
    });
    return 'v';
  });
}

const concat: Renderer<'concat'> = (e, node) => {
  const out = e.layout(node.id);
  const N = lastAxis(out);
  const parts = node.inputs.map((_, k) => {
    const x = e.buffer(node, k);
    const n = lastAxis(x.layout);
    return {
      x,
      width: n,
      read: (w: PhaseWriter, b: WBuffer, c: string) =>
        w.at(b, linear(leadOf(b.layout, out, 'l'), b.layout.sample, `j / ${u32(N)} * ${u32(n)} + ${c}`)),
    };
  });
  return pieces(e, node, out, parts, `j % ${u32(N)}`);
};

const stackRows: Renderer<'stack_rows'> = (e, node) => {
  const out = e.layout(node.id);
  const xs = node.inputs.map((_, k) => e.buffer(node, k));
  // Params laid out one after another (see emitFunction) are their own stack: nothing to copy.
  const adjacent = xs.every(
    (x, k) =>
      x.poly !== undefined && (k === 0 || samePoly(x.poly, add(xs[k - 1].poly as Poly, sizePoly(xs[k - 1].layout)))),
  );
  if (adjacent && out.time === null && !out.batch)
    return {
      kind: 'buffer',
      base: xs[0].base,
      poly: xs[0].poly as Poly,
      layout: out,
      label: `${e.describe(node)} (in place)`,
      ...(xs.every((x) => x.fixed) ? { fixed: true } : {}),
    };
  const parts = xs.map((x) => ({
    x,
    width: x.layout.sample,
    read: (w: PhaseWriter, b: WBuffer, c: string) => w.at(b, linear(leadOf(b.layout, out, 'l'), b.layout.sample, c)),
  }));
  return pieces(e, node, out, parts, 'j');
};

const sliceRows: Renderer<'slice_rows'> = (e, node) => {
  const x = e.buffer(node, 0);
  const out = e.layout(node.id);
  const start = node.attrs.start.evaluate(e.ctx.sizes) * out.shape[1];
  return gather(e, node, out, (w) => w.at(x, linear('l', x.layout.sample, `${u32(start)} + j`)));
};

const transpose: Renderer<'transpose'> = (e, node) => {
  const x = e.buffer(node, 0);
  const out = e.layout(node.id);
  const [m, n] = x.layout.shape;
  // Result [n, m]: element (a, b) is x's (b, a).
  return gather(e, node, out, (w) => w.at(x, linear('l', m * n, `j % ${u32(m)} * ${u32(n)} + j / ${u32(m)}`)));
};

const outer: Renderer<'outer'> = (e, node) => {
  const [a, b] = [e.buffer(node, 0), e.buffer(node, 1)];
  const out = e.layout(node.id);
  const n = out.shape[1];
  return gather(
    e,
    node,
    out,
    (w) =>
      `${w.at(a, linear(leadOf(a.layout, out, 'l'), a.layout.sample, `j / ${u32(n)}`))} * ${w.at(b, linear(leadOf(b.layout, out, 'l'), b.layout.sample, `j % ${u32(n)}`))}`,
  );
};

const reduceLead: Renderer<'reduce_lead'> = (e, node) => {
  const x = e.buffer(node, 0);
  const out = e.layout(node.id);
  const S = out.sample;
  return accumulate(
    e,
    node,
    out,
    (w) => w.line(`for (var q = 0u; q < ${leadCount(x.layout)}; q++) { acc += ${w.at(x, `q * ${u32(S)} + i`)}; }`),
    node.attrs.mode === 'mean' ? `(1.0 / f32(${leadCount(x.layout)}))` : undefined,
  );
};

/** The step of a time index (negative: from the end), as WGSL. */
function stepOf(index: number, axis: string): string {
  const T = timeLength(axis);
  return index < 0 ? `(${T} - ${u32(-index)})` : u32(index);
}

const timeIndex: Renderer<'time_index'> = (e, node) => {
  // A view: the step's values where they are.
  const x = e.buffer(node, 0);
  const out = e.layout(node.id);
  const axis = x.layout.time as string;
  const step = sizePoly(out);
  const index = node.attrs.index;
  const poly =
    x.poly === undefined
      ? undefined
      : index >= 0
        ? add(x.poly, scale(step, index))
        : add(x.poly, scale(sizePoly({ ...out, time: axis }), 1), scale(step, index));
  return {
    kind: 'buffer',
    base: poly ? toWgsl(poly) : `(${x.base} + ${stepOf(index, axis)} * ${toWgsl(step)})`,
    ...(poly ? { poly } : {}),
    layout: out,
    label: `${x.label} at step ${index}`,
  };
};

const timePlace: Renderer<'time_place'> = (e, node) => {
  const x = e.buffer(node, 0);
  const out = e.layout(node.id);
  const at = `${stepOf(node.attrs.index, node.attrs.time)} * ${toWgsl(sizePoly(x.layout))}`;
  return gather(e, node, out, (w) => {
    w.line(`let start = ${at};`);
    w.line(`let inside = i >= start && i < start + ${toWgsl(sizePoly(x.layout))};`);
    return `select(0.0, ${w.at(x, 'select(0u, i - start, inside)')}, inside)`;
  });
};

const timeStack: Renderer<'time_stack'> = (e, node) => {
  const out = e.layout(node.id);
  const step = toWgsl(sizePoly({ ...out, time: null }));
  const xs = node.inputs.map((_, k) => e.buffer(node, k));
  return gather(e, node, out, (w) => {
    w.line(`let step = i / ${step};`);
    w.line(`let within = i % ${step};`);
    w.line('var v = 0.0;');
    xs.forEach((x, k) => w.line(`${k === 0 ? '' : 'else '}if (step == ${u32(k)}) { v = ${w.at(x, 'within')}; }`));
    return 'v';
  });
};

const timeShift: Renderer<'time_shift'> = (e, node) => {
  const [seq, init] = [e.buffer(node, 0), e.buffer(node, 1)];
  const out = e.layout(node.id);
  const step = toWgsl(sizePoly(init.layout));
  return gather(e, node, out, (w) => {
    if (node.attrs.reverse) {
      w.line(`let last = ${toWgsl(sizePoly(out))} - ${step};`);
      return `select(${w.at(seq, `min(i + ${step}, last + ${step} - 1u)`)}, ${w.at(init, 'i - min(i, last)')}, i >= last)`;
    }
    return `select(${w.at(seq, `i - min(i, ${step})`)}, ${w.at(init, `min(i, ${step} - 1u)`)}, i < ${step})`;
  });
};

const broadcastBatch: Renderer<'broadcast_batch'> = (e, node) => {
  const x = e.buffer(node, 0);
  const out = e.layout(node.id);
  return gather(e, node, out, (w) => e.read(w, x, out, 'l', 'j'));
};

/** The caller's initial state where one was given, else the graph's default. */
const stateInit: Renderer<'state_init'> = (e, node) => {
  const fallback = e.buffer(node, 0);
  const { given, value } = e.sources.initialState(node.attrs.name, fallback.layout);
  return {
    kind: 'buffer',
    base: `select(${fallback.base}, ${value.base}, ${given})`,
    layout: fallback.layout,
    label: `initial state ${node.attrs.name}`,
  };
};

/** The adjoint of a state's default: the incoming one where no initial state was given, else zeros. */
const defaultAdjoint: Renderer<'default_adjoint'> = (e, node) => {
  const g = e.buffer(node, 0);
  const zeros = e.allocate(`zeros for ${node.attrs.name}`, g.layout);
  e.phase(zeros, `${e.describe(node)}: zeros`, (w) => w.line(`${w.at(zeros, 'i')} = 0.0;`), 'fill');
  const { given } = e.sources.initialState(node.attrs.name, g.layout);
  return { kind: 'buffer', base: `select(${g.base}, ${zeros.base}, ${given})`, layout: g.layout, label: g.label };
};

export const renderers = {
  neg: pointwise,
  sigmoid: pointwise,
  tanh: pointwise,
  relu: pointwise,
  exp: pointwise,
  log: pointwise,
  sqrt: pointwise,
  abs: pointwise,
  softplus: pointwise,
  hard_sigmoid: pointwise,
  add: pointwise,
  sub: pointwise,
  mul: pointwise,
  div: pointwise,
  min: pointwise,
  max: pointwise,
  less: pointwise,
  less_equal: pointwise,
  equal: pointwise,
  where: pointwise,
  mod: pointwise,
  floor: pointwise,
  step: pointwise,
  sign: pointwise,
  matmul,
  sum: sumLast(false),
  mean: sumLast(true),
  reduce_max: extremeLast(true),
  reduce_min: extremeLast(false),
  softmax: softmax(false),
  log_softmax: softmax(true),
  concat,
  slice,
  const: (e, node) => e.constant(node),
  number: (e, node) => e.constant(numberAsConstant(node, e.ctx.sizes)),
  eye,
  positions,
  param: (e, node) => e.sources.param(node.attrs.name, e.layout(node.id)),
  // The WGSL host writes each time axis's lengths into the arena as one more input.
  input: (e, node) =>
    e.sources.input(node.attrs.role === 'lengths' ? lengthsKey(node.attrs.name) : node.attrs.name, e.layout(node.id)),
  arg: (e, node) => e.sources.arg(node.attrs.index),
  state_init: stateInit,
  broadcast_batch: broadcastBatch,
  scan: renderScan,
  get: (e, node) => {
    const tuple = e.values[node.inputs[0]];
    if (tuple.kind !== 'tuple') throw new Error('get of a value that is not a tuple');
    return tuple.items[node.attrs.index];
  },
  time_index: timeIndex,
  time_stack: timeStack,
  time_max: timeMax,
  gather_rows: gatherRows,
  scatter_rows: scatterRows,
  one_hot: oneHot,
  random_mask: randomMask,
  reduce_lead: reduceLead,
  transpose,
  // An outer product that an unbroadcast sums is computed inside the unbroadcast's phase.
  outer: (e, node) => (absorbedOuter(e.graph, node.id) ? { kind: 'tuple', items: [] } : outer(e, node)),
  expand_last: expandLast,
  pad_last: padLast,
  time_place: timePlace,
  time_shift: timeShift,
  unbroadcast,
  broadcast_to: broadcastTo,
  default_adjoint: defaultAdjoint,
  stack_rows: stackRows,
  slice_rows: sliceRows,
} satisfies { [K in OpKind]: Renderer<K> };

export function render(e: WgslEmitter, node: Node): WValue {
  return (renderers[node.op] as Renderer<OpKind>)(e, node);
}
