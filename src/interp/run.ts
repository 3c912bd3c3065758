/**
 * Running a model on data: binding sizes, making or loading params, reading
 * inputs and initial states, and interpreting the graph. Every user-supplied
 * value is checked here, with messages that name it.
 */
import { noiseValues, type RunMode } from '../ir/ops/noise.js';
import { didYouMean, UserError } from '../diagnostics.js';
import type { ModelInfo } from '../frontend/model.js';
import type { Dim } from '../ir/dims.js';
import { formatShape } from '../ir/dims.js';
import { keepOutputs } from '../ir/prune.js';
import { type TensorType, tensorType } from '../ir/types.js';
import { type Graph, isOp } from '../ir/graph.js';
import { type DType, Tensor } from '../tensor/tensor.js';
import { initialValue } from './init.js';
import { interpret } from './interpret.js';
import { type Layout, tensorFromNested } from './io.js';
import type { DataSpec } from './random-data.js';
import { limits } from '../frontend/limits.js';
import { byName, own } from '../names.js';

export type Sizes = Readonly<Record<string, number>>;

/** The model's sizes: defaults, overridden by `overrides`; each a positive whole number. */
export function bindSizes(model: ModelInfo, overrides: Sizes = {}): Record<string, number> {
  const names = model.sizes.map((s) => s.name);
  for (const [name, value] of Object.entries(overrides)) {
    if (!names.includes(name)) {
      const guess = didYouMean(name, names);
      throw new UserError(
        `model ${model.name} has no size '${name}' (its sizes are ${names.join(', ') || 'none'})${guess ? `; did you mean '${guess}'?` : ''}`,
      );
    }
    if (!Number.isFinite(value)) throw new UserError(`${name} must be a number, got ${value}`);
    if (model.shapeSizes.has(name) && (!Number.isInteger(value) || value <= 0))
      throw new UserError(`size ${name} is used in a shape, so it must be a positive whole number, got ${value}`);
    if (value > limits.size) throw new UserError(`size ${name} is ${value}, past rnnc's limit of ${limits.size}`);
  }
  const sizes: Record<string, number> = byName();
  for (const s of model.sizes) {
    const value = own(overrides, s.name) ?? s.default;
    if (value === undefined)
      throw new UserError(`size ${s.name} of model ${model.name} has no default: pass --size ${s.name}=N`);
    sizes[s.name] = value;
  }
  const check = (what: string, shape: readonly Dim[]) => {
    const concrete = shape.map((d) => d.evaluate(sizes));
    const bound = () =>
      Object.entries(sizes)
        .map(([k, v]) => `${k} = ${v}`)
        .join(', ');
    if (concrete.some((d) => d <= 0)) {
      throw new UserError(
        `with ${bound()}, ${what} ${formatShape(shape)} would be [${concrete.join(', ')}]: every size must be positive`,
      );
    }
    const elements = concrete.reduce((a, b) => a * b, 1);
    if (elements > limits.elements)
      throw new UserError(
        `with ${bound()}, ${what} ${formatShape(shape)} would hold ${elements} values, past rnnc's limit of ${limits.elements} (2^28) a sample`,
      );
  };
  model.params.forEach((p) => check(`param ${p.name}`, p.shape));
  model.inputs.forEach((i) => check(`input ${i.name}`, i.type.shape));
  model.states.forEach((s) => check(`state ${s.name}`, s.shape));
  checkSlices(model.graph, sizes);
  return sizes;
}

/**
 * Every slice within its value at these sizes: `z[0:K]` of a `[H]` value type-checks for any
 * sizes, but with K > H it would read past the value's end (the shapes of a source are checked
 * symbolically; this is the check with numbers).
 */
function checkSlices(graph: Graph, sizes: Readonly<Record<string, number>>): void {
  const pending: Graph[] = [graph];
  while (pending.length > 0) {
    const g = pending.pop() as Graph;
    for (const node of g.nodes) {
      const body = (node.attrs as { body?: Graph }).body;
      if (body) pending.push(body);
      if (!isOp(node, 'slice')) continue;
      const input = g.nodes[node.inputs[0]].type as TensorType;
      const size = input.shape[input.shape.length - 1].evaluate(sizes);
      const start = node.attrs.start.evaluate(sizes);
      const end = node.attrs.end.evaluate(sizes);
      if (start < 0 || end > size || end <= start) {
        const where = node.span ? ` (line ${node.span.line}${node.label ? `, ${node.label}` : ''})` : '';
        const bound = Object.entries(sizes)
          .map(([k, v]) => `${k} = ${v}`)
          .join(', ');
        throw new UserError(
          `with ${bound}, the slice [${String(node.attrs.start)}:${String(node.attrs.end)}]${where} is [${start}:${end}] of a value of size ${size}: a slice must lie within its value`,
        );
      }
    }
  }
}

export function initParams(model: ModelInfo, sizes: Sizes, seed: number, dtype: DType): Record<string, Tensor> {
  const params: Record<string, Tensor> = byName();
  for (const p of model.params) {
    params[p.name] = initialValue(
      { name: p.name, shape: p.shape.map((d) => d.evaluate(sizes)), init: p.init },
      sizes,
      seed,
      dtype,
    );
  }
  return params;
}

/** Params from `{ name: nested array }`; every param must be present and no unknown name given. */
export function readParams(
  model: ModelInfo,
  sizes: Sizes,
  values: Record<string, unknown>,
  dtype: DType,
): Record<string, Tensor> {
  const names = model.params.map((p) => p.name);
  const unknown = Object.keys(values).filter((k) => !names.includes(k));
  if (unknown.length > 0) {
    const guess = didYouMean(unknown[0], names);
    throw new UserError(
      `unknown param '${unknown[0]}'${guess ? ` (did you mean '${guess}'?)` : ''}; model ${model.name} has ${names.join(', ')}`,
    );
  }
  const missing = names.filter((n) => !(n in values));
  if (missing.length > 0)
    throw new UserError(`no value for param${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`);
  const params: Record<string, Tensor> = byName();
  for (const p of model.params)
    params[p.name] = tensorFromNested(`param ${p.name}`, own(values, p.name), tensorType(p.shape), sizes, dtype);
  return params;
}

export interface RunInputs {
  /** Inputs and (optionally) targets by name, as nested arrays. */
  readonly data: Record<string, unknown>;
  readonly params: Record<string, Tensor>;
  /** Initial states by qualified name (`enc.h`), as nested arrays [B][…]. */
  readonly initialStates?: Record<string, unknown>;
  /** Each sample's number of steps, by time axis (an axis not given runs every sample whole). */
  readonly lengths?: Readonly<Record<string, readonly number[]>>;
  /** Train mode draws dropout's masks from the seed; eval mode (the default) draws none. */
  readonly mode?: RunMode;
}

export interface RunOptions {
  readonly sizes: Sizes;
  readonly dtype: DType;
  readonly layout?: Layout;
}

export interface RunResult {
  readonly outputs: Record<string, Tensor>;
  readonly finalStates: Record<string, Tensor>;
  readonly loss?: number;
  readonly batch: number;
  readonly timeLengths: Record<string, number>;
}

/** A run's inputs, checked and as tensors, with the batch size and sequence lengths they imply. */
export interface CheckedRun {
  readonly inputs: Record<string, Tensor>;
  readonly initialStates: Record<string, Tensor>;
  readonly batch: number;
  readonly timeLengths: Record<string, number>;
  /** The per-sample lengths given, as tensors of one number per sample. */
  readonly lengths: Record<string, Tensor>;
  /** The mode and seed as the model reads them. */
  readonly noise: readonly [number, number];
  /** Every target is given, so the loss can be computed. */
  readonly haveTargets: boolean;
}

/** Checks a run's inputs, initial states and params against the model, with messages a user can act on. */
/** What checking a run reads of a model: its name, inputs (targets included), states and params. */
export interface RunShape {
  readonly name: string;
  readonly inputs: readonly DataSpec[];
  readonly states: ModelInfo['states'];
  readonly params: ModelInfo['params'];
}

export function checkRun(model: RunShape, given: RunInputs, options: RunOptions): CheckedRun {
  const { sizes, dtype } = options;
  const layout = options.layout ?? 'time-major';
  const inputNames = model.inputs.map((i) => i.name);
  const stateNames = model.states.map((s) => s.name);
  for (const key of Object.keys(given.data)) {
    if (!inputNames.includes(key)) {
      const guess = didYouMean(key, [...inputNames, ...stateNames]);
      throw new UserError(
        `model ${model.name} has no input '${key}' (its inputs are ${inputNames.join(', ')})${guess ? `; did you mean '${guess}'?` : ''}`,
      );
    }
  }
  const inputs: Record<string, Tensor> = byName();
  for (const input of model.inputs) {
    const value = own(given.data, input.name);
    if (value === undefined) {
      if (input.role === 'input') throw new UserError(`no data for input '${input.name}'`);
      continue;
    }
    inputs[input.name] = tensorFromNested(input.name, value, input.type, sizes, dtype, layout);
    if (input.vocabulary) checkTokens(input.name, inputs[input.name], input.vocabulary.evaluate(sizes));
  }
  const haveTargets = model.inputs.filter((i) => i.role === 'target').every((i) => inputs[i.name] !== undefined);

  let batch: number | undefined;
  const timeLengths: Record<string, number> = byName();
  for (const input of model.inputs) {
    const t = inputs[input.name];
    if (!t) continue;
    if (batch !== undefined && t.lead.batch !== batch) {
      throw new UserError(`${input.name} has a batch of ${t.lead.batch}, but earlier inputs have ${batch}`);
    }
    batch = t.lead.batch ?? batch;
    if (input.type.time !== null) {
      const length = t.lead.time as number;
      const known = timeLengths[input.type.time];
      if (known !== undefined && known !== length) {
        throw new UserError(
          `${input.name} has ${length} steps along ${input.type.time}, but other inputs on that axis have ${known}`,
        );
      }
      timeLengths[input.type.time] = length;
    }
  }
  if (batch === undefined) throw new UserError('no input data was given');

  const initialStates: Record<string, Tensor> = byName();
  for (const [name, value] of Object.entries(given.initialStates ?? {})) {
    const state = model.states.find((s) => s.name === name);
    if (!state) {
      const guess = didYouMean(name, stateNames);
      throw new UserError(
        `model ${model.name} has no state '${name}' (its states are ${stateNames.join(', ') || 'none'})${guess ? `; did you mean '${guess}'?` : ''}`,
      );
    }
    const t = tensorFromNested(
      `initial state ${name}`,
      value,
      tensorType(state.shape, { batched: true }),
      sizes,
      dtype,
    );
    if (t.lead.batch !== batch)
      throw new UserError(`initial state ${name} has a batch of ${t.lead.batch}, but the inputs have ${batch}`);
    initialStates[name] = t;
  }
  for (const p of model.params) {
    const t = own(given.params, p.name);
    if (!t) throw new UserError(`no value for param '${p.name}'`);
    const bad = Array.from(t.data).findIndex((v) => !Number.isFinite(v));
    if (bad >= 0) throw new UserError(`param ${p.name} holds ${t.data[bad]} at flat index ${bad}`);
  }

  const lengths = checkLengths(given.lengths ?? {}, batch, timeLengths, dtype);
  const noise = noiseValues(given.mode ?? { mode: 'eval' });
  if (typeof noise === 'string') throw new UserError(noise);
  return { inputs, initialStates, batch, timeLengths, lengths, noise, haveTargets };
}

/** Token ids: whole numbers below the vocabulary, each bad one named by its sample and step. */
function checkTokens(name: string, ids: Tensor, vocabulary: number): void {
  const batch = ids.lead.batch ?? 1;
  const bad = ids.data.findIndex((id) => !Number.isInteger(id) || id < 0 || id >= vocabulary);
  if (bad < 0) return;
  const place =
    ids.lead.time !== null ? `sample ${bad % batch}, step ${Math.floor(bad / batch)}` : `sample ${bad % batch}`;
  throw new UserError(
    `${name}: ${place} holds ${ids.data[bad]}, which is not a token id (a whole number from 0 to ${vocabulary - 1})`,
  );
}

/** Per-sample lengths: one whole number per sample, from 1 to the axis's padded length. */
export function checkLengths(
  given: Readonly<Record<string, readonly number[]>>,
  batch: number,
  timeLengths: Readonly<Record<string, number>>,
  dtype: DType,
): Record<string, Tensor> {
  const lengths: Record<string, Tensor> = byName();
  for (const [axis, values] of Object.entries(given)) {
    const padded = own(timeLengths, axis);
    if (padded === undefined)
      throw new UserError(
        `lengths are given for ${axis}, but no input runs along it (the time axes are ${Object.keys(timeLengths).join(', ') || 'none'})`,
      );
    if (!Array.isArray(values) || values.length !== batch)
      throw new UserError(
        `the lengths of ${axis} must be one number per sample (${batch}), got ${JSON.stringify(values)}`,
      );
    const t = Tensor.zeros(dtype, { time: null, batch }, []);
    values.forEach((n, b) => {
      if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > padded)
        throw new UserError(
          `sample ${b}'s length along ${axis} is ${String(n)}, but it must be a whole number from 1 to ${padded} (the inputs' steps)`,
        );
      t.data[b] = n;
    });
    lengths[axis] = t;
  }
  return lengths;
}

/** Runs the model in the interpreter. The loss is computed when every target is given. */
export function runModel(model: ModelInfo, given: RunInputs, options: RunOptions): RunResult {
  const { sizes, dtype } = options;
  const { inputs, initialStates, batch, timeLengths, lengths, noise, haveTargets } = checkRun(model, given, options);
  const graph = haveTargets ? model.graph : keepOutputs(model.graph, (o) => o.role !== 'loss');
  const values = interpret(graph, {
    dtype,
    sizes,
    params: given.params,
    inputs,
    initialStates,
    batch,
    timeLengths,
    lengths,
    noise,
  });
  const outputs: Record<string, Tensor> = byName();
  const finalStates: Record<string, Tensor> = byName();
  let loss: number | undefined;
  for (const out of graph.outputs) {
    if (out.role === 'output') outputs[out.name] = values[out.name];
    else if (out.role === 'final_state') finalStates[out.name] = values[out.name];
    else if (out.role === 'loss') loss = values[out.name].data[0];
  }
  return { outputs, finalStates, batch, timeLengths, ...(loss !== undefined ? { loss } : {}) };
}
