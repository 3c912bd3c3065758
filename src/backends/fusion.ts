/**
 * Which nodes a code generator computes inside their consumer's loop rather
 * than into a buffer of their own: an elementwise op used once, with its
 * consumer's layout (elementwise fusion), and a slice of a vector read in
 * place. Every backend decides alike; `hasForm` says which ops it can inline
 * (those with a `ts` expression, or a `wgsl` one).
 */
import { type Graph, isOp, type NodeId } from '../ir/graph.js';
import { opDef } from '../ir/ops/registry.js';
import type { OpDef } from '../ir/ops/opdef.js';
import { type Layout, layoutOf, sameLayout } from './ts/layout.js';

/**
 * The deepest expression a chain of fused nodes may become. Compilers of the emitted code have
 * limits of their own (Tint stops parsing at a nesting of about 128; tsc's checker recurses
 * over expressions), and a long chain of elementwise equations would otherwise be one
 * expression; past this depth a value is computed into a buffer and the chain starts again.
 */
const maxInlineDepth = 32;

export class Fusion {
  /** Readers of each node; a graph output counts as two, so it is always materialized. */
  readonly uses: number[];
  private readonly layouts: (Layout | undefined)[];
  /** How deep the expression a node becomes is, with the nodes fused into it. */
  private readonly depths: number[];

  constructor(
    readonly graph: Graph,
    sizes: Readonly<Record<string, number>>,
    private readonly fuseElementwise: boolean,
    private readonly hasForm: (def: OpDef) => boolean,
  ) {
    this.uses = new Array<number>(graph.nodes.length).fill(0);
    for (const n of graph.nodes) for (const i of n.inputs) this.uses[i]++;
    for (const o of graph.outputs) this.uses[o.node] += 2;
    this.layouts = graph.nodes.map((n) => (n.type.kind === 'tensor' ? layoutOf(n.type, sizes) : undefined));
    // Nodes come after their inputs: one pass in order gives every depth.
    this.depths = new Array<number>(graph.nodes.length).fill(1);
    for (const n of graph.nodes) {
      const layout = this.layouts[n.id];
      if (!layout) continue;
      for (const i of n.inputs)
        if (this.fusableAnyDepth(i, layout) && this.depths[i] < maxInlineDepth)
          this.depths[n.id] = Math.max(this.depths[n.id], this.depths[i] + 1);
    }
  }

  layout(id: NodeId): Layout {
    const l = this.layouts[id];
    if (!l) throw new Error(`%${id} is a tuple`);
    return l;
  }

  /** Whether node `id` is computed inside the loop of the consumer whose result has layout `outLayout`. */
  fusable(id: NodeId, outLayout: Layout): boolean {
    return this.fusableAnyDepth(id, outLayout) && this.depths[id] < maxInlineDepth;
  }

  private fusableAnyDepth(id: NodeId, outLayout: Layout): boolean {
    const node = this.graph.nodes[id];
    if (!this.fuseElementwise || this.uses[id] !== 1 || !this.layouts[id]) return false;
    if (!sameLayout(this.layout(id), outLayout) || isOp(node, 'const')) return false;
    return this.hasForm(opDef(node.op));
  }

  /** Whether a slice of a vector is read in place by its only consumer's loop. */
  readInPlace(id: NodeId, outLayout: Layout): boolean {
    const node = this.graph.nodes[id];
    return (
      isOp(node, 'slice') &&
      this.uses[id] === 1 &&
      sameLayout(this.layout(id), outLayout) &&
      outLayout.shape.length === 1
    );
  }

  /** Whether a node is only ever computed inside its consumer's loop. */
  inlined(id: NodeId): boolean {
    if (this.uses[id] !== 1) return false;
    const consumer = this.graph.nodes.find((n) => n.inputs.includes(id));
    if (consumer === undefined || !this.hasForm(opDef(consumer.op))) return false;
    const outLayout = this.layout(consumer.id);
    return (
      this.readInPlace(id, outLayout) || (this.hasForm(opDef(this.graph.nodes[id].op)) && this.fusable(id, outLayout))
    );
  }
}

/** Whether an outer product is only summed down by an unbroadcast: then it is never built. */
export function absorbedOuter(graph: Graph, id: NodeId): boolean {
  const node = graph.nodes[id];
  if (!isOp(node, 'outer')) return false;
  const consumers = graph.nodes.filter((n) => n.inputs.includes(id));
  return (
    consumers.length === 1 &&
    !graph.outputs.some((o) => o.node === id) &&
    isOp(consumers[0], 'unbroadcast') &&
    !consumers[0].attrs.mean
  );
}
