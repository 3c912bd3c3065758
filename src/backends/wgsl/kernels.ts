/**
 * Phases → WGSL kernels and the host's dispatch plan, in one of three
 * schedules:
 * - `steps`: every phase is a kernel of its own, dispatched with one thread
 *   per element; the host runs each time loop, dispatching the loop's
 *   kernels once per step (they read the step from a uniform).
 * - `persistent`: the whole function is one kernel run by one workgroup,
 *   which strides over each phase's elements and waits at a barrier before
 *   the next phase; time loops are loops in the kernel. One dispatch.
 * - `hybrid`: phases outside loops are dispatched as in `steps`, and each
 *   time loop is one persistent kernel, with the small elementwise phases
 *   right before and after it (copies of the initial and final states).
 */
import { quadSize, type Tile } from './ops.js';
import type { Dispatch, KernelInfo, PlanStep, SizeTerms } from './runtime.js';
import { type CacheEntry, type Item, type Loop, type Phase, threads } from './phase.js';
import { dimField, type Poly, timeLength } from './poly.js';
import { wgslComment } from '../comment-text.js';
import { wgslFunctions } from '../../ir/ops/pointwise.js';

export type Schedule = 'steps' | 'persistent' | 'hybrid';

export interface KernelOptions {
  /** Threads per workgroup of the kernels that give each element a thread. */
  readonly workgroupSize: number;
  /** Threads of the one workgroup that runs a persistent kernel. */
  readonly persistentSize: number;
  /** Rows of W and samples each thread of a GEMM computes. */
  readonly tile: Tile;
  /**
   * GEMMs of kernels dispatched across workgroups share the values of W they
   * load within quads of threads (ops.ts, quadGemm), each thread computing
   * `quadTile`; the host runs them with subgroup operations where the device
   * has them, and without elsewhere.
   */
  readonly quads: boolean;
  readonly quadTile: Tile;
  /**
   * Bytes of workgroup memory a persistent kernel may fill with the weights
   * its time loops read (16 KiB: what every WebGPU device has).
   */
  readonly workgroupStorage: number;
  /**
   * Values of W each thread of a persistent kernel may hold in private memory
   * for a GEMM in a time loop (heldGemm in ops.ts; with quads only). 1,024
   * holds the recurrent weights of an LSTM of 128 units in 64 threads.
   */
  readonly heldFloats: number;
  /**
   * A time loop's recurrent product computes the gates after it from the
   * sums it holds (gates.ts): a step of an LSTM or a GRU is one dispatch,
   * or one phase of a persistent kernel, instead of two.
   */
  readonly fusedGates: boolean;
}

/**
 * Measured on SwiftShader (docs/benchmarks.md): 8 × 8 tiles for batches (loads, not
 * arithmetic, bound a GEMM there: 8 × 8 took 0.6 of the time of 4 × 4), 64 threads a
 * persistent workgroup.
 */
export const defaultKernelOptions: KernelOptions = {
  workgroupSize: 64,
  persistentSize: 64,
  tile: { rows: 8, samples: 8 },
  quads: true,
  quadTile: { rows: 32, samples: 4 },
  workgroupStorage: 16384,
  heldFloats: 1024,
  fusedGates: true,
};

/** What every kernel declares: the sizes uniform and the storage buffer. */
export interface Bindings {
  readonly axes: readonly string[];
  readonly states: readonly string[];
}

export interface Kernel extends KernelInfo {
  /** How many phases it runs, for the report. */
  readonly phases: number;
  /** How many of its GEMMs hold W in private memory in its variant with subgroups. */
  readonly holds?: number;
  /** Whether every time loop of its variant with subgroups holds W and runs one sample at a time (sampleBySample). */
  readonly samplesInTurn?: boolean;
}

export function terms(p: Poly): SizeTerms {
  return [...p].map(([m, c]) => [c, ...(m === '' ? [] : m.split('*'))] as const);
}

/** The declarations shared by every kernel of a model. */
function preamble(b: Bindings, stepped: boolean): string {
  const fields = [
    '  B: u32, // the batch size',
    ...b.axes.map((a) => `  ${dimField(`T:${a}`)}: u32, // the length of time axis ${wgslComment(a)}`),
    ...b.states.map((s, k) => `  given${k}: u32, // 1 where the caller gave the initial state ${wgslComment(s)}`),
  ];
  return [
    'struct Dims {',
    ...fields,
    '}',
    '',
    '@group(0) @binding(0) var<uniform> dims: Dims;',
    '// Every value of the model, each in a region of its own (params, inputs, states, results).',
    '@group(0) @binding(1) var<storage, read_write> mem: array<f32>;',
    ...(stepped
      ? [
          '',
          'struct Step {',
          '  s: u32, // the step of the time loop, counted from its start',
          '}',
          '@group(0) @binding(2) var<uniform> step: Step;',
        ]
      : []),
  ].join('\n');
}

/** The definitions of the functions the ops' expressions call (wgslFunctions) that `code` calls. */
function opFunctions(code: string): string[] {
  return Object.entries(wgslFunctions).flatMap(([name, text]) =>
    new RegExp(`\\b${name}\\(`).test(code) ? ['', text] : [],
  );
}

/** The step t that loop step s is at. */
function stepAt(loop: Loop, s: string): string {
  return loop.reverse ? `${timeLength(loop.axis)} - 1u - ${s}` : s;
}

function loopCount(loop: Loop): string {
  const T = timeLength(loop.axis);
  return loop.truncate !== undefined ? `min(${T}, ${loop.truncate}u)` : T;
}

function phases(items: readonly Item[]): Phase[] {
  return items.flatMap((i) => (i.kind === 'phase' ? [i] : phases(i.body)));
}

/**
 * The helpers of a quad-shared GEMM (quadGemm in ops.ts): quadRow<j>(mine,
 * at) is W's value at step p + j of k for the quad's row, whose own value
 * `mine` quad thread j loaded from mem[at]. With subgroups a thread takes it
 * from its neighbour; without, it loads it itself.
 */
function quadHelpers(subgroups: boolean): string[] {
  const lanes = [...Array(quadSize).keys()];
  return subgroups
    ? lanes.map((j) => `fn quadRow${j}(mine: f32, at: u32) -> f32 { return quadBroadcast(mine, ${j}u); }`)
    : lanes.map((j) => `fn quadRow${j}(mine: f32, at: u32) -> f32 { return mem[at]; }`);
}

/**
 * The directives of a kernel that uses quad operations. The uniformity
 * analysis cannot see that every quad runs a quad-shared GEMM together (its
 * threads are a multiple of four, as is a workgroup, so the bounds check
 * passes or fails for a whole quad), hence the diagnostic is off.
 */
const subgroupDirectives = ['enable subgroups;', 'diagnostic(off, subgroup_uniformity);'];

/** What a kernel's header says of a product that computes the gates after it (gates.ts). */
function computesGates(gates: Phase): string {
  return `It computes the gates after the product too (${gates.name}), from the sums each thread holds: they are never stored.`;
}

/** A kernel giving each of a phase's elements a thread. */
function threadKernel(phase: Phase, b: Bindings, o: KernelOptions, name: string, loop: Loop | undefined): Kernel {
  const stepped = loop !== undefined && phase.usesStep;
  const t = stepped && loop ? stepAt(loop, 'step.s') : '0u';
  const header = [
    `// rnnc kernel ${name}: one thread per ${phase.blocks ? 'tile' : 'element'}, ${o.workgroupSize} per workgroup.`,
    ...(loop
      ? [
          `// Dispatched once per step of the time loop (${wgslComment(loop.comment)}): dispatch ${loop.body.indexOf(phase) + 1} of the ${loop.body.length} a step takes.`,
        ]
      : []),
    ...(phase.absorbs ? [`// ${computesGates(phase.absorbs)}`] : []),
  ];
  const body = [
    preamble(b, stepped),
    ...opFunctions(phase.code),
    '',
    phase.code,
    '',
    `@compute @workgroup_size(${o.workgroupSize})`,
    'fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {',
    `  let i = (group.y * groups.x + group.x) * ${o.workgroupSize}u + lane;`,
    `  if (i < ${threads(phase)}) {`,
    `    ${phase.name}(i, ${t});`,
    '  }',
    '}',
    '',
  ];
  const kernel = { name, stepped, workgroupSize: o.workgroupSize, phases: 1 };
  if (!phase.quads) return { ...kernel, code: [...header, ...body].join('\n') };
  if (o.workgroupSize % quadSize !== 0)
    throw new Error(`quad-shared GEMMs need workgroups of a multiple of ${quadSize} threads`);
  const helpers = (subgroups: boolean) => [
    '',
    subgroups
      ? '// Quad-shared GEMM: each thread takes the values of W its quad neighbours loaded (subgroup quad broadcasts).'
      : '// Quad-shared GEMM, for devices without subgroups: each thread loads every value of W itself.',
    ...quadHelpers(subgroups),
  ];
  const [preambleText, ...rest] = body;
  return {
    ...kernel,
    code: [...header, preambleText, ...helpers(false), ...rest].join('\n'),
    subgroupCode: [...header, ...subgroupDirectives, preambleText, ...helpers(true), ...rest].join('\n'),
  };
}

/**
 * The body of a persistent kernel: each phase strided over the workgroup, then
 * a barrier. With `held`, the GEMMs that hold W (Phase.held) load it before
 * their loop, and every thread runs them once a step.
 */
function persistentBody(
  items: readonly Item[],
  o: KernelOptions,
  t: string,
  depth: number,
  held: boolean,
  /** In the held variant, the phases whose elements a held product computes (gates.ts): not run again. */
  absorbed: ReadonlySet<string>,
): string[] {
  const pad = '  '.repeat(depth);
  const lines: string[] = [];
  for (const item of items) {
    if (item.kind === 'phase') {
      if (absorbed.has(item.name)) continue;
      if (held && item.held) lines.push(`${pad}${item.name}(lane, ${t});`);
      else {
        lines.push(`${pad}for (var i = lane; i < ${threads(item)}; i += ${o.persistentSize}u) {`);
        lines.push(`${pad}  ${item.name}(i, ${t});`);
        lines.push(`${pad}}`);
      }
      lines.push(`${pad}storageBarrier();`);
      continue;
    }
    if (held) for (const p of phases(item.body)) if (p.held) lines.push(`${pad}${p.held.load}(lane);`);
    lines.push(`${pad}// ${wgslComment(item.comment)}`);
    const bySample = held ? sampleBySample(item, absorbed) : undefined;
    if (bySample) {
      lines.push(`${pad}// One sample at a time: each runs all its steps, then the next.`);
      lines.push(`${pad}for (var n = 0u; n < ${bySample.samples}; n++) {`);
    }
    const inner = bySample ? `${pad}  ` : pad;
    lines.push(`${inner}for (var s = 0u; s < ${loopCount(item)}; s++) {`);
    lines.push(`${inner}  let t = ${stepAt(item, 's')};`);
    if (bySample)
      for (const name of bySample.names) lines.push(`${inner}  ${name}(lane, t, n);`, `${inner}  storageBarrier();`);
    else lines.push(...persistentBody(item.body, o, 't', depth + 1, held, absorbed));
    lines.push(`${inner}}`);
    if (bySample) lines.push(`${pad}}`);
  }
  return lines;
}

/**
 * Where a held variant's time loop is nothing but held products (the gates
 * after them absorbed), the functions of their steps for one sample and the
 * sample count: no step reads another sample's values, so each sample can
 * run all its steps before the next. The step's code then has no loop over
 * samples inside the time loop; on SwiftShader such a step took about half
 * the time (docs/benchmarks.md, lstm-small-latency). Undefined otherwise.
 */
function sampleBySample(
  loop: Loop,
  absorbed: ReadonlySet<string>,
): { readonly names: readonly string[]; readonly samples: string } | undefined {
  const body = loop.body.filter((item) => item.kind === 'loop' || !absorbed.has(item.name));
  const held = body.flatMap((item) => (item.kind === 'phase' && item.held ? [item.held.bySample] : []));
  if (held.length === 0 || held.length !== body.length) return undefined;
  if (held.some((h) => h.samples !== held[0].samples)) return undefined;
  return { names: held.map((h) => h.name), samples: held[0].samples };
}

/** A held product's functions in a kernel: the step of every sample too, unless its loop runs one sample at a time. */
function heldCode(held: NonNullable<Phase['held']>, inTurn: ReadonlySet<string>): string {
  return inTurn.has(held.bySample.name) ? held.code : `${held.code}\n${held.everySample}`;
}

/** `n thing` or `n things`. */
const plural = (n: number, thing: string): string => `${n} ${thing}${n === 1 ? '' : 's'}`;

function persistentKernel(
  items: readonly Item[],
  b: Bindings,
  o: KernelOptions,
  name: string,
  cache: readonly CacheEntry[],
): Kernel {
  const all = phases(items);
  const loops = items.flatMap((item) => (item.kind === 'loop' ? [item] : []));
  const holding = all.filter((p) => p.held);
  const absorbed = new Set(holding.flatMap((p) => (p.held?.absorbs ? [p.held.absorbs] : [])));
  // The held variant's loops that run one sample at a time, and the functions of their steps.
  const bySample = loops.map((loop) => sampleBySample(loop, absorbed));
  const inTurn = new Set(bySample.flatMap((loop) => loop?.names ?? []));
  const floats = cache.reduce((n, c) => n + c.floats, 0);
  const load = cache.flatMap((c) => [
    `  // ${wgslComment(c.label)}`,
    `  for (var i = lane; i < ${c.floats}u; i += ${o.persistentSize}u) {`,
    `    cache[${c.offset}u + i] = mem[${c.source} + i];`,
    '  }',
  ]);
  const text = (held: boolean, skipped = held ? absorbed : new Set<string>()) => {
    const code = all
      .filter((p) => !skipped.has(p.name))
      .map((p) => `${held && p.held ? heldCode(p.held, inTurn) : p.code}\n`);
    return [
      `// rnnc kernel ${name}: persistent, one workgroup of ${o.persistentSize} threads runs ${plural(all.length - skipped.size, 'phase')} in one dispatch,`,
      '// with a barrier between phases.',
      ...all.flatMap((p) => (p.absorbs ? [`// ${computesGates(p.absorbs)}`] : [])),
      ...(floats > 0
        ? [`// The weights its time loops read are copied into workgroup memory first (${4 * floats} bytes).`]
        : []),
      ...(held
        ? [
            `// Its time loops' GEMMs hold W in each thread's private memory (${holding.length === 1 ? 'one GEMM' : `${holding.length} GEMMs`}): this variant needs subgroups.`,
            ...(absorbed.size > 0
              ? [
                  `// ${absorbed.size === 1 ? 'One of them computes' : `${absorbed.size} of them compute`} the gates after it from the sums it holds (one phase a step).`,
                ]
              : []),
            ...subgroupDirectives,
          ]
        : []),
      preamble(b, false),
      ...opFunctions(code.join('')),
      ...(floats > 0 ? ['', `var<workgroup> cache: array<f32, ${floats}>;`] : []),
      '',
      ...code,
      `@compute @workgroup_size(${o.persistentSize})`,
      'fn main(@builtin(local_invocation_index) lane: u32) {',
      ...(floats > 0 ? [...load, '  workgroupBarrier();'] : []),
      ...persistentBody(items, o, '0u', 1, held, skipped),
      '}',
      '',
    ].join('\n');
  };
  return {
    name,
    code: text(false),
    ...(holding.length > 0 ? { subgroupCode: text(true), holds: holding.length } : {}),
    ...(loops.length > 0 && bySample.every(Boolean) ? { samplesInTurn: true } : {}),
    stepped: false,
    workgroupSize: o.persistentSize,
    ...(floats > 0 ? { workgroupBytes: 4 * floats } : {}),
    phases: all.length,
  };
}

/**
 * Elements a sample of a phase may have and still run in the persistent
 * kernel of the time loop beside it instead of a dispatch of its own: on
 * SwiftShader a dispatch costs about 0.1 ms however little it does
 * (docs/benchmarks.md), while 1,024 elements a sample are 16 a thread of
 * the persistent workgroup, for the small batches that plan serves.
 */
const riderElements = 1024;

/** Whether a phase is small enough to ride in a loop's persistent kernel: elementwise, and no time axis in its count. */
function rides(item: Item | undefined): boolean {
  if (item?.kind !== 'phase' || item.blocks || item.quads) return false;
  return [...item.count].every(([monomial, n]) => !monomial.includes('T:') && n <= riderElements);
}

/**
 * For the `hybrid` schedule, the items of each time loop's persistent
 * kernel by the loop's index: the small phases right before it, the loop,
 * and those right after it (`rides`), so that they are not dispatches of
 * their own. They keep their order, so the kernels run everything in the
 * order of the items.
 */
function ridersOf(items: readonly Item[]): Map<number, Item[]> {
  const taken = new Set<number>();
  const kernels = new Map<number, Item[]>();
  items.forEach((item, k) => {
    if (item.kind !== 'loop') return;
    let first = k;
    while (rides(items[first - 1]) && !taken.has(first - 1)) first--;
    let last = k;
    while (rides(items[last + 1])) last++;
    for (let j = first; j <= last; j++) taken.add(j);
    kernels.set(k, items.slice(first, last + 1));
  });
  return kernels;
}

/** The threads a dispatch of a phase needs, for the host. */
function dispatchCount(p: Phase): Pick<Dispatch, 'count' | 'blocks'> {
  return { count: terms(p.count), ...(p.blocks ? { blocks: p.blocks } : {}) };
}

export interface Scheduled {
  readonly kernels: readonly Kernel[];
  readonly plan: readonly PlanStep[];
}

/** Kernels and the dispatch plan of one function's items; kernel indices start at `first`. */
export function schedule(
  items: readonly Item[],
  fn: string,
  mode: Schedule,
  b: Bindings,
  o: KernelOptions,
  first: number,
  cache: readonly CacheEntry[] = [],
): Scheduled {
  const kernels: Kernel[] = [];
  const add = (k: Kernel): number => {
    kernels.push(k);
    return first + kernels.length - 1;
  };
  const name = (what: string) => `${fn}_${String(kernels.length).padStart(2, '0')}_${what}`;
  if (mode === 'persistent') {
    const kernel = add(persistentKernel(items, b, o, name('all'), cache));
    return { kernels, plan: [{ kernel }] };
  }
  const plan: PlanStep[] = [];
  const riders = mode === 'hybrid' ? ridersOf(items) : new Map<number, Item[]>();
  const riding = new Set<Item>([...riders.values()].flat().filter((item) => item.kind === 'phase'));
  for (const [k, item] of items.entries()) {
    if (riding.has(item)) continue;
    if (item.kind === 'phase') {
      plan.push({ kernel: add(threadKernel(item, b, o, name(item.name), undefined)), ...dispatchCount(item) });
      continue;
    }
    if (mode === 'hybrid') {
      plan.push({ kernel: add(persistentKernel(riders.get(k) ?? [item], b, o, name('loop'), cache)) });
      continue;
    }
    const body: Dispatch[] = item.body.map((p) => {
      if (p.kind !== 'phase') throw new Error('a time loop inside a time loop');
      return { kernel: add(threadKernel(p, b, o, name(p.name), item)), ...dispatchCount(p) };
    });
    plan.push({ axis: item.axis, ...(item.truncate !== undefined ? { truncate: item.truncate } : {}), body });
  }
  return { kernels, plan };
}
