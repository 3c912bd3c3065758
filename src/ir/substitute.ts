/**
 * Renames sizes throughout a graph: instantiating a cell written in its own
 * sizes (I, H) with the sizes a model passes it (E, 2*H, 16). Types are
 * recomputed by each op's rule, so the result is checked as it is built.
 */
import { Dim } from './dims.js';
import type { Graph, Node } from './graph.js';
import type { NumExpr } from './init.js';
import { opDef } from './ops/registry.js';
import type { ValueType } from './types.js';

/** A linear size as an initializer number. */
export function dimToNum(d: Dim): NumExpr {
  let result: NumExpr = { kind: 'num', value: d.constant };
  for (const [name, c] of d.terms) {
    const term: NumExpr =
      c === 1
        ? { kind: 'size', name }
        : { kind: 'binary', op: '*', left: { kind: 'num', value: c }, right: { kind: 'size', name } };
    result =
      result.kind === 'num' && result.value === 0 ? term : { kind: 'binary', op: '+', left: result, right: term };
  }
  return result;
}

function isGraph(value: object): value is Graph {
  return 'nodes' in value && 'outputs' in value && Array.isArray((value as Graph).nodes);
}

/** Deep-maps attribute data: sizes, initializer size references and nested graphs. */
function mapAttr(value: unknown, binding: ReadonlyMap<string, Dim>): unknown {
  if (value instanceof Dim) return value.substitute(binding);
  if (Array.isArray(value)) return value.map((v) => mapAttr(v, binding));
  if (value === null || typeof value !== 'object') return value;
  if (isGraph(value)) return substituteSizes(value, binding);
  const record = value as Record<string, unknown>;
  if (record.kind === 'size' && typeof record.name === 'string') {
    const bound = binding.get(record.name);
    return bound ? dimToNum(bound) : record;
  }
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, mapAttr(v, binding)]));
}

/** The graph with every node's attributes mapped, and its types recomputed by each op's rule. */
function mapAttributes(graph: Graph, map: (attrs: unknown) => unknown): Graph {
  const nodes: Node[] = [];
  for (const node of graph.nodes) {
    const attrs = map(node.attrs) as Node['attrs'];
    const type: ValueType = opDef(node.op).type(
      node.inputs.map((i) => nodes[i].type),
      attrs as never,
    );
    nodes.push({ ...node, attrs, type });
  }
  return { nodes, outputs: graph.outputs };
}

export function substituteSizes(graph: Graph, binding: ReadonlyMap<string, Dim>): Graph {
  return mapAttributes(graph, (attrs) => mapAttr(attrs, binding));
}

/** Deep-maps attribute data, renaming the time axes of the types it holds. */
function renameTimeIn(value: unknown, names: ReadonlyMap<string, string>): unknown {
  if (value instanceof Dim || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => renameTimeIn(v, names));
  if (isGraph(value)) return renameTimeAxes(value, names);
  const record = value as Record<string, unknown>;
  const renamed = Object.fromEntries(Object.entries(record).map(([k, v]) => [k, renameTimeIn(v, names)]));
  if (record.kind === 'tensor' && typeof record.time === 'string') renamed.time = names.get(record.time) ?? record.time;
  return renamed;
}

/**
 * Renames time axes throughout a graph: a cell's memory, written along its own axis
 * (`memory enc: seq(S)[H]`), instantiated with the axis of the sequence a layer gives it.
 */
export function renameTimeAxes(graph: Graph, names: ReadonlyMap<string, string>): Graph {
  return mapAttributes(graph, (attrs) => renameTimeIn(attrs, names));
}
