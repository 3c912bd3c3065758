/**
 * The random masks of dropout and zoneout. A mask is a pure function of the
 * run's mode and seed, the mask's salt (one per use in a model), the step's
 * position along time and the element's place in the step, through a
 * counter-based hash of 32-bit integers. Every backend computes the same
 * integers (JavaScript's Math.imul and WGSL's u32 arithmetic both wrap), so a
 * seed gives the same mask, bit for bit, in the interpreter, the TypeScript
 * module and the WGSL kernels, wherever the mask is computed: inside a step or
 * hoisted out of it, forward or again in the backward pass.
 */
import { UserError } from '../../diagnostics.js';
import { Dim } from '../dims.js';
import { Tensor } from '../../tensor/tensor.js';
import { expectTensor, formatType, ShapeError, type TensorType } from '../types.js';
import { type OpDef, tensorValue } from './opdef.js';
import { zeroGradient } from './vjp-rules.js';

export type MaskKind = 'dropout' | 'zoneout';

/** The type of the run's mode and seed: [train (1) or eval (0), seed]. */
export const noiseType: TensorType = { kind: 'tensor', shape: [Dim.of(2)], batched: false, time: null };

/** The name of the model input holding the mode and seed (a space keeps it apart from the source's names). */
export const noiseInputName = 'dropout mode and seed';

/** Seeds are whole numbers below 2^24, exact in the f32 buffers of every backend. */
export const seedLimit = 2 ** 24;

/**
 * How a model with dropout runs: in eval mode (the default) no mask is drawn, which is
 * deterministic; in train mode masks are drawn from the seed, the same masks for the same seed.
 */
export interface RunMode {
  readonly mode: 'train' | 'eval';
  readonly seed?: number;
}

/** The mode and seed as a model reads them ([1 or 0, seed]), or a message saying what is wrong. */
export function noiseValues(run: RunMode): [number, number] | string {
  if (typeof run !== 'object' || run === null) return "the mode is an object like { mode: 'train', seed: 1 }";
  if (run.mode !== 'train' && run.mode !== 'eval')
    return `the mode is 'train' or 'eval', not ${JSON.stringify(run.mode)}`;
  const seed = run.seed ?? 0;
  if (!(Number.isInteger(seed) && seed >= 0 && seed < seedLimit))
    return `a seed is a whole number from 0 to ${seedLimit - 1}, not ${JSON.stringify(run.seed)}`;
  return [run.mode === 'train' ? 1 : 0, seed];
}

/** The hash's masks are drawn on 24 bits: an element is hit when its draw is below p·2^24. */
export function threshold(p: number): number {
  return Math.round(p * 2 ** 24);
}

/**
 * A mask's values: where the draw hits (probability p), where it misses, and in eval mode.
 * Dropout drops what it hits and scales the rest by 1/(1 − p) (inverted dropout), so eval
 * is the identity. Zoneout's mask is 1 where a unit keeps its previous value; in eval mode it
 * is the probability p itself (the expectation, as Krueger et al. do).
 */
export function maskValues(kind: MaskKind, p: number): { hit: number; miss: number; eval: number } {
  return kind === 'dropout' ? { hit: 0, miss: 1 / (1 - p), eval: 1 } : { hit: 1, miss: 0, eval: p };
}

/** A mask's rate once sizes are bound (a hyperparameter may set it), checked. */
export function rateOf(kind: MaskKind, p: Dim, sizes: Readonly<Record<string, number>>): number {
  const value = p.evaluate(sizes);
  const wrong = checkRate(kind, value);
  if (wrong) throw new UserError(wrong);
  return value;
}

/** The rates a mask kind allows: dropout cannot drop everything (its scale would be infinite). */
export function checkRate(kind: MaskKind, p: number): string | undefined {
  const ok = Number.isFinite(p) && p >= 0 && (kind === 'dropout' ? p < 1 : p <= 1);
  return ok
    ? undefined
    : `a ${kind} rate is a probability ${kind === 'dropout' ? 'from 0 up to (not including) 1' : 'from 0 to 1'}, not ${p}`;
}

/** A 32-bit integer finalizer (lowbias32): every input bit flips about half the output bits. */
export function mix32(v: number): number {
  let x = v >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x >>> 0;
}

/** The key of one step of one mask: the seed, the mask's salt and the step's position, mixed. */
export function stepKey(seed: number, salt: number, position: number): number {
  return mix32(mix32(seed ^ mix32(salt)) + position);
}

/** The 24-bit draw of element `index` of a step. */
export function draw(key: number, index: number): number {
  return mix32(key + index) >>> 8;
}

/**
 * The same functions as TypeScript source, for generated modules (test/noise.test.ts checks
 * that the two agree).
 */
export const noiseJs = `function mix32(v: number): number {
  let x = v >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x >>> 0;
}
function stepKey(seed: number, salt: number, position: number): number {
  return mix32(mix32(seed ^ mix32(salt)) + position);
}
function draw(key: number, index: number): number {
  return mix32(key + index) >>> 8;
}`;

/** The same functions in WGSL, whose u32 arithmetic wraps as Math.imul does. */
export const noiseWgsl = [
  'fn rnnc_mix32(v: u32) -> u32 {',
  '  var x = v;',
  '  x ^= x >> 16u;',
  '  x *= 0x7feb352du;',
  '  x ^= x >> 15u;',
  '  x *= 0x846ca68bu;',
  '  x ^= x >> 16u;',
  '  return x;',
  '}',
  '',
  '// 1.0 where element `index` of the step at `position` is hit by a mask (salt) drawn with `seed`.',
  'fn rnnc_hit(seed: f32, salt: u32, position: f32, index: u32, threshold: u32) -> bool {',
  '  let key = rnnc_mix32(rnnc_mix32(u32(seed) ^ rnnc_mix32(salt)) + u32(position));',
  '  return (rnnc_mix32(key + index) >> 8u) < threshold;',
  '}',
].join('\n');

function checkNoiseInputs(like: TensorType, noise: TensorType, position: TensorType): void {
  if (noise.batched || noise.time !== null || noise.shape.length !== 1)
    throw new ShapeError(`a mask reads the run's mode and seed [2], not ${formatType(noise)}`);
  if (position.batched || position.shape.length !== 0)
    throw new ShapeError(`a mask reads one step position at a time, not ${formatType(position)}`);
  if (position.time !== null && position.time !== like.time)
    throw new ShapeError(`a mask's positions run along ${position.time}, but its value does not`);
}

/**
 * random_mask(noise, position): a mask of the type it names. `position` is the step's place
 * along time (a sequence of them for a whole sequence; the constant 0 for a mask shared by every
 * step, as variational dropout's is). Element k of sample b of a step is hit when
 * draw(stepKey(seed, salt, position), b · size + k) < p · 2^24. The mask reads no value of what
 * it masks, so a mask the same at every step is an invariant of the loop, drawn once.
 */
export const randomMaskOp: OpDef<'random_mask'> = {
  kind: 'random_mask',
  arity: 2,
  pure: true,
  symbol: 'random_mask',
  // A mask drawn at each step of a sequence runs along the sequence's axis (a cell's step
  // inlined over a sequence draws one for each of its steps).
  type: ([noise, position], { type }) => {
    const at = expectTensor(position, 'the position');
    const like = { ...type, time: type.time ?? at.time };
    checkNoiseInputs(like, expectTensor(noise, 'the mode and seed'), at);
    return like;
  },
  eval: ([noise, position], { kind, p, salt, type }, ctx) => {
    const [mode, seed] = tensorValue(noise).data;
    const positions = tensorValue(position);
    const lead = {
      time: type.time === null ? positions.lead.time : (ctx.timeLengths[type.time] ?? 0),
      batch: type.batched ? ctx.batch : null,
    };
    const out = Tensor.zeros(
      ctx.dtype,
      lead,
      type.shape.map((d) => d.evaluate(ctx.sizes)),
    );
    const rate = rateOf(kind, p, ctx.sizes);
    const values = maskValues(kind, rate);
    if (mode === 0) return (out.data.fill(values.eval), out);
    const steps = lead.time ?? 1;
    const perStep = out.data.length / steps;
    const limit = threshold(rate);
    for (let s = 0; s < steps; s++) {
      const key = stepKey(seed, salt, positions.lead.time === null ? positions.data[0] : positions.data[s]);
      for (let k = 0; k < perStep; k++) out.data[s * perStep + k] = draw(key, k) < limit ? values.hit : values.miss;
    }
    return out;
  },
  saves: 'nothing',
  // The mask is data: the gradient flows through the product it scales, not into it.
  vjp: zeroGradient(2),
};
