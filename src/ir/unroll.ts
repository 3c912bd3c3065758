/**
 * Flattens scans into one step-by-step DAG for display and analysis: each
 * step's body is copied, sequence inputs become `time_index` nodes and
 * per-step outputs are gathered by `time_stack`. Needs concrete lengths.
 */
import { GraphBuilder } from './builder.js';
import { type Graph, isOp, type NodeId } from './graph.js';
import type { TensorType } from './types.js';

export type TimeLengths = number | Readonly<Record<string, number>>;

function lengthOf(lengths: TimeLengths, axis: string): number {
  if (typeof lengths === 'number') return lengths;
  const n = lengths[axis];
  if (n === undefined) throw new Error(`no length given for time axis ${axis}`);
  return n;
}

/** Copies `graph` into `builder`, with `args` for its arg nodes; returns the ids of its nodes there. */
function copyInto(
  builder: GraphBuilder,
  graph: Graph,
  args: readonly NodeId[],
  lengths: TimeLengths,
  step?: number,
): NodeId[] {
  const mapped: NodeId[] = [];
  const tuples = new Map<NodeId, NodeId[]>();
  for (const node of graph.nodes) {
    const meta = {
      ...(node.span ? { span: node.span } : {}),
      ...(node.label ? { label: step === undefined ? node.label : `${node.label}@${step}` } : {}),
    };
    if (isOp(node, 'arg')) {
      mapped[node.id] = args[node.attrs.index];
    } else if (isOp(node, 'get') && tuples.has(node.inputs[0])) {
      mapped[node.id] = (tuples.get(node.inputs[0]) as NodeId[])[node.attrs.index];
    } else if (isOp(node, 'scan')) {
      const { nSeq, nState, body, reverse, keep, time } = node.attrs;
      const inputs = node.inputs.map((i) => mapped[i]);
      const seqs = inputs.slice(0, nSeq);
      let states = inputs.slice(nSeq, nSeq + nState);
      const invariants = inputs.slice(nSeq + nState);
      const length = lengthOf(lengths, time);
      const steps = Math.min(length, node.attrs.truncate?.steps ?? length);
      const perStep: NodeId[][] = [];
      let last: NodeId[] = [];
      for (let k = 0; k < steps; k++) {
        const t = reverse ? length - 1 - k : k;
        const slices = seqs.map((s) =>
          builder.add('time_index', [s], { index: t }, { label: `${node.attrs.layer}.x@${t}` }),
        );
        const inner = copyInto(builder, body, [...slices, ...states, ...invariants], lengths, t);
        const results = body.outputs.map((o) => inner[o.node]);
        states = results.slice(0, nState);
        last = results.slice(nState);
        perStep[t] = last;
      }
      if (steps < length) {
        // Truncated, as the scan's eval: zeros for the steps not run, and a cut carry.
        const zeros = (id: NodeId) => builder.add('const', [], { value: 0, type: builder.typeOf(id) as TensorType });
        last = last.map(zeros);
        for (let t = 0; t < length; t++) perStep[t] ??= last;
        const cut = node.attrs.truncate?.cut ?? 0;
        states = states.map((state, k) => (k < cut ? zeros(state) : state));
      }
      const outputs = last.map((value, k) =>
        keep[k] === 'all'
          ? builder.add(
              'time_stack',
              perStep.map((row) => row[k]),
              { time },
              { label: node.attrs.layer },
            )
          : value,
      );
      tuples.set(node.id, [...states, ...outputs]);
    } else {
      mapped[node.id] = builder.add(
        node.op,
        node.inputs.map((i) => mapped[i]),
        node.attrs as never,
        meta,
      );
    }
  }
  return mapped;
}

export function unroll(graph: Graph, lengths: TimeLengths): Graph {
  const builder = new GraphBuilder();
  const mapped = copyInto(builder, graph, [], lengths);
  for (const out of graph.outputs) builder.output(out.name, mapped[out.node], out.role);
  return builder.build();
}
