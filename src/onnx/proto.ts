/**
 * ONNX models as plain objects (the fields of onnx.proto in snake case, as protobufjs reads
 * them with `keepCase`), and their encoding and decoding.
 */
import { UserError } from '../diagnostics.js';
import { ModelProto } from './schema.js';

export interface OnnxDim {
  readonly dim_value?: number;
  readonly dim_param?: string;
}

export interface OnnxValueInfo {
  readonly name: string;
  readonly type?: { readonly tensor_type?: { readonly elem_type?: number; readonly shape?: { dim?: OnnxDim[] } } };
  readonly doc_string?: string;
}

export interface OnnxTensor {
  readonly name?: string;
  readonly dims?: readonly number[];
  readonly data_type?: number;
  readonly raw_data?: Uint8Array;
  readonly float_data?: readonly number[];
  readonly double_data?: readonly number[];
  readonly int32_data?: readonly number[];
  readonly int64_data?: readonly number[];
  readonly data_location?: number;
}

export interface OnnxAttribute {
  readonly name: string;
  readonly type: number;
  readonly f?: number;
  readonly i?: number;
  readonly s?: Uint8Array;
  readonly t?: OnnxTensor;
  readonly g?: OnnxGraph;
  readonly floats?: readonly number[];
  readonly ints?: readonly number[];
  readonly strings?: readonly Uint8Array[];
}

export interface OnnxNode {
  readonly input: readonly string[];
  readonly output: readonly string[];
  readonly name?: string;
  readonly op_type: string;
  readonly domain?: string;
  readonly attribute?: readonly OnnxAttribute[];
  readonly doc_string?: string;
}

export interface OnnxGraph {
  readonly name?: string;
  readonly node: readonly OnnxNode[];
  readonly initializer?: readonly OnnxTensor[];
  readonly input: readonly OnnxValueInfo[];
  readonly output: readonly OnnxValueInfo[];
  readonly doc_string?: string;
}

export interface OnnxModel {
  readonly ir_version: number;
  readonly opset_import: readonly { readonly domain?: string; readonly version: number }[];
  readonly producer_name?: string;
  readonly producer_version?: string;
  readonly doc_string?: string;
  readonly graph: OnnxGraph;
  readonly metadata_props?: readonly { readonly key: string; readonly value: string }[];
}

export function encodeModel(model: OnnxModel): Uint8Array {
  return ModelProto.encode(ModelProto.fromObject(model)).finish();
}

/** Reads ONNX bytes; a file that is not a protobuf ModelProto with a graph is a `UserError` naming `file`. */
export function decodeModel(bytes: Uint8Array, file: string): OnnxModel {
  let decoded;
  try {
    decoded = ModelProto.decode(bytes);
  } catch (e) {
    throw new UserError(
      `${file} is not an ONNX model: it does not read as a protobuf ModelProto (${(e as Error).message})`,
    );
  }
  const model = ModelProto.toObject(decoded, { longs: Number, arrays: true, defaults: false }) as OnnxModel;
  if (!model.graph || model.ir_version === undefined)
    throw new UserError(`${file} is not an ONNX model: it has no ${model.graph ? 'IR version' : 'graph'}`);
  return model;
}
