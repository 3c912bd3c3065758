/** The WGSL backend: a model → WGSL compute kernels and one TypeScript host module for WebGPU. */
import { fuseGateSteps } from './gates.js';
import { mergeElementwisePhases } from './merge.js';
import { gradName } from '../../ad/grad.js';
import type { CellInfo } from '../../frontend/cell.js';
import type { ModelInfo } from '../../frontend/model.js';
import { UserError } from '../../diagnostics.js';
import { allGraphs, type Graph, isOp, type Node } from '../../ir/graph.js';
import type { TensorType } from '../../ir/types.js';
import type { OptLevel, PassReport } from '../../passes/pipeline.js';
import { torchKeyLayout } from '../../weights/torch.js';
import { optimizedGraphs } from '../ts/index.js';
import { layoutOf } from '../ts/layout.js';
import { type WgslContext, WgslEmitter } from './emit-graph.js';
import { emitHost } from './host.js';
import { defaultKernelOptions, type Kernel, type KernelOptions, type Schedule, schedule, terms } from './kernels.js';
import { quadSize, render } from './ops.js';
import { Arena, type Item, type Phase, type WBuffer } from './phase.js';
import { dimField, leadMonomial, type Poly, sizePoly, toWgsl } from './poly.js';
import type { FunctionPlan, GpuProgram, ResultGroup, ResultInfo } from './runtime.js';

export interface WgslOptions {
  readonly level: OptLevel;
  readonly sizes: Readonly<Record<string, number>>;
  readonly disable?: ReadonlySet<string>;
  readonly source: { readonly file: string; readonly text: string };
  readonly truncate?: number;
  readonly remat?: boolean;
  readonly cells?: ReadonlyMap<string, CellInfo>;
  /** How phases become kernels (see kernels.ts); 'auto' picks by the model's sizes. */
  readonly schedule?: Schedule | 'auto';
  readonly kernels?: Partial<KernelOptions>;
  /** Sequences at the host's boundary: `[T][B][…]` (the default) or `[B][T][…]`. */
  readonly layout?: 'time-major' | 'batch-major';
}

export interface WgslResult {
  /** The host module (TypeScript): createModel(device) → forward, grad, trainStep. */
  readonly host: string;
  readonly kernels: readonly Kernel[];
  readonly program: GpuProgram;
  /** The schedule, as --explain says it ('auto: steps, hybrid (each time loop one kernel) for B ≤ 3'). */
  readonly schedule: string;
  readonly kernelOptions: KernelOptions;
  /** Dispatches per step of the time loops (0 where each loop is one dispatch), at the batch sizes above the small-batch plan's. */
  readonly dispatchesPerStep: number;
  /** Dispatches per call of each function, for a given number of steps per loop. */
  dispatches(fn: 'forward' | 'grad', steps: number): number;
  readonly report: { readonly forward: readonly PassReport[]; readonly grad: readonly PassReport[] };
  readonly fused: number;
}

/** The time axes of a model's inputs, in the order the sizes uniform holds them. */
function timeAxes(graphs: readonly Graph[]): string[] {
  const axes = new Set<string>();
  for (const g of graphs)
    for (const n of g.nodes) if (isOp(n, 'input') && n.attrs.type.time) axes.add(n.attrs.type.time);
  const list = [...axes];
  const fields = list.map((a) => dimField(`T:${a}`));
  if (new Set(fields).size !== fields.length)
    throw new UserError(`time axes ${list.join(', ')} have the same name in WGSL once made safe; rename one`);
  return list;
}

function refuseNestedScans(graph: Graph): void {
  for (const n of graph.nodes) {
    if (!isOp(n, 'scan')) continue;
    for (const inner of allGraphs(n.attrs.body))
      if (inner.nodes.some((m) => isOp(m, 'scan')))
        throw new UserError('the WGSL target does not run a recurrence inside another one yet; use --target ts');
  }
}

/** Which result group a gradient output belongs to, by the name of what it differentiates. */
interface Names {
  readonly params: ReadonlySet<string>;
  readonly inputs: ReadonlySet<string>;
  readonly states: readonly string[];
}

/** One function (forward or grad) as phases, with where its params, inputs and results live. */
function emitFunction(
  graph: Graph,
  ctx: WgslContext,
  names: Names,
  fusedGates: boolean,
): { items: Item[]; plan: Omit<FunctionPlan, 'steps'> } {
  const items: Item[] = [];
  const regions = {
    params: new Map<string, WBuffer>(),
    inputs: new Map<string, WBuffer>(),
    states: new Map<string, WBuffer>(),
  };
  const region = (map: Map<string, WBuffer>, name: string, layout: WBuffer['layout'], label: string) => {
    let b = map.get(name);
    if (!b) {
      const poly = ctx.arena.alloc(layout);
      b = { kind: 'buffer', base: toWgsl(poly), poly, layout, label };
      map.set(name, b);
    }
    return b;
  };
  const emitter = new WgslEmitter(
    ctx,
    graph,
    {
      param: (name, layout) => ({ ...region(regions.params, name, layout, `param ${name}`), fixed: true }),
      input: (name, layout) => region(regions.inputs, name, layout, `input ${name}`),
      arg: () => {
        throw new Error('a model graph has no arguments');
      },
      initialState: (name, layout) => {
        const k = names.states.indexOf(name);
        if (k < 0) throw new Error(`no state ${name}`);
        return {
          given: `dims.given${k} != 0u`,
          value: region(regions.states, name, layout, `the given initial ${name}`),
        };
      },
    },
    items,
  );
  // Params that are stacked by rows (fused gates) are laid out in stack order, so the stack is a view.
  for (const n of graph.nodes) {
    if (!isOp(n, 'stack_rows')) continue;
    const params = n.inputs.map((i) => graph.nodes[i]);
    if (
      !params.every((p) => isOp(p, 'param')) ||
      params.some((p) => regions.params.has((p as Node<'param'>).attrs.name))
    )
      continue;
    for (const p of params as Node<'param'>[])
      region(regions.params, p.attrs.name, layoutOf(p.attrs.type, ctx.sizes), `param ${p.attrs.name}`);
  }
  const values = emitter.emit(render);
  // Results the host reads back must sit in a region of their own (not a view or a choice of two).
  const results: ResultInfo[] = [];
  const result = (group: ResultGroup, name: string, node: Node) => {
    const value = values[node.id];
    const layout = layoutOf(node.type as TensorType, ctx.sizes);
    let b: WBuffer;
    if (value.kind === 'buffer' && value.poly !== undefined) b = value;
    else {
      const target = emitter.allocate(`result ${name}`, layout);
      const from = value.kind === 'buffer' ? value : undefined;
      const literal = value.kind === 'scalar' ? value.literal : '0.0';
      emitter.phase(
        target,
        `the result ${name}`,
        (w) => w.line(`${w.at(target, 'i')} = ${from ? emitter.read(w, from, layout, 'l', 'j') : literal};`),
        'result',
      );
      b = target;
    }
    const lead = leadMonomial(layout);
    results.push({
      group,
      name,
      offset: terms(b.poly as Poly),
      size: terms(sizePoly(layout)),
      shape: [...(lead === '' ? [] : lead.split('*')), ...layout.shape],
    });
  };
  for (const o of graph.outputs) {
    const node = graph.nodes[o.node];
    if (o.role === 'output') result('outputs', o.name, node);
    else if (o.role === 'final_state') result('finalStates', o.name, node);
    else if (o.role === 'loss') result('loss', 'loss', node);
    else if (o.role === 'gradient') {
      const of = o.name.slice(gradName('').length);
      if (names.params.has(of)) result('grads', of, node);
      else if (names.inputs.has(of)) result('inputGrads', of, node);
      else if (names.states.includes(of)) result('stateGrads', of, node);
    }
  }
  const offsets = (map: Map<string, WBuffer>) => [...map].map(([name, b]) => ({ name, offset: terms(b.poly as Poly) }));
  // With elementwise fusion, phases over the same elements that read one another only there are one phase,
  // and a time loop's recurrent product computes the gates after it (gates.ts).
  const merged = ctx.fuseElementwise ? mergeElementwisePhases(items) : items;
  return {
    items: ctx.fuseElementwise && fusedGates ? fuseGateSteps(merged) : merged,
    plan: {
      floats: terms(ctx.arena.floats),
      params: offsets(regions.params),
      inputs: offsets(regions.inputs),
      states: offsets(regions.states),
      results,
    },
  };
}

function context(
  options: WgslOptions,
  fuseElementwise: boolean,
  tile: KernelOptions['tile'],
  stepTile: KernelOptions['tile'],
  cacheBytes: number,
  hold: WgslContext['hold'],
): WgslContext {
  let counter = 0;
  const lines = options.source.text.split(/\r?\n/);
  return {
    sizes: options.sizes,
    fuseElementwise,
    arena: new Arena(),
    tile,
    stepTile,
    ...(cacheBytes > 0 ? { cache: { floats: Math.floor(cacheBytes / 4), entries: [] } } : {}),
    ...(hold ? { hold } : {}),
    fused: 0,
    fresh: (prefix) => `${prefix.replace(/[^A-Za-z0-9_]/g, '_')}_${counter++}`,
    source: (node) => (node.span ? `${node.span.line}: ${(lines[node.span.line - 1] ?? '').trim()}` : undefined),
  };
}

/**
 * Elements a time loop's phases compute per sample and step: where B times
 * this is small, one workgroup does a step's work faster than the dispatches
 * that would spread it.
 */
export function stepWork(items: readonly Item[]): number {
  let work = 0;
  for (const item of items)
    if (item.kind === 'loop') for (const p of item.body) if (p.kind === 'phase') work += phaseWork(p);
  return work;
}

/** The elements a phase computes per sample, with those of the phase it computes the gates of. */
function phaseWork(p: Phase): number {
  const elements = Math.max(0, ...p.count.values());
  const own = p.blocks ? (elements / p.blocks.divisor) * p.blocks.factor * p.blocks.divisor : elements * (p.parts ?? 1);
  return own + (p.absorbs ? phaseWork(p.absorbs) : 0);
}

/** With 'auto', batches up to this many step elements run the small-batch plan. */
const persistentWork = 4096;

/**
 * Where every time loop of the small-batch plan holds W and runs one
 * sample at a time (kernels.ts), and the device has subgroups to run that
 * variant, the plan serves batches this many times larger. On SwiftShader
 * (docs/benchmarks.md) it was still 1.1–1.2× faster than the steps plan at
 * 4× the batch of the bound above (LSTM I=64, H=64 and H=128; a GRU at
 * H=128 1.7×).
 */
const heldBatchFactor = 4;

/**
 * The plan for small batches: each time loop one persistent kernel, whose
 * GEMMs compute eight rows of one sample a thread; outside the loops, the
 * usual tiles over all T·B samples, dispatched across workgroups.
 */
const smallTile = { rows: 8, samples: 1 };

export function compileToWgsl(model: ModelInfo, options: WgslOptions): WgslResult {
  const { forward, backward } = optimizedGraphs(model, options);
  const graphs = [forward.graph, ...(backward ? [backward.graph] : [])];
  graphs.forEach(refuseNestedScans);
  const fuseElementwise = options.level >= 1 && !options.disable?.has('elementwise-fusion');
  const bindings = { axes: timeAxes(graphs), states: model.states.map((s) => s.name) };
  const names: Names = {
    params: new Set(model.params.map((p) => p.name)),
    inputs: new Set(model.inputs.map((i) => i.name)),
    states: bindings.states,
  };
  const kernelOptions = { ...defaultKernelOptions, ...options.kernels };
  // Persistent kernels may keep the weights their loops read in workgroup memory, and, with quads, in private memory.
  const heldFloats = kernelOptions.quads ? kernelOptions.heldFloats : 0;
  const emit = (tile: KernelOptions['tile'], stepTile: KernelOptions['tile'], persistent: boolean) =>
    graphs.map((g) => {
      const ctx = context(
        options,
        fuseElementwise,
        tile,
        stepTile,
        persistent ? kernelOptions.workgroupStorage : 0,
        persistent && heldFloats > 0 ? { threads: kernelOptions.persistentSize, floats: heldFloats } : undefined,
      );
      return {
        ...emitFunction(g, ctx, names, kernelOptions.fusedGates),
        fused: ctx.fused,
        cache: ctx.cache?.entries ?? [],
      };
    });
  // 'auto': the steps schedule, and for small batches a hybrid plan (each loop one persistent kernel) that the host picks by B.
  const auto = options.schedule === undefined || options.schedule === 'auto';
  const mode: Schedule = auto ? 'steps' : (options.schedule as Schedule);
  // Kernels dispatched across workgroups share loads within quads; a persistent kernel's one workgroup does not.
  const quads = kernelOptions.quads && kernelOptions.workgroupSize % quadSize === 0;
  const spread = quads ? { ...kernelOptions.quadTile, quads: true } : kernelOptions.tile;
  const emitted =
    mode === 'persistent'
      ? emit(kernelOptions.tile, kernelOptions.tile, true)
      : emit(spread, mode === 'steps' ? spread : kernelOptions.tile, mode !== 'steps');
  const small = auto ? emit(spread, smallTile, true) : undefined;
  const kernels: Kernel[] = [];
  const plans = emitted.map((f, k): FunctionPlan => {
    const fn = k === 0 ? 'forward' : 'grad';
    const scheduled = schedule(f.items, fn, mode, bindings, kernelOptions, kernels.length, f.cache);
    kernels.push(...scheduled.kernels);
    const upToBatch = Math.floor(persistentWork / Math.max(1, stepWork(f.items)));
    if (!small || upToBatch < 1) return { ...f.plan, steps: scheduled.plan };
    const alternative = schedule(
      small[k].items,
      `${fn}_small_batch`,
      'hybrid',
      bindings,
      kernelOptions,
      kernels.length,
      small[k].cache,
    );
    kernels.push(...alternative.kernels);
    const loops = small[k].items.filter((item) => item.kind === 'loop').length;
    const inTurn = loops > 0 && alternative.kernels.filter((kernel) => kernel.samplesInTurn).length === loops;
    const withQuads = inTurn ? { upToBatchWithQuads: heldBatchFactor * upToBatch } : {};
    return {
      ...f.plan,
      steps: scheduled.plan,
      small: { ...small[k].plan, steps: alternative.plan, upToBatch, ...withQuads },
    };
  });
  const program: GpuProgram = {
    kernels: kernels.map(({ name, code, subgroupCode, stepped, workgroupSize, workgroupBytes }) => ({
      name,
      code,
      ...(subgroupCode ? { subgroupCode } : {}),
      stepped,
      workgroupSize,
      ...(workgroupBytes ? { workgroupBytes } : {}),
    })),
    axes: bindings.axes,
    states: bindings.states,
    forward: plans[0],
    ...(plans[1] ? { grad: plans[1] } : {}),
  };
  const upTo = program.forward.small?.upToBatch;
  const withQuads = program.forward.small?.upToBatchWithQuads;
  const quadsBound = withQuads
    ? ` (B ≤ ${withQuads} with subgroups, whose loops hold W and run one sample at a time)`
    : '';
  const described = auto
    ? `auto: steps${upTo ? `, hybrid (each time loop one kernel) for B ≤ ${upTo}${quadsBound}` : ''}`
    : mode;
  const torch = options.cells ? torchKeyLayout(model, options.cells) : undefined;
  const host = emitHost({
    model,
    sizes: options.sizes,
    dtype: 'f32',
    forward: forward.graph,
    ...(backward ? { grad: backward.graph } : {}),
    source: options.source,
    level: options.level,
    ...(torch ? { torch } : {}),
    program,
    schedule: described,
    ...(options.layout ? { layout: options.layout } : {}),
  });
  const dispatches = (fn: 'forward' | 'grad', steps: number) => {
    const plan = fn === 'forward' ? program.forward : program.grad;
    if (!plan) return 0;
    return plan.steps.reduce((n, s) => n + ('body' in s ? s.body.length * Math.min(steps, s.truncate ?? steps) : 1), 0);
  };
  const loops = program.forward.steps.filter((s) => 'body' in s);
  return {
    host,
    kernels,
    program,
    schedule: described,
    kernelOptions,
    dispatchesPerStep: loops.reduce((n, l) => n + ('body' in l ? l.body.length : 0), 0),
    dispatches,
    report: { forward: forward.report, grad: backward?.report ?? [] },
    fused: emitted.reduce((n, f) => n + f.fused, 0),
  };
}
