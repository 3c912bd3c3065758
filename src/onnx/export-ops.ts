/**
 * Each rnnc op of a forward graph as ONNX nodes (opset 17). The table is typed over every
 * op kind, so an op added to the registry without an entry here is a compile error; ops
 * that only gradients and optimized graphs are made of have `null` (a model's forward
 * graph never holds them). Structural ops (scan, get, the sources) are written by
 * export-graph.ts, which knows the graph around them.
 */
import { maskValues, rateOf } from '../ir/ops/noise.js';
import type { Node, OpKind } from '../ir/graph.js';
import type { TensorType } from '../ir/types.js';
import { attr, elementType, type GraphWriter, leadCount } from './writer.js';

interface RuleArgs<K extends OpKind = OpKind> {
  readonly w: GraphWriter;
  readonly node: Node<K>;
  /** The ONNX names of the node's inputs. */
  readonly inputs: readonly string[];
  readonly types: readonly TensorType[];
  readonly out: TensorType;
  readonly label: string;
}

type Rule<K extends OpKind = OpKind> = (a: RuleArgs<K>) => string;

/** An elementwise op: its operands aligned for broadcasting, then one ONNX op. */
function pointwise(op: string, attributes = () => [] as ReturnType<typeof attr.float>[]): Rule {
  return ({ w, inputs, types, out, label }) =>
    w.emit(
      op,
      inputs.map((name, k) => w.align(name, types[k], out)),
      attributes(),
      label,
    );
}

/** numpy's matmul on per-sample shapes, as ONNX MatMul with the lead axes in front. */
const matmul: Rule = ({ w, inputs: [a, b], types: [ta, tb], out, label }) => {
  const ranks = `${ta.shape.length}${tb.shape.length}`;
  switch (ranks) {
    case '21': {
      // W x: with W a plain matrix, x Wᵀ (one product over every sample at once).
      if (leadCount(ta) === 0) {
        const transposed = w.emit('Transpose', [a], [], 'transposed');
        return w.emit('MatMul', [w.align(b, tb, out, 1), transposed], [], label);
      }
      const column = w.emit('Unsqueeze', [w.align(b, tb, out, 1), w.int64s([-1])], [], 'column');
      const product = w.emit('MatMul', [w.align(a, ta, out, 2), column], [], 'product');
      return w.emit('Squeeze', [product, w.int64s([-1])], [], label);
    }
    case '12': {
      if (leadCount(tb) === 0) return w.emit('MatMul', [w.align(a, ta, out, 1), b], [], label);
      const row = w.emit('Unsqueeze', [w.align(a, ta, out, 1), w.int64s([-2])], [], 'row');
      const product = w.emit('MatMul', [row, w.align(b, tb, out, 2)], [], 'product');
      return w.emit('Squeeze', [product, w.int64s([-2])], [], label);
    }
    case '22':
      return w.emit('MatMul', [w.align(a, ta, out, 2), w.align(b, tb, out, 2)], [], label);
    default: {
      const product = w.emit('Mul', [w.align(a, ta, out, 1), w.align(b, tb, out, 1)], [], 'product');
      return w.emit('ReduceSum', [product, w.int64s([-1])], [attr.int('keepdims', 0)], label);
    }
  }
};

/** A comparison, as 1 or 0 of the model's float type. */
function comparison(op: string): Rule {
  return (a) =>
    a.w.emit('Cast', [pointwise(op)({ ...a, label: 'holds' })], [attr.int('to', elementType(a.w.dtype))], a.label);
}

const lastAxis =
  (op: string): Rule =>
  ({ w, inputs: [x], label }) =>
    w.emit(op, [x], [attr.int('axis', -1)], label);

/** The ops export-graph.ts writes itself. */
export type StructuralOp = 'scan' | 'get' | 'param' | 'input' | 'arg' | 'state_init';

export const onnxRules: { readonly [K in Exclude<OpKind, StructuralOp>]: Rule<K> | null } = {
  neg: pointwise('Neg'),
  sigmoid: pointwise('Sigmoid'),
  tanh: pointwise('Tanh'),
  relu: pointwise('Relu'),
  exp: pointwise('Exp'),
  log: pointwise('Log'),
  sqrt: pointwise('Sqrt'),
  abs: pointwise('Abs'),
  softplus: pointwise('Softplus'),
  // rnnc's hard sigmoid is PyTorch's: clamp(x / 6 + 1/2, 0, 1).
  hard_sigmoid: pointwise('HardSigmoid', () => [attr.float('alpha', 1 / 6), attr.float('beta', 0.5)]),
  add: pointwise('Add'),
  sub: pointwise('Sub'),
  mul: pointwise('Mul'),
  div: pointwise('Div'),
  min: pointwise('Min'),
  max: pointwise('Max'),
  sign: pointwise('Sign'),
  less: comparison('Less'),
  less_equal: comparison('LessOrEqual'),
  equal: comparison('Equal'),
  where: ({ w, inputs, types, out, label }) => {
    const [c, a, b] = inputs.map((name, k) => w.align(name, types[k], out));
    const zero = w.emit('Equal', [c, w.floats([], [0])], [], 'zero');
    return w.emit('Where', [zero, b, a], [], label);
  },
  // ONNX's Mod takes floats only as C's fmod (the sign of a); rnnc's is floored, Python's.
  mod: ({ w, inputs, types, out, label }) => {
    const [a, b] = inputs.map((name, k) => w.align(name, types[k], out));
    const quotient = w.emit('Floor', [w.emit('Div', [a, b], [], 'ratio')], [], 'quotient');
    return w.emit('Sub', [a, w.emit('Mul', [quotient, b], [], 'whole')], [], label);
  },
  floor: pointwise('Floor'),
  number: ({ w, node, label }) => w.floats([], [node.attrs.value.evaluate(w.model.sizes)], label),
  eye: ({ w, node, label }) => {
    const n = node.attrs.size.evaluate(w.model.sizes);
    return w.floats(
      [n, n],
      Array.from({ length: n * n }, (_, k) => (k % (n + 1) === 0 ? 1 : 0)),
      label,
    );
  },
  positions: ({ w, node, inputs: [x], label }) => {
    const length = w.emit('Shape', [x], [attr.int('start', 0), attr.int('end', 1)], 'steps');
    const float = (name: string, what: string) => w.emit('Cast', [name], [attr.int('to', elementType(w.dtype))], what);
    if (node.attrs.count) return w.emit('Expand', [float(length, 'count'), length], [], label);
    const count = w.emit('Squeeze', [length, w.int64s([0])], [], 'count');
    const range = w.emit('Range', [w.int64s([0], true), count, w.int64s([1], true)], [], 'range');
    return float(range, label);
  },
  matmul,
  outer: ({ w, inputs: [a, b], types: [ta, tb], out, label }) =>
    w.emit(
      'Mul',
      [
        w.emit('Unsqueeze', [w.align(a, ta, out, 1), w.int64s([-1])], [], 'column'),
        w.emit('Unsqueeze', [w.align(b, tb, out, 1), w.int64s([-2])], [], 'row'),
      ],
      [],
      label,
    ),
  transpose: ({ w, inputs: [x], types: [t], label }) => {
    const lead = Array.from({ length: leadCount(t) }, (_, k) => k);
    return w.emit('Transpose', [x], [attr.ints('perm', [...lead, lead.length + 1, lead.length])], label);
  },
  sum: ({ w, inputs: [x], label }) => w.emit('ReduceSum', [x, w.int64s([-1])], [attr.int('keepdims', 0)], label),
  mean: ({ w, inputs: [x], label }) =>
    w.emit('ReduceMean', [x], [attr.ints('axes', [-1]), attr.int('keepdims', 0)], label),
  // Token ids are floats in rnnc's graphs; ONNX indexes with int64.
  gather_rows: ({ w, inputs: [table, ids], label }) =>
    w.emit('Gather', [table, w.emit('Cast', [ids], [attr.int('to', 7)], 'ids')], [attr.int('axis', 0)], label),
  one_hot: ({ w, node, inputs: [ids], label }) => {
    const size = node.attrs.size.evaluate(w.model.sizes);
    const indices = w.emit('Cast', [ids], [attr.int('to', 7)], 'ids');
    return w.emit('OneHot', [indices, w.int64s([size], true), w.floats([2], [0, 1])], [attr.int('axis', -1)], label);
  },
  scatter_rows: null,
  // An exported model serves: it runs in eval mode, where a mask is one number everywhere.
  random_mask: ({ w, node, out, label }) =>
    w.fill(out, maskValues(node.attrs.kind, rateOf(node.attrs.kind, node.attrs.p, w.model.sizes)).eval, label),
  time_max: ({ w, inputs: [x], label }) =>
    w.emit('ReduceMax', [x], [attr.ints('axes', [0]), attr.int('keepdims', 0)], label),
  reduce_max: ({ w, inputs: [x], label }) =>
    w.emit('ReduceMax', [x], [attr.ints('axes', [-1]), attr.int('keepdims', 0)], label),
  reduce_min: ({ w, inputs: [x], label }) =>
    w.emit('ReduceMin', [x], [attr.ints('axes', [-1]), attr.int('keepdims', 0)], label),
  softmax: lastAxis('Softmax'),
  log_softmax: lastAxis('LogSoftmax'),
  concat: ({ w, inputs, types, out, label }) => {
    const full = types.findIndex((t) => leadCount(t) === leadCount(out));
    const parts = inputs.map((name, k) => w.expandLeads(name, types[k], inputs[full], types[full]));
    return w.emit('Concat', parts, [attr.int('axis', -1)], label);
  },
  slice: ({ w, node, inputs: [x], label }) => {
    const [s, e] = [node.attrs.start.evaluate(w.model.sizes), node.attrs.end.evaluate(w.model.sizes)];
    return w.emit('Slice', [x, w.int64s([s]), w.int64s([e]), w.int64s([-1])], [], label);
  },
  const: ({ w, node, out, label }) => {
    const { value } = node.attrs;
    if (value === 0) return w.zeros(out, label);
    const dims = w.dims(out.shape);
    if (out.batched || out.time !== null) {
      const zeros = w.zeros(out, 'zeros');
      return w.emit('Add', [zeros, w.floats([], [value])], [], label);
    }
    return w.floats(dims, new Array<number>(dims.reduce((p, d) => p * d, 1)).fill(value), label);
  },
  broadcast_batch: ({ w, inputs: [x], types: [t], label }) => {
    if (t.time !== null) throw new Error('broadcast_batch of a sequence has no ONNX form here');
    const shape = w.emit('Concat', [w.batch(), w.int64s(w.dims(t.shape))], [attr.int('axis', 0)], 'shape');
    return w.emit('Expand', [x, shape], [], label);
  },
  time_index: ({ w, node, inputs: [x], label }) =>
    w.emit('Gather', [x, w.int64s([node.attrs.index], true)], [attr.int('axis', 0)], label),
  reduce_lead: ({ w, node, inputs: [x], types: [t], label }) => {
    const axes = Array.from({ length: leadCount(t) }, (_, k) => k);
    if (axes.length === 0) return w.emit('Identity', [x], [], label);
    return node.attrs.mode === 'mean'
      ? w.emit('ReduceMean', [x], [attr.ints('axes', axes), attr.int('keepdims', 0)], label)
      : w.emit('ReduceSum', [x, w.int64s(axes)], [attr.int('keepdims', 0)], label);
  },
  // Gradients' and optimized graphs' own ops:
  step: null,
  expand_last: null,
  pad_last: null,
  time_place: null,
  time_stack: null,
  time_shift: null,
  // In a forward graph only a sum or mean over a memory's positions (its time axis) is one.
  unbroadcast: ({ w, node, inputs: [x], types: [t], out, label }) => {
    const overTime =
      t.time !== null && out.time === null && t.batched === out.batched && t.shape.length === out.shape.length;
    if (!overTime) throw new Error('unbroadcast has an ONNX form only as a sum over a time axis');
    const op = node.attrs.mean ? 'ReduceMean' : 'ReduceSum';
    return node.attrs.mean
      ? w.emit(op, [x], [attr.ints('axes', [0]), attr.int('keepdims', 0)], label)
      : w.emit(op, [x, w.int64s([0])], [attr.int('keepdims', 0)], label);
  },
  broadcast_to: null,
  default_adjoint: null,
  stack_rows: null,
  slice_rows: null,
};
