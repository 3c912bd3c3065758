/**
 * Elementwise ops: each is one scalar function (`pointwise`, the reference
 * semantics), the same function as a TypeScript expression (`ts`, for the
 * code generator) and one gradient rule. Broadcasting is shared by all.
 */
import { pointwise } from '../../tensor/kernels.js';
import type { OpKind } from '../graph.js';
import { type OpDef, type Saves, tensorValue, type VectorOps, type VjpBuilder, type VjpRule } from './opdef.js';
import { elementwiseType } from './typing.js';
import { derivative, linear, zeroGradient } from './vjp-rules.js';
import { noiseWgsl } from './noise.js';

interface Elementwise<K extends OpKind> {
  readonly kind: K;
  readonly arity: 1 | 2 | 3;
  readonly symbol: string;
  readonly fn: (...xs: number[]) => number;
  readonly ts: (args: readonly string[]) => string;
  readonly wgsl: (args: readonly string[]) => string;
  readonly simd?: (v: VectorOps) => void;
  readonly saves: Saves;
  readonly vjp: VjpRule<K>;
}

function elementwise<K extends OpKind>(e: Elementwise<K>): OpDef<K> {
  return {
    kind: e.kind,
    arity: e.arity,
    pure: true,
    symbol: e.symbol,
    type: (inputs) => elementwiseType(inputs),
    eval: (inputs, _attrs, ctx) => pointwise(ctx.dtype, inputs.map(tensorValue), e.fn),
    pointwise: e.fn,
    ts: e.ts,
    wgsl: e.wgsl,
    ...(e.simd ? { simd: e.simd } : {}),
    saves: e.saves,
    vjp: e.vjp,
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

/** The name of tanhF32Code's function, which kernels calling it define (wgslFunctions). */
const tanhF32 = 'tanh_f32';

/**
 * tanh in WGSL to a couple of ulps: Cephes' tanhf, as the WebAssembly kernels
 * compute it (src/backends/wasm/vector-math.ts). An odd polynomial below
 * |x| = 0.625, where 1 − 2/(e^2|x| + 1) would cancel; that above, with 2|x|
 * clamped so e^2|x| stays finite (some drivers return NaN past f32's range).
 */
const tanhF32Code = `// tanh to a couple of ulps (Cephes' tanhf): WGSL's own may lose its relative precision near 0.
fn ${tanhF32}(x: f32) -> f32 {
  let z = x * x;
  let small = x + x * z * ((((-5.70498872745e-3 * z + 2.06390887954e-2) * z - 5.37397155531e-2) * z + 1.33314422036e-1) * z - 3.33332819422e-1);
  let large = 1.0 - 2.0 / (exp(min(2.0 * abs(x), 40.0)) + 1.0);
  return select(select(large, -large, x < 0.0), small, abs(x) < 0.625);
}`;

/** The name of softplusF32Code's function. */
const softplusF32 = 'softplus_f32';

/**
 * softplus in WGSL to a couple of ulps: max(x, 0) + log1p(e^−|x|), with
 * log1p(u) = 2·atanh(u / (2 + u)) summed as its series (u ≤ 1, so
 * s = u / (2 + u) ≤ 1/3 and six terms reach f32's precision). WGSL has no
 * log1p, and log(1 + u) keeps only about 2⁻²¹ of absolute precision near 1:
 * softplus(−12) came out 0.7 % off on SwiftShader.
 */
const softplusF32Code = `// log(1 + e^x) to a couple of ulps: max(x, 0) + log1p(e^-|x|), log1p(u) = 2·atanh(u / (2 + u)) as a series.
fn ${softplusF32}(x: f32) -> f32 {
  let u = exp(-abs(x));
  let s = u / (2.0 + u);
  let z = s * s;
  return max(x, 0.0) + 2.0 * s * (1.0 + z * (1.0 / 3.0 + z * (0.2 + z * (1.0 / 7.0 + z * (1.0 / 9.0 + z / 11.0)))));
}`;

/**
 * WGSL functions the ops' expressions call, by name: a kernel whose code
 * calls one defines it (kernels.ts).
 */
export const wgslFunctions: Readonly<Record<string, string>> = {
  [tanhF32]: tanhF32Code,
  [softplusF32]: softplusF32Code,
  // Dropout's masks (noise.ts): rnnc_hit calls rnnc_mix32, so the two come together.
  rnnc_hit: noiseWgsl,
};

/** PyTorch's hard sigmoid: relu6(x + 3) / 6. (Keras uses 0.2·x + 0.5 instead.) */
export function hardSigmoid(x: number): number {
  return Math.min(1, Math.max(0, x / 6 + 0.5));
}

/** 1 where x > 0, else 0 (NaN stays NaN): the mask in relu's and max's gradients. */
export function step(x: number): number {
  return Number.isNaN(x) ? NaN : x > 0 ? 1 : 0;
}

const mul = (b: VjpBuilder, x: number, y: number) => b.add('mul', [x, y]);

export const negOp = elementwise({
  kind: 'neg',
  arity: 1,
  symbol: '-',
  fn: (x) => -x,
  ts: ([a]) => `-${a}`,
  wgsl: ([a]) => `-${a}`,
  simd: (v) => v.neg(),
  saves: 'nothing',
  vjp: linear((b, g) => [b.add('neg', [g])]),
});

export const sigmoidOp = elementwise({
  kind: 'sigmoid',
  arity: 1,
  symbol: 'sigmoid',
  fn: sigmoid,
  // 1 / (1 + e^-x) overflows to 1 / ∞ = 0 for very negative x, which is the right limit.
  ts: ([a]) => `1 / (1 + Math.exp(-${a}))`,
  wgsl: ([a]) => `1.0 / (1.0 + exp(-${a}))`,
  simd: (v) => v.sigmoid(),
  saves: 'output',
  vjp: (b, a) => {
    const y = a.output();
    return [mul(b, a.g, mul(b, y, b.add('sub', [b.scalar(1), y])))];
  },
});

export const tanhOp = elementwise({
  kind: 'tanh',
  arity: 1,
  symbol: 'tanh',
  fn: Math.tanh,
  ts: ([a]) => `Math.tanh(${a})`,
  // WGSL's tanh only inherits sinh/cosh's accuracy: SwiftShader's is off by 60 % of the value near 0.
  wgsl: ([a]) => `${tanhF32}(${a})`,
  simd: (v) => v.tanh(),
  saves: 'output',
  vjp: (b, a) => {
    const y = a.output();
    return [mul(b, a.g, b.add('sub', [b.scalar(1), mul(b, y, y)]))];
  },
});

export const reluOp = elementwise({
  kind: 'relu',
  arity: 1,
  symbol: 'relu',
  // Math.max keeps NaN, where `x > 0 ? x : 0` would hide it.
  fn: (x) => Math.max(0, x),
  ts: ([a]) => `Math.max(0, ${a})`,
  wgsl: ([a]) => `max(${a}, 0.0)`,
  simd: (v) => {
    v.constant(0);
    v.max();
  },
  saves: 'inputs',
  vjp: derivative((b, a) => b.add('step', [a.input(0)])),
});

export const expOp = elementwise({
  kind: 'exp',
  arity: 1,
  symbol: 'exp',
  fn: Math.exp,
  ts: ([a]) => `Math.exp(${a})`,
  wgsl: ([a]) => `exp(${a})`,
  simd: (v) => v.exp(),
  saves: 'output',
  vjp: derivative((_b, a) => a.output()),
});

export const logOp = elementwise({
  kind: 'log',
  arity: 1,
  symbol: 'log',
  fn: Math.log,
  ts: ([a]) => `Math.log(${a})`,
  wgsl: ([a]) => `log(${a})`,
  saves: 'inputs',
  vjp: (b, a) => [b.add('div', [a.g, a.input(0)])],
});

export const sqrtOp = elementwise({
  kind: 'sqrt',
  arity: 1,
  symbol: 'sqrt',
  fn: Math.sqrt,
  ts: ([a]) => `Math.sqrt(${a})`,
  wgsl: ([a]) => `sqrt(${a})`,
  simd: (v) => v.sqrt(),
  saves: 'output',
  vjp: (b, a) => [b.add('div', [a.g, mul(b, b.scalar(2), a.output())])],
});

export const absOp = elementwise({
  kind: 'abs',
  arity: 1,
  symbol: 'abs',
  fn: Math.abs,
  ts: ([a]) => `Math.abs(${a})`,
  wgsl: ([a]) => `abs(${a})`,
  simd: (v) => v.abs(),
  saves: 'inputs',
  vjp: derivative((b, a) => b.add('sign', [a.input(0)])),
});

export const softplusOp = elementwise({
  kind: 'softplus',
  arity: 1,
  symbol: 'softplus',
  fn: softplus,
  ts: ([a]) => `Math.max(${a}, 0) + Math.log1p(Math.exp(-Math.abs(${a})))`,
  wgsl: ([a]) => `${softplusF32}(${a})`,
  saves: 'inputs',
  vjp: derivative((b, a) => b.add('sigmoid', [a.input(0)])),
});

export const hardSigmoidOp = elementwise({
  kind: 'hard_sigmoid',
  arity: 1,
  symbol: 'hard_sigmoid',
  fn: hardSigmoid,
  ts: ([a]) => `Math.min(1, Math.max(0, ${a} / 6 + 0.5))`,
  wgsl: ([a]) => `clamp((${a} + 3.0) / 6.0, 0.0, 1.0)`,
  simd: (v) => {
    // (x + 3) / 6: in f32, x + 3 is exact near −3, where x / 6 + 0.5 would cancel.
    v.constant(3);
    v.add();
    v.constant(6);
    v.div();
    v.constant(0);
    v.max();
    v.constant(1);
    v.min();
  },
  saves: 'inputs',
  // Slope 1/6 inside (-3, 3), where 3 - |x| > 0; flat outside.
  vjp: derivative((b, a) => {
    const inside = b.add('step', [b.add('sub', [b.scalar(3), b.add('abs', [a.input(0)])])]);
    return mul(b, inside, b.scalar(1 / 6));
  }),
});

export const stepOp = elementwise({
  kind: 'step',
  arity: 1,
  symbol: 'step',
  fn: step,
  ts: ([a]) => `(${a} > 0 ? 1 : ${a} <= 0 ? 0 : NaN)`,
  // NaN gives 0 here (WGSL has no NaN literal to keep it).
  wgsl: ([a]) => `select(0.0, 1.0, ${a} > 0.0)`,
  saves: 'nothing',
  vjp: zeroGradient(1),
});

export const signOp = elementwise({
  kind: 'sign',
  arity: 1,
  symbol: 'sign',
  fn: Math.sign,
  ts: ([a]) => `Math.sign(${a})`,
  wgsl: ([a]) => `sign(${a})`,
  saves: 'nothing',
  vjp: zeroGradient(1),
});

export const addOp = elementwise({
  kind: 'add',
  arity: 2,
  symbol: '+',
  fn: (a, b) => a + b,
  ts: ([a, b]) => `${a} + ${b}`,
  wgsl: ([a, b]) => `${a} + ${b}`,
  simd: (v) => v.add(),
  saves: 'nothing',
  vjp: linear((_b, g) => [g, g]),
});

export const subOp = elementwise({
  kind: 'sub',
  arity: 2,
  symbol: '-',
  fn: (a, b) => a - b,
  ts: ([a, b]) => `${a} - ${b}`,
  wgsl: ([a, b]) => `${a} - ${b}`,
  simd: (v) => v.sub(),
  saves: 'nothing',
  vjp: linear((b, g) => [g, b.add('neg', [g])]),
});

export const mulOp = elementwise({
  kind: 'mul',
  arity: 2,
  symbol: '*',
  fn: (a, b) => a * b,
  ts: ([a, b]) => `${a} * ${b}`,
  wgsl: ([a, b]) => `${a} * ${b}`,
  simd: (v) => v.mul(),
  saves: 'inputs',
  vjp: (b, a) => [mul(b, a.g, a.input(1)), mul(b, a.g, a.input(0))],
});

export const divOp = elementwise({
  kind: 'div',
  arity: 2,
  symbol: '/',
  fn: (a, b) => a / b,
  ts: ([a, b]) => `${a} / ${b}`,
  wgsl: ([a, b]) => `${a} / ${b}`,
  simd: (v) => v.div(),
  saves: 'inputs',
  // d(a/b) = da/b - a·db/b², from the inputs alone.
  vjp: (b, a) => {
    const [x, y] = [a.input(0), a.input(1)];
    const gOverY = b.add('div', [a.g, y]);
    return [gOverY, b.add('neg', [mul(b, gOverY, b.add('div', [x, y]))])];
  },
});

/** min and max pass the adjoint to the input that won; a tie goes to the second. */
function selectRule<K extends 'min' | 'max'>(firstWins: (b: VjpBuilder, x: number, y: number) => number): VjpRule<K> {
  return (b, a) => {
    const mask = firstWins(b, a.input(0), a.input(1));
    return [mul(b, a.g, mask), mul(b, a.g, b.add('sub', [b.scalar(1), mask]))];
  };
}

export const minOp = elementwise({
  kind: 'min',
  arity: 2,
  symbol: 'min',
  fn: Math.min,
  ts: ([a, b]) => `Math.min(${a}, ${b})`,
  wgsl: ([a, b]) => `min(${a}, ${b})`,
  simd: (v) => v.min(),
  saves: 'inputs',
  vjp: selectRule((b, x, y) => b.add('step', [b.add('sub', [y, x])])),
});

export const maxOp = elementwise({
  kind: 'max',
  arity: 2,
  symbol: 'max',
  fn: Math.max,
  ts: ([a, b]) => `Math.max(${a}, ${b})`,
  wgsl: ([a, b]) => `max(${a}, ${b})`,
  simd: (v) => v.max(),
  saves: 'inputs',
  vjp: selectRule((b, x, y) => b.add('step', [b.add('sub', [x, y])])),
});

/** A comparison: 1 where it holds, else 0 (NaN compares false). No gradient flows through it. */
function comparison<K extends 'less' | 'less_equal' | 'equal'>(
  kind: K,
  symbol: string,
  holds: (a: number, b: number) => boolean,
  code: string,
  simd: (v: VectorOps) => void,
): OpDef<K> {
  return elementwise({
    kind,
    arity: 2,
    symbol,
    fn: (a, b) => (holds(a, b) ? 1 : 0),
    ts: ([a, b]) => `(${a} ${code} ${b} ? 1 : 0)`,
    wgsl: ([a, b]) => `select(0.0, 1.0, ${a} ${code} ${b})`,
    simd,
    saves: 'nothing',
    vjp: zeroGradient(2),
  });
}

export const lessOp = comparison(
  'less',
  '<',
  (a, b) => a < b,
  '<',
  (v) => v.less(),
);
export const lessEqualOp = comparison(
  'less_equal',
  '<=',
  (a, b) => a <= b,
  '<=',
  (v) => v.lessEqual(),
);
export const equalOp = comparison(
  'equal',
  '==',
  (a, b) => a === b,
  '==',
  (v) => v.equal(),
);

/** where(c, a, b): a where c is not 0, else b. */
export function select(c: number, a: number, b: number): number {
  return c !== 0 ? a : b;
}

export const whereOp = elementwise({
  kind: 'where',
  arity: 3,
  symbol: 'where',
  fn: select,
  // A NaN condition is not 0, so it picks a, in every backend alike.
  ts: ([c, a, b]) => `(${c} !== 0 ? ${a} : ${b})`,
  wgsl: ([c, a, b]) => `select(${b}, ${a}, ${c} != 0.0)`,
  simd: (v) => v.select(),
  saves: 'inputs',
  // The adjoint goes to the branch taken; selecting it (rather than multiplying by a 0/1 mask)
  // keeps an infinite adjoint of the other branch from making NaN.
  vjp: (b, a) => {
    const zero = b.scalar(0);
    const c = a.input(0);
    return [null, b.add('where', [c, a.g, zero]), b.add('where', [c, zero, a.g])];
  },
});

/** The remainder of floored division, a − ⌊a / b⌋·b, with b's sign (Python's %, PyTorch's remainder). */
export function floorMod(a: number, b: number): number {
  return a - Math.floor(a / b) * b;
}

export const modOp = elementwise({
  kind: 'mod',
  arity: 2,
  symbol: '%',
  fn: floorMod,
  ts: ([a, b]) => `${a} - Math.floor(${a} / ${b}) * ${b}`,
  wgsl: ([a, b]) => `${a} - floor(${a} / ${b}) * ${b}`,
  simd: (v) => v.remainder(),
  saves: 'inputs',
  // ∂/∂a = 1 and ∂/∂b = −⌊a / b⌋ between the jumps.
  vjp: (b, a) => {
    const quotient = b.add('floor', [b.add('div', [a.input(0), a.input(1)])]);
    return [a.g, b.add('neg', [mul(b, a.g, quotient)])];
  },
});

export const floorOp = elementwise({
  kind: 'floor',
  arity: 1,
  symbol: 'floor',
  fn: Math.floor,
  ts: ([a]) => `Math.floor(${a})`,
  wgsl: ([a]) => `floor(${a})`,
  simd: (v) => v.floor(),
  saves: 'nothing',
  vjp: zeroGradient(1),
});
