/**
 * Gate fusion, three faces of one idea: several products with one weight per
 * gate become one product with the gates' weights stacked by rows.
 * - Forward: W_i x, W_f x, W_g x, W_o x (a shared vector) become
 *   [W_i; W_f; W_g; W_o] x, sliced back into the gates.
 * - Backward through the gates: g_i W_i + g_f W_f + … (a sum) becomes
 *   [g_i, g_f, …] [W_i; W_f; …].
 * - Weight gradients: Σ outer(g_i, x), Σ outer(g_f, x), … (a shared x)
 *   become one Σ outer([g_i, g_f, …], x), sliced by rows.
 * One GEMM instead of four each time. Stacking depends on params only, so
 * hoisting moves it out of the loop and a backend does it once, when params
 * are loaded; the params keep their names.
 */
import { Dim } from '../ir/dims.js';
import { type Graph, isOp, type Node, type NodeId } from '../ir/graph.js';
import type { TensorType } from '../ir/types.js';
import { GraphBuilder } from '../ir/builder.js';
import { copyNode, everyGraph, innerAdds, metaOf, type Pass, rewrite, sumTerms } from './pass.js';

/** A weight: one matrix for every sample and step (a param, or a scan's invariant). */
function isWeight(node: Node): boolean {
  const t = node.type as TensorType;
  return t.kind === 'tensor' && t.shape.length === 2 && !t.batched && t.time === null;
}

const name = (g: Graph, id: NodeId) => g.nodes[id].label ?? `%${id}`;

/** Σ_k v_k @ W_k over an add tree becomes [v_1, …, v_n] @ [W_1; …; W_n]. */
function fuseProductSums(g: Graph, changes: string[]): Graph {
  const uses = new Array<number>(g.nodes.length).fill(0);
  for (const n of g.nodes) for (const i of n.inputs) uses[i]++;
  for (const o of g.outputs) uses[o.node]++;
  const vectorTimesWeight = (id: NodeId) => {
    const n = g.nodes[id];
    return (
      isOp(n, 'matmul') &&
      isWeight(g.nodes[n.inputs[1]]) &&
      (g.nodes[n.inputs[0]].type as TensorType).shape.length === 1
    );
  };
  const innerAdd = (id: NodeId) => isOp(g.nodes[id], 'add') && uses[id] === 1;
  // Only the root of an add tree is fused; its inner adds then go unused.
  const inner = innerAdds(g, innerAdd);
  return rewrite(g, (node, _inputs, b, lookup) => {
    if (!isOp(node, 'add') || inner.has(node.id)) return undefined;
    const terms = sumTerms(g, node.id, innerAdd);
    const products = terms.filter(vectorTimesWeight);
    if (products.length < 2) return undefined;
    const vectors = products.map((p) => g.nodes[p].inputs[0]);
    const weights = products.map((p) => g.nodes[p].inputs[1]);
    const joint = b.add('concat', vectors.map(lookup), {});
    const packed = b.add(
      'stack_rows',
      weights.map(lookup),
      {},
      { label: `packed ${weights.map((w) => name(g, w)).join(', ')}` },
    );
    const fused = b.add('matmul', [joint, packed], {}, { ...metaOf(node), label: 'fused gate products' });
    changes.push(
      `fused a sum of ${products.length} products with ${weights.map((w) => name(g, w)).join(', ')} into one`,
    );
    const rest = terms.filter((t) => !products.includes(t));
    return rest.reduce((acc, t) => b.add('add', [acc, lookup(t)], {}), fused);
  });
}

/**
 * unbroadcast(outer(g_k, x)) for a shared x become row slices of one
 * unbroadcast(outer([g_1, …], x)). The fused product is built where the last
 * member of a group is, when every vector is ready; the earlier members wait
 * until then, which is safe because nothing reads them in between (a group
 * where something does is left alone).
 */
function fuseOuterProducts(g: Graph, changes: string[]): Graph {
  const groups = new Map<string, NodeId[]>();
  for (const n of g.nodes) {
    if (!isOp(n, 'unbroadcast') || n.attrs.mean || n.attrs.type.batched || n.attrs.type.time !== null) continue;
    const o = g.nodes[n.inputs[0]];
    if (!isOp(o, 'outer')) continue;
    groups.set(String(o.inputs[1]), [...(groups.get(String(o.inputs[1])) ?? []), n.id]);
  }
  const readers = new Map<NodeId, NodeId[]>();
  for (const n of g.nodes) for (const i of n.inputs) readers.set(i, [...(readers.get(i) ?? []), n.id]);
  const fusable = [...groups.values()].filter((members) => {
    const last = Math.max(...members);
    return members.length >= 2 && members.every((m) => (readers.get(m) ?? []).every((r) => r > last));
  });
  if (fusable.length === 0) return g;
  const groupOf = new Map<NodeId, NodeId[]>();
  for (const m of fusable) for (const id of m) groupOf.set(id, m);

  const b = new GraphBuilder();
  const mapped: NodeId[] = [];
  for (const node of g.nodes) {
    const members = groupOf.get(node.id);
    if (members && node.id !== Math.max(...members)) continue; // built with the last member
    if (!members) {
      mapped[node.id] = copyNode(
        b,
        node,
        node.inputs.map((i) => mapped[i]),
      );
      continue;
    }
    const outers = members.map((m) => g.nodes[g.nodes[m].inputs[0]]);
    const joint = b.add(
      'concat',
      outers.map((o) => mapped[o.inputs[0]]),
      {},
    );
    const product = b.add('outer', [joint, mapped[outers[0].inputs[1]]], {});
    const target = (node.attrs as { type: TensorType }).type;
    const rows = outers.map((o) => (g.nodes[o.inputs[0]].type as TensorType).shape[0]);
    const total = rows.reduce((acc, r) => acc.add(r), Dim.of(0));
    const summed = b.add(
      'unbroadcast',
      [product],
      { type: { ...target, shape: [total, target.shape[1]] }, mean: false },
      {
        label: 'fused weight gradients',
      },
    );
    let start = Dim.of(0);
    members.forEach((m, k) => {
      const end = start.add(rows[k]);
      mapped[m] = b.add('slice_rows', [summed], { start, end }, metaOf(g.nodes[m]));
      start = end;
    });
    changes.push(`fused ${members.length} weight gradients with ${name(g, outers[0].inputs[1])} into one`);
  }
  for (const out of g.outputs) b.output(out.name, mapped[out.node], out.role);
  return b.build();
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
      const groupOf = new Map<NodeId, NodeId[]>();
      for (const members of fusable) for (const m of members) groupOf.set(m, members);
      const replaced = new Map<NodeId, NodeId>();
      const label = (id: NodeId) => name(g, id);
      const forward =
        fusable.length === 0
          ? g
          : rewrite(g, (node, inputs, b, lookup) => {
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
                { label: `packed ${weights.map(label).join(', ')}` },
              );
              const fused = b.add('matmul', [packed, inputs[1]], {}, { ...metaOf(node), label: 'fused gates' });
              let start = Dim.of(0);
              for (const m of members) {
                const end = start.add((g.nodes[g.nodes[m].inputs[0]].type as TensorType).shape[0]);
                replaced.set(m, b.add('slice', [fused], { start, end }, metaOf(g.nodes[m])));
                start = end;
              }
              changes.push(
                `fused ${members.length} products with ${label(node.inputs[1])} into one: ${weights.map(label).join(', ')}`,
              );
              return replaced.get(node.id);
            });
      return fuseProductSums(forward, changes);
    }),
};

/**
 * The weight gradients of a layer's gates, once batching has brought them
 * out of the loop, as one GEMM: unbroadcast(outer(g_k, x)) for a shared x
 * become row slices of one unbroadcast(outer([g_1, …], x)). Outside loops
 * only: inside one, an accumulator's sum must stay recognizable for batching.
 */
export const fuseWeightGradients: Pass = {
  name: 'gradient-fusion',
  level: 2,
  description: 'one GEMM for the weight gradients of all gates that share an input',
  run: (graph) => {
    const changes: string[] = [];
    return { graph: fuseOuterProducts(graph, changes), changes };
  },
};
