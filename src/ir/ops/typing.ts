/** Shared type rules: broadcasting of lead axes and per-sample shapes. */
import { Dim, formatShape } from '../dims.js';
import { expectTensor, ShapeError, type TensorType, type ValueType } from '../types.js';

/** The lead axes of a result: the time axis (all must agree) and batch if any operand is batched. */
export function broadcastLeadTypes(types: readonly TensorType[]): { time: string | null; batched: boolean } {
  let time: string | null = null;
  for (const t of types) {
    if (t.time === null) continue;
    if (time !== null && time !== t.time) {
      throw new ShapeError(`the operands run along different time axes, ${time} and ${t.time}`);
    }
    time = t.time;
  }
  return { time, batched: types.some((t) => t.batched) };
}

/** numpy's broadcasting rule on symbolic per-sample shapes. */
export function broadcastSampleShapes(shapes: readonly (readonly Dim[])[]): Dim[] {
  const rank = Math.max(0, ...shapes.map((s) => s.length));
  const one = Dim.of(1);
  const out: Dim[] = new Array<Dim>(rank).fill(one);
  for (const s of shapes) {
    for (let k = 0; k < s.length; k++) {
      const axis = rank - s.length + k;
      if (s[k].equals(one)) continue;
      if (!out[axis].equals(one) && !out[axis].equals(s[k])) {
        throw new ShapeError(`shapes ${shapes.map(formatShape).join(' and ')} do not broadcast`);
      }
      out[axis] = s[k];
    }
  }
  return out;
}

export function elementwiseType(inputs: readonly ValueType[]): TensorType {
  const types = inputs.map((t, k) => expectTensor(t, `operand ${k + 1}`));
  return {
    kind: 'tensor',
    shape: broadcastSampleShapes(types.map((t) => t.shape)),
    ...broadcastLeadTypes(types),
  };
}

export function requireRank(type: TensorType, min: number, what: string): void {
  if (type.shape.length < min) {
    throw new ShapeError(`${what} needs a value with at least ${min} axis, got ${formatShape(type.shape)}`);
  }
}

/** A size that is known to be at most zero (so never valid), when that can be decided symbolically. */
/** Whether a size expression is ≤ 0 for every choice of sizes (sizes are ≥ 1): `H - 3*H`, `-1`. */
export function knownNonPositive(d: Dim): boolean {
  return d.constant <= 0 && d.terms.every(([, c]) => c <= 0);
}

/** Whether a size expression is < 0 for every choice of sizes (sizes are ≥ 1). */
export function knownNegative(d: Dim): boolean {
  return knownNonPositive(d) && (d.constant < 0 || d.terms.length > 0);
}
