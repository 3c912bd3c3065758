/**
 * Exporting a model to ONNX: its forward graph with the weights a call names (initializers
 * under a seed, params as JSON, PyTorch or Keras weights, or an `rnnc train` checkpoint).
 */
import { UserError } from '../diagnostics.js';
import { exportModel, irVersion, opsetVersion } from '../onnx/export.js';
import type { OnnxModel } from '../onnx/proto.js';
import { Tensor, noLead } from '../tensor/tensor.js';
import { checkpointValues } from '../train/checkpoint.js';
import { byName } from '../names.js';
import { givenValues, type ValueOptions } from './run.js';
import type { ProgramSource } from './program.js';

export interface ExportOptions extends Omit<ValueOptions, 'inputs' | 'steps' | 'batch' | 'layout' | 'initialStates'> {
  /** Element type of the model (default f32). */
  readonly dtype?: 'f32' | 'f64';
  /** The params of a checkpoint `rnnc train` wrote (its `checkpoint.safetensors` bytes), over any others. */
  readonly checkpoint?: Uint8Array;
  /** Keep the targets as inputs and the loss as an output (default: inference only). */
  readonly keepLoss?: boolean;
  /**
   * Each state that starts from its declared value is a graph input `<layer>.<state>.initial`
   * ([batch, …]), so a caller can carry states from one call to the next by feeding the final
   * states back (default: states start from their declared values inside the model).
   */
  readonly stateInputs?: boolean;
  /**
   * Write every recurrent layer as an ONNX Scan, even one that is exactly an ONNX LSTM, GRU or
   * RNN (always so in f64, which ONNX Runtime's recurrent operators do not take).
   */
  readonly scanOnly?: boolean;
}

export interface ExportResult {
  readonly model: string;
  /** The ONNX file's bytes. */
  readonly bytes: Uint8Array;
  readonly opset: number;
  readonly irVersion: number;
  /** Each recurrent layer and the ONNX operator it became (`LSTM`, `GRU`, `RNN` or `Scan`). */
  readonly layers: readonly { readonly layer: string; readonly form: string }[];
  /**
   * The graph's inputs and outputs: name and shape (`batch` and time axes by name); a token input
   * (float ids, cast to int64 inside) has its `vocabulary`.
   */
  readonly inputs: readonly {
    readonly name: string;
    readonly shape: readonly (number | string)[];
    readonly vocabulary?: number;
  }[];
  readonly outputs: readonly { readonly name: string; readonly shape: readonly (number | string)[] }[];
  /** Where the params came from. */
  readonly notes: readonly string[];
  /** The model as the protobuf message's fields, for inspection. */
  readonly onnx: OnnxModel;
}

const shapeOf = (info: OnnxModel['graph']['input'][number]) =>
  (info.type?.tensor_type?.shape?.dim ?? []).map((d) => d.dim_param ?? d.dim_value ?? '?');

/** A model of a source as ONNX bytes (opset 17), with its weights as initializers. */
export function exportOnnx(source: ProgramSource, options: ExportOptions = {}): ExportResult {
  const dtype = options.dtype ?? 'f32';
  if (dtype !== 'f32' && dtype !== 'f64') throw new UserError(`dtype is f32 or f64, got '${String(dtype)}'`);
  const given = givenValues(source, { ...options, batch: 1, steps: 1 }, dtype);
  const { program, model, sizes } = given;
  const notes = given.notes.filter((n) => !n.startsWith('no inputs given'));
  let params = given.params;
  if (options.checkpoint) {
    const shapes = byName(Object.entries(params).map(([name, t]) => [name, t.shape]));
    const values = checkpointValues(options.checkpoint, 'the checkpoint', shapes);
    const tensor = (data: ArrayLike<number>, shape: readonly number[]) =>
      new Tensor(dtype === 'f32' ? Float32Array.from(data) : Float64Array.from(data), noLead, shape);
    params = byName(Object.entries(values).map(([name, data]) => [name, tensor(data, shapes[name])]));
    notes.splice(0, notes.length, 'params from the checkpoint');
  }
  const bytes = Object.values(params).reduce((sum, t) => sum + t.data.length * (dtype === 'f32' ? 4 : 8), 0);
  if (bytes >= 2 ** 31 - 2 ** 24)
    throw new UserError(
      `the params take ${bytes} bytes, and an ONNX file is one protobuf message, which cannot reach 2 GiB (rnnc does not write ONNX external data)`,
    );
  // ONNX Runtime's LSTM, GRU and RNN kernels take float only (its error: "LSTM operator does
  // not support double yet"); its Scan takes any type.
  const scanOnly = (options.scanOnly ?? false) || dtype === 'f64';
  if (dtype === 'f64' && !options.scanOnly)
    notes.push("every layer is a Scan: ONNX Runtime's LSTM, GRU and RNN kernels take float only");
  const exported = exportModel(model, {
    dtype,
    sizes,
    params,
    keepLoss: options.keepLoss ?? false,
    scanOnly,
    stateInputs: options.stateInputs ?? false,
    source: { file: program.file, text: program.source },
    producerVersion: '0.1.0',
  });
  return {
    model: model.name,
    bytes: exported.bytes,
    opset: opsetVersion,
    irVersion,
    layers: exported.forms,
    inputs: exported.inputs.map((i) => {
      const vocabulary = model.inputs.find((m) => m.name === i.name)?.vocabulary?.evaluate(sizes);
      return { name: i.name, shape: shapeOf(i), ...(vocabulary !== undefined ? { vocabulary } : {}) };
    }),
    outputs: exported.outputs.map((o) => ({ name: o.name, shape: shapeOf(o) })),
    notes,
    onnx: exported.model,
  };
}
