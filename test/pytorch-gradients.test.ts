import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { grad, gradName } from '../src/ad/grad.js';
import { selectModel } from '../src/frontend/program.js';
import { interpret } from '../src/interp/interpret.js';
import { tensorFromNested } from '../src/interp/io.js';
import { bindSizes } from '../src/interp/run.js';
import { readTorchWeights } from '../src/weights/torch.js';
import { torchValues } from './helpers/torch.js';
import { compileOk, examplesDir, flat, maxRelativeError, readJson, referenceDir } from './helpers/compile.js';

/** The example's cell in a model whose loss is PyTorch's reference loss, sum(output ⊙ R). */
function referenceModel(example: string) {
  const source = `${readFileSync(new URL(example, examplesDir), 'utf8')}
model Reference(I = 3, H = 5) {
  input x: seq[I]
  target R: seq[H]
  layer l = ${example === 'lstm.rnn' ? 'LSTM' : 'GRU'}(I, H) over x
  loss sum(l * R) reduce sum
}`;
  const program = compileOk(source);
  return { program, model: selectModel(program, 'Reference') };
}

const cases = [
  { file: 'lstm_I3_H5_B2_T7.json', example: 'lstm.rnn', states: ['h', 'c'] },
  { file: 'gru_I3_H5_B2_T7.json', example: 'gru.rnn', states: ['h'] },
];

describe.each(cases)('gradients of $example against PyTorch ($file)', ({ file, example, states }) => {
  const reference = readJson(new URL(file, referenceDir));
  const { program, model } = referenceModel(example);
  const sizes = bindSizes(model);

  for (const remat of [false, true]) {
    it(`match every param, x and the initial states to 1e-8 in f64${remat ? ' with rematerialization' : ''}`, () => {
      const { params, initialTensors: initialStates } = torchValues(reference, model, program, sizes);
      const inputs = Object.fromEntries(
        model.inputs.map((i) => [i.name, tensorFromNested(i.name, reference[i.name], i.type, sizes, 'f64')]),
      );
      const { graph } = grad(model.graph, { remat });
      const values = interpret(graph, {
        dtype: 'f64',
        sizes,
        params,
        inputs,
        initialStates,
        batch: 2,
        timeLengths: { T: 7 },
      });
      expect(Math.abs(values.loss.data[0] - (reference.loss_value as number))).toBeLessThan(1e-12);

      const torchGrads = reference.grads as Record<string, unknown>;
      const ours = readTorchWeights(
        model,
        program.cellTable,
        sizes,
        Object.fromEntries(Object.keys(reference.params as object).map((k) => [k, torchGrads[k]])),
        'f64',
      );
      for (const [name, expected] of Object.entries(ours)) {
        expect(maxRelativeError(values[gradName(name)].data, expected.data, 1e-6), name).toBeLessThan(1e-8);
      }
      expect(maxRelativeError(values[gradName('x')].data, flat(torchGrads.x), 1e-6)).toBeLessThan(1e-8);
      for (const s of states) {
        const expected = flat(torchGrads[`${s}0`]);
        expect(maxRelativeError(values[gradName(`l.${s}`)].data, expected, 1e-6), `${s}0`).toBeLessThan(1e-8);
      }
    });
  }
});
