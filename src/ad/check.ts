/**
 * Gradient checking: the symbolic gradient against central finite
 * differences in f64, per coordinate and in random directions (JAX's
 * check_vjp: ⟨t, ∇L⟩ against (L(θ + εt) − L(θ − εt)) / 2ε for a random t).
 */
import type { ModelInfo } from '../frontend/model.js';
import { type Bindings, interpret } from '../interp/interpret.js';
import { tensorFromNested } from '../interp/io.js';
import { Random } from '../interp/random.js';
import { randomData } from '../interp/random-data.js';
import { bindSizes, initParams } from '../interp/run.js';
import { dataInputs, type Graph, isOp } from '../ir/graph.js';
import { keepOutputs } from '../ir/prune.js';
import { seedLimit } from '../ir/ops/noise.js';
import { tensorType } from '../ir/types.js';
import type { Tensor } from '../tensor/tensor.js';
import { differentiable, grad, gradName } from './grad.js';
import { withOutputLoss } from './probe.js';
import { GradError } from './walk.js';
import { byName, own } from '../names.js';

export interface CheckTarget {
  readonly name: string;
  readonly kind: 'param' | 'input' | 'initial state';
  /** The value in the bindings; perturbed in place and restored. */
  readonly tensor: Tensor;
}

export interface CheckRow {
  readonly name: string;
  readonly kind: CheckTarget['kind'];
  readonly size: number;
  /** How many coordinates were checked one by one. */
  readonly checked: number;
  /** The largest relative error over those coordinates. */
  readonly coordinateError: number;
  /** The relative error of the derivative along a random direction. */
  readonly directionError: number;
}

export interface CheckOptions {
  /** Coordinates checked per target (all of them when it has fewer). */
  readonly coordinates: number;
  readonly seed: number;
}

/**
 * |a − b| relative to the larger of the two, but never to less than 1e-4: a
 * finite difference in f64 carries an absolute rounding error near 1e-11 for
 * losses of order one, which would dominate the relative error of tiny
 * entries. The random-direction check, over all entries at once, does not
 * need the floor to be meaningful.
 */
export function relativeError(a: number, b: number): number {
  return Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b), 1e-4);
}

const step = 1e-4;

/**
 * The derivative of `f` at 0 by the fourth-order central stencil
 * (8(f(h) − f(−h)) − (f(2h) − f(−2h))) / 12h: error O(h⁴), so a larger step
 * keeps rounding error small too.
 */
function derivativeAtZero(f: (t: number) => number): number {
  return (8 * (f(step) - f(-step)) - (f(2 * step) - f(-2 * step))) / (12 * step);
}

export function checkGradients(
  lossGraph: Graph,
  gradGraph: Graph,
  bindings: Bindings,
  targets: readonly CheckTarget[],
  options: CheckOptions,
): { rows: CheckRow[]; loss: number } {
  const lossOnly = keepOutputs(lossGraph, (o) => o.role === 'loss');
  const loss = () => interpret(lossOnly, bindings).loss.data[0];
  const symbolic = interpret(gradGraph, bindings);
  const rng = new Random(options.seed + 17);
  const rows: CheckRow[] = [];
  for (const target of targets) {
    const data = target.tensor.data;
    const g = symbolic[gradName(target.name)];
    if (!g) throw new Error(`the gradient graph has no output ${gradName(target.name)}`);
    const along = (direction: Float64Array): number => {
      const saved = Float64Array.from(data);
      const derivative = derivativeAtZero((t) => {
        for (let k = 0; k < data.length; k++) data[k] = saved[k] + t * direction[k];
        return loss();
      });
      data.set(saved);
      return derivative;
    };
    const picks =
      data.length <= options.coordinates
        ? Array.from(data, (_, k) => k)
        : Array.from({ length: options.coordinates }, () => Math.floor(rng.next() * data.length));
    let coordinateError = 0;
    for (const k of picks) {
      const unit = new Float64Array(data.length);
      unit[k] = 1;
      coordinateError = Math.max(coordinateError, relativeError(along(unit), g.data[k]));
    }
    const direction = Float64Array.from(data, () => rng.normal());
    // Not Math.hypot(...direction): spreading a large param's values overflows the call stack.
    const norm = Math.sqrt(direction.reduce((acc, v) => acc + v * v, 0));
    direction.forEach((v, k) => (direction[k] = v / norm));
    const predicted = direction.reduce((acc, v, k) => acc + v * g.data[k], 0);
    rows.push({
      name: target.name,
      kind: target.kind,
      size: data.length,
      checked: picks.length,
      coordinateError,
      directionError: relativeError(along(direction), predicted),
    });
  }
  return { rows, loss: loss() };
}

export interface ModelCheckOptions {
  readonly steps: Readonly<Record<string, number>>;
  readonly batch: number;
  readonly seed: number;
  readonly coordinates?: number;
  readonly remat?: boolean;
  readonly sizes?: Readonly<Record<string, number>>;
  /**
   * Keep every state's declared initial value instead of drawing one: for bookkeeping states
   * (a counter, a clock) whose meaning a random start would change. Their gradients go unchecked.
   */
  readonly declaredStates?: boolean;
  /** Dropout's masks: drawn from the seed in train mode (the default), none in eval mode. */
  readonly mode?: 'train' | 'eval';
}

/**
 * Checks a model's gradients on random data, params and initial states. A
 * lone cell's model has no loss, so it is checked under sum(output ⊙ R).
 */
export function gradcheckModel(
  model: ModelInfo,
  options: ModelCheckOptions,
): { rows: CheckRow[]; loss: number; probe: boolean } {
  if (!model.hasLoss && !model.implicit) {
    throw new GradError(
      `model ${model.name} has no loss, so there is no gradient to check: add a line like 'loss mse(y, target)'`,
      model.span,
    );
  }
  const graph = model.hasLoss ? model.graph : withOutputLoss(model.graph);
  const sizes = bindSizes(model, options.sizes ?? {});
  const specs = dataInputs(graph);
  const data = randomData(specs, sizes, options.steps, options.batch, options.seed);
  const inputs = byName(specs.map((s) => [s.name, tensorFromNested(s.name, own(data, s.name), s.type, sizes, 'f64')]));
  const rng = new Random(options.seed + 5);
  // Initializers leave biases at zero; a little noise makes every coordinate's check meaningful.
  const params = initParams(model, sizes, options.seed, 'f64');
  for (const p of Object.values(params)) p.data.forEach((v, k) => (p.data[k] = v + rng.uniform(-0.1, 0.1)));
  // States that start from another layer or a learned param keep their default, so that path is checked too.
  const constantDefault = new Set(
    graph.nodes.flatMap((n) =>
      isOp(n, 'state_init') && graph.nodes[n.inputs[0]].op === 'const' ? [n.attrs.name] : [],
    ),
  );
  const overridden = options.declaredStates ? [] : model.states.filter((s) => constantDefault.has(s.name));
  const initialStates = Object.fromEntries(
    overridden.map((s) => {
      if (s.shape.length !== 1)
        throw new GradError(`state ${s.name} is not a vector; gradcheck draws vector states only`);
      const n = s.shape[0].evaluate(sizes);
      const value = Array.from({ length: options.batch }, () =>
        Array.from({ length: n }, () => rng.uniform(-0.5, 0.5)),
      );
      return [s.name, tensorFromNested(s.name, value, tensorType(s.shape, { batched: true }), sizes, 'f64')];
    }),
  );
  const batch = options.batch;
  const timeLengths = Object.fromEntries(
    Object.entries(options.steps).filter(([axis]) => specs.some((s) => s.type.time === axis)),
  );
  // In train mode every evaluation draws the same masks, so the loss is a smooth function of what is checked.
  const noise: [number, number] = [(options.mode ?? 'train') === 'train' ? 1 : 0, options.seed % seedLimit];
  const bindings: Bindings = { dtype: 'f64', sizes, params, inputs, initialStates, batch, timeLengths, noise };
  const targets: CheckTarget[] = [
    ...model.params.map((p) => ({ name: p.name, kind: 'param' as const, tensor: params[p.name] })),
    ...model.inputs
      .filter(differentiable)
      .map((i) => ({ name: i.name, kind: 'input' as const, tensor: inputs[i.name] })),
    ...overridden.map((s) => ({ name: s.name, kind: 'initial state' as const, tensor: initialStates[s.name] })),
  ];
  const { graph: gradGraph } = grad(graph, { remat: options.remat ?? false });
  const result = checkGradients(graph, gradGraph, bindings, targets, {
    coordinates: options.coordinates ?? 8,
    seed: options.seed,
  });
  return { ...result, probe: !model.hasLoss };
}
