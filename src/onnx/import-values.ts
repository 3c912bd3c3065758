/**
 * Constant tensors of an ONNX graph being imported: initializers and `Constant` nodes, and the
 * few ops exporters put between initializers and a recurrent node (slicing and concatenating
 * gate blocks, transposing, adding biases), folded here as ONNX Runtime folds them on load.
 */
import { UserError } from '../diagnostics.js';
import type { OnnxAttribute, OnnxNode, OnnxTensor } from './proto.js';
import { DataType } from './schema.js';

export interface Constant {
  readonly shape: readonly number[];
  readonly data: Float64Array;
}

const size = (shape: readonly number[]) => shape.reduce((a, b) => a * b, 1);

/** A TensorProto's values (raw little-endian data or the typed repeated fields). */
export function tensorValues(t: OnnxTensor, what: string): Constant {
  const shape = [...(t.dims ?? [])];
  const n = size(shape);
  if (t.data_location === 1)
    throw new UserError(`${what} keeps its data in an external file, which rnnc does not read`);
  const type = t.data_type ?? 0;
  let data: Float64Array;
  if (t.raw_data && t.raw_data.length > 0) {
    const raw = t.raw_data;
    const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
    const width = { [DataType.float]: 4, [DataType.double]: 8, [DataType.int32]: 4, [DataType.int64]: 8 }[type];
    if (width === undefined) throw new UserError(`${what} has element type ${type}, which rnnc does not read`);
    if (raw.length !== n * width)
      throw new UserError(`${what} holds ${raw.length} bytes, but its shape [${shape.join(', ')}] needs ${n * width}`);
    data = new Float64Array(n);
    for (let k = 0; k < n; k++) {
      const at = k * width;
      data[k] =
        type === DataType.float
          ? view.getFloat32(at, true)
          : type === DataType.double
            ? view.getFloat64(at, true)
            : type === DataType.int32
              ? view.getInt32(at, true)
              : Number(view.getBigInt64(at, true));
    }
  } else {
    // Decoded messages have every repeated field, empty where unset.
    const values = [t.float_data, t.double_data, t.int64_data, t.int32_data].find((v) => v && v.length > 0) ?? [];
    if (values.length !== n && n > 0)
      throw new UserError(`${what} holds ${values.length} values, but its shape [${shape.join(', ')}] needs ${n}`);
    data = Float64Array.from(values);
  }
  return { shape, data };
}

function strides(shape: readonly number[]): number[] {
  const out = new Array<number>(shape.length).fill(1);
  for (let k = shape.length - 2; k >= 0; k--) out[k] = out[k + 1] * shape[k + 1];
  return out;
}

function axisOf(axis: number, rank: number): number {
  return axis < 0 ? axis + rank : axis;
}

export function transpose(c: Constant, perm?: readonly number[]): Constant {
  const p = perm ?? c.shape.map((_, k) => c.shape.length - 1 - k);
  const shape = p.map((k) => c.shape[k]);
  const from = strides(c.shape);
  const data = new Float64Array(c.data.length);
  const index = new Array<number>(shape.length).fill(0);
  for (let k = 0; k < data.length; k++) {
    let source = 0;
    for (let a = 0; a < shape.length; a++) source += index[a] * from[p[a]];
    data[k] = c.data[source];
    for (let a = shape.length - 1; a >= 0; a--) {
      if (++index[a] < shape[a]) break;
      index[a] = 0;
    }
  }
  return { shape, data };
}

/** Elements `start..end` along `axis`. */
export function sliceAxis(c: Constant, axis: number, start: number, end: number): Constant {
  const a = axisOf(axis, c.shape.length);
  const outer = size(c.shape.slice(0, a));
  const inner = size(c.shape.slice(a + 1));
  const n = c.shape[a];
  const [s, e] = [Math.max(0, start < 0 ? start + n : start), Math.min(n, end < 0 ? end + n : end)];
  const shape = c.shape.map((d, k) => (k === a ? Math.max(0, e - s) : d));
  const data = new Float64Array(size(shape));
  for (let o = 0; o < outer; o++)
    data.set(c.data.subarray((o * n + s) * inner, (o * n + e) * inner), o * (e - s) * inner);
  return { shape, data };
}

export function concat(parts: readonly Constant[], axis: number): Constant {
  const a = axisOf(axis, parts[0].shape.length);
  const outer = size(parts[0].shape.slice(0, a));
  const shape = parts[0].shape.map((d, k) => (k === a ? parts.reduce((sum, p) => sum + p.shape[a], 0) : d));
  const data = new Float64Array(size(shape));
  let at = 0;
  for (let o = 0; o < outer; o++)
    for (const p of parts) {
      const block = size(p.shape.slice(a));
      data.set(p.data.subarray(o * block, (o + 1) * block), at);
      at += block;
    }
  return { shape, data };
}

/** numpy broadcasting of two constants through `f`. */
export function elementwise(a: Constant, b: Constant, f: (x: number, y: number) => number): Constant {
  const rank = Math.max(a.shape.length, b.shape.length);
  const pad = (s: readonly number[]) => [...new Array<number>(rank - s.length).fill(1), ...s];
  const [sa, sb] = [pad(a.shape), pad(b.shape)];
  const shape = sa.map((d, k) => Math.max(d, sb[k]));
  const [ta, tb] = [strides(sa), strides(sb)];
  const data = new Float64Array(size(shape));
  const index = new Array<number>(rank).fill(0);
  for (let k = 0; k < data.length; k++) {
    let [ia, ib] = [0, 0];
    for (let d = 0; d < rank; d++) {
      ia += (sa[d] === 1 ? 0 : index[d]) * ta[d];
      ib += (sb[d] === 1 ? 0 : index[d]) * tb[d];
    }
    data[k] = f(a.data[ia], b.data[ib]);
    for (let d = rank - 1; d >= 0; d--) {
      if (++index[d] < shape[d]) break;
      index[d] = 0;
    }
  }
  return { shape, data };
}

export function attribute(node: OnnxNode, name: string): OnnxAttribute | undefined {
  return node.attribute?.find((a) => a.name === name);
}

/** The value of a constant-only node, or undefined for an op that is not folded here. */
export function foldConstant(
  node: OnnxNode,
  inputs: readonly (Constant | undefined)[],
  opset: number,
): Constant | undefined {
  const ints = (name: string) => attribute(node, name)?.ints;
  const int = (name: string, fallback: number) => attribute(node, name)?.i ?? fallback;
  const axesFrom = (k: number, name: string) => (opset >= 13 ? inputs[k] && Array.from(inputs[k].data) : ints(name));
  const [x] = inputs;
  switch (node.op_type) {
    case 'Constant': {
      const value = attribute(node, 'value');
      if (value?.t) return tensorValues(value.t, `Constant ${node.name ?? node.output[0]}`);
      const f = attribute(node, 'value_float')?.f ?? attribute(node, 'value_int')?.i;
      if (f !== undefined) return { shape: [], data: Float64Array.of(f) };
      const fs = attribute(node, 'value_floats')?.floats ?? attribute(node, 'value_ints')?.ints;
      return fs ? { shape: [fs.length], data: Float64Array.from(fs) } : undefined;
    }
    case 'Identity':
    case 'Cast':
      return x;
    case 'Transpose':
      return x && transpose(x, ints('perm'));
    case 'Unsqueeze': {
      const axes = axesFrom(1, 'axes');
      if (!x || !axes) return undefined;
      const rank = x.shape.length + axes.length;
      const at = new Set(axes.map((a) => axisOf(a, rank)));
      const shape: number[] = [];
      let k = 0;
      for (let d = 0; d < rank; d++) shape.push(at.has(d) ? 1 : x.shape[k++]);
      return { shape, data: x.data };
    }
    case 'Squeeze': {
      if (!x) return undefined;
      const axes = axesFrom(1, 'axes')?.map((a) => axisOf(a, x.shape.length));
      return { shape: x.shape.filter((d, k) => (axes ? !axes.includes(k) : d !== 1)), data: x.data };
    }
    case 'Reshape': {
      const target = inputs[1];
      if (!x || !target) return undefined;
      const dims = Array.from(target.data, (d, k) => (d === 0 ? x.shape[k] : d));
      const known = dims.filter((d) => d !== -1).reduce((a, b) => a * b, 1);
      return { shape: dims.map((d) => (d === -1 ? x.data.length / known : d)), data: x.data };
    }
    case 'Slice': {
      if (!x) return undefined;
      const [starts, ends, axes, steps] = [1, 2, 3, 4].map((k) =>
        opset >= 10 ? inputs[k] && Array.from(inputs[k].data) : ints(['starts', 'ends', 'axes'][k - 1]),
      );
      if (!starts || !ends || (steps && steps.some((s) => s !== 1))) return undefined;
      let out = x;
      starts.forEach((s, k) => {
        out = sliceAxis(out, axes ? axes[k] : k, s, Math.min(ends[k], Number.MAX_SAFE_INTEGER));
      });
      return out;
    }
    case 'Concat':
      return inputs.every((c) => c !== undefined) ? concat(inputs as Constant[], int('axis', 0)) : undefined;
    case 'Add':
    case 'Sub':
    case 'Mul':
    case 'Div': {
      const [a, b] = inputs;
      if (!a || !b) return undefined;
      const f = {
        Add: (p: number, q: number) => p + q,
        Sub: (p: number, q: number) => p - q,
        Mul: (p: number, q: number) => p * q,
        Div: (p: number, q: number) => p / q,
      }[node.op_type as 'Add'];
      return elementwise(a, b, f);
    }
    case 'Neg':
      return x && { shape: x.shape, data: x.data.map((v) => -v) };
    default:
      return undefined;
  }
}
