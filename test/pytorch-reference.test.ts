import { describe, expect, it } from 'vitest';
import { bindSizes, runModel } from '../src/interp/run.js';
import { torchValues } from './helpers/torch.js';
import { exampleModel, flat, loadExample, maxRelativeError, readJson, referenceDir } from './helpers/compile.js';

const cases = [
  { file: 'lstm_I3_H5_B2_T7.json', example: 'lstm.rnn', states: ['h', 'c'] },
  { file: 'gru_I3_H5_B2_T7.json', example: 'gru.rnn', states: ['h'] },
];

describe.each(cases)('the interpreter on $example against PyTorch ($file)', ({ file, example, states }) => {
  const reference = readJson(new URL(file, referenceDir));
  const model = exampleModel(example);
  const program = loadExample(example);
  const dims = reference.dims as { I: number; H: number };
  const sizes = bindSizes(model, { I: dims.I, H: dims.H });

  const run = () => {
    const { params, initialStates } = torchValues(reference, model, program, sizes);
    return runModel(model, { data: { x: reference.x }, params, initialStates }, { sizes, dtype: 'f64' });
  };

  it('reproduces every output h_t to 1e-9 in f64', () => {
    const result = run();
    const output = result.outputs[model.outputs[0]];
    expect(output.fullShape).toEqual([7, 2, 5]);
    expect(maxRelativeError(output.data, flat(reference.output))).toBeLessThan(1e-9);
  });

  it('reproduces the final states to 1e-9 in f64', () => {
    const result = run();
    for (const state of states) {
      const expected = flat(reference[`${state}_n`]);
      expect(maxRelativeError(result.finalStates[state].data, expected)).toBeLessThan(1e-9);
    }
  });

  it('reproduces the reference loss sum(output * R)', () => {
    const output = run().outputs[model.outputs[0]].data;
    const r = flat(reference.R);
    const loss = Array.from(output).reduce((acc, v, k) => acc + v * r[k], 0);
    expect(Math.abs(loss - (reference.loss_value as number))).toBeLessThan(1e-12);
  });
});
