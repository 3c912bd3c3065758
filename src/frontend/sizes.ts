/**
 * Expressions that denote sizes (`4*H`), numbers for initializers
 * (`-1/sqrt(H)`), initializers (`uniform(-0.1, 0.1)`) and state initial
 * values (`zeros`, `learned(normal(0.01))`).
 */
import { didYouMean, type DiagnosticBag } from '../diagnostics.js';
import { Dim } from '../ir/dims.js';
import { type InitSpec, num, type NumExpr } from '../ir/init.js';
import type { Expr } from './ast.js';
import { limits } from './limits.js';
import { own } from '../names.js';

export function isPositiveWhole(value: number): boolean {
  return Number.isInteger(value) && value > 0;
}

/** A size expression: whole numbers, size names, + and -, and multiplication by a whole number. */
export function exprToDim(e: Expr, sizes: ReadonlySet<string>, bag: DiagnosticBag): Dim | undefined {
  switch (e.kind) {
    case 'number':
      if (!Number.isInteger(e.value)) {
        bag.error(e.span, `a size must be a whole number, got ${e.value}`);
        return undefined;
      }
      if (Math.abs(e.value) > limits.size) {
        bag.error(e.span, `a size of ${e.value} is past rnnc's limit of ${limits.size}`);
        return undefined;
      }
      return Dim.of(e.value);
    case 'name': {
      if (!e.primed && sizes.has(e.name)) return Dim.named(e.name);
      const guess = didYouMean(e.name, sizes);
      const known = sizes.size > 0 ? `the sizes here are ${[...sizes].join(', ')}` : 'no sizes are declared here';
      bag.error(
        e.span,
        `'${e.name}${e.primed ? "'" : ''}' is not a size (${known})`,
        guess ? `did you mean '${guess}'?` : undefined,
      );
      return undefined;
    }
    case 'neg': {
      const inner = exprToDim(e.operand, sizes, bag);
      return inner?.scale(-1);
    }
    case 'binary': {
      const left = exprToDim(e.left, sizes, bag);
      const right = exprToDim(e.right, sizes, bag);
      if (!left || !right) return undefined;
      if (e.op === '+') return left.add(right);
      if (e.op === '-') return left.sub(right);
      if (
        e.op === '*' &&
        left.isConstant &&
        right.isConstant &&
        Math.abs(left.constant * right.constant) > limits.size
      ) {
        bag.error(e.span, `a size of ${left.constant * right.constant} is past rnnc's limit of ${limits.size}`);
        return undefined;
      }
      if (e.op === '*' && (left.isConstant || right.isConstant)) {
        return left.isConstant ? right.scale(left.constant) : left.scale(right.constant);
      }
      bag.error(
        e.span,
        `a size can be added, subtracted or multiplied by a whole number, not combined with '${e.op}' here`,
      );
      return undefined;
    }
    default:
      bag.error(e.span, 'expected a size: a whole number, a size name, or an expression like 2*H');
      return undefined;
  }
}

/** A shape literal `[H, I]`, whose constant entries must be positive. */
export function shapeToDims(dims: readonly Expr[], sizes: ReadonlySet<string>, bag: DiagnosticBag): Dim[] | undefined {
  const result: Dim[] = [];
  let ok = true;
  for (const e of dims) {
    const d = exprToDim(e, sizes, bag);
    if (!d) {
      ok = false;
      continue;
    }
    if (d.isConstant && d.constant <= 0) {
      bag.error(e.span, `a size must be positive, got ${d.constant}`);
      ok = false;
    }
    result.push(d);
  }
  return ok ? result : undefined;
}

/** A param's initializer when it names none. */
export function defaultInit(shape: readonly Dim[]): InitSpec {
  // Matrices get Glorot's scaling; vectors (biases) start at zero, as in most frameworks.
  return shape.length >= 2 ? { kind: 'glorot_uniform' } : { kind: 'zeros' };
}

/** A number for an initializer, possibly depending on sizes: `-1 / sqrt(H)`. */
export function exprToNum(e: Expr, sizes: ReadonlySet<string>, bag: DiagnosticBag): NumExpr | undefined {
  switch (e.kind) {
    case 'number':
      return num(e.value);
    case 'name':
      if (!e.primed && sizes.has(e.name)) return { kind: 'size', name: e.name };
      bag.error(e.span, `'${e.name}' is not a number or a size`);
      return undefined;
    case 'neg': {
      const operand = exprToNum(e.operand, sizes, bag);
      return operand && { kind: 'neg', operand };
    }
    case 'call': {
      if (e.fn === 'sqrt' && e.args.length === 1) {
        const operand = exprToNum(e.args[0], sizes, bag);
        return operand && { kind: 'sqrt', operand };
      }
      bag.error(e.span, `only sqrt(…) can be used in an initializer's arguments`);
      return undefined;
    }
    case 'binary': {
      const left = exprToNum(e.left, sizes, bag);
      const right = exprToNum(e.right, sizes, bag);
      if (!left || !right) return undefined;
      if (e.op !== '+' && e.op !== '-' && e.op !== '*' && e.op !== '/') {
        bag.error(e.span, `'${e.op}' cannot be used in an initializer's arguments`);
        return undefined;
      }
      return { kind: 'binary', op: e.op, left, right };
    }
    default:
      bag.error(e.span, 'expected a number');
      return undefined;
  }
}

interface InitForm {
  readonly params: readonly string[];
  /** Values for trailing params that may be left out. */
  readonly defaults: readonly number[];
  readonly build: (args: NumExpr[]) => InitSpec;
}

const initializers: Record<string, InitForm> = {
  zeros: { params: [], defaults: [], build: () => ({ kind: 'zeros' }) },
  ones: { params: [], defaults: [], build: () => ({ kind: 'ones' }) },
  constant: { params: ['value'], defaults: [], build: ([value]) => ({ kind: 'constant', value }) },
  uniform: { params: ['low', 'high'], defaults: [], build: ([low, high]) => ({ kind: 'uniform', low, high }) },
  // normal(std) or normal(mean, std)
  normal: {
    params: ['std', 'mean'],
    defaults: [0],
    build: ([std, mean]) => ({ kind: 'normal', mean, std }),
  },
  glorot: { params: [], defaults: [], build: () => ({ kind: 'glorot_uniform' }) },
  xavier: { params: [], defaults: [], build: () => ({ kind: 'glorot_uniform' }) },
  glorot_uniform: { params: [], defaults: [], build: () => ({ kind: 'glorot_uniform' }) },
  xavier_uniform: { params: [], defaults: [], build: () => ({ kind: 'glorot_uniform' }) },
  glorot_normal: { params: [], defaults: [], build: () => ({ kind: 'glorot_normal' }) },
  xavier_normal: { params: [], defaults: [], build: () => ({ kind: 'glorot_normal' }) },
  orthogonal: { params: ['gain'], defaults: [1], build: ([gain]) => ({ kind: 'orthogonal', gain }) },
};

export const initializerNames = Object.keys(initializers);

export function exprToInit(e: Expr, sizes: ReadonlySet<string>, bag: DiagnosticBag): InitSpec | undefined {
  const fn = e.kind === 'name' ? e.name : e.kind === 'call' ? e.fn : undefined;
  const args = e.kind === 'call' ? e.args : [];
  if (e.kind === 'call' && e.named.length > 0) {
    bag.error(e.named[0].nameSpan, `an initializer takes its arguments by position, like ${e.fn}(…)`);
    return undefined;
  }
  const form = fn !== undefined ? own(initializers, fn) : undefined;
  if (form === undefined || fn === undefined) {
    const guess = fn !== undefined ? didYouMean(fn, initializerNames) : undefined;
    bag.error(
      e.span,
      fn !== undefined ? `unknown initializer '${fn}'` : 'expected an initializer',
      guess ? `did you mean '${guess}'?` : `initializers are ${initializerNames.join(', ')}`,
    );
    return undefined;
  }
  const required = form.params.length - form.defaults.length;
  if (args.length < required || args.length > form.params.length) {
    const expected = required === form.params.length ? `${required}` : `${required} to ${form.params.length}`;
    bag.error(
      e.span,
      `${fn} takes ${expected} argument${form.params.length === 1 ? '' : 's'} (${form.params.join(', ')}), got ${args.length}`,
    );
    return undefined;
  }
  const values = args.map((a) => exprToNum(a, sizes, bag));
  if (values.some((v) => v === undefined)) return undefined;
  const filled = [...(values as NumExpr[]), ...form.defaults.slice(args.length - required).map(num)];
  // normal(std) reads more naturally than normal(0, std), but normal(mean, std) is the usual order.
  if (fn === 'normal' && args.length === 2) return { kind: 'normal', mean: filled[0], std: filled[1] };
  return form.build(filled);
}

export type StateInit =
  { readonly kind: 'fixed'; readonly init: InitSpec } | { readonly kind: 'learned'; readonly init: InitSpec };

const fixedStateInits = new Set(['zeros', 'ones', 'constant']);

/** `zeros` (the default), `ones`, `constant(v)`, `learned` or `learned(init)`. */
export function exprToStateInit(
  e: Expr | undefined,
  sizes: ReadonlySet<string>,
  bag: DiagnosticBag,
): StateInit | undefined {
  if (e === undefined) return { kind: 'fixed', init: { kind: 'zeros' } };
  if (e.kind === 'name' && e.name === 'learned') return { kind: 'learned', init: { kind: 'zeros' } };
  if (e.kind === 'call' && e.fn === 'learned') {
    if (e.args.length !== 1) {
      bag.error(e.span, `learned takes one initializer, like learned(normal(0.1)), got ${e.args.length} arguments`);
      return undefined;
    }
    const init = exprToInit(e.args[0], sizes, bag);
    return init && { kind: 'learned', init };
  }
  const fn = e.kind === 'name' ? e.name : e.kind === 'call' ? e.fn : '';
  if (!fixedStateInits.has(fn)) {
    bag.error(e.span, 'a state starts as zeros, ones, constant(v), learned or learned(initializer)');
    return undefined;
  }
  if (fn === 'constant' && e.kind === 'call' && e.args.length === 1 && e.args[0].kind !== 'number') {
    bag.error(e.args[0].span, 'a state starts from a constant number, like constant(0.5)');
    return undefined;
  }
  const init = exprToInit(e, sizes, bag);
  return init && { kind: 'fixed', init };
}
