/**
 * Functions callable in expressions. Most are one primitive op; a few
 * (mse, cross_entropy) are written in terms of primitives, so they need no
 * rules of their own anywhere else in the compiler.
 */
import type { Dim } from '../ir/dims.js';
import type { AttrMap, NodeId, OpKind } from '../ir/graph.js';
import type { MaskKind } from '../ir/ops/noise.js';
import type { TensorType } from '../ir/types.js';

/** How a function adds nodes: `emit` throws ShapeError on a bad combination. */
export interface Emitter {
  emit<K extends OpKind>(op: K, inputs: readonly NodeId[], attrs: AttrMap[K]): NodeId;
  type(id: NodeId): TensorType;
  constant(value: number): NodeId;
  /**
   * A random mask of `like`'s type (ops/noise.ts): drawn anew at every step, or with `perStep`
   * false once for the whole sequence (the same at every step).
   */
  mask(like: NodeId, kind: MaskKind, p: Dim, perStep: boolean): NodeId;
}

export interface FunctionDef {
  /** Argument names, for messages. */
  readonly params: readonly string[];
  /** Takes one or more values of the first param's kind. */
  readonly variadic?: boolean;
  /** Positions of arguments that are sizes (slice bounds), not values. */
  readonly sizeArgs?: readonly number[];
  /** How many of the last params may be left out (`max(x)` reduces, `max(a, b)` compares). */
  readonly optional?: number;
  /** Takes `axis = k`: the axis it works along, the last when not given (lower-expr.ts moves it). */
  readonly alongAxis?: true;
  /** The position of an argument that is a probability written as a number (a dropout rate), not a value. */
  readonly rateArg?: number;
  /** Draws random masks, so a cell calling it reads the run's mode and seed (and its step's position). */
  readonly random?: MaskKind;
  readonly doc: string;
  readonly lower: (e: Emitter, values: readonly NodeId[], sizes: readonly Dim[], rate: Dim) => NodeId;
}

function primitive(op: OpKind, doc: string, params: string[] = ['x']): FunctionDef {
  return { params, doc, lower: (e, values) => e.emit(op, values, {}) };
}

function alongAxis(op: OpKind, doc: string): FunctionDef {
  return { ...primitive(op, doc), alongAxis: true };
}

/** min or max: of two values elementwise, or of one value along an axis. */
function extreme(name: 'min' | 'max', reduce: 'reduce_min' | 'reduce_max'): FunctionDef {
  return {
    params: ['a', 'b'],
    optional: 1,
    alongAxis: true,
    doc: `elementwise ${name}imum of a and b, or the ${name}imum of a along the last axis (or axis = k)`,
    lower: (e, values) => (values.length === 2 ? e.emit(name, values, {}) : e.emit(reduce, values, {})),
  };
}

/** Inverted dropout: each element is dropped with probability p and the rest scaled by 1/(1 − p). */
function dropout(perStep: boolean, doc: string): FunctionDef {
  return {
    params: ['x', 'p'],
    rateArg: 1,
    random: 'dropout',
    doc,
    lower: (e, [x], _sizes, p) =>
      p.isConstant && p.constant === 0 ? x : e.emit('mul', [x, e.mask(x, 'dropout', p, perStep)], {}),
  };
}

export const functions: Record<string, FunctionDef> = {
  sigmoid: primitive('sigmoid', 'logistic function 1 / (1 + e^-x)'),
  tanh: primitive('tanh', 'hyperbolic tangent'),
  relu: primitive('relu', 'max(x, 0)'),
  exp: primitive('exp', 'e^x'),
  log: primitive('log', 'natural logarithm'),
  sqrt: primitive('sqrt', 'square root'),
  abs: primitive('abs', 'absolute value'),
  softplus: primitive('softplus', 'log(1 + e^x), computed without overflow'),
  hard_sigmoid: primitive('hard_sigmoid', "PyTorch's clamp(x/6 + 1/2, 0, 1)"),
  min: extreme('min', 'reduce_min'),
  max: extreme('max', 'reduce_max'),
  softmax: alongAxis('softmax', 'softmax along the last axis (or axis = k)'),
  log_softmax: alongAxis('log_softmax', 'log of softmax along the last axis (or axis = k), computed stably'),
  transpose: primitive('transpose', 'a matrix transposed: transpose(W) is Wᵀ'),
  sum: alongAxis('sum', 'sum along the last axis (or axis = k)'),
  mean: alongAxis('mean', 'mean along the last axis (or axis = k)'),
  floor: primitive('floor', 'the largest whole number not above x'),
  where: primitive('where', 'a where cond is not 0, else b', ['cond', 'a', 'b']),
  eye: {
    params: ['n'],
    sizeArgs: [0],
    doc: 'the n × n identity matrix',
    lower: (e, _values, [n]) => e.emit('eye', [], { size: n }),
  },
  concat: {
    params: ['x'],
    variadic: true,
    doc: 'join along the last axis',
    lower: (e, values) => e.emit('concat', values, {}),
  },
  slice: {
    params: ['x', 'start', 'end'],
    sizeArgs: [1, 2],
    doc: 'x[start:end] along the last axis',
    lower: (e, [x], [start, end]) => e.emit('slice', [x], { start, end }),
  },
  last: {
    params: ['xs'],
    doc: 'the last step of a sequence',
    lower: (e, [x]) => e.emit('time_index', [x], { index: -1 }),
  },
  first: {
    params: ['xs'],
    doc: 'the first step of a sequence',
    lower: (e, [x]) => e.emit('time_index', [x], { index: 0 }),
  },
  mse: {
    params: ['prediction', 'target'],
    doc: 'mean squared error over the last axis',
    lower: (e, [prediction, target]) => {
      const diff = e.emit('sub', [prediction, target], {});
      const squared = e.emit('mul', [diff, diff], {});
      return e.type(squared).shape.length > 0 ? e.emit('mean', [squared], {}) : squared;
    },
  },
  cross_entropy: {
    params: ['logits', 'target'],
    doc: '-sum(target * log_softmax(logits)): cross-entropy of logits against a one-hot or soft target, or a token id',
    lower: (e, [logits, target]) => {
      const logProbabilities = e.emit('log_softmax', [logits], {});
      // A token id (a target without dims) picks its class: the one-hot vector is never an input.
      const classes = e.type(logits).shape;
      const picked =
        e.type(target).shape.length === 0 && classes.length === 1
          ? e.emit('one_hot', [target], { size: classes[0] })
          : target;
      const weighted = e.emit('mul', [picked, logProbabilities], {});
      return e.emit('neg', [e.emit('sum', [weighted], {})], {});
    },
  },
  embed: {
    params: ['table', 'ids'],
    doc: 'row ids of the table [V, E]: an embedding lookup, whose gradient updates only the rows read',
    lower: (e, [table, ids]) => e.emit('gather_rows', [table, ids], {}),
  },
  dropout: dropout(
    true,
    'in train mode each element is 0 with probability p, else x / (1 − p); in eval mode x (inverted dropout)',
  ),
  variational_dropout: dropout(
    false,
    "dropout with one mask per sequence, the same at every step (Gal & Ghahramani's variational dropout)",
  ),
  zoneout: {
    params: ['next', 'previous', 'p'],
    rateArg: 2,
    random: 'zoneout',
    doc: 'in train mode each unit keeps its previous value with probability p, else takes next; in eval mode the mix p·previous + (1 − p)·next (Krueger et al.)',
    lower: (e, [next, previous], _sizes, p) => {
      if (p.isConstant && p.constant === 0) return next;
      const keep = e.mask(next, 'zoneout', p, true);
      return e.emit('add', [next, e.emit('mul', [keep, e.emit('sub', [previous, next], {})], {})], {});
    },
  },
  one_hot: {
    params: ['ids', 'n'],
    sizeArgs: [1],
    doc: 'the one-hot vector [n] of a token id',
    lower: (e, [ids], [n]) => e.emit('one_hot', [ids], { size: n }),
  },
};
