import { describe, expect, it } from 'vitest';
import { selectModel } from '../src/frontend/program.js';
import { bindSizes, initParams, runModel } from '../src/interp/run.js';
import { tensorToNested } from '../src/interp/io.js';
import { keepOutputs } from '../src/ir/prune.js';
import { verify } from '../src/ir/verify.js';
import { compileOk } from './helpers/compile.js';

/** A cell whose state is the running sum of its inputs: easy to compute by hand. */
const accumulator = `
cell Acc(N = 2) {
  input x: [N]
  state s: [N]
  s' = s + x
  output s'
}
`;

const xs = [[[1, 2]], [[3, 4]], [[5, 6]]]; // T = 3, B = 1, N = 2

function run(
  source: string,
  data: Record<string, unknown>,
  extra: { initialStates?: Record<string, unknown>; params?: Record<string, number[]> } = {},
) {
  const model = selectModel(compileOk(source));
  verify(model.graph);
  const sizes = bindSizes(model);
  const params = initParams(model, sizes, 0, 'f64');
  const result = runModel(
    model,
    { data, params, ...(extra.initialStates ? { initialStates: extra.initialStates } : {}) },
    { sizes, dtype: 'f64' },
  );
  const nested = (name: string) => tensorToNested(result.outputs[name]);
  const state = (name: string) => tensorToNested(result.finalStates[name]);
  return { model, result, nested, state };
}

function layerModel(layer: string, extra = ''): string {
  return `${accumulator}\nmodel M(N = 2) {\n  input x: seq[N]\n  ${layer}\n  ${extra}\n}\n`;
}

describe('the interpreter', () => {
  it('runs a forward scan step by step, carrying the state', () => {
    const { nested, state } = run(layerModel('layer a = Acc(N) over x'), { x: xs });
    expect(nested('a')).toEqual([[[1, 2]], [[4, 6]], [[9, 12]]]);
    expect(state('a.s')).toEqual([[9, 12]]);
  });

  it('runs a reverse scan from the last step, keeping outputs aligned with input time', () => {
    const { nested } = run(layerModel('layer a = reverse Acc(N) over x'), { x: xs });
    expect(nested('a')).toEqual([[[9, 12]], [[8, 10]], [[5, 6]]]);
  });

  it.each([
    ['sum', [[[10, 14]], [[12, 16]], [[14, 18]]]],
    ['concat', [[[1, 2, 9, 12]], [[4, 6, 8, 10]], [[9, 12, 5, 6]]]],
    ['mul', [[[9, 24]], [[32, 60]], [[45, 72]]]],
    ['avg', [[[5, 7]], [[6, 8]], [[7, 9]]]],
  ])('merges the two directions of a bidirectional layer by %s', (merge, expected) => {
    const { nested, model } = run(layerModel(`layer a = bidirectional Acc(N) over x merge ${merge}`), { x: xs });
    expect(nested('a')).toEqual(expected);
    expect(model.states.map((s) => s.name)).toEqual(['a.fwd.s', 'a.bwd.s']);
  });

  it('keeps only the last step processed with returns last', () => {
    expect(run(layerModel('layer a = Acc(N) over x returns last'), { x: xs }).nested('a')).toEqual([[9, 12]]);
    expect(run(layerModel('layer a = reverse Acc(N) over x returns last'), { x: xs }).nested('a')).toEqual([[9, 12]]);
  });

  it('takes a step of a sequence with last(…) and first(…)', () => {
    const { nested } = run(layerModel('layer a = Acc(N) over x', 'output l = last(a)\n  output f = first(a)'), {
      x: xs,
    });
    expect(nested('l')).toEqual([[9, 12]]);
    expect(nested('f')).toEqual([[1, 2]]);
  });

  it('starts a decoder from the final state of an encoder', () => {
    const source = `${accumulator}
model M(N = 2) {
  input x: seq(S)[N]
  input y: seq(U)[N]
  layer enc = Acc(N) over x
  layer dec = Acc(N) over y from enc
}`;
    const { nested } = run(source, { x: xs, y: [[[1, 1]], [[1, 1]]] });
    expect(nested('dec')).toEqual([[[10, 13]], [[11, 14]]]);
  });

  it('lets the caller override a layer’s initial state by name', () => {
    const { nested } = run(
      layerModel('layer a = Acc(N) over x'),
      { x: xs },
      { initialStates: { 'a.s': [[100, 200]] } },
    );
    expect(nested('a')).toEqual([[[101, 202]], [[104, 206]], [[109, 212]]]);
  });

  it('repeats a learned initial state across the batch', () => {
    const source = `cell Acc(N = 2) {\n  input x: [N]\n  state s: [N] = learned(constant(0.5))\n  s' = s + x\n  output s'\n}`;
    const { nested, model } = run(source, {
      x: [
        [
          [1, 1],
          [2, 2],
        ],
      ],
    });
    expect(model.params.map((p) => p.name)).toEqual(['s0']);
    expect(nested('output')).toEqual([
      [
        [1.5, 1.5],
        [2.5, 2.5],
      ],
    ]);
  });

  it('starts a state from a constant when asked', () => {
    const source = `cell Acc(N = 2) {\n  input x: [N]\n  state s: [N] = constant(3)\n  s' = s + x\n  output s'\n}`;
    expect(run(source, { x: [[[1, 1]]] }).nested('output')).toEqual([[[4, 4]]]);
  });

  it('reduces the loss by mean or by sum over steps and batch', () => {
    const loss = (reduce: string) =>
      run(
        `${accumulator}\nmodel M(N = 2) {\n  input x: seq[N]\n  target y: seq[N]\n  layer a = Acc(N) over x\n  loss sum(a * y) reduce ${reduce}\n}`,
        {
          x: xs,
          y: [[[1, 1]], [[1, 1]], [[1, 1]]],
        },
      ).result.loss;
    expect(loss('sum')).toBe(3 + 10 + 21);
    expect(loss('mean')).toBe((3 + 10 + 21) / 3);
  });

  it('runs without the targets, leaving out the loss', () => {
    const source = `${accumulator}\nmodel M(N = 2) {\n  input x: seq[N]\n  target y: seq[N]\n  layer a = Acc(N) over x\n  loss mse(a, y)\n}`;
    const { result } = run(source, { x: xs });
    expect(result.loss).toBeUndefined();
    expect(Object.keys(result.outputs)).toEqual(['a']);
  });

  it('shares weights between directions only when asked', () => {
    const cellWithParam = `cell Lin(N = 2) {\n  input x: [N]\n  state s: [N]\n  param w: [N] = ones\n  s' = s + w * x\n  output s'\n}`;
    const model = (options: string) =>
      `${cellWithParam}\nmodel M(N = 2) {\n  input x: seq[N]\n  layer a = bidirectional Lin(N) over x ${options}\n}`;
    expect(run(model(''), { x: xs }).model.params.map((p) => p.name)).toEqual(['a.fwd.w', 'a.bwd.w']);
    expect(run(model('shared'), { x: xs }).model.params.map((p) => p.name)).toEqual(['a.w']);
  });

  it('applies a stateless cell to every step at once, without a scan', () => {
    const source = `model M(N = 2, K = 3) {\n  input x: seq[N]\n  layer d = Dense(N, K) over x\n}`;
    const { model, nested } = run(source, { x: xs });
    expect(model.graph.nodes.some((n) => n.op === 'scan')).toBe(false);
    expect(nested('d')).toEqual(
      [[[0, 0, 0]], [[0, 0, 0]], [[0, 0, 0]]].map((step) => step.map((row) => row.map(() => expect.any(Number)))),
    );
  });

  it('infers a cell size from the sequence it runs over', () => {
    const source = `${accumulator}\nmodel M(E = 4) {\n  input x: seq[E]\n  layer a = Acc() over x\n}`;
    const { nested } = run(source, { x: [[[1, 2, 3, 4]]] });
    expect(nested('a')).toEqual([[[1, 2, 3, 4]]]);
  });

  it('reads and writes batch-major data when asked', () => {
    const model = selectModel(compileOk(layerModel('layer a = Acc(N) over x')));
    const sizes = bindSizes(model);
    const batchMajor = [
      [
        [1, 2],
        [3, 4],
        [5, 6],
      ],
      [
        [1, 1],
        [1, 1],
        [1, 1],
      ],
    ]; // B = 2, T = 3
    const result = runModel(
      model,
      { data: { x: batchMajor }, params: {} },
      { sizes, dtype: 'f64', layout: 'batch-major' },
    );
    expect(tensorToNested(result.outputs.a, 'batch-major')).toEqual([
      [
        [1, 2],
        [4, 6],
        [9, 12],
      ],
      [
        [1, 1],
        [2, 2],
        [3, 3],
      ],
    ]);
  });

  it('drops what only the loss needs when asked for the outputs alone', () => {
    const model = selectModel(
      compileOk(
        `${accumulator}\nmodel M(N = 2) {\n  input x: seq[N]\n  target y: seq[N]\n  layer a = Acc(N) over x\n  loss mse(a, y)\n}`,
      ),
    );
    const pruned = keepOutputs(model.graph, (o) => o.role !== 'loss');
    verify(pruned);
    expect(pruned.nodes.some((n) => n.op === 'input' && (n.attrs as { name: string }).name === 'y')).toBe(false);
  });
});

describe('input checking', () => {
  const model = () => selectModel(compileOk(layerModel('layer a = Acc(N) over x')));
  const attempt = (data: Record<string, unknown>, initialStates?: Record<string, unknown>) => () => {
    const m = model();
    runModel(
      m,
      { data, params: {}, ...(initialStates ? { initialStates } : {}) },
      { sizes: bindSizes(m), dtype: 'f64' },
    );
  };

  it('names the input and the expected layout when the nesting is wrong', () => {
    expect(attempt({ x: [[1, 2]] })).toThrow('x: expected [T][B][2] (time-major), got an array nested 2 deep');
  });

  it('names the axis whose length is wrong', () => {
    expect(attempt({ x: [[[1, 2, 3]]] })).toThrow('x: expected [T][B][2], but axis 2 has length 3');
  });

  it('points at ragged rows and non-numbers', () => {
    expect(
      attempt({
        x: [
          [[1, 2]],
          [
            [1, 2],
            [3, 4],
          ],
        ],
      }),
    ).toThrow('x[1]: expected an array of 1');
    expect(attempt({ x: [[[1, 'a']]] })).toThrow('x[0][0][1]: expected a finite number, got "a"');
  });

  it('rejects unknown inputs and unknown initial states with suggestions', () => {
    expect(attempt({ x: xs, xx: xs })).toThrow("model M has no input 'xx' (its inputs are x); did you mean 'x'?");
    expect(attempt({ x: xs }, { 'a.z': [[0, 0]] })).toThrow(
      "model M has no state 'a.z' (its states are a.s); did you mean 'a.s'?",
    );
  });

  it('rejects a missing input and an initial state with the wrong batch', () => {
    expect(attempt({})).toThrow("no data for input 'x'");
    expect(
      attempt(
        { x: xs },
        {
          'a.s': [
            [0, 0],
            [0, 0],
          ],
        },
      ),
    ).toThrow('initial state a.s has a batch of 2, but the inputs have 1');
  });

  it('rejects sizes that are not positive whole numbers', () => {
    expect(() => bindSizes(model(), { N: 0 })).toThrow(
      'size N is used in a shape, so it must be a positive whole number, got 0',
    );
    expect(() => bindSizes(model(), { Q: 2 })).toThrow("model M has no size 'Q'");
  });

  it('rejects params holding NaN', () => {
    const source = `cell Lin(N = 2) {\n  input x: [N]\n  state s: [N]\n  param w: [N] = ones\n  s' = s + w * x\n  output s'\n}`;
    const m = selectModel(compileOk(source));
    const sizes = bindSizes(m);
    const params = initParams(m, sizes, 0, 'f64');
    params.w.data[1] = NaN;
    expect(() => runModel(m, { data: { x: xs }, params }, { sizes, dtype: 'f64' })).toThrow(
      'param w holds NaN at flat index 1',
    );
  });
});

describe('a function of the file', () => {
  it('is inlined: a cell calling it gives exactly what the cell with its body written out gives', async () => {
    const { run } = await import('../src/api/run.js');
    const called = [
      'fn squash(v, k) = k * tanh(v) + (1 - k) * v',
      'cell C(I = 2, H = 3) {',
      '  input x: [I]',
      '  state h: [H]',
      '  param W: [H, I]',
      '  param U: [H, H]',
      "  h' = squash(W @ x + U @ h, 0.75)",
      "  output h'",
      '}',
    ].join('\n');
    const written = called
      .replace(/^fn .*\n/, '')
      .replace('squash(W @ x + U @ h, 0.75)', '0.75 * tanh(W @ x + U @ h) + (1 - 0.75) * (W @ x + U @ h)');
    const [a, b] = await Promise.all([called, written].map((s) => run(s, { steps: 4, batch: 2, seed: 5 })));
    expect(Array.from(a.outputs.output.data)).toEqual(Array.from(b.outputs.output.data));
  });
});
