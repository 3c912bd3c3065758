/** `rnnc export`: a model as an ONNX file, with weights from a checkpoint, a file or initializers. */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { exportOnnx, type ExportOptions } from '../api/export.js';
import type { Program } from '../api/program.js';
import { UserError } from '../diagnostics.js';
import { files, readRunFile } from '../train/checkpoint.js';
import { parseSizes, readBytes, writeOutput } from './load.js';
import { parseSeed, weightOptions } from './run.js';

export interface ExportFlags {
  model?: string;
  out?: string;
  params?: string;
  torchWeights?: string;
  kerasWeights?: string;
  checkpoint?: string;
  seed: string;
  size: string[];
  dtype: string;
  keepLoss?: boolean;
  scanOnly?: boolean;
  stateInputs?: boolean;
}

/** A checkpoint file, or a run folder of `rnnc train` (its checkpoint, model and sizes). */
function checkpointOf(path: string): { bytes: Uint8Array; model?: string; sizes?: Record<string, number> } {
  if (!existsSync(path)) throw new UserError(`--checkpoint ${path}: there is no such file or folder`);
  if (!statSync(path).isDirectory()) return { bytes: readBytes(path) };
  const run = readRunFile(path);
  const model = run.model as { name: string; sizes: Record<string, number> };
  return { bytes: readBytes(join(path, files.checkpoint)), model: model.name, sizes: model.sizes };
}

const shapeText = (shape: readonly (number | string)[]) => `[${shape.join(', ')}]`;

export function exportCommand(program: Program, flags: ExportFlags, out: (text: string) => void): void {
  if (!flags.out) throw new UserError('rnnc export writes a binary file: name it with -o model.onnx');
  if (flags.dtype !== 'f32' && flags.dtype !== 'f64')
    throw new UserError(`--dtype is f32 or f64, got '${flags.dtype}'`);
  const checkpoint = flags.checkpoint ? checkpointOf(flags.checkpoint) : undefined;
  const options: ExportOptions = {
    model: flags.model ?? checkpoint?.model,
    sizes: { ...checkpoint?.sizes, ...parseSizes(flags.size) },
    seed: parseSeed(flags.seed),
    dtype: flags.dtype,
    keepLoss: flags.keepLoss ?? false,
    scanOnly: flags.scanOnly ?? false,
    stateInputs: flags.stateInputs ?? false,
    ...(checkpoint ? { checkpoint: checkpoint.bytes } : {}),
    ...weightOptions(flags),
  };
  const result = exportOnnx(program, options);
  writeOutput(flags.out, result.bytes);
  const lines = [
    `wrote ${flags.out}: model ${result.model}, ONNX opset ${result.opset} (IR version ${result.irVersion}), ${flags.dtype === 'f32' ? 'float' : 'double'}, ${result.bytes.length} bytes`,
    ...result.notes.map((n) => `note: ${n}`),
    ...result.layers.map((l) => `layer ${l.layer}: ${l.form}`),
    ...result.inputs.map((i) => `input ${i.name} ${shapeText(i.shape)}`),
    ...result.outputs.map((o) => `output ${o.name} ${shapeText(o.shape)}`),
  ];
  out(lines.join('\n'));
}
