/**
 * Marks the scans over a ragged batch whose steps may compute only the rows of the samples still
 * running (`ScanAttrs.skipEnded`): the work of a batch then follows its real steps, as packed
 * sequences do, instead of the padded ones the masks alone would cost. The TypeScript backend
 * acts on the mark (src/backends/ts/ragged.ts); the WGSL kernels run every row of a step at once
 * and keep masking.
 */
import { type Graph, isOp, type Node } from '../ir/graph.js';
import type { TensorType } from '../ir/types.js';
import { metaOf, type Pass, rewrite } from './pass.js';

/** Why a ragged scan must compute every row, or undefined when it need not. */
function whyEveryRow(graph: Graph, node: Node<'scan'>): string | undefined {
  const A = node.attrs;
  if (A.keep.some((k) => k !== 'all')) return 'it keeps an output of its last step only';
  const invariants = node.inputs.slice(A.nSeq + A.nState).map((i) => graph.nodes[i].type as TensorType);
  // A memory's rows are strided by the whole batch, which a step over fewer rows cannot read.
  if (invariants.some((t) => t.batched && t.time !== null)) return 'its step reads a batched sequence whole';
  if (A.body.nodes.some((n) => isOp(n, 'random_mask'))) return "its step draws masks numbered by each sample's row";
  if (A.body.nodes.some((n) => (n.attrs as { mean?: unknown }).mean === true))
    return 'its step averages over the batch';
  return undefined;
}

export const skipEndedRows: Pass = {
  name: 'skip-ended-rows',
  level: 2,
  description: "in a scan over a ragged batch, computes each step's rows for the samples still running only",
  run: (graph) => {
    const changes: string[] = [];
    const result = rewrite(graph, (node, inputs, b) => {
      if (!isOp(node, 'scan') || node.attrs.ragged !== true || node.attrs.skipEnded === true) return undefined;
      const why = whyEveryRow(graph, node);
      if (why !== undefined) {
        changes.push(`${node.attrs.layer}: computes every row of each step, since ${why}`);
        return undefined;
      }
      changes.push(`${node.attrs.layer}: computes each step's rows for the samples still running only`);
      return b.add('scan', inputs, { ...node.attrs, skipEnded: true }, metaOf(node));
    });
    return { graph: result, changes };
  },
};
