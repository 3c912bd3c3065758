import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { differentiable, grad } from '../src/ad/grad.js';
import { withOutputLoss } from '../src/ad/probe.js';
import { compileToTypeScript } from '../src/backends/ts/index.js';
import type { ModelInfo } from '../src/frontend/model.js';
import { interpret } from '../src/interp/interpret.js';
import { tensorFromNested } from '../src/interp/io.js';
import { randomData } from '../src/interp/random-data.js';
import { bindSizes, initParams } from '../src/interp/run.js';
import { dataInputs, type Graph } from '../src/ir/graph.js';
import { keepOutputs } from '../src/ir/prune.js';
import type { Tensor } from '../src/tensor/tensor.js';
import { breathe } from './helpers/process.js';
import { typecheck } from './helpers/typecheck.js';
import {
  compileOk,
  loadExample,
  maxRelativeError,
  referenceDir,
  caseModel,
  caseSlug,
  exampleCases,
  zeros,
} from './helpers/compile.js';
import { selectModel } from '../src/frontend/program.js';
import { constantOutputCell, oneUnitCell, selfAttentionModel, weightOutputCell } from './helpers/cells.js';
import { matrix } from './helpers/matrix.js';

const examples = exampleCases;
const outDir = mkdtempSync(join(tmpdir(), 'rnnc-ts-'));
const steps = { T: 4, S: 5, U: 3 };
const batch = 2;

interface Generated {
  readonly cpu: 'simd' | 'scalar';
  init(seed: number): Record<string, Float32Array | Float64Array>;
  forward(
    params: unknown,
    inputs: unknown,
    states?: unknown,
  ): { outputs: Record<string, { data: ArrayLike<number> }>; finalStates: Record<string, { data: ArrayLike<number> }> };
  grad?(
    params: unknown,
    inputs: unknown,
    states?: unknown,
  ): {
    loss: number;
    grads: Record<string, ArrayLike<number>>;
    inputGrads: Record<string, { data: ArrayLike<number> }>;
    stateGrads: Record<string, { data: ArrayLike<number> }>;
  };
}

type Cpu = 'simd' | 'scalar';
// f32 modules on both CPU paths; f64 modules are always scalar.
// npm test: every example as shipped (-O2, f32, SIMD) and unoptimized in f64; npm run test:all: every
// level, dtype and CPU path.
const cases = matrix(
  examples.flatMap((file) =>
    ([0, 1, 2] as const).flatMap((level) => [
      { file, level, dtype: 'f64' as const, cpu: 'scalar' as Cpu },
      { file, level, dtype: 'f32' as const, cpu: 'scalar' as Cpu },
      { file, level, dtype: 'f32' as const, cpu: 'simd' as Cpu },
    ]),
  ),
  (c) => (c.level === 2 && c.cpu === 'simd') || (c.level === 0 && c.dtype === 'f64'),
);
const modulePath = (file: string, level: number, dtype: string, cpu: Cpu) =>
  join(outDir, `${caseSlug(file)}_O${level}_${dtype}_${cpu}.ts`);
const written: string[] = [];

function generate(file: string, level: 0 | 1 | 2, dtype: 'f32' | 'f64', cpu: Cpu): { path: string; model: ModelInfo } {
  const program = loadExample(file);
  const model = caseModel(file);
  const { code } = compileToTypeScript(model, {
    level,
    dtype,
    sizes: bindSizes(model),
    source: { file: `examples/${file}`, text: '' },
    cells: program.cellTable,
    cpu,
  });
  const path = modulePath(file, level, dtype, cpu);
  writeFileSync(path, code);
  written.push(path);
  return { path, model };
}

// Compiling every case's module takes seconds, several times that on a busy machine (over a
// minute for the full suite's 225): the worker breathes between modules.
beforeAll(async () => {
  for (const c of cases) {
    generate(c.file, c.level, c.dtype, c.cpu);
    await breathe();
  }
}, 300_000);

function lossGraphOf(model: ModelInfo): Graph {
  return model.hasLoss ? model.graph : withOutputLoss(model.graph);
}

describe.each(cases)(
  'the TypeScript module of examples/$file at -O$level in $dtype ($cpu)',
  ({ file, level, dtype, cpu }) => {
    const tolerance = dtype === 'f64' ? 1e-9 : 1e-4;

    it(`runs its ${cpu} kernels`, async () => {
      const mod = (await import(modulePath(file, level, dtype, cpu))) as Generated;
      expect(mod.cpu).toBe(cpu);
    });

    it('draws the same initial params as the interpreter and computes the same outputs, final states and gradients', async () => {
      const model = caseModel(file);
      const sizes = bindSizes(model);
      const mod = (await import(modulePath(file, level, dtype, cpu))) as Generated;
      const params = mod.init(7);
      const reference = initParams(model, sizes, 7, dtype);
      for (const [name, t] of Object.entries(reference))
        expect(Array.from(params[name]), name).toEqual(Array.from(t.data));

      const lossGraph = lossGraphOf(model);
      const specs = dataInputs(lossGraph);
      const data = randomData(specs, sizes, steps, batch, 5);
      const tensors = Object.fromEntries(
        specs.map((s) => [s.name, tensorFromNested(s.name, data[s.name], s.type, sizes, dtype)]),
      );
      const inputs = Object.fromEntries(
        Object.entries(tensors).map(([name, t]) => [name, { data: t.data, shape: t.fullShape }]),
      );
      const bindings = {
        dtype: 'f64' as const,
        sizes,
        params: initParams(model, sizes, 7, 'f64'),
        // The reference runs in f64 on the same data.
        inputs: Object.fromEntries(
          specs.map((s) => [s.name, tensorFromNested(s.name, data[s.name], s.type, sizes, 'f64')]),
        ) as Record<string, Tensor>,
        batch,
        timeLengths: steps,
      };

      const expected = interpret(
        keepOutputs(model.graph, (o) => o.role !== 'loss'),
        bindings,
      );
      const got = mod.forward(params, inputs);
      for (const out of model.graph.outputs) {
        if (out.role === 'output')
          expect(maxRelativeError(got.outputs[out.name].data, expected[out.name].data), out.name).toBeLessThan(
            tolerance,
          );
        if (out.role === 'final_state')
          expect(maxRelativeError(got.finalStates[out.name].data, expected[out.name].data), out.name).toBeLessThan(
            tolerance,
          );
      }

      const reverse = interpret(grad(lossGraph).graph, bindings);
      const result = mod.grad!(params, inputs);
      expect(Math.abs(result.loss - reverse.loss.data[0])).toBeLessThan(
        tolerance * Math.max(1, Math.abs(reverse.loss.data[0])),
      );
      for (const p of model.params)
        expect(maxRelativeError(result.grads[p.name], reverse[`grad:${p.name}`].data), `grad ${p.name}`).toBeLessThan(
          tolerance,
        );
      for (const i of model.inputs.filter(differentiable))
        expect(
          maxRelativeError(result.inputGrads[i.name].data, reverse[`grad:${i.name}`].data),
          `grad ${i.name}`,
        ).toBeLessThan(tolerance);
      for (const s of model.states)
        expect(
          maxRelativeError(result.stateGrads[s.name].data, reverse[`grad:${s.name}`].data),
          `grad ${s.name}`,
        ).toBeLessThan(tolerance);
    });
  },
);

/** A model's f32 TypeScript module at a level and CPU path, written under `name` and loaded. */
async function generatedModule(
  model: ModelInfo,
  sizes: Record<string, number>,
  level: 0 | 2,
  cpu: Cpu,
  name: string,
): Promise<Generated> {
  const source = { file: `${name}.rnn`, text: '' };
  const { code } = compileToTypeScript(model, { level, dtype: 'f32', sizes, source, cpu });
  const path = join(outDir, `${name}_O${level}_${cpu}.ts`);
  writeFileSync(path, code);
  return (await import(path)) as Generated;
}

const levelsAndPaths = [
  [0, 'scalar'],
  [0, 'simd'],
  [2, 'scalar'],
  [2, 'simd'],
] as const;

describe('a generated module of a cell whose output is a constant', () => {
  it.each(levelsAndPaths)('gives it at every step and the interpreter’s final state (-O%s, %s)', async (level, cpu) => {
    const model = selectModel(compileOk(constantOutputCell, 'constant.rnn'));
    const sizes = bindSizes(model);
    const mod = await generatedModule(model, sizes, level, cpu, 'constant');
    const params = mod.init(3);
    const x = randomData([model.inputs[0]], sizes, { T: 3 }, batch, 1).x;
    const input = tensorFromNested('x', x, model.inputs[0].type, sizes, 'f32');
    const got = mod.forward(params, { x: { data: input.data, shape: input.fullShape } });
    expect(Array.from(got.outputs.y.data)).toEqual([2, 2, 2]);
    const want = interpret(model.graph, {
      dtype: 'f64',
      sizes,
      params: initParams(model, sizes, 3, 'f64'),
      inputs: { x: tensorFromNested('x', x, model.inputs[0].type, sizes, 'f64') },
      batch,
      timeLengths: { T: 3 },
    });
    expect(maxRelativeError(got.finalStates.h.data, want.h.data)).toBeLessThan(1e-5);
  });
});

/** A model's TypeScript module at a level and CPU path computes the interpreter's loss and param gradients. */
async function expectInterpreterGradients(
  model: ModelInfo,
  sizes: Record<string, number>,
  level: 0 | 2,
  cpu: Cpu,
  name: string,
): Promise<void> {
  const mod = await generatedModule(model, sizes, level, cpu, name);
  const lossGraph = lossGraphOf(model);
  const specs = dataInputs(lossGraph);
  const data = randomData(specs, sizes, steps, batch, 4);
  const tensor = (spec: (typeof specs)[number], dtype: 'f32' | 'f64') =>
    tensorFromNested(spec.name, data[spec.name], spec.type, sizes, dtype);
  const inputs = Object.fromEntries(
    specs.map((s) => [s.name, { data: tensor(s, 'f32').data, shape: tensor(s, 'f32').fullShape }]),
  );
  const reverse = interpret(grad(lossGraph).graph, {
    dtype: 'f64',
    sizes,
    params: initParams(model, sizes, 5, 'f64'),
    inputs: Object.fromEntries(specs.map((s) => [s.name, tensor(s, 'f64')])),
    batch,
    timeLengths: steps,
  });
  const result = mod.grad!(mod.init(5), inputs);
  expect(Math.abs(result.loss - reverse.loss.data[0])).toBeLessThan(1e-5 * Math.max(1, Math.abs(reverse.loss.data[0])));
  for (const p of model.params)
    expect(maxRelativeError(result.grads[p.name], reverse[`grad:${p.name}`].data), p.name).toBeLessThan(1e-4);
}

describe('a generated module of a layer attending to its own input, with a context beside it', () => {
  it.each(levelsAndPaths)('computes the interpreter’s loss and gradients (-O%s, %s)', async (level, cpu) => {
    const model = selectModel(compileOk(selfAttentionModel, 'self.rnn'));
    await expectInterpreterGradients(model, bindSizes(model), level, cpu, 'self');
  });
});

describe('a generated module of a cell of one unit and one input', () => {
  it.each(levelsAndPaths)('computes the interpreter’s loss and gradients (-O%s, %s)', async (level, cpu) => {
    const model = selectModel(compileOk(oneUnitCell, 'one.rnn'));
    await expectInterpreterGradients(model, bindSizes(model), level, cpu, 'one');
  });
});

describe('a generated module of a cell whose output has no batch axis', () => {
  it.each(levelsAndPaths)(
    'takes that output’s target as [T, …] and computes the interpreter’s loss and gradients (-O%s, %s)',
    async (level, cpu) => {
      const model = selectModel(compileOk(weightOutputCell, 'weight.rnn'));
      await expectInterpreterGradients(model, bindSizes(model), level, cpu, 'weight');
    },
  );

  it('refuses that target with a batch axis, naming the shape it expects', async () => {
    const model = selectModel(compileOk(weightOutputCell, 'weight.rnn'));
    const mod = await generatedModule(model, bindSizes(model), 2, 'scalar', 'weight');
    expect(() => mod.grad!(mod.init(1), { x: zeros([4, 2, 2]), 'd:y': zeros([4, 2, 3]) })).toThrow(
      'd:y has shape [4, 2, 3], expected [T, 3] (time-major)',
    );
  });
});

describe.each(examples)('the TypeScript module of examples/%s with every size 2', (file) => {
  // Sizes that coincide make buffers of different values the same size, so buffer planning may swap them.
  it.each(['scalar', 'simd'] as const)('computes the interpreter’s loss and gradients at -O2 (%s)', async (cpu) => {
    const model = caseModel(file);
    // Hyperparameters (a dropout rate, a step size) keep their values.
    const shapes = Object.keys(bindSizes(model)).filter((k) => model.shapeSizes.has(k));
    const sizes = bindSizes(model, Object.fromEntries(shapes.map((k) => [k, 2])));
    await expectInterpreterGradients(model, sizes, 2, cpu, `${caseSlug(file)}_2`);
  });
});

describe('the buffers a generated module reuses', () => {
  it.each(['scalar', 'simd'] as const)(
    'are reused only after their last read, by a product a GEMM computes itself too (elman.rnn at I = H = O = 2, %s)',
    async (cpu) => {
      // V and W are both 2 × 2 there: ∂o's buffer was reused for ∂s' before ∂V = Σ outer(∂o, s') read it.
      const model = caseModel('elman.rnn');
      await expectInterpreterGradients(model, bindSizes(model, { I: 2, H: 2, O: 2 }), 2, cpu, 'elman_2');
    },
  );
});

describe('generated modules', () => {
  it('pass tsc --strict with unused-code checks, as a user project might compile them', async () => {
    await typecheck(written, outDir);
  }, 300_000);
});

describe('run-time checks of a generated module', () => {
  interface Checked {
    init(seed: number): Record<string, Float32Array>;
    forward(params: unknown, inputs: unknown, states?: unknown): unknown;
  }
  const load = async () => (await import(modulePath('lstm.rnn', 2, 'f32', 'simd'))) as Checked;

  it('names a param of the wrong length, a missing one, and NaN in one', async () => {
    const mod = await load();
    const params = mod.init(0);
    expect(() => mod.forward({ ...params, W_ii: new Float32Array(3) }, { x: zeros([2, 1, 3]) })).toThrow(
      'rnnc model: param W_ii has 3 values, its shape [5, 3] needs 15',
    );
    const { b_ho: _missing, ...rest } = params;
    expect(() => mod.forward(rest, { x: zeros([2, 1, 3]) })).toThrow(
      'rnnc model: param b_ho must be a Float32Array of 5 values',
    );
    const poisoned = { ...params, b_ii: Float32Array.from([0, 0, NaN, 0, 0]) };
    expect(() => mod.forward(poisoned, { x: zeros([2, 1, 3]) })).toThrow('rnnc model: param b_ii holds NaN at index 2');
  });

  it('names an input of the wrong shape or length, and a missing one', async () => {
    const mod = await load();
    const params = mod.init(0);
    expect(() => mod.forward(params, { x: zeros([2, 1, 4]) })).toThrow(
      'rnnc model: x has shape [2, 1, 4], expected [T, B, 3] (time-major)',
    );
    expect(() => mod.forward(params, { x: { data: new Float32Array(5), shape: [2, 1, 3] } })).toThrow(
      'rnnc model: x has 5 values but shape [2, 1, 3]',
    );
    expect(() => mod.forward(params, {})).toThrow('rnnc model: no input x');
    expect(() => mod.forward(params, { x: { data: new Float64Array(6), shape: [2, 1, 3] } })).toThrow(
      'x must be { data: Float32Array, shape: [T, B, 3] }',
    );
  });

  it('names an initial state of the wrong size or an unknown one', async () => {
    const mod = await load();
    const params = mod.init(0);
    expect(() => mod.forward(params, { x: zeros([2, 2, 3]) }, { h: new Float32Array(5) })).toThrow(
      'initial state h must be a Float32Array of B * 5 = 10 values',
    );
    expect(() => mod.forward(params, { x: zeros([2, 2, 3]) }, { z: new Float32Array(10) })).toThrow(
      'no state named z (states: h, c)',
    );
  });

  it('starts from given initial states without writing to them', async () => {
    const mod = await load();
    const params = mod.init(0);
    const h = Float32Array.from({ length: 5 }, (_, k) => k / 10);
    const run = (states: object) =>
      (mod.forward(params, { x: zeros([3, 1, 3]) }, states) as { outputs: { output: { data: Float32Array } } }).outputs
        .output.data;
    expect(Array.from(run({ h }))).not.toEqual(Array.from(run({})));
    expect(Array.from(h)).toEqual([0, 0.1, 0.2, 0.3, 0.4].map((v) => Math.fround(v)));
  });
});

describe('the fused weight layout of a generated module', () => {
  interface Packing {
    init(seed: number): Record<string, Float64Array>;
    pack(params: unknown): { kind: 'packed'; params: unknown; weights: Record<string, Float64Array> };
    unpack(weights: unknown): Record<string, Float64Array>;
    packedLayouts: Record<string, readonly string[]>;
    forward(model: unknown, inputs: unknown): { outputs: { output: { data: Float64Array } } };
    grad(model: unknown, inputs: unknown): { loss: number };
    fromTorch(stateDict: Record<string, ArrayLike<number>>): Record<string, Float64Array>;
    toTorch(params: unknown): Record<string, Float64Array>;
  }
  // Not among npm test's cases: written here.
  const load = async () => (await import(generate('lstm.rnn', 2, 'f64', 'scalar').path)) as Packing;
  const x = { data: Float64Array.from({ length: 7 * 2 * 3 }, (_, k) => Math.sin(k)), shape: [7, 2, 3] };

  it('stacks the gates once with pack, gives the same results from packed params, and unpacks to the same params', async () => {
    const mod = await load();
    const params = mod.init(4);
    const packed = mod.pack(params);
    expect(Object.values(mod.packedLayouts)).toContainEqual(['W_hi', 'W_hf', 'W_hg', 'W_ho']);
    expect(packed.weights['W_hi+W_hf+W_hg+W_ho'].length).toBe(4 * 5 * 5);
    expect(Array.from(mod.forward(packed, { x }).outputs.output.data)).toEqual(
      Array.from(mod.forward(params, { x }).outputs.output.data),
    );
    const unpacked = mod.unpack(packed.weights);
    for (const [name, value] of Object.entries(unpacked))
      expect(Array.from(value), name).toEqual(Array.from(params[name]));
  });

  it('loads PyTorch nn.LSTM weights with fromTorch and reproduces PyTorch, and toTorch gives them back', async () => {
    const mod = await load();
    const reference = JSON.parse(readFileSync(new URL('lstm_I3_H5_B2_T7.json', referenceDir), 'utf8')) as Record<
      string,
      unknown
    >;
    const flatten = (v: unknown): number[] => (Array.isArray(v) ? v.flatMap(flatten) : [v as number]);
    const stateDict = Object.fromEntries(
      Object.entries(reference.params as Record<string, unknown>).map(([k, v]) => [k, flatten(v)]),
    );
    const params = mod.fromTorch(stateDict);
    const h0 = Float64Array.from(flatten(reference.h0));
    const c0 = Float64Array.from(flatten(reference.c0));
    const inputs = { x: { data: Float64Array.from(flatten(reference.x)), shape: [7, 2, 3] } };
    const out = (
      mod.forward as (m: unknown, i: unknown, s: unknown) => { outputs: { output: { data: Float64Array } } }
    )(params, inputs, { h: h0, c: c0 });
    expect(maxRelativeError(out.outputs.output.data, flatten(reference.output))).toBeLessThan(1e-9);
    const back = mod.toTorch(params);
    for (const [key, values] of Object.entries(stateDict)) expect(Array.from(back[key]), key).toEqual(values);
  });

  it('names a missing or unknown PyTorch weight', async () => {
    const mod = await load();
    expect(() => mod.fromTorch({})).toThrow('rnnc model: no weight_ih_l0 in the PyTorch weights');
    expect(() => mod.fromTorch({ weight_xx: [] })).toThrow('weight_xx is not a weight of this model');
  });
});
