/**
 * A run folder's files. Params go to checkpoint.safetensors under the
 * names `rnnc check` lists (PyTorch reads it with
 * `safetensors.torch.load_file`), the optimizer's moments to
 * optimizer.safetensors, and what the run was (model, data, options,
 * progress, history) to run.json. The three change together as one unit
 * (commit.ts), so an interruption never leaves half a file or a mixed state.
 */
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../diagnostics.js';
import { readBytes, readText } from '../cli/load.js';
import { type NamedTensor, readSafetensors, writeSafetensors } from '../weights/safetensors.js';
import type { OptimizerState, Params } from './compiled.js';
import { recoverRunFolder, sha256 } from './commit.js';
import { byName, own } from '../names.js';

export const files = {
  run: 'run.json',
  checkpoint: 'checkpoint.safetensors',
  optimizer: 'optimizer.safetensors',
  source: 'model.rnn',
  module: 'model.ts',
  csv: 'loss.csv',
  chart: 'loss.svg',
} as const;

/**
 * A file of a commit that never finished (`checkpoint.safetensors.next.partial`): what a run
 * killed before its first state leaves. Nothing else in a folder is ever removed.
 */
function isUnfinishedRunFile(name: string): boolean {
  const unfinished = /(\.next)?(\.partial)?$/.exec(name)?.[0] ?? '';
  return unfinished !== '' && (Object.values(files) as string[]).includes(name.slice(0, -unfinished.length));
}

/**
 * A run folder that may be written: new, empty, or holding only the unfinished files of a run
 * killed before its first state was committed (those are removed).
 */
export function checkFreshFolder(folder: string): void {
  if (!existsSync(folder)) return;
  recoverRunFolder(folder);
  const entries = readdirSync(folder);
  if (entries.length === 0) return;
  if (!entries.every(isUnfinishedRunFile))
    throw new UserError(`${folder} already holds files: pass --resume to continue its run, or name another --out`);
  for (const f of entries) rmSync(join(folder, f), { force: true });
}

/** A run's params and optimizer moments as the bytes of their two safetensors files. */
export function checkpointBytes(
  params: Params,
  shapes: Readonly<Record<string, readonly number[]>>,
  opt: OptimizerState,
  metadata: Record<string, string>,
): { checkpoint: Uint8Array; optimizer: Uint8Array } {
  const tensors = new Map<string, NamedTensor>(
    Object.entries(params).map(([name, data]) => [name, { data, shape: own(shapes, name) ?? [data.length] }]),
  );
  const moments = new Map<string, NamedTensor>();
  for (const [which, group] of [
    ['first', opt.first],
    ['second', opt.second],
  ] as const)
    for (const [name, data] of Object.entries(group))
      if (data) moments.set(`${which}.${name}`, { data, shape: own(shapes, name) ?? [data.length] });
  return {
    checkpoint: writeSafetensors(tensors, { format: 'rnnc checkpoint', ...metadata }),
    optimizer: writeSafetensors(moments, { method: opt.options.method, steps: String(opt.steps) }),
  };
}

/**
 * A checkpoint's params (safetensors bytes; `what` names them in messages), checked against
 * the model's names and shapes, as they are stored (f32 or f64).
 */
export function checkpointValues(
  bytes: Uint8Array,
  what: string,
  shapes: Readonly<Record<string, readonly number[]>>,
): Record<string, Float32Array | Float64Array> {
  const { tensors } = readSafetensors(bytes, what);
  const params: Record<string, Float32Array | Float64Array> = byName();
  for (const [name, shape] of Object.entries(shapes)) {
    const t = tensors.get(name);
    if (!t) throw new UserError(`${what} has no param ${name}: it was saved from another model`);
    if (t.shape.join(',') !== shape.join(','))
      throw new UserError(
        `${what}: param ${name} has shape [${t.shape.join(', ')}], but the model's is [${shape.join(', ')}] (were the sizes changed?)`,
      );
    params[name] = t.data;
  }
  const unknown = [...tensors.keys()].filter((k) => own(shapes, k) === undefined);
  if (unknown.length > 0) throw new UserError(`${what} holds params the model does not have: ${unknown.join(', ')}`);
  return params;
}

/** Params from a checkpoint file, checked against the model's names and shapes, in f32. */
export function loadParams(path: string, shapes: Readonly<Record<string, readonly number[]>>): Params {
  const values = checkpointValues(readBytes(path), path, shapes);
  return byName(Object.entries(values).map(([name, data]) => [name, Float32Array.from(data)]));
}

/** Restores the optimizer's step count and moments. */
export function loadOptimizer(path: string, opt: OptimizerState): void {
  if (!existsSync(path)) return;
  const { tensors, metadata } = readSafetensors(readBytes(path), path);
  if (metadata.method !== undefined && metadata.method !== opt.options.method)
    throw new UserError(
      `${path} was saved by ${metadata.method}, not ${opt.options.method}: resume with --optimizer ${metadata.method}`,
    );
  opt.steps = Number(metadata.steps ?? 0);
  for (const [key, t] of tensors) {
    const [which, ...rest] = key.split('.');
    const group = which === 'first' ? opt.first : which === 'second' ? opt.second : undefined;
    if (group) group[rest.join('.')] = Float32Array.from(t.data);
  }
}

/** Whole numbers ≥ 0 where run.json keeps its progress (a damaged file would train forever). */
function checkProgress(path: string, progress: unknown): void {
  if (progress === undefined) return;
  const fields = ['epoch', 'stepInEpoch', 'step'] as const;
  const record = progress as Record<string, unknown> | null;
  for (const field of fields) {
    const value = record?.[field];
    if (!(typeof value === 'number' && Number.isSafeInteger(value) && value >= 0))
      throw new UserError(`${path} is damaged: progress.${field} is ${JSON.stringify(value)}, not a whole number ≥ 0`);
  }
  const seconds = record?.seconds;
  if (!(typeof seconds === 'number' && Number.isFinite(seconds) && seconds >= 0))
    throw new UserError(`${path} is damaged: progress.seconds is ${JSON.stringify(seconds)}`);
}

/**
 * The run a folder holds, after finishing or undoing a commit that was cut short; its
 * checkpoint and optimizer files are checked against the hashes run.json recorded.
 */
export function readRunFile(folder: string): Record<string, unknown> {
  recoverRunFolder(folder);
  const path = join(folder, files.run);
  if (!existsSync(path)) throw new UserError(`${folder} holds no run (no ${files.run}): train into it first`);
  let run: Record<string, unknown>;
  try {
    run = JSON.parse(readText(path)) as Record<string, unknown>;
  } catch (e) {
    if (e instanceof UserError) throw e;
    throw new UserError(`${path} is not valid JSON: ${(e as Error).message}`);
  }
  if (typeof run !== 'object' || run === null || Array.isArray(run)) throw new UserError(`${path} is not a run record`);
  checkProgress(path, run.progress);
  const hashes = run.files as Record<string, unknown> | undefined;
  for (const name of [files.checkpoint, files.optimizer]) {
    const expected = hashes?.[name];
    if (typeof expected !== 'string') continue;
    const file = join(folder, name);
    if (!existsSync(file) || sha256(readBytes(file)) !== expected)
      throw new UserError(
        `${file} is not the file ${files.run} recorded (changed or replaced since): restore it, or train into a new folder`,
      );
  }
  return run;
}
