/** Common-subexpression elimination: one node for each distinct (op, inputs, attributes). */
import { type NodeId } from '../ir/graph.js';
import { opDef } from '../ir/ops/registry.js';
import { everyGraph, metaOf, type Pass, rewrite } from './pass.js';

export const cse: Pass = {
  name: 'cse',
  level: 1,
  description: 'merge nodes that compute the same value',
  run: (graph) =>
    everyGraph(graph, (g, changes) => {
      const seen = new Map<string, NodeId>();
      let merged = 0;
      const result = rewrite(g, (node, inputs, b) => {
        // Scans are left alone: their bodies are large and two equal scans are rare.
        if (node.op === 'scan' || !opDef(node.op).pure) return undefined;
        const key = `${node.op}|${inputs.join(',')}|${JSON.stringify(node.attrs)}`;
        const known = seen.get(key);
        if (known !== undefined) {
          merged++;
          return known;
        }
        const id = b.add(node.op, inputs, node.attrs as never, metaOf(node));
        seen.set(key, id);
        return id;
      });
      if (merged > 0) changes.push(`merged ${merged} repeated node${merged === 1 ? '' : 's'}`);
      return result;
    }),
};
