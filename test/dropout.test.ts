/**
 * Dropout, variational dropout and zoneout: the masks a mode and seed draw, the same in the
 * interpreter, the TypeScript module (f64 and f32 SIMD) and the WGSL kernels; eval mode as the
 * identity (dropout) and the expectation (zoneout); gradients through the masks drawn.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { check, compile, exportOnnx, gradcheck, gradients, parse, run, toNested } from '../src/api/index.js';
import { draw, mix32, noiseJs, stepKey } from '../src/ir/ops/noise.js';
import { stripTypes } from '../src/backends/js.js';
import { rnnc, scratchFolder } from './helpers/cli.js';
import { examplesDir, flat, maxRelativeError } from './helpers/compile.js';
import { gpuDevice } from './helpers/gpu.js';
import { interpreterVsOnnx } from './helpers/onnx.js';
import { selectModel } from '../src/frontend/program.js';
import { compileForTraining } from '../src/train/compiled.js';

const timeout = 300_000;

/** A cell with every kind of mask, and a model that drops values between layers too. */
const source = `
cell Regularized(I, H, p = 0.5) {
  input x: [I]
  state h: [H]
  state c: [H]
  param W: [4*H, I] = glorot
  param U: [4*H, H] = orthogonal
  param b: [4*H] = zeros

  z = W @ variational_dropout(x, 0.25) + U @ dropout(h, p) + b
  i = sigmoid(z[0:H])
  f = sigmoid(z[H:2*H])
  g = tanh(z[2*H:3*H])
  o = sigmoid(z[3*H:4*H])
  c' = zoneout(f * c + i * g, c, 0.3)
  h' = zoneout(o * tanh(c'), h, 0.1)
  output h'
}

model M(I = 3, H = 4) {
  input x: seq[I]
  target y: seq[H]
  layer s = Regularized(I, H) over dropout(x, 0.2)
  out = dropout(s, 0.5)
  loss mse(out, y)
  output out
}
`;

/** Models whose masks can be read off their output: x through one kind of mask. */
const maskOf = (call: string, width = 64) => `
model Masked(N = ${width}) {
  input x: seq[N]
  output y = ${call}
}`;

const ones = (steps: number, batch: number, width: number) =>
  Array.from({ length: steps }, () => Array.from({ length: batch }, () => new Array<number>(width).fill(1)));

describe('the masks’ hash', () => {
  it('is the same in the generated modules’ source as in the interpreter', () => {
    const fromSource = new Function(`${stripTypes(noiseJs)}\nreturn { mix32, stepKey, draw };`)() as {
      mix32: typeof mix32;
      stepKey: typeof stepKey;
      draw: typeof draw;
    };
    for (let k = 0; k < 1000; k++) {
      const v = (k * 2654435761) >>> 0;
      expect(fromSource.mix32(v)).toBe(mix32(v));
      expect(fromSource.stepKey(k, k % 7, k % 13)).toBe(stepKey(k, k % 7, k % 13));
      expect(fromSource.draw(v, k)).toBe(draw(v, k));
    }
  });

  it('draws 24-bit numbers that are uniform: each tenth of the range gets a tenth of the draws', () => {
    const counts = new Array<number>(10).fill(0);
    const n = 100_000;
    const key = stepKey(7, 3, 0);
    for (let k = 0; k < n; k++) counts[Math.floor((draw(key, k) / 2 ** 24) * 10)]++;
    for (const c of counts) expect(Math.abs(c / n - 0.1)).toBeLessThan(0.005);
  });
});

describe('dropout in the interpreter', () => {
  it('is the identity in eval mode, the default', async () => {
    const x = ones(3, 2, 64);
    const plain = await run(maskOf('dropout(x, 0.5)'), { inputs: { x } });
    expect(flat(toNested(plain.outputs.y))).toEqual(flat(x));
    const evalMode = await run(maskOf('dropout(x, 0.5)'), { inputs: { x }, mode: 'eval', maskSeed: 3 });
    expect(flat(toNested(evalMode.outputs.y))).toEqual(flat(x));
  });

  it('drops a fraction p in train mode and scales the rest by 1/(1 − p)', async () => {
    const x = ones(20, 10, 64);
    const r = await run(maskOf('dropout(x, 0.3)'), { inputs: { x }, mode: 'train', maskSeed: 11 });
    const values = flat(toNested(r.outputs.y));
    const dropped = values.filter((v) => v === 0).length / values.length;
    expect(Math.abs(dropped - 0.3)).toBeLessThan(0.02);
    for (const v of values) expect([0, 1 / 0.7]).toContain(v);
  });

  it('draws the same masks for the same seed, other masks for another seed', async () => {
    const x = ones(4, 3, 64);
    const masks = async (seed: number) =>
      flat(
        toNested((await run(maskOf('dropout(x, 0.5)'), { inputs: { x }, mode: 'train', maskSeed: seed })).outputs.y),
      );
    expect(await masks(1)).toEqual(await masks(1));
    expect(await masks(1)).not.toEqual(await masks(2));
  });

  it('draws a new mask at every step; variational dropout one mask per sequence, the same at every step', async () => {
    const x = ones(5, 3, 64);
    const perStep = toNested(
      (await run(maskOf('dropout(x, 0.5)'), { inputs: { x }, mode: 'train', maskSeed: 4 })).outputs.y,
    ) as number[][][];
    const shared = toNested(
      (await run(maskOf('variational_dropout(x, 0.5)'), { inputs: { x }, mode: 'train', maskSeed: 4 })).outputs.y,
    ) as number[][][];
    for (let t = 1; t < 5; t++) {
      expect(perStep[t]).not.toEqual(perStep[0]);
      expect(shared[t]).toEqual(shared[0]);
    }
    // Each sample has its own mask.
    expect(shared[0][1]).not.toEqual(shared[0][0]);
  });

  it('gives each use of a cell masks of its own: two layers of one cell, two directions', async () => {
    const layers = `
cell Drop(N) {
  input x: [N]
  output y = dropout(x, 0.5)
}
model Two(N = 64) {
  input x: seq[N]
  layer a = Drop(N) over x
  layer b = Drop(N) over x
  output a
  output b
}`;
    const r = await run(layers, { inputs: { x: ones(2, 2, 64) }, mode: 'train', maskSeed: 9 });
    expect(flat(toNested(r.outputs.a))).not.toEqual(flat(toNested(r.outputs.b)));
  });

  it('zoneout keeps each unit’s previous value with probability p in train mode, mixes by p in eval mode', async () => {
    const zone = `
cell Keep(N) {
  input x: [N]
  state h: [N]
  h' = zoneout(x, h, 0.25)
  output h'
}
model Z(N = 64) {
  input x: seq[N]
  layer s = Keep(N) over x
}`;
    // x is 1 at every step and h starts at 0: in train mode h is 0 until a unit first takes x.
    const x = ones(1, 50, 64);
    const trained = flat(toNested((await run(zone, { inputs: { x }, mode: 'train', maskSeed: 2 })).outputs.s));
    const kept = trained.filter((v) => v === 0).length / trained.length;
    expect(Math.abs(kept - 0.25)).toBeLessThan(0.03);
    const evaluated = flat(toNested((await run(zone, { inputs: { x } })).outputs.s));
    for (const v of evaluated) expect(v).toBeCloseTo(0.75, 12);
  });

  it('passes gradients through the masks drawn: gradcheck in train mode, with and without rematerialization', () => {
    for (const remat of [false, true]) {
      const checked = gradcheck(source, { steps: 4, batch: 3, remat, seed: 5 });
      expect(checked.passed, `remat ${remat}: worst ${checked.worst}`).toBe(true);
    }
  });

  it('gives no gradient where it dropped', () => {
    const model = `
model D(N = 64) {
  input x: seq[N]
  target y: seq[N]
  d = dropout(x, 0.5)
  loss mse(d, y)
  output d
}`;
    const x = ones(3, 2, 64);
    const g = gradients(model, { inputs: { x, y: ones(3, 2, 64) }, mode: 'train', maskSeed: 1 });
    const out = flat(toNested(g.inputs.x));
    const dropped = out.filter((v) => v === 0).length / out.length;
    expect(Math.abs(dropped - 0.5)).toBeLessThan(0.05);
  });

  it('reports a bad rate at its place in the source', () => {
    const checked = check(maskOf('dropout(x, 1.5)'), { file: 'masked.rnn' });
    expect(checked.ok).toBe(false);
    expect(checked.formatted).toContain(
      'masked.rnn:4:25: error: a dropout rate is a probability from 0 up to (not including) 1, not 1.5',
    );
    expect(checked.formatted).toContain('  output y = dropout(x, 1.5)');
    const zone = check(maskOf('zoneout(x, x, h)'), { file: 'zone.rnn' });
    expect(zone.formatted).toContain('zone.rnn:4:28: error: the rate of zoneout is a number written out, like 0.25');
  });

  it('refuses a rate that is not a probability, or not a number the compiler knows', async () => {
    await expect(run(maskOf('dropout(x, 1)'))).rejects.toThrow(
      'a dropout rate is a probability from 0 up to (not including) 1, not 1',
    );
    await expect(run(maskOf('dropout(x, x)'))).rejects.toThrow(
      'the rate of dropout is a number written out, like 0.25',
    );
    await expect(run(maskOf('dropout(x, 0.5)'), { mode: 'train', maskSeed: -1 })).rejects.toThrow(
      'a seed is a whole number from 0 to 16777215, not -1',
    );
    await expect(run(maskOf('dropout(x, 0.5)'), { mode: 'fit' as 'train' })).rejects.toThrow(
      "the mode is 'train' or 'eval', not \"fit\"",
    );
    // A hyperparameter set out of range is refused once sizes are bound.
    await expect(
      run(maskOf('dropout(x, p)').replace('N = 64', 'N = 64, p = 0.5'), { sizes: { p: 1.5 } }),
    ).rejects.toThrow('a dropout rate is a probability from 0 up to (not including) 1, not 1.5');
  });
});

interface Calls {
  destroy?(): void;
  forward(
    p: unknown,
    i: unknown,
    s?: unknown,
    m?: unknown,
  ): Promise<{ outputs: Record<string, { data: ArrayLike<number> }> }>;
  grad(
    p: unknown,
    i: unknown,
    s?: unknown,
    m?: unknown,
  ): Promise<{ loss: number; grads: Record<string, ArrayLike<number>> }>;
}

describe('dropout in generated modules', () => {
  const folder = scratchFolder('rnnc-dropout-');
  const sizes = { I: 3, H: 4 };
  const data = { x: [0, 1, 2, 3].map((t) => [0, 1, 2].map((b) => [0, 1, 2].map((k) => Math.sin(t + 2 * b + 3 * k)))) };
  const targets = { y: [0, 1, 2, 3].map((t) => [0, 1, 2].map((b) => [0, 1, 2, 3].map((k) => Math.cos(t + b + k)))) };
  const tensor = (rows: number[][][], A: Float32ArrayConstructor | Float64ArrayConstructor) => ({
    data: A.from(rows.flat(2)),
    shape: [rows.length, rows[0].length, rows[0][0].length],
  });

  const cases = [
    { target: 'ts', dtype: 'f64', tolerance: 1e-12 },
    { target: 'ts', dtype: 'f32', tolerance: 1e-4 },
    { target: 'wgsl', dtype: 'f32', tolerance: 1e-4 },
  ] as const;
  it.each(cases)(
    'draw the interpreter’s masks for a seed and compute its outputs and gradients ($target, $dtype)',
    async ({ target, dtype, tolerance }) => {
      const { files, main } = compile(source, { sizes, target, dtype });
      const loaded = (await import(folder.write(`drop_${target}_${dtype}.ts`, files[main]))) as Record<string, unknown>;
      const mod =
        target === 'ts'
          ? (loaded as unknown as Calls)
          : await (loaded.createModel as (d: GPUDevice) => Promise<Calls>)((await gpuDevice()).device);
      const A = dtype === 'f64' ? Float64Array : Float32Array;
      const inputs = { x: tensor(data.x, A), y: tensor(targets.y, A) };
      try {
        for (const mode of [{ mode: 'train', seed: 7 }, { mode: 'train', seed: 8 }, { mode: 'eval' }] as const) {
          const options = {
            sizes,
            inputs: { ...data, ...targets },
            mode: mode.mode,
            maskSeed: 'seed' in mode ? mode.seed : 0,
            dtype,
          };
          const reference = await run(source, options);
          const referenceGrads = gradients(source, options);
          const params = Object.fromEntries(Object.entries(reference.params).map(([k, v]) => [k, A.from(v.data)]));
          const out = await mod.forward(params, inputs, {}, mode);
          const expected = reference.outputs.out.data;
          expect(maxRelativeError(out.outputs.out.data, expected)).toBeLessThan(tolerance);
          // The same elements dropped: the masks are the interpreter's, bit for bit.
          expect(Array.from(out.outputs.out.data, (v) => v === 0)).toEqual(Array.from(expected, (v) => v === 0));
          const g = await mod.grad(params, inputs, {}, mode);
          expect(Math.abs(g.loss - referenceGrads.loss)).toBeLessThan(tolerance);
          for (const [name, t] of Object.entries(referenceGrads.params))
            expect(maxRelativeError(g.grads[name], t.data), name).toBeLessThan(tolerance * 10);
        }
        // Eval mode is the default.
        const plain = await mod.forward(
          Object.fromEntries(
            Object.entries((await run(source, { sizes, dtype })).params).map(([k, v]) => [k, A.from(v.data)]),
          ),
          inputs,
        );
        const evaluated = await run(source, { sizes, dtype, inputs: { ...data, ...targets } });
        expect(maxRelativeError(plain.outputs.out.data, evaluated.outputs.out.data)).toBeLessThan(tolerance);
      } finally {
        mod.destroy?.();
      }
    },
    timeout,
  );

  it(
    'check the mode and seed they are given',
    async () => {
      const { files, main } = compile(source, { sizes });
      const mod = (await import(folder.write('drop_checks.ts', files[main]))) as unknown as Calls;
      const params = Object.fromEntries(
        Object.entries((await run(source, { sizes, dtype: 'f32' })).params).map(([k, v]) => [
          k,
          Float32Array.from(v.data),
        ]),
      );
      const inputs = { x: tensor(data.x, Float32Array) };
      await expect(async () => mod.forward(params, inputs, {}, { mode: 'train', seed: 2 ** 24 })).rejects.toThrow(
        'a seed is a whole number from 0 to 16777215, not 16777216',
      );
      await expect(async () => mod.forward(params, inputs, {}, { mode: 'test' })).rejects.toThrow(
        "the mode is 'train' or 'eval', not \"test\"",
      );
    },
    timeout,
  );
});

describe('dropout with lengths, in training', () => {
  const text = readFileSync(new URL('text_classifier.rnn', examplesDir), 'utf8');
  const sizes = { V: 11, E: 5, H: 6, C: 3 };
  const ids = [
    [1, 2, 3],
    [4, 5, 0],
    [6, 7, 0],
    [8, 0, 0],
  ]; // [T][B]: the lengths are 4, 3, 1
  const lengths = { T: [4, 3, 1] };
  const label = [2, 0, 1];

  it.each(['ts', 'wgsl'] as const)(
    'a module compiled with lengths takes the mode after them and draws the interpreter’s masks (%s)',
    async (target) => {
      const folder = scratchFolder('rnnc-dropout-lengths-');
      const { files, main } = compile(text, { sizes, target, lengths: ['T'] });
      const loaded = (await import(folder.write(`text_${target}.ts`, files[main]))) as Record<string, unknown>;
      const mod =
        target === 'ts'
          ? (loaded as unknown as LengthsCalls)
          : await (loaded.createModel as (d: GPUDevice) => Promise<LengthsCalls>)((await gpuDevice()).device);
      try {
        const options = {
          sizes,
          inputs: { text: ids, label },
          lengths,
          mode: 'train',
          maskSeed: 12,
          dtype: 'f32',
        } as const;
        const reference = await run(text, options);
        const referenceGrads = gradients(text, options);
        const params = Object.fromEntries(
          Object.entries(reference.params).map(([k, v]) => [k, Float32Array.from(v.data)]),
        );
        const inputs = {
          text: { data: Int32Array.from(ids.flat()), shape: [4, 3] },
          label: { data: Int32Array.from(label), shape: [3] },
        };
        const mode = { mode: 'train', seed: 12 };
        const out = await mod.forward(params, inputs, {}, lengths, mode);
        expect(maxRelativeError(out.outputs.logits.data, reference.outputs.logits.data)).toBeLessThan(1e-4);
        const g = await mod.grad(params, inputs, {}, lengths, mode);
        expect(Math.abs(g.loss - referenceGrads.loss)).toBeLessThan(1e-4);
        for (const [name, t] of Object.entries(referenceGrads.params))
          expect(maxRelativeError(g.grads[name], t.data), name).toBeLessThan(1e-3);
      } finally {
        mod.destroy?.();
      }
    },
    timeout,
  );

  it(
    'rnnc train trains in train mode and evaluates in eval mode: names, with lengths and token ids',
    async () => {
      const folder = scratchFolder('rnnc-dropout-train-');
      const out = folder.path('names');
      const result = await rnnc(
        'train',
        'examples/text_classifier.rnn',
        '--data',
        'names',
        '--lengths',
        '--size',
        'H=8',
        '--size',
        'E=4',
        '--max-steps',
        '5',
        '--eval-batches',
        '2',
        '--out',
        out,
      );
      expect(result.err).toBe('');
      expect(result.status).toBe(0);
      expect(result.out).toContain('majority-class accuracy');
      const model = parse(text);
      const compiled = await compileForTraining(selectModel(model, 'TextClassifier'), {
        target: 'ts',
        sizes: { ...sizes, d: 0.25, p: 0.25, z: 0.1 },
        source: { file: 'text_classifier.rnn', text },
        cells: model.cellTable,
        lengths: ['T'],
      });
      const params = compiled.init(1);
      const batch = {
        text: { data: Float32Array.from(ids.flat()), shape: [4, 3] },
        label: { data: Float32Array.from(label), shape: [3] },
      };
      // Eval mode draws no masks: the same loss every time.
      const first = await compiled.evaluate(params, batch, lengths);
      expect((await compiled.evaluate(params, batch, lengths)).loss).toBe(first.loss);
      // Train mode draws the masks of its seed: the same loss for a seed, another for another seed
      // (a step of 1e-30 leaves the params as they were in f32).
      const opt = compiled.optimizer({ method: 'sgd', learningRate: 1e-30 });
      const a = await compiled.trainStep(params, opt, batch, lengths, 1);
      const b = await compiled.trainStep(params, opt, batch, lengths, 1);
      const c = await compiled.trainStep(params, opt, batch, lengths, 2);
      expect(b.loss).toBe(a.loss);
      expect(c.loss).not.toBe(a.loss);
      expect(a.loss).not.toBe(first.loss);
    },
    timeout,
  );
});

interface LengthsCalls {
  destroy?(): void;
  forward(
    p: unknown,
    i: unknown,
    s: unknown,
    l: unknown,
    m: unknown,
  ): Promise<{ outputs: Record<string, { data: ArrayLike<number> }> }>;
  grad(
    p: unknown,
    i: unknown,
    s: unknown,
    l: unknown,
    m: unknown,
  ): Promise<{ loss: number; grads: Record<string, ArrayLike<number>> }>;
}

describe('dropout elsewhere', () => {
  it(
    'exports to ONNX in eval mode: no mode input, and ONNX Runtime agrees with the interpreter',
    async () => {
      const program = parse(readFileSync(new URL('text_classifier.rnn', examplesDir), 'utf8'));
      const exported = exportOnnx(program, { seed: 3 });
      expect(exported.inputs.map((i) => i.name)).toEqual(['text']);
      const feeds = { text: { data: Float32Array.from([1, 5, 9, 3, 0, 63, 2, 2, 7, 8, 40, 41]), shape: [4, 3] } };
      const { worst } = await interpreterVsOnnx(program, undefined, exported.bytes, feeds, { dtype: 'f32', seed: 3 });
      expect(worst).toBeLessThan(1e-5);
    },
    timeout,
  );

  it(
    'rnnc run and grad take --mode and --mask-seed',
    async () => {
      const folder = scratchFolder('rnnc-dropout-cli-');
      const file = folder.write('drop.rnn', source);
      const evaluated = await rnnc('run', file, '--json');
      const trained = await rnnc('run', file, '--json', '--mode', 'train', '--mask-seed', '4');
      const again = await rnnc('run', file, '--json', '--mode', 'train', '--mask-seed', '4');
      expect(trained.status).toBe(0);
      expect(trained.out).toBe(again.out);
      expect(trained.out).not.toBe(evaluated.out);
      const bad = await rnnc('run', file, '--mode', 'fit');
      expect(bad.status).not.toBe(0);
      expect(bad.err).toContain("--mode is train or eval, not 'fit'");
      const grad = await rnnc('grad', file, '--mode', 'train', '--mask-seed', '4');
      expect(grad.status).toBe(0);
    },
    timeout,
  );
});
