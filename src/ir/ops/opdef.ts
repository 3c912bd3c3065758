/**
 * What every primitive op defines, in one record: its type rule, reference
 * semantics and purity. Differentiation and the code generators add their
 * entries to the same records, so an op is one block of code end to end.
 */
import type { DType, Tensor } from '../../tensor/tensor.js';
import type { AttrMap, Graph, NodeId, OpKind } from '../graph.js';
import type { TensorType, ValueType } from '../types.js';

export type Value = Tensor | readonly Tensor[];

/** What `eval` may ask of the interpreter running it. */
export interface EvalContext {
  readonly dtype: DType;
  readonly batch: number;
  readonly sizes: Readonly<Record<string, number>>;
  readonly timeLengths: Readonly<Record<string, number>>;
  param(name: string): Tensor;
  input(name: string): Tensor;
  /** Each sample's number of steps along a time axis (all of them, when none were given). */
  lengths(axis: string): Tensor;
  /** The run's mode (1 train, 0 eval) and seed, which dropout's masks read. */
  noise(): Tensor;
  arg(index: number): Tensor;
  /** A user-supplied initial state for the layer state `name`, if any. */
  initialState(name: string): Tensor | undefined;
  /** Runs a closed graph (a scan body) on arguments and returns its outputs in order. */
  evalGraph(graph: Graph, args: readonly Tensor[]): Tensor[];
}

/** Adds the nodes of a gradient rule; types come from each op's rule as they are added. */
export interface VjpBuilder {
  add<K extends OpKind>(op: K, inputs: readonly NodeId[], attrs?: AttrMap[K]): NodeId;
  scalar(value: number): NodeId;
  type(id: NodeId): TensorType;
}

/**
 * What a gradient rule is given: the adjoint `g` of the op's output, and the
 * forward values it declared in `saves`, which are all that backpropagation
 * through time will keep from each step. Types are always available.
 */
export interface VjpArgs<K extends OpKind> {
  readonly g: NodeId;
  readonly attrs: AttrMap[K];
  /** How many inputs the op has (for variadic ops). */
  readonly inputCount: number;
  /** The k-th forward input; only for rules that save 'inputs'. */
  input(k: number): NodeId;
  /** The forward output; only for rules that save 'output'. */
  output(): NodeId;
  inputType(k: number): TensorType;
  outputType(): TensorType;
}

/** The adjoint of each input (null where there is none), of any type that broadcasts to it. */
export type VjpRule<K extends OpKind> = (b: VjpBuilder, a: VjpArgs<K>) => readonly (NodeId | null)[];

/**
 * Stack operations on vectors of four f32 lanes, in which elementwise ops
 * state their SIMD form: each pops its operands and pushes its result. The
 * WebAssembly backend implements them (backends/wasm/vector-math.ts).
 */
export interface VectorOps {
  constant(value: number): void;
  add(): void;
  sub(): void;
  mul(): void;
  div(): void;
  min(): void;
  max(): void;
  neg(): void;
  abs(): void;
  sqrt(): void;
  exp(): void;
  sigmoid(): void;
  tanh(): void;
  /** Comparisons: 1 where a < b (a ≤ b, a = b), else 0. */
  less(): void;
  lessEqual(): void;
  equal(): void;
  /** Pops c, a, b: a where c is not 0 (or is NaN), else b. */
  select(): void;
  floor(): void;
  /** Pops a, b: a − ⌊a / b⌋·b. */
  remainder(): void;
}

/** The forward values a gradient rule reads. */
export type Saves = 'nothing' | 'inputs' | 'output' | 'inputs and output';

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
  /** For elementwise ops: the scalar function as a TypeScript expression of its operands' expressions. */
  readonly ts?: (args: readonly string[]) => string;
  /**
   * For elementwise ops: the scalar function as a WGSL f32 expression of its
   * operands' expressions. It may call a function of `wgslFunctions`
   * (pointwise.ts), which every kernel calling it then defines.
   */
  readonly wgsl?: (args: readonly string[]) => string;
  /**
   * For elementwise ops: the function on four f32 lanes, written in `VectorOps`
   * with its operands on the stack (absent: the SIMD path runs the op in scalar code).
   */
  readonly simd?: (v: VectorOps) => void;
  /** Surface syntax, for messages and printing (`+`, `@`, `tanh`). */
  readonly symbol: string;
  /**
   * The vector–Jacobian product. 'structural' marks scan and get, which the
   * differentiator handles itself (a scan becomes a reverse scan).
   */
  readonly vjp: VjpRule<K> | 'structural';
  readonly saves: Saves;
}

export function tensorValue(v: Value): Tensor {
  if (Array.isArray(v)) throw new Error('expected a tensor, got a tuple');
  return v as Tensor;
}
