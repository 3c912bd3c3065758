/**
 * Weights in and out: PyTorch state dicts (safetensors bytes or nested arrays), Keras / TF.js
 * weights, and params as nested arrays, each mapped explicitly onto a model's named params.
 */
import type { Tensor } from '../tensor/tensor.js';
import { readKerasWeights } from '../weights/keras.js';
import { readSafetensors, writeSafetensors } from '../weights/safetensors.js';
import { readTorchWeights, torchStateDict } from '../weights/torch.js';
import { chooseModel, type ModelChoice, programOf, type ProgramSource, type SourceOptions } from './program.js';

export interface WeightOptions extends SourceOptions, ModelChoice {
  /** Precision of the params returned (default f64). */
  readonly dtype?: 'f64' | 'f32';
}

/** The state dict in safetensors bytes, or given as `{ name: nested array }`. */
export function stateDictOf(
  weights: Uint8Array | Readonly<Record<string, unknown>>,
  file = 'the PyTorch weights',
): Record<string, unknown> {
  return weights instanceof Uint8Array ? Object.fromEntries(readSafetensors(weights, file).tensors) : { ...weights };
}

/**
 * A model's params (by its names) from a PyTorch nn.RNN / nn.LSTM / nn.GRU state dict. Returns
 * only the params it covers; a key that matches no layer is an error, never skipped.
 */
export function loadTorchWeights(
  source: ProgramSource,
  weights: Uint8Array | Readonly<Record<string, unknown>>,
  options: WeightOptions = {},
): Record<string, Tensor> {
  const program = programOf(source, options);
  const { model, sizes } = chooseModel(program, options);
  return readTorchWeights(model, program.cellTable, sizes, stateDictOf(weights), options.dtype ?? 'f64');
}

/** A model's params from Keras / TF.js LSTM or GRU weights (`kernel`, `recurrent_kernel`, `bias`, …). */
export function loadKerasWeights(
  source: ProgramSource,
  weights: Readonly<Record<string, unknown>>,
  options: WeightOptions = {},
): Record<string, Tensor> {
  const program = programOf(source, options);
  const { model, sizes } = chooseModel(program, options);
  return readKerasWeights(model, program.cellTable, sizes, { ...weights }, options.dtype ?? 'f64');
}

/** A model's params as a PyTorch state dict in safetensors bytes (`safetensors.torch.load_file` reads them). */
export function saveTorchWeights(
  source: ProgramSource,
  params: Readonly<Record<string, Tensor>>,
  options: SourceOptions & ModelChoice = {},
): Uint8Array {
  const program = programOf(source, options);
  const { model } = chooseModel(program, options);
  return writeSafetensors(torchStateDict(model, program.cellTable, params), { format: 'pt', producer: 'rnnc' });
}
