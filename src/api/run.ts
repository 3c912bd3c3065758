/**
 * Running a model in the reference interpreter (or on WebGPU), and the interpreter's gradients:
 * params from initializers, JSON, PyTorch or Keras weights; inputs given or drawn at random.
 */
import { grad as differentiate, gradName, type GradOptions } from '../ad/grad.js';
import { UserError } from '../diagnostics.js';
import type { ModelInfo } from '../frontend/model.js';
import type { Program } from '../frontend/program.js';
import { interpret } from '../interp/interpret.js';
import { type Layout, type Nested, tensorToNested } from '../interp/io.js';
import { randomData } from '../interp/random-data.js';
import { checkRun, initParams, readParams, runModel } from '../interp/run.js';
import { dataInputs, isNoisy } from '../ir/graph.js';
import type { RunMode } from '../ir/ops/noise.js';
import type { DType, Tensor } from '../tensor/tensor.js';
import { readKerasWeights } from '../weights/keras.js';
import { readTorchWeights, torchInitialStates } from '../weights/torch.js';
import { lossGraph } from './graph.js';
import { stateDictOf } from './weights.js';
import {
  chooseModel,
  type ModelChoice,
  programOf,
  type ProgramSource,
  type SourceOptions,
  withGradErrors,
} from './program.js';
import { byName, mergeByName, own } from '../names.js';
import { padRagged, raggedModel } from './lengths.js';

export type { Layout, Nested, Tensor };

/** What a call computes on: params, inputs and initial states, each given or made. */
export interface ValueOptions extends SourceOptions, ModelChoice {
  /** Seed of the initializers and of random inputs (default 0). */
  readonly seed?: number;
  /** Interpreter precision (default f64). */
  readonly dtype?: DType;
  /** Inputs and outputs are `[T][B][…]` (default) or `[B][T][…]`. */
  readonly layout?: Layout;
  /** Inputs and targets by name as nested arrays; random in [−1, 1] (one-hot targets) when absent. */
  readonly inputs?: Readonly<Record<string, unknown>>;
  /** Length of random inputs: one for every time axis, or one per axis (`{ S: 6, U: 4 }`). Default 5. */
  readonly steps?: number | Readonly<Record<string, number>>;
  /** Batch of random inputs (default 2). */
  readonly batch?: number;
  /** Params by the names `check` lists, as nested arrays; the rest from their initializers. */
  readonly params?: Readonly<Record<string, unknown>>;
  /**
   * A PyTorch nn.RNN / nn.LSTM / nn.GRU state dict: safetensors bytes, or an object of nested
   * arrays (a bare state dict, or one under `params` with `h0` / `c0` beside it).
   */
  readonly torchWeights?: Uint8Array | Readonly<Record<string, unknown>>;
  /** The name messages give the PyTorch weights (their file), default `the PyTorch weights`. */
  readonly torchWeightsFile?: string;
  /** Keras / TF.js LSTM or GRU weights (`kernel`, `recurrent_kernel`, `bias`, or `<layer>/kernel` …). */
  readonly kerasWeights?: Readonly<Record<string, unknown>>;
  /** Initial states by qualified name (`enc.h`), as nested arrays `[B][…]`. */
  readonly initialStates?: Readonly<Record<string, unknown>>;
  /**
   * Each sample's number of steps, by time axis (`{ T: [5, 3, 1] }`): the inputs are padded to the
   * longest, and each sample runs for its own steps (docs/language.md, "Variable-length batches").
   */
  readonly lengths?: Readonly<Record<string, readonly number[]>>;
  /**
   * `train` draws dropout's and zoneout's masks (from `maskSeed`, default 0); `eval` (the
   * default) draws none: dropout passes values through, zoneout mixes by its expectation.
   */
  readonly mode?: 'train' | 'eval';
  /** The seed of the masks in train mode: a whole number below 2^24 (default 0). */
  readonly maskSeed?: number;
}

/** The values a call works on, made from its options. */
export interface Given {
  readonly program: Program;
  readonly model: ModelInfo;
  readonly sizes: Record<string, number>;
  readonly dtype: DType;
  readonly layout: Layout;
  readonly params: Record<string, Tensor>;
  readonly data: Record<string, unknown>;
  readonly initialStates: Record<string, unknown>;
  readonly lengths: Readonly<Record<string, readonly number[]>>;
  readonly mode: RunMode;
  /** What was made rather than given (initializers, random inputs). */
  readonly notes: string[];
}

function positiveWhole(value: number, what: string): number {
  if (!Number.isInteger(value) || value <= 0)
    throw new UserError(`${what} must be a positive whole number, got ${value}`);
  return value;
}

export function checkSeed(seed: number): number {
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff)
    throw new UserError(`the seed must be a whole number from 0 to 4294967295, got ${seed}`);
  return seed;
}

/** Each time axis of a model's inputs with its length: `steps` for all, or one per axis. */
export function stepsByAxis(
  model: ModelInfo,
  steps: number | Readonly<Record<string, number>> = 5,
): Record<string, number> {
  const axes = [...new Set(model.inputs.flatMap((i) => (i.type.time !== null ? [i.type.time] : [])))];
  if (typeof steps === 'number') return byName(axes.map((a) => [a, positiveWhole(steps, 'steps')]));
  for (const axis of axes) {
    const length = own(steps, axis);
    if (length === undefined) throw new UserError(`steps gives no length for time axis ${axis}`);
    positiveWhole(length, `the steps of ${axis}`);
  }
  return mergeByName(steps);
}

/** The params a call uses: initializers, then `params`, PyTorch and Keras weights over them. */
export function givenValues(
  source: ProgramSource,
  options: ValueOptions,
  dtype: DType = options.dtype ?? 'f64',
): Given {
  const program = programOf(source, options);
  const { model, sizes } = chooseModel(program, options);
  if (dtype !== 'f64' && dtype !== 'f32') throw new UserError(`dtype is f64 or f32, got '${String(dtype)}'`);
  const seed = checkSeed(options.seed ?? 0);
  const layout = options.layout ?? 'time-major';
  if (layout !== 'time-major' && layout !== 'batch-major')
    throw new UserError(`layout is time-major or batch-major, got '${String(layout)}'`);
  const notes: string[] = [];
  let params = initParams(model, sizes, seed, dtype);
  if (options.params) params = mergeByName(params, readParams(model, sizes, mergeByName(options.params), dtype));
  let torchStates: Record<string, unknown> = byName();
  const loaded = (what: string, names: readonly string[]) => {
    const rest = model.params.filter((p) => !names.includes(p.name)).map((p) => p.name);
    if (rest.length > 0 && !options.params)
      notes.push(`params not in the ${what} weights start from their initializers: ${rest.join(', ')}`);
  };
  if (options.torchWeights) {
    const file = stateDictOf(options.torchWeights, options.torchWeightsFile);
    const nested = typeof file.params === 'object' && file.params !== null && !('data' in file.params);
    const stateDict = (nested ? file.params : file) as Record<string, unknown>;
    const torch = readTorchWeights(model, program.cellTable, sizes, stateDict, dtype);
    params = mergeByName(params, torch);
    torchStates = torchInitialStates(model, { h0: file.h0, c0: file.c0 });
    loaded('PyTorch', Object.keys(torch));
  }
  if (options.kerasWeights) {
    const keras = readKerasWeights(model, program.cellTable, sizes, { ...options.kerasWeights }, dtype);
    params = mergeByName(params, keras);
    loaded('Keras', Object.keys(keras));
  }
  if (!options.params && !options.torchWeights && !options.kerasWeights)
    notes.push(`params from their initializers with seed ${seed}`);

  let data: Record<string, unknown>;
  let lengths = mergeByName(options.lengths ?? {});
  if (options.inputs) ({ data, lengths } = padRagged(model, mergeByName(options.inputs), layout, lengths));
  else {
    const steps = stepsByAxis(model, options.steps);
    const batch = positiveWhole(options.batch ?? 2, 'batch');
    data = randomData(model.inputs, sizes, steps, batch, seed);
    const stepText = Object.entries(steps)
      .map(([a, n]) => `${a}=${n}`)
      .join(', ');
    notes.push(`no inputs given: random inputs in [-1, 1] and one-hot targets with ${stepText}, B=${batch}`);
  }
  const initialStates = mergeByName(torchStates, options.initialStates);
  // With per-sample lengths the model runs each sample for its own steps (src/ir/lengths.ts).
  const ragged = raggedModel(model, Object.keys(lengths));
  const mode: RunMode = { mode: options.mode ?? 'eval', seed: options.maskSeed ?? 0 };
  if (isNoisy(model.graph) && mode.mode === 'train')
    notes.push(`dropout masks drawn in train mode with seed ${mode.seed}`);
  return { program, model: ragged, sizes, dtype, layout, params, data, initialStates, lengths, mode, notes };
}

export interface RunOptions extends ValueOptions {
  /** `interp` (default): the reference interpreter; `wgsl`: the model's WGSL kernels on WebGPU, in f32. */
  readonly target?: 'interp' | 'wgsl';
  /** WGSL: optimization level (default 2). */
  readonly level?: 0 | 1 | 2;
  /** WGSL: how phases become dispatches (default auto). */
  readonly schedule?: 'auto' | 'steps' | 'persistent' | 'hybrid';
}

export interface RunResult {
  readonly model: string;
  readonly sizes: Readonly<Record<string, number>>;
  readonly batch: number;
  readonly dtype: DType;
  readonly outputs: Readonly<Record<string, Tensor>>;
  readonly finalStates: Readonly<Record<string, Tensor>>;
  /** Present when every target was given. */
  readonly loss?: number;
  /** The params the run used (initializers and loaded weights). */
  readonly params: Readonly<Record<string, Tensor>>;
  /** The WebGPU adapter the WGSL kernels ran on (target wgsl). */
  readonly adapter?: string;
  readonly notes: readonly string[];
}

/** Runs a model: outputs, final states and, when every target is given, the loss. */
export async function run(source: ProgramSource, options: RunOptions = {}): Promise<RunResult> {
  const target = options.target ?? 'interp';
  if (target !== 'interp' && target !== 'wgsl')
    throw new UserError(`target is interp or wgsl, got '${String(target)}'`);
  // The WGSL kernels compute in f32; params and inputs are read as f32 for them.
  const given = givenValues(source, options, target === 'wgsl' ? 'f32' : options.dtype);
  const { program, model, sizes, dtype, layout } = given;
  const inputs = {
    data: given.data,
    params: given.params,
    initialStates: given.initialStates,
    lengths: given.lengths,
    mode: given.mode,
  };
  let result;
  let adapter: string | undefined;
  if (target === 'wgsl') {
    const { runOnGpu } = await import('./run-wgsl.js');
    const level = options.level ?? 2;
    const gpu = await runOnGpu(
      model,
      inputs,
      { sizes, dtype, layout },
      {
        level,
        schedule: options.schedule ?? 'auto',
        source: { file: program.file, text: program.source },
        cells: program.cellTable,
      },
    );
    adapter = gpu.adapter;
    result = gpu;
    given.notes.push(`ran the WGSL kernels (-O${level}) on ${adapter}`);
  } else result = runModel(model, inputs, { sizes, dtype, layout });
  return {
    model: model.name,
    sizes,
    batch: result.batch,
    dtype,
    outputs: result.outputs,
    finalStates: result.finalStates,
    ...(result.loss !== undefined ? { loss: result.loss } : {}),
    params: given.params,
    ...(adapter !== undefined ? { adapter } : {}),
    notes: given.notes,
  };
}

export interface GradientOptions extends ValueOptions, Omit<GradOptions, 'stateAdjoints'> {}

export interface GradientResult {
  readonly model: string;
  readonly sizes: Readonly<Record<string, number>>;
  readonly batch: number;
  readonly dtype: DType;
  readonly loss: number;
  /** dL/d(param) for every param. */
  readonly params: Readonly<Record<string, Tensor>>;
  /** dL/d(input) for every input (not targets). */
  readonly inputs: Readonly<Record<string, Tensor>>;
  /** dL/d(initial state) for every recurrent state. */
  readonly initialStates: Readonly<Record<string, Tensor>>;
  readonly notes: readonly string[];
}

/**
 * The interpreter's gradients of the loss for given (or random) inputs: every param, every
 * input and every initial state. A lone cell has no loss: its gradient is that of
 * sum(output ⊙ R), R given as the target `d:<output>` (random when absent).
 */
export function gradients(source: ProgramSource, options: GradientOptions = {}): GradientResult {
  const given = givenValues(source, options);
  const { program, model, sizes, dtype, layout } = given;
  if (!model.hasLoss && !model.implicit)
    throw new UserError(
      `model ${model.name} has no loss, so it has no gradient: add a line like 'loss mse(y, target)'`,
    );
  const { graph, note } = lossGraph(model);
  if (note) given.notes.push(note);
  const result = withGradErrors(program, () => differentiate(graph, options));
  // The loss graph's inputs: the model's, and for a lone cell the target R of sum(output ⊙ R).
  const lossModel = { ...model, inputs: dataInputs(graph) };
  const values = {
    data: given.data,
    params: given.params,
    initialStates: given.initialStates,
    lengths: given.lengths,
    mode: given.mode,
  };
  const probes = lossModel.inputs.filter((i) => !model.inputs.some((m) => m.name === i.name));
  const drawn = probes.filter((p) => own(given.data, p.name) === undefined);
  if (drawn.length > 0) {
    const { batch, timeLengths } = checkRun(model, values, { sizes, dtype, layout });
    // Uniform like an input's values (randomData would make a target one-hot), as PyTorch's reference R is.
    const asInputs = drawn.map((p) => ({ ...p, role: 'input' as const }));
    const random = randomData(asInputs, sizes, timeLengths, batch, checkSeed(options.seed ?? 0) + 1);
    values.data = { ...values.data, ...(layout === 'batch-major' ? batchMajor(random) : random) };
    given.notes.push(`R (${drawn.map((p) => p.name).join(', ')}) drawn at random in [-1, 1]`);
  }
  const checked = checkRun(lossModel, values, { sizes, dtype, layout });
  if (!checked.haveTargets) {
    const missing = model.inputs.filter((i) => i.role === 'target' && own(checked.inputs, i.name) === undefined);
    throw new UserError(
      `the gradient needs the loss, and the loss needs target ${missing.map((i) => i.name).join(', ')}`,
    );
  }
  const computed = interpret(result.graph, {
    dtype,
    sizes,
    params: given.params,
    inputs: checked.inputs,
    initialStates: checked.initialStates,
    batch: checked.batch,
    timeLengths: checked.timeLengths,
    lengths: checked.lengths,
    noise: checked.noise,
  });
  const pick = (names: readonly string[]) =>
    Object.fromEntries(names.flatMap((name) => (computed[gradName(name)] ? [[name, computed[gradName(name)]]] : [])));
  return {
    model: model.name,
    sizes,
    batch: checked.batch,
    dtype,
    loss: computed.loss.data[0],
    params: pick(model.params.map((p) => p.name)),
    inputs: pick(model.inputs.filter((i) => i.role === 'input').map((i) => i.name)),
    initialStates: pick(model.states.map((s) => s.name)),
    notes: given.notes,
  };
}

/** Random data, drawn time-major, as batch-major nested arrays. */
function batchMajor(data: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(data).map(([name, rows]) => {
      const steps = rows as unknown[][];
      return [name, steps[0].map((_, b) => steps.map((step) => step[b]))];
    }),
  );
}

/** A result tensor as nested arrays, time-major or batch-major. */
export function toNested(tensor: Tensor, layout: Layout = 'time-major'): Nested {
  return tensorToNested(tensor, layout);
}
