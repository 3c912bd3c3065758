/**
 * Variable-length batches against PyTorch's packed sequences (test/fixtures/pytorch/packed.py):
 * LSTM and GRU, unidirectional, bidirectional and two-layer, with ragged lengths that include
 * a length-1 sample. Outputs (zero past each length), final states, the loss and the gradient
 * of every param, of the input and of every initial state.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile, gradients, parse, run } from '../src/api/index.js';
import { selectModel } from '../src/frontend/program.js';
import { torchInitialStates, torchKeyLayout } from '../src/weights/torch.js';
import { gpuDevice } from './helpers/gpu.js';
import { onlyInFullSuite } from './helpers/matrix.js';
import { examplesDir, flat, maxRelativeError, readJson, referenceDir } from './helpers/compile.js';

const timeout = 300_000;
const outDir = mkdtempSync(join(tmpdir(), 'rnnc-lengths-'));

interface PackedCase {
  name: string;
  module: 'LSTM' | 'GRU';
  layers: number;
  bidirectional: boolean;
  params: Record<string, unknown>;
  x: unknown;
  h0: unknown;
  c0?: unknown;
  R: unknown;
  output: unknown;
  h_n: unknown[];
  c_n?: unknown[];
  loss_sum: number;
  loss_mean: number;
  grads: Record<string, unknown>;
}

const reference = readJson(new URL('packed.json', referenceDir)) as unknown as {
  sizes: { I: number; H: number; B: number; T: number };
  lengths: number[];
  cases: PackedCase[];
};

/** The model PyTorch's module is: its layers over `x`, with the loss sum(output ⊙ R). */
export function packedSource(c: PackedCase, reduce: 'sum' | 'mean'): string {
  const cell = readFileSync(new URL(c.module === 'LSTM' ? 'lstm.rnn' : 'gru.rnn', examplesDir), 'utf8');
  const width = c.bidirectional ? '2*H' : 'H';
  const layers = Array.from({ length: c.layers }, (_, k) =>
    k === 0
      ? `  layer h0 = ${c.bidirectional ? 'bidirectional ' : ''}${c.module}(I, H) over x`
      : `  layer h${k} = ${c.module}(H, H) over h${k - 1}`,
  );
  return `${cell}
model Packed(I = ${reference.sizes.I}, H = ${reference.sizes.H}) {
  input x: seq(T)[I]
  target R: seq(T)[${width}]
${layers.join('\n')}
  y = h${c.layers - 1}
  output y
  loss sum(y * R) reduce ${reduce}
}`;
}

/** PyTorch's h_n / c_n: [layers·directions][B][H] in the order of the model's states. */
function finalStates(result: Record<string, { data: ArrayLike<number> }>, state: 'h' | 'c') {
  const names = Object.keys(result).filter((n) => n.split('.').pop() === state);
  return names.flatMap((n) => Array.from(result[n].data));
}

describe.each(reference.cases)('a $name over a batch of lengths 6, 3, 1, 4 against PyTorch', (c) => {
  const options = (_reduce: 'sum' | 'mean') => ({
    model: 'Packed',
    torchWeights: { params: c.params, h0: c.h0, ...(c.c0 ? { c0: c.c0 } : {}) },
    inputs: { x: c.x, R: c.R },
    lengths: { T: reference.lengths },
  });

  it(
    'gives the outputs (zero past each length), the final states and both losses to 1e-9 in f64',
    async () => {
      const result = await run(packedSource(c, 'sum'), options('sum'));
      expect(maxRelativeError(result.outputs.y.data, flat(c.output))).toBeLessThan(1e-9);
      expect(maxRelativeError(finalStates(result.finalStates, 'h'), flat(c.h_n))).toBeLessThan(1e-9);
      if (c.c_n) expect(maxRelativeError(finalStates(result.finalStates, 'c'), flat(c.c_n))).toBeLessThan(1e-9);
      expect(Math.abs((result.loss as number) - c.loss_sum)).toBeLessThan(1e-12);
      const mean = await run(packedSource(c, 'mean'), options('mean'));
      expect(Math.abs((mean.loss as number) - c.loss_mean)).toBeLessThan(1e-12);
    },
    timeout,
  );

  it(
    'gives the gradient of every param, of the input and of every initial state to 1e-9 in f64',
    () => {
      const result = gradients(packedSource(c, 'sum'), options('sum'));
      expect(Math.abs(result.loss - c.loss_sum)).toBeLessThan(1e-12);
      expectGradients(c, { params: result.params, x: result.inputs.x.data, states: result.initialStates }, 1e-9);
    },
    timeout,
  );

  it(
    'runs in the TypeScript module in f32 (-O2, SIMD) with a lengths argument: every value and gradient to 1e-4',
    async () => {
      const source = packedSource(c, 'sum');
      const { files, main } = compile(source, { model: 'Packed', lengths: ['T'] });
      const path = join(outDir, `${c.name.replace(/ /g, '_')}.ts`);
      writeFileSync(path, files[main]);
      const mod = (await import(path)) as ModuleCalls;
      await expectModule(c, await run(source, options('sum')), mod);
    },
    timeout,
  );

  // On SwiftShader each case takes seconds: npm test runs two, the full suite all six.
  it.skipIf(onlyInFullSuite() && !['lstm', 'bidirectional gru'].includes(c.name))(
    'runs in the WGSL kernels in f32 (-O2) with a lengths argument: every value and gradient to 1e-4',
    async () => {
      const source = packedSource(c, 'sum');
      const { files, main } = compile(source, { model: 'Packed', lengths: ['T'], target: 'wgsl' });
      const path = join(outDir, `${c.name.replace(/ /g, '_')}_host.ts`);
      writeFileSync(path, files[main]);
      const host = (await import(path)) as {
        createModel(device: GPUDevice): Promise<ModuleCalls & { destroy(): void }>;
      };
      const model = await host.createModel((await gpuDevice()).device);
      try {
        await expectModule(c, await run(source, options('sum')), model);
      } finally {
        model.destroy();
      }
    },
    timeout,
  );
});

/** A generated module's calls (the TypeScript module's return values, the WGSL host's promises). */
interface ModuleCalls {
  forward(p: unknown, i: unknown, s: unknown, l: unknown): Results | Promise<Results>;
  grad(p: unknown, i: unknown, s: unknown, l: unknown): Gradients | Promise<Gradients>;
}

type Gradients = Results & {
  loss: number;
  grads: Record<string, ArrayLike<number>>;
  inputGrads: Record<string, { data: ArrayLike<number> }>;
  stateGrads: Record<string, { data: ArrayLike<number> }>;
};

/** A module compiled with lengths, given PyTorch's values in f32: its results to 1e-4, and its checks of lengths. */
async function expectModule(
  c: PackedCase,
  given: { params: Record<string, { data: ArrayLike<number> }> },
  mod: ModuleCalls,
): Promise<void> {
  const { I, B, T } = reference.sizes;
  const params = Object.fromEntries(Object.entries(given.params).map(([k, v]) => [k, Float32Array.from(v.data)]));
  const inputs = {
    x: { data: Float32Array.from(flat(c.x)), shape: [T, B, I] },
    R: { data: Float32Array.from(flat(c.R)), shape: [T, B, flat(c.R).length / (T * B)] },
  };
  const states = initialStates(c);
  const lengths = { T: Int32Array.from(reference.lengths) };
  const forward = await mod.forward(params, inputs, states, lengths);
  expect(maxRelativeError(forward.outputs.y.data, flat(c.output))).toBeLessThan(1e-4);
  expect(maxRelativeError(finalStates(forward.finalStates, 'h'), flat(c.h_n))).toBeLessThan(1e-4);
  if (c.c_n) expect(maxRelativeError(finalStates(forward.finalStates, 'c'), flat(c.c_n))).toBeLessThan(1e-4);
  const g = await mod.grad(params, inputs, states, lengths);
  expect(Math.abs(g.loss - c.loss_sum)).toBeLessThan(1e-4 * Math.max(1, Math.abs(c.loss_sum)));
  expectGradients(
    c,
    {
      params: Object.fromEntries(Object.entries(g.grads).map(([k, v]) => [k, { data: v }])),
      x: g.inputGrads.x.data,
      states: g.stateGrads,
    },
    1e-4,
  );
  await expect(async () => mod.forward(params, inputs, states, { T: [6, 3, 0, 4] })).rejects.toThrow(
    "sample 2's length along T is 0, but it must be a whole number from 1 to 6",
  );
  await expect(async () => mod.forward(params, inputs, states, { S: [1, 1, 1, 1] })).rejects.toThrow(
    'there is no time axis named "S"',
  );
}

interface Results {
  outputs: Record<string, { data: ArrayLike<number> }>;
  finalStates: Record<string, { data: ArrayLike<number> }>;
}

/** PyTorch's h0 / c0 as the module's initial states, by the model's state names. */
function initialStates(c: PackedCase): Record<string, Float32Array> {
  const program = parse(packedSource(c, 'sum'));
  const nested = torchInitialStates(selectModel(program, 'Packed'), { h0: c.h0, c0: c.c0 });
  return Object.fromEntries(Object.entries(nested).map(([k, v]) => [k, Float32Array.from(flat(v))]));
}

/** The gradients of every PyTorch param (each the gate blocks of the cell's params), of x, h0 and c0. */
function expectGradients(
  c: PackedCase,
  computed: {
    params: Record<string, { data: ArrayLike<number> }>;
    x: ArrayLike<number>;
    states: Record<string, { data: ArrayLike<number> }>;
  },
  tolerance: number,
): void {
  expect(maxRelativeError(computed.x, flat(c.grads.x))).toBeLessThan(tolerance);
  expect(maxRelativeError(finalStates(computed.states, 'h'), flat(c.grads.h0))).toBeLessThan(tolerance);
  if (c.grads.c0) expect(maxRelativeError(finalStates(computed.states, 'c'), flat(c.grads.c0))).toBeLessThan(tolerance);
  const program = parse(packedSource(c, 'sum'));
  const layout = torchKeyLayout(selectModel(program, 'Packed'), program.cellTable);
  expect([...(layout?.keys() ?? [])].sort()).toEqual(Object.keys(c.params).sort());
  for (const [key, names] of layout ?? []) {
    const values = names.flatMap((n) => Array.from(computed.params[n].data));
    expect(maxRelativeError(values, flat(c.grads[key])), key).toBeLessThan(tolerance);
  }
}
