/**
 * Dead-code elimination: drops every node no output needs, in every scan
 * body too, and the scan inputs whose step no longer reads them (never
 * states, and always one sequence, which gives the loop its length).
 */
import type { GraphBuilder } from '../ir/builder.js';
import { isOp, type Node, type NodeId } from '../ir/graph.js';
import { keepOutputs } from '../ir/prune.js';
import { everyGraph, metaOf, type Pass, rewrite } from './pass.js';

function pruneScanInputs(
  node: Node<'scan'>,
  inputs: readonly NodeId[],
  b: GraphBuilder,
): { id: NodeId; dropped: number } | undefined {
  const A = node.attrs;
  const read = new Set(A.body.nodes.flatMap((n) => (isOp(n, 'arg') ? [n.attrs.index] : [])));
  const keep = inputs.map((_, k) => (k >= A.nSeq && k < A.nSeq + A.nState ? true : read.has(k)));
  if (!keep.slice(0, A.nSeq).some(Boolean)) keep[0] = true;
  const dropped = keep.filter((k) => !k).length;
  if (dropped === 0) return undefined;
  const newIndex: number[] = [];
  keep.forEach((kept, k) => {
    if (kept) newIndex[k] = newIndex.filter((v) => v !== undefined).length;
  });
  const body = rewrite(A.body, (n, _inputs, sb) =>
    isOp(n, 'arg') ? sb.add('arg', [], { ...n.attrs, index: newIndex[n.attrs.index] }, metaOf(n)) : undefined,
  );
  const count = (from: number, to: number) => keep.slice(from, to).filter(Boolean).length;
  const attrs = {
    ...A,
    body,
    nSeq: count(0, A.nSeq),
    nInvariant: count(A.nSeq + A.nState, inputs.length),
  };
  return {
    id: b.add(
      'scan',
      inputs.filter((_, k) => keep[k]),
      attrs,
      metaOf(node),
    ),
    dropped,
  };
}

export const dce: Pass = {
  name: 'dce',
  level: 1,
  description: 'remove nodes no output needs, and scan inputs no step reads',
  run: (graph) =>
    everyGraph(graph, (g, changes) => {
      let droppedInputs = 0;
      const pruned = rewrite(g, (node, inputs, b) => {
        if (!isOp(node, 'scan')) return undefined;
        const result = pruneScanInputs(node, inputs, b);
        droppedInputs += result?.dropped ?? 0;
        return result?.id;
      });
      const kept = keepOutputs(pruned, () => true);
      const removed = pruned.nodes.length - kept.nodes.length;
      if (removed > 0) changes.push(`removed ${removed} unused node${removed === 1 ? '' : 's'}`);
      if (droppedInputs > 0)
        changes.push(`dropped ${droppedInputs} scan input${droppedInputs === 1 ? '' : 's'} no step reads`);
      return kept;
    }),
};
