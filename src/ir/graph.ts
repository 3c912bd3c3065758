/**
 * The graph IR: an SSA dataflow graph. Nodes are stored in topological order
 * (every input id is smaller than the node's own id), each with an op from the
 * registry, its inputs, attributes and its type. Recurrence is a structured
 * `scan` node whose attributes hold the cell's step graph, a closed `Graph` of
 * its own whose `arg` nodes are the scan's inputs.
 */
import type { SourceSpan } from '../diagnostics.js';
import type { Dim } from './dims.js';
import type { InitSpec } from './init.js';
import type { MaskKind } from './ops/noise.js';
import type { TensorType, ValueType } from './types.js';

export type NodeId = number;

export type LossReduction = 'sum' | 'mean';

export interface ScanAttrs {
  /** The step function: args are [sequence slices..., previous states..., invariants...]. */
  readonly body: Graph;
  readonly nSeq: number;
  readonly nState: number;
  readonly nInvariant: number;
  /** Walk time from the last step to the first. Outputs stay aligned with input time. */
  readonly reverse: boolean;
  /** For each per-step output: every step (a sequence) or only the last step processed. */
  readonly keep: readonly ('all' | 'last')[];
  /**
   * Truncated BPTT, in a reverse scan: run at most `steps` steps. The outputs
   * of the steps not run are zero, and when the sequence is longer the first
   * `cut` states (the carried state gradients, not the accumulated param
   * gradients after them) end as zero, because the carry is cut there.
   */
  readonly truncate?: { readonly steps: number; readonly cut: number };
  /** The time axis the scan walks. */
  readonly time: string;
  /**
   * Each sample runs for its own number of steps along `time` (its lengths, src/ir/lengths.ts):
   * at a step past a sample's length, its states keep their values and its per-step outputs are
   * zero, whatever the step computes for it. A backend may then skip those samples' rows.
   */
  readonly ragged?: boolean;
  /**
   * Set by the skip-ended-rows pass on a ragged scan: the backend computes, at each step, only the
   * rows of the samples still running (src/backends/ts/ragged.ts).
   */
  readonly skipEnded?: boolean;
  /** The layer (and direction) this scan implements, for names and messages. */
  readonly layer: string;
  readonly stateNames: readonly string[];
}

/** Attributes of every op; an op with none has `{}`. */
export interface AttrMap {
  neg: object;
  sigmoid: object;
  tanh: object;
  relu: object;
  exp: object;
  log: object;
  sqrt: object;
  abs: object;
  softplus: object;
  hard_sigmoid: object;
  add: object;
  sub: object;
  mul: object;
  div: object;
  min: object;
  max: object;
  less: object;
  less_equal: object;
  equal: object;
  where: object;
  mod: object;
  floor: object;
  matmul: object;
  sum: object;
  mean: object;
  reduce_max: object;
  reduce_min: object;
  softmax: object;
  log_softmax: object;
  concat: object;
  slice: { readonly start: Dim; readonly end: Dim };
  const: { readonly value: number; readonly type: TensorType };
  /** A number given by sizes (`H`, `2*k`), known once sizes are bound: a cell's sizes and hyperparameters read as values. */
  number: { readonly value: Dim };
  /** The identity matrix of a size. */
  eye: { readonly size: Dim };
  /** Along a sequence's time axis: each step's index (0, 1, …) or, with `count`, the number of steps. */
  positions: { readonly count: boolean };
  param: { readonly name: string; readonly type: TensorType; readonly init: InitSpec };
  /**
   * A model input; with role `lengths`, the per-sample lengths of the time axis `name`
   * (src/ir/lengths.ts); with role `noise`, the run's mode and seed that dropout reads (ops/noise.ts).
   */
  input: {
    readonly name: string;
    readonly role: 'input' | 'target' | 'lengths' | 'noise';
    readonly type: TensorType;
    /** Token ids below this number (`token(V)`), one a step, instead of vectors. */
    readonly vocabulary?: Dim;
  };
  arg: { readonly index: number; readonly type: TensorType };
  state_init: { readonly name: string };
  broadcast_batch: object;
  scan: ScanAttrs;
  get: { readonly index: number };
  time_index: { readonly index: number };
  time_stack: { readonly time: string };
  time_max: object;
  /** Token ids: an embedding lookup, its gradient's sparse row update, and one-hot vectors. */
  gather_rows: object;
  scatter_rows: { readonly rows: Dim };
  one_hot: { readonly size: Dim };
  /** Dropout's and zoneout's masks (ops/noise.ts); `salt` tells a model's masks apart. */
  random_mask: { readonly kind: MaskKind; readonly p: Dim; readonly salt: number; readonly type: TensorType };
  reduce_lead: { readonly mode: LossReduction };
  // Ops that gradients are made of:
  step: object;
  sign: object;
  transpose: object;
  outer: object;
  expand_last: { readonly size: Dim; readonly mean: boolean };
  pad_last: { readonly before: Dim; readonly after: Dim };
  time_place: { readonly index: number; readonly time: string };
  time_shift: { readonly reverse: boolean };
  unbroadcast: { readonly type: TensorType; readonly mean: boolean };
  broadcast_to: { readonly type: TensorType; readonly mean: boolean };
  default_adjoint: { readonly name: string };
  // Ops of optimized graphs:
  stack_rows: object;
  slice_rows: { readonly start: Dim; readonly end: Dim };
}

export type OpKind = keyof AttrMap;

export interface Node<K extends OpKind = OpKind> {
  readonly id: NodeId;
  readonly op: K;
  readonly inputs: readonly NodeId[];
  readonly attrs: AttrMap[K];
  readonly type: ValueType;
  /** Where in the source this value comes from, for diagnostics and comments in emitted code. */
  readonly span?: SourceSpan;
  /** The source name or equation this node computes (`c'`, `i`), when it has one. */
  readonly label?: string;
}

export type OutputRole = 'output' | 'loss' | 'final_state' | 'next_state' | 'step_output' | 'gradient';

export interface GraphOutput {
  readonly name: string;
  readonly node: NodeId;
  readonly role: OutputRole;
}

export interface Graph {
  readonly nodes: readonly Node[];
  readonly outputs: readonly GraphOutput[];
}

/** Narrows a node to one op, so its attributes are typed. */
export function isOp<K extends OpKind>(node: Node, op: K): node is Node<K> {
  return node.op === op;
}

export function tensorOf(node: Node): TensorType {
  if (node.type.kind !== 'tensor') throw new Error(`node %${node.id} (${node.op}) is not a tensor`);
  return node.type;
}

/** Every graph in a tree of scans, outermost first. */
export function* allGraphs(graph: Graph): Generator<Graph> {
  yield graph;
  for (const node of graph.nodes) if (isOp(node, 'scan')) yield* allGraphs(node.attrs.body);
}

export function outputNode(graph: Graph, name: string): Node | undefined {
  const out = graph.outputs.find((o) => o.name === name);
  return out === undefined ? undefined : graph.nodes[out.node];
}

/** Whether a node is an input or target of data (not lengths, not the mode and seed). */
export function isDataInput(n: Node): n is Node<'input'> & { attrs: { role: 'input' | 'target' } } {
  return isOp(n, 'input') && (n.attrs.role === 'input' || n.attrs.role === 'target');
}

/** What a graph reads as data: its inputs and targets (not the lengths of its time axes). */
export function dataInputs(graph: Graph): {
  readonly name: string;
  readonly role: 'input' | 'target';
  readonly type: TensorType;
  readonly vocabulary?: Dim;
}[] {
  return graph.nodes.filter(isDataInput).map((n) => n.attrs);
}

/** Whether a graph draws random masks (dropout, zoneout), so that it reads a mode and a seed. */
export function isNoisy(graph: Graph): boolean {
  return graph.nodes.some((n) => isOp(n, 'input') && n.attrs.role === 'noise');
}
