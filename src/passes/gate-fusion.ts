/**
 * Gate fusion: matrix–vector products that share their vector, W_i x, W_f x,
 * W_g x, W_o x, become one product of the row-stacked matrix [W_i; W_f; W_g;
 * W_o] with x, sliced back into the gates: one GEMM instead of four. The
 * stacking depends on params only, so hoisting moves it out of the loop and
 * a backend does it once, when params are loaded; the params keep their names.
 */
import { Dim } from '../ir/dims.js';
import { isOp, type Node, type NodeId } from '../ir/graph.js';
import type { TensorType } from '../ir/types.js';
import { everyGraph, metaOf, type Pass, rewrite } from './pass.js';

/** A weight: one matrix for every sample and step (a param, or a scan's invariant). */
function isWeight(node: Node): boolean {
  const t = node.type as TensorType;
  return t.kind === 'tensor' && t.shape.length === 2 && !t.batched && t.time === null;
}

export const fuseGates: Pass = {
  name: 'gate-fusion',
  level: 2,
  description: 'one matrix product for all gates that multiply the same vector',
  run: (graph) =>
    everyGraph(graph, (g, changes) => {
      // Products W @ v with W a weight and v a vector, grouped by v.
      const groups = new Map<NodeId, NodeId[]>();
      for (const node of g.nodes) {
        if (!isOp(node, 'matmul')) continue;
        const [w, v] = node.inputs.map((i) => g.nodes[i]);
        if (!isWeight(w) || (v.type as TensorType).shape.length !== 1) continue;
        groups.set(v.id, [...(groups.get(v.id) ?? []), node.id]);
      }
      const fusable = [...groups.values()].filter((members) => {
        const first = Math.min(...members);
        return members.length >= 2 && members.every((m) => g.nodes[m].inputs[0] < first);
      });
      if (fusable.length === 0) return g;
      const groupOf = new Map<NodeId, NodeId[]>();
      for (const members of fusable) for (const m of members) groupOf.set(m, members);
      const replaced = new Map<NodeId, NodeId>();
      const name = (id: NodeId) => g.nodes[id].label ?? `%${id}`;
      return rewrite(g, (node, inputs, b, lookup) => {
        const members = groupOf.get(node.id);
        if (!members) return undefined;
        const known = replaced.get(node.id);
        if (known !== undefined) return known;
        // The group's first product builds the fused one and the slices for all of its members.
        const weights = members.map((m) => g.nodes[m].inputs[0]);
        const packed = b.add(
          'stack_rows',
          weights.map(lookup),
          {},
          { label: `packed ${weights.map(name).join(', ')}` },
        );
        const fused = b.add('matmul', [packed, inputs[1]], {}, { ...metaOf(node), label: 'fused gates' });
        let start = Dim.of(0);
        for (const m of members) {
          const end = start.add((g.nodes[g.nodes[m].inputs[0]].type as TensorType).shape[0]);
          replaced.set(m, b.add('slice', [fused], { start, end }, metaOf(g.nodes[m])));
          start = end;
        }
        changes.push(
          `fused ${members.length} products with ${name(node.inputs[1])} into one: ${weights.map(name).join(', ')}`,
        );
        return replaced.get(node.id);
      });
    }),
};
