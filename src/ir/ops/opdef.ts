/**
 * What every primitive op defines, in one record: its type rule, reference
 * semantics and purity. Differentiation and the code generators add their
 * entries to the same records, so an op is one block of code end to end.
 */
import type { DType, Tensor } from '../../tensor/tensor.js';
import type { AttrMap, Graph, OpKind } from '../graph.js';
import type { ValueType } from '../types.js';

export type Value = Tensor | readonly Tensor[];

/** What `eval` may ask of the interpreter running it. */
export interface EvalContext {
  readonly dtype: DType;
  readonly batch: number;
  readonly sizes: Readonly<Record<string, number>>;
  readonly timeLengths: Readonly<Record<string, number>>;
  param(name: string): Tensor;
  input(name: string): Tensor;
  arg(index: number): Tensor;
  /** A user-supplied initial state for the layer state `name`, if any. */
  initialState(name: string): Tensor | undefined;
  /** Runs a closed graph (a scan body) on arguments and returns its outputs in order. */
  evalGraph(graph: Graph, args: readonly Tensor[]): Tensor[];
}

export interface OpDef<K extends OpKind = OpKind> {
  readonly kind: K;
  /** Number of inputs, or 'variadic' for one or more. */
  readonly arity: number | 'variadic';
  /** Free of side effects: dead-code elimination may drop it and CSE may merge two of them. */
  readonly pure: boolean;
  /** The result type; throws `ShapeError` with a sentence a user can act on. */
  readonly type: (inputs: readonly ValueType[], attrs: AttrMap[K]) => ValueType;
  /** Reference semantics, used by the interpreter and constant folding. */
  readonly eval: (inputs: readonly Value[], attrs: AttrMap[K], ctx: EvalContext) => Value;
  /** For elementwise ops: the scalar function (the reference for per-op tests). */
  readonly pointwise?: (...xs: number[]) => number;
  /** Surface syntax, for messages and printing (`+`, `@`, `tanh`). */
  readonly symbol: string;
}

export function tensorValue(v: Value): Tensor {
  if (Array.isArray(v)) throw new Error('expected a tensor, got a tuple');
  return v as Tensor;
}
