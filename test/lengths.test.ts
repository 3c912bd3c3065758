/**
 * Variable-length batches: each sample of a padded batch gives what it gives alone, cut to its
 * own steps; the loss averages over real steps; and bad lengths are refused with messages.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compile, gradients, run, toNested } from '../src/api/index.js';
import { rnnc, scratchFolder } from './helpers/cli.js';
import { examplesDir } from './helpers/compile.js';

const timeout = 300_000;
const example = (name: string) => readFileSync(new URL(name, examplesDir), 'utf8');

/** Deterministic values in [-1, 1), nested [B][T][width] (batch-major). */
function values(seed: number, batch: number, steps: number, width: number): number[][][] {
  let state = seed;
  const next = () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return (state / 2 ** 31) * 2 - 1;
  };
  return Array.from({ length: batch }, () => Array.from({ length: steps }, () => Array.from({ length: width }, next)));
}

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
];

describe.each(cases)('a padded batch of $example with lengths', (c) => {
  const lengths = [5, 2, 1];
  const B = lengths.length;
  const sizes: Record<string, number> =
    c.example === 'lstm.rnn' ? { I: 3, H: 4 } : c.example === 'char_lstm.rnn' ? { V: 6, H: 5 } : {};
  const sequences = Object.fromEntries(Object.entries(c.data).map(([k, w], j) => [k, values(7 + j, B, 5, w)]));
  const targets = Object.fromEntries(Object.entries(c.targets).map(([k, w]) => [k, oneHot(B, 5, w)]));
  const label =
    c.example === 'classifier.rnn'
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
      if (Object.keys(c.targets).length === 0 && c.example !== 'classifier.rnn') return;
      const perStep = c.example !== 'classifier.rnn';
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

  it('refuses lengths along an attention memory’s axis, which are not supported yet', async () => {
    await expect(run(example('attention.rnn'), { lengths: { S: [3, 2] }, steps: 3 })).rejects.toThrow(
      'reads a memory along S, and lengths along a memory’s axis are not supported yet',
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
    const x = [[[0.5], [0.5], [0.5], [0.5]], [[0.5], [0.5], [0.5], [0.5]]];
    const result = await run(source, { inputs: { x }, layout: 'batch-major', lengths: { T: [4, 2] } });
    // Sample b adds its own length at each of its steps: 4 · 4 and 2 · 2.
    expect(Array.from(result.finalStates.h.data)).toEqual([16, 4]);
  });
});
