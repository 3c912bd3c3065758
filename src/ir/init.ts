/**
 * Initializers as data. Their arguments are small numeric expressions over the
 * model's sizes, so PyTorch's default `uniform(-1/sqrt(H), 1/sqrt(H))` can be
 * written as is and is evaluated only once sizes are bound.
 */
import { own } from '../names.js';
export type NumExpr =
  | { readonly kind: 'num'; readonly value: number }
  | { readonly kind: 'size'; readonly name: string }
  | { readonly kind: 'neg'; readonly operand: NumExpr }
  | { readonly kind: 'sqrt'; readonly operand: NumExpr }
  | { readonly kind: 'binary'; readonly op: '+' | '-' | '*' | '/'; readonly left: NumExpr; readonly right: NumExpr };

export type InitSpec =
  | { readonly kind: 'zeros' }
  | { readonly kind: 'ones' }
  | { readonly kind: 'constant'; readonly value: NumExpr }
  | { readonly kind: 'uniform'; readonly low: NumExpr; readonly high: NumExpr }
  | { readonly kind: 'normal'; readonly mean: NumExpr; readonly std: NumExpr }
  | { readonly kind: 'glorot_uniform' }
  | { readonly kind: 'glorot_normal' }
  | { readonly kind: 'orthogonal'; readonly gain: NumExpr };

export function num(value: number): NumExpr {
  return { kind: 'num', value };
}

export function evaluateNum(e: NumExpr, sizes: Readonly<Record<string, number>>): number {
  switch (e.kind) {
    case 'num':
      return e.value;
    case 'size': {
      const v = own(sizes, e.name);
      if (v === undefined) throw new Error(`size '${e.name}' has no value`);
      return v;
    }
    case 'neg':
      return -evaluateNum(e.operand, sizes);
    case 'sqrt':
      return Math.sqrt(evaluateNum(e.operand, sizes));
    case 'binary': {
      const a = evaluateNum(e.left, sizes);
      const b = evaluateNum(e.right, sizes);
      return e.op === '+' ? a + b : e.op === '-' ? a - b : e.op === '*' ? a * b : a / b;
    }
  }
}

/**
 * Parenthesizes only where needed: `-1 / sqrt(H)`, `a - (b + c)`. `context` is
 * the lowest precedence that may stand here unparenthesized.
 */
export function formatNum(e: NumExpr, context = 0): string {
  switch (e.kind) {
    case 'num':
      return String(e.value);
    case 'size':
      return e.name;
    case 'neg':
      return `-${formatNum(e.operand, 3)}`;
    case 'sqrt':
      return `sqrt(${formatNum(e.operand)})`;
    case 'binary': {
      const precedence = e.op === '+' || e.op === '-' ? 1 : 2;
      // The right side of - and / groups: a - (b - c) differs from a - b - c.
      const rightContext = precedence + (e.op === '-' || e.op === '/' ? 1 : 0);
      const text = `${formatNum(e.left, precedence)} ${e.op} ${formatNum(e.right, rightContext)}`;
      return precedence < context ? `(${text})` : text;
    }
  }
}

export function formatInit(init: InitSpec): string {
  switch (init.kind) {
    case 'zeros':
    case 'ones':
    case 'glorot_uniform':
    case 'glorot_normal':
      return init.kind;
    case 'constant':
      return `constant(${formatNum(init.value)})`;
    case 'uniform':
      return `uniform(${formatNum(init.low)}, ${formatNum(init.high)})`;
    case 'normal':
      return `normal(${formatNum(init.mean)}, ${formatNum(init.std)})`;
    case 'orthogonal':
      return `orthogonal(${formatNum(init.gain)})`;
  }
}
