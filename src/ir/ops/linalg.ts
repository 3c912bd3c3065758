/** Matrix product and the reductions along the last axis. */
import { matmul, softmaxLast, sumLast } from '../../tensor/kernels.js';
import { formatShape } from '../dims.js';
import { expectTensor, ShapeError } from '../types.js';
import type { OpKind } from '../graph.js';
import { type OpDef, tensorValue } from './opdef.js';
import { broadcastLeadTypes, requireRank } from './typing.js';

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
};

function lastAxisReduction<K extends OpKind>(kind: K, mean: boolean): OpDef<K> {
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
  };
}

function lastAxisSoftmax<K extends OpKind>(kind: K, log: boolean): OpDef<K> {
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
  };
}

export const sumOp = lastAxisReduction('sum', false);
export const meanOp = lastAxisReduction('mean', true);
export const softmaxOp = lastAxisSoftmax('softmax', false);
export const logSoftmaxOp = lastAxisSoftmax('log_softmax', true);
