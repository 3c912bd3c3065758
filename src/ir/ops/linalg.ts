/** Matrix products and the reductions along the last axis. */
import { expandLast, extremeLast, matmul, outer, softmaxLast, sumLast, transpose } from '../../tensor/kernels.js';
import { type Dim, formatShape } from '../dims.js';
import { expectTensor, ShapeError } from '../types.js';
import type { NodeId, OpKind } from '../graph.js';
import { type OpDef, tensorValue, type VjpRule } from './opdef.js';
import { broadcastLeadTypes, requireRank } from './typing.js';
import { linear } from './vjp-rules.js';

/**
 * numpy's matmul on per-sample shapes: [m,k]@[k] → [m] (a matrix times a
 * vector, as written in papers), [k]@[k,n] → [n], [m,k]@[k,n] → [m,n],
 * [k]@[k] → [] (dot product). Lead axes broadcast as for elementwise ops.
 */
export const matmulOp: OpDef<'matmul'> = {
  kind: 'matmul',
  arity: 2,
  pure: true,
  symbol: '@',
  type: (inputs) => {
    const [a, b] = inputs.map((t, k) => expectTensor(t, `operand ${k + 1}`));
    for (const t of [a, b]) {
      if (t.shape.length < 1 || t.shape.length > 2) {
        throw new ShapeError(`@ needs vectors or matrices, got ${formatShape(t.shape)}`);
      }
    }
    const inner = a.shape[a.shape.length - 1];
    if (!inner.equals(b.shape[0])) {
      throw new ShapeError(
        `${formatShape(a.shape)} @ ${formatShape(b.shape)}: the inner sizes ${inner} and ${b.shape[0]} differ`,
      );
    }
    const shape = [...(a.shape.length === 2 ? [a.shape[0]] : []), ...(b.shape.length === 2 ? [b.shape[1]] : [])];
    return { kind: 'tensor', shape, ...broadcastLeadTypes([a, b]) };
  },
  eval: ([a, b], _attrs, ctx) => matmul(ctx.dtype, tensorValue(a), tensorValue(b)),
  saves: 'inputs',
  // Per rank pair: W x (dW = g xᵀ, dx = g W), x V, A B and the dot product.
  vjp: (b, a) => {
    const [x, y] = [a.input(0), a.input(1)];
    const ranks = `${a.inputType(0).shape.length}${a.inputType(1).shape.length}`;
    const mm = (p: number, q: number) => b.add('matmul', [p, q]);
    switch (ranks) {
      case '21':
        return [b.add('outer', [a.g, y]), mm(a.g, x)];
      case '12':
        return [mm(y, a.g), b.add('outer', [x, a.g])];
      case '22':
        return [mm(a.g, b.add('transpose', [y])), mm(b.add('transpose', [x]), a.g)];
      default:
        return [b.add('mul', [a.g, y]), b.add('mul', [a.g, x])];
    }
  },
};

/** Per-sample matrix transpose (from matmul's gradient). */
export const transposeOp: OpDef<'transpose'> = {
  kind: 'transpose',
  arity: 1,
  pure: true,
  symbol: 'transpose',
  type: ([x]) => {
    const t = expectTensor(x, 'operand');
    if (t.shape.length !== 2) throw new ShapeError(`transpose needs a matrix, got ${formatShape(t.shape)}`);
    return { ...t, shape: [t.shape[1], t.shape[0]] };
  },
  eval: ([x], _attrs, ctx) => transpose(ctx.dtype, tensorValue(x)),
  saves: 'nothing',
  vjp: linear((b, g) => [b.add('transpose', [g])]),
};

/** Per-sample outer product a [m], b [k] → [m, k] (a weight's gradient at one step). */
export const outerOp: OpDef<'outer'> = {
  kind: 'outer',
  arity: 2,
  pure: true,
  symbol: 'outer',
  type: (inputs) => {
    const [a, b] = inputs.map((t, k) => expectTensor(t, `operand ${k + 1}`));
    if (a.shape.length !== 1 || b.shape.length !== 1) {
      throw new ShapeError(`outer needs two vectors, got ${formatShape(a.shape)} and ${formatShape(b.shape)}`);
    }
    return { kind: 'tensor', shape: [a.shape[0], b.shape[0]], ...broadcastLeadTypes([a, b]) };
  },
  eval: ([a, b], _attrs, ctx) => outer(ctx.dtype, tensorValue(a), tensorValue(b)),
  saves: 'inputs',
  vjp: (b, a) => [b.add('matmul', [a.g, a.input(1)]), b.add('matmul', [a.input(0), a.g])],
};

function lastAxisReduction<K extends 'sum' | 'mean'>(kind: K, mean: boolean): OpDef<K> {
  return {
    kind,
    arity: 1,
    pure: true,
    symbol: kind,
    type: ([x]) => {
      const t = expectTensor(x, 'operand');
      requireRank(t, 1, kind);
      return { ...t, shape: t.shape.slice(0, -1) };
    },
    eval: ([x], _attrs, ctx) => sumLast(ctx.dtype, tensorValue(x), mean),
    saves: 'nothing',
    vjp: linear((b, g, a) => {
      const shape = a.inputType(0).shape;
      return [b.add('expand_last', [g], { size: shape[shape.length - 1], mean })];
    }),
  };
}

export const sumOp = lastAxisReduction('sum', false);
export const meanOp = lastAxisReduction('mean', true);

function extremeReduction<K extends 'reduce_max' | 'reduce_min'>(kind: K, largest: boolean): OpDef<K> {
  return {
    kind,
    arity: 1,
    pure: true,
    symbol: largest ? 'max' : 'min',
    type: ([x]) => {
      const t = expectTensor(x, 'operand');
      requireRank(t, 1, largest ? 'max' : 'min');
      return { ...t, shape: t.shape.slice(0, -1) };
    },
    eval: ([x], _attrs, ctx) => extremeLast(ctx.dtype, tensorValue(x), largest),
    saves: 'inputs and output',
    // The adjoint is shared evenly by the entries that reach the extreme (torch.amax's rule).
    vjp: (b, a) => {
      const size = lastSize(a.inputType(0));
      const spread = (id: NodeId) => b.add('expand_last', [id], { size, mean: false });
      const hits = b.add('equal', [a.input(0), spread(a.output())]);
      const share = b.add('div', [a.g, b.add('sum', [hits])]);
      return [b.add('mul', [hits, spread(share)])];
    },
  };
}

export const reduceMaxOp = extremeReduction('reduce_max', true);
export const reduceMinOp = extremeReduction('reduce_min', false);

/** Each value repeated along a new last axis (sum's and mean's gradient). */
export const expandLastOp: OpDef<'expand_last'> = {
  kind: 'expand_last',
  arity: 1,
  pure: true,
  symbol: 'expand_last',
  type: ([x], { size }) => {
    const t = expectTensor(x, 'operand');
    return { ...t, shape: [...t.shape, size] };
  },
  eval: ([x], { size, mean }, ctx) => expandLast(ctx.dtype, tensorValue(x), size.evaluate(ctx.sizes), mean),
  saves: 'nothing',
  vjp: linear((b, g, a) => [b.add(a.attrs.mean ? 'mean' : 'sum', [g])]),
};

function lastAxisSoftmax<K extends OpKind>(kind: K, log: boolean, vjp: VjpRule<K>): OpDef<K> {
  return {
    kind,
    arity: 1,
    pure: true,
    symbol: kind,
    type: ([x]) => {
      const t = expectTensor(x, 'operand');
      requireRank(t, 1, kind);
      return t;
    },
    eval: ([x], _attrs, ctx) => softmaxLast(ctx.dtype, tensorValue(x), log),
    saves: 'output',
    vjp,
  };
}

function lastSize(t: { shape: readonly Dim[] }): Dim {
  return t.shape[t.shape.length - 1];
}

// dx = y ⊙ (g − Σ g ⊙ y)
export const softmaxOp = lastAxisSoftmax('softmax', false, (b, a) => {
  const y = a.output();
  const dot = b.add('sum', [b.add('mul', [a.g, y])]);
  const spread = b.add('expand_last', [dot], { size: lastSize(a.outputType()), mean: false });
  return [b.add('mul', [y, b.add('sub', [a.g, spread])])];
});
// dx = g − softmax(x) Σ g, with softmax(x) = exp(y)
export const logSoftmaxOp = lastAxisSoftmax('log_softmax', true, (b, a) => {
  const total = b.add('expand_last', [b.add('sum', [a.g])], { size: lastSize(a.outputType()), mean: false });
  return [b.add('sub', [a.g, b.add('mul', [b.add('exp', [a.output()]), total])])];
});
