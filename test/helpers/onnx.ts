/** Running ONNX models in onnxruntime-node next to the interpreter, for the export and import tests. */
import { createRequire } from 'node:module';
import { run } from '../../src/api/run.js';
import type { Program } from '../../src/api/program.js';
import { Random } from '../../src/interp/random.js';

interface OrtTensor {
  readonly data: Float32Array | Float64Array;
  readonly dims: readonly number[];
}
interface Ort {
  Tensor: new (type: 'float32' | 'float64', data: Float32Array | Float64Array, dims: readonly number[]) => OrtTensor;
  InferenceSession: {
    create(
      model: Uint8Array,
      options?: object,
    ): Promise<{ run(feeds: Record<string, OrtTensor>): Promise<Record<string, OrtTensor>> }>;
  };
}

export const ort = createRequire(import.meta.url)('onnxruntime-node') as Ort;

/** Runs an ONNX model on one thread. */
export async function runOnnx(
  bytes: Uint8Array,
  feeds: Readonly<Record<string, { data: Float32Array | Float64Array; shape: readonly number[] }>>,
): Promise<Record<string, OrtTensor>> {
  const session = await ort.InferenceSession.create(bytes, { intraOpNumThreads: 1, interOpNumThreads: 1 });
  const tensors = Object.fromEntries(
    Object.entries(feeds).map(([name, f]) => [
      name,
      new ort.Tensor(f.data instanceof Float32Array ? 'float32' : 'float64', f.data, f.shape),
    ]),
  );
  return session.run(tensors);
}

/** Nested arrays of a flat array of the given shape. */
export function nest(data: ArrayLike<number>, shape: readonly number[], at = 0): unknown {
  if (shape.length === 0) return data[at];
  const step = shape.slice(1).reduce((a, b) => a * b, 1);
  return Array.from({ length: shape[0] }, (_, k) => nest(data, shape.slice(1), at + k * step));
}

/**
 * Random inputs in [-1, 1] for graph inputs described as ONNX shapes (`batch`, time axes by
 * name, sizes as numbers): `steps` gives each time axis its length.
 */
export function randomFeeds(
  inputs: readonly { name: string; shape: readonly (number | string)[]; vocabulary?: number }[],
  steps: Readonly<Record<string, number>>,
  batch: number,
  dtype: 'f32' | 'f64',
  seed: number,
): Record<string, { data: Float32Array | Float64Array; shape: number[] }> {
  const random = new Random(seed);
  return Object.fromEntries(
    inputs.map((input) => {
      const shape = input.shape.map((d) => (typeof d === 'number' ? d : d === 'batch' ? batch : (steps[d] ?? steps.T)));
      const vocabulary = input.vocabulary;
      const values = Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () =>
        vocabulary !== undefined ? Math.floor(random.next() * vocabulary) : random.uniform(-1, 1),
      );
      return [input.name, { data: dtype === 'f32' ? Float32Array.from(values) : Float64Array.from(values), shape }];
    }),
  );
}

/** The largest difference between the interpreter's outputs and final states and ONNX Runtime's, relative above 1. */
export async function interpreterVsOnnx(
  program: Program,
  model: string | undefined,
  bytes: Uint8Array,
  feeds: Record<string, { data: Float32Array | Float64Array; shape: number[] }>,
  options: {
    dtype: 'f32' | 'f64';
    params?: Record<string, unknown>;
    seed?: number;
    initialStates?: Record<string, unknown>;
  } = { dtype: 'f32' },
): Promise<{ worst: number; compared: string[] }> {
  const inputs = Object.fromEntries(
    Object.entries(feeds)
      .filter(([name]) => !name.endsWith('.initial'))
      .map(([name, f]) => [name, nest(f.data, f.shape)]),
  );
  const reference = await run(program, {
    dtype: options.dtype,
    inputs,
    seed: options.seed ?? 0,
    ...(model !== undefined ? { model } : {}),
    ...(options.params ? { params: options.params } : {}),
    ...(options.initialStates ? { initialStates: options.initialStates } : {}),
  });
  const got = await runOnnx(bytes, feeds);
  let worst = 0;
  const compared: string[] = [];
  for (const [name, t] of Object.entries({ ...reference.outputs, ...reference.finalStates })) {
    const value = got[name];
    if (!value) throw new Error(`ONNX Runtime gave no ${name}`);
    if (value.dims.join() !== t.fullShape.join())
      throw new Error(`${name}: ONNX Runtime's shape [${value.dims.join()}] is not [${t.fullShape.join()}]`);
    for (let k = 0; k < t.data.length; k++)
      worst = Math.max(worst, Math.abs(value.data[k] - t.data[k]) / Math.max(1, Math.abs(t.data[k])));
    compared.push(name);
  }
  return { worst, compared };
}
