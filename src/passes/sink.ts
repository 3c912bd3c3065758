/**
 * Weight-gradient batching: the dual of hoisting. In a scan (the reverse scan
 * of BPTT), work that the carried state does not need, the per-step weight
 * gradients g_t x_tᵀ summed into accumulators, and per-step outputs like
 * dx_t = W g_t, leaves the loop. The loop only emits the values that work
 * reads (the gate gradients g_t), and after the loop the same ops run on the
 * whole sequence: Σ_t unbroadcast(outer(g_t, x_t)) becomes
 * unbroadcast(outer(g, x)) over [T·B], one GEMM, and dx one GEMM too.
 *
 * An accumulator is a state whose next value is acc + c with c free of acc,
 * read nowhere else, starting from zero. Its total is c's sub-graph applied
 * to the sequences and summed over time (and batch) by an unbroadcast.
 */
import type { GraphBuilder } from '../ir/builder.js';
import { type Graph, isOp, type Node, type NodeId } from '../ir/graph.js';
import type { TensorType } from '../ir/types.js';
import { copyNode, everyGraph, metaOf, type Pass, rewrite, timeOrBatchOps } from './pass.js';

/** A sunk sub-graph may end in an unbroadcast (the sum over steps), but contain none of these. */
const pinned = timeOrBatchOps;

interface Plan {
  /** States whose next value is acc + contribution. */
  readonly accumulators: ReadonlyMap<number, NodeId>;
  /** Per-step outputs (index among step outputs) computed after the loop instead. */
  readonly sunkOutputs: ReadonlySet<number>;
  /** Step values the sunk work reads, emitted per step. */
  readonly boundary: readonly NodeId[];
}

function plan(scan: Node<'scan'>, outerInputs: readonly NodeId[], b: GraphBuilder): Plan | undefined {
  const { body, nSeq, nState } = scan.attrs;
  const uses = new Array<NodeId[]>(body.nodes.length).fill([]).map(() => [] as NodeId[]);
  for (const n of body.nodes) for (const i of n.inputs) uses[i].push(n.id);
  const argOf = new Map(body.nodes.flatMap((n) => (isOp(n, 'arg') ? [[n.attrs.index, n.id] as const] : [])));

  const accumulators = new Map<number, NodeId>();
  for (let s = 0; s < nState; s++) {
    const next = body.nodes[body.outputs[s].node];
    const arg = argOf.get(nSeq + s);
    const init = b.node(outerInputs[nSeq + s]);
    if (!isOp(next, 'add') || arg === undefined || !isOp(init, 'const') || init.attrs.value !== 0) continue;
    const k = next.inputs.indexOf(arg);
    if (k < 0 || uses[arg].length !== 1 || body.outputs.filter((o) => o.node === next.id).length !== 1) continue;
    accumulators.set(s, next.inputs[1 - k]);
  }

  // Everything the carried (non-accumulator) states need stays in the loop.
  const inLoop = new Set<NodeId>();
  const keep = (id: NodeId) => {
    if (inLoop.has(id)) return;
    inLoop.add(id);
    body.nodes[id].inputs.forEach(keep);
  };
  for (let s = 0; s < nState; s++) if (!accumulators.has(s)) keep(body.outputs[s].node);

  /** The sub-graph computing `root` from in-loop values, if it can run after the loop. */
  const sinkable = (root: NodeId, allowUnbroadcastRoot: boolean): boolean => {
    const ok = (id: NodeId, isRoot: boolean): boolean => {
      const n = body.nodes[id];
      // A value along a memory's axis cannot leave the loop: after it, or emitted once a step,
      // it would need two time axes.
      if (n.type.kind === 'tensor' && n.type.time !== null) return false;
      if (inLoop.has(id) || isOp(n, 'arg') || isOp(n, 'const')) return true;
      if (pinned.has(n.op) && !(isRoot && allowUnbroadcastRoot && isOp(n, 'unbroadcast') && !n.attrs.mean))
        return false;
      return n.inputs.every((i) => ok(i, false));
    };
    return !inLoop.has(root) && ok(root, true) && perStep(root);
  };
  /**
   * Whether a value reads something that changes from step to step. One that
   * does not (`output y = 2`) computed after the loop would have no time axis,
   * where the output it replaces has one: it stays in the loop.
   */
  const perStep = (id: NodeId): boolean => {
    const n = body.nodes[id];
    if (inLoop.has(id)) return true;
    if (isOp(n, 'arg')) return n.attrs.index < nSeq + nState;
    return n.inputs.some(perStep);
  };
  for (const [s, contribution] of [...accumulators]) if (!sinkable(contribution, true)) accumulators.delete(s);
  const sunkOutputs = new Set<number>();
  body.outputs.slice(nState).forEach((o, j) => {
    if (sinkable(o.node, false)) sunkOutputs.add(j);
  });
  if (accumulators.size === 0 && sunkOutputs.size === 0) return undefined;

  // The boundary: in-loop values (or state arguments) that sunk sub-graphs read.
  const boundary = new Set<NodeId>();
  const visit = (id: NodeId, seen: Set<NodeId>) => {
    if (seen.has(id)) return;
    seen.add(id);
    const n = body.nodes[id];
    const stateArg = isOp(n, 'arg') && n.attrs.index >= nSeq && n.attrs.index < nSeq + nState;
    if ((inLoop.has(id) && !isOp(n, 'arg') && !isOp(n, 'const')) || stateArg) boundary.add(id);
    else if (!isOp(n, 'arg') && !isOp(n, 'const')) n.inputs.forEach((i) => visit(i, seen));
  };
  const seen = new Set<NodeId>();
  for (const c of accumulators.values()) visit(c, seen);
  for (const j of sunkOutputs) visit(body.outputs[nState + j].node, seen);
  return { accumulators, sunkOutputs, boundary: [...boundary] };
}

function sinkScan(
  scan: Node<'scan'>,
  inputs: readonly NodeId[],
  b: GraphBuilder,
  changes: string[],
): NodeId[] | undefined {
  const A = scan.attrs;
  const { body, nSeq, nState } = A;
  const p = plan(scan, inputs, b);
  if (!p) return undefined;
  const nOut = body.outputs.length - nState;
  const keptStates = Array.from({ length: nState }, (_, s) => s).filter((s) => !p.accumulators.has(s));
  const keptOutputs = Array.from({ length: nOut }, (_, j) => j).filter((j) => !p.sunkOutputs.has(j));

  // The loop without the sunk work: kept states, kept outputs, then the boundary values per step.
  const stateIndex = new Map(keptStates.map((s, k) => [nSeq + s, nSeq + k]));
  const dropped = nState - keptStates.length;
  const step: Graph = rewrite(
    {
      nodes: body.nodes,
      outputs: [
        ...keptStates.map((s) => body.outputs[s]),
        ...keptOutputs.map((j) => body.outputs[nState + j]),
        ...p.boundary.map((id) => ({
          name: `${body.nodes[id].label ?? `%${id}`} per step`,
          node: id,
          role: 'step_output' as const,
        })),
      ],
    },
    (n, _inputs, sb) => {
      if (!isOp(n, 'arg')) return undefined;
      const k = n.attrs.index;
      const index = k < nSeq ? k : k < nSeq + nState ? stateIndex.get(k) : k - dropped;
      // An accumulator's own argument is read only by its sum, which no longer exists.
      return index === undefined
        ? sb.add('const', [], { value: 0, type: n.attrs.type })
        : sb.add('arg', [], { ...n.attrs, index }, metaOf(n));
    },
  );
  const loop = b.add(
    'scan',
    [...inputs.slice(0, nSeq), ...keptStates.map((s) => inputs[nSeq + s]), ...inputs.slice(nSeq + nState)],
    {
      ...A,
      body: step,
      nState: keptStates.length,
      stateNames: keptStates.map((s) => A.stateNames[s]),
      keep: [...keptOutputs.map((j) => A.keep[j]), ...p.boundary.map(() => 'all' as const)],
      ...(A.truncate ? { truncate: { ...A.truncate, cut: keptStates.filter((s) => s < A.truncate!.cut).length } } : {}),
    },
    metaOf(scan),
  );

  // The sunk work, after the loop, on whole sequences.
  const boundaryIndex = new Map(p.boundary.map((id, k) => [id, keptStates.length + keptOutputs.length + k]));
  const outside = new Map<NodeId, NodeId>();
  const after = (id: NodeId): NodeId => {
    const known = outside.get(id);
    if (known !== undefined) return known;
    const n = body.nodes[id];
    const emitted = boundaryIndex.get(id);
    let value: NodeId;
    if (emitted !== undefined) value = b.add('get', [loop], { index: emitted }, metaOf(n));
    else if (isOp(n, 'arg')) value = inputs[n.attrs.index];
    else value = copyNode(b, n, n.inputs.map(after));
    outside.set(id, value);
    return value;
  };
  const items: NodeId[] = [];
  keptStates.forEach((s, k) => (items[s] = b.add('get', [loop], { index: k })));
  for (const [s, contribution] of p.accumulators) {
    const c = body.nodes[contribution];
    const target = body.nodes[body.outputs[s].node].type as TensorType;
    // Σ_t c_t: the contribution's sub-graph on sequences, summed over time by its unbroadcast.
    const summed = isOp(c, 'unbroadcast') ? after(c.inputs[0]) : after(contribution);
    items[s] = b.add(
      'unbroadcast',
      [summed],
      { type: target, mean: false },
      { label: `${A.layer}: ${A.stateNames[s]} (batched)` },
    );
  }
  keptOutputs.forEach((j, k) => (items[nState + j] = b.add('get', [loop], { index: keptStates.length + k })));
  for (const j of p.sunkOutputs) items[nState + j] = after(body.outputs[nState + j].node);
  changes.push(
    `${A.layer}: ${p.accumulators.size} accumulated gradient${p.accumulators.size === 1 ? '' : 's'} and ${p.sunkOutputs.size} per-step output${p.sunkOutputs.size === 1 ? '' : 's'} computed after the loop from ${p.boundary.length} per-step value${p.boundary.length === 1 ? '' : 's'}`,
  );
  return items;
}

export const batchWeightGradients: Pass = {
  name: 'batch-gradients',
  level: 2,
  description: 'compute weight gradients and per-step outputs after the loop, as GEMMs over all steps',
  run: (graph) =>
    everyGraph(graph, (g, changes) => {
      if (!g.nodes.some((n) => isOp(n, 'scan'))) return g;
      const tuples = new Map<NodeId, NodeId[]>();
      return rewrite(g, (node, inputs, b) => {
        if (isOp(node, 'scan')) {
          const items = sinkScan(node, inputs, b, changes);
          if (!items) return undefined;
          tuples.set(node.id, items);
          // The scan's own slot: its replacement is read through `get`, rewired below.
          return items[0];
        }
        if (isOp(node, 'get') && tuples.has(node.inputs[0]))
          return (tuples.get(node.inputs[0]) as NodeId[])[node.attrs.index];
        return undefined;
      });
    }),
};
