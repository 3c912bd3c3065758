/** `rnnc compile --target wgsl`: a model → .wgsl kernels and one TypeScript host module for WebGPU. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileToWgsl } from '../backends/wgsl/index.js';
import { UserError } from '../diagnostics.js';
import { type Program, selectModel } from '../frontend/program.js';
import { bindSizes } from '../interp/run.js';
import type { OptLevel } from '../passes/pipeline.js';
import { type CompileFlags, describeReport, disabledPasses } from './compile.js';
import { gradOptions } from './grad.js';
import { parseSchedule, parseSizes } from './load.js';

function parseThreads(value: string, flag: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 1024 || (n & (n - 1)) !== 0)
    throw new UserError(`${flag} must be a power of two from 1 to 1024, got '${value}'`);
  return n;
}

function parseBytes(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n % 4 !== 0)
    throw new UserError(`--workgroup-storage is a number of bytes, a multiple of 4 (0: none), got '${value}'`);
  return n;
}

function parseTile(value: string, flag: string): { rows: number; samples: number } {
  const match = /^(\d+)x(\d+)$/.exec(value);
  const [rows, samples] = match ? [Number(match[1]), Number(match[2])] : [0, 0];
  if (!(rows >= 1 && rows <= 32 && samples >= 1 && samples <= 16))
    throw new UserError(
      `${flag} is ROWSxSAMPLES, rows from 1 to 32 and samples from 1 to 16, like 8x8, got '${value}'`,
    );
  return { rows, samples };
}

export function compileWgslCommand(
  program: Program,
  flags: CompileFlags,
  level: OptLevel,
  out: (text: string) => void,
): void {
  if (flags.dtype !== 'f32') throw new UserError('--target wgsl computes in f32: leave out --dtype f64');
  if (flags.emitWat !== undefined) throw new UserError('--emit-wat is for --target ts: WGSL kernels are WGSL');
  const model = selectModel(program, flags.model);
  const { truncate, remat } = gradOptions(flags);
  const result = compileToWgsl(model, {
    level,
    sizes: bindSizes(model, parseSizes(flags.size)),
    disable: disabledPasses(flags),
    source: { file: program.file, text: program.source },
    cells: program.cellTable,
    schedule: parseSchedule(flags.schedule),
    kernels: {
      workgroupSize: parseThreads(flags.workgroupSize, '--workgroup-size'),
      persistentSize: parseThreads(flags.persistentSize, '--persistent-size'),
      tile: parseTile(flags.tile, '--tile'),
      quadTile: parseTile(flags.quadTile, '--quad-tile'),
      quads: flags.quads,
      fusedGates: flags.fusedGates,
      workgroupStorage: parseBytes(flags.workgroupStorage),
    },
    ...(truncate !== undefined && truncate > 0 ? { truncate } : {}),
    ...(remat ? { remat } : {}),
  });
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
  const notes = flags.explain
    ? [
        ...describeReport('forward', result.report.forward),
        ...describeReport('grad', result.report.grad),
        `elementwise fusion: ${result.fused} node${result.fused === 1 ? '' : 's'} computed inside another node's phase`,
        ...summary,
        ...result.kernels.map(
          (k) => `  ${k.name}: ${k.phases} phase${k.phases === 1 ? '' : 's'}${k.stepped ? ', once per step' : ''}`,
        ),
      ]
    : [];
  if (!flags.out) {
    // No folder: the kernels, for reading.
    out([...notes, ...summary].map((l) => `// ${l}`).join('\n'));
    for (const k of result.kernels) out(`\n// ───── ${k.name}.wgsl ─────\n${k.code}`);
    for (const k of result.kernels)
      if (k.subgroupCode) out(`\n// ───── ${k.name}.subgroups.wgsl ─────\n${k.subgroupCode}`);
    return;
  }
  mkdirSync(flags.out, { recursive: true });
  const hostFile = join(flags.out, `${model.name.replace(/[^A-Za-z0-9_]/g, '_')}.ts`);
  writeFileSync(hostFile, result.host);
  for (const k of result.kernels) {
    writeFileSync(join(flags.out, `${k.name}.wgsl`), k.code);
    // What devices with subgroups run instead.
    if (k.subgroupCode) writeFileSync(join(flags.out, `${k.name}.subgroups.wgsl`), k.subgroupCode);
  }
  out(
    [
      ...notes,
      `wrote ${hostFile} (the host: createModel(device) → forward, grad, trainStep) and ${result.kernels.length} kernels as .wgsl files${quads ? ' (with .subgroups.wgsl variants)' : ''} in ${flags.out} (model ${model.name}, -O${level}, ${result.schedule} schedule)`,
    ].join('\n'),
  );
}
