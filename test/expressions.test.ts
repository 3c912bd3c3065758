/**
 * The expressions papers use, by what they compute in the interpreter (the oracle the backends
 * are tested against): comparisons and where, remainders, the step's position, identities,
 * reductions along an axis, consts, and sizes and hyperparameters read as values.
 */
import { describe, expect, it } from 'vitest';
import { selectModel } from '../src/frontend/program.js';
import { bindSizes, initParams, runModel } from '../src/interp/run.js';
import { tensorToNested } from '../src/interp/io.js';
import { verify } from '../src/ir/verify.js';
import { compileOk } from './helpers/compile.js';
import { cell, diagnose } from './helpers/diagnose.js';

/** Runs a file's model in f64 on `data`; params from `params` where given, else seed 0. */
function run(source: string, data: Record<string, unknown>, params: Record<string, number[]> = {}, sizes = {}) {
  const model = selectModel(compileOk(source));
  verify(model.graph);
  const bound = bindSizes(model, sizes);
  const initial = initParams(model, bound, 0, 'f64');
  for (const [name, values] of Object.entries(params)) initial[name].data.set(values);
  const result = runModel(model, { data, params: initial }, { sizes: bound, dtype: 'f64' });
  return (name: string) => tensorToNested(result.outputs[name]);
}

/** A model of one input `x: seq[N]` (N = 3) and the given per-step equation as its output. */
function stepwise(equation: string, extra = ''): string {
  return `${extra}
cell F(N = 3) {
  input x: [N]
  state s: [N]
  s' = x
  output y = ${equation}
}
model M(N = 3) {
  input x: seq[N]
  layer y = F(N) over x
}`;
}

const row = [[[-1, 0, 2.5]]]; // T = 1, B = 1, N = 3

describe('comparisons and where', () => {
  it.each([
    ['x < 0', [1, 0, 0]],
    ['x <= 0', [1, 1, 0]],
    ['x > 0', [0, 0, 1]],
    ['x >= 0', [0, 1, 1]],
    ['x == 0', [0, 1, 0]],
    ['x != 0', [1, 0, 1]],
    ['where(x > 0, x, -x)', [1, 0, 2.5]],
    ['where(x, 10, 20)', [10, 20, 10]],
    ['x + 1 < 2 * x', [0, 0, 1]],
  ])('%s is %j', (equation, expected) => {
    // + 0 makes a -0 into 0, so the comparison with plain numbers is exact.
    expect(run(stepwise(`${equation} + 0`), { x: row })('y')).toEqual([[expected]]);
  });

  it('refuse a chain of comparisons, saying how to write both', () => {
    const { errors } = diagnose(cell("  state h: [H]\n  h' = h * (0 < h < 1)\n  output h'"));
    expect(errors).toEqual([
      expect.objectContaining({ line: 4, message: expect.stringContaining('comparisons do not chain') }),
    ]);
  });
});

describe('the remainder %', () => {
  it('is floored, taking the sign of the divisor, as in Python and PyTorch', () => {
    expect(run(stepwise('x % 2'), { x: [[[-1, 4, 5.5]]] })('y')).toEqual([[[1, 0, 1.5]]]);
    expect(run(stepwise('x % -2 + 0'), { x: [[[-1, 4, 5.5]]] })('y')).toEqual([[[-1, 0, -0.5]]]);
  });

  it('binds like * and /', () => {
    expect(run(stepwise('1 + x % 2 * 3'), { x: [[[3, 4, 5]]] })('y')).toEqual([[[4, 1, 4]]]);
  });
});

describe("a step's position", () => {
  const clock = (layer: string) => `
cell Clock(N = 1) {
  input x: [N]
  state s: [N]
  s' = s + x
  output y = concat(s' * 0 + t, s' * 0 + T, where(t % 2 == 0, s', -s'))
}
model M {
  input x: seq[1]
  layer y = ${layer}
}`;
  const ones = [[[1]], [[1]], [[1]], [[1]]]; // T = 4

  it('counts steps from 0 as t, gives their number as T, and makes clocks of t % k', () => {
    expect(run(clock('Clock(1) over x'), { x: ones })('y')).toEqual([
      [[0, 4, 1]],
      [[1, 4, -2]],
      [[2, 4, 3]],
      [[3, 4, -4]],
    ]);
  });

  it('is the position in the sequence, also in a reverse layer', () => {
    expect(run(clock('reverse Clock(1) over x'), { x: ones })('y')).toEqual([
      [[0, 4, 4]],
      [[1, 4, -3]],
      [[2, 4, 2]],
      [[3, 4, -1]],
    ]);
  });

  it('is a name of the cell only where the cell does not define it', () => {
    const source = `
cell C(N = 1) {
  input t: [N]
  state s: [N]
  s' = s + t
  output s'
}
model M {
  input x: seq[1]
  layer y = C(1) over x
}`;
    expect(run(source, { x: [[[2]], [[3]]] })('y')).toEqual([[[2]], [[5]]]);
  });

  it('is refused in a model, which has no step, and over a single step', () => {
    const model = diagnose('model M {\n  input x: seq[2]\n  output y = x * t\n}').errors;
    expect(model).toEqual([
      expect.objectContaining({
        line: 3,
        message: "'t' is the index of the step inside a cell, but a model has no step",
      }),
    ]);
    const single = diagnose(
      'cell C(N = 1) {\n  input x: [N]\n  output y = x * t\n}\nmodel M {\n  input f: [1]\n  layer y = C(1) over f\n}',
    ).errors;
    expect(single).toEqual([expect.objectContaining({ line: 7, message: expect.stringContaining('reads its step') })]);
  });
});

describe('identity, transpose and reductions along an axis', () => {
  const matrix = (equation: string) => `
cell F(N = 2) {
  input x: [N]
  state s: [N]
  param W: [N, N]
  s' = x
  output y = x * 0 + ${equation}
}
model M {
  input x: seq[2]
  layer y = F(2) over x
}`;
  const data = { x: [[[1, 10]]] };
  const W = { 'y.W': [1, 5, -3, 2] }; // [[1, 5], [-3, 2]]

  it.each([
    ['(W - transpose(W) - 0.5 * eye(N)) @ x', [79.5, -13]],
    ['max(W)', [5, 2]],
    ['min(W)', [1, -3]],
    ['max(W, axis = 0)', [1, 5]],
    ['min(W, axis = -2)', [-3, 2]],
    ['sum(W, axis = 0)', [-2, 7]],
    ['mean(W, axis = 1)', [3, -0.5]],
    ['where(x == max(x), 1, 0) + where(x == min(x), 2, 0) + sum(W) * 0', [2, 1]],
    ['sum(softmax(W, axis = 0), axis = 0)', [1, 1]],
    ['sum(exp(log_softmax(W, axis = 0)), axis = 0)', [1, 1]],
    ['sum(softmax(W, axis = 0) * eye(N), axis = 0)', [1 / (1 + Math.exp(-4)), 1 / (1 + Math.exp(3))]],
  ])('%s is %j', (equation, expected) => {
    const y = run(matrix(equation), data, W)('y') as number[][][];
    y[0][0].forEach((v, k) => expect(v).toBeCloseTo(expected[k], 12));
  });

  it.each([
    ['sum(W, axis = 2)', 'axis 2 is outside a value with 2 axes'],
    ['sum(W, axis = 0.5)', 'an axis is a whole number: 0 for the first, -1 for the last'],
    ['sum(W, along = 0)', "sum has no argument named 'along'"],
    ['max(W, W, axis = 0)', 'max of two values works elementwise: it has no axis'],
    ['tanh(W, axis = 0)', "tanh has no argument named 'axis'"],
  ])('%s is refused: %s', (equation, message) => {
    const { errors } = diagnose(matrix(equation));
    expect(errors).toEqual([expect.objectContaining({ line: 7, message: expect.stringContaining(message) })]);
  });
});

describe('consts, sizes and hyperparameters as values', () => {
  it('reads a const of the file by name, in cells and models, and lets a definition hide it', () => {
    const source = `
const half = 0.5
const quarter = half * half
cell F(N = 3) {
  input x: [N]
  state s: [N]
  s' = x
  output y = x * quarter
}
model M(N = 3) {
  input x: seq[N]
  layer f = F(N) over x
  half = 2
  output y = f * half
}`;
    expect(run(source, { x: [[[4, 8, 12]]] })('y')).toEqual([[[2, 4, 6]]]);
  });

  it('reads sizes and hyperparameters, which a layer or --size may change', () => {
    const source = `
cell Scale(N, k = 0.5) {
  input x: [N]
  state s: [N]
  s' = x
  output y = x * k + N
}
model M(N = 3, c = 2) {
  input x: seq[N]
  layer a = Scale(N) over x
  layer b = Scale(N, k = -1.5) over x
  output y = concat(a, b) * c
}`;
    expect(run(source, { x: [[[2, 4, 6]]] })('y')).toEqual([[[8, 10, 12, 0, -6, -12]]]);
    expect(run(source, { x: [[[2, 4, 6]]] }, {}, { c: 0.5 })('y')).toEqual([[[2, 2.5, 3, 0, -1.5, -3]]]);
  });

  it.each([
    [
      "const k = x\ncell C(I = 2, H = 3) {\n  input x: [I]\n  state h: [H]\n  h' = h * k\n  output h'\n}",
      "const k reads 'x', which is not a const of the file",
    ],
    [
      'const a = b\nconst b = a\n' + cell("  state h: [H]\n  h' = h * a\n  output h'"),
      'const a is defined in terms of itself (a → b → a)',
    ],
    ['const k = 2\n' + cell("  state h: [H]\n  h' = h * k()\n  output h'"), 'k is a const, not a function'],
    [
      cell("  state h: [H]\n  param W: [H, H]\n  h' = tanh(W @ h)\n  output h'").replace('H = 4', 'H = 1.5'),
      'size H is used in a shape, so it must be a positive whole number, got 1.5',
    ],
  ])('refuses %j', (source, message) => {
    expect(diagnose(source).errors).toContainEqual(
      expect.objectContaining({ message: expect.stringContaining(message) }),
    );
  });
});

describe('a lone cell with a memory', () => {
  it('runs on its own, its memory an input along the axis the cell names', () => {
    const source = `
cell Attend(N = 2) {
  input x: [N]
  memory m: seq(S)[N]
  state s: [N]
  s' = x + sum(softmax(m @ x, axis = S) * m, axis = S)
  output s'
}`;
    // Two memory positions, equal scores for the first step: the mean of the memory.
    const y = run(source, { x: [[[0, 0]], [[1, 0]]], m: [[[1, 2]], [[3, 4]]] })('output') as number[][][];
    expect(y[0][0]).toEqual([2, 3]);
    const w = Math.exp(3) / (Math.exp(1) + Math.exp(3));
    expect(y[1][0][0]).toBeCloseTo(1 + (1 - w) * 1 + w * 3, 12);
  });
});

describe('the mistakes a memory can be written with', () => {
  const attend = (memoryDecl: string, extra = '') => `
cell Attend(N = 2) {
  input x: [N]
  ${memoryDecl}
  state s: [N]
  s' = x + sum(softmax(m @ x, axis = S) * m, axis = S)${extra}
  output s'
}`;
  const model = (layer: string) => `${attend('memory m: seq(S)[N]')}
model M {
  input x: seq(T)[2]
  input src: seq(S)[2]
  input other: seq(R)[2]
  input wide: seq(S)[3]
  input f: [2]
  layer a = ${layer}
}`;

  it.each([
    {
      what: 'a memory without an axis',
      source: attend('memory m: [N]'),
      line: 4,
      message: 'a memory is a whole sequence, read at every step along its own axis',
    },
    {
      what: 'an axis named like a size',
      source: attend('memory m: seq(N)[N]'),
      line: 4,
      message: "'N' is a size of cell Attend, so it cannot also name an axis",
    },
    {
      what: 'a layer that gives no memory',
      source: model('Attend(2) over x'),
      line: 15,
      message: 'Attend takes 1 input and 1 memory (x, m, in this order), but 1 is given after',
    },
    {
      what: 'a memory that is one value',
      source: model('Attend(2) over x, f'),
      line: 15,
      message: "Attend's memory m is a whole sequence, but this is a single value",
    },
    {
      what: 'a memory of the wrong width',
      source: model('Attend(2) over x, wide'),
      line: 15,
      message: 'Attend expects its memory m to be [2] at each position, but this is [3]',
    },
    {
      what: 'a sum along the memory of a value that does not run along it',
      source: attend('memory m: seq(S)[N]', ' + sum(x, axis = S)'),
      line: 6,
      message: 'sum along S needs a value that runs along S, and this one is the same at every position',
    },
    {
      what: 'an axis that is not a memory’s',
      source: attend('memory m: seq(S)[N]').replace('axis = S)', 'axis = U)'),
      line: 6,
      message: 'an axis is a whole number: 0 for the first, -1 for the last, or a time axis (S)',
    },
  ])('refuses $what, saying so at its line', ({ source, line, message }) => {
    expect(diagnose(source).errors).toContainEqual(
      expect.objectContaining({ line, message: expect.stringContaining(message) }),
    );
  });

  it('refuses a cell whose memory its layer runs without a state, and one that keeps a value along the memory', () => {
    const stateless =
      'cell R(N = 2) {\n  input x: [N]\n  memory m: seq(S)[N]\n  output y = x + sum(m, axis = S)\n}\nmodel M {\n  input x: seq[2]\n  input src: seq(S)[2]\n  layer a = R(2) over x, src\n}';
    expect(diagnose(stateless).errors).toContainEqual(
      expect.objectContaining({ message: expect.stringContaining('reads a memory but has no state') }),
    );
    const kept = "cell K(N = 2) {\n  input x: [N]\n  memory m: seq(S)[N]\n  state s: [N]\n  s' = s + m\n  output s'\n}";
    expect(diagnose(kept).errors).toContainEqual(
      expect.objectContaining({ line: 5, message: expect.stringContaining("state s is [N] but s' = … is") }),
    );
  });
});
