/**
 * A fused chain of elementwise ops as one WebAssembly SIMD loop: four values
 * of every row at a time, each op in the form its record gives (`simd`),
 * intermediate values in registers. Operands are arrays with one row per
 * result row (or the same row for all) or one value per row, broadcast.
 */
import type { OpKind } from '../../ir/graph.js';
import { opDef } from '../../ir/ops/registry.js';
import { FunctionBuilder, type Local } from './encoder.js';
import { VectorMath } from './vector-math.js';

export type VectorTree =
  | { readonly kind: 'op'; readonly op: OpKind; readonly args: readonly VectorTree[] }
  | { readonly kind: 'leaf'; readonly index: number }
  | { readonly kind: 'literal'; readonly value: number };

export interface ElementwiseSpec {
  /** Values per row of the result. */
  readonly sample: number;
  /** Per operand: floats from one row to the next (0: the same for every row); `splat`: one value per row. */
  readonly leaves: readonly { readonly stride: number; readonly splat: boolean }[];
  readonly tree: VectorTree;
}

/** The tree as an expression over operands a0, a1, …, for the listing. */
export function describeTree(tree: VectorTree): string {
  if (tree.kind === 'leaf') return `a${tree.index}`;
  if (tree.kind === 'literal') return String(tree.value);
  const args = tree.args.map(describeTree);
  const symbol = opDef(tree.op).symbol;
  return args.length === 2 && /^[-+*/]$/.test(symbol)
    ? `(${args[0]} ${symbol} ${args[1]})`
    : `${symbol}(${args.join(', ')})`;
}

export function elementwiseKernel(name: string, spec: ElementwiseSpec): FunctionBuilder {
  const { sample, leaves, tree } = spec;
  const operands = leaves
    .map((l, k) => (l.splat ? `a${k}: one per row` : l.stride === 0 ? `a${k}: the same row for all` : ''))
    .filter(Boolean);
  const f = new FunctionBuilder(
    name,
    [
      { name: 'out', type: 'i32' },
      ...leaves.map((_, k) => ({ name: `a${k}`, type: 'i32' as const })),
      { name: 'rows', type: 'i32' },
    ],
    `out = ${describeTree(tree)}, ${sample} per row${operands.length > 0 ? `; ${operands.join(', ')}` : ''}`,
  );
  const out = f.params[0];
  const pointers = f.params.slice(1, 1 + leaves.length);
  const rows = f.params[1 + leaves.length];
  const [l, jo] = [f.local('l', 'i32'), f.local('jo', 'i32')];
  const splats = new Map<number, Local>();
  leaves.forEach((leaf, k) => {
    if (leaf.splat) splats.set(k, f.local(`s${k}`, 'v128'));
  });
  const math = new VectorMath(f);

  // Pushes the tree's value at byte offset `jo` of the current row.
  const value = (t: VectorTree): void => {
    if (t.kind === 'literal') f.f32x4Const(t.value);
    else if (t.kind === 'leaf') {
      const splat = splats.get(t.index);
      if (splat) f.get(splat);
      else f.get(pointers[t.index]).get(jo).i32Add().v128Load();
    } else {
      for (const a of t.args) value(a);
      const simd = opDef(t.op).simd;
      if (!simd) throw new Error(`${t.op} has no SIMD form`);
      simd(math);
    }
  };

  const full = sample - (sample % 4);
  f.i32(0).set(l);
  f.block((exit) =>
    f.loop((top) => {
      f.get(l).get(rows).i32GeS().brIf(exit);
      for (const [k, s] of splats) f.get(pointers[k]).v128Load32Splat().set(s);
      f.i32(0).set(jo);
      if (full > 0) {
        f.loop((columns) => {
          f.get(out).get(jo).i32Add();
          value(tree);
          f.v128Store();
          f.increment(jo, 16);
          f.get(jo)
            .i32(4 * full)
            .i32LtS()
            .brIf(columns);
        });
      }
      if (sample % 4 > 0) {
        f.comment(`the last ${sample % 4} of the row, lane by lane`);
        const last = f.local('last', 'v128');
        value(tree);
        f.set(last);
        for (let lane = 0; lane < sample % 4; lane++)
          f.get(out)
            .get(last)
            .f32x4ExtractLane(lane)
            .f32Store(4 * (full + lane));
      }
      f.increment(out, 4 * sample);
      leaves.forEach((leaf, k) => {
        if (leaf.stride !== 0) f.increment(pointers[k], 4 * leaf.stride);
      });
      f.increment(l, 1).br(top);
    }),
  );
  return f;
}
