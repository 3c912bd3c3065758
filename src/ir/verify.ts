/**
 * Structural checks of a graph: arities, types (recomputed from each op's
 * rule), topological order (which makes it acyclic), output references and
 * scan bodies, recursively. Tests run it after every transformation.
 */
import { formatType, ShapeError, typesEqual } from './types.js';
import { type Graph, isOp } from './graph.js';
import { opDef, ops } from './ops/registry.js';

export class VerifyError extends Error {
  override name = 'VerifyError';
}

export function verify(graph: Graph, where = 'graph'): void {
  graph.nodes.forEach((node, position) => {
    const at = `${where} %${node.id} (${node.op})`;
    if (node.id !== position) throw new VerifyError(`${at}: id does not match its position ${position}`);
    if (!(node.op in ops)) throw new VerifyError(`${at}: unknown op`);
    const def = opDef(node.op);
    if (def.arity === 'variadic' ? node.inputs.length < 1 : node.inputs.length !== def.arity) {
      throw new VerifyError(`${at}: takes ${def.arity} inputs, has ${node.inputs.length}`);
    }
    for (const input of node.inputs) {
      if (!Number.isInteger(input) || input < 0 || input >= node.id) {
        throw new VerifyError(`${at}: input %${input} does not come before it (a cycle or a dangling reference)`);
      }
    }
    if (isOp(node, 'scan')) verify(node.attrs.body, `${at} body`);
    let type;
    try {
      type = def.type(
        node.inputs.map((i) => graph.nodes[i].type),
        node.attrs as never,
      );
    } catch (e) {
      if (e instanceof ShapeError) throw new VerifyError(`${at}: ${e.message}`);
      throw e;
    }
    if (!typesEqual(type, node.type)) {
      throw new VerifyError(`${at}: recorded type ${formatType(node.type)} but its rule gives ${formatType(type)}`);
    }
  });
  const names = new Set<string>();
  for (const out of graph.outputs) {
    if (graph.nodes[out.node] === undefined) throw new VerifyError(`${where}: output ${out.name} names no node`);
    if (names.has(out.name)) throw new VerifyError(`${where}: two outputs are named ${out.name}`);
    names.add(out.name);
  }
}
