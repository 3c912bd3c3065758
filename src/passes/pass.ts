/** What every pass is and does: a pure function Graph → Graph that says what it changed. */
import { GraphBuilder } from '../ir/builder.js';
import { type Graph, isOp, type Node, type NodeId, type OpKind } from '../ir/graph.js';

export interface PassResult {
  readonly graph: Graph;
  /** One line per change, for `rnnc compile --explain`. */
  readonly changes: readonly string[];
}

export interface Pass {
  readonly name: string;
  /** The lowest -O level that runs it. */
  readonly level: 1 | 2;
  readonly description: string;
  readonly run: (graph: Graph) => PassResult;
}

export function metaOf(node: Node): { span?: Node['span']; label?: string } {
  return { ...(node.span ? { span: node.span } : {}), ...(node.label ? { label: node.label } : {}) };
}

/** Copies a node into `b` with new inputs, retyping it. */
export function copyNode(b: GraphBuilder, node: Node, inputs: readonly NodeId[]): NodeId {
  return b.add(node.op, inputs, node.attrs as never, metaOf(node));
}

/**
 * Rebuilds a graph node by node. `visit` may build a replacement for a node
 * (returning its id in the new graph) or return undefined to copy it as is;
 * `lookup` gives the new id of any node already rebuilt.
 */
export function rewrite(
  graph: Graph,
  visit: (
    node: Node,
    inputs: readonly NodeId[],
    b: GraphBuilder,
    lookup: (old: NodeId) => NodeId,
  ) => NodeId | undefined,
): Graph {
  const b = new GraphBuilder();
  const mapped: NodeId[] = [];
  const lookup = (old: NodeId) => {
    const id = mapped[old];
    if (id === undefined) throw new Error(`node %${old} is used before it is rebuilt`);
    return id;
  };
  for (const node of graph.nodes) {
    const inputs = node.inputs.map((i) => mapped[i]);
    mapped[node.id] = visit(node, inputs, b, lookup) ?? copyNode(b, node, inputs);
  }
  for (const out of graph.outputs) b.output(out.name, mapped[out.node], out.role);
  return b.build();
}

/** Applies a per-graph transformation to every scan body, innermost first, then to the graph itself. */
export function everyGraph(graph: Graph, transform: (g: Graph, changes: string[]) => Graph): PassResult {
  const changes: string[] = [];
  const walk = (g: Graph): Graph => {
    const withBodies = g.nodes.some((n) => isOp(n, 'scan'))
      ? rewrite(g, (node, inputs, b) => {
          if (!isOp(node, 'scan')) return undefined;
          return b.add('scan', inputs, { ...node.attrs, body: walk(node.attrs.body) }, metaOf(node));
        })
      : g;
    return transform(withBodies, changes);
  };
  return { graph: walk(graph), changes };
}

/** The name of a node for a change report. */
export function describeNode(node: Node): string {
  return node.label ? `${node.op} ${node.label}` : `${node.op} %${node.id}`;
}

/**
 * Ops whose meaning involves the time or batch axes themselves (or that
 * carry scans' tuples and initial states). Hoisting and gradient batching
 * move per-sample work in and out of loops by applying it to whole
 * sequences; these ops would change meaning if moved, so they stay put.
 */
export const timeOrBatchOps: ReadonlySet<OpKind> = new Set<OpKind>([
  'scan',
  'get',
  'unbroadcast',
  'broadcast_to',
  'reduce_lead',
  'time_index',
  'time_place',
  'time_stack',
  'time_shift',
  'state_init',
  'default_adjoint',
]);

/**
 * A sum's terms: the leaves of the tree of adds under `root` whose inner adds are read once,
 * left to right. Iterative, since the tree's depth is the source's (a chain of equations).
 */
export function sumTerms(g: Graph, root: NodeId, isInnerAdd: (id: NodeId) => boolean): NodeId[] {
  const terms: NodeId[] = [];
  const stack = [...g.nodes[root].inputs].reverse();
  while (stack.length > 0) {
    const id = stack.pop() as NodeId;
    if (isInnerAdd(id)) stack.push(...[...g.nodes[id].inputs].reverse());
    else terms.push(id);
  }
  return terms;
}

/** The adds of a graph that are inner adds of a larger sum (only the roots of sums are rewritten). */
export function innerAdds(g: Graph, isInnerAdd: (id: NodeId) => boolean): Set<NodeId> {
  return new Set(g.nodes.filter((n) => isOp(n, 'add')).flatMap((n) => n.inputs.filter(isInnerAdd)));
}
