/**
 * What a compiled graph does per time step, as `rnnc compare` reports it:
 * the GEMMs inside the time loops (W·h per step) and outside them (hoisted
 * input projections and the weight gradients over all steps at once), the
 * elementwise loops inside the time loops after elementwise fusion, and
 * the FLOPs per step and sample (a multiply–add is two; an elementwise op
 * or a reduction one per element; moving data none).
 */
import { type Graph, isOp, type Node } from '../ir/graph.js';
import { opDef } from '../ir/ops/registry.js';
import { absorbedOuter, Fusion } from './fusion.js';

export interface StepCost {
  /** GEMMs run once per step inside time loops. */
  readonly loopGemms: number;
  /** GEMMs run once over all steps (outside the loops, on sequences). */
  readonly sequenceGemms: number;
  /** Elementwise loops run once per step inside time loops. */
  readonly loopElementwise: number;
  /** FLOPs per time step and sample, inside the loops and on sequences outside them. */
  readonly flops: number;
}

const elements = (node: Node, sizes: Readonly<Record<string, number>>) =>
  node.type.kind === 'tensor' ? node.type.shape.reduce((a, d) => a * d.evaluate(sizes), 1) : 0;

/** FLOPs of one node per sample (and step, for a per-step value). */
function nodeFlops(graph: Graph, node: Node, sizes: Readonly<Record<string, number>>): number {
  const inner = (k: number) => {
    const t = graph.nodes[node.inputs[k]].type;
    return t.kind === 'tensor' && t.shape.length > 0
      ? (t.shape[t.shape.length - 1] as { evaluate(s: object): number }).evaluate(sizes)
      : 1;
  };
  if (isOp(node, 'matmul')) return 2 * elements(node, sizes) * inner(0);
  if (isOp(node, 'outer')) return elements(node, sizes) * (absorbedOuter(graph, node.id) ? 2 : 1);
  // An unbroadcast of an outer product it absorbs is that product's GEMM, counted there.
  if (isOp(node, 'unbroadcast') && absorbedOuter(graph, node.inputs[0])) return 0;
  if (isOp(node, 'sum') || isOp(node, 'mean') || isOp(node, 'unbroadcast'))
    return elements(graph.nodes[node.inputs[0]], sizes);
  const def = opDef(node.op);
  return def.ts ? elements(node, sizes) : 0;
}

const isGemm = (graph: Graph, node: Node) =>
  isOp(node, 'matmul') || (isOp(node, 'outer') && absorbedOuter(graph, node.id));

export function stepCost(graph: Graph, sizes: Readonly<Record<string, number>>, fuseElementwise: boolean): StepCost {
  let [loopGemms, sequenceGemms, loopElementwise, flops] = [0, 0, 0, 0];
  for (const node of graph.nodes) {
    if (isOp(node, 'scan')) {
      const body = node.attrs.body;
      const fusion = new Fusion(body, sizes, fuseElementwise, (def) => def.ts !== undefined);
      for (const n of body.nodes) {
        if (isOp(n, 'scan')) continue;
        if (isGemm(body, n)) loopGemms++;
        else if (opDef(n.op).ts !== undefined && !fusion.inlined(n.id)) loopElementwise++;
        flops += nodeFlops(body, n, sizes);
      }
      continue;
    }
    // Outside the loops only work on sequences counts per step; the rest is per call.
    const perStep = node.type.kind === 'tensor' && node.type.time !== null;
    const onSequences = node.inputs.some((i) => {
      const t = graph.nodes[i].type;
      return t.kind === 'tensor' && t.time !== null;
    });
    if (isGemm(graph, node) && (perStep || onSequences)) sequenceGemms++;
    if (perStep || (onSequences && (isOp(node, 'unbroadcast') || isOp(node, 'sum'))))
      flops += nodeFlops(graph, node, sizes);
  }
  return { loopGemms, sequenceGemms, loopElementwise, flops };
}
