import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { stripTypes } from '../src/backends/js.js';
import { compileToTypeScript } from '../src/backends/ts/index.js';
import { selectModel } from '../src/frontend/program.js';
import { bindSizes } from '../src/interp/run.js';
import { examplesDir, loadExample, maxRelativeError, referenceDir } from './helpers/compile.js';
import { command } from './helpers/process.js';
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
  pack(params: Record<string, Float32Array>): unknown;
  setThreads(count?: number, options?: { backOff?: boolean }): Promise<number>;
  threadInfo(): { threads: number; workerJobs: number; keptJobs: number; aloneCalls: number };
}

const outDir = mkdtempSync(join(tmpdir(), 'rnnc-simd-'));
let counter = 0;

/** Writes and imports a module of an example (a fresh file each time, so each import loads its kernels anew). */
async function load(
  file: string,
  options: {
    level?: 0 | 1 | 2;
    cpu: 'simd' | 'scalar';
    sizes?: Record<string, number>;
    truncate?: number;
    /** Rewrites the generated code before it is loaded. */
    patch?: (code: string) => string;
  },
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
    ...(options.truncate !== undefined ? { truncate: options.truncate } : {}),
  });
  const path = join(outDir, `${file.replace('.rnn', '')}_${counter++}.ts`);
  writeFileSync(path, options.patch ? options.patch(code) : code);
  return (await import(path)) as Generated;
}

/** Shares of calls handed to workers so far: run by them, or taken back by the thread that posted them. */
function posted(mod: Generated): number {
  const info = mod.threadInfo();
  return info.workerJobs + info.keptJobs;
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

/** The forward results (on `inputs`) and the loss and gradients (on `withTargets`) of two modules, within 1e-4. */
function expectSameResults(
  a: Generated,
  b: Generated,
  params: Record<string, Float32Array>,
  inputs: Record<string, Tensor>,
  withTargets: Record<string, Tensor>,
): void {
  const fa = a.forward(params, inputs);
  const fb = b.forward(params, inputs);
  for (const name of Object.keys(fb.outputs)) expectClose(fa.outputs[name].data, fb.outputs[name].data, name);
  for (const name of Object.keys(fb.finalStates))
    expectClose(fa.finalStates[name].data, fb.finalStates[name].data, name);
  const ga = a.grad(params, withTargets);
  const gb = b.grad(params, withTargets);
  expect(Math.abs(ga.loss - gb.loss)).toBeLessThan(1e-4 * Math.max(1, Math.abs(gb.loss)));
  for (const name of Object.keys(gb.grads)) expectClose(ga.grads[name], gb.grads[name], `grad ${name}`);
  for (const name of Object.keys(gb.inputGrads))
    expectClose(ga.inputGrads[name].data, gb.inputGrads[name].data, `grad ${name}`);
  for (const name of Object.keys(gb.stateGrads))
    expectClose(ga.stateGrads[name].data, gb.stateGrads[name].data, `grad ${name}`);
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
      expectSameResults(simd, scalar, params, inputs, inputsFor(simd, 6, 5, true));
    });
  });

  describe('time loops whose every step is kernel calls and copies', () => {
    /** Makes the JavaScript loop that stands behind each WebAssembly time loop throw if it is entered. */
    const forbidJavaScriptLoops = (code: string) => {
      const patched = code.replace(
        /(run_time_loop\d+\([^;]*\);\n\s*else \{)/g,
        "$1 throw new Error('the JavaScript time loop ran');",
      );
      expect(patched).not.toBe(code);
      return patched;
    };

    const small = { I: 6, H: 9 };
    it.each([
      { file: 'elman.rnn', sizes: small, truncate: undefined },
      { file: 'elman.rnn', sizes: small, truncate: 2 },
      { file: 'lstm.rnn', sizes: small, truncate: undefined },
      { file: 'gru.rnn', sizes: small, truncate: 3 },
      { file: 'tagger.rnn', sizes: {}, truncate: undefined },
    ])(
      'run inside WebAssembly on $file (truncated after $truncate steps), forward and backward, as the scalar path does',
      async ({ file, sizes, truncate }) => {
        const simd = await load(file, { cpu: 'simd', sizes, truncate, patch: forbidJavaScriptLoops });
        const scalar = await load(file, { cpu: 'scalar', sizes, truncate });
        const params = scalar.init(5);
        for (const steps of [1, 4, 5]) {
          const inputs = inputsFor(simd, steps, 3, true);
          expectSameResults(simd, scalar, params, inputs, inputs);
        }
      },
    );

    // H = 128: the recurrent product (512 rows) is split in halves for a batch of one, in shares for 8.
    it.each([1, 8])(
      'hand a worker the same shares of the calls as JavaScript would, bit for bit, at a batch of %i',
      async (batch) => {
        const sizes = { I: 32, H: 128 };
        const mod = await load('lstm.rnn', { cpu: 'simd', sizes, patch: forbidJavaScriptLoops });
        const params = mod.init(4);
        const steps = 5;
        const inputs = inputsFor(mod, steps, batch, true);
        const one = mod.grad(params, inputs);
        // Always handing the worker its shares, however late it starts them, so that every call posts.
        expect(await mod.setThreads(2, { backOff: false })).toBe(2);
        try {
          for (const pause of [0, 30]) {
            // After 30 ms the idle worker sleeps in Atomics.wait: the loop must wake it.
            await new Promise((resolve) => setTimeout(resolve, pause));
            const before = posted(mod);
            const two = mod.grad(params, inputs);
            expect(posted(mod) - before).toBeGreaterThanOrEqual(steps);
            expect(two.loss).toBe(one.loss);
            expect(Array.from(two.outputs.output.data)).toEqual(Array.from(one.outputs.output.data));
            for (const name of Object.keys(one.grads))
              expect(Array.from(two.grads[name]), name).toEqual(Array.from(one.grads[name]));
          }
        } finally {
          await mod.setThreads(1);
        }
      },
    );

    it('split a weight-gradient sum inside the loop by its output rows among 3 threads, bit for bit (antisymmetric.rnn, H = 512)', async () => {
      // The loop sums dW (512 × 512) step by step: each thread sums a share of its rows.
      let code = '';
      const patch = (c: string) => (code = forbidJavaScriptLoops(c));
      const mod = await load('antisymmetric.rnn', { cpu: 'simd', sizes: { H: 512 }, patch });
      expect(code).toContain('run_outer_512x512(');
      const params = mod.init(2);
      const inputs = inputsFor(mod, 4, 3, true);
      const one = mod.grad(params, inputs);
      expect(await mod.setThreads(3, { backOff: false })).toBe(3);
      try {
        const before = posted(mod);
        const many = mod.grad(params, inputs);
        // Nothing else in this model is large enough to split: a share for each of 2 workers at each of 4 steps.
        expect(posted(mod) - before).toBeGreaterThanOrEqual(4 * 2);
        expect(many.loss).toBe(one.loss);
        for (const name of Object.keys(one.grads))
          expect(Array.from(many.grads[name]), name).toEqual(Array.from(one.grads[name]));
      } finally {
        await mod.setThreads(1);
      }
    });

    // This machine may have fewer cores than threads: workers then wait for one, and the loop takes their shares back.
    it.each([3, 6])(
      'split each call among %i threads, more than this machine may have cores, bit for bit',
      async (threads) => {
        const mod = await load('lstm.rnn', { cpu: 'simd', sizes: { I: 32, H: 128 }, patch: forbidJavaScriptLoops });
        const params = mod.init(4);
        const steps = 5;
        const inputs = inputsFor(mod, steps, 24, true);
        const one = mod.grad(params, inputs);
        expect(await mod.setThreads(threads, { backOff: false })).toBe(threads);
        try {
          const before = posted(mod);
          const many = mod.grad(params, inputs);
          // Each step's input and recurrent products are split in shares, one for each worker.
          expect(posted(mod) - before).toBeGreaterThanOrEqual(steps * (threads - 1));
          expect(many.loss).toBe(one.loss);
          for (const name of Object.keys(one.grads))
            expect(Array.from(many.grads[name]), name).toEqual(Array.from(one.grads[name]));
        } finally {
          await mod.setThreads(1);
        }
      },
    );
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

  it('finds a value that is not finite anywhere in a large param, in the SIMD scan and in its tail', async () => {
    const mod = await load('lstm.rnn', { cpu: 'simd', sizes: { I: 7, H: 33 } });
    const x = sequence([3, 2, 7], 1);
    // W_hi has 33 × 33 = 1089 values: the SIMD scan covers 1088, JavaScript the last one.
    for (const [at, value] of [
      [0, NaN],
      [517, Infinity],
      [1087, -Infinity],
      [1088, NaN],
    ] as const) {
      const params = mod.init(0);
      params.W_hi[at] = value;
      expect(() => mod.forward(params, { x })).toThrow(`rnnc model: param W_hi holds ${value} at index ${at}`);
      expect(() => mod.grad(params, inputsFor(mod, 3, 2, true))).toThrow(
        `rnnc model: param W_hi holds ${value} at index ${at}`,
      );
    }
  });

  it('keeps packed weights in its memory across calls and takes a new pack as new weights', async () => {
    const mod = await load('lstm.rnn', { cpu: 'simd', sizes: { I: 8, H: 12 } });
    const scalar = await load('lstm.rnn', { cpu: 'scalar', sizes: { I: 8, H: 12 } });
    const x = sequence([4, 3, 8], 0);
    const [a, b] = [mod.init(1), mod.init(2)];
    const [packedA, packedB] = [mod.pack(a), mod.pack(b)];
    const expected = (params: Record<string, Float32Array>) => scalar.forward(params, { x }).outputs.output.data;
    // Alternating packs, and plain params between them, each gives its own weights' results.
    for (const [model, params] of [
      [packedA, a],
      [packedA, a],
      [packedB, b],
      [a, a],
      [packedA, a],
    ] as const) {
      expectClose(mod.forward(model, { x }).outputs.output.data, expected(params), 'forward');
    }
    const withTargets = inputsFor(mod, 4, 3, true);
    expectClose(mod.grad(packedB, withTargets).grads.W_hi, scalar.grad(b, withTargets).grads.W_hi, 'grad W_hi');
  });

  it('fuses its multiply-adds where the engine validates relaxed SIMD, within f32 rounding of the unfused kernels, on threads too', async () => {
    // Node 20 offers relaxed SIMD only behind --experimental-wasm-relaxed-simd: the same module loads
    // the unfused kernels without it and the fused ones with it.
    const program = loadExample('lstm.rnn');
    const model = selectModel(program);
    const { code } = compileToTypeScript(model, {
      level: 2,
      dtype: 'f32',
      cpu: 'simd',
      sizes: bindSizes(model, { I: 32, H: 128 }),
      source: { file: 'examples/lstm.rnn', text: '' },
      cells: program.cellTable,
    });
    const folder = mkdtempSync(join(tmpdir(), 'rnnc-fma-'));
    writeFileSync(join(folder, 'model.mjs'), stripTypes(code));
    writeFileSync(
      join(folder, 'run.mjs'),
      `import * as m from './model.mjs';
const spec = m.inputSpecs;
const T = 6, B = 8;
const inputs = {};
let seed = 1;
for (const [name, s] of Object.entries(spec)) {
  const shape = [T, B, ...s.shape];
  const data = Float32Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => ((seed = (seed * 16807) % 2147483647) / 2147483647) * 2 - 1);
  inputs[name] = { data, shape };
}
const params = m.init(3);
const one = m.grad(params, inputs);
await m.setThreads(2);
const two = m.grad(params, inputs);
await m.setThreads(1);
const flat = (r) => [r.loss, ...r.outputs.output.data, ...Object.values(r.grads).flatMap((g) => [...g])];
const [a, b] = [flat(one), flat(two)];
console.log(JSON.stringify({ fused: m.fusedMultiplyAdd, cpu: m.cpu, values: a, sameOnThreads: b.every((v, k) => v === a[k]) }));
`,
    );
    const runWith = async (flags: string[]) => {
      const { status, stdout, stderr } = await command(process.execPath, [...flags, join(folder, 'run.mjs')]);
      expect(status, stderr).toBe(0);
      return JSON.parse(stdout) as { fused: boolean; cpu: string; values: number[]; sameOnThreads: boolean };
    };
    const plain = await runWith([]);
    const fused = await runWith(['--experimental-wasm-relaxed-simd']);
    expect([plain.cpu, fused.cpu]).toEqual(['simd', 'simd']);
    expect(plain.fused).toBe(false);
    expect(fused.fused).toBe(true);
    expect(plain.sameOnThreads && fused.sameOnThreads).toBe(true);
    expect(maxRelativeError(fused.values, plain.values, 1e-2)).toBeLessThan(1e-4);
  });

  describe('on worker threads', () => {
    afterEach(async () => {
      vi.restoreAllMocks();
    });

    // H = 128: the recurrent product (512 rows) is split in halves for a batch of one.
    it.each([
      { batch: 8, what: 'shares of the samples' },
      { batch: 1, what: 'halves of the rows of a batch of one' },
    ])('gives the one-thread results bit for bit, with the work in $what', async ({ batch }) => {
      const mod = await load('lstm.rnn', { cpu: 'simd', sizes: { I: 32, H: 128 } });
      const params = mod.init(4);
      const inputs = inputsFor(mod, 5, batch, true);
      const one = mod.grad(params, inputs);
      expect(await mod.setThreads(2)).toBe(2);
      const two = mod.grad(params, inputs);
      expect(mod.threadInfo().threads).toBe(2);
      expect(posted(mod)).toBeGreaterThan(0);
      expect(Array.from(two.outputs.output.data)).toEqual(Array.from(one.outputs.output.data));
      expect(two.loss).toBe(one.loss);
      for (const name of Object.keys(one.grads))
        expect(Array.from(two.grads[name]), name).toEqual(Array.from(one.grads[name]));
      expect(await mod.setThreads(1)).toBe(1);
      expect(mod.threadInfo()).toEqual({ threads: 1, workerJobs: 0, keptJobs: 0, aloneCalls: 0 });
      expect(Array.from(mod.forward(params, inputs).outputs.output.data)).toEqual(Array.from(one.outputs.output.data));
    });

    it.each([2, 4])(
      'splits a weight-gradient sum by its output rows, each of %i threads summing a share of them',
      async (threads) => {
        // H = 128: dU is 512 × 128; each thread sums its rows over every sample, in the same order.
        let code = '';
        const mod = await load('lstm.rnn', { cpu: 'simd', sizes: { I: 32, H: 128 }, patch: (c) => (code = c) });
        expect(code).toMatch(
          /function run_outer_512x128\([^)]*rows: number\): void \{\n {2}if \(rows >= 391 && splitting\(\)\) return splitKernel\(\d+, \[a, aStep, b, bStep, out, samples, rows\], 6, \[4, 0, 0, 0, 512, 0, 0\], 16\);/,
        );
        const params = mod.init(4);
        const inputs = inputsFor(mod, 5, 4, true);
        const one = mod.grad(params, inputs);
        expect(await mod.setThreads(threads, { backOff: false })).toBe(threads);
        try {
          const many = mod.grad(params, inputs);
          expect(posted(mod)).toBeGreaterThan(0);
          for (const name of Object.keys(one.grads))
            expect(Array.from(many.grads[name]), name).toEqual(Array.from(one.grads[name]));
        } finally {
          await mod.setThreads(1);
        }
      },
    );

    it('keeps small calls on one thread and can be restarted with more threads', async () => {
      const mod = await load('lstm.rnn', { cpu: 'simd', sizes: { I: 3, H: 5 } });
      const params = mod.init(0);
      const x = sequence([2, 1, 3], 0);
      const expected = Array.from(mod.forward(params, { x }).outputs.output.data);
      expect(await mod.setThreads(3)).toBe(3);
      expect(await mod.setThreads(2)).toBe(2);
      expect(Array.from(mod.forward(params, { x }).outputs.output.data)).toEqual(expected);
      expect(mod.threadInfo()).toEqual({ threads: 2, workerJobs: 0, keptJobs: 0, aloneCalls: 0 });
      await mod.setThreads(1);
    });

    describe('timing its calls on a clock that makes one way ten times as slow as the other', () => {
      /**
       * Runs grad `calls` times on a clock that moves 1 ms at each reading, or 10 when the call in
       * progress has handed the workers jobs since the last reading and `slow` says the workers are
       * slow now (by call number); gives W or A per call: with the workers or alone.
       */
      const sums = (grads: Record<string, Float32Array>) =>
        Object.entries(grads).map(([name, g]) => [name, g.reduce((sum, v) => sum + v, 0)]);

      async function modesOf(calls: number, slow: (call: number) => boolean): Promise<string> {
        const mod = await load('lstm.rnn', { cpu: 'simd', sizes: { I: 32, H: 128 } });
        const params = mod.init(4);
        const inputs = inputsFor(mod, 2, 8, true);
        const expected = mod.grad(params, inputs);
        expect(await mod.setThreads(2)).toBe(2);
        let call = 0;
        let clock = 0;
        let seen = posted(mod);
        vi.spyOn(performance, 'now').mockImplementation(() => {
          const handed = posted(mod) > seen;
          seen = posted(mod);
          return (clock += handed === slow(call) ? 10 : 1);
        });
        let modes = '';
        try {
          for (call = 1; call <= calls; call++) {
            const before = posted(mod);
            const result = mod.grad(params, inputs);
            modes += posted(mod) > before ? 'W' : 'A';
            // Alone, the kernels run on the memory they were loaded with: the same results (compared
            // by their sums, which any difference in a bit of a gradient would change).
            expect(result.loss).toBe(expected.loss);
            expect(sums(result.grads), `call ${call}`).toEqual(sums(expected.grads));
          }
          expect(mod.threadInfo().aloneCalls).toBe(modes.split('A').length - 1);
        } finally {
          vi.restoreAllMocks();
          await mod.setThreads(1);
        }
        return modes;
      }

      it('runs alone once that has been faster, trying the workers for three calls after 4 calls, then 16', async () => {
        // A warm-up call each way, two timed each way in turns, then alone but for the tries (ten
        // times as slow: the next after four times as many calls).
        const workers = [1, 3, 5, 10, 11, 12, 28, 29, 30];
        expect(await modesOf(40, () => true)).toBe(
          Array.from({ length: 40 }, (_, k) => (workers.includes(k + 1) ? 'W' : 'A')).join(''),
        );
      });

      it('hands the workers their shares while they are faster, and goes alone at the next try once that is faster', async () => {
        // Alone for the warm-up, the timing and the tries (the next after 4 calls, then 16, then 64);
        // from call 45 on the workers are slow, but alone's times are as slow until the try at call
        // 94 measures it again (the first call of a try not counted). Then alone, trying the workers
        // after 4 calls.
        const alone = [2, 4, 6, 10, 11, 12, 28, 29, 30];
        const fast = Array.from({ length: 93 }, (_, k) => (alone.includes(k + 1) ? 'A' : 'W')).join('');
        expect(await modesOf(104, (call) => call >= 45)).toBe(`${fast}AAAAAAWWWAA`);
      });
    });

    it('takes one thread a core of this machine when given no count', async () => {
      const mod = await load('lstm.rnn', { cpu: 'simd' });
      try {
        expect(await mod.setThreads()).toBe(Math.min(64, availableParallelism()));
        expect(mod.threadInfo().threads).toBe(Math.min(64, availableParallelism()));
      } finally {
        await mod.setThreads(1);
      }
    });

    it('refuses a thread count that is not a whole number from 1 to 64', async () => {
      const mod = await load('lstm.rnn', { cpu: 'simd' });
      for (const count of [0, 1.5, 65, NaN])
        await expect(mod.setThreads(count)).rejects.toThrow(
          `rnnc model: the thread count must be a whole number from 1 to 64, got ${count}`,
        );
      const scalar = await load('lstm.rnn', { cpu: 'scalar' });
      expect(await scalar.setThreads(2)).toBe(1);
      await expect(scalar.setThreads(0)).rejects.toThrow(
        'rnnc model: the thread count must be a whole number of at least 1, got 0',
      );
    });
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
