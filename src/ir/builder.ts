/** Builds graphs node by node, typing each node by its op's rule as it is added. */
import type { SourceSpan } from '../diagnostics.js';
import type { AttrMap, Graph, GraphOutput, Node, NodeId, OpKind, OutputRole } from './graph.js';
import { opDef } from './ops/registry.js';
import { ShapeError, type ValueType } from './types.js';

export interface NodeMeta {
  readonly span?: SourceSpan;
  readonly label?: string;
}

export class GraphBuilder {
  private readonly nodes: Node[] = [];
  private readonly outputs: GraphOutput[] = [];

  /** A builder that starts as a copy of `graph`, keeping its node ids and outputs. */
  static from(graph: Graph): GraphBuilder {
    const b = new GraphBuilder();
    b.nodes.push(...graph.nodes);
    b.outputs.push(...graph.outputs);
    return b;
  }

  get size(): number {
    return this.nodes.length;
  }

  /**
   * Gives a node new attributes, retyping it. Only for changes its consumers
   * cannot see, like a scan gaining extra outputs after its existing ones.
   */
  replaceAttrs<K extends OpKind>(id: NodeId, attrs: AttrMap[K]): void {
    const node = this.nodes[id];
    const type = opDef(node.op).type(
      node.inputs.map((i) => this.typeOf(i)),
      attrs as never,
    );
    this.nodes[id] = { ...node, attrs, type } as Node;
  }

  /** Adds a node; throws `ShapeError` when its op's type rule rejects the inputs. */
  add<K extends OpKind>(op: K, inputs: readonly NodeId[], attrs: AttrMap[K], meta: NodeMeta = {}): NodeId {
    const def = opDef(op);
    if (def.arity === 'variadic' ? inputs.length < 1 : inputs.length !== def.arity) {
      throw new ShapeError(
        `${def.symbol} takes ${def.arity === 'variadic' ? 'one or more' : def.arity} inputs, got ${inputs.length}`,
      );
    }
    const type = def.type(
      inputs.map((id) => this.typeOf(id)),
      attrs,
    );
    const id = this.nodes.length;
    this.nodes.push({ id, op, inputs: [...inputs], attrs, type, ...meta } as Node);
    return id;
  }

  typeOf(id: NodeId): ValueType {
    const node = this.nodes[id];
    if (node === undefined) throw new Error(`no node %${id}`);
    return node.type;
  }

  node(id: NodeId): Node {
    return this.nodes[id];
  }

  output(name: string, node: NodeId, role: OutputRole): void {
    this.outputs.push({ name, node, role });
  }

  build(): Graph {
    return { nodes: [...this.nodes], outputs: [...this.outputs] };
  }
}
