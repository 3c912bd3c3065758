/**
 * Symbolic sizes. A `Dim` is a linear combination of named sizes plus a
 * constant (`4*H`, `H + I`, `7`). Linear forms are closed under everything the
 * language does to sizes (concat adds, slice subtracts, a literal scales), so
 * shapes stay symbolic until a model is bound to concrete sizes, and two
 * shapes are equal exactly when their canonical forms are.
 */
import { own } from '../names.js';
export class Dim {
  /** `terms` is sorted by name and holds no zero coefficients (canonical form). */
  private constructor(
    readonly constant: number,
    readonly terms: ReadonlyArray<readonly [string, number]>,
  ) {}

  static of(value: number): Dim {
    return new Dim(value, []);
  }

  static named(name: string): Dim {
    return new Dim(0, [[name, 1]]);
  }

  static from(value: number | string | Dim): Dim {
    if (value instanceof Dim) return value;
    return typeof value === 'number' ? Dim.of(value) : Dim.named(value);
  }

  private static make(constant: number, coefficients: Map<string, number>): Dim {
    const terms = [...coefficients.entries()]
      .filter(([, c]) => c !== 0)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return new Dim(constant, terms);
  }

  private coefficients(): Map<string, number> {
    return new Map(this.terms.map(([n, c]) => [n, c]));
  }

  add(other: Dim): Dim {
    const sum = this.coefficients();
    for (const [name, c] of other.terms) sum.set(name, (sum.get(name) ?? 0) + c);
    return Dim.make(this.constant + other.constant, sum);
  }

  sub(other: Dim): Dim {
    return this.add(other.scale(-1));
  }

  scale(factor: number): Dim {
    const scaled = new Map(this.terms.map(([n, c]) => [n, c * factor] as [string, number]));
    return Dim.make(this.constant * factor, scaled);
  }

  get isConstant(): boolean {
    return this.terms.length === 0;
  }

  /** The names this size depends on. */
  get names(): string[] {
    return this.terms.map(([n]) => n);
  }

  equals(other: Dim): boolean {
    if (this.constant !== other.constant || this.terms.length !== other.terms.length) return false;
    return this.terms.every(([n, c], k) => other.terms[k][0] === n && other.terms[k][1] === c);
  }

  /** Replaces named sizes by other sizes (instantiating a cell with a model's sizes). */
  substitute(binding: ReadonlyMap<string, Dim>): Dim {
    let result = Dim.of(this.constant);
    for (const [name, c] of this.terms) {
      const replacement = binding.get(name) ?? Dim.named(name);
      result = result.add(replacement.scale(c));
    }
    return result;
  }

  /** The concrete size under `env`; throws naming the first unbound size. */
  evaluate(env: Readonly<Record<string, number>>): number {
    let value = this.constant;
    for (const [name, c] of this.terms) {
      const bound = own(env, name);
      if (bound === undefined) throw new Error(`size '${name}' has no value`);
      value += c * bound;
    }
    return value;
  }

  toString(): string {
    const parts: string[] = [];
    // Positive terms first, so `I - 2*H` rather than `-2*H + I`.
    const ordered = [...this.terms.filter(([, c]) => c > 0), ...this.terms.filter(([, c]) => c < 0)];
    for (const [name, c] of ordered) {
      const magnitude = Math.abs(c);
      const term = magnitude === 1 ? name : `${magnitude}*${name}`;
      if (parts.length === 0) parts.push(c < 0 ? `-${term}` : term);
      else parts.push(c < 0 ? `- ${term}` : `+ ${term}`);
    }
    if (this.constant !== 0 || parts.length === 0) {
      if (parts.length === 0) parts.push(String(this.constant));
      else parts.push(this.constant < 0 ? `- ${-this.constant}` : `+ ${this.constant}`);
    }
    return parts.join(' ');
  }

  toJSON(): string {
    return this.toString();
  }
}

export function shapesEqual(a: readonly Dim[], b: readonly Dim[]): boolean {
  return a.length === b.length && a.every((d, k) => d.equals(b[k]));
}

export function formatShape(shape: readonly Dim[]): string {
  return `[${shape.map((d) => d.toString()).join(', ')}]`;
}
