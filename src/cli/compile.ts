/** `rnnc compile`: a model → one standalone TypeScript or JavaScript module, or WGSL kernels and a host. */
import { dirname, join } from 'node:path';
import { compile, type CompileOptions } from '../api/compile.js';
import type { Program } from '../api/program.js';
import { UserError } from '../diagnostics.js';
import { passNames } from '../passes/pipeline.js';
import { gradOptions } from './grad.js';
import { makeFolder, parseLevel, parseSchedule, parseSizes, writeOutput } from './load.js';

export interface CompileFlags {
  model?: string;
  target: string;
  host: string;
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
  batchMajor?: boolean;
  lengths?: string[];
  /** commander's negatable `--no-<pass>` flags land here as booleans. */
  [pass: string]: unknown;
}

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

/** The passes turned off by `--no-<pass>`. */
function disabledPasses(flags: CompileFlags): string[] {
  return [...passNames(), 'elementwise-fusion', 'buffer-planning'].filter((name) => flags[camel(name)] === false);
}

/** commander turns `--no-gate-fusion` into `gateFusion: false`. */
function camel(name: string): string {
  return name.replace(/-(.)/g, (_, c: string) => c.toUpperCase());
}

/** The flags as the API's options. */
function compileOptions(flags: CompileFlags): CompileOptions {
  const target = flags.target;
  if (target !== 'ts' && target !== 'js' && target !== 'wgsl')
    throw new UserError(`unknown target '${target}': the targets are ts, js and wgsl`);
  if (flags.host !== 'ts' && flags.host !== 'js') throw new UserError(`--host is ts or js, got '${flags.host}'`);
  if (flags.dtype !== 'f32' && flags.dtype !== 'f64')
    throw new UserError(`--dtype is f32 or f64, got '${flags.dtype}'`);
  if (flags.cpu !== 'simd' && flags.cpu !== 'scalar')
    throw new UserError(`--cpu is simd or scalar, got '${flags.cpu}'`);
  if (target === 'wgsl') {
    if (flags.dtype !== 'f32') throw new UserError('--target wgsl computes in f32: leave out --dtype f64');
    if (flags.emitWat !== undefined) throw new UserError('--emit-wat is for --target ts or js: WGSL kernels are WGSL');
  } else if (flags.emitWat !== undefined && (flags.cpu === 'scalar' || flags.dtype === 'f64'))
    throw new UserError(
      `--emit-wat: a module compiled with ${flags.cpu === 'scalar' ? '--cpu scalar' : '--dtype f64'} has no WebAssembly kernels (they are f32 SIMD)`,
    );
  const { truncate, remat } = gradOptions(flags);
  return {
    ...(flags.model !== undefined ? { model: flags.model } : {}),
    sizes: parseSizes(flags.size),
    target,
    host: flags.host,
    level: parseLevel(flags.optLevel),
    dtype: flags.dtype,
    cpu: flags.cpu,
    disable: disabledPasses(flags),
    ...(truncate !== undefined && truncate > 0 ? { truncate } : {}),
    ...(remat ? { remat } : {}),
    ...(flags.batchMajor ? { layout: 'batch-major' as const } : {}),
    ...(flags.lengths && flags.lengths.length > 0 ? { lengths: flags.lengths } : {}),
    ...(target === 'wgsl'
      ? {
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
        }
      : {}),
  };
}

export function compileCommand(program: Program, flags: CompileFlags, out: (text: string) => void): void {
  const options = compileOptions(flags);
  const result = compile(program, options);
  const notes = flags.explain ? result.explain : [];
  const files = Object.entries(result.files);
  if (result.target === 'wgsl') {
    if (!flags.out) {
      // No folder: the kernels, for reading.
      out([...notes, ...(flags.explain ? [] : result.summary)].map((l) => `// ${l}`).join('\n'));
      for (const [name, code] of files) if (name.endsWith('.wgsl')) out(`\n// ───── ${name} ─────\n${code}`);
      return;
    }
    makeFolder(flags.out);
    for (const [name, code] of files) writeOutput(join(flags.out, name), code);
    const kernels = files.filter(([name]) => name.endsWith('.wgsl') && !name.endsWith('.subgroups.wgsl')).length;
    const variants = files.some(([name]) => name.endsWith('.subgroups.wgsl'));
    out(
      [
        ...notes,
        `wrote ${join(flags.out, result.main)} (the host: createModel(device) → forward, grad, trainStep)${options.host === 'js' ? ' with its declarations' : ''} and ${kernels} kernels as .wgsl files${variants ? ' (with .subgroups.wgsl variants)' : ''} in ${flags.out} (model ${result.model}, -O${options.level}, ${result.summary[0].replace(/^schedule: ([^;]*);.*$/, '$1')} schedule)`,
      ].join('\n'),
    );
    return;
  }
  const [main, code] = files.find(([name]) => name === result.main) as [string, string];
  if (typeof flags.emitWat === 'string') writeOutput(flags.emitWat, result.wat ?? '');
  else if (flags.emitWat === true && !flags.out) {
    out([...notes.map((l) => `;; ${l}`), result.wat ?? ''].join('\n'));
    return;
  }
  const wat = typeof flags.emitWat === 'string' ? [`wrote ${flags.emitWat} (the WebAssembly kernels as text)`] : [];
  if (!flags.out) {
    out([...notes.map((l) => `// ${l}`), code].join('\n'));
    return;
  }
  // The module under the name given; its declarations (--target js) beside it, as `x.d.ts` for `x.js`.
  const written = [flags.out];
  writeOutput(flags.out, code);
  for (const [name, text] of files) {
    if (name === main) continue;
    const path = join(dirname(flags.out), name.replace(/^.*?(\.d\.ts)$/, `${stemOf(flags.out)}$1`));
    writeOutput(path, text);
    written.push(path);
  }
  out([...notes, `wrote ${written.join(' and ')} (${result.summary[0]})`, ...wat].join('\n'));
  if (flags.emitWat === true) out(result.wat ?? '');
}

/** `lstm` of `out/lstm.js`. */
function stemOf(path: string): string {
  return path.replace(/^.*[\\/]/, '').replace(/\.(m?js|ts)$/, '');
}
