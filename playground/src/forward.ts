/**
 * A forward pass in the browser: the compiled module on WebAssembly SIMD (or its WGSL kernels on
 * WebGPU), timed over several calls, beside the reference interpreter on the same params and
 * inputs, so the page can show both what ran and that it agrees.
 */
import { run } from '../../src/api/run.js';
import { UserError } from '../../src/diagnostics.js';
import { Random } from '../../src/interp/random.js';
import { type CompiledModule, type FlatTensor, loadModule } from './modules.js';
import type { ForwardReply, ForwardRequest } from './protocol.js';

type Nested = number | Nested[];

function shapeOf(value: unknown, name: string): number[] {
  if (typeof value === 'number') return [];
  if (!Array.isArray(value) || value.length === 0)
    throw new UserError(`input ${name} must be nested arrays of numbers, time-major: [T][B][…]`);
  const inner = shapeOf(value[0], name);
  for (const v of value)
    if (JSON.stringify(shapeOf(v, name)) !== JSON.stringify(inner))
      throw new UserError(`input ${name} is ragged: every row of a level must have the same length`);
  return [value.length, ...inner];
}

/** Random inputs of the module's shapes: values in [−1, 1), token ids below the vocabulary. */
function randomInputs(m: CompiledModule, steps: number, batch: number, seed: number): Record<string, Nested> {
  const random = new Random(seed);
  const inputs: Record<string, Nested> = {};
  for (const [name, spec] of Object.entries(m.inputSpecs)) {
    if (spec.target) continue;
    const shape = [...(spec.time !== null ? [steps] : []), ...(spec.batch ? [batch] : []), ...spec.shape];
    const make = (depth: number): Nested =>
      depth === shape.length
        ? spec.vocabulary !== undefined
          ? Math.floor(random.next() * spec.vocabulary)
          : Math.fround(2 * random.next() - 1)
        : Array.from({ length: shape[depth] }, () => make(depth + 1));
    inputs[name] = make(0);
  }
  return inputs;
}

function flatTensors(m: CompiledModule, nested: Record<string, unknown>): Record<string, FlatTensor> {
  const tensors: Record<string, FlatTensor> = {};
  for (const [name, value] of Object.entries(nested)) {
    const spec = m.inputSpecs[name];
    if (!spec)
      throw new UserError(`the model has no input '${name}' (its inputs are ${Object.keys(m.inputSpecs).join(', ')})`);
    const shape = shapeOf(value, name);
    const values = (value as unknown[]).flat(Infinity) as number[];
    tensors[name] = {
      data: spec.vocabulary !== undefined ? Int32Array.from(values) : Float32Array.from(values),
      shape,
    };
  }
  return tensors;
}

/** The largest difference, relative to the value (or to 10⁻³, for values near zero). */
function maxRelativeDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let worst = 0;
  for (let k = 0; k < a.length; k++) worst = Math.max(worst, Math.abs(a[k] - b[k]) / Math.max(Math.abs(b[k]), 1e-3));
  return worst;
}

export async function runForward(request: ForwardRequest): Promise<ForwardReply> {
  const m = await loadModule(request, request.backend);
  const nested = request.inputs ?? randomInputs(m, request.steps, request.batch, request.seed);
  const inputs = flatTensors(m, nested);
  const params = m.init(0);
  let gpu;
  let ran: string;
  let call: () => Promise<{ outputs: Record<string, FlatTensor> }>;
  if (request.backend === 'webgpu') {
    if (!m.createModel) throw new Error('the WGSL host has no createModel');
    gpu = await m.createModel();
    ran = `WGSL kernels on WebGPU (${gpu.adapter})`;
    const device = gpu;
    call = () => device.forward(params, inputs);
  } else {
    const threads = request.threads > 1 ? await m.setThreads(request.threads) : 1;
    ran = `${m.cpu === 'simd' ? `WebAssembly SIMD kernels${m.fusedMultiplyAdd ? ' with fused multiply-adds (relaxed SIMD)' : ''}` : 'JavaScript loops'}, in a worker${threads > 1 ? ` and ${threads - 1} more (${threads} threads)` : ''}`;
    call = async () => m.forward(params, inputs);
  }
  try {
    let result = await call();
    const times: number[] = [];
    for (let k = 0; k < request.calls; k++) {
      const start = performance.now();
      result = await call();
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    const reference = await run(request.source, {
      file: 'cell.rnn',
      model: request.model,
      sizes: request.sizes,
      inputs: nested,
      seed: 0,
    });
    const outputs: Record<string, { shape: readonly number[]; data: number[] }> = {};
    const interpreter: Record<string, number[]> = {};
    let worst = 0;
    for (const [name, tensor] of Object.entries(result.outputs)) {
      outputs[name] = { shape: tensor.shape, data: Array.from(tensor.data) };
      const expected = reference.outputs[name];
      if (!expected) continue;
      interpreter[name] = Array.from(expected.data);
      worst = Math.max(worst, maxRelativeDifference(tensor.data, expected.data));
    }
    return {
      ran,
      msPerCall: times[times.length >> 1] ?? 0,
      msRange: [times[0] ?? 0, times[times.length - 1] ?? 0],
      outputs,
      interpreter,
      maxRelativeDifference: worst,
    };
  } finally {
    gpu?.destroy();
    if (request.backend === 'wasm' && request.threads > 1) await m.setThreads(1);
  }
}
