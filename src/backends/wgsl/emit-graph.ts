/**
 * Emits a graph as WGSL phases (see phase.ts): each node that is not a view
 * becomes one phase writing its value into its own region of `mem`; chains
 * of elementwise ops are fused into their last op's phase (their
 * intermediate values never reach memory); scans become loops of phases.
 */
import { type Graph, type Node, type NodeId } from '../../ir/graph.js';
import { opDef } from '../../ir/ops/registry.js';
import { Fusion } from '../fusion.js';
import type { TensorType } from '../../ir/types.js';
import { type Layout, layoutOf } from '../ts/layout.js';
import {
  type Arena,
  type CacheEntry,
  type ElementAccess,
  f32,
  type Item,
  type Phase,
  PhaseWriter,
  regionKey,
  u32,
  type WBuffer,
  type WValue,
} from './phase.js';
import { leadMonomial, sizePoly, toWgsl } from './poly.js';
import type { Tile } from './ops.js';

export interface WgslContext {
  readonly sizes: Readonly<Record<string, number>>;
  /** Compute chains of elementwise ops in one phase (and read slices in place). */
  readonly fuseElementwise: boolean;
  readonly arena: Arena;
  /** The tile each thread of a GEMM computes, outside time loops (over T·B samples) and inside (over B). */
  readonly tile: Tile;
  readonly stepTile: Tile;
  /**
   * For a persistent kernel: loop-invariant params (weights) that time loops
   * read from workgroup memory, up to `floats`; absent for other schedules.
   */
  readonly cache?: { readonly floats: number; readonly entries: CacheEntry[] };
  /**
   * For a persistent kernel with quads: its threads, and how many values of W
   * each may hold in private memory for a GEMM in a time loop (heldGemm in ops.ts).
   */
  readonly hold?: { readonly threads: number; readonly floats: number };
  /** How many nodes were computed inside another node's phase, for the report. */
  fused: number;
  fresh(prefix: string): string;
  /** The source line a node comes from, for comments. */
  source(node: Node): string | undefined;
}

/** How the graph's sources are reached: params, inputs, scan arguments, initial states. */
export interface WgslSources {
  param(name: string, layout: Layout): WValue;
  input(name: string, layout: Layout): WValue;
  arg(index: number): WValue;
  /** The WGSL condition that the caller gave initial state `name`, and where it was put. */
  initialState(name: string, layout: Layout): { readonly given: string; readonly value: WBuffer };
}

export function asWBuffer(v: WValue): WBuffer {
  if (v.kind !== 'buffer') throw new Error(`expected a buffer, got a ${v.kind}`);
  return v;
}

/** An expression as an operand of * / %: in parentheses unless it is a name or a number. */
export function operand(x: string): string {
  return /^[\w.]+$/.test(x) ? x : `(${x})`;
}

/** Where sample `l` of a result with lead axes `out` reads from a value with lead axes `input`. */
export function leadOf(input: Layout, out: Layout, l: string): string {
  if (input.time === out.time && input.batch === out.batch) return l;
  if (input.time === null && !input.batch) return '0u';
  if (input.time === null && input.batch && out.time !== null && out.batch) return `${operand(l)} % dims.B`;
  if (input.time !== null && !input.batch && out.time !== null && out.batch) return `${operand(l)} / dims.B`;
  throw new Error('a value cannot have lead axes its result lacks');
}

/** `a * k + b` without the parts that are 0 or 1. */
export function linear(a: string, k: number | string, b = '0u'): string {
  const times =
    a === '0u' || k === 0 || k === '0u'
      ? '0u'
      : k === 1 || k === '1u'
        ? a
        : `${operand(a)} * ${typeof k === 'number' ? u32(k) : operand(k)}`;
  if (times === '0u') return b;
  return b === '0u' ? times : `${times} + ${b}`;
}

/** Index into an input's sample for flat position `j` of a result's sample (numpy broadcasting). */
export function sampleOf(input: Layout, out: Layout, j: string): string {
  if (input.shape.length === out.shape.length && input.shape.every((d, k) => d === out.shape[k])) return j;
  if (input.sample === 1) return '0u';
  const rank = out.shape.length;
  const terms: string[] = [];
  let outStride = 1;
  for (let axis = rank - 1; axis >= 0; axis--) {
    const inAxis = axis - (rank - input.shape.length);
    if (inAxis >= 0 && input.shape[inAxis] !== 1) {
      const inStride = input.shape.slice(inAxis + 1).reduce((a, b) => a * b, 1);
      const position = outStride === 1 ? operand(j) : `(${j} / ${u32(outStride)})`;
      const coordinate = `${position} % ${u32(out.shape[axis])}`;
      terms.push(inStride === 1 ? coordinate : `${coordinate} * ${u32(inStride)}`);
    }
    outStride *= out.shape[axis];
  }
  return terms.join(' + ') || '0u';
}

export class WgslEmitter {
  readonly values: WValue[] = [];
  private readonly fusion: Fusion;

  constructor(
    readonly ctx: WgslContext,
    readonly graph: Graph,
    readonly sources: WgslSources,
    /** Where this graph's phases go, in order. */
    readonly items: Item[],
    /** The graph is a time loop's step. */
    readonly inLoop = false,
  ) {
    this.fusion = new Fusion(graph, ctx.sizes, ctx.fuseElementwise, (def) => def.wgsl !== undefined);
  }

  layout(id: NodeId): Layout {
    return this.fusion.layout(id);
  }

  private fusable(id: NodeId, outLayout: Layout): boolean {
    return this.fusion.fusable(id, outLayout);
  }

  private readInPlace(id: NodeId, outLayout: Layout): boolean {
    return this.fusion.readInPlace(id, outLayout);
  }

  private inlined(id: NodeId): boolean {
    return this.fusion.inlined(id);
  }

  /** Where given nodes' values go instead of a region of their own (a scan's per-step outputs). */
  readonly placed = new Map<NodeId, WBuffer>();

  /** A fresh region of `mem` for a value (or the place given for the node). */
  allocate(node: Node | string, layout: Layout): WBuffer {
    const place = typeof node === 'string' ? undefined : this.placed.get(node.id);
    if (place) return place;
    const poly = this.ctx.arena.alloc(layout);
    const label = typeof node === 'string' ? node : `%${node.id} ${node.op}${node.label ? ` ${node.label}` : ''}`;
    return { kind: 'buffer', base: toWgsl(poly), poly, layout, label };
  }

  /** The value of node `id` at lead `l`, sample `j`, inside a phase over `out`. */
  expr(w: PhaseWriter, id: NodeId, out: Layout, l: string, j: string): string {
    const node = this.graph.nodes[id];
    const def = opDef(node.op);
    if (def.wgsl && this.fusable(id, out)) return `(${def.wgsl(node.inputs.map((i) => this.expr(w, i, out, l, j)))})`;
    if (this.readInPlace(id, out) && this.values[id] === undefined) {
      // A slice of a vector is an offset into it: read in place.
      const source = asWBuffer(this.values[node.inputs[0]]);
      const start = (node as Node<'slice'>).attrs.start.evaluate(this.ctx.sizes);
      return w.at(source, linear(leadOf(source.layout, out, l), source.layout.sample, linear(j, 1, u32(start))));
    }
    const v = this.values[id];
    if (v === undefined) throw new Error(`%${id} (${node.op}) is used before it is computed`);
    if (v.kind === 'scalar') return v.literal;
    return this.read(w, asWBuffer(v), out, l, j);
  }

  /** A buffer's value at lead `l`, sample `j` of a result laid out as `out` (broadcasting). */
  read(w: PhaseWriter, v: WBuffer, out: Layout, l: string, j: string): string {
    return w.at(v, linear(leadOf(v.layout, out, l), v.layout.sample, sampleOf(v.layout, out, j)));
  }

  /** A value as a buffer: a literal is written out once by a phase of its own. */
  buffer(node: Node, k: number): WBuffer {
    const v = this.values[node.inputs[k]];
    if (v.kind === 'scalar') {
      const b = this.allocate(`literal ${v.literal}`, v.layout);
      this.phase(b, `literal ${v.literal}`, (w) => w.line(`${w.at(b, 'i')} = ${v.literal};`), 'fill');
      return b;
    }
    return asWBuffer(v);
  }

  /**
   * Adds a phase computing `target`'s every element: `body` writes element
   * `i`, with `l` (the lead position) and `j` (the sample position) bound.
   */
  phase(
    target: WBuffer,
    what: string,
    body: (w: PhaseWriter) => void,
    prefix = 'phase',
    blocks?: Phase['blocks'] & { readonly quads?: boolean },
    elementwise = false,
    /** A GEMM's sums and its variants (W held in private memory, the gates computed on), given its name. */
    product?: (name: string) => Pick<Phase, 'held' | 'sums' | 'gated'>,
  ): void {
    const w = new PhaseWriter();
    w.offset(target);
    body(w);
    const name = this.ctx.fresh(prefix);
    const { code, usesStep } = w.render(name, [what], target.layout.sample);
    const count = blocks ? new Map([[leadMonomial(target.layout), 1]]) : sizePoly(target.layout);
    const { shape, time, batch, sample } = target.layout;
    const access: ElementAccess = {
      layout: JSON.stringify({ shape, time, batch }),
      writes: [regionKey(target)],
      accesses: w.accesses,
      own: ['i', linear('l', sample, 'j')],
      first: name,
    };
    this.items.push({
      kind: 'phase',
      name,
      count,
      code,
      usesStep,
      ...(blocks ? { blocks: { divisor: blocks.divisor, factor: blocks.factor } } : {}),
      ...(blocks?.quads ? { quads: true } : {}),
      ...(elementwise && !blocks ? { elementwise: access } : {}),
      ...(product ? product(name) : {}),
    });
  }

  /** The comment of a node's phase: what it computes and the source line it comes from. */
  describe(node: Node): string {
    const where = this.ctx.source(node);
    return `%${node.id} ${node.op}${node.label ? ` ${node.label}` : ''}${where ? ` — ${where}` : ''}`;
  }

  /** Emits every node with `render`; returns the values by node id. */
  emit(render: (e: WgslEmitter, node: Node) => WValue): WValue[] {
    for (const node of this.graph.nodes) {
      if (this.inlined(node.id)) {
        this.ctx.fused++;
        continue;
      }
      this.values[node.id] = render(this, node);
    }
    return this.values;
  }

  /** The elementwise root: one fused phase. */
  pointwise(node: Node): WValue {
    const layout = this.layout(node.id);
    const out = this.allocate(node, layout);
    const def = opDef(node.op);
    const f = def.wgsl as (a: readonly string[]) => string;
    this.phase(
      out,
      this.describe(node),
      (w) => w.line(`${w.at(out, 'i')} = ${f(node.inputs.map((i) => this.expr(w, i, layout, 'l', 'j')))};`),
      node.op,
      undefined,
      true,
    );
    return out;
  }

  /** A constant: a literal when it is one number, else a filled buffer. */
  constant(node: Node<'const'>): WValue {
    const layout = layoutOf(node.attrs.type as TensorType, this.ctx.sizes);
    if (layout.sample === 1 && !layout.batch && layout.time === null)
      return { kind: 'scalar', literal: f32(node.attrs.value), layout };
    const out = this.allocate(node, layout);
    this.phase(out, this.describe(node), (w) => w.line(`${w.at(out, 'i')} = ${f32(node.attrs.value)};`), 'fill');
    return out;
  }
}
