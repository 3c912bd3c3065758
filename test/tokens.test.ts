/**
 * Token inputs and embeddings against PyTorch (test/fixtures/pytorch/tokens.py): nn.Embedding,
 * nn.LSTM over packed sequences and nn.Linear, trained by the cross-entropy against token
 * targets over the real steps. The interpreter in f64 to 1e-9; the TypeScript module and the
 * WGSL kernels, given Int32Array ids and the lengths, in f32 to 1e-4.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compile, exportOnnx, gradcheck, gradients, parse, run } from '../src/api/index.js';
import { interpreterVsOnnx } from './helpers/onnx.js';
import { selectModel } from '../src/frontend/program.js';
import { torchKeyLayout } from '../src/weights/torch.js';
import { rnnc, scratchFolder } from './helpers/cli.js';
import { examplesDir, flat, maxRelativeError, readJson, referenceDir } from './helpers/compile.js';
import { gpuDevice } from './helpers/gpu.js';

const timeout = 300_000;

const reference = readJson(new URL('tokens.json', referenceDir)) as unknown as {
  sizes: { V: number; E: number; H: number; K: number; B: number; T: number };
  lengths: number[];
  params: Record<string, number[][] | number[]>;
  words: number[][];
  tags: number[][];
  logits: number[][][];
  loss: number;
  grads: Record<string, number[][] | number[]>;
};
const { V, E, H, K, B, T } = reference.sizes;

const source = `${readFileSync(new URL('lstm.rnn', examplesDir), 'utf8')}
model Tokens(V = ${V}, E = ${E}, H = ${H}, K = ${K}) {
  input words: seq token(V)
  target tags: seq token(K)
  layer vectors = Embedding(V, E) over words
  layer states = LSTM(E, H) over vectors
  layer logits = Dense(H, K) over states
  loss cross_entropy(logits, tags)
  output logits
}`;
const program = parse(source);
const model = selectModel(program, 'Tokens');
/** PyTorch's name of each rnnc param's values, in order: one tensor, or gate blocks of one. */
const layout = new Map<string, string[]>([
  ...(torchKeyLayout(model, program.cellTable) ?? []),
  ['embedding.weight', ['vectors.table']],
  ['linear.weight', ['logits.W']],
  ['linear.bias', ['logits.b']],
]);
const torchKeys = [...layout.keys()].map((k) => (k.startsWith('weight_') || k.startsWith('bias_') ? `lstm.${k}` : k));

/** rnnc's params as nested arrays, from PyTorch's state dict. */
function params(): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  [...layout].forEach(([, names], k) => {
    const rows = reference.params[torchKeys[k]];
    const per = rows.length / names.length;
    names.forEach((name, j) => (out[name] = rows.slice(j * per, (j + 1) * per)));
  });
  return out;
}

/** Every PyTorch gradient from rnnc's, compared. */
function expectGradients(grads: Record<string, ArrayLike<number>>, tolerance: number): void {
  [...layout].forEach(([, names], k) => {
    const computed = names.flatMap((n) => Array.from(grads[n]));
    expect(maxRelativeError(computed, flat(reference.grads[torchKeys[k]])), torchKeys[k]).toBeLessThan(tolerance);
  });
}

/** The logits at the real steps (PyTorch's padded steps hold Linear's bias, rnnc's zeros). */
function realSteps(logits: ArrayLike<number>): number[] {
  const out: number[] = [];
  for (let t = 0; t < T; t++)
    for (let b = 0; b < B; b++)
      if (t < reference.lengths[b]) for (let k = 0; k < K; k++) out.push(logits[(t * B + b) * K + k]);
  return out;
}
const expectedLogits = realSteps(flat(reference.logits));

describe('token inputs, an embedding and token targets against PyTorch', () => {
  const options = {
    model: 'Tokens',
    params: params(),
    inputs: { words: reference.words, tags: reference.tags },
    lengths: { T: reference.lengths },
  };

  it('gives the logits, the loss over real steps and every gradient (the embedding table’s too) to 1e-9 in f64', async () => {
    const result = await run(source, options);
    expect(maxRelativeError(realSteps(result.outputs.logits.data), expectedLogits)).toBeLessThan(1e-9);
    expect(Math.abs((result.loss as number) - reference.loss)).toBeLessThan(1e-12);
    const g = gradients(source, options);
    expect(Math.abs(g.loss - reference.loss)).toBeLessThan(1e-12);
    expectGradients(Object.fromEntries(Object.entries(g.params).map(([k, t]) => [k, t.data])), 1e-9);
    // Token ids are whole numbers: they have no gradient.
    expect(Object.keys(g.inputs)).toEqual([]);
  });

  it.each(['ts', 'wgsl'] as const)(
    'runs in the generated module (%s) from Int32Array ids in f32: every value and gradient to 1e-4',
    async (target) => {
      const folder = scratchFolder('rnnc-tokens-');
      const { files, main } = compile(source, { model: 'Tokens', lengths: ['T'], target });
      const path = folder.write(`tokens_${target}.ts`, files[main]);
      const loaded = (await import(path)) as Record<string, unknown>;
      const mod =
        target === 'ts'
          ? (loaded as unknown as Calls)
          : await (loaded.createModel as (d: GPUDevice) => Promise<Calls>)((await gpuDevice()).device);
      const given = await run(source, { ...options, dtype: 'f32' });
      const f32 = Object.fromEntries(Object.entries(given.params).map(([k, t]) => [k, Float32Array.from(t.data)]));
      const inputs = {
        words: { data: Int32Array.from(reference.words.flat()), shape: [T, B] },
        tags: { data: Int32Array.from(reference.tags.flat()), shape: [T, B] },
      };
      const lengths = { T: reference.lengths };
      const forward = await mod.forward(f32, inputs, {}, lengths);
      expect(maxRelativeError(realSteps(forward.outputs.logits.data), expectedLogits)).toBeLessThan(1e-4);
      const g = await mod.grad(f32, inputs, {}, lengths);
      expect(Math.abs(g.loss - reference.loss)).toBeLessThan(1e-4);
      expectGradients(g.grads, 1e-4);
      const bad = {
        ...inputs,
        words: { data: Int32Array.from(reference.words.flat().map((id, k) => (k === 5 ? V : id))), shape: [T, B] },
      };
      await expect(async () => mod.forward(f32, bad, {}, lengths)).rejects.toThrow(
        `words: sample 1, step 1 holds ${V}, which is not a token id (a whole number from 0 to ${V - 1})`,
      );
      mod.destroy?.(); // the WGSL model's buffers; the TypeScript module has none to give back
    },
    timeout,
  );
});

interface Calls {
  destroy?(): void;
  forward(p: unknown, i: unknown, s: unknown, l: unknown): Promise<{ outputs: Record<string, { data: Float32Array }> }>;
  grad(p: unknown, i: unknown, s: unknown, l: unknown): Promise<{ loss: number; grads: Record<string, Float32Array> }>;
}

describe('token inputs', () => {
  it('differentiate by finite differences, every param and state (ids are drawn as whole numbers)', () => {
    const result = gradcheck(source, { model: 'Tokens', steps: 4, batch: 3 });
    expect(result.passed).toBe(true);
    expect(result.rows.some((r) => r.name === 'vectors.table')).toBe(true);
    expect(result.rows.some((r) => r.name === 'words')).toBe(false);
  });

  it('refuse an id outside the vocabulary, naming the sample and step', async () => {
    const words = reference.words.map((row) => [...row]);
    words[2][3] = 2.5;
    await expect(run(source, { model: 'Tokens', inputs: { words } })).rejects.toThrow(
      'words: sample 3, step 2 holds 2.5, which is not a token id (a whole number from 0 to 10)',
    );
  });

  it('must meet a cell that reads token ids, and a vector input must not be given them', async () => {
    const vectors = `model M(V = 5, E = 3) {
  input x: seq[V]
  layer e = Embedding(V, E) over x
}`;
    await expect(run(vectors)).rejects.toThrow(
      'Embedding expects its input id to be token ids below V, but this is not a token input',
    );
    const ids = `model M(V = 5, H = 3) {
  input words: seq token(V)
  layer d = Dense(V, H) over words
}`;
    await expect(run(ids)).rejects.toThrow('these are token ids, but Dense expects its input x to be a vector [V]');
    const other = `model M(V = 5, E = 3) {
  input words: seq token(V)
  layer e = Embedding(V + 1, E) over words
}`;
    await expect(run(other)).rejects.toThrow('Embedding reads token ids below V + 1, but these run below V');
  });

  it(
    'export to ONNX as a Gather of the table (the ids a float input, cast), and ONNX Runtime agrees',
    async () => {
      const exported = exportOnnx(program, { model: 'Tokens', seed: 3 });
      expect(exported.inputs.map((i) => i.name)).toEqual(['words']);
      const feeds = { words: { data: Float32Array.from(reference.words.flat()), shape: [T, B] } };
      const { worst } = await interpreterVsOnnx(program, 'Tokens', exported.bytes, feeds, { dtype: 'f32', seed: 3 });
      expect(worst).toBeLessThan(1e-5);
    },
    timeout,
  );

  it('rnnc check lists a token input with its vocabulary', async () => {
    const folder = scratchFolder('rnnc-tokens-check-');
    const file = folder.write('tokens.rnn', source);
    const result = await rnnc('check', file);
    expect(result.status).toBe(0);
    expect(result.out).toContain('input  words: seq(T) token(V)');
  });
});
