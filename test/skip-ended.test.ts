/**
 * The TypeScript module over a ragged batch computes, at each step, only the rows of the samples
 * still running (the skip-ended-rows pass, src/backends/ts/ragged.ts). Whatever the order of
 * the lengths, on either CPU path and with a worker thread, it must give what the interpreter's
 * masks give: outputs zero past each length, each sample's own final states, the loss over real
 * steps and every gradient.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compile, gradients, run } from '../src/api/index.js';
import { scratchFolder } from './helpers/cli.js';
import { batchMajorValues as values, examplesDir, maxRelativeError } from './helpers/compile.js';
import { matrix } from './helpers/matrix.js';
import { ownFunctionLimit, ownFunctionOpen } from '../src/backends/ts/code.js';

const timeout = 300_000;
const folder = scratchFolder('rnnc-skip-ended-');

const oneHotRow = (width: number, k: number) => Array.from({ length: width }, (_, j) => (j === k % width ? 1 : 0));

interface Case {
  readonly example: string;
  readonly what: string;
  readonly sizes: Record<string, number>;
  /** Sequence inputs and targets by name: their width, and whether they are one-hot rows. */
  readonly sequences: Record<string, { width: number; oneHot?: boolean }>;
  /** A per-sample one-hot label of this width, if the model has one. */
  readonly label?: number;
}

const examples: Case[] = [
  {
    example: 'char_lstm.rnn',
    what: 'an LSTM',
    sizes: { V: 6, H: 5 },
    sequences: { text: { width: 6 }, next: { width: 6, oneHot: true } },
  },
  {
    example: 'stacked_lstm.rnn',
    what: 'two LSTM layers',
    sizes: {},
    sequences: { series: { width: 1 }, next: { width: 1 } },
  },
  {
    example: 'tagger.rnn',
    what: 'a bidirectional LSTM',
    sizes: {},
    sequences: { words: { width: 8 }, tags: { width: 5, oneHot: true } },
  },
  {
    example: 'classifier.rnn',
    what: 'a GRU that returns its last step',
    sizes: {},
    sequences: { x: { width: 6 } },
    label: 3,
  },
  {
    example: 'pooled_classifier.rnn',
    what: 'an LSTM pooled over time',
    sizes: {},
    sequences: { x: { width: 6 } },
    label: 3,
  },
];

const batches = [
  { order: 'not sorted', lengths: [3, 6, 1, 4, 6] },
  { order: 'sorted longest first', lengths: [6, 6, 4, 3, 1] },
];
const builds = [
  { build: 'f64, JavaScript loops', dtype: 'f64' as const, cpu: 'scalar' as const, threads: 1, tolerance: 1e-9 },
  { build: 'f32, WebAssembly time loops', dtype: 'f32' as const, cpu: 'simd' as const, threads: 1, tolerance: 1e-4 },
  { build: 'f32, SIMD with a worker thread', dtype: 'f32' as const, cpu: 'simd' as const, threads: 2, tolerance: 1e-4 },
];
const cases = matrix(
  examples.flatMap((e) => batches.flatMap((b) => builds.map((m) => ({ ...e, ...b, ...m })))),
  // npm test: every model unsorted on the WebAssembly path, and the bidirectional tagger every way.
  (c) => (c.order === 'not sorted' && c.cpu === 'simd' && c.threads === 1) || c.example === 'tagger.rnn',
);

interface Module {
  setThreads?(count: number): Promise<number>;
  forward(
    p: unknown,
    i: unknown,
    s: unknown,
    l: unknown,
  ): {
    outputs: Record<string, { data: ArrayLike<number> }>;
    finalStates: Record<string, { data: ArrayLike<number> }>;
  };
  grad(
    p: unknown,
    i: unknown,
    s: unknown,
    l: unknown,
  ): {
    loss: number;
    grads: Record<string, ArrayLike<number>>;
    inputGrads: Record<string, { data: ArrayLike<number> }>;
  };
}

describe.each(cases)(
  'the TypeScript module of $what ($example) over lengths $order, in $build',
  ({ example, sizes, sequences, label, lengths, dtype, cpu, threads, tolerance }) => {
    const source = readFileSync(new URL(example, examplesDir), 'utf8');
    const B = lengths.length;
    const T = Math.max(...lengths);
    const data: Record<string, unknown> = Object.fromEntries(
      Object.entries(sequences).map(([name, { width, oneHot }], j) => [
        name,
        oneHot
          ? Array.from({ length: B }, (_, b) => Array.from({ length: T }, (_, t) => oneHotRow(width, 3 * b + t)))
          : values(11 + j, B, T, width),
      ]),
    );
    if (label !== undefined) data.label = Array.from({ length: B }, (_, b) => oneHotRow(label, b));
    const given = { T: lengths };
    /** The module's tensors: time-major sequences, per-sample labels. */
    const tensors = () =>
      Object.fromEntries(
        Object.entries(data).map(([name, rows]) => {
          const batchMajor = rows as number[][][] | number[][];
          if (name === 'label') {
            const flat = (batchMajor as number[][]).flat();
            return [name, { data: arrayOf(flat), shape: [B, label as number] }];
          }
          const seq = batchMajor as number[][][];
          const timeMajor = seq[0].map((_, t) => seq.map((sample) => sample[t]));
          return [name, { data: arrayOf(timeMajor.flat(2)), shape: [T, B, seq[0][0].length] }];
        }),
      );
    const arrayOf = (v: number[]) => (dtype === 'f64' ? Float64Array.from(v) : Float32Array.from(v));

    it(
      'computes the running samples only, and gives the interpreter’s outputs, final states, loss and every gradient',
      async () => {
        const options = { sizes, inputs: data, layout: 'batch-major' as const, lengths: given, dtype, seed: 3 };
        const forward = await run(source, options);
        const reference = gradients(source, options);
        const { files, main } = compile(source, { sizes, lengths: ['T'], target: 'ts', dtype, cpu });
        expect(files[main]).toContain('runningAt(');
        const mod = (await import(
          folder.write(`${example}_${dtype}_${cpu}_${threads}_${lengths.join('')}.ts`, files[main])
        )) as Module;
        if (threads > 1) expect(await mod.setThreads?.(threads)).toBe(threads);
        try {
          const params = Object.fromEntries(
            Object.entries(forward.params).map(([k, v]) => [k, arrayOf(Array.from(v.data))]),
          );
          const out = mod.forward(params, tensors(), {}, given);
          for (const [name, t] of Object.entries(forward.outputs))
            expect(maxRelativeError(out.outputs[name].data, t.data), name).toBeLessThan(tolerance);
          for (const [name, t] of Object.entries(forward.finalStates))
            expect(maxRelativeError(out.finalStates[name].data, t.data), name).toBeLessThan(tolerance);
          const g = mod.grad(params, tensors(), {}, given);
          expect(Math.abs(g.loss - reference.loss)).toBeLessThan(tolerance);
          for (const [name, t] of Object.entries(reference.params))
            expect(maxRelativeError(g.grads[name], t.data), name).toBeLessThan(10 * tolerance);
          for (const [name, t] of Object.entries(reference.inputs))
            expect(maxRelativeError(g.inputGrads[name].data, t.data), name).toBeLessThan(10 * tolerance);
        } finally {
          if (threads > 1) await mod.setThreads?.(1);
        }
      },
      timeout,
    );
  },
);

describe('the skip-ended-rows pass', () => {
  it('marks the scans of a ragged batch and their gradients, and leaves them to masks when turned off', () => {
    const source = readFileSync(new URL('tagger.rnn', examplesDir), 'utf8');
    const on = compile(source, { lengths: ['T'] });
    const off = compile(source, { lengths: ['T'], disable: ['skip-ended-rows'] });
    expect(on.files[on.main]).toContain('runningAt(');
    // The forward pass's two directions, and in grad those and their reverse scans.
    expect(on.explain.filter((l) => l.includes('for the samples still running only'))).toHaveLength(6);
    expect(off.files[off.main]).not.toContain('runningAt(');
  });

  it('leaves an attention decoder, whose step reads its memory whole, to its masks (its encoder skips)', () => {
    const source = readFileSync(new URL('attention.rnn', examplesDir), 'utf8');
    const compiled = compile(source, { lengths: ['S', 'U'] });
    const lines = compiled.explain.filter((l) => l.includes('skip') || l.includes(': computes'));
    expect(
      lines.some((l) => /encoder.*still running only/.test(l)),
      lines.join('\n'),
    ).toBe(true);
    expect(compiled.explain.join('\n')).toContain('since its step reads a batched sequence whole');
  });
});

describe('the time loops of a generated function', () => {
  it('stay functions of their own where the function is too large for V8 to optimize whole, and are inlined elsewhere', () => {
    const source = readFileSync(new URL('attention.rnn', examplesDir), 'utf8');
    const code = compile(source, { lengths: ['S', 'U'] }).files['AttentionG2P.ts'];
    const body = (name: string) =>
      code.slice(
        code.indexOf(`export function ${name}(`),
        code.indexOf('\n}\n', code.indexOf(`export function ${name}(`)),
      );
    expect(body('grad').length).toBeGreaterThan(ownFunctionLimit);
    expect(body('grad')).toContain(ownFunctionOpen);
    expect(body('forward').length).toBeLessThan(ownFunctionLimit);
    expect(body('forward')).not.toContain(ownFunctionOpen);
  });
});
