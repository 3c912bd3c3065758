/**
 * Compiling a model: one standalone TypeScript module, the same as JavaScript with a .d.ts, or
 * WGSL kernels with a host module for WebGPU. The files come back as strings by name.
 */
import { declarations, stripTypes } from '../backends/js.js';
import { compileToTypeScript, formatBytes } from '../backends/ts/index.js';
import { compileToWgsl } from '../backends/wgsl/index.js';
import { UserError } from '../diagnostics.js';
import { type OptLevel, passNames, type PassReport } from '../passes/pipeline.js';
import {
  chooseModel,
  type ModelChoice,
  programOf,
  type ProgramSource,
  type SourceOptions,
  withGradErrors,
} from './program.js';
import { raggedModel } from './lengths.js';

export interface CompileOptions extends SourceOptions, ModelChoice {
  /** `ts` (default): a TypeScript module; `js`: the module as JavaScript with a .d.ts; `wgsl`: kernels and a host. */
  readonly target?: 'ts' | 'js' | 'wgsl';
  /** The language of the WGSL host module (default ts; js writes it as JavaScript with a .d.ts). */
  readonly host?: 'ts' | 'js';
  /** 0 none, 1 cleanups, 2 everything (default). */
  readonly level?: OptLevel;
  /** Precision of the generated code (default f32; WGSL is f32 only). */
  readonly dtype?: 'f32' | 'f64';
  /** `simd` (default): WebAssembly SIMD kernels in the module; `scalar`: JavaScript loops only. */
  readonly cpu?: 'simd' | 'scalar';
  /** Passes turned off by name (`gate-fusion`, `hoist`, …, `elementwise-fusion`, `buffer-planning`). */
  readonly disable?: readonly string[];
  /** Truncated BPTT in grad: carry gradients back at most this many steps. */
  readonly truncate?: number;
  /** Recompute each step in grad instead of saving its values. */
  readonly remat?: boolean;
  /** Sequences the module takes and gives: `time-major` `[T][B][…]` (default) or `batch-major` `[B][T][…]`. */
  readonly layout?: 'time-major' | 'batch-major';
  /** WGSL: how phases become dispatches (default auto). */
  readonly schedule?: 'auto' | 'steps' | 'persistent' | 'hybrid';
  /** WGSL: the kernels' shapes (threads, tiles, workgroup memory); see `rnnc compile --help`. */
  readonly kernels?: WgslKernelOptions;
  /**
   * Time axes whose batches may hold sequences of different lengths: the module's functions take
   * each sample's number of steps along them (`forward(params, inputs, {}, { T: [5, 3] })`).
   */
  readonly lengths?: readonly string[];
}

/** The WGSL kernels' shapes a user may choose (each has a default). */
export interface WgslKernelOptions {
  /** Threads per workgroup of the kernels that give each element a thread (a power of two). */
  readonly workgroupSize?: number;
  /** Threads of the one workgroup that runs a persistent kernel. */
  readonly persistentSize?: number;
  /** Rows of W and samples each thread of a GEMM computes in a persistent kernel. */
  readonly tile?: { readonly rows: number; readonly samples: number };
  /** The same for GEMMs dispatched across workgroups, whose quads of threads share loads. */
  readonly quadTile?: { readonly rows: number; readonly samples: number };
  readonly quads?: boolean;
  /** Bytes of workgroup memory a persistent kernel may fill with weights. */
  readonly workgroupStorage?: number;
  /** Values of W a thread may hold in private memory in a time loop. */
  readonly heldFloats?: number;
  /** A time loop's recurrent product computes the gates after it. */
  readonly fusedGates?: boolean;
}

export interface CompileResult {
  readonly model: string;
  readonly target: 'ts' | 'js' | 'wgsl';
  /** File names (no folder) to their text: `LSTM.ts`; `LSTM.js` and `LSTM.d.ts`; a host and `.wgsl` kernels. */
  readonly files: Readonly<Record<string, string>>;
  /** The file a user imports: the module, or the WGSL host. */
  readonly main: string;
  /** What each pass changed, fusion, buffers and kernels, as `--explain` prints it. */
  readonly explain: readonly string[];
  /** One line a kernel set or module: what was made (WGSL: schedule, kernels, dispatches). */
  readonly summary: readonly string[];
  /** The WebAssembly SIMD kernels in the text format (ts and js targets, f32 SIMD only). */
  readonly wat?: string;
}

/** A model name as a file name. */
export function fileStem(name: string): string {
  return name.replace(/[^A-Za-z0-9_]/g, '_');
}

function report(title: string, passes: readonly PassReport[]): string[] {
  const lines = [`${title}:`];
  for (const r of passes) {
    lines.push(`  ${r.pass} (${r.nodes} nodes after)${r.changes.length === 0 ? ': no change' : ''}`);
    for (const c of r.changes) lines.push(`    ${c}`);
  }
  return lines;
}

export function checkedDisable(names: readonly string[]): Set<string> {
  const known = [...passNames(), 'elementwise-fusion', 'buffer-planning'];
  for (const name of names)
    if (!known.includes(name)) throw new UserError(`there is no pass '${name}' (the passes are ${known.join(', ')})`);
  return new Set(names);
}

/** A TypeScript module's files as the target asks: itself, or JavaScript and declarations. */
function moduleFiles(stem: string, code: string, language: 'ts' | 'js'): Record<string, string> {
  if (language === 'ts') return { [`${stem}.ts`]: code };
  const header = code.slice(0, code.indexOf('\n'));
  return { [`${stem}.js`]: stripTypes(code), [`${stem}.d.ts`]: declarations(code, header) };
}

export function compile(source: ProgramSource, options: CompileOptions = {}): CompileResult {
  const program = programOf(source, options);
  const chosen = chooseModel(program, options);
  const model = raggedModel(chosen.model, options.lengths ?? []);
  const sizes = chosen.sizes;
  const target = options.target ?? 'ts';
  if (target !== 'ts' && target !== 'js' && target !== 'wgsl')
    throw new UserError(`unknown target '${String(target)}': the targets are ts, js and wgsl`);
  const level = options.level ?? 2;
  if (![0, 1, 2].includes(level)) throw new UserError(`the level is 0, 1 or 2, got ${level}`);
  const dtype = options.dtype ?? 'f32';
  if (dtype !== 'f32' && dtype !== 'f64') throw new UserError(`dtype is f32 or f64, got '${String(dtype)}'`);
  const cpu = options.cpu ?? 'simd';
  if (cpu !== 'simd' && cpu !== 'scalar') throw new UserError(`cpu is simd or scalar, got '${String(cpu)}'`);
  const disable = checkedDisable(options.disable ?? []);
  const stem = fileStem(model.name);
  const layout = options.layout ?? 'time-major';
  if (layout !== 'time-major' && layout !== 'batch-major')
    throw new UserError(`layout is time-major or batch-major, got '${String(layout)}'`);
  const common = {
    layout,
    level,
    sizes,
    disable,
    source: { file: program.file, text: program.source },
    cells: program.cellTable,
    ...(options.truncate !== undefined && options.truncate > 0 ? { truncate: options.truncate } : {}),
    ...(options.remat ? { remat: true } : {}),
  };

  if (target === 'wgsl') {
    if (dtype !== 'f32') throw new UserError('WGSL computes in f32: leave out dtype f64');
    // WGSL indexes memory with u32: the params, laid out first, must be addressable by one.
    const paramValues = model.params.reduce((n, p) => n + p.shape.reduce((m, d) => m * d.evaluate(sizes), 1), 0);
    if (4 * paramValues >= 2 ** 32)
      throw new UserError(
        `model ${model.name} has ${paramValues} param values at these sizes: more than WGSL's 32-bit indices can address (4 GiB)`,
      );
    const result = withGradErrors(program, () =>
      compileToWgsl(model, {
        ...common,
        schedule: options.schedule ?? 'auto',
        ...(options.kernels ? { kernels: options.kernels } : {}),
      }),
    );
    const { workgroupSize, persistentSize, tile, quadTile, heldFloats } = result.kernelOptions;
    const holds = result.kernels.some((k) => (k.holds ?? 0) > 0);
    const quads = result.kernels.some((k) => k.subgroupCode !== undefined);
    const tiles = quads
      ? `GEMM tiles of ${quadTile.rows} rows × ${quadTile.samples} samples a thread, quads of threads sharing the rows they load (subgroups; without them, each thread loads its own), ${tile.rows} × ${tile.samples} in persistent kernels${holds ? `, whose time loops hold W in private memory instead where the device has subgroups (up to ${heldFloats} values a thread)` : ''}`
      : `GEMM tiles of ${tile.rows} rows × ${tile.samples} samples a thread`;
    const summary = [
      `schedule: ${result.schedule}; ${result.kernels.length} kernels; workgroups of ${workgroupSize} threads (one per element), persistent kernels one workgroup of ${persistentSize}; ${tiles}; up to ${result.kernelOptions.workgroupStorage} bytes of weights in workgroup memory`,
      `dispatches per step of a time loop: ${result.dispatchesPerStep === 0 ? 'none (each loop runs inside one kernel)' : result.dispatchesPerStep}; per forward call with 100 steps: ${result.dispatches('forward', 100)}`,
    ];
    const files: Record<string, string> = moduleFiles(stem, result.host, options.host ?? 'ts');
    for (const k of result.kernels) {
      files[`${k.name}.wgsl`] = k.code;
      // What devices with subgroups run instead.
      if (k.subgroupCode) files[`${k.name}.subgroups.wgsl`] = k.subgroupCode;
    }
    return {
      model: model.name,
      target,
      files,
      main: `${stem}.${options.host ?? 'ts'}`,
      explain: [
        ...report('forward', result.report.forward),
        ...report('grad', result.report.grad),
        `elementwise fusion: ${result.fused} node${result.fused === 1 ? '' : 's'} computed inside another node's phase`,
        ...summary,
        ...result.kernels.map(
          (k) => `  ${k.name}: ${k.phases} phase${k.phases === 1 ? '' : 's'}${k.stepped ? ', once per step' : ''}`,
        ),
      ],
      summary,
    };
  }

  const result = withGradErrors(program, () => compileToTypeScript(model, { ...common, dtype, cpu }));
  const kernels = result.kernels;
  return {
    model: model.name,
    target,
    files: moduleFiles(stem, result.code, target),
    main: `${stem}.${target}`,
    explain: [
      ...report('forward', result.report.forward),
      ...report('grad', result.report.grad),
      `elementwise fusion: ${result.fused} node${result.fused === 1 ? '' : 's'} computed inside another node's loop`,
      `buffer planning: forward and grad allocate ${formatBytes(result.memory.planned)} per call (${formatBytes(result.memory.unplanned)} without planning)`,
      kernels
        ? `WebAssembly SIMD kernels: ${kernels.names.join(', ') || 'none'} (${kernels.bytes} bytes)`
        : 'WebAssembly SIMD kernels: none (scalar JavaScript)',
    ],
    summary: [
      `${result.code.split('\n').length} lines, model ${model.name}, -O${level}, ${dtype}, ${kernels ? 'WebAssembly SIMD kernels' : 'scalar kernels'}`,
    ],
    ...(result.wat !== undefined ? { wat: result.wat } : {}),
  };
}
