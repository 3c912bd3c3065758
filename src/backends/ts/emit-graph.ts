/**
 * Emits a graph as straight-line TypeScript over flat typed arrays. Each
 * node becomes a buffer and the loop that fills it, rendered by the table in
 * `kernels.ts`; chains of elementwise ops become one loop (their
 * intermediate values never reach memory); scans become `for` loops whose
 * step buffers are allocated once, before the loop.
 */
import { type Graph, type Node, type NodeId } from '../../ir/graph.js';
import { opDef } from '../../ir/ops/registry.js';
import { Fusion } from '../fusion.js';
import type { TensorType } from '../../ir/types.js';
import { Code, numberLiteral, sanitizeComment } from './code.js';
import { type Layout, layoutOf, leadCount, leadIndex, sizeOf, timeVar } from './layout.js';
import { elementwiseFunction, type SimdState } from './simd.js';
import type { VectorTree } from '../wasm/elementwise.js';
import { addressOperand, integerOperand, type StepRecorder } from './step-recorder.js';

/** A value in generated code: a buffer variable with its layout, a literal scalar, or a tuple. */
export type Value =
  | { readonly kind: 'buffer'; readonly name: string; readonly layout: Layout }
  | { readonly kind: 'scalar'; readonly literal: string; readonly layout: Layout }
  | { readonly kind: 'tuple'; readonly items: readonly Value[] };

export interface ModuleContext {
  readonly sizes: Readonly<Record<string, number>>;
  /** Compute chains of elementwise ops in one loop (and read slices in place). */
  readonly fuseElementwise: boolean;
  /** How many nodes were computed inside another node's loop, for the report. */
  fused: number;
  /** Reuse a function's buffers once their values are dead (liveness-based buffer planning). */
  readonly planBuffers: boolean;
  /** Bytes allocated per call, without and with planning, by size term (`T_T * B`, `B`, `1`). */
  readonly memory: { readonly unplanned: Map<string, number>; readonly planned: Map<string, number> };
  readonly arrayType: 'Float32Array' | 'Float64Array';
  /** Module-level code: specialised kernels and index tables. */
  readonly helpers: Code;
  /** The WebAssembly SIMD path's state, or undefined on the scalar path. */
  readonly simd?: SimdState;
  fresh(prefix: string): string;
  /** The source line a node comes from, for comments. */
  source(node: Node): string | undefined;
}

/** How the graph's sources are reached: params, inputs, scan arguments, initial states. */
export interface Sources {
  param(name: string, layout: Layout): Value;
  input(name: string, layout: Layout): Value;
  /** Each sample's number of steps along a time axis (src/ir/lengths.ts). */
  lengths(axis: string, layout: Layout): Value;
  /** The run's mode and seed, which dropout's masks read (ops/noise.ts). */
  noise(layout: Layout): Value;
  arg(index: number): Value;
  /** The expression of a caller-given initial state, or undefined when the default is used. */
  initialState(name: string): string;
  /** The expression of a pre-packed weight (params stacked by rows, named by `key`), or undefined if none. */
  packed?(key: string): string;
  /** A caller's array as generated code may hand it to any kernel (on the SIMD path: copied into its memory). */
  stage?(expression: string): string;
}

export interface GraphCode {
  /** Allocations, hoisted before any enclosing loop. */
  readonly decl: Code;
  /** The computation. */
  readonly body: Code;
}

export type Buffer = Extract<Value, { kind: 'buffer' }>;

/** An operand of a SIMD elementwise kernel: its array and the bytes into it, floats per row (0: shared), one value per row. */
interface VectorLeaf {
  readonly array: string;
  readonly offset: number;
  readonly stride: number;
  readonly splat: boolean;
  /** When the kernel runs once per time step: how many values the leaf moves on per step (an expression). */
  readonly stepStride?: string;
}

const pointer = (array: string, offset: number) => `${array}.byteOffset${offset === 0 ? '' : ` + ${offset}`}`;

export function bufferValue(name: string, layout: Layout): Buffer {
  return { kind: 'buffer', name, layout };
}

export function asBuffer(v: Value): Extract<Value, { kind: 'buffer' }> {
  if (v.kind !== 'buffer') throw new Error(`expected a buffer, got a ${v.kind}`);
  return v;
}

/** Index map for a broadcast that is neither the same shape nor a scalar: a constant table. */
function sampleIndex(ctx: ModuleContext, input: Layout, out: Layout, j: string): string {
  if (input.shape.length === out.shape.length && input.shape.every((d, k) => d === out.shape[k])) return j;
  if (input.sample === 1) return '0';
  const table: number[] = [];
  const rank = out.shape.length;
  const inStrides = input.shape.map((_, k) => input.shape.slice(k + 1).reduce((a, b) => a * b, 1));
  for (let flat = 0; flat < out.sample; flat++) {
    let rest = flat;
    let index = 0;
    for (let axis = rank - 1; axis >= 0; axis--) {
      const coordinate = rest % out.shape[axis];
      rest = Math.floor(rest / out.shape[axis]);
      const inAxis = axis - (rank - input.shape.length);
      if (inAxis >= 0 && input.shape[inAxis] !== 1) index += coordinate * inStrides[inAxis];
    }
    table.push(index);
  }
  const name = ctx.fresh('broadcastIndex');
  ctx.helpers.line(`const ${name} = Int32Array.from([${table.join(', ')}]);`);
  return `${name}[${j}]`;
}

/**
 * Ops whose value may be a view of, or the same buffer as, an input: their
 * inputs' buffers are never reused. (A scan copies what it keeps: its views
 * of its inputs end with its loop.)
 */
const aliasing = new Set(['get', 'time_index', 'state_init', 'default_adjoint']);

/** The size term of a buffer, for the memory report: `T_T * B`, `B` or `1`. */
function sizeTerm(layout: Layout): string {
  const lead = sizeOf({ ...layout, shape: [], sample: 1 });
  return lead;
}

export class GraphEmitter {
  readonly values: Value[] = [];
  private readonly fusion: Fusion;
  /** Set on a scan step's emitter: records the step's kernel calls for a WebAssembly time loop. */
  step: StepRecorder | undefined;

  constructor(
    readonly ctx: ModuleContext,
    readonly graph: Graph,
    readonly sources: Sources,
    readonly out: GraphCode,
    /** Plan this graph's buffers (a function's graph, not a scan step). */
    plan = false,
  ) {
    this.planning = plan && ctx.planBuffers;
    this.fusion = new Fusion(graph, ctx.sizes, ctx.fuseElementwise, (def) => def.ts !== undefined);
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

  /** The expression of node `id`'s value at lead `l`, sample position `j`, inside a loop over `outLayout`. */
  expr(id: NodeId, outLayout: Layout, l: string, j: string): string {
    const node = this.graph.nodes[id];
    const def = opDef(node.op);
    if (def.ts && this.fusable(id, outLayout)) {
      return `(${def.ts(node.inputs.map((i) => this.expr(i, outLayout, l, j)))})`;
    }
    if (this.readInPlace(id, outLayout) && this.values[id] === undefined) {
      // A slice of a vector is an offset into it: read in place.
      const source = asBuffer(this.values[node.inputs[0]]);
      const start = (node as Node<'slice'>).attrs.start.evaluate(this.ctx.sizes);
      return `${source.name}[${leadIndex(source.layout, outLayout, l)} * ${source.layout.sample} + ${start} + ${j}]`;
    }
    const v = this.values[id];
    if (v === undefined) throw new Error(`%${id} (${node.op}) is used before it is computed`);
    if (v.kind === 'scalar') return v.literal;
    const buffer = asBuffer(v);
    const lead = leadIndex(buffer.layout, outLayout, l);
    const sample = sampleIndex(this.ctx, buffer.layout, outLayout, j);
    return `${buffer.name}[${lead === '0' ? '' : `${lead} * ${buffer.layout.sample} + `}${sample}]`;
  }

  /**
   * A zeroed buffer for a value: a fresh one, declared before any enclosing
   * loop, or (when buffers are planned) a dead value's buffer of the same
   * size, zeroed again. `overwritten`: the caller writes every element
   * before anything reads one, so the buffer need not be zeroed (on the
   * SIMD path zeroing a call's buffers had been 3–4 % of a small model's
   * forward pass).
   */
  allocate(prefix: string, layout: Layout, overwritten = false): string {
    const size = sizeOf(layout);
    const bytes = this.ctx.arrayType === 'Float32Array' ? 4 : 8;
    const term = sizeTerm(layout);
    const count = (m: Map<string, number>) => m.set(term, (m.get(term) ?? 0) + layout.sample * bytes);
    if (this.planning) count(this.ctx.memory.unplanned);
    const reused = this.planning ? this.pool.get(size)?.pop() : undefined;
    const name = reused ?? this.ctx.fresh(prefix);
    if (reused !== undefined) {
      if (!overwritten) this.out.body.line(`${reused}.fill(0); // reused: its last value is dead`);
    } else if (this.ctx.simd) {
      // In the kernels' memory, so WebAssembly kernels can read and write it.
      this.out.decl.line(`const ${name} = heapAlloc(${size}${overwritten ? ', false' : ''});`);
      this.ctx.simd.allocations.push(size);
      if (this.planning) count(this.ctx.memory.planned);
    } else {
      this.out.decl.line(`const ${name} = new ${this.ctx.arrayType}(${size});`);
      if (this.planning) count(this.ctx.memory.planned);
    }
    if (this.planning && this.current !== undefined) {
      this.owned.set(this.current, [...(this.owned.get(this.current) ?? []), { name, size }]);
    }
    return name;
  }

  // Buffer planning, for a function's own graph (not scan steps, whose buffers are small).
  private readonly planning: boolean = false;
  private readonly pool = new Map<string, string[]>();
  private readonly owned = new Map<NodeId, { name: string; size: string }[]>();
  private current: NodeId | undefined;

  /** Whether a node's buffers may be reused after its last reader: no reader keeps a view of them. */
  private reusable(id: NodeId): boolean {
    if (this.graph.outputs.some((o) => o.node === id)) return false;
    return this.graph.nodes.every((n) => !n.inputs.includes(id) || !aliasing.has(n.op));
  }

  /** Nodes that have run (a node fused into another, or computed by another's renderer, has not). */
  private readonly ran = new Set<NodeId>();
  private readersOf: Map<NodeId, NodeId[]> | undefined;

  private readers(id: NodeId): readonly NodeId[] {
    if (!this.readersOf) {
      this.readersOf = new Map();
      for (const n of this.graph.nodes)
        for (const i of new Set(n.inputs)) this.readersOf.set(i, [...(this.readersOf.get(i) ?? []), n.id]);
    }
    return this.readersOf.get(id) ?? [];
  }

  /**
   * Whether every read of node `id`'s value has happened once node `now`
   * has run. A reader that did not run itself (fused into its consumer, or
   * an outer product a weight gradient's GEMM computes) reads it when the
   * nodes reading that reader run: its last reader by position can come
   * earlier than the read.
   */
  private readAll(id: NodeId, now: NodeId): boolean {
    return this.readers(id).every((r) => r <= now && (this.ran.has(r) || this.readAll(r, now)));
  }

  /** After node `id` has run: values read for the last time give their buffers back. */
  private release(id: NodeId): void {
    this.ran.add(id);
    for (const [value, buffers] of this.owned) {
      if (value === id || !this.reusable(value) || !this.readAll(value, id)) continue;
      for (const b of buffers) this.pool.set(b.size, [...(this.pool.get(b.size) ?? []), b.name]);
      this.owned.delete(value);
    }
  }

  /** One loop filling `target` (layout `layout`) with `value(l, j)` at every position. */
  loop(target: string, layout: Layout, value: (l: string, j: string) => string): void {
    const { body } = this.out;
    const lead = sizeOf({ ...layout, shape: [], sample: 1 });
    const S = layout.sample;
    if (lead === '1') {
      body.block(`for (let j = 0; j < ${S}; j++) {`, () => body.line(`${target}[j] = ${value('0', 'j')};`));
    } else if (S === 1) {
      body.block(`for (let l = 0; l < ${lead}; l++) {`, () => body.line(`${target}[l] = ${value('l', '0')};`));
    } else {
      body.block(`for (let l = 0; l < ${lead}; l++) {`, () => {
        body.line(`const o = l * ${S};`);
        body.block(`for (let j = 0; j < ${S}; j++) {`, () => body.line(`${target}[o + j] = ${value('l', 'j')};`));
      });
    }
  }

  /** Index of `input`'s sample that broadcasts to flat position `j` of a result laid out as `out`. */
  broadcastMap(input: Layout, out: Layout, j: string): string {
    return sampleIndex(this.ctx, input, out, j);
  }

  /** Emits every node; `skip` names nodes another node's renderer computes itself. */
  emit(render: (e: GraphEmitter, node: Node) => Value, skip: (e: GraphEmitter, id: NodeId) => boolean): Value[] {
    for (const node of this.graph.nodes) {
      if (this.inlined(node.id)) {
        this.ctx.fused++;
        continue;
      }
      if (skip(this, node.id)) continue;
      this.current = node.id;
      const where = this.ctx.source(node);
      const label = node.label ? ` ${node.label}` : '';
      if (!['const', 'param', 'input', 'arg', 'get'].includes(node.op)) {
        this.out.body.comment(sanitizeComment(`%${node.id} ${node.op}${label}${where ? ` — ${where}` : ''}`));
      }
      const [lines, ops] = [this.out.body.length, this.step?.ops.length];
      this.values[node.id] = render(this, node);
      // A node that wrote code but recorded no kernel call runs as JavaScript: the step cannot be one WebAssembly loop.
      if (this.step && this.step.ops.length === ops && this.out.body.length > lines) {
        this.step.fail(`${node.op} runs as JavaScript`);
      }
      if (this.planning) this.release(node.id);
    }
    return this.values;
  }

  /** The elementwise root: one fused loop (on the SIMD path, a WebAssembly kernel where the chain has one). */
  pointwise(node: Node): Value {
    const layout = this.layout(node.id);
    const name = this.allocate(`v${node.id}_`, layout, true);
    const def = opDef(node.op);
    const scalarLoop = () =>
      this.loop(name, layout, (l, j) =>
        (def.ts as (a: readonly string[]) => string)(node.inputs.map((i) => this.expr(i, layout, l, j))),
      );
    let leaves: VectorLeaf[] = [];
    let args = this.ctx.simd && layout.sample >= 4 ? node.inputs.map((i) => this.vectorTree(i, layout, leaves)) : [];
    // A result along a time axis and the batch whose operands lack one of them (a step's query
    // added to a memory's every position): a kernel call per time step, each over the batch.
    const perStep = args.some((a) => a === undefined) && layout.time !== null && layout.batch && this.ctx.simd;
    if (perStep) {
      leaves = [];
      args = node.inputs.map((i) => this.vectorTree(i, layout, leaves, true));
    }
    if (!this.ctx.simd || args.length === 0 || !def.simd || args.some((a) => a === undefined)) {
      scalarLoop();
      return bufferValue(name, layout);
    }
    if (perStep) return this.pointwisePerStep(node, name, layout, args as VectorTree[], leaves, scalarLoop);
    const tree: VectorTree = { kind: 'op', op: node.op, args: args as VectorTree[] };
    const kernel = elementwiseFunction(this.ctx.simd, {
      sample: layout.sample,
      leaves: leaves.map((l) => ({ stride: l.stride, splat: l.splat })),
      tree,
    });
    const arrays = [...new Set([name, ...leaves.map((l) => l.array)])];
    const pointers = [pointer(name, 0), ...leaves.map((l) => pointer(l.array, l.offset)), leadCount(layout)];
    const step = this.step;
    step?.call(kernel, [
      addressOperand(step.address(name)),
      ...leaves.map((l) => addressOperand(step.address(l.array, l.offset))),
      integerOperand(step.integer(leadCount(layout))),
    ]);
    this.out.body.line(
      `if (kernels !== undefined && heapHolds(${arrays.join(', ')})) run_${kernel}(${pointers.join(', ')});`,
    );
    this.out.body.block('else {', scalarLoop);
    return bufferValue(name, layout);
  }

  /** The kernel of a fused loop run once per time step, over the batch at that step. */
  private pointwisePerStep(
    node: Node,
    name: string,
    layout: Layout,
    args: VectorTree[],
    leaves: VectorLeaf[],
    scalarLoop: () => void,
  ): Value {
    const simd = this.ctx.simd as NonNullable<ModuleContext['simd']>;
    const kernel = elementwiseFunction(simd, {
      sample: layout.sample,
      leaves: leaves.map((l) => ({ stride: l.stride, splat: l.splat })),
      tree: { kind: 'op', op: node.op, args },
    });
    // Per-step calls are not one recorded kernel call: the step runs its kernels from JavaScript.
    this.step?.fail('an elementwise loop along a memory runs a kernel per position');
    const arrays = [...new Set([name, ...leaves.map((l) => l.array)])];
    const at = (array: string, offset: number, perStep: string | undefined) =>
      `${pointer(array, offset)}${perStep === undefined ? '' : ` + t * ${perStep} * 4`}`;
    const pointers = [
      at(name, 0, `B * ${layout.sample}`),
      ...leaves.map((l) => at(l.array, l.offset, l.stepStride)),
      'B',
    ];
    this.out.body.block(`if (kernels !== undefined && heapHolds(${arrays.join(', ')})) {`, () =>
      this.out.body.line(
        `for (let t = 0; t < ${timeVar(layout.time as string)}; t++) run_${kernel}(${pointers.join(', ')});`,
      ),
    );
    this.out.body.block('else {', scalarLoop);
    return bufferValue(name, layout);
  }

  /**
   * The chain feeding a fused loop as a tree over operand arrays, collected
   * in `leaves`; undefined where an op has no SIMD form or an operand is
   * broadcast in a way the kernels do not read (along time but not batch, say).
   * `perStep`: the kernel runs once per time step of `out`, over its batch.
   */
  private vectorTree(id: NodeId, out: Layout, leaves: VectorLeaf[], perStep = false): VectorTree | undefined {
    const node = this.graph.nodes[id];
    const def = opDef(node.op);
    if (def.ts && this.fusable(id, out)) {
      if (!def.simd) return undefined;
      const args = node.inputs.map((i) => this.vectorTree(i, out, leaves, perStep));
      return args.some((a) => a === undefined) ? undefined : { kind: 'op', op: node.op, args: args as VectorTree[] };
    }
    const leaf = (array: string, layout: Layout, offset: number, splat: boolean): VectorTree | undefined => {
      if (perStep) {
        // Within a step the batch is the kernel's lead; the time axis moves the pointers between calls.
        const stepStride =
          layout.time === null ? undefined : layout.batch ? `B * ${layout.sample}` : String(layout.sample);
        leaves.push({
          array,
          offset,
          stride: layout.batch ? layout.sample : 0,
          splat,
          ...(stepStride ? { stepStride } : {}),
        });
        return { kind: 'leaf', index: leaves.length - 1 };
      }
      const lead = leadIndex(layout, out, 'l');
      if (lead !== 'l' && lead !== '0') return undefined;
      leaves.push({ array, offset, stride: lead === 'l' ? layout.sample : 0, splat });
      return { kind: 'leaf', index: leaves.length - 1 };
    };
    if (this.readInPlace(id, out) && this.values[id] === undefined) {
      const source = asBuffer(this.values[node.inputs[0]]);
      const start = (node as Node<'slice'>).attrs.start.evaluate(this.ctx.sizes);
      return leaf(source.name, source.layout, 4 * start, false);
    }
    const v = this.values[id];
    if (v === undefined) throw new Error(`%${id} (${node.op}) is used before it is computed`);
    if (v.kind === 'scalar') return { kind: 'literal', value: Number(v.literal) };
    const buffer = asBuffer(v);
    const same =
      buffer.layout.shape.length === out.shape.length && buffer.layout.shape.every((d, k) => d === out.shape[k]);
    if (!same && buffer.layout.sample !== 1) return undefined;
    return leaf(buffer.name, buffer.layout, 0, !same);
  }

  /** A constant: a literal when it is one number, else a filled buffer. */
  constant(node: Node<'const'>): Value {
    const layout = layoutOf(node.attrs.type as TensorType, this.ctx.sizes);
    if (layout.sample === 1 && !layout.batch && layout.time === null)
      return { kind: 'scalar', literal: numberLiteral(node.attrs.value), layout };
    const name = this.allocate(`c${node.id}_`, layout);
    if (node.attrs.value !== 0) this.out.body.line(`${name}.fill(${numberLiteral(node.attrs.value)});`);
    return bufferValue(name, layout);
  }
}
