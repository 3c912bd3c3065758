import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import * as tfl from '@tensorflow/tfjs-layers';
import { beforeAll, describe, expect, it } from 'vitest';
import { selectModel } from '../src/frontend/program.js';
import { bindSizes, runModel } from '../src/interp/run.js';
import { readKerasWeights } from '../src/weights/keras.js';
import { compileOk, examplesDir, maxRelativeError } from './helpers/compile.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
});

const [T, B, I, H] = [6, 2, 3, 4];

/** A tfjs layer with random weights, its outputs on random inputs, and its weights as Keras names them. */
function tfjsCase(kind: 'lstm' | 'gru') {
  // Random uniform weights and biases, so every block's place is tested (tfjs's orthogonal default is not needed).
  const random = (seed: number) => tfl.initializers.randomUniform({ minval: -0.5, maxval: 0.5, seed });
  const options = {
    units: H,
    returnSequences: true,
    recurrentActivation: 'sigmoid' as const,
    inputShape: [T, I],
    kernelInitializer: random(1),
    recurrentInitializer: random(2),
    biasInitializer: random(3),
  };
  const layer = kind === 'lstm' ? tfl.layers.lstm(options) : tfl.layers.gru(options);
  const x = tf.randomUniform([B, T, I], -1, 1, 'float32', 3);
  const out = layer.apply(x) as tf.Tensor;
  const weights = layer.getWeights().map((w) => w.arraySync());
  const batchMajor = x.arraySync() as number[][][];
  const timeMajor = Array.from({ length: T }, (_, t) => batchMajor.map((row) => row[t]));
  const outputs = out.arraySync() as number[][][];
  const expected = Array.from({ length: T }, (_, t) => outputs.map((row) => row[t])).flat(2);
  return { weights: { kernel: weights[0], recurrent_kernel: weights[1], bias: weights[2] }, x: timeMajor, expected };
}

function model(source: string, cellName: string) {
  const program = compileOk(
    `${source}\nmodel M(I = ${I}, H = ${H}) {\n  input x: seq[I]\n  layer l = ${cellName}(I, H) over x\n}`,
  );
  return { program, model: selectModel(program, 'M') };
}

describe('Keras / TF.js weights', () => {
  it.each([
    ['examples/lstm.rnn (PyTorch-named LSTM)', 'lstm.rnn', 'LSTM', 'lstm'],
    ['the packed LSTM of examples/tagger.rnn', 'tagger.rnn', 'LSTM', 'lstm'],
  ] as const)('load a TF.js LSTM into %s and reproduce its outputs', (_what, file, cell, kind) => {
    const source = readFileSync(new URL(file, examplesDir), 'utf8').replace(/\/\/\/ Tags every step[\s\S]*$/, '');
    const { program, model: m } = model(source, cell);
    const sizes = bindSizes(m);
    const c = tfjsCase(kind);
    const params = readKerasWeights(m, program.cellTable, sizes, c.weights, 'f64');
    const result = runModel(m, { data: { x: c.x }, params }, { sizes, dtype: 'f64' });
    expect(maxRelativeError(result.outputs.l.data, c.expected)).toBeLessThan(1e-5);
  });

  it('load a TF.js GRU (reset-before) into the reset-before GRU cell and reproduce its outputs', () => {
    const source = readFileSync(new URL('../bench/models/gru.rnn', import.meta.url), 'utf8').replace(
      /model Bench[\s\S]*$/,
      '',
    );
    const { program, model: m } = model(source, 'GRU');
    const sizes = bindSizes(m);
    const c = tfjsCase('gru');
    const params = readKerasWeights(m, program.cellTable, sizes, c.weights, 'f64');
    const result = runModel(m, { data: { x: c.x }, params }, { sizes, dtype: 'f64' });
    expect(maxRelativeError(result.outputs.l.data, c.expected)).toBeLessThan(1e-5);
  });

  it('load a reset-after GRU bias [2, 3H] into the input-side and recurrent-side biases of examples/gru.rnn', () => {
    const { program, model: m } = model(readFileSync(new URL('gru.rnn', examplesDir), 'utf8'), 'GRU');
    const sizes = bindSizes(m);
    const bias = [Array.from({ length: 3 * H }, (_, k) => k), Array.from({ length: 3 * H }, (_, k) => 100 + k)];
    const kernel = Array.from({ length: I }, (_, r) => Array.from({ length: 3 * H }, (_, k) => 10 * r + k));
    const recurrent = Array.from({ length: H }, () => Array.from({ length: 3 * H }, () => 0));
    const params = readKerasWeights(m, program.cellTable, sizes, { kernel, recurrent_kernel: recurrent, bias }, 'f64');
    // Keras gate order z, r, h: the r block is columns H…2H.
    expect(Array.from(params['l.b_ir'].data)).toEqual([4, 5, 6, 7]);
    expect(Array.from(params['l.b_hn'].data)).toEqual([108, 109, 110, 111]);
    // W_iz is the transpose of kernel[:, 0:H]: row h holds column h of every input row.
    expect(Array.from(params['l.W_iz'].data.subarray(0, I))).toEqual([0, 10, 20]);
  });

  it('name a missing or unknown weight and a cell without a Keras layout', () => {
    const { program, model: m } = model(readFileSync(new URL('gru.rnn', examplesDir), 'utf8'), 'GRU');
    const sizes = bindSizes(m);
    expect(() => readKerasWeights(m, program.cellTable, sizes, {}, 'f64')).toThrow(
      'no Keras weight l/kernel for layer l',
    );
    const elman = model(
      readFileSync(new URL('elman.rnn', examplesDir), 'utf8').replace(
        'cell Elman(I = 4, H = 8, O = 4)',
        'cell Elman(I, H, O = 4)',
      ),
      'Elman',
    );
    expect(() => readKerasWeights(elman.model, elman.program.cellTable, bindSizes(elman.model), {}, 'f64')).toThrow(
      "cell Elman of layer l has none of the Keras layouts' param names",
    );
  });
});
