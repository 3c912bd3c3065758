/**
 * Conversion between JSON-style nested arrays and tensors, with checks that
 * name the value, the expected layout and the first place that is wrong.
 */
import { UserError } from '../diagnostics.js';
import type { TensorType } from '../ir/types.js';
import { allocate, type DType, type Lead, Tensor } from '../tensor/tensor.js';

export type Nested = number | Nested[];
export type Layout = 'time-major' | 'batch-major';

/** Sizes of a nested array along its first elements, e.g. [T, B, I]. */
function nestedShape(value: unknown): number[] {
  const shape: number[] = [];
  let v = value;
  while (Array.isArray(v)) {
    shape.push(v.length);
    v = v[0];
  }
  return shape;
}

function flatten(name: string, value: unknown, shape: readonly number[], dtype: DType): Float64Array | Float32Array {
  const out = allocate(
    dtype,
    shape.reduce((a, b) => a * b, 1),
  );
  let at = 0;
  const walk = (v: unknown, depth: number, path: string): void => {
    if (depth === shape.length) {
      if (typeof v !== 'number' || !Number.isFinite(v)) {
        throw new UserError(`${name}${path}: expected a finite number, got ${JSON.stringify(v) ?? String(v)}`);
      }
      out[at++] = v;
      return;
    }
    if (!Array.isArray(v) || v.length !== shape[depth]) {
      const got = Array.isArray(v) ? `an array of ${v.length}` : (JSON.stringify(v) ?? String(v));
      throw new UserError(
        `${name}${path}: expected an array of ${shape[depth]} (rows must all be the same length), got ${got}`,
      );
    }
    v.forEach((item, k) => walk(item, depth + 1, `${path}[${k}]`));
  };
  walk(value, 0, '');
  return out;
}

/** The layout a value of this type is written in, for messages: `[T][B][3]`. */
export function describeLayout(type: TensorType, sizes: Readonly<Record<string, number>>, layout: Layout): string {
  const lead: string[] = [];
  if (type.time !== null) lead.push(type.time);
  if (type.batched) lead.push('B');
  if (layout === 'batch-major' && lead.length === 2) lead.reverse();
  const sample = type.shape.map((d) => {
    try {
      return String(d.evaluate(sizes));
    } catch {
      return d.toString();
    }
  });
  return [...lead, ...sample].map((d) => `[${d}]`).join('');
}

/**
 * Reads a nested array as a value of `type`. Lead lengths (T, B) come from
 * the data; per-sample sizes must match `sizes`.
 */
export function tensorFromNested(
  name: string,
  value: unknown,
  type: TensorType,
  sizes: Readonly<Record<string, number>>,
  dtype: DType,
  layout: Layout = 'time-major',
): Tensor {
  const sample = type.shape.map((d) => d.evaluate(sizes));
  const leadRank = (type.time !== null ? 1 : 0) + (type.batched ? 1 : 0);
  const shape = nestedShape(value);
  const expected = describeLayout(type, sizes, layout);
  if (shape.length !== leadRank + sample.length) {
    throw new UserError(`${name}: expected ${expected} (${layout}), got an array nested ${shape.length} deep`);
  }
  for (let k = 0; k < sample.length; k++) {
    if (shape[leadRank + k] !== sample[k]) {
      throw new UserError(`${name}: expected ${expected}, but axis ${leadRank + k} has length ${shape[leadRank + k]}`);
    }
  }
  const data = flatten(name, value, shape, dtype);
  const lead: Lead = {
    time: type.time !== null ? shape[layout === 'batch-major' && type.batched ? 1 : 0] : null,
    batch: type.batched ? shape[type.time !== null && layout === 'time-major' ? 1 : 0] : null,
  };
  if ((lead.time ?? 1) === 0 || (lead.batch ?? 1) === 0) throw new UserError(`${name}: the data is empty`);
  const tensor = new Tensor(data, lead, sample);
  return layout === 'batch-major' && type.time !== null && type.batched ? swapLead(tensor) : tensor;
}

/** Swaps [B][T] and [T][B] order in memory (the lead flags stay; only the layout moves). */
function swapLead(t: Tensor): Tensor {
  const time = t.lead.time ?? 1;
  const batch = t.lead.batch ?? 1;
  const size = t.sampleSize;
  const out = allocate(t.dtype, t.data.length);
  // Input memory is [batch][time][sample]; output is [time][batch][sample].
  for (let b = 0; b < batch; b++) {
    for (let s = 0; s < time; s++) {
      out.set(t.data.subarray((b * time + s) * size, (b * time + s + 1) * size), (s * batch + b) * size);
    }
  }
  return new Tensor(out, t.lead, t.shape);
}

/** A tensor as nested arrays, in the requested layout. */
export function tensorToNested(t: Tensor, layout: Layout = 'time-major'): Nested {
  const full = t.fullShape;
  const values = Array.from(t.data);
  const build = (depth: number, offset: number, stride: number): Nested => {
    if (depth === full.length) return values[offset];
    const inner = stride / full[depth];
    return Array.from({ length: full[depth] }, (_, k) => build(depth + 1, offset + k * inner, inner));
  };
  const nested = build(0, 0, values.length);
  if (layout === 'batch-major' && t.lead.time !== null && t.lead.batch !== null) {
    const rows = nested as Nested[][];
    return rows[0].map((_, b) => rows.map((step) => step[b]));
  }
  return nested;
}
