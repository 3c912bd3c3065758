/** `rnnc run`: the reference interpreter on a model, with inputs from JSON or generated. */
import { run, toNested, type Layout, type Tensor, type ValueOptions } from '../api/run.js';
import { saveTorchWeights } from '../api/weights.js';
import type { Program } from '../api/program.js';
import { UserError } from '../diagnostics.js';
import { seedLimit } from '../ir/ops/noise.js';
import { parseLevel, parseSchedule, parseSizes, readBytes, readJsonFile, readParamsFile, writeOutput } from './load.js';
import { describeLead, formatTensor } from './show.js';
import { byName, own } from '../names.js';

/** The flags of `rnnc run` and `rnnc grad --values` that say what to compute on. */
export interface ValueFlags {
  model?: string;
  input?: string;
  params?: string;
  torchWeights?: string;
  kerasWeights?: string;
  initialStates?: string;
  seed: string;
  size: string[];
  batchMajor?: boolean;
  lengths: string[];
  mode: string;
  maskSeed: string;
  steps: string;
  batch: string;
}

export interface RunFlags extends ValueFlags {
  saveTorchWeights?: string;
  out?: string;
  dtype: string;
  json?: boolean;
  target: string;
  optLevel: string;
  schedule: string;
}

export function parseCount(value: string, flag: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new UserError(`${flag} must be a positive whole number, got '${value}'`);
  return n;
}

export function parseSeed(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 0xffffffff)
    throw new UserError(`--seed must be a whole number from 0 to 4294967295, got '${value}'`);
  return n;
}

/** `--steps 5` for every time axis, or `--steps S=6,U=4` per axis. */
export function parseSteps(spec: string): number | Record<string, number> {
  return /^\d+$/.test(spec) ? parseCount(spec, '--steps') : parseSizes([spec]);
}

/** `--params`, `--torch-weights` and `--keras-weights` as the API's options. */
export function weightOptions(
  flags: Pick<ValueFlags, 'params' | 'torchWeights' | 'kerasWeights'>,
): Pick<ValueOptions, 'params' | 'torchWeights' | 'torchWeightsFile' | 'kerasWeights'> {
  return {
    ...(flags.params ? { params: readParamsFile(flags.params) } : {}),
    ...(flags.torchWeights
      ? {
          torchWeights: flags.torchWeights.endsWith('.safetensors')
            ? readBytes(flags.torchWeights)
            : readJsonFile(flags.torchWeights, 'PyTorch weights'),
          torchWeightsFile: flags.torchWeights,
        }
      : {}),
    ...(flags.kerasWeights ? { kerasWeights: readJsonFile(flags.kerasWeights, 'Keras weights') } : {}),
  };
}

/** The flags every command that computes on values shares: inputs, params, weights, initial states. */
export function valueOptions(flags: ValueFlags, dtype: string): ValueOptions {
  if (dtype !== 'f64' && dtype !== 'f32') throw new UserError(`--dtype is f64 or f32, got '${dtype}'`);
  return {
    ...(flags.model !== undefined ? { model: flags.model } : {}),
    sizes: parseSizes(flags.size),
    seed: parseSeed(flags.seed),
    dtype,
    layout: flags.batchMajor ? 'batch-major' : 'time-major',
    ...(flags.input
      ? { inputs: readJsonFile(flags.input, 'inputs') }
      : { steps: parseSteps(flags.steps), batch: parseCount(flags.batch, '--batch') }),
    ...weightOptions(flags),
    ...(flags.initialStates ? { initialStates: readJsonFile(flags.initialStates, 'initial states') } : {}),
    ...(flags.lengths.length > 0 ? { lengths: parseLengths(flags.lengths) } : {}),
    mode: parseMode(flags.mode),
    maskSeed: parseMaskSeed(flags.maskSeed),
  };
}

function parseMode(mode: string): 'train' | 'eval' {
  if (mode !== 'train' && mode !== 'eval') throw new UserError(`--mode is train or eval, not '${mode}'`);
  return mode;
}

function parseMaskSeed(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n >= seedLimit)
    throw new UserError(`--mask-seed must be a whole number from 0 to ${seedLimit - 1}, got '${value}'`);
  return n;
}

/** `--lengths T=5,3,1` (one flag a time axis) as lengths by axis. */
export function parseLengths(specs: readonly string[]): Record<string, number[]> {
  const lengths: Record<string, number[]> = byName();
  for (const spec of specs) {
    const match = /^([A-Za-z_][A-Za-z0-9_]*)=(.+)$/.exec(spec);
    if (!match) throw new UserError(`--lengths takes AXIS=n,n,… (one number a sample), got '${spec}'`);
    const [, axis, list] = match;
    if (own(lengths, axis) !== undefined) throw new UserError(`--lengths gives ${axis} twice`);
    lengths[axis] = list.split(',').map((n) => {
      const value = Number(n);
      if (n.trim() === '' || !Number.isInteger(value) || value < 1)
        throw new UserError(`--lengths ${axis}: '${n}' is not a positive whole number`);
      return value;
    });
  }
  return lengths;
}

/** Tensors by name as JSON-ready nested arrays. */
export function nestedValues(values: Readonly<Record<string, Tensor>>, layout: Layout): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).map(([k, t]) => [k, toNested(t, layout)]));
}

/** Tensors by name as text: a heading each, then the values. */
export function tensorBlocks(what: string, values: Readonly<Record<string, Tensor>>): string[] {
  return Object.entries(values).flatMap(([name, t]) => ['', `${what} ${name} ${describeLead(t)}:`, formatTensor(t)]);
}

export function sizeText(sizes: Readonly<Record<string, number>>): string {
  return Object.entries(sizes)
    .map(([k, v]) => `${k} = ${v}`)
    .join(', ');
}

export async function runCommand(program: Program, flags: RunFlags, out: (text: string) => void): Promise<void> {
  if (flags.target !== 'interp' && flags.target !== 'wgsl')
    throw new UserError(`--target is interp or wgsl, got '${flags.target}'`);
  const options = valueOptions(flags, flags.dtype);
  const layout = options.layout ?? 'time-major';
  const result = await run(program, {
    ...options,
    target: flags.target,
    level: parseLevel(flags.optLevel),
    schedule: parseSchedule(flags.schedule),
  });
  const notes = [...result.notes];
  if (flags.saveTorchWeights) {
    writeOutput(flags.saveTorchWeights, saveTorchWeights(program, result.params, { model: result.model }));
    notes.push(`wrote the params as a PyTorch state dict to ${flags.saveTorchWeights}`);
  }
  const json = {
    model: result.model,
    sizes: result.sizes,
    ...(result.adapter !== undefined ? { adapter: result.adapter } : {}),
    outputs: nestedValues(result.outputs, layout),
    final_states: nestedValues(result.finalStates, layout),
    ...(result.loss !== undefined ? { loss: result.loss } : {}),
  };
  if (flags.out) writeOutput(flags.out, `${JSON.stringify(json)}\n`);
  if (flags.json) {
    out(JSON.stringify(json, null, 2));
    return;
  }
  const lines = [`model ${result.model} (${sizeText(result.sizes)}), batch ${result.batch}, ${result.dtype}`];
  for (const note of notes) lines.push(`note: ${note}`);
  lines.push(...tensorBlocks('output', result.outputs), ...tensorBlocks('final state', result.finalStates));
  if (result.loss !== undefined) lines.push('', `loss: ${result.loss}`);
  if (flags.out) lines.push('', `wrote ${flags.out}`);
  out(lines.join('\n'));
}
