import { Dim, formatShape, shapesEqual } from './dims.js';

/**
 * The type of a value: a per-sample shape plus two leading axes that are
 * tracked as flags rather than dimensions. `time` names the sequence axis the
 * value runs along (null for a value at one step); `batched` says it has a
 * batch axis. Memory layout is `[time?][batch?][...shape]`, row-major, so
 * sequences are time-major `[T, B, features]`.
 *
 * Keeping the lead axes apart from the shape makes broadcasting the familiar
 * numpy rule on per-sample shapes: a param `[H]` meets a batched `[H]` value
 * without any alignment puzzles, and ops like matmul read per-sample math.
 */
export interface TensorType {
  readonly kind: 'tensor';
  readonly shape: readonly Dim[];
  readonly batched: boolean;
  readonly time: string | null;
}

/** What a `scan` node produces: final states then per-step outputs. */
export interface TupleType {
  readonly kind: 'tuple';
  readonly items: readonly TensorType[];
}

export type ValueType = TensorType | TupleType;

export function tensorType(
  shape: readonly (Dim | number | string)[],
  lead: { batched?: boolean; time?: string | null } = {},
): TensorType {
  return {
    kind: 'tensor',
    shape: shape.map((d) => Dim.from(d)),
    batched: lead.batched ?? false,
    time: lead.time ?? null,
  };
}

export const scalarType: TensorType = tensorType([]);

export function withShape(type: TensorType, shape: readonly Dim[]): TensorType {
  return { ...type, shape };
}

export function typesEqual(a: ValueType, b: ValueType): boolean {
  if (a.kind === 'tuple' || b.kind === 'tuple') {
    if (a.kind !== 'tuple' || b.kind !== 'tuple') return false;
    return a.items.length === b.items.length && a.items.every((t, k) => typesEqual(t, b.items[k]));
  }
  return a.batched === b.batched && a.time === b.time && shapesEqual(a.shape, b.shape);
}

export function formatType(type: ValueType): string {
  if (type.kind === 'tuple') return `(${type.items.map(formatType).join(', ')})`;
  const lead = `${type.time !== null ? `seq(${type.time}) ` : ''}${type.batched ? 'batch ' : ''}`;
  return `${lead}${formatShape(type.shape)}`;
}

/** Raised by an op's type rule; the frontend turns it into a located diagnostic. */
export class ShapeError extends Error {
  override name = 'ShapeError';
}

export function expectTensor(type: ValueType, what: string): TensorType {
  if (type.kind !== 'tensor') throw new ShapeError(`${what} must be a tensor, not a tuple`);
  return type;
}
