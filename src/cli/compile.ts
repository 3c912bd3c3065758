/** `rnnc compile`: a model → one standalone TypeScript module. */
import { writeFileSync } from 'node:fs';
import { compileToTypeScript, formatBytes } from '../backends/ts/index.js';
import { UserError } from '../diagnostics.js';
import { type Program, selectModel } from '../frontend/program.js';
import { bindSizes } from '../interp/run.js';
import { passNames, type PassReport } from '../passes/pipeline.js';
import { gradOptions } from './grad.js';
import { parseLevel, parseSizes } from './load.js';
import { compileWgslCommand } from './compile-wgsl.js';

export interface CompileFlags {
  model?: string;
  target: string;
  optLevel: string;
  dtype: string;
  cpu: string;
  emitWat?: string | boolean;
  schedule: string;
  workgroupSize: string;
  persistentSize: string;
  tile: string;
  quadTile: string;
  quads: boolean;
  fusedGates: boolean;
  workgroupStorage: string;
  out?: string;
  explain?: boolean;
  size: string[];
  truncate?: string;
  remat?: boolean;
  /** commander's negatable `--no-<pass>` flags land here as booleans. */
  [pass: string]: unknown;
}

export function describeReport(title: string, report: readonly PassReport[]): string[] {
  const lines = [`${title}:`];
  for (const r of report) {
    lines.push(`  ${r.pass} (${r.nodes} nodes after)${r.changes.length === 0 ? ': no change' : ''}`);
    for (const c of r.changes) lines.push(`    ${c}`);
  }
  return lines;
}

export function compileCommand(program: Program, flags: CompileFlags, out: (text: string) => void): void {
  if (flags.target !== 'ts' && flags.target !== 'wgsl')
    throw new UserError(`unknown target '${flags.target}': the targets are ts and wgsl`);
  const level = parseLevel(flags.optLevel);
  if (flags.target === 'wgsl') return compileWgslCommand(program, flags, level, out);
  if (flags.dtype !== 'f32' && flags.dtype !== 'f64')
    throw new UserError(`--dtype is f32 or f64, got '${flags.dtype}'`);
  if (flags.cpu !== 'simd' && flags.cpu !== 'scalar')
    throw new UserError(`--cpu is simd or scalar, got '${flags.cpu}'`);
  if (flags.emitWat !== undefined && (flags.cpu === 'scalar' || flags.dtype === 'f64'))
    throw new UserError(
      `--emit-wat: a module compiled with ${flags.cpu === 'scalar' ? '--cpu scalar' : '--dtype f64'} has no WebAssembly kernels (they are f32 SIMD)`,
    );
  const model = selectModel(program, flags.model);
  const sizes = bindSizes(model, parseSizes(flags.size));
  const disable = disabledPasses(flags);
  const { truncate, remat } = gradOptions(flags);
  const result = compileToTypeScript(model, {
    level,
    dtype: flags.dtype,
    sizes,
    disable,
    source: { file: program.file, text: program.source },
    cells: program.cellTable,
    cpu: flags.cpu,
    ...(truncate !== undefined && truncate > 0 ? { truncate } : {}),
    ...(remat ? { remat } : {}),
  });
  const notes = flags.explain
    ? [
        ...describeReport('forward', result.report.forward),
        ...describeReport('grad', result.report.grad),
        `elementwise fusion: ${result.fused} node${result.fused === 1 ? '' : 's'} computed inside another node's loop`,
        `buffer planning: forward and grad allocate ${formatBytes(result.memory.planned)} per call (${formatBytes(result.memory.unplanned)} without planning)`,
        result.kernels
          ? `WebAssembly SIMD kernels: ${result.kernels.names.join(', ') || 'none'} (${result.kernels.bytes} bytes)`
          : 'WebAssembly SIMD kernels: none (scalar JavaScript)',
      ]
    : [];
  if (typeof flags.emitWat === 'string') writeFileSync(flags.emitWat, result.wat ?? '');
  else if (flags.emitWat === true && !flags.out) {
    out([...notes.map((l) => `;; ${l}`), result.wat ?? ''].join('\n'));
    return;
  }
  const wat = typeof flags.emitWat === 'string' ? [`wrote ${flags.emitWat} (the WebAssembly kernels as text)`] : [];
  if (flags.out) {
    writeFileSync(flags.out, result.code);
    out(
      [
        ...notes,
        `wrote ${flags.out} (${result.code.split('\n').length} lines, model ${model.name}, -O${level}, ${flags.dtype}, ${result.kernels ? 'WebAssembly SIMD kernels' : 'scalar kernels'})`,
        ...wat,
      ].join('\n'),
    );
    if (flags.emitWat === true) out(result.wat ?? '');
  } else {
    out([...notes.map((l) => `// ${l}`), result.code].join('\n'));
  }
}

/** The passes turned off by `--no-<pass>`. */
export function disabledPasses(flags: CompileFlags): Set<string> {
  return new Set(
    [...passNames(), 'elementwise-fusion', 'buffer-planning'].filter((name) => flags[camel(name)] === false),
  );
}

/** commander turns `--no-gate-fusion` into `gateFusion: false`. */
export function camel(name: string): string {
  return name.replace(/-(.)/g, (_, c: string) => c.toUpperCase());
}
