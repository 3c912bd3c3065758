/**
 * Variable-length batches: each sample of a padded batch gives what it gives alone, cut to its
 * own steps; the loss averages over real steps; and bad lengths are refused with messages.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compile, gradients, run, toNested } from '../src/api/index.js';
import { rnnc, scratchFolder } from './helpers/cli.js';
import { batchMajorValues as values, examplesDir, maxRelativeError } from './helpers/compile.js';
import { gpuDevice } from './helpers/gpu.js';
import { onlyInFullSuite } from './helpers/matrix.js';
import { activeNodes } from '../src/ad/walk.js';
import { GraphBuilder } from '../src/ir/builder.js';
import { Dim } from '../src/ir/dims.js';
import { lengthsType } from '../src/ir/lengths.js';
import { tensorType } from '../src/ir/types.js';

const timeout = 300_000;
const example = (name: string) => readFileSync(new URL(name, examplesDir), 'utf8');

/** One-hot rows [B][T][width]. */
function oneHot(batch: number, steps: number, width: number): number[][][] {
  return Array.from({ length: batch }, (_, b) =>
    Array.from({ length: steps }, (_, t) => Array.from({ length: width }, (_, k) => (k === (b + t) % width ? 1 : 0))),
  );
}

const cases = [
  { example: 'lstm.rnn', data: { x: 3 }, targets: {} },
  { example: 'stacked_lstm.rnn', data: { series: 1 }, targets: { next: 1 } },
  { example: 'tagger.rnn', data: { words: 8 }, targets: { tags: 5 } },
  { example: 'char_lstm.rnn', data: { text: 6 }, targets: { next: 6 } },
  { example: 'classifier.rnn', data: { x: 6 }, targets: {} },
  { example: 'pooled_classifier.rnn', data: { x: 6 }, targets: {} },
];

describe.each(cases)('a padded batch of $example with lengths', (c) => {
  const lengths = [5, 2, 1];
  const B = lengths.length;
  const sizes: Record<string, number> =
    c.example === 'lstm.rnn' ? { I: 3, H: 4 } : c.example === 'char_lstm.rnn' ? { V: 6, H: 5 } : {};
  const sequences = Object.fromEntries(Object.entries(c.data).map(([k, w], j) => [k, values(7 + j, B, 5, w)]));
  const targets = Object.fromEntries(Object.entries(c.targets).map(([k, w]) => [k, oneHot(B, 5, w)]));
  const label = c.example.endsWith('classifier.rnn')
    ? {
        label: [
          [1, 0, 0],
          [0, 1, 0],
          [0, 0, 1],
        ],
      }
    : {};
  const sourceText = example(c.example);
  const batchInputs = { ...sequences, ...targets, ...label };
  /** Sample b alone, its sequences cut to its own steps. */
  const alone = (b: number) =>
    Object.fromEntries(
      Object.entries(batchInputs).map(([k, rows]) => [
        k,
        k === 'label' ? [rows[b]] : [(rows[b] as unknown[]).slice(0, lengths[b])],
      ]),
    );
  const options = { sizes, layout: 'batch-major' as const };

  it(
    'gives each sample its own outputs (zero past its length) and final states, as it has alone',
    async () => {
      const batch = await run(sourceText, { ...options, inputs: batchInputs, lengths: { T: lengths } });
      for (let b = 0; b < B; b++) {
        const single = await run(sourceText, { ...options, inputs: alone(b) });
        for (const [name, t] of Object.entries(batch.outputs)) {
          const rows = toNested(t, 'batch-major') as unknown[];
          const own = toNested(single.outputs[name], 'batch-major') as unknown[][];
          const sample = rows[b];
          if (t.lead.time === null) expect(sample).toEqual(expectClose(own[0]));
          else {
            const steps = sample as unknown[];
            expect(steps.slice(0, lengths[b])).toEqual(expectClose(own[0]));
            for (const pad of steps.slice(lengths[b])) expect((pad as number[]).every((v) => v === 0)).toBe(true);
          }
        }
        for (const [name, t] of Object.entries(batch.finalStates)) {
          const rows = toNested(t, 'batch-major') as unknown[];
          expect(rows[b]).toEqual(expectClose((toNested(single.finalStates[name], 'batch-major') as unknown[])[0]));
        }
      }
    },
    timeout,
  );

  it(
    'averages the loss over real steps only, and its gradient is that of the samples alone',
    async () => {
      if (Object.keys(c.targets).length === 0 && !c.example.endsWith('classifier.rnn')) return;
      const perStep = !c.example.endsWith('classifier.rnn');
      const batch = gradients(sourceText, { ...options, inputs: batchInputs, lengths: { T: lengths } });
      let total = 0;
      const summed: Record<string, number[]> = {};
      for (let b = 0; b < B; b++) {
        const single = gradients(sourceText, { ...options, inputs: alone(b) });
        // A sample's share of the batch's mean: its real steps (or one per sample without time).
        const weight = perStep ? lengths[b] : 1;
        total += single.loss * weight;
        for (const [name, g] of Object.entries(single.params)) {
          summed[name] ??= new Array<number>(g.data.length).fill(0);
          g.data.forEach((v, k) => (summed[name][k] += v * weight));
        }
      }
      const count = perStep ? lengths.reduce((a, n) => a + n, 0) : B;
      expect(batch.loss).toBeCloseTo(total / count, 12);
      for (const [name, g] of Object.entries(batch.params))
        Array.from(g.data).forEach((v, k) => expect(v).toBeCloseTo(summed[name][k] / count, 12));
    },
    timeout,
  );
});

/** Nested numbers equal to 1e-12. */
function expectClose(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(expectClose);
  return typeof value === 'number' ? expect.closeTo(value, 12) : value;
}

describe('lengths that cannot be', () => {
  const lstm = example('lstm.rnn');
  const x = values(1, 2, 4, 3).map((sample) => sample); // [B][T][I] batch-major

  it('refuses a length past the padded steps, or below 1, naming the sample', async () => {
    await expect(run(lstm, { inputs: { x }, layout: 'batch-major', lengths: { T: [4, 5] } })).rejects.toThrow(
      "sample 1's length along T is 5, but it must be a whole number from 1 to 4 (the inputs' steps)",
    );
    await expect(run(lstm, { inputs: { x }, layout: 'batch-major', lengths: { T: [0, 2] } })).rejects.toThrow(
      "sample 0's length along T is 0",
    );
  });

  it('refuses lengths for an axis no input runs along, and a count that is not the batch', async () => {
    await expect(run(lstm, { inputs: { x }, layout: 'batch-major', lengths: { S: [1, 2] } })).rejects.toThrow(
      'lengths are given for S, but no input of model LSTM runs along it (its time axes are T)',
    );
    await expect(run(lstm, { inputs: { x }, layout: 'batch-major', lengths: { T: [1, 2, 3] } })).rejects.toThrow(
      'the lengths of T must be one number per sample (2), got [1,2,3]',
    );
  });

  it('refuses ragged rows that disagree with the lengths given', async () => {
    const ragged = [x[0], x[1].slice(0, 2)];
    await expect(run(lstm, { inputs: { x: ragged }, layout: 'batch-major', lengths: { T: [4, 3] } })).rejects.toThrow(
      'the lengths of T are given as 4, 3, but the samples of x have 4, 2 steps',
    );
  });
});

describe('lengths on the command line', () => {
  const folder = scratchFolder('rnnc-lengths-cli-');

  it(
    'rnnc run pads batch-major rows of different lengths and runs each sample for its own steps',
    async () => {
      const input = folder.write('ragged.json', JSON.stringify({ x: [values(3, 1, 3, 3)[0], values(4, 1, 1, 3)[0]] }));
      const result = await rnnc('run', 'examples/lstm.rnn', '--batch-major', '--input', input, '--json');
      expect(result.status).toBe(0);
      const json = JSON.parse(result.out) as { outputs: Record<string, number[][][]> };
      const [out] = Object.values(json.outputs);
      expect(out[1][0].some((v) => v !== 0)).toBe(true);
      expect(
        out[1]
          .slice(1)
          .flat()
          .every((v) => v === 0),
      ).toBe(true);
    },
    timeout,
  );

  it(
    'rnnc run takes --lengths per time axis and refuses bad ones with a message',
    async () => {
      const ok = await rnnc('run', 'examples/lstm.rnn', '--steps', '4', '--lengths', 'T=4,2', '--json');
      expect(ok.status).toBe(0);
      const bad = await rnnc('run', 'examples/lstm.rnn', '--lengths', 'T=4,x');
      expect(bad.status).not.toBe(0);
      expect(bad.err).toContain("--lengths T: 'x' is not a positive whole number");
      expect(bad.err).not.toMatch(/\n\s+at /);
    },
    timeout,
  );

  it(
    'rnnc compile --lengths T writes a module whose functions take each sample’s steps',
    async () => {
      const out = folder.path('tagger.ts');
      const result = await rnnc('compile', 'examples/tagger.rnn', '--lengths', 'T', '-o', out);
      expect(result.status).toBe(0);
      const code = readFileSync(out, 'utf8');
      expect(code).toContain('export type Lengths = { readonly "T"?: ArrayLike<number> };');
      expect(code).toMatch(/export function forward\(.*lengths: Lengths = \{\}\)/);
      const js = compile(example('tagger.rnn'), { target: 'js', lengths: ['T'] });
      expect(js.files['Tagger.d.ts']).toContain('lengths?: Lengths');
    },
    timeout,
  );
});

describe('a cell that reads its number of steps T', () => {
  const source = `cell Count(H = 1) {
  input x: [H]
  state h: [H]
  h' = h + 0 * x + T
  output h'
}`;

  it('reads each sample’s own length', async () => {
    const x = [
      [[0.5], [0.5], [0.5], [0.5]],
      [[0.5], [0.5], [0.5], [0.5]],
    ];
    const result = await run(source, { inputs: { x }, layout: 'batch-major', lengths: { T: [4, 2] } });
    // Sample b adds its own length at each of its steps: 4 · 4 and 2 · 2.
    expect(Array.from(result.finalStates.h.data)).toEqual([16, 4]);
  });
});

describe('an attention decoder over a batch of sources of different lengths', () => {
  const source = example('attention.rnn');
  const sizes = { L: 4, P: 5, H: 6, A: 7 };
  const sourceLengths = [5, 2, 3];
  const targetLengths = [4, 4, 2];
  const B = sourceLengths.length;
  const inputs = {
    letters: values(11, B, 5, 4),
    previous: values(12, B, 4, 5),
    phonemes: oneHot(B, 4, 5),
  };
  const alone = (b: number, cutTargets: boolean) => ({
    letters: [inputs.letters[b].slice(0, sourceLengths[b])],
    previous: [inputs.previous[b].slice(0, cutTargets ? targetLengths[b] : 4)],
    phonemes: [inputs.phonemes[b].slice(0, cutTargets ? targetLengths[b] : 4)],
  });
  const options = { sizes, layout: 'batch-major' as const };

  it(
    'attends to each source’s own positions only: every sample gives what it gives alone',
    async () => {
      for (const [lengths, cutTargets] of [
        [{ S: sourceLengths }, false],
        [{ S: sourceLengths, U: targetLengths }, true],
      ] as const) {
        const batch = await run(source, { ...options, inputs, lengths });
        const rows = toNested(batch.outputs.logits, 'batch-major') as number[][][];
        for (let b = 0; b < B; b++) {
          const single = await run(source, { ...options, inputs: alone(b, cutTargets) });
          const own = (toNested(single.outputs.logits, 'batch-major') as number[][][])[0];
          expect(rows[b].slice(0, own.length)).toEqual(expectClose(own));
        }
      }
    },
    timeout,
  );

  it(
    'gives the gradients of the samples alone, the memory’s padding none',
    () => {
      const batch = gradients(source, { ...options, inputs, lengths: { S: sourceLengths } });
      const letters = toNested(batch.inputs.letters, 'batch-major') as number[][][];
      for (let b = 0; b < B; b++) {
        const single = gradients(source, { ...options, inputs: alone(b, false) });
        const own = (toNested(single.inputs.letters, 'batch-major') as number[][][])[0];
        // The batch's loss is the mean over B samples' steps: sample b's share is 1/B of its own mean.
        expect(letters[b].slice(0, sourceLengths[b]).flat()).toEqual(expectClose(own.flat().map((v) => v / B)));
        for (const pad of letters[b].slice(sourceLengths[b])) expect(pad.every((v) => v === 0)).toBe(true);
      }
    },
    timeout,
  );
});

describe('lengths in generated modules of an attention model', () => {
  const source = example('attention.rnn');
  const sizes = { L: 4, P: 5, H: 6, A: 7 };
  const lengths = { S: [5, 2, 3], U: [4, 4, 2] };
  const folder = scratchFolder('rnnc-lengths-attention-');
  const timeMajor = (rows: number[][][]) => rows[0].map((_, t) => rows.map((sample) => sample[t]));
  const tensor = (rows: number[][][]) => ({
    data: Float32Array.from(timeMajor(rows).flat(2)),
    shape: [rows[0].length, rows.length, rows[0][0].length],
  });
  const data = { letters: values(21, 3, 5, 4), previous: values(22, 3, 4, 5), phonemes: oneHot(3, 4, 5) };

  // The WGSL kernels of attention take seconds on SwiftShader: the full suite runs them.
  it.each(onlyInFullSuite() ? (['ts'] as const) : (['ts', 'wgsl'] as const))(
    'agree with the interpreter in f32 (%s): outputs, loss and every gradient',
    async (target) => {
      const reference = gradients(source, { sizes, inputs: data, layout: 'batch-major', lengths, dtype: 'f32' });
      const forward = await run(source, { sizes, inputs: data, layout: 'batch-major', lengths, dtype: 'f32' });
      const { files, main } = compile(source, { sizes, lengths: ['S', 'U'], target });
      const path = folder.write(`attention_${target}.ts`, files[main]);
      const loaded = (await import(path)) as Record<string, unknown>;
      const mod =
        target === 'ts'
          ? (loaded as unknown as GeneratedCalls)
          : await (loaded.createModel as (d: GPUDevice) => Promise<GeneratedCalls>)((await gpuDevice()).device);
      const params = Object.fromEntries(Object.entries(forward.params).map(([k, v]) => [k, Float32Array.from(v.data)]));
      const inputs = {
        letters: tensor(data.letters),
        previous: tensor(data.previous),
        phonemes: tensor(data.phonemes),
      };
      const out = await mod.forward(params, inputs, {}, lengths);
      expect(maxRelativeError(out.outputs.logits.data, forward.outputs.logits.data)).toBeLessThan(1e-4);
      const g = await mod.grad(params, inputs, {}, lengths);
      expect(Math.abs(g.loss - reference.loss)).toBeLessThan(1e-4);
      for (const [name, t] of Object.entries(reference.params))
        expect(maxRelativeError(g.grads[name], t.data), name).toBeLessThan(1e-3);
      expect(maxRelativeError(g.inputGrads.letters.data, reference.inputs.letters.data)).toBeLessThan(1e-3);
      mod.destroy?.(); // the WGSL model's buffers; the TypeScript module has none to give back
    },
    timeout,
  );
});

interface GeneratedCalls {
  destroy?(): void;
  forward(p: unknown, i: unknown, s: unknown, l: unknown): Promise<{ outputs: Record<string, { data: Float32Array }> }>;
  grad(
    p: unknown,
    i: unknown,
    s: unknown,
    l: unknown,
  ): Promise<{
    loss: number;
    grads: Record<string, Float32Array>;
    inputGrads: Record<string, { data: Float32Array }>;
  }>;
}

describe('rnnc train --lengths', () => {
  const folder = scratchFolder('rnnc-lengths-train-');

  it(
    'trains an encoder–decoder on CMUdict running each word for its own letters and phonemes',
    async () => {
      const out = folder.path('g2p');
      const result = await rnnc(
        'train',
        'examples/g2p.rnn',
        '--data',
        'cmudict',
        '--lengths',
        '--size',
        'H=8',
        '--max-steps',
        '3',
        '--eval-batches',
        '1',
        '--out',
        out,
      );
      expect(result.err).toBe('');
      expect(result.status).toBe(0);
      const run = JSON.parse(readFileSync(`${out}/run.json`, 'utf8')) as { settings: { lengths?: boolean } };
      expect(run.settings.lengths).toBe(true);
    },
    timeout,
  );

  it(
    'trains a classifier on labelled sequences padded at the end, reading each one’s own last step',
    async () => {
      const out = folder.path('sums');
      const result = await rnnc(
        'train',
        'examples/classifier.rnn',
        '--data',
        'examples/data/sums.jsonl',
        '--lengths',
        '--size',
        'H=6',
        '--max-steps',
        '3',
        '--eval-batches',
        '1',
        '--out',
        out,
      );
      expect(result.err).toBe('');
      expect(result.status).toBe(0);
      const run = JSON.parse(readFileSync(`${out}/run.json`, 'utf8')) as { settings: { lengths?: boolean } };
      expect(run.settings.lengths).toBe(true);
    },
    timeout,
  );

  it('refuses data that gives no lengths', async () => {
    const result = await rnnc(
      'train',
      'examples/births.rnn',
      '--data',
      'births',
      '--lengths',
      '--out',
      folder.path('births'),
    );
    expect(result.status).not.toBe(0);
    expect(result.err).toContain(
      "--lengths: series data gives no per-sample lengths (cmudict's pairs and labelled sequences do)",
    );
  });
});

describe('the gradient of a model with lengths', () => {
  it('computes no adjoint for a length mask: positions and comparisons carry no gradient, whatever they read', () => {
    const b = new GraphBuilder();
    const x = b.add('input', [], {
      name: 'x',
      role: 'input',
      type: tensorType([Dim.of(3)], { batched: true, time: 'T' }),
    });
    const n = b.add('input', [], { name: 'T', role: 'lengths', type: lengthsType });
    const positions = b.add('positions', [x], { count: false });
    const mask = b.add('less', [positions, n], {});
    const y = b.add('mul', [x, mask], {});
    const active = activeNodes(b.build(), (node) => node.id === x);
    expect([x, positions, mask, y].map(active)).toEqual([true, false, false, true]);
  });
});
