/**
 * Compiled modules imported into the worker: the very JavaScript `rnnc compile --target js`
 * writes (or the WGSL host as JavaScript), loaded from a blob URL. Modules are kept by what they
 * were compiled from, so running a model again does not compile it again.
 */
import { compile } from '../../src/api/compile.js';
import type { Backend, Choice } from './protocol.js';

/** What the playground calls of a generated module (its .d.ts says the rest). */
export interface CompiledModule {
  readonly cpu?: 'simd' | 'scalar';
  /** Whether its GEMMs fuse multiply-adds (relaxed SIMD, where the engine has it). */
  readonly fusedMultiplyAdd?: boolean;
  readonly inputSpecs: Readonly<
    Record<
      string,
      {
        readonly time: string | null;
        readonly target: boolean;
        readonly batch: boolean;
        readonly shape: readonly number[];
        readonly vocabulary?: number;
      }
    >
  >;
  init(seed: number): Record<string, Float32Array>;
  forward(params: unknown, inputs: unknown): { outputs: Record<string, FlatTensor> };
  grad(
    params: unknown,
    inputs: unknown,
  ): { loss: number; grads: Record<string, Float32Array>; inputGrads: Record<string, FlatTensor> };
  optimizer(options: { method: 'adam' | 'sgd'; learningRate: number; clipNorm?: number }): unknown;
  applyGradients(params: unknown, opt: unknown, result: unknown): { loss: number; gradientNorm: number };
  /** The WGSL host's: a model on a WebGPU device. */
  createModel?(): Promise<GpuModel>;
  /** Starts n − 1 Web Workers on shared memory (a cross-origin isolated page); gives the count it runs on. */
  setThreads(count: number): Promise<number>;
}

export interface GpuModel {
  readonly adapter: string;
  forward(params: unknown, inputs: unknown): Promise<{ outputs: Record<string, FlatTensor> }>;
  destroy(): void;
}

export interface FlatTensor {
  readonly data: Float32Array | Int32Array;
  readonly shape: readonly number[];
}

const cache = new Map<string, Promise<CompiledModule>>();

async function importText(js: string): Promise<CompiledModule> {
  const url = URL.createObjectURL(new Blob([js], { type: 'text/javascript' }));
  try {
    return (await import(/* @vite-ignore */ url)) as CompiledModule;
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** The model compiled for a backend (-O2, f32) and imported. */
export function loadModule(choice: Choice, backend: Backend): Promise<CompiledModule> {
  const key = JSON.stringify([choice.source, choice.model, choice.sizes, backend]);
  let loaded = cache.get(key);
  if (!loaded) {
    const options = { file: 'cell.rnn', model: choice.model, sizes: choice.sizes };
    const result =
      backend === 'webgpu'
        ? compile(choice.source, { ...options, target: 'wgsl', host: 'js' })
        : compile(choice.source, { ...options, target: 'js' });
    loaded = importText(result.files[result.main]);
    // A failed import is not kept: the next try compiles again.
    loaded.catch(() => cache.delete(key));
    if (cache.size > 16) cache.delete(cache.keys().next().value as string);
    cache.set(key, loaded);
  }
  return loaded;
}
