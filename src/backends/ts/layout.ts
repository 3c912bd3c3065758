/** Concrete memory layouts of values in generated code: flat typed arrays, `[T?][B?][…shape]`. */
import type { TensorType } from '../../ir/types.js';

export interface Layout {
  /** The time axis this value runs along (its length is the runtime variable `T_<axis>`), or null. */
  readonly time: string | null;
  readonly batch: boolean;
  /** The per-sample shape, with sizes bound. */
  readonly shape: readonly number[];
  /** Values per sample. */
  readonly sample: number;
}

export function layoutOf(type: TensorType, sizes: Readonly<Record<string, number>>): Layout {
  const shape = type.shape.map((d) => d.evaluate(sizes));
  return { time: type.time, batch: type.batched, shape, sample: shape.reduce((a, b) => a * b, 1) };
}

/** The runtime variable holding the length of a time axis. */
export function timeVar(axis: string): string {
  return `T_${axis}`;
}

/** The number of samples (lead positions) as an expression of the runtime lengths `T_<axis>` and `B`. */
export function leadCount(l: Layout): string {
  return [l.time !== null ? timeVar(l.time) : '', l.batch ? 'B' : ''].filter(Boolean).join(' * ') || '1';
}

/** The number of values, as an expression. */
export function sizeOf(l: Layout): string {
  const lead = leadCount(l);
  if (lead === '1') return String(l.sample);
  return l.sample === 1 ? lead : `${lead} * ${l.sample}`;
}

export function sameLayout(a: Layout, b: Layout): boolean {
  return (
    a.time === b.time &&
    a.batch === b.batch &&
    a.shape.length === b.shape.length &&
    a.shape.every((d, k) => d === b.shape[k])
  );
}

/**
 * Where sample `l` of a result with lead axes `out` reads from a value with
 * lead axes `input` (broadcasting repeats a value along the axes it lacks).
 */
export function leadIndex(input: Layout, out: Layout, l: string): string {
  if (input.time === out.time && input.batch === out.batch) return l;
  if (input.time === null && !input.batch) return '0';
  if (input.time === null && input.batch && out.time !== null && out.batch) return `${l} % B`;
  if (input.time !== null && !input.batch && out.time !== null && out.batch) return `((${l} / B) | 0)`;
  throw new Error('a value cannot have lead axes its result lacks');
}
