/**
 * A model compiled for training and loaded into this process: the
 * TypeScript module (with its WebAssembly SIMD kernels) or the WGSL kernels
 * with their host on a WebGPU device. Both are the very modules `rnnc
 * compile` writes, transpiled and imported, so training runs what ships.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { stripTypes } from '../backends/js.js';
import { compileToTypeScript } from '../backends/ts/index.js';
import { compileToWgsl } from '../backends/wgsl/index.js';
import { openDevice } from '../backends/wgsl/runtime.js';
import { UserError } from '../diagnostics.js';
import type { CellInfo } from '../frontend/cell.js';
import type { ModelInfo } from '../frontend/model.js';
import type { Tensor } from '../data/dataset.js';
import type { OptLevel } from '../passes/pipeline.js';
import { raggedModel } from '../api/lengths.js';
import { isNoisy } from '../ir/graph.js';
import { lengthAxes } from '../ir/lengths.js';
import { type RunMode, seedLimit } from '../ir/ops/noise.js';

export type Params = Record<string, Float32Array>;
export type Inputs = Record<string, Tensor>;
export type Lengths = Readonly<Record<string, readonly number[]>>;

export interface OptimizerState {
  steps: number;
  readonly first: Record<string, Float32Array | undefined>;
  readonly second: Record<string, Float32Array | undefined>;
  readonly options: { readonly method: string };
}

export interface OptimizerOptions {
  readonly method: 'sgd' | 'adam';
  readonly learningRate: number;
  readonly clipNorm?: number;
}

export interface InputSpec {
  readonly time: string | null;
  readonly target: boolean;
  /** False for the target of an output computed from params and constants alone. */
  readonly batch: boolean;
  readonly shape: readonly number[];
  /** Token ids below this number, one a step, for a `token(V)` input. */
  readonly vocabulary?: number;
}

export interface Evaluation {
  readonly loss: number;
  readonly outputs: Readonly<Record<string, Tensor>>;
}

/** What training needs of a compiled model, the same for both targets. */
export interface Compiled {
  /** 'TypeScript module (WebAssembly SIMD kernels)' or 'WGSL kernels on <adapter>'. */
  readonly description: string;
  /** The module's source: the TypeScript module, or the WGSL host (kernels inside). */
  readonly code: string;
  readonly paramShapes: Readonly<Record<string, readonly number[]>>;
  /** Each input's time axis, whether it is a target, whether it has a batch axis, and its per-sample shape. */
  readonly inputSpecs: Readonly<Record<string, InputSpec>>;
  init(seed: number): Params;
  optimizer(options: OptimizerOptions): OptimizerState;
  /**
   * `lengths`: each sample's steps by time axis, for a model compiled with them. A model with
   * dropout trains in train mode, its masks drawn from `maskSeed`.
   */
  trainStep(
    params: Params,
    opt: OptimizerState,
    inputs: Inputs,
    lengths?: Lengths,
    maskSeed?: number,
  ): Promise<{ loss: number; gradientNorm: number }>;
  /** The loss and the outputs (grad's forward half), in eval mode. */
  evaluate(params: Params, inputs: Inputs, lengths?: Lengths): Promise<Evaluation>;
  forward(
    params: Params,
    inputs: Inputs,
    initialStates?: Record<string, Float32Array>,
  ): Promise<{ outputs: Record<string, Tensor>; finalStates: Record<string, Tensor> }>;
  destroy(): void;
}

export interface CompileOptions {
  readonly target: 'ts' | 'wgsl';
  readonly sizes: Readonly<Record<string, number>>;
  readonly source: { readonly file: string; readonly text: string };
  readonly cells: ReadonlyMap<string, CellInfo>;
  readonly truncate?: number;
  /** Optimization level (2 unless said). */
  readonly level?: OptLevel;
  /** Time axes whose batches hold samples of different lengths (src/ir/lengths.ts). */
  readonly lengths?: readonly string[];
}

/** TypeScript source → an imported ES module (through a temporary file, removed once loaded): `--target js`'s code. */
async function importTypeScript(code: string): Promise<Record<string, unknown>> {
  const js = stripTypes(code);
  const folder = mkdtempSync(join(tmpdir(), 'rnnc-'));
  const path = join(folder, 'model.mjs');
  try {
    writeFileSync(path, js);
    return (await import(pathToFileURL(path).href)) as Record<string, unknown>;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

type Fn = (...args: unknown[]) => unknown;

export async function compileForTraining(declared: ModelInfo, options: CompileOptions): Promise<Compiled> {
  const model = raggedModel(declared, options.lengths ?? []);
  // The arguments after the initial states: the lengths (compiled with them), then the mode (with dropout).
  const ragged = lengthAxes(model.graph).length > 0;
  const noisy = isNoisy(model.graph);
  const trailing = (lengths: Lengths, mode: RunMode) => [...(ragged ? [lengths] : []), ...(noisy ? [mode] : [])];
  const train = (maskSeed: number): RunMode => ({ mode: 'train', seed: maskSeed % seedLimit });
  const evaluation: RunMode = { mode: 'eval' };
  const common = {
    level: options.level ?? 2,
    sizes: options.sizes,
    source: options.source,
    cells: options.cells,
    ...(options.truncate !== undefined && options.truncate > 0 ? { truncate: options.truncate } : {}),
  };
  if (options.target === 'ts') {
    const { code } = compileToTypeScript(model, { ...common, dtype: 'f32', cpu: 'simd' });
    const m = await importTypeScript(code);
    const call = (name: string) => m[name] as Fn;
    return {
      description: `TypeScript module (${m.cpu === 'simd' ? 'WebAssembly SIMD kernels' : 'scalar kernels'})`,
      code,
      paramShapes: m.paramShapes as Record<string, number[]>,
      inputSpecs: m.inputSpecs as Record<string, InputSpec>,
      init: (seed) => call('init')(seed) as Params,
      optimizer: (o) => call('optimizer')(o) as OptimizerState,
      trainStep: async (p, opt, inputs, lengths = {}, maskSeed = 0) =>
        call('trainStep')(p, opt, inputs, {}, ...trailing(lengths, train(maskSeed))) as {
          loss: number;
          gradientNorm: number;
        },
      evaluate: async (p, inputs, lengths = {}) =>
        call('grad')(p, inputs, {}, ...trailing(lengths, evaluation)) as Evaluation,
      forward: async (p, inputs, states = {}) =>
        call('forward')(p, inputs, states) as { outputs: Record<string, Tensor>; finalStates: Record<string, Tensor> },
      destroy: () => undefined,
    };
  }
  const { host } = compileToWgsl(model, common);
  const m = await importTypeScript(host);
  let opened;
  try {
    opened = await openDevice();
  } catch (e) {
    throw new UserError((e as Error).message.replace(/^rnnc model: /, ''));
  }
  const gpu = (await (m.createModel as Fn)(opened.device)) as Record<string, Fn> & { adapter: string };
  const call = (name: string) => m[name] as Fn;
  return {
    description: `WGSL kernels on ${gpu.adapter}`,
    code: host,
    paramShapes: m.paramShapes as Record<string, number[]>,
    inputSpecs: m.inputSpecs as Record<string, InputSpec>,
    init: (seed) => call('init')(seed) as Params,
    optimizer: (o) => call('optimizer')(o) as OptimizerState,
    trainStep: (p, opt, inputs, lengths = {}, maskSeed = 0) =>
      gpu.trainStep(p, opt, inputs, {}, ...trailing(lengths, train(maskSeed))) as Promise<{
        loss: number;
        gradientNorm: number;
      }>,
    evaluate: (p, inputs, lengths = {}) =>
      gpu.grad(p, inputs, {}, ...trailing(lengths, evaluation)) as Promise<Evaluation>,
    forward: (p, inputs, states = {}) =>
      gpu.forward(p, inputs, states) as Promise<{
        outputs: Record<string, Tensor>;
        finalStates: Record<string, Tensor>;
      }>,
    destroy: () => gpu.destroy(),
  };
}
