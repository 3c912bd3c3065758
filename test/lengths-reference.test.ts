/**
 * Variable-length batches against PyTorch's packed sequences (test/fixtures/pytorch/packed.py):
 * LSTM and GRU, unidirectional, bidirectional and two-layer, with ragged lengths that include
 * a length-1 sample. Outputs (zero past each length), final states, the loss and the gradient
 * of every param, of the input and of every initial state.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { gradients, parse, run } from '../src/api/index.js';
import { selectModel } from '../src/frontend/program.js';
import { torchKeyLayout } from '../src/weights/torch.js';
import { examplesDir, flat, maxRelativeError, readJson, referenceDir } from './helpers/compile.js';

const timeout = 300_000;

interface PackedCase {
  name: string;
  module: 'LSTM' | 'GRU';
  layers: number;
  bidirectional: boolean;
  params: Record<string, unknown>;
  x: unknown;
  h0: unknown;
  c0?: unknown;
  R: unknown;
  output: unknown;
  h_n: unknown[];
  c_n?: unknown[];
  loss_sum: number;
  loss_mean: number;
  grads: Record<string, unknown>;
}

const reference = readJson(new URL('packed.json', referenceDir)) as unknown as {
  sizes: { I: number; H: number; B: number; T: number };
  lengths: number[];
  cases: PackedCase[];
};

/** The model PyTorch's module is: its layers over `x`, with the loss sum(output ⊙ R). */
export function packedSource(c: PackedCase, reduce: 'sum' | 'mean'): string {
  const cell = readFileSync(new URL(c.module === 'LSTM' ? 'lstm.rnn' : 'gru.rnn', examplesDir), 'utf8');
  const width = c.bidirectional ? '2*H' : 'H';
  const layers = Array.from({ length: c.layers }, (_, k) =>
    k === 0
      ? `  layer h0 = ${c.bidirectional ? 'bidirectional ' : ''}${c.module}(I, H) over x`
      : `  layer h${k} = ${c.module}(H, H) over h${k - 1}`,
  );
  return `${cell}
model Packed(I = ${reference.sizes.I}, H = ${reference.sizes.H}) {
  input x: seq(T)[I]
  target R: seq(T)[${width}]
${layers.join('\n')}
  y = h${c.layers - 1}
  output y
  loss sum(y * R) reduce ${reduce}
}`;
}

/** PyTorch's h_n / c_n: [layers·directions][B][H] in the order of the model's states. */
function finalStates(c: PackedCase, result: Record<string, { data: ArrayLike<number> }>, state: 'h' | 'c') {
  const names = Object.keys(result).filter((n) => n.split('.').pop() === state);
  return names.flatMap((n) => Array.from(result[n].data));
}

describe.each(reference.cases)('a $name over a batch of lengths 6, 3, 1, 4 against PyTorch', (c) => {
  const options = (reduce: 'sum' | 'mean') => ({
    model: 'Packed',
    torchWeights: { params: c.params, h0: c.h0, ...(c.c0 ? { c0: c.c0 } : {}) },
    inputs: { x: c.x, R: c.R },
    lengths: { T: reference.lengths },
  });

  it(
    'gives the outputs (zero past each length), the final states and both losses to 1e-9 in f64',
    async () => {
      const result = await run(packedSource(c, 'sum'), options('sum'));
      expect(maxRelativeError(result.outputs.y.data, flat(c.output))).toBeLessThan(1e-9);
      expect(maxRelativeError(finalStates(c, result.finalStates, 'h'), flat(c.h_n))).toBeLessThan(1e-9);
      if (c.c_n) expect(maxRelativeError(finalStates(c, result.finalStates, 'c'), flat(c.c_n))).toBeLessThan(1e-9);
      expect(Math.abs((result.loss as number) - c.loss_sum)).toBeLessThan(1e-12);
      const mean = await run(packedSource(c, 'mean'), options('mean'));
      expect(Math.abs((mean.loss as number) - c.loss_mean)).toBeLessThan(1e-12);
    },
    timeout,
  );

  it(
    'gives the gradient of every param, of the input and of every initial state to 1e-9 in f64',
    () => {
      const result = gradients(packedSource(c, 'sum'), options('sum'));
      expect(Math.abs(result.loss - c.loss_sum)).toBeLessThan(1e-12);
      expect(maxRelativeError(result.inputs.x.data, flat(c.grads.x))).toBeLessThan(1e-9);
      expect(maxRelativeError(finalStates(c, result.initialStates, 'h'), flat(c.grads.h0))).toBeLessThan(1e-9);
      if (c.grads.c0)
        expect(maxRelativeError(finalStates(c, result.initialStates, 'c'), flat(c.grads.c0))).toBeLessThan(1e-9);
      // Each PyTorch tensor (weight_ih_l0, …) is the gate blocks of the cell's params, in order.
      const program = parse(packedSource(c, 'sum'));
      const layout = torchKeyLayout(selectModel(program, 'Packed'), program.cellTable);
      expect([...(layout?.keys() ?? [])].sort()).toEqual(Object.keys(c.params).sort());
      for (const [key, names] of layout ?? []) {
        const computed = names.flatMap((n) => Array.from(result.params[n].data));
        expect(maxRelativeError(computed, flat(c.grads[key])), key).toBeLessThan(1e-9);
      }
    },
    timeout,
  );
});
