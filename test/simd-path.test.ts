import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { compileToTypeScript } from '../src/backends/ts/index.js';
import { selectModel } from '../src/frontend/program.js';
import { bindSizes } from '../src/interp/run.js';
import { examplesDir, loadExample, maxRelativeError, referenceDir } from './helpers/compile.js';
import { wasm } from './helpers/wasm.js';

interface Tensor {
  data: Float32Array;
  shape: number[];
}
interface Generated {
  readonly cpu: 'simd' | 'scalar';
  init(seed: number): Record<string, Float32Array>;
  inputSpecs: Record<string, { time: string | null; target: boolean; shape: readonly number[] }>;
  forward(
    params: unknown,
    inputs: unknown,
    states?: unknown,
  ): { outputs: Record<string, Tensor>; finalStates: Record<string, Tensor> };
  grad(
    params: unknown,
    inputs: unknown,
    states?: unknown,
  ): {
    loss: number;
    outputs: Record<string, Tensor>;
    grads: Record<string, Float32Array>;
    inputGrads: Record<string, Tensor>;
    stateGrads: Record<string, Tensor>;
  };
  fromTorch(stateDict: Record<string, ArrayLike<number>>): Record<string, Float32Array>;
}

const outDir = mkdtempSync(join(tmpdir(), 'rnnc-simd-'));
let counter = 0;

/** Writes and imports a module of an example (a fresh file each time, so each import loads its kernels anew). */
async function load(
  file: string,
  options: { level?: 0 | 1 | 2; cpu: 'simd' | 'scalar'; sizes?: Record<string, number> },
): Promise<Generated> {
  const program = loadExample(file);
  const model = selectModel(program);
  const { code } = compileToTypeScript(model, {
    level: options.level ?? 2,
    dtype: 'f32',
    sizes: bindSizes(model, options.sizes ?? {}),
    source: { file: `examples/${file}`, text: '' },
    cells: program.cellTable,
    cpu: options.cpu,
  });
  const path = join(outDir, `${file.replace('.rnn', '')}_${counter++}.ts`);
  writeFileSync(path, code);
  return (await import(path)) as Generated;
}

function sequence(shape: number[], seed: number): Tensor {
  const n = shape.reduce((a, b) => a * b, 1);
  return { data: Float32Array.from({ length: n }, (_, k) => Math.sin(seed + 0.37 * k)), shape };
}

/** Inputs (and targets) for every entry of a module's inputSpecs: `steps` long along every time axis. */
function inputsFor(mod: Generated, steps: number, batch: number, targets: boolean): Record<string, Tensor> {
  return Object.fromEntries(
    Object.entries(mod.inputSpecs)
      .filter(([, spec]) => targets || !spec.target)
      .map(([name, spec], k) => [
        name,
        sequence([...(spec.time !== null ? [steps] : []), batch, ...spec.shape], k + 1),
      ]),
  );
}

/**
 * Within 1e-4 relative. The kernels sum in f32 in another order than the scalar
 * loops (which sum in f64), so a sum that cancels to a small value differs by
 * a few f32 ulps of its largest terms: values count as at least 1% of the
 * tensor's largest magnitude.
 */
function expectClose(a: ArrayLike<number>, b: ArrayLike<number>, what: string): void {
  let largest = 0;
  for (let k = 0; k < b.length; k++) largest = Math.max(largest, Math.abs(b[k]));
  expect(maxRelativeError(a, b, Math.max(1e-3, 1e-2 * largest)), what).toBeLessThan(1e-4);
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the WebAssembly SIMD path of a generated module', () => {
  // Sizes that are not multiples of four exercise every edge of the kernels' tiles.
  describe.each([
    { file: 'lstm.rnn', sizes: { I: 19, H: 37 } },
    { file: 'gru.rnn', sizes: { I: 16, H: 32 } },
    { file: 'tagger.rnn', sizes: {} as Record<string, number> },
  ])('on examples/$file with sizes $sizes', ({ file, sizes }) => {
    it.each([0, 2] as const)('equals the scalar path at -O%i, forward and gradients', async (level) => {
      const simd = await load(file, { level, cpu: 'simd', sizes });
      const scalar = await load(file, { level, cpu: 'scalar', sizes });
      expect(simd.cpu).toBe('simd');
      const params = scalar.init(3);
      const inputs = inputsFor(simd, 6, 5, false);
      const a = simd.forward(params, inputs);
      const b = scalar.forward(params, inputs);
      for (const name of Object.keys(b.outputs)) expectClose(a.outputs[name].data, b.outputs[name].data, name);
      for (const name of Object.keys(b.finalStates))
        expectClose(a.finalStates[name].data, b.finalStates[name].data, name);
      const withTargets = inputsFor(simd, 6, 5, true);
      const ga = simd.grad(params, withTargets);
      const gb = scalar.grad(params, withTargets);
      expect(Math.abs(ga.loss - gb.loss)).toBeLessThan(1e-4 * Math.max(1, Math.abs(gb.loss)));
      for (const name of Object.keys(gb.grads)) expectClose(ga.grads[name], gb.grads[name], `grad ${name}`);
      for (const name of Object.keys(gb.inputGrads))
        expectClose(ga.inputGrads[name].data, gb.inputGrads[name].data, `grad ${name}`);
      for (const name of Object.keys(gb.stateGrads))
        expectClose(ga.stateGrads[name].data, gb.stateGrads[name].data, `grad ${name}`);
    });
  });

  it('reproduces PyTorch nn.LSTM in f32', async () => {
    const mod = await load('lstm.rnn', { cpu: 'simd' });
    const reference = JSON.parse(readFileSync(new URL('lstm_I3_H5_B2_T7.json', referenceDir), 'utf8')) as Record<
      string,
      unknown
    >;
    const flatten = (v: unknown): number[] => (Array.isArray(v) ? v.flatMap(flatten) : [v as number]);
    const params = mod.fromTorch(
      Object.fromEntries(Object.entries(reference.params as object).map(([k, v]) => [k, flatten(v)])),
    );
    const out = mod.forward(
      params,
      { x: { data: Float32Array.from(flatten(reference.x)), shape: [7, 2, 3] } },
      { h: Float32Array.from(flatten(reference.h0)), c: Float32Array.from(flatten(reference.c0)) },
    );
    expect(maxRelativeError(out.outputs.output.data, flatten(reference.output))).toBeLessThan(1e-5);
  });

  it('hands back results that later calls do not overwrite, and sees params changed between calls', async () => {
    const mod = await load('lstm.rnn', { cpu: 'simd', sizes: { I: 8, H: 12 } });
    const params = mod.init(1);
    const x = sequence([4, 3, 8], 0);
    const first = mod.forward(params, { x });
    const kept = Array.from(first.outputs.output.data);
    params.W_hi.fill(0.5);
    const second = mod.forward(params, { x });
    expect(Array.from(first.outputs.output.data)).toEqual(kept);
    expect(Array.from(second.outputs.output.data)).not.toEqual(kept);
    expect(first.outputs.output.data.buffer).not.toBe(second.outputs.output.data.buffer);
  });

  it('grows its memory for a longer sequence and still gives the scalar results, before and after', async () => {
    const simd = await load('lstm.rnn', { cpu: 'simd', sizes: { I: 24, H: 40 } });
    const scalar = await load('lstm.rnn', { cpu: 'scalar', sizes: { I: 24, H: 40 } });
    const params = scalar.init(2);
    for (const steps of [2, 300, 3]) {
      const x = sequence([steps, 7, 24], steps);
      expectClose(
        simd.forward(params, { x }).outputs.output.data,
        scalar.forward(params, { x }).outputs.output.data,
        `${steps} steps`,
      );
    }
  });

  it('runs its scalar kernels, with a one-line notice, where WebAssembly SIMD is unavailable', async () => {
    vi.spyOn(wasm, 'validate').mockReturnValue(false);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const mod = await load('lstm.rnn', { cpu: 'simd' });
    expect(mod.cpu).toBe('scalar');
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0][0]).toMatch(/WebAssembly SIMD is unavailable here.*scalar/);
    vi.restoreAllMocks();
    const reference = await load('lstm.rnn', { cpu: 'simd' });
    const params = reference.init(0);
    const x = sequence([5, 2, 3], 4);
    expect(Array.from(mod.forward(params, { x }).outputs.output.data)).toEqual(
      Array.from((await load('lstm.rnn', { cpu: 'scalar' })).forward(params, { x }).outputs.output.data),
    );
  });

  it('prints its kernels as text for lstm.rnn (a reviewed golden file)', async () => {
    const program = loadExample('lstm.rnn');
    const model = selectModel(program);
    const { wat } = compileToTypeScript(model, {
      level: 2,
      dtype: 'f32',
      sizes: { I: 3, H: 5 },
      source: { file: 'examples/lstm.rnn', text: readFileSync(new URL('lstm.rnn', examplesDir), 'utf8') },
    });
    expect(wat).toBeDefined();
    await expect(wat).toMatchFileSnapshot('./golden/lstm.wat');
  });

  it('has no kernels in f64 or on the scalar path', () => {
    const model = selectModel(loadExample('lstm.rnn'));
    const base = { level: 2 as const, sizes: { I: 3, H: 5 }, source: { file: 'lstm.rnn', text: '' } };
    expect(compileToTypeScript(model, { ...base, dtype: 'f64' }).wat).toBeUndefined();
    expect(compileToTypeScript(model, { ...base, dtype: 'f32', cpu: 'scalar' }).wat).toBeUndefined();
  });
});
