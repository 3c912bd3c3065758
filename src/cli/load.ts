/** Reading inputs for commands: source files (with diagnostics), JSON files and `--size` flags. */
import { safetensorsAsNested } from '../weights/safetensors.js';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { UserError } from '../diagnostics.js';
import { check, type CheckResult, type Program } from '../api/program.js';
import type { Schedule } from '../backends/wgsl/kernels.js';
import type { OptLevel } from '../passes/pipeline.js';

/** Raised when a source file has errors; the diagnostics have been printed already. */
export class SourceErrors extends Error {
  override name = 'SourceErrors';
}

function readFailure(path: string, e: unknown): UserError {
  const code = (e as NodeJS.ErrnoException).code;
  const why =
    code === 'ENOENT'
      ? 'no such file'
      : code === 'EISDIR'
        ? 'it is a directory'
        : code === 'EACCES'
          ? 'permission denied'
          : String(e);
  return new UserError(`cannot read ${path}: ${why}`);
}

export function writeFailure(path: string, e: unknown, what = 'write'): UserError {
  const code = (e as NodeJS.ErrnoException).code;
  const why: Record<string, string> = {
    ENOENT: 'its folder does not exist',
    ENOTDIR: 'a part of the path is not a folder',
    EISDIR: 'it is a directory',
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    EROFS: 'the file system is read-only',
    ENOSPC: 'the disk is full',
    EDQUOT: 'the disk quota is used up',
  };
  return new UserError(`cannot ${what} ${path}: ${(code && why[code]) ?? String(e)}`);
}

/** Makes a folder the user named (and those above it), with a message when that fails. */
export function makeFolder(path: string): void {
  try {
    mkdirSync(path, { recursive: true });
  } catch (e) {
    throw writeFailure(path, e, 'make the folder');
  }
}

/** Writes a file the user named, with a message (not a stack trace) when that fails. */
export function writeOutput(path: string, data: string | Uint8Array): void {
  try {
    writeFileSync(path, data);
  } catch (e) {
    throw writeFailure(path, e);
  }
}

export function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw readFailure(path, e);
  }
}

export function readBytes(path: string): Uint8Array {
  try {
    return readFileSync(path);
  } catch (e) {
    throw readFailure(path, e);
  }
}

/** Compiles a file, printing warnings and errors; throws SourceErrors if there are errors. */
export function loadProgram(path: string, stderr: (text: string) => void): Program {
  return shown(check(readText(path), { file: path }), path, stderr);
}

/** A checked source's program, its warnings printed; throws SourceErrors (diagnostics printed) when it has errors. */
export function shown(result: CheckResult, path: string, stderr: (text: string) => void): Program {
  if (result.formatted) stderr(result.formatted);
  if (!result.program) throw new SourceErrors(`${path} has errors`);
  return result.program;
}

export function readJsonFile(path: string, what: string): Record<string, unknown> {
  const text = readText(path);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new UserError(`${path} (${what}) is not valid JSON: ${(e as Error).message}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new UserError(`${path} (${what}) must hold a JSON object of named arrays, like {"x": [[[0.1, 0.2]]]}`);
  }
  return value as Record<string, unknown>;
}

/** `--size H=64 --size I=8` (or `H=64,I=8`). */
export function parseSizes(specs: readonly string[]): Record<string, number> {
  const sizes: Record<string, number> = {};
  for (const spec of specs.flatMap((s) => s.split(','))) {
    const match = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(-?[0-9.eE+-]+)\s*$/.exec(spec);
    if (!match) throw new UserError(`--size expects NAME=NUMBER, like --size H=64, got '${spec}'`);
    const value = Number(match[2]);
    // Whether it must be a positive whole number depends on the model: a size used in a shape
    // must, a hyperparameter need not (bindSizes checks).
    if (!Number.isFinite(value)) throw new UserError(`--size ${match[1]} must be a number, got '${match[2]}'`);
    sizes[match[1]] = value;
  }
  return sizes;
}

export function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** `-O 0|1|2`. */
export function parseLevel(value: string): OptLevel {
  const level = Number(value);
  if (![0, 1, 2].includes(level)) throw new UserError(`-O takes 0, 1 or 2, got '${value}'`);
  return level as OptLevel;
}

/** `--schedule auto|steps|persistent|hybrid`: how the WGSL target turns phases into dispatches. */
export function parseSchedule(value: string): Schedule | 'auto' {
  const known = ['auto', 'steps', 'persistent', 'hybrid'];
  if (!known.includes(value)) throw new UserError(`--schedule is one of ${known.join(', ')}, got '${value}'`);
  return value as Schedule | 'auto';
}

/** `--params FILE`: a JSON object of nested arrays, or a .safetensors file (as `rnnc import` writes). */
export function readParamsFile(path: string): Record<string, unknown> {
  return path.endsWith('.safetensors') ? safetensorsAsNested(readBytes(path), path) : readJsonFile(path, 'params');
}
