/**
 * Runtime values of the reference interpreter. Like `TensorType`, a tensor has
 * optional leading time and batch axes (their lengths, or null when absent)
 * and a per-sample shape; data is row-major `[time?][batch?][...shape]`.
 */
export type DType = 'f64' | 'f32';
export type Data = Float64Array | Float32Array;

export interface Lead {
  readonly time: number | null;
  readonly batch: number | null;
}

export const noLead: Lead = { time: null, batch: null };

export class Tensor {
  constructor(
    readonly data: Data,
    readonly lead: Lead,
    readonly shape: readonly number[],
  ) {
    const expected = leadSize(lead) * product(shape);
    if (data.length !== expected) {
      throw new Error(`tensor data has ${data.length} values, shape needs ${expected}`);
    }
  }

  static zeros(dtype: DType, lead: Lead, shape: readonly number[]): Tensor {
    return new Tensor(allocate(dtype, leadSize(lead) * product(shape)), lead, shape);
  }

  static scalar(dtype: DType, value: number): Tensor {
    const data = allocate(dtype, 1);
    data[0] = value;
    return new Tensor(data, noLead, []);
  }

  get dtype(): DType {
    return this.data instanceof Float32Array ? 'f32' : 'f64';
  }

  /** Number of values in one sample. */
  get sampleSize(): number {
    return product(this.shape);
  }

  /** Full shape including the lead axes, as laid out in memory. */
  get fullShape(): number[] {
    const full: number[] = [];
    if (this.lead.time !== null) full.push(this.lead.time);
    if (this.lead.batch !== null) full.push(this.lead.batch);
    return [...full, ...this.shape];
  }

  /** The slice at one time step (a view of the same memory). */
  atTime(t: number): Tensor {
    if (this.lead.time === null) return this;
    const step = (this.lead.batch ?? 1) * this.sampleSize;
    const view = this.data.subarray(t * step, (t + 1) * step);
    return new Tensor(view, { time: null, batch: this.lead.batch }, this.shape);
  }
}

export function product(shape: readonly number[]): number {
  let p = 1;
  for (const d of shape) p *= d;
  return p;
}

export function leadSize(lead: Lead): number {
  return (lead.time ?? 1) * (lead.batch ?? 1);
}

export function allocate(dtype: DType, length: number): Data {
  return dtype === 'f32' ? new Float32Array(length) : new Float64Array(length);
}

/** Row-major strides of a shape. */
export function stridesOf(shape: readonly number[]): number[] {
  const strides = new Array<number>(shape.length);
  let s = 1;
  for (let k = shape.length - 1; k >= 0; k--) {
    strides[k] = s;
    s *= shape[k];
  }
  return strides;
}
