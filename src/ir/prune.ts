/** Keeps only what some of a graph's outputs need: running a model without its targets drops the loss. */
import type { Graph, GraphOutput, Node, NodeId } from './graph.js';

export function keepOutputs(graph: Graph, keep: (output: GraphOutput) => boolean): Graph {
  const outputs = graph.outputs.filter(keep);
  const live = new Set<NodeId>(outputs.map((o) => o.node));
  for (let id = graph.nodes.length - 1; id >= 0; id--) {
    if (live.has(id)) for (const input of graph.nodes[id].inputs) live.add(input);
  }
  const renumber = new Map<NodeId, NodeId>();
  const nodes: Node[] = [];
  for (const node of graph.nodes) {
    if (!live.has(node.id)) continue;
    renumber.set(node.id, nodes.length);
    nodes.push({ ...node, id: nodes.length, inputs: node.inputs.map((i) => renumber.get(i) as NodeId) });
  }
  return { nodes, outputs: outputs.map((o) => ({ ...o, node: renumber.get(o.node) as NodeId })) };
}
