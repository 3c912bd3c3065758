/**
 * A run folder's files. Params go to checkpoint.safetensors under the
 * names `rnnc check` lists (PyTorch reads it with
 * `safetensors.torch.load_file`), the optimizer's moments to
 * optimizer.safetensors, and what the run was (model, data, options,
 * progress, history) to run.json. Every file is written whole to a
 * temporary name and renamed, so an interruption never leaves half a file.
 */
import { existsSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../diagnostics.js';
import { readBytes, readText } from '../cli/load.js';
import { type NamedTensor, readSafetensors, writeSafetensors } from '../weights/safetensors.js';
import type { OptimizerState, Params } from './compiled.js';
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

/** Writes a file so that it is either the old one or the whole new one. */
export function writeWhole(path: string, contents: string | Uint8Array): void {
  const partial = `${path}.partial`;
  writeFileSync(partial, contents);
  renameSync(partial, path);
}

/** A run folder that may be written: new, or empty. */
export function checkFreshFolder(folder: string): void {
  if (existsSync(folder) && readdirSync(folder).length > 0)
    throw new UserError(`${folder} already holds files: pass --resume to continue its run, or name another --out`);
}

export function saveCheckpoint(
  folder: string,
  params: Params,
  shapes: Readonly<Record<string, readonly number[]>>,
  opt: OptimizerState,
  metadata: Record<string, string>,
): void {
  const tensors = new Map<string, NamedTensor>(
    Object.entries(params).map(([name, data]) => [name, { data, shape: own(shapes, name) ?? [data.length] }]),
  );
  writeWhole(join(folder, files.checkpoint), writeSafetensors(tensors, { format: 'rnnc checkpoint', ...metadata }));
  const moments = new Map<string, NamedTensor>();
  for (const [which, group] of [
    ['first', opt.first],
    ['second', opt.second],
  ] as const)
    for (const [name, data] of Object.entries(group))
      if (data) moments.set(`${which}.${name}`, { data, shape: own(shapes, name) ?? [data.length] });
  writeWhole(
    join(folder, files.optimizer),
    writeSafetensors(moments, { method: opt.options.method, steps: String(opt.steps) }),
  );
}

/** Params from a checkpoint, checked against the model's names and shapes. */
export function loadParams(path: string, shapes: Readonly<Record<string, readonly number[]>>): Params {
  const { tensors } = readSafetensors(readBytes(path), path);
  const params: Params = byName();
  for (const [name, shape] of Object.entries(shapes)) {
    const t = tensors.get(name);
    if (!t) throw new UserError(`${path} has no param ${name}: it was saved from another model`);
    if (t.shape.join(',') !== shape.join(','))
      throw new UserError(
        `${path}: param ${name} has shape [${t.shape.join(', ')}], but the model's is [${shape.join(', ')}] (were the sizes changed?)`,
      );
    params[name] = Float32Array.from(t.data);
  }
  const unknown = [...tensors.keys()].filter((k) => own(shapes, k) === undefined);
  if (unknown.length > 0) throw new UserError(`${path} holds params the model does not have: ${unknown.join(', ')}`);
  return params;
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

export function readRunFile(folder: string): Record<string, unknown> {
  const path = join(folder, files.run);
  if (!existsSync(path)) throw new UserError(`${folder} holds no run (no ${files.run}): train into it first`);
  try {
    return JSON.parse(readText(path)) as Record<string, unknown>;
  } catch (e) {
    if (e instanceof UserError) throw e;
    throw new UserError(`${path} is not valid JSON: ${(e as Error).message}`);
  }
}
