/**
 * The reference interpreter: evaluates a graph node by node with each op's
 * `eval`. It is the oracle every backend is tested against, so it is written
 * for clarity, in f64 (or f32 to mirror single-precision backends).
 */
import { UserError } from '../diagnostics.js';
import type { Graph } from '../ir/graph.js';
import type { EvalContext, Value } from '../ir/ops/opdef.js';
import { opDef } from '../ir/ops/registry.js';
import { type DType, Tensor } from '../tensor/tensor.js';
import { byName, mergeByName, own } from '../names.js';

export interface Bindings {
  readonly dtype: DType;
  /** The model's sizes (I, H, …). */
  readonly sizes: Readonly<Record<string, number>>;
  readonly params: Readonly<Record<string, Tensor>>;
  readonly inputs: Readonly<Record<string, Tensor>>;
  /** Overrides of layers' initial states, by qualified name (`enc.h`). */
  readonly initialStates?: Readonly<Record<string, Tensor>>;
  readonly batch: number;
  readonly timeLengths: Readonly<Record<string, number>>;
  /** Per-sample lengths by time axis (a batch of numbers each); an axis not given runs every sample whole. */
  readonly lengths?: Readonly<Record<string, Tensor>>;
  /** The mode and seed dropout's masks read: eval (no masks) when not given. */
  readonly noise?: readonly [number, number];
}

/** Evaluates every node of `graph` and returns its named outputs. */
export function interpret(graph: Graph, bindings: Bindings): Record<string, Tensor> {
  const values = evaluateGraph(graph, bindings, []);
  const result: Record<string, Tensor> = byName();
  for (const out of graph.outputs) result[out.name] = values[out.node] as Tensor;
  return result;
}

/** Evaluates a closed graph and returns the value of every node, by id. */
export function evaluateGraph(graph: Graph, bindings: Bindings, args: readonly Tensor[]): Value[] {
  const ctx: EvalContext = {
    dtype: bindings.dtype,
    batch: bindings.batch,
    sizes: mergeByName(bindings.sizes, bindings.timeLengths),
    timeLengths: bindings.timeLengths,
    param: (name) => {
      const p = own(bindings.params, name);
      if (p === undefined) throw new UserError(`no value for param '${name}'`);
      return p;
    },
    input: (name) => {
      const x = own(bindings.inputs, name);
      if (x === undefined) throw new UserError(`no value for input '${name}'`);
      return x;
    },
    lengths: (axis) => {
      const given = own(bindings.lengths, axis);
      if (given !== undefined) return given;
      const full = Tensor.zeros(bindings.dtype, { time: null, batch: bindings.batch }, []);
      full.data.fill(own(bindings.timeLengths, axis) ?? 0);
      return full;
    },
    noise: () => {
      const t = Tensor.zeros(bindings.dtype, { time: null, batch: null }, [2]);
      t.data.set(bindings.noise ?? [0, 0]);
      return t;
    },
    arg: (index) => {
      const a = args[index];
      if (a === undefined) throw new Error(`graph argument ${index} was not passed`);
      return a;
    },
    initialState: (name) => own(bindings.initialStates, name),
    evalGraph: (body, bodyArgs) => {
      const bodyValues = evaluateGraph(body, bindings, bodyArgs);
      return body.outputs.map((o) => bodyValues[o.node] as Tensor);
    },
  };
  const values: Value[] = new Array<Value>(graph.nodes.length);
  for (const node of graph.nodes) {
    const inputs = node.inputs.map((i) => values[i]);
    values[node.id] = opDef(node.op).eval(inputs, node.attrs as never, ctx);
  }
  return values;
}
