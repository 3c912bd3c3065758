/**
 * `rnnc compile --batch-major`: modules and WGSL hosts that take and give sequences as [B][T][…].
 * Their results are the time-major module's, with the first two axes of every sequence swapped;
 * the interpreter's batch-major run agrees; a time-major shape is refused with the shape expected.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { compile } from '../src/api/compile.js';
import { run } from '../src/api/run.js';
import { examplesDir, maxRelativeError, swapLeadAxes } from './helpers/compile.js';
import { gpuDevice } from './helpers/gpu.js';
import { typecheck } from './helpers/typecheck.js';

const folder = new URL('../.test-output/batch-major/', import.meta.url).pathname;
mkdirSync(folder, { recursive: true });

interface Tensor {
  data: Float32Array;
  shape: number[];
}
interface Module {
  layout?: string;
  inputSpecs: Record<string, { time: string | null; target: boolean; batch: boolean; shape: number[] }>;
  init(seed: number): Record<string, Float32Array>;
  forward(
    p: unknown,
    i: Record<string, Tensor>,
  ): { outputs: Record<string, Tensor>; finalStates: Record<string, Tensor> };
  grad(
    p: unknown,
    i: Record<string, Tensor>,
  ): {
    loss: number;
    outputs: Record<string, Tensor>;
    grads: Record<string, Float32Array>;
    inputGrads: Record<string, Tensor>;
    stateGrads: Record<string, Tensor>;
  };
}

const swap = (t: Tensor): Tensor => swapLeadAxes(t);

/** Time-major inputs and targets of a module's specs: T steps on each time axis (by name), B samples. */
function inputsOf(mod: Module, lengths: Record<string, number>, B: number): Record<string, Tensor> {
  return Object.fromEntries(
    Object.entries(mod.inputSpecs).map(([name, spec], k) => {
      const shape = [...(spec.time !== null ? [lengths[spec.time]] : []), ...(spec.batch ? [B] : []), ...spec.shape];
      const size = shape.reduce((a, b) => a * b, 1);
      return [name, { data: Float32Array.from({ length: size }, (_, i) => Math.sin(3 * i + k) / 2), shape }];
    }),
  );
}

async function load(file: string, name: string, layout: 'time-major' | 'batch-major'): Promise<Module> {
  const source = readFileSync(new URL(file, examplesDir), 'utf8');
  const { files, main } = compile(source, { file: `examples/${file}`, layout });
  const path = join(folder, `${name}_${layout}.ts`);
  writeFileSync(path, files[main]);
  return (await import(path)) as Module;
}

describe('a module compiled with --batch-major', () => {
  const cases: { file: string; lengths: Record<string, number> }[] = [
    { file: 'seq2seq.rnn', lengths: { S: 5, U: 3 } },
    { file: 'tagger.rnn', lengths: { T: 4 } },
  ];

  it.each(cases)(
    'gives examples/$file’s time-major results with every sequence’s first two axes swapped, gradients too',
    async ({ file, lengths }) => {
      const name = file.replace('.rnn', '');
      const [timeMajor, batchMajor] = [await load(file, name, 'time-major'), await load(file, name, 'batch-major')];
      expect(batchMajor.layout).toBe('batch-major');
      const inputs = inputsOf(timeMajor, lengths, 3);
      const swapped = Object.fromEntries(
        Object.entries(inputs).map(([k, t]) => [k, timeMajor.inputSpecs[k].time !== null ? swap(t) : t]),
      );
      const params = timeMajor.init(2);
      const want = timeMajor.grad(params, inputs);
      const got = batchMajor.grad(params, swapped);
      expect(got.loss).toBe(want.loss);
      // Both examples' outputs are sequences, one value per step and sample.
      for (const [k, t] of Object.entries(want.outputs)) expect(got.outputs[k], k).toEqual(swap(t));
      for (const [k, t] of Object.entries(want.inputGrads)) expect(got.inputGrads[k], k).toEqual(swap(t));
      expect(got.grads).toEqual(want.grads);
      expect(got.stateGrads).toEqual(want.stateGrads);
    },
  );

  it('computes what the interpreter computes on the same batch-major data', async () => {
    const mod = await load('tagger.rnn', 'tagger', 'batch-major');
    const inputs = Object.fromEntries(
      Object.entries(inputsOf(mod, { T: 4 }, 3))
        .filter(([k]) => !mod.inputSpecs[k].target)
        .map(([k, t]) => [k, swap(t)]),
    );
    const nested = (t: Tensor) =>
      Array.from({ length: t.shape[0] }, (_, b) =>
        Array.from({ length: t.shape[1] }, (_, s) =>
          Array.from(t.data.subarray((b * t.shape[1] + s) * t.shape[2], (b * t.shape[1] + s + 1) * t.shape[2])),
        ),
      );
    const source = readFileSync(new URL('tagger.rnn', examplesDir), 'utf8');
    const reference = await run(source, {
      inputs: Object.fromEntries(Object.entries(inputs).map(([k, t]) => [k, nested(t)])),
      layout: 'batch-major',
      seed: 0,
    });
    const got = mod.forward(mod.init(0), inputs);
    for (const [name, t] of Object.entries(reference.outputs)) {
      // The interpreter keeps time-major memory; its batch-major view is the swap.
      const want = swap({ data: Float32Array.from(t.data), shape: t.fullShape });
      expect(got.outputs[name].shape, name).toEqual(want.shape);
      expect(maxRelativeError(got.outputs[name].data, want.data), name).toBeLessThan(1e-4);
    }
  });

  it('refuses a time-major sequence, naming the batch-major shape it expects', async () => {
    const mod = await load('tagger.rnn', 'tagger', 'batch-major');
    const inputs = inputsOf(mod, { T: 4 }, 3);
    const words = Object.keys(inputs).find((k) => !mod.inputSpecs[k].target) as string;
    expect(() => mod.forward(mod.init(0), { [words]: { data: inputs[words].data, shape: [4, 3, 7] } })).toThrow(
      `rnnc model: ${words} has shape [4, 3, 7] and ${inputs[words].data.length} values, expected [B, T, ${mod.inputSpecs[words].shape.join(', ')}] (batch-major)`,
    );
  });

  it('passes tsc --strict, and its JavaScript declarations say so', async () => {
    const source = readFileSync(new URL('seq2seq.rnn', examplesDir), 'utf8');
    const js = compile(source, { layout: 'batch-major', target: 'js' });
    writeFileSync(join(folder, 'seq2seq_js.d.ts'), js.files['Seq2Seq.d.ts']);
    writeFileSync(join(folder, 'seq2seq_js.js'), js.files['Seq2Seq.js']);
    writeFileSync(
      join(folder, 'check.ts'),
      "import { layout } from './seq2seq_js.js';\nexport const batchMajor: 'batch-major' = layout;\n",
    );
    await typecheck([join(folder, 'seq2seq_batch-major.ts'), join(folder, 'check.ts')], folder, {
      checkDeclarations: true,
    });
  }, 300_000);
});

describe('a WGSL host compiled with --batch-major', () => {
  beforeAll(async () => {
    await gpuDevice();
  });

  it('gives the batch-major TypeScript module’s results', async () => {
    const source = readFileSync(new URL('seq2seq.rnn', examplesDir), 'utf8');
    const { files, main } = compile(source, { target: 'wgsl', layout: 'batch-major' });
    const path = join(folder, 'seq2seq_host.ts');
    writeFileSync(path, files[main]);
    const host = (await import(path)) as {
      createModel(device: GPUDevice): Promise<{
        forward: (p: unknown, i: unknown) => Promise<{ outputs: Record<string, Tensor> }>;
        grad: (p: unknown, i: unknown) => Promise<{ loss: number; inputGrads: Record<string, Tensor> }>;
        destroy(): void;
      }>;
    };
    const reference = await load('seq2seq.rnn', 'seq2seq', 'batch-major');
    const inputs = Object.fromEntries(
      Object.entries(inputsOf(reference, { S: 5, U: 3 }, 2)).map(([k, t]) => [k, swap(t)]),
    );
    const params = reference.init(1);
    const model = await host.createModel((await gpuDevice()).device);
    try {
      const want = reference.grad(params, inputs);
      const got = await model.grad(params, inputs);
      expect(Math.abs(got.loss - want.loss) / Math.abs(want.loss)).toBeLessThan(1e-4);
      for (const [k, t] of Object.entries(want.inputGrads)) {
        expect(got.inputGrads[k].shape, k).toEqual(t.shape);
        expect(maxRelativeError(got.inputGrads[k].data, t.data), k).toBeLessThan(1e-3);
      }
    } finally {
      model.destroy();
    }
  }, 300_000);
});
