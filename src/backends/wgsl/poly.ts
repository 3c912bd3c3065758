/**
 * Sizes and offsets in the WGSL backend's one storage buffer are sums of
 * terms in the run-time sizes: a constant, B, T_x, T_x·B. A `Poly` keeps
 * them symbolic, so the same offset is written once as WGSL (for the
 * kernels) and once as TypeScript (for the host), and the two cannot drift.
 */
import type { Layout } from '../ts/layout.js';

/** Coefficient by monomial: '' is the constant, else factors joined by '*' ('B', 'T:x', 'T:x*B'). */
export type Poly = ReadonlyMap<string, number>;

export const zero: Poly = new Map();

export function constant(n: number): Poly {
  return n === 0 ? zero : new Map([['', n]]);
}

export function add(...terms: readonly Poly[]): Poly {
  const out = new Map<string, number>();
  for (const p of terms) for (const [m, c] of p) out.set(m, (out.get(m) ?? 0) + c);
  for (const [m, c] of out) if (c === 0) out.delete(m);
  return out;
}

export function scale(p: Poly, k: number): Poly {
  return new Map([...p].map(([m, c]) => [m, c * k] as const).filter(([, c]) => c !== 0));
}

/** The monomial of a value's lead axes: its time axis and batch, if any. */
export function leadMonomial(layout: Pick<Layout, 'time' | 'batch'>): string {
  return [...(layout.time !== null ? [`T:${layout.time}`] : []), ...(layout.batch ? ['B'] : [])].join('*');
}

/** How many floats a value holds. */
export function sizePoly(layout: Layout): Poly {
  return new Map([[leadMonomial(layout), layout.sample]]);
}

export function samePoly(a: Poly, b: Poly): boolean {
  return a.size === b.size && [...a].every(([m, c]) => b.get(m) === c);
}

export function isConstant(p: Poly): boolean {
  return [...p.keys()].every((m) => m === '');
}

/** The value of a poly for given sizes: B and each time axis's length. */
export function evaluate(p: Poly, B: number, lengths: Readonly<Record<string, number>>): number {
  let total = 0;
  for (const [m, c] of p) {
    let term = c;
    for (const f of m === '' ? [] : m.split('*')) term *= f === 'B' ? B : (lengths[f.slice(2)] as number);
    total += term;
  }
  return total;
}

/** Renders a poly with `factor` naming each run-time size ('B', or a time axis), as WGSL u32 or TypeScript. */
function render(p: Poly, factor: (f: string) => string, suffix: string): string {
  const terms = [...p]
    .sort(([a], [b]) => b.length - a.length || a.localeCompare(b))
    .map(([m, c]) => {
      const factors = m === '' ? [] : m.split('*').map(factor);
      if (factors.length === 0) return `${c}${suffix}`;
      return c === 1 ? factors.join(' * ') : `${factors.join(' * ')} * ${c}${suffix}`;
    });
  if (terms.length === 0) return `0${suffix}`;
  return terms.length === 1 ? terms[0] : `(${terms.join(' + ')})`;
}

/** A WGSL field name for a size: `B`, or `T_` and the axis name made safe. */
export function dimField(f: string): string {
  return f === 'B' ? 'B' : `T_${f.slice(2).replace(/[^A-Za-z0-9]/g, '_')}`;
}

/** The length of a time axis in WGSL: a field of the sizes uniform. */
export function timeLength(axis: string): string {
  return `dims.${dimField(`T:${axis}`)}`;
}

export function toWgsl(p: Poly): string {
  return render(p, (f) => `dims.${dimField(f)}`, 'u');
}

export function toTs(p: Poly): string {
  return render(p, (f) => `d.${dimField(f)}`, '');
}
