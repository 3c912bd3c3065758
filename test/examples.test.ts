import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileSource, selectModel } from '../src/frontend/program.js';
import { bindSizes, initParams, runModel } from '../src/interp/run.js';
import { interpret } from '../src/interp/interpret.js';
import { tensorFromNested } from '../src/interp/io.js';
import { Random } from '../src/interp/random.js';
import type { ModelInfo } from '../src/frontend/model.js';
import { unroll } from '../src/ir/unroll.js';
import { verify } from '../src/ir/verify.js';
import { exampleCases, examplesDir, maxRelativeError } from './helpers/compile.js';

const examples = readdirSync(examplesDir)
  .filter((f) => f.endsWith('.rnn'))
  .sort();

/** Random data for every input of a model: T steps per time axis, batch B. */
function randomData(model: ModelInfo, sizes: Record<string, number>, steps: number, batch: number, seed: number) {
  const rng = new Random(seed);
  const data: Record<string, unknown> = {};
  for (const input of model.inputs) {
    const shape = [
      ...(input.type.time ? [input.type.time === 'S' ? steps + 1 : steps] : []),
      batch,
      ...input.type.shape.map((d) => d.evaluate(sizes)),
    ];
    // Token ids are whole numbers below the vocabulary.
    const value = () =>
      input.vocabulary ? Math.floor(rng.next() * input.vocabulary.evaluate(sizes)) : rng.uniform(-1, 1);
    const build = (depth: number): unknown =>
      depth === shape.length ? value() : Array.from({ length: shape[depth] }, () => build(depth + 1));
    data[input.name] = build(0);
  }
  return data;
}

it('ships the examples the language promises', () => {
  expect(examples).toEqual(
    [
      'adding',
      'antisymmetric',
      'attention',
      'births',
      'char_lstm',
      'char_tokens',
      'cifg_lstm',
      'classifier',
      'clockwork',
      'context_seq2seq',
      'elman',
      'g2p',
      'gru',
      'layer_norm_lstm',
      'lstm',
      'luong',
      'mgu',
      'peephole_lstm',
      'pooled_classifier',
      'seq2seq',
      'stacked_lstm',
      'tagger',
      'text_classifier',
      'tied_lm',
    ].map((n) => `${n}.rnn`),
  );
});

describe.each(exampleCases)('examples/%s', (name) => {
  const [file, modelName] = name.split(':') as [string, string | undefined];
  const source = readFileSync(new URL(file, examplesDir), 'utf8');
  const result = compileSource(source, `examples/${file}`);

  it('starts with a header comment saying what it is and where it comes from', () => {
    expect(source.startsWith('// ')).toBe(true);
    expect(source.split('\n\n')[0].split('\n').length).toBeGreaterThanOrEqual(3);
  });

  it('compiles without errors or warnings', () => {
    expect(result.diagnostics).toEqual([]);
    expect(result.program).toBeDefined();
  });

  it('lowers to a graph that verifies', () => {
    verify(selectModel(result.program!, modelName).graph);
  });

  it('gives the same results unrolled over 4 steps as through its scans', () => {
    const model = selectModel(result.program!, modelName);
    const sizes = bindSizes(model);
    const params = initParams(model, sizes, 3, 'f64');
    const data = randomData(model, sizes, 4, 2, 5);
    const flat = unroll(model.graph, { T: 4, S: 5, U: 4 });
    verify(flat);
    expect(flat.nodes.some((n) => n.op === 'scan')).toBe(false);
    const inputs = Object.fromEntries(
      model.inputs.map((i) => [i.name, tensorFromNested(i.name, data[i.name], i.type, sizes, 'f64')]),
    );
    const bindings = { dtype: 'f64' as const, sizes, params, inputs, batch: 2, timeLengths: { T: 4, S: 5, U: 4 } };
    const scanned = interpret(model.graph, bindings);
    const unrolled = interpret(flat, bindings);
    for (const name of Object.keys(scanned))
      expect(Array.from(unrolled[name].data), name).toEqual(Array.from(scanned[name].data));
  });

  it('runs in f32 within 1e-4 of f64', () => {
    const model = selectModel(result.program!, modelName);
    const sizes = bindSizes(model);
    const data = randomData(model, sizes, 5, 2, 7);
    const run = (dtype: 'f32' | 'f64') =>
      runModel(model, { data, params: initParams(model, sizes, 1, dtype) }, { sizes, dtype });
    const [single, double] = [run('f32'), run('f64')];
    for (const name of Object.keys(double.outputs)) {
      expect(single.outputs[name].data).toBeInstanceOf(Float32Array);
      expect(maxRelativeError(single.outputs[name].data, double.outputs[name].data)).toBeLessThan(1e-4);
    }
    if (double.loss !== undefined)
      expect(Math.abs((single.loss as number) - double.loss)).toBeLessThan(1e-4 * Math.max(1, Math.abs(double.loss)));
  });
});
