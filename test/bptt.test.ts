import { describe, expect, it } from 'vitest';
import { grad, gradName } from '../src/ad/grad.js';
import { GradError } from '../src/ad/walk.js';
import { selectModel } from '../src/frontend/program.js';
import { interpret } from '../src/interp/interpret.js';
import { tensorFromNested } from '../src/interp/io.js';
import { bindSizes } from '../src/interp/run.js';
import { isOp } from '../src/ir/graph.js';
import { tensorType } from '../src/ir/types.js';
import { Tensor } from '../src/tensor/tensor.js';
import { compileOk } from './helpers/compile.js';

/**
 * h_t = w·h_{t−1} + x_t with h_{−1} = 1, w = 0.5, x = (1, 2, 3), and the loss
 * L = h_0 + h_1 + h_2 = 1.5 + 2.75 + 4.375. By hand, walking back from t = 2:
 *   t = 2: dL/dh_2 = 1               → dw += h_1 = 2.75,  dx_2 = 1
 *   t = 1: dL/dh_1 = 1 + w·1 = 1.5   → dw += 1.5·h_0 = 2.25, dx_1 = 1.5
 *   t = 0: dL/dh_0 = 1 + w·1.5 = 1.75 → dw += 1.75·h_{−1} = 1.75, dx_0 = 1.75
 *   dL/dh_{−1} = w·1.75 = 0.875
 * Truncated after k steps (Theano's truncate_gradient), the backward pass
 * runs only the last k steps and the carried gradient is cut there.
 */
const source = `
cell Linear(N = 1) {
  input x: [N]
  state h: [N]
  param w: [N] = constant(0.5)
  h' = w * h + x
  output h'
}
model M(N = 1) {
  input x: seq[N]
  layer l = Linear(N) over x
  loss sum(l) reduce sum
}`;

function gradients(truncate: number, text = source) {
  const model = selectModel(compileOk(text), 'M');
  const sizes = bindSizes(model);
  const { graph } = grad(model.graph, { truncate });
  const values = interpret(graph, {
    dtype: 'f64',
    sizes,
    params: { 'l.w': new Tensor(Float64Array.of(0.5), { time: null, batch: null }, [1]) },
    inputs: { x: tensorFromNested('x', [[[1]], [[2]], [[3]]], model.inputs[0].type, sizes, 'f64') },
    initialStates: { 'l.h': tensorFromNested('h', [[1]], tensorType(['N'], { batched: true }), sizes, 'f64') },
    batch: 1,
    timeLengths: { T: 3 },
  });
  return {
    loss: values.loss.data[0],
    w: values[gradName('l.w')].data[0],
    x: Array.from(values[gradName('x')].data),
    h0: values[gradName('l.h')].data[0],
  };
}

describe('truncated BPTT', () => {
  it('gives the full gradient with -1, as computed by hand', () => {
    expect(gradients(-1)).toEqual({ loss: 8.625, w: 6.75, x: [1.75, 1.5, 1], h0: 0.875 });
  });

  it('cuts the carried gradient after 2 steps', () => {
    expect(gradients(2)).toEqual({ loss: 8.625, w: 5, x: [0, 1.5, 1], h0: 0 });
  });

  it('keeps only the last step after 1 step', () => {
    expect(gradients(1)).toEqual({ loss: 8.625, w: 2.75, x: [0, 0, 1], h0: 0 });
  });

  it('is the full gradient when k is at least the sequence length', () => {
    expect(gradients(3)).toEqual(gradients(-1));
    expect(gradients(10)).toEqual(gradients(-1));
  });

  it('refuses to truncate after 0 steps', () => {
    expect(() => gradients(0)).toThrow('truncating the gradient after 0 steps');
  });
});

describe('gradient clipping', () => {
  const twoParams = `
model M(N = 2) {
  input x: seq[N]
  layer d = Dense(N, 1) over x
  loss sum(d) reduce sum
}`;
  const run = (clip: { norm?: number; value?: number }) => {
    const model = selectModel(compileOk(twoParams), 'M');
    const sizes = bindSizes(model);
    const { graph } = grad(model.graph, { clip });
    const values = interpret(graph, {
      dtype: 'f64',
      sizes,
      params: {
        'd.W': new Tensor(Float64Array.of(1, 1), { time: null, batch: null }, [1, 2]),
        'd.b': new Tensor(Float64Array.of(0), { time: null, batch: null }, [1]),
      },
      // dL/dW = Σ_t x_t = (3, 4), dL/db = T = 2: global norm √(9 + 16 + 4) = √29.
      inputs: { x: tensorFromNested('x', [[[1, 1]], [[2, 3]]], model.inputs[0].type, sizes, 'f64') },
      batch: 1,
      timeLengths: { T: 2 },
    });
    return [...values[gradName('d.W')].data, ...values[gradName('d.b')].data];
  };

  it('leaves gradients alone without clipping', () => {
    expect(run({})).toEqual([3, 4, 2]);
  });

  it('scales every gradient by max_norm / global norm when the norm is larger', () => {
    const scale = 1 / (Math.sqrt(29) + 1e-6);
    run({ norm: 1 }).forEach((g, k) => expect(g).toBeCloseTo([3, 4, 2][k] * scale, 12));
  });

  it('leaves gradients whose global norm is within the limit unchanged', () => {
    expect(run({ norm: 10 })).toEqual([3, 4, 2]);
  });

  it('clamps each entry to [-v, v] when clipping by value', () => {
    expect(run({ value: 2.5 })).toEqual([2.5, 2.5, 2]);
  });

  it('applies the norm first, then the value', () => {
    const scale = 5 / (Math.sqrt(29) + 1e-6);
    run({ norm: 5, value: 3 }).forEach((g, k) => expect(g).toBeCloseTo(Math.min(3, [3, 4, 2][k] * scale), 12));
  });

  it('rejects a non-positive limit', () => {
    expect(() => run({ norm: 0 })).toThrow('the clipping norm must be positive, got 0');
  });
});

describe('what the forward scan saves for the backward one', () => {
  it('saves no constant of the step: the backward step makes its own, as with the gradient by hand', () => {
    const scaled = source.replace("h' = w * h + x", "h' = 2 * (w * h + x) - h");
    const model = selectModel(compileOk(scaled), 'M');
    const { graph } = grad(model.graph);
    const forward = graph.nodes.find((n) => isOp(n, 'scan') && !n.attrs.reverse);
    if (!forward || !isOp(forward, 'scan')) throw new Error('no forward scan');
    const { body } = forward.attrs;
    const saved = body.outputs.filter((o) => o.name.startsWith('saved'));
    expect(saved.length).toBeGreaterThan(0);
    expect(saved.map((o) => body.nodes[o.node].op)).not.toContain('const');
    // h_t = 2(w·h_{t−1} + x_t) − h_{t−1} = 0·h_{t−1} + 2x_t at w = 0.5: each h_t is 2x_t, the loss 2 + 4 + 6,
    // and dL/dx_t = 2; dL/dw = Σ_t 2·h_{t−1} = 2·(1 + 2 + 4).
    const { loss, w, x } = gradients(-1, scaled);
    expect(loss).toBeCloseTo(12, 12);
    expect(x).toEqual([2, 2, 2]);
    expect(w).toBeCloseTo(14, 12);
  });
});

describe('errors', () => {
  it('name a model without a loss', () => {
    const model = selectModel(compileOk(source.replace('  loss sum(l) reduce sum\n', '')), 'M');
    expect(() => grad(model.graph)).toThrow(GradError);
    expect(() => grad(model.graph)).toThrow('the model has no loss to differentiate');
  });

  it('name a loss that depends on no param, at the loss', () => {
    const model = selectModel(
      compileOk('model M(N = 2) {\n  input x: seq[N]\n  loss sum(x * x)\n  layer d = Dense(N, 1) over x\n}'),
      'M',
    );
    try {
      grad(model.graph);
      expect.unreachable();
    } catch (e) {
      expect((e as GradError).message).toBe(
        'the loss does not depend on any param, so there is nothing to differentiate',
      );
      expect((e as GradError).span).toMatchObject({ line: 3, col: 3 });
    }
  });
});
