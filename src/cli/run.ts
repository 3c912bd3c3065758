/** `rnnc run`: the reference interpreter on a model, with inputs from JSON or generated. */
import { writeFileSync } from 'node:fs';
import { UserError } from '../diagnostics.js';
import type { ModelInfo } from '../frontend/model.js';
import { type Program, selectModel } from '../frontend/program.js';
import { type Layout, tensorToNested } from '../interp/io.js';
import { randomData } from '../interp/random-data.js';
import { bindSizes, initParams, readParams, runModel } from '../interp/run.js';
import type { DType, Tensor } from '../tensor/tensor.js';
import { readKerasWeights } from '../weights/keras.js';
import { readSafetensors, writeSafetensors } from '../weights/safetensors.js';
import { readTorchWeights, torchInitialStates, torchStateDict } from '../weights/torch.js';
import { parseLevel, parseSchedule, parseSizes, readBytes, readJsonFile } from './load.js';
import { runOnGpu } from './run-wgsl.js';
import { describeLead, formatTensor } from './show.js';

export interface RunFlags {
  model?: string;
  input?: string;
  params?: string;
  torchWeights?: string;
  saveTorchWeights?: string;
  kerasWeights?: string;
  initialStates?: string;
  out?: string;
  seed: string;
  size: string[];
  dtype: string;
  batchMajor?: boolean;
  steps: string;
  batch: string;
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
export function parseSteps(spec: string, model: ModelInfo): Record<string, number> {
  const axes = [...new Set(model.inputs.flatMap((i) => (i.type.time !== null ? [i.type.time] : [])))];
  if (/^\d+$/.test(spec)) return Object.fromEntries(axes.map((a) => [a, parseCount(spec, '--steps')]));
  const given = parseSizes([spec]);
  for (const axis of axes)
    if (given[axis] === undefined) throw new UserError(`--steps gives no length for time axis ${axis}`);
  return given;
}

export async function runCommand(program: Program, flags: RunFlags, out: (text: string) => void): Promise<void> {
  const model = selectModel(program, flags.model);
  const sizes = bindSizes(model, parseSizes(flags.size));
  if (flags.target !== 'interp' && flags.target !== 'wgsl')
    throw new UserError(`--target is interp or wgsl, got '${flags.target}'`);
  if (flags.dtype !== 'f64' && flags.dtype !== 'f32')
    throw new UserError(`--dtype is f64 or f32, got '${flags.dtype}'`);
  const gpu = flags.target === 'wgsl';
  // The WGSL kernels compute in f32; params and inputs are read as f32 for them.
  const dtype = (gpu ? 'f32' : flags.dtype) as DType;
  const seed = parseSeed(flags.seed);
  const layout: Layout = flags.batchMajor ? 'batch-major' : 'time-major';

  let params = initParams(model, sizes, seed, dtype);
  const notes: string[] = [];
  if (flags.params) params = { ...params, ...readParams(model, sizes, readJsonFile(flags.params, 'params'), dtype) };
  let torchStates: Record<string, unknown> = {};
  if (flags.torchWeights) {
    // A safetensors state dict (as torch's safetensors save_file writes it), or JSON: a bare state
    // dict or an object holding one under "params" (with optional h0/c0).
    const file: Record<string, unknown> = flags.torchWeights.endsWith('.safetensors')
      ? Object.fromEntries(readSafetensors(readBytes(flags.torchWeights), flags.torchWeights).tensors)
      : readJsonFile(flags.torchWeights, 'PyTorch weights');
    const nested = typeof file.params === 'object' && file.params !== null && !('data' in file.params);
    const stateDict = (nested ? file.params : file) as Record<string, unknown>;
    const loaded = readTorchWeights(model, program.cellTable, sizes, stateDict, dtype);
    params = { ...params, ...loaded };
    torchStates = torchInitialStates(model, { h0: file.h0, c0: file.c0 });
    const rest = model.params.filter((p) => !(p.name in loaded)).map((p) => p.name);
    if (rest.length > 0 && !flags.params)
      notes.push(`params not in the PyTorch weights start from their initializers: ${rest.join(', ')}`);
  }
  if (flags.kerasWeights) {
    const loaded = readKerasWeights(
      model,
      program.cellTable,
      sizes,
      readJsonFile(flags.kerasWeights, 'Keras weights'),
      dtype,
    );
    params = { ...params, ...loaded };
    const rest = model.params.filter((p) => !(p.name in loaded)).map((p) => p.name);
    if (rest.length > 0 && !flags.params)
      notes.push(`params not in the Keras weights start from their initializers: ${rest.join(', ')}`);
  }
  if (!flags.params && !flags.torchWeights && !flags.kerasWeights)
    notes.push(`params from their initializers with seed ${seed}`);

  let data: Record<string, unknown>;
  if (flags.input) {
    data = readJsonFile(flags.input, 'inputs');
  } else {
    const steps = parseSteps(flags.steps, model);
    const batch = parseCount(flags.batch, '--batch');
    data = randomData(model.inputs, sizes, steps, batch, seed);
    const stepText = Object.entries(steps)
      .map(([a, n]) => `${a}=${n}`)
      .join(', ');
    notes.push(`no --input: random inputs in [-1, 1] and one-hot targets with ${stepText}, B=${batch}`);
  }
  const initialStates = {
    ...torchStates,
    ...(flags.initialStates ? readJsonFile(flags.initialStates, 'initial states') : {}),
  };
  const given = { data, params, initialStates };
  const result = gpu
    ? await runOnGpu(
        model,
        given,
        { sizes, dtype, layout },
        {
          level: parseLevel(flags.optLevel),
          schedule: parseSchedule(flags.schedule),
          source: { file: program.file, text: program.source },
          cells: program.cellTable,
        },
      )
    : runModel(model, given, { sizes, dtype, layout });
  if ('adapter' in result) notes.push(`ran the WGSL kernels (-O${flags.optLevel}) on ${result.adapter}`);
  if (flags.saveTorchWeights) {
    const stateDict = torchStateDict(model, program.cellTable, params);
    writeFileSync(flags.saveTorchWeights, writeSafetensors(stateDict, { format: 'pt', producer: 'rnnc' }));
    notes.push(`wrote the params as a PyTorch state dict to ${flags.saveTorchWeights}`);
  }

  const toJson = (values: Record<string, Tensor>) =>
    Object.fromEntries(Object.entries(values).map(([k, t]) => [k, tensorToNested(t, layout)]));
  const json = {
    model: model.name,
    sizes,
    outputs: toJson(result.outputs),
    final_states: toJson(result.finalStates),
    ...(result.loss !== undefined ? { loss: result.loss } : {}),
  };
  if (flags.out) writeFileSync(flags.out, `${JSON.stringify(json)}\n`);
  if (flags.json) {
    out(JSON.stringify(json, null, 2));
    return;
  }
  const lines = [
    `model ${model.name} (${Object.entries(sizes)
      .map(([k, v]) => `${k} = ${v}`)
      .join(', ')}), batch ${result.batch}, ${dtype}`,
  ];
  for (const note of notes) lines.push(`note: ${note}`);
  for (const [name, t] of Object.entries(result.outputs))
    lines.push('', `output ${name} ${describeLead(t)}:`, formatTensor(t));
  for (const [name, t] of Object.entries(result.finalStates))
    lines.push('', `final state ${name} ${describeLead(t)}:`, formatTensor(t));
  if (result.loss !== undefined) lines.push('', `loss: ${result.loss}`);
  if (flags.out) lines.push('', `wrote ${flags.out}`);
  out(lines.join('\n'));
}
