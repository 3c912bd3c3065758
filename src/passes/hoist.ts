/**
 * Hoisting out of scans. Step work that does not depend on the state leaves
 * the loop:
 * - work on the sequence inputs and invariants (W_i x_t + b_i, cuDNN's
 *   input projection) is done once for all steps, on the whole `[T, B, …]`
 *   sequence: a time-parallel GEMM over [T·B, I], fed back as a new
 *   sequence input of the step;
 * - work on invariants alone (packing gate weights) is done once, fed back as
 *   a new invariant.
 * Ops are written per sample and broadcast over time and batch, so the same
 * node applied to the sequence computes every step at once. Ops whose meaning
 * involves the time or batch axes themselves stay in the loop.
 */
import { GraphBuilder } from '../ir/builder.js';
import { type Graph, isOp, type Node, type NodeId, type OpKind, type ScanAttrs } from '../ir/graph.js';
import type { TensorType } from '../ir/types.js';
import {
  copyNode,
  describeNode,
  everyGraph,
  innerAdds,
  metaOf,
  type Pass,
  rewrite,
  sumTerms,
  timeOrBatchOps,
} from './pass.js';

/** Ops that read or change the time or batch axes: moving them out of the loop would change their meaning. */
/** What stays in the loop: time- or batch-dependent ops, and the step's own arguments. */
const pinned = new Set<OpKind>([...timeOrBatchOps, 'arg']);

/** What a step value depends on, from least to most: hoist everything below 'state'. */
const enum Depends {
  Constant = 0,
  Invariant = 1,
  Sequence = 2,
  State = 3,
}

function classify(attrs: ScanAttrs): Depends[] {
  const { body, nSeq, nState } = attrs;
  const kinds: Depends[] = [];
  for (const node of body.nodes) {
    if (isOp(node, 'arg')) {
      const k = node.attrs.index;
      kinds[node.id] = k < nSeq ? Depends.Sequence : k < nSeq + nState ? Depends.State : Depends.Invariant;
    } else if (isOp(node, 'const')) {
      kinds[node.id] = Depends.Constant;
    } else if (pinned.has(node.op)) {
      kinds[node.id] = Depends.State;
    } else {
      kinds[node.id] = Math.max(Depends.Constant, ...node.inputs.map((i) => kinds[i]));
      // A value along a memory's axis that also reads the step's input stays in the loop: computed
      // for all steps at once it would need both time axes (or pair the two up, were they the same).
      const alongMemory = node.type.kind === 'tensor' && node.type.time !== null;
      if (alongMemory && kinds[node.id] === Depends.Sequence) kinds[node.id] = Depends.State;
    }
  }
  return kinds;
}

/**
 * Regroups sums in the step so the terms that do not depend on the state
 * come first: ((W x + b_i) + U h) + b_h becomes ((W x + b_i) + b_h) + U h,
 * whose first part can then leave the loop. Only sums whose inner terms are
 * used once are regrouped; the result differs from the original only by
 * floating-point rounding.
 */
function regroupSums(attrs: ScanAttrs): { body: Graph; moved: number } {
  const { body } = attrs;
  const kinds = classify(attrs);
  const uses = new Array<number>(body.nodes.length).fill(0);
  for (const n of body.nodes) for (const i of n.inputs) uses[i]++;
  for (const o of body.outputs) uses[o.node]++;
  const innerAdd = (id: NodeId) => body.nodes[id].op === 'add' && uses[id] === 1;
  // Only the root of a sum is regrouped (its inner adds then go unused): regrouping each inner
  // add as well would walk the tree once per add.
  const inner = innerAdds(body, innerAdd);
  let moved = 0;
  const regrouped = rewrite(body, (n, _inputs, sb, lookup) => {
    if (n.op !== 'add' || kinds[n.id] !== Depends.State || inner.has(n.id)) return undefined;
    const terms = sumTerms(body, n.id, innerAdd);
    const free = terms.filter((t) => kinds[t] !== Depends.State);
    const bound = terms.filter((t) => kinds[t] === Depends.State);
    // Already grouped: the free terms form one leading operand.
    const firstBound = terms.findIndex((t) => kinds[t] === Depends.State);
    if (free.length < 2 || bound.length === 0 || firstBound >= free.length) return undefined;
    moved++;
    const sum = (ids: NodeId[]) => ids.map(lookup).reduce((acc, id) => sb.add('add', [acc, id], {}));
    return sb.add('add', [sum(free), sum(bound)], {}, metaOf(n));
  });
  return { body: regrouped, moved };
}

/** Hoists what it can out of one scan; returns the new scan's id in `b`, or undefined if nothing moved. */
function hoistScan(
  original: Node<'scan'>,
  inputs: readonly NodeId[],
  b: GraphBuilder,
  changes: string[],
): NodeId | undefined {
  const { body: regrouped, moved } = regroupSums(original.attrs);
  if (moved > 0)
    changes.push(
      `${original.attrs.layer}: regrouped ${moved} sum${moved === 1 ? '' : 's'} so their state-free terms come first`,
    );
  const node = { ...original, attrs: { ...original.attrs, body: regrouped } };
  const A = node.attrs;
  const { body, nSeq } = A;
  const kinds = classify(A);
  const isOutput = new Set(body.outputs.map((o) => o.node));
  const usedByState = new Set<NodeId>();
  for (const n of body.nodes) if (kinds[n.id] === Depends.State) for (const i of n.inputs) usedByState.add(i);
  const frontier = body.nodes.filter(
    (n) =>
      (kinds[n.id] === Depends.Sequence || kinds[n.id] === Depends.Invariant) &&
      !isOp(n, 'arg') &&
      (usedByState.has(n.id) || isOutput.has(n.id)),
  );
  if (frontier.length === 0) return moved > 0 ? b.add('scan', inputs, A, metaOf(node)) : undefined;

  // The hoisted sub-graphs, rebuilt outside on the scan's own inputs.
  const outside = new Map<NodeId, NodeId>();
  const outer = (id: NodeId): NodeId => {
    const known = outside.get(id);
    if (known !== undefined) return known;
    const n = body.nodes[id];
    const value = isOp(n, 'arg') ? inputs[n.attrs.index] : copyNode(b, n, n.inputs.map(outer));
    outside.set(id, value);
    return value;
  };
  const sequences = frontier.filter((n) => kinds[n.id] === Depends.Sequence);
  const invariants = frontier.filter((n) => kinds[n.id] === Depends.Invariant);
  const seqValues = sequences.map((n) => outer(n.id));
  const invValues = invariants.map((n) => outer(n.id));

  // The step, with hoisted values arriving as arguments: [seqs, new seqs, states, invariants, new invariants].
  const newSeqIndex = new Map(sequences.map((n, k) => [n.id, nSeq + k]));
  const total = inputs.length + sequences.length;
  const newInvIndex = new Map(invariants.map((n, k) => [n.id, total + k]));
  const step: Graph = rewrite(body, (n, _inputs, sb) => {
    if (isOp(n, 'arg')) {
      const k = n.attrs.index;
      return sb.add('arg', [], { ...n.attrs, index: k < nSeq ? k : k + sequences.length }, metaOf(n));
    }
    const index = newSeqIndex.get(n.id) ?? newInvIndex.get(n.id);
    if (index === undefined) return undefined;
    return sb.add('arg', [], { index, type: n.type as TensorType }, metaOf(n));
  });
  for (const n of sequences) changes.push(`${A.layer}: ${describeNode(n)} computed for all steps before the loop`);
  for (const n of invariants) changes.push(`${A.layer}: ${describeNode(n)} computed once, outside the loop`);
  return b.add(
    'scan',
    [...inputs.slice(0, nSeq), ...seqValues, ...inputs.slice(nSeq), ...invValues],
    { ...A, body: step, nSeq: nSeq + sequences.length, nInvariant: A.nInvariant + invariants.length },
    metaOf(node),
  );
}

export const hoist: Pass = {
  name: 'hoist',
  level: 2,
  description: 'move step work that does not depend on the state out of the loop (input projections, packing)',
  run: (graph) =>
    everyGraph(graph, (g, changes) => {
      if (!g.nodes.some((n) => isOp(n, 'scan'))) return g;
      return rewrite(g, (node, inputs, b) => (isOp(node, 'scan') ? hoistScan(node, inputs, b, changes) : undefined));
    }),
};
