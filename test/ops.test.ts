import { describe, expect, it } from 'vitest';
import { GraphBuilder } from '../src/ir/builder.js';
import { Dim } from '../src/ir/dims.js';
import type { OpKind } from '../src/ir/graph.js';
import { ops, opKinds } from '../src/ir/ops/registry.js';
import type { EvalContext } from '../src/ir/ops/opdef.js';
import { ShapeError, tensorType } from '../src/ir/types.js';
import { Tensor } from '../src/tensor/tensor.js';

/** What each elementwise op should compute, written independently of the registry. */
const references: Partial<Record<OpKind, (...xs: number[]) => number>> = {
  neg: (x) => -x,
  sigmoid: (x) => 1 / (1 + Math.exp(-x)),
  tanh: Math.tanh,
  relu: (x) => (Number.isNaN(x) ? NaN : x > 0 ? x : 0),
  exp: Math.exp,
  log: Math.log,
  sqrt: Math.sqrt,
  abs: Math.abs,
  softplus: (x) => Math.log(1 + Math.exp(x)),
  hard_sigmoid: (x) => (Number.isNaN(x) ? NaN : Math.min(1, Math.max(0, (x + 3) / 6))),
  add: (a, b) => a + b,
  sub: (a, b) => a - b,
  mul: (a, b) => a * b,
  div: (a, b) => a / b,
  min: Math.min,
  max: Math.max,
  step: (x) => (Number.isNaN(x) ? NaN : x > 0 ? 1 : 0),
  sign: Math.sign,
  floor: Math.floor,
  less: (a, b) => Number(a < b),
  less_equal: (a, b) => Number(a <= b),
  equal: (a, b) => Number(a === b),
  // PyTorch's documented definition of remainder: a − floor(a / b) · b.
  mod: (a, b) => a - Math.floor(a / b) * b,
  where: (c, a, b) => (c === 0 ? b : a),
};

const edgeInputs = [0, -0, 1, -1, 0.5, -2.5, 1e-8, 30, -30, 700, -700, 1e300, -1e300, Infinity, -Infinity, NaN];

/** Where the naive reference formula itself overflows, the op must still give the right limit. */
function expectedAt(kind: OpKind, x: number): number {
  if (kind === 'softplus' && x > 30) return x; // log(1 + e^x) → x
  if (kind === 'sigmoid' && x === -Infinity) return 0;
  return (references[kind] as (x: number) => number)(x);
}

const context: EvalContext = {
  dtype: 'f64',
  batch: 1,
  sizes: {},
  timeLengths: {},
  param: () => {
    throw new Error('unused');
  },
  input: () => {
    throw new Error('unused');
  },
  lengths: () => {
    throw new Error('unused');
  },
  noise: () => {
    throw new Error('unused');
  },
  arg: () => {
    throw new Error('unused');
  },
  initialState: () => undefined,
  evalGraph: () => [],
};

const pointwiseOps = opKinds.filter((k) => ops[k].pointwise !== undefined);

describe('the op registry', () => {
  it('has a reference formula in this test for every elementwise op', () => {
    expect(pointwiseOps.sort()).toEqual(Object.keys(references).sort());
  });

  it('names every op by its own key', () => {
    for (const kind of opKinds) expect(ops[kind].kind).toBe(kind);
  });
});

describe.each(pointwiseOps.filter((k) => ops[k].arity === 1))('unary op %s', (kind) => {
  it.each(edgeInputs)('matches its reference formula at %d', (x) => {
    const def = ops[kind];
    const expected = expectedAt(kind, x);
    const scalar = (def.pointwise as (x: number) => number)(x);
    if (Number.isNaN(expected)) expect(scalar).toBeNaN();
    else expect(scalar).toBeCloseTo(expected, 12);
    // eval over a tensor agrees with the scalar rule.
    const out = def.eval([Tensor.scalar('f64', x)], {} as never, context) as Tensor;
    expect(Object.is(out.data[0], scalar) || Math.abs(out.data[0] - scalar) < 1e-15).toBe(true);
  });
});

describe.each(pointwiseOps.filter((k) => ops[k].arity === 2))('binary op %s', (kind) => {
  const pairs = edgeInputs.flatMap((a) => [0, 1, -2.5, Infinity, NaN].map((b) => [a, b] as const));
  it('matches its reference formula on edge pairs', () => {
    const def = ops[kind];
    for (const [a, b] of pairs) {
      const expected = (references[kind] as (a: number, b: number) => number)(a, b);
      const got = (def.pointwise as (a: number, b: number) => number)(a, b);
      if (Number.isNaN(expected)) expect(got, `${kind}(${a}, ${b})`).toBeNaN();
      else expect(got, `${kind}(${a}, ${b})`).toBe(expected);
    }
  });

  it('broadcasts a param [3] against a batched [2, 3] value', () => {
    const param = new Tensor(Float64Array.from([1, 2, 3]), { time: null, batch: null }, [3]);
    const batched = new Tensor(Float64Array.from([4, 5, 6, 7, 8, 9]), { time: null, batch: 2 }, [3]);
    const out = ops[kind].eval([batched, param], {} as never, context) as Tensor;
    const fn = references[kind] as (a: number, b: number) => number;
    expect(out.fullShape).toEqual([2, 3]);
    expect(Array.from(out.data)).toEqual([4, 5, 6, 7, 8, 9].map((v, k) => fn(v, [1, 2, 3][k % 3])));
  });
});

describe.each(pointwiseOps.filter((k) => ops[k].arity === 3))('ternary op %s', (kind) => {
  it('matches its reference formula on edge triples', () => {
    const def = ops[kind];
    const values = [0, -0, 1, -2.5, Infinity, NaN];
    for (const c of values)
      for (const a of values)
        for (const b of values) {
          const expected = (references[kind] as (...xs: number[]) => number)(c, a, b);
          expect(Object.is(def.pointwise?.(c, a, b), expected), `${kind}(${c}, ${a}, ${b})`).toBe(true);
        }
  });
});

describe('step positions', () => {
  it('count each step of a sequence from 0, or give the number of steps at every step', () => {
    const seq = Tensor.zeros('f64', { time: 4, batch: 2 }, [3]);
    const at = (count: boolean) => ops.positions.eval([seq], { count }, context) as Tensor;
    expect(at(false).fullShape).toEqual([4]);
    expect(Array.from(at(false).data)).toEqual([0, 1, 2, 3]);
    expect(Array.from(at(true).data)).toEqual([4, 4, 4, 4]);
  });
});

describe('type rules', () => {
  const typed = (shape: (number | string)[], lead: { batched?: boolean; time?: string } = {}) => {
    const b = new GraphBuilder();
    return { b, id: b.add('input', [], { name: 'v', role: 'input', type: tensorType(shape, lead) }) };
  };

  it('matmul follows numpy: matrix @ vector, vector @ matrix, matrix @ matrix and dot', () => {
    const b = new GraphBuilder();
    const input = (shape: (number | string)[], batched = false) =>
      b.add('input', [], { name: 'v', role: 'input', type: tensorType(shape, { batched }) });
    const W = input(['H', 'I']);
    const x = input(['I'], true);
    const V = input(['I', 'K']);
    const h = input(['H'], true);
    expect(b.typeOf(b.add('matmul', [W, x], {}))).toEqual(tensorType(['H'], { batched: true }));
    expect(b.typeOf(b.add('matmul', [x, V], {}))).toEqual(tensorType(['K'], { batched: true }));
    expect(b.typeOf(b.add('matmul', [W, V], {}))).toEqual(tensorType(['H', 'K']));
    expect(b.typeOf(b.add('matmul', [h, h], {}))).toEqual(tensorType([], { batched: true }));
    expect(() => b.add('matmul', [W, h], {})).toThrow(ShapeError);
  });

  it('concat adds the last sizes symbolically and slice subtracts them', () => {
    const { b, id } = typed(['H'], { batched: true });
    const joined = b.add('concat', [id, id, id], {});
    expect(b.typeOf(joined)).toEqual(tensorType([Dim.named('H').scale(3)], { batched: true }));
    const part = b.add('slice', [joined], { start: Dim.named('H'), end: Dim.named('H').scale(2) });
    expect(b.typeOf(part)).toEqual(tensorType(['H'], { batched: true }));
  });

  it('slice rejects bounds known to be empty or past the end', () => {
    const { b, id } = typed([4]);
    expect(() => b.add('slice', [id], { start: Dim.of(2), end: Dim.of(2) })).toThrow('is empty');
    expect(() => b.add('slice', [id], { start: Dim.of(2), end: Dim.of(5) })).toThrow('runs past the end');
  });

  it('elementwise ops refuse sequences along different time axes', () => {
    const b = new GraphBuilder();
    const s = b.add('input', [], { name: 's', role: 'input', type: tensorType([2], { time: 'S' }) });
    const u = b.add('input', [], { name: 'u', role: 'input', type: tensorType([2], { time: 'U' }) });
    expect(() => b.add('add', [s, u], {})).toThrow('different time axes, S and U');
  });

  it('reductions drop the last axis and need one', () => {
    const { b, id } = typed(['H']);
    expect(b.typeOf(b.add('sum', [id], {}))).toEqual(tensorType([]));
    const scalar = b.add('sum', [id], {});
    expect(() => b.add('mean', [scalar], {})).toThrow(ShapeError);
  });
});

describe('reference kernels', () => {
  const row = (values: number[]) => new Tensor(Float64Array.from(values), { time: null, batch: null }, [values.length]);

  it('softmax stays finite for huge logits and sums to one', () => {
    const out = ops.softmax.eval([row([1000, 1001, 1002])], {}, context) as Tensor;
    expect(Array.from(out.data).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 14);
    expect(out.data[2]).toBeCloseTo(Math.exp(2) / (1 + Math.exp(1) + Math.exp(2)), 14);
  });

  it('log_softmax equals log of softmax where both are representable', () => {
    const logits = row([0.3, -1.2, 2.5, 0]);
    const sm = ops.softmax.eval([logits], {}, context) as Tensor;
    const lsm = ops.log_softmax.eval([logits], {}, context) as Tensor;
    sm.data.forEach((p, k) => expect(lsm.data[k]).toBeCloseTo(Math.log(p), 14));
  });

  it('sum and mean reduce the last axis of every sample', () => {
    const t = new Tensor(Float64Array.from([1, 2, 3, 4, 5, 6]), { time: null, batch: 2 }, [3]);
    expect(Array.from((ops.sum.eval([t], {}, context) as Tensor).data)).toEqual([6, 15]);
    expect(Array.from((ops.mean.eval([t], {}, context) as Tensor).data)).toEqual([2, 5]);
  });

  it('matmul multiplies a matrix by every sample of a batch', () => {
    const W = new Tensor(Float64Array.from([1, 2, 3, 4, 5, 6]), { time: null, batch: null }, [2, 3]);
    const x = new Tensor(Float64Array.from([1, 0, -1, 2, 1, 0]), { time: null, batch: 2 }, [3]);
    const out = ops.matmul.eval([W, x], {}, context) as Tensor;
    expect(out.fullShape).toEqual([2, 2]);
    expect(Array.from(out.data)).toEqual([1 - 3, 4 - 6, 2 + 2, 8 + 5]);
  });
});

describe('TypeScript templates of elementwise ops', () => {
  it.each(pointwiseOps)('%s compiles to an expression that equals its scalar rule', (kind) => {
    const def = ops[kind];
    const arity = def.arity as number;
    const params = ['a', 'b'].slice(0, arity);
    // Operands arrive parenthesized, as the code generator passes them.
    const body = (def.ts as (args: readonly string[]) => string)(params.map((p) => `(${p})`));
    const compiled = new Function(...params, `return ${body};`) as (...xs: number[]) => number;
    const seconds = [0, 1, -2.5, Infinity, NaN];
    for (const a of edgeInputs) {
      for (const b of arity === 2 ? seconds : [0]) {
        const expected = (def.pointwise as (...xs: number[]) => number)(a, b);
        const got = compiled(a, b);
        if (Number.isNaN(expected)) expect(got, `${kind}(${a}, ${b})`).toBeNaN();
        else
          expect(
            Math.abs(got - expected) <= 1e-15 * Math.max(1, Math.abs(expected)) || Object.is(got, expected),
            `${kind}(${a}, ${b}) = ${got}, expected ${expected}`,
          ).toBe(true);
      }
    }
  });
});
