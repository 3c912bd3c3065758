/**
 * Writing one ONNX graph (the model's, or a Scan body) from an rnnc graph: value names, nodes,
 * constants, and the lead-axis bookkeeping that rnnc's types keep as flags and ONNX keeps as
 * dimensions. An rnnc value `seq(T) batch [H, K]` is the ONNX tensor `[T, B, H, K]`; a param
 * `[H]` is `[H]`. rnnc broadcasts per-sample shapes by numpy's rule with the lead axes apart,
 * so before an ONNX op broadcasts (numpy's rule on the whole tensor, aligned at the right) a
 * value with lead axes has its per-sample rank padded with ones.
 */
import type { Graph, NodeId } from '../ir/graph.js';
import type { TensorType } from '../ir/types.js';
import type { Dim } from '../ir/dims.js';
import type { OnnxAttribute, OnnxGraph, OnnxNode, OnnxTensor, OnnxValueInfo } from './proto.js';
import { AttributeType, DataType } from './schema.js';

export type ElementType = 'f32' | 'f64';

/** Names unique across a whole model (ONNX needs them unique across its subgraphs too). */
export class Names {
  private readonly used = new Set<string>();

  /** Claims a name that must appear as it is (an input, output or param); false if taken. */
  claim(name: string): boolean {
    if (this.used.has(name)) return false;
    this.used.add(name);
    return true;
  }

  fresh(base: string): string {
    let name = base;
    for (let k = 1; this.used.has(name); k++) name = `${base}_${k}`;
    this.used.add(name);
    return name;
  }
}

export interface ModelContext {
  readonly names: Names;
  readonly dtype: ElementType;
  readonly sizes: Readonly<Record<string, number>>;
  /** The name of the batch axis in value infos. */
  readonly batchAxis: string;
}

export const attr = {
  int: (name: string, i: number): OnnxAttribute => ({ name, type: AttributeType.int, i }),
  ints: (name: string, ints: readonly number[]): OnnxAttribute => ({ name, type: AttributeType.ints, ints }),
  float: (name: string, f: number): OnnxAttribute => ({ name, type: AttributeType.float, f }),
  floats: (name: string, floats: readonly number[]): OnnxAttribute => ({ name, type: AttributeType.floats, floats }),
  string: (name: string, s: string): OnnxAttribute => ({
    name,
    type: AttributeType.string,
    s: new TextEncoder().encode(s),
  }),
  strings: (name: string, strings: readonly string[]): OnnxAttribute => ({
    name,
    type: AttributeType.strings,
    strings: strings.map((s) => new TextEncoder().encode(s)),
  }),
  tensor: (name: string, t: OnnxTensor): OnnxAttribute => ({ name, type: AttributeType.tensor, t }),
  graph: (name: string, g: OnnxGraph): OnnxAttribute => ({ name, type: AttributeType.graph, g }),
};

export function elementType(dtype: ElementType): number {
  return dtype === 'f32' ? DataType.float : DataType.double;
}

/** A float tensor of `dtype` with little-endian raw data. */
export function floatTensor(
  dtype: ElementType,
  dims: readonly number[],
  values: ArrayLike<number>,
  name?: string,
): OnnxTensor {
  const data = dtype === 'f32' ? Float32Array.from(values) : Float64Array.from(values);
  return {
    ...(name !== undefined ? { name } : {}),
    dims,
    data_type: elementType(dtype),
    raw_data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
  };
}

export function int64Tensor(dims: readonly number[], values: readonly number[]): OnnxTensor {
  return { dims, data_type: DataType.int64, int64_data: values };
}

export function leadCount(t: TensorType): number {
  return (t.time !== null ? 1 : 0) + (t.batched ? 1 : 0);
}

export class GraphWriter {
  readonly nodes: OnnxNode[] = [];
  /** The ONNX name of each rnnc node's value. */
  readonly value = new Map<NodeId, string>();
  /** The ONNX names of each scan's results, in rnnc's order (final states, then step outputs). */
  readonly scanOutputs = new Map<NodeId, readonly string[]>();
  private readonly constants = new Map<string, string>();
  private batchName: string | undefined;

  constructor(
    readonly model: ModelContext,
    readonly graph: Graph,
  ) {}

  get dtype(): ElementType {
    return this.model.dtype;
  }

  dims(shape: readonly Dim[]): number[] {
    return shape.map((d) => d.evaluate(this.model.sizes));
  }

  emit(op: string, inputs: readonly string[], attributes: readonly OnnxAttribute[] = [], label = op): string {
    return this.emitMany(op, inputs, attributes, 1, label)[0];
  }

  emitMany(
    op: string,
    inputs: readonly string[],
    attributes: readonly OnnxAttribute[],
    outputs: number,
    label: string,
  ): string[] {
    const names = Array.from({ length: outputs }, (_, k) =>
      this.model.names.fresh(outputs > 1 ? `${label}.${k}` : label),
    );
    this.nodes.push({
      input: inputs,
      output: names,
      name: this.model.names.fresh(`${op}:${label}`),
      op_type: op,
      ...(attributes.length > 0 ? { attribute: attributes } : {}),
    });
    return names;
  }

  /** A constant int64 vector (shapes, axes, indices), made once per graph. */
  int64s(values: readonly number[], scalar = false): string {
    const key = `${scalar ? 's' : 'v'}${values.join(',')}`;
    const known = this.constants.get(key);
    if (known !== undefined) return known;
    const name = this.emit(
      'Constant',
      [],
      [attr.tensor('value', int64Tensor(scalar ? [] : [values.length], values))],
      'const',
    );
    this.constants.set(key, name);
    return name;
  }

  /** A constant float tensor of the model's type. */
  floats(dims: readonly number[], values: ArrayLike<number>, label = 'const'): string {
    return this.emit('Constant', [], [attr.tensor('value', floatTensor(this.dtype, dims, values))], label);
  }

  /** The batch size as an int64 vector `[B]`, read once per graph from a batched value. */
  batch(): string {
    if (this.batchName !== undefined) return this.batchName;
    // The first batched source of the graph (a model input, a scan body's argument) that has a name.
    const source = this.graph.nodes.find(
      (n) => (n.op === 'input' || n.op === 'arg') && n.type.kind === 'tensor' && n.type.batched && this.value.has(n.id),
    );
    if (!source || source.type.kind !== 'tensor')
      throw new Error('the graph has no batched value to read the batch size from');
    const at = source.type.time !== null ? 1 : 0;
    const name = this.value.get(source.id) as string;
    this.batchName = this.emit('Shape', [name], [attr.int('start', at), attr.int('end', at + 1)], 'batch');
    return this.batchName;
  }

  /**
   * The value `name` of type `t` made ready to broadcast against a value with the lead axes
   * of `out` and `sampleRank` per-sample axes: a value without lead axes already is (numpy
   * aligns at the right); one with them gets ones after its lead axes (and a batch axis of
   * one after a time axis, where `out` is batched and it is not).
   */
  align(name: string, t: TensorType, out: TensorType, sampleRank = out.shape.length): string {
    if (leadCount(t) === 0) return name;
    const axes: number[] = [];
    let leads = leadCount(t);
    if (t.time !== null && !t.batched && out.batched) {
      axes.push(1);
      leads++;
    }
    for (let k = 0; k < sampleRank - t.shape.length; k++) axes.push(leads + k);
    return axes.length === 0 ? name : this.emit('Unsqueeze', [name, this.int64s(axes)], [], 'aligned');
  }

  /** `name` of type `t` expanded to the lead axes of `ref` (a value of type `refType` that has them). */
  expandLeads(name: string, t: TensorType, ref: string, refType: TensorType): string {
    if (leadCount(t) === leadCount(refType)) return name;
    let value = name;
    if (leadCount(t) > 0) {
      // A batched value meeting a sequence gets a time axis of one in front; a sequence
      // meeting batched values, a batch axis of one after its time axis.
      const axis = t.time !== null ? 1 : 0;
      value = this.emit('Unsqueeze', [value, this.int64s([axis])], [], 'aligned');
    }
    const lead = this.emit('Shape', [ref], [attr.int('start', 0), attr.int('end', leadCount(refType))], 'lead');
    const shape = this.emit('Concat', [lead, this.int64s(this.dims(t.shape))], [attr.int('axis', 0)], 'shape');
    return this.emit('Expand', [value, shape], [], 'expanded');
  }

  /** Zeros of a type (batched values take the batch size of this graph). */
  zeros(t: TensorType, label: string): string {
    return this.fill(t, 0, label);
  }

  /**
   * A type filled with one number: batched values take the batch size of this graph, and a
   * sequence the length of a model input along its axis.
   */
  fill(t: TensorType, value: number, label: string): string {
    const dims = this.dims(t.shape);
    if (!t.batched && t.time === null)
      return this.floats(dims, new Array<number>(dims.reduce((a, b) => a * b, 1)).fill(value), label);
    const steps = t.time === null ? [] : [this.steps(t.time)];
    const shape = this.emit(
      'Concat',
      [...steps, ...(t.batched ? [this.batch()] : []), this.int64s(dims)],
      [attr.int('axis', 0)],
      'shape',
    );
    return this.emit('ConstantOfShape', [shape], [attr.tensor('value', floatTensor(this.dtype, [1], [value]))], label);
  }

  /** The number of steps along a time axis, read off a model input that runs along it. */
  private steps(axis: string): string {
    const source = this.graph.nodes.find(
      (n) => n.op === 'input' && n.type.kind === 'tensor' && n.type.time === axis && this.value.has(n.id),
    );
    if (!source) throw new Error(`no input of the graph runs along ${axis}`);
    return this.emit(
      'Shape',
      [this.value.get(source.id) as string],
      [attr.int('start', 0), attr.int('end', 1)],
      'steps',
    );
  }

  valueInfo(name: string, t: TensorType, timeAxis = t.time): OnnxValueInfo {
    const dim = [
      ...(timeAxis !== null ? [{ dim_param: timeAxis }] : []),
      ...(t.batched ? [{ dim_param: this.model.batchAxis }] : []),
      ...this.dims(t.shape).map((d) => ({ dim_value: d })),
    ];
    return { name, type: { tensor_type: { elem_type: elementType(this.dtype), shape: { dim } } } };
  }
}
