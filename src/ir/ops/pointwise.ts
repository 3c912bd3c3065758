/** Elementwise ops: one scalar function and one gradient rule each; broadcasting is shared. */
import { pointwise } from '../../tensor/kernels.js';
import type { OpKind } from '../graph.js';
import { type OpDef, type Saves, tensorValue, type VjpRule } from './opdef.js';
import { elementwiseType } from './typing.js';
import { derivative, linear, zeroGradient } from './vjp-rules.js';

function elementwise<K extends OpKind>(
  kind: K,
  arity: 1 | 2,
  symbol: string,
  fn: (...xs: number[]) => number,
  saves: Saves,
  vjp: VjpRule<K>,
): OpDef<K> {
  return {
    kind,
    arity,
    pure: true,
    symbol,
    type: (inputs) => elementwiseType(inputs),
    eval: (inputs, _attrs, ctx) => pointwise(ctx.dtype, inputs.map(tensorValue), fn),
    pointwise: fn,
    saves,
    vjp,
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

/** 1 where x > 0, else 0 (NaN stays NaN): the mask in relu's and max's gradients. */
export function step(x: number): number {
  return Number.isNaN(x) ? NaN : x > 0 ? 1 : 0;
}

export const negOp = elementwise(
  'neg',
  1,
  '-',
  (x) => -x,
  'nothing',
  linear((b, g) => [b.add('neg', [g])]),
);
export const sigmoidOp = elementwise('sigmoid', 1, 'sigmoid', sigmoid, 'output', (b, a) => {
  const y = a.output();
  return [b.add('mul', [a.g, b.add('mul', [y, b.add('sub', [b.scalar(1), y])])])];
});
export const tanhOp = elementwise('tanh', 1, 'tanh', Math.tanh, 'output', (b, a) => {
  const y = a.output();
  return [b.add('mul', [a.g, b.add('sub', [b.scalar(1), b.add('mul', [y, y])])])];
});
// Math.max keeps NaN, where `x > 0 ? x : 0` would hide it.
export const reluOp = elementwise(
  'relu',
  1,
  'relu',
  (x) => Math.max(0, x),
  'inputs',
  derivative((b, a) => b.add('step', [a.input(0)])),
);
export const expOp = elementwise(
  'exp',
  1,
  'exp',
  Math.exp,
  'output',
  derivative((_b, a) => a.output()),
);
export const logOp = elementwise('log', 1, 'log', Math.log, 'inputs', (b, a) => [b.add('div', [a.g, a.input(0)])]);
export const sqrtOp = elementwise('sqrt', 1, 'sqrt', Math.sqrt, 'output', (b, a) => [
  b.add('div', [a.g, b.add('mul', [b.scalar(2), a.output()])]),
]);
export const absOp = elementwise(
  'abs',
  1,
  'abs',
  Math.abs,
  'inputs',
  derivative((b, a) => b.add('sign', [a.input(0)])),
);
export const softplusOp = elementwise(
  'softplus',
  1,
  'softplus',
  softplus,
  'inputs',
  derivative((b, a) => b.add('sigmoid', [a.input(0)])),
);
// Slope 1/6 inside (-3, 3), where 3 - |x| > 0; flat outside.
export const hardSigmoidOp = elementwise(
  'hard_sigmoid',
  1,
  'hard_sigmoid',
  hardSigmoid,
  'inputs',
  derivative((b, a) => {
    const inside = b.add('step', [b.add('sub', [b.scalar(3), b.add('abs', [a.input(0)])])]);
    return b.add('mul', [inside, b.scalar(1 / 6)]);
  }),
);
export const stepOp = elementwise('step', 1, 'step', step, 'nothing', zeroGradient(1));
export const signOp = elementwise('sign', 1, 'sign', Math.sign, 'nothing', zeroGradient(1));

export const addOp = elementwise(
  'add',
  2,
  '+',
  (a, b) => a + b,
  'nothing',
  linear((_b, g) => [g, g]),
);
export const subOp = elementwise(
  'sub',
  2,
  '-',
  (a, b) => a - b,
  'nothing',
  linear((b, g) => [g, b.add('neg', [g])]),
);
export const mulOp = elementwise(
  'mul',
  2,
  '*',
  (a, b) => a * b,
  'inputs',
  (b, a) => [b.add('mul', [a.g, a.input(1)]), b.add('mul', [a.g, a.input(0)])],
);
// d(a/b) = da/b - a·db/b², from the inputs alone.
export const divOp = elementwise(
  'div',
  2,
  '/',
  (a, b) => a / b,
  'inputs',
  (b, a) => {
    const [x, y] = [a.input(0), a.input(1)];
    const gOverY = b.add('div', [a.g, y]);
    return [gOverY, b.add('neg', [b.add('mul', [gOverY, b.add('div', [x, y])])])];
  },
);
/** min and max pass the adjoint to the input that won; a tie goes to the second. */
function selectRule<K extends 'min' | 'max'>(
  firstWins: (b: Parameters<VjpRule<K>>[0], x: number, y: number) => number,
): VjpRule<K> {
  return (b, a) => {
    const mask = firstWins(b, a.input(0), a.input(1));
    return [b.add('mul', [a.g, mask]), b.add('mul', [a.g, b.add('sub', [b.scalar(1), mask])])];
  };
}
export const minOp = elementwise(
  'min',
  2,
  'min',
  Math.min,
  'inputs',
  selectRule((b, x, y) => b.add('step', [b.add('sub', [y, x])])),
);
export const maxOp = elementwise(
  'max',
  2,
  'max',
  Math.max,
  'inputs',
  selectRule((b, x, y) => b.add('step', [b.add('sub', [x, y])])),
);
