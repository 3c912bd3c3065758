/**
 * The generic reverse walk: visits a graph's nodes from last to first,
 * applies each op's gradient rule to the adjoint of its output, and sums the
 * adjoints where paths meet. Used for a model graph and, inside a scan's
 * gradient, for the step graph.
 */
import type { SourceSpan } from '../diagnostics.js';
import type { GraphBuilder } from '../ir/builder.js';
import { type Graph, isOp, type Node, type NodeId, tensorOf } from '../ir/graph.js';
import type { VjpArgs, VjpBuilder, VjpRule } from '../ir/ops/opdef.js';
import { passesNoGradient } from '../ir/ops/vjp-rules.js';
import { opDef } from '../ir/ops/registry.js';
import { scalarType, type TensorType, typesEqual } from '../ir/types.js';

/** Something cannot be differentiated; names the place in the source when there is one. */
export class GradError extends Error {
  override name = 'GradError';
  constructor(
    message: string,
    readonly span?: SourceSpan,
  ) {
    super(message);
  }
}

/** Where the backward nodes find forward values (the same graph, a recomputation, or saved steps). */
export type ForwardValue = (id: NodeId) => NodeId;

/** Differentiates a scan: its inputs' adjoints, given the adjoints of its tuple's items. */
export type ScanRule = (
  node: Node<'scan'>,
  itemAdjoints: readonly (NodeId | undefined)[],
) => readonly (NodeId | null)[];

export interface Walk {
  readonly graph: Graph;
  readonly builder: GraphBuilder;
  readonly forward: ForwardValue;
  readonly scan: ScanRule;
  /**
   * Whether a node depends on something differentiated (a param, an input, an initial
   * state): an adjoint is never computed for one that does not (a mask made of the lengths,
   * the step's position), since nothing would read it.
   */
  readonly active?: (id: NodeId) => boolean;
}

/** The nodes of a graph that depend on its `leaves` (each node's id, in the graph's order). */
export function activeNodes(graph: Graph, leaf: (node: Node) => boolean): (id: NodeId) => boolean {
  const active = new Set<NodeId>();
  for (const node of graph.nodes) {
    // A comparison or a sequence's positions carries no gradient, whatever it reads: a memory's
    // length mask `positions(enc) < lengths` is data, though enc depends on params.
    const passes = !passesNoGradient(opDef(node.op).vjp as VjpRule<never>);
    if (leaf(node) || (passes && node.inputs.some((i) => active.has(i)))) active.add(node.id);
  }
  return (id) => active.has(id);
}

function vjpBuilder(b: GraphBuilder, node: Node): VjpBuilder {
  const meta = { ...(node.span ? { span: node.span } : {}), ...(node.label ? { label: `∂${node.label}` } : {}) };
  return {
    add: (op, inputs, attrs) => b.add(op, inputs, (attrs ?? {}) as never, meta),
    scalar: (value) => b.add('const', [], { value, type: scalarType }),
    type: (id) => b.typeOf(id) as TensorType,
  };
}

/** Runs the reverse walk from `seeds` and returns the adjoint of every node that has one. */
export function backprop(walk: Walk, seeds: ReadonlyMap<NodeId, NodeId>): Map<NodeId, NodeId> {
  const { graph, builder: b } = walk;
  const adjoints = new Map<NodeId, NodeId>();
  const tupleAdjoints = new Map<NodeId, (NodeId | undefined)[]>();

  /** Adds an adjoint into a node's, first summing away any axes broadcasting added. */
  const accumulate = (target: NodeId, g: NodeId) => {
    if (walk.active && !walk.active(target)) return;
    const targetType = graph.nodes[target].type;
    if (targetType.kind === 'tuple') throw new Error(`an adjoint for the tuple %${target}`);
    let grad = g;
    if (!typesEqual(b.typeOf(grad), targetType)) grad = b.add('unbroadcast', [grad], { type: targetType, mean: false });
    const known = adjoints.get(target);
    adjoints.set(target, known === undefined ? grad : b.add('add', [known, grad], {}));
  };
  for (const [id, g] of seeds) accumulate(id, g);

  for (let id = graph.nodes.length - 1; id >= 0; id--) {
    const node = graph.nodes[id];
    const def = opDef(node.op);
    if (isOp(node, 'get')) {
      const g = adjoints.get(id);
      if (g === undefined) continue;
      const items = tupleAdjoints.get(node.inputs[0]) ?? [];
      const known = items[node.attrs.index];
      items[node.attrs.index] = known === undefined ? g : b.add('add', [known, g], {});
      tupleAdjoints.set(node.inputs[0], items);
      continue;
    }
    if (isOp(node, 'scan')) {
      const items = tupleAdjoints.get(id);
      if (items === undefined) continue;
      walk.scan(node, items).forEach((g, k) => {
        if (g !== null) accumulate(node.inputs[k], g);
      });
      continue;
    }
    const g = adjoints.get(id);
    if (g === undefined || node.inputs.length === 0) continue;
    if (def.vjp === 'structural') {
      throw new GradError(`no gradient rule for op '${node.op}' (node %${id})`, node.span);
    }
    const saves = def.saves;
    const args: VjpArgs<typeof node.op> = {
      g,
      attrs: node.attrs,
      inputCount: node.inputs.length,
      input: (k) => {
        if (saves !== 'inputs' && saves !== 'inputs and output') {
          throw new Error(`the gradient rule of ${node.op} reads its inputs but does not declare it saves them`);
        }
        return walk.forward(node.inputs[k]);
      },
      output: () => {
        if (saves !== 'output' && saves !== 'inputs and output') {
          throw new Error(`the gradient rule of ${node.op} reads its output but does not declare it saves it`);
        }
        return walk.forward(id);
      },
      inputType: (k) => {
        if (k < 0 || k >= node.inputs.length) throw new RangeError(`${node.op} has no input ${k}`);
        return tensorOf(graph.nodes[node.inputs[k]]);
      },
      outputType: () => tensorOf(node),
    };
    const grads = def.vjp(vjpBuilder(b, node), args as never);
    grads.forEach((grad, k) => {
      if (grad !== null) accumulate(node.inputs[k], grad);
    });
  }
  return adjoints;
}
