import { describe, expect, it } from 'vitest';
import { checkGradients, type CheckTarget } from '../src/ad/check.js';
import { grad } from '../src/ad/grad.js';
import { probeTarget, withOutputLoss } from '../src/ad/probe.js';
import { interpret } from '../src/interp/interpret.js';
import { Random } from '../src/interp/random.js';
import { GraphBuilder } from '../src/ir/builder.js';
import { Dim } from '../src/ir/dims.js';
import type { AttrMap, OpKind } from '../src/ir/graph.js';
import { opDef, opKinds } from '../src/ir/ops/registry.js';
import { type TensorType, tensorType } from '../src/ir/types.js';
import { Tensor } from '../src/tensor/tensor.js';

type Domain = 'any' | 'positive' | 'away-from-zero' | 'hard-sigmoid';

interface Operand {
  readonly shape: number[];
  readonly batched?: boolean;
  readonly seq?: boolean;
  readonly domain?: Domain;
  /** Fed through `x < 0` first: a 0/1 mask that a small step of x leaves alone. */
  readonly mask?: boolean;
}

interface OpCase {
  readonly op: OpKind;
  readonly name?: string;
  readonly operands: Operand[];
  readonly attrs?: object;
}

/** Piecewise-constant ops: no gradient flows through them. */
const flatOps = ['step', 'sign', 'floor', 'less', 'less_equal', 'equal', 'positions'] as const;

const v = (n: number, extra: Partial<Operand> = {}): Operand => ({ shape: [n], ...extra });
const batched = (shape: number[], extra: Partial<Operand> = {}): Operand => ({ shape, batched: true, ...extra });
const seq = (shape: number[]): Operand => ({ shape, batched: true, seq: true });

/** The data list: each op with operands drawn where its gradient is defined (positive for log, …). */
const cases: OpCase[] = [
  ...(['neg', 'sigmoid', 'tanh', 'exp', 'softplus'] as const).map((op) => ({ op, operands: [batched([4])] })),
  ...(['log', 'sqrt'] as const).map((op) => ({ op, operands: [batched([4], { domain: 'positive' as const })] })),
  ...(['relu', 'abs'] as const).map((op) => ({
    op,
    operands: [batched([4], { domain: 'away-from-zero' as const })],
  })),
  { op: 'hard_sigmoid', operands: [batched([6], { domain: 'hard-sigmoid' })] },
  ...(['add', 'sub', 'mul'] as const).map((op) => ({
    op,
    name: `${op} broadcasting a param over a batch`,
    operands: [batched([3]), v(3)],
  })),
  { op: 'div', operands: [batched([3]), batched([3], { domain: 'away-from-zero' })] },
  { op: 'min', operands: [batched([5]), batched([5])] },
  {
    op: 'where',
    operands: [batched([6], { domain: 'away-from-zero', mask: true }), batched([6]), v(6)],
  },
  { op: 'mod', operands: [batched([5]), batched([5], { domain: 'away-from-zero' })] },
  { op: 'reduce_max', operands: [batched([2, 5])] },
  { op: 'reduce_min', operands: [batched([5])] },
  { op: 'time_max', operands: [seq([3])] },
  { op: 'max', operands: [batched([5]), v(5)] },
  { op: 'matmul', name: 'matmul W @ x', operands: [{ shape: [3, 4] }, batched([4])] },
  { op: 'matmul', name: 'matmul x @ V', operands: [batched([3]), { shape: [3, 2] }] },
  { op: 'matmul', name: 'matmul A @ B', operands: [{ shape: [2, 3] }, { shape: [3, 4] }] },
  { op: 'matmul', name: 'matmul dot product', operands: [batched([3]), batched([3])] },
  { op: 'transpose', operands: [batched([2, 3])] },
  { op: 'outer', operands: [batched([3]), v(2)] },
  { op: 'sum', operands: [batched([2, 4])] },
  { op: 'mean', operands: [batched([4])] },
  { op: 'softmax', operands: [batched([4])] },
  { op: 'log_softmax', operands: [batched([4])] },
  { op: 'expand_last', name: 'expand_last (sum)', operands: [batched([2])], attrs: { size: Dim.of(3), mean: false } },
  { op: 'expand_last', name: 'expand_last (mean)', operands: [batched([2])], attrs: { size: Dim.of(3), mean: true } },
  { op: 'concat', operands: [batched([2]), v(3), batched([1])] },
  { op: 'slice', operands: [batched([5])], attrs: { start: Dim.of(1), end: Dim.of(4) } },
  { op: 'pad_last', operands: [batched([3])], attrs: { before: Dim.of(1), after: Dim.of(2) } },
  { op: 'time_index', name: 'time_index (first)', operands: [seq([2])], attrs: { index: 0 } },
  { op: 'time_index', name: 'time_index (last)', operands: [seq([2])], attrs: { index: -1 } },
  { op: 'time_place', operands: [batched([2])], attrs: { index: 1, time: 'T' } },
  { op: 'time_stack', operands: [batched([2]), batched([2]), batched([2])], attrs: { time: 'T' } },
  { op: 'time_shift', name: 'time_shift (forward)', operands: [seq([2]), batched([2])], attrs: { reverse: false } },
  { op: 'time_shift', name: 'time_shift (reverse)', operands: [seq([2]), batched([2])], attrs: { reverse: true } },
  { op: 'broadcast_batch', operands: [v(3)] },
  { op: 'reduce_lead', name: 'reduce_lead (mean)', operands: [seq([2])], attrs: { mode: 'mean' } },
  { op: 'reduce_lead', name: 'reduce_lead (sum)', operands: [seq([2])], attrs: { mode: 'sum' } },
  { op: 'unbroadcast', operands: [batched([2, 3])], attrs: { type: tensorType([3]), mean: false } },
  { op: 'unbroadcast', name: 'unbroadcast (mean)', operands: [seq([3])], attrs: { type: tensorType([3]), mean: true } },
  {
    op: 'broadcast_to',
    operands: [v(3)],
    attrs: { type: tensorType([2, 3], { batched: true, time: 'T' }), mean: false },
  },
  {
    op: 'broadcast_to',
    name: 'broadcast_to (mean)',
    operands: [v(3)],
    attrs: { type: tensorType([3], { batched: true }), mean: true },
  },
  { op: 'stack_rows', operands: [{ shape: [2, 3] }, { shape: [1, 3] }, { shape: [3, 3] }] },
  { op: 'slice_rows', operands: [{ shape: [5, 2] }], attrs: { start: Dim.of(1), end: Dim.of(3) } },
  {
    op: 'slice_rows',
    name: 'slice_rows (first rows)',
    operands: [{ shape: [4, 2] }],
    attrs: { start: Dim.of(0), end: Dim.of(2) },
  },
  { op: 'state_init', operands: [batched([3])], attrs: { name: 's' } },
  { op: 'default_adjoint', operands: [batched([3])], attrs: { name: 's' } },
];

/** Ops with no inputs, and scan/get, which every example's gradient check covers. */
// Token-id ops read whole numbers, which this list's random operands are not: embed's gradient
// (scatter_rows) is checked by finite differences in test/tokens.test.ts, and one_hot passes none.
const tokenOps: OpKind[] = ['gather_rows', 'scatter_rows', 'one_hot'];
const notByThisList: OpKind[] = [
  'const',
  'number',
  'eye',
  'param',
  'input',
  'arg',
  'scan',
  'get',
  ...flatOps,
  ...tokenOps,
  // A mask passes no gradient; test/dropout.test.ts checks gradients through the masks drawn.
  'random_mask',
];

function draw(rng: Random, domain: Domain): number {
  const magnitude = rng.uniform(0.3, 2);
  switch (domain) {
    case 'positive':
      return rng.uniform(0.5, 2);
    case 'away-from-zero':
      return rng.next() < 0.5 ? -magnitude : magnitude;
    case 'hard-sigmoid':
      // Inside (-3, 3) and outside, away from the corners.
      return [-4, -2.5, -0.7, 0.4, 2.2, 4.5][Math.floor(rng.next() * 6)] + rng.uniform(-0.2, 0.2);
    default:
      return rng.uniform(-2, 2);
  }
}

function setUp(c: OpCase) {
  const b = new GraphBuilder();
  const operandType = (o: Operand): TensorType =>
    tensorType(o.shape, { batched: o.batched ?? false, time: o.seq ? 'T' : null });
  const ids = c.operands.map((o, k) =>
    o.batched || o.seq
      ? b.add('input', [], { name: `in${k}`, role: 'input', type: operandType(o) })
      : b.add('param', [], { name: `in${k}`, type: operandType(o), init: { kind: 'zeros' } }),
  );
  const zero = b.add('const', [], { value: 0, type: tensorType([]) });
  const operands = ids.map((id, k) => (c.operands[k].mask ? b.add('less', [id, zero], {}) : id));
  const out = b.add(c.op, operands, (c.attrs ?? {}) as AttrMap[typeof c.op]);
  b.output('y', out, 'output');
  const lossGraph = withOutputLoss(b.build());
  const rng = new Random(11);
  const [T, B] = [3, 2];
  const tensorOf = (type: TensorType, domain: Domain) => {
    const t = Tensor.zeros(
      'f64',
      { time: type.time ? T : null, batch: type.batched ? B : null },
      type.shape.map((d) => d.evaluate({})),
    );
    t.data.forEach((_, k) => (t.data[k] = draw(rng, domain)));
    return t;
  };
  const params: Record<string, Tensor> = {};
  const inputs: Record<string, Tensor> = {};
  const targets: CheckTarget[] = c.operands.map((o, k) => {
    const tensor = tensorOf(operandType(o), o.domain ?? 'any');
    if (o.batched || o.seq) inputs[`in${k}`] = tensor;
    else params[`in${k}`] = tensor;
    return { name: `in${k}`, kind: o.batched || o.seq ? 'input' : 'param', tensor };
  });
  inputs[probeTarget('y')] = tensorOf(b.typeOf(out) as TensorType, 'any');
  const bindings = { dtype: 'f64' as const, sizes: {}, params, inputs, batch: B, timeLengths: { T } };
  return { lossGraph, bindings, targets };
}

function run(c: OpCase) {
  const { lossGraph, bindings, targets } = setUp(c);
  return checkGradients(lossGraph, grad(lossGraph).graph, bindings, targets, { coordinates: 100, seed: 1 });
}

describe('gradient rules, checked against finite differences in f64', () => {
  it('cover every op of the registry', () => {
    const covered = new Set([...cases.map((c) => c.op), ...notByThisList]);
    expect(opKinds.filter((k) => !covered.has(k))).toEqual([]);
  });

  it.each(flatOps)('%s passes no gradient, and finite differences agree it has none', (op) => {
    const arity = opDef(op).arity as number;
    const operand = op === 'positions' ? seq([4]) : batched([4], { domain: 'away-from-zero' as const });
    const { lossGraph, bindings, targets } = setUp({
      op,
      operands: Array.from({ length: arity }, () => operand),
      attrs: op === 'positions' ? { count: false } : {},
    });
    expect(() => grad(lossGraph)).toThrow('the loss does not depend on any param, input or initial state');
    const data = targets[0].tensor.data;
    const before = interpret(lossGraph, bindings).loss.data[0];
    data.forEach((v, k) => (data[k] = v + 1e-4));
    expect(interpret(lossGraph, bindings).loss.data[0]).toBe(before);
  });

  it.each(cases.map((c) => [c.name ?? c.op, c] as const))('%s', (_name, c) => {
    const { rows } = run(c);
    for (const row of rows) {
      expect(row.coordinateError, `${row.name} (each coordinate)`).toBeLessThan(1e-6);
      expect(row.directionError, `${row.name} (random direction)`).toBeLessThan(1e-6);
    }
  });
});
