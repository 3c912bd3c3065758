/** Elementwise ops: one scalar function each; broadcasting is shared. */
import { pointwise } from '../../tensor/kernels.js';
import type { OpKind } from '../graph.js';
import { type OpDef, tensorValue } from './opdef.js';
import { elementwiseType } from './typing.js';

function elementwise<K extends OpKind>(
  kind: K,
  arity: 1 | 2,
  symbol: string,
  fn: (...xs: number[]) => number,
): OpDef<K> {
  return {
    kind,
    arity,
    pure: true,
    symbol,
    type: (inputs) => elementwiseType(inputs),
    eval: (inputs, _attrs, ctx) => pointwise(ctx.dtype, inputs.map(tensorValue), fn),
    pointwise: fn,
  };
}

/** Logistic function, split at 0 so neither branch overflows. */
export function sigmoid(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

/** log(1 + e^x) without overflow for large x or loss of precision for very negative x. */
export function softplus(x: number): number {
  return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
}

/** PyTorch's hard sigmoid: relu6(x + 3) / 6. (Keras uses 0.2·x + 0.5 instead.) */
export function hardSigmoid(x: number): number {
  return Math.min(1, Math.max(0, x / 6 + 0.5));
}

export const negOp = elementwise('neg', 1, '-', (x) => -x);
export const sigmoidOp = elementwise('sigmoid', 1, 'sigmoid', sigmoid);
export const tanhOp = elementwise('tanh', 1, 'tanh', Math.tanh);
// Math.max keeps NaN, where `x > 0 ? x : 0` would hide it.
export const reluOp = elementwise('relu', 1, 'relu', (x) => Math.max(0, x));
export const expOp = elementwise('exp', 1, 'exp', Math.exp);
export const logOp = elementwise('log', 1, 'log', Math.log);
export const sqrtOp = elementwise('sqrt', 1, 'sqrt', Math.sqrt);
export const absOp = elementwise('abs', 1, 'abs', Math.abs);
export const softplusOp = elementwise('softplus', 1, 'softplus', softplus);
export const hardSigmoidOp = elementwise('hard_sigmoid', 1, 'hard_sigmoid', hardSigmoid);

export const addOp = elementwise('add', 2, '+', (a, b) => a + b);
export const subOp = elementwise('sub', 2, '-', (a, b) => a - b);
export const mulOp = elementwise('mul', 2, '*', (a, b) => a * b);
export const divOp = elementwise('div', 2, '/', (a, b) => a / b);
export const minOp = elementwise('min', 2, 'min', Math.min);
export const maxOp = elementwise('max', 2, 'max', Math.max);
