/**
 * Importing an ONNX model: its LSTM, GRU and RNN nodes and the glue around them as an rnnc
 * source, and its weights as safetensors under the source's param names.
 */
import { check } from './program.js';
import { importModel, type OutputMapping } from '../onnx/import.js';
import { decodeModel } from '../onnx/proto.js';
import { writeSafetensors } from '../weights/safetensors.js';

export interface ImportOptions {
  /** The name messages give the ONNX file (default `model.onnx`). */
  readonly file?: string;
}

export interface ImportResult {
  /** The model's name in the source. */
  readonly model: string;
  /** The .rnn source: a cell per operator configuration, and a model of layers. */
  readonly source: string;
  /** The params by name as safetensors bytes (f32, or f64 for a double model): `rnnc run --params`. */
  readonly weights: Uint8Array;
  readonly params: Readonly<
    Record<string, { readonly shape: readonly number[]; readonly data: Float32Array | Float64Array }>
  >;
  /** Renamed values, layouts, outputs rnnc reports as final states. */
  readonly notes: readonly string[];
  /** Each ONNX graph output rnnc gives, and its name there: a model output or a final state. */
  readonly outputs: readonly OutputMapping[];
}

/** An ONNX model's bytes as an rnnc source and weights; a graph rnnc cannot take is a `UserError` naming the node. */
export function importOnnx(bytes: Uint8Array, options: ImportOptions = {}): ImportResult {
  const file = options.file ?? 'model.onnx';
  const imported = importModel(decodeModel(bytes, file), file);
  const checked = check(imported.source, { file: `${imported.model}.rnn` });
  // A source rnnc wrote that does not check is rnnc's mistake, not the user's.
  if (!checked.ok)
    throw new Error(`rnnc import wrote a source that does not check:\n${checked.formatted}\n${imported.source}`);
  const params = Object.fromEntries(
    [...imported.params].map(([name, c]) => [
      name,
      { shape: c.shape, data: imported.dtype === 'f32' ? Float32Array.from(c.data) : Float64Array.from(c.data) },
    ]),
  );
  return {
    model: imported.model,
    source: imported.source,
    weights: writeSafetensors(new Map(Object.entries(params)), { format: 'rnnc params', model: imported.model }),
    params,
    notes: imported.notes,
    outputs: imported.outputs,
  };
}
