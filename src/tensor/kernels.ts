/**
 * Reference kernels: the plain, obviously-correct loops behind the op
 * registry's `eval`. Speed is not a goal here; clarity and exactness are.
 */
import { allocate, type DType, type Lead, product, stridesOf, Tensor } from './tensor.js';

/** Lead axes of a result: each axis present if any operand has it. */
export function broadcastLead(inputs: readonly Tensor[]): Lead {
  let time: number | null = null;
  let batch: number | null = null;
  for (const t of inputs) {
    if (t.lead.time !== null) {
      if (time !== null && time !== t.lead.time) {
        throw new Error(`sequence lengths differ: ${time} vs ${t.lead.time}`);
      }
      time = t.lead.time;
    }
    if (t.lead.batch !== null) {
      if (batch !== null && batch !== t.lead.batch) {
        throw new Error(`batch sizes differ: ${batch} vs ${t.lead.batch}`);
      }
      batch = t.lead.batch;
    }
  }
  return { time, batch };
}

/** numpy's rule for per-sample shapes, on concrete sizes. */
export function broadcastShapes(shapes: readonly (readonly number[])[]): number[] {
  const rank = Math.max(0, ...shapes.map((s) => s.length));
  const out = new Array<number>(rank).fill(1);
  for (const s of shapes) {
    for (let k = 0; k < s.length; k++) {
      const axis = rank - s.length + k;
      if (s[k] === 1) continue;
      if (out[axis] !== 1 && out[axis] !== s[k]) {
        throw new Error(`cannot broadcast [${shapes.map((x) => x.join(', ')).join('] with [')}]`);
      }
      out[axis] = s[k];
    }
  }
  return out;
}

function fullShape(lead: Lead, shape: readonly number[]): number[] {
  return [...(lead.time !== null ? [lead.time] : []), ...(lead.batch !== null ? [lead.batch] : []), ...shape];
}

/** Strides that read `input` at every index of the result's full shape (0 where broadcast). */
function broadcastStrides(input: Tensor, outLead: Lead, outShape: readonly number[]): number[] {
  const own = stridesOf(input.fullShape);
  let axis = 0;
  const strides: number[] = [];
  if (outLead.time !== null) strides.push(input.lead.time !== null ? own[axis++] : 0);
  else if (input.lead.time !== null) axis++;
  if (outLead.batch !== null) strides.push(input.lead.batch !== null ? own[axis++] : 0);
  else if (input.lead.batch !== null) axis++;
  const offset = outShape.length - input.shape.length;
  for (let k = 0; k < outShape.length; k++) {
    const inAxis = k - offset;
    strides.push(inAxis < 0 || input.shape[inAxis] === 1 ? 0 : own[axis + inAxis]);
  }
  return strides;
}

/** Applies a scalar function elementwise with broadcasting. */
export function pointwise(dtype: DType, inputs: readonly Tensor[], fn: (...xs: number[]) => number): Tensor {
  const lead = broadcastLead(inputs);
  const shape = broadcastShapes(inputs.map((t) => t.shape));
  const full = fullShape(lead, shape);
  const size = product(full);
  const out = allocate(dtype, size);
  const allSame = inputs.every((t) => t.data.length === size && sameFull(t.fullShape, full));
  const args = new Array<number>(inputs.length);
  if (allSame) {
    for (let i = 0; i < size; i++) {
      for (let k = 0; k < inputs.length; k++) args[k] = inputs[k].data[i];
      out[i] = fn(...args);
    }
    return new Tensor(out, lead, shape);
  }
  const strides = inputs.map((t) => broadcastStrides(t, lead, shape));
  const index = new Array<number>(full.length).fill(0);
  const offsets = new Array<number>(inputs.length).fill(0);
  for (let i = 0; i < size; i++) {
    for (let k = 0; k < inputs.length; k++) args[k] = inputs[k].data[offsets[k]];
    out[i] = fn(...args);
    // Advance the multi-index like an odometer, keeping each input's offset.
    for (let axis = full.length - 1; axis >= 0; axis--) {
      index[axis]++;
      for (let k = 0; k < inputs.length; k++) offsets[k] += strides[k][axis];
      if (index[axis] < full[axis]) break;
      for (let k = 0; k < inputs.length; k++) offsets[k] -= strides[k][axis] * full[axis];
      index[axis] = 0;
    }
  }
  return new Tensor(out, lead, shape);
}

function sameFull(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((d, k) => d === b[k]);
}

/** Copies `input` out to the given lead axes (repeating it where it lacks one). */
export function expandLead(dtype: DType, input: Tensor, lead: Lead): Tensor {
  if (input.lead.time === lead.time && input.lead.batch === lead.batch && input.dtype === dtype) return input;
  const probe = new Tensor(allocate(dtype, product(fullShape(lead, []))), lead, []);
  return pointwise(dtype, [input, probe], (x) => x);
}

/** Per-sample matrix product with numpy's rank rules (ranks 1 and 2). */
export function matmul(dtype: DType, a: Tensor, b: Tensor): Tensor {
  const lead = broadcastLead([a, b]);
  const [m, k] = a.shape.length === 2 ? [a.shape[0], a.shape[1]] : [1, a.shape[0]];
  const n = b.shape.length === 2 ? b.shape[1] : 1;
  const kb = b.shape[0];
  if (k !== kb) throw new Error(`matmul inner sizes differ: ${k} vs ${kb}`);
  const shape = [...(a.shape.length === 2 ? [m] : []), ...(b.shape.length === 2 ? [n] : [])];
  const samples = product(fullShape(lead, []));
  const out = allocate(dtype, samples * m * n);
  const aStep = a.sampleSize;
  const bStep = b.sampleSize;
  for (let s = 0; s < samples; s++) {
    const aBase = sampleOffset(a, lead, s) * aStep;
    const bBase = sampleOffset(b, lead, s) * bStep;
    const oBase = s * m * n;
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < n; j++) {
        let acc = 0;
        for (let p = 0; p < k; p++) acc += a.data[aBase + i * k + p] * b.data[bBase + p * n + j];
        out[oBase + i * n + j] = acc;
      }
    }
  }
  return new Tensor(out, lead, shape);
}

/** Which sample of `t` the result's sample number `s` reads, under broadcasting of lead axes. */
function sampleOffset(t: Tensor, outLead: Lead, s: number): number {
  const batch = outLead.batch ?? 1;
  const ti = Math.floor(s / batch);
  const bi = s % batch;
  return (t.lead.time !== null ? ti * (t.lead.batch ?? 1) : 0) + (t.lead.batch !== null ? bi : 0);
}

/** Maps each row along the last axis (length n) to a row of length m. */
export function mapRows(
  dtype: DType,
  input: Tensor,
  outLast: number,
  fn: (row: ArrayLike<number>, out: { [k: number]: number }) => void,
): Tensor {
  const n = input.shape[input.shape.length - 1];
  const rows = input.data.length / n;
  const out = allocate(dtype, rows * outLast);
  for (let r = 0; r < rows; r++) {
    fn(input.data.subarray(r * n, (r + 1) * n), out.subarray(r * outLast, (r + 1) * outLast));
  }
  return new Tensor(out, input.lead, [...input.shape.slice(0, -1), outLast]);
}

export function sumLast(dtype: DType, input: Tensor, mean: boolean): Tensor {
  const n = input.shape[input.shape.length - 1];
  const rows = input.data.length / n;
  const out = allocate(dtype, rows);
  for (let r = 0; r < rows; r++) {
    let acc = 0;
    for (let j = 0; j < n; j++) acc += input.data[r * n + j];
    out[r] = mean ? acc / n : acc;
  }
  return new Tensor(out, input.lead, input.shape.slice(0, -1));
}

/** The largest (or smallest) value along the last axis; NaN anywhere in a row gives NaN. */
export function extremeLast(dtype: DType, input: Tensor, largest: boolean): Tensor {
  const n = input.shape[input.shape.length - 1];
  const rows = input.data.length / n;
  const out = allocate(dtype, rows);
  for (let r = 0; r < rows; r++) {
    let best = input.data[r * n];
    for (let j = 1; j < n; j++) {
      const v = input.data[r * n + j];
      best = largest ? Math.max(best, v) : Math.min(best, v);
    }
    out[r] = best;
  }
  return new Tensor(out, input.lead, input.shape.slice(0, -1));
}

/** softmax (or log-softmax) along the last axis, shifted by the row max for stability. */
export function softmaxLast(dtype: DType, input: Tensor, log: boolean): Tensor {
  const n = input.shape[input.shape.length - 1];
  return mapRows(dtype, input, n, (row, out) => {
    let max = -Infinity;
    for (let j = 0; j < n; j++) max = Math.max(max, row[j]);
    if (Number.isNaN(max) || max === -Infinity) max = 0;
    let total = 0;
    for (let j = 0; j < n; j++) total += Math.exp(row[j] - max);
    const logTotal = Math.log(total);
    for (let j = 0; j < n; j++) out[j] = log ? row[j] - max - logTotal : Math.exp(row[j] - max) / total;
  });
}

/** Concatenation along the last axis; lead axes are broadcast first. */
export function concatLast(dtype: DType, inputs: readonly Tensor[]): Tensor {
  const lead = broadcastLead(inputs);
  const parts = inputs.map((t) => expandLead(dtype, t, lead));
  const lasts = parts.map((t) => t.shape[t.shape.length - 1]);
  const total = lasts.reduce((a, b) => a + b, 0);
  const rows = parts[0].data.length / lasts[0];
  const out = allocate(dtype, rows * total);
  for (let r = 0; r < rows; r++) {
    let at = r * total;
    parts.forEach((t, k) => {
      out.set(t.data.subarray(r * lasts[k], (r + 1) * lasts[k]), at);
      at += lasts[k];
    });
  }
  return new Tensor(out, lead, [...parts[0].shape.slice(0, -1), total]);
}

export function sliceLast(dtype: DType, input: Tensor, start: number, end: number): Tensor {
  return mapRows(dtype, input, end - start, (row, out) => {
    for (let j = start; j < end; j++) out[j - start] = row[j];
  });
}

/** Sum or mean over the time and batch axes: what turns per-sample losses into one number. */
export function reduceLead(dtype: DType, input: Tensor, mean: boolean): Tensor {
  const count = (input.lead.time ?? 1) * (input.lead.batch ?? 1);
  const size = input.sampleSize;
  const out = allocate(dtype, size);
  for (let s = 0; s < count; s++) for (let j = 0; j < size; j++) out[j] += input.data[s * size + j];
  if (mean) for (let j = 0; j < size; j++) out[j] /= count;
  return new Tensor(out, { time: null, batch: null }, input.shape);
}

/** Stacks per-step values into a sequence along a new time axis. */
export function stackTime(dtype: DType, steps: readonly Tensor[]): Tensor {
  const lead = broadcastLead(steps);
  const parts = steps.map((t) => expandLead(dtype, t, lead));
  const step = parts[0].data.length;
  const out = allocate(dtype, step * parts.length);
  parts.forEach((t, k) => out.set(t.data, k * step));
  return new Tensor(out, { time: parts.length, batch: lead.batch }, parts[0].shape);
}

/** Repeats an unbatched value across a batch of size `batch`. */
export function broadcastBatch(dtype: DType, input: Tensor, batch: number): Tensor {
  return expandLead(dtype, input, { time: input.lead.time, batch });
}

/** Per-sample transpose of a matrix. */
export function transpose(dtype: DType, input: Tensor): Tensor {
  const [m, n] = input.shape;
  const samples = input.data.length / (m * n);
  const out = allocate(dtype, input.data.length);
  for (let s = 0; s < samples; s++) {
    const base = s * m * n;
    for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) out[base + j * m + i] = input.data[base + i * n + j];
  }
  return new Tensor(out, input.lead, [n, m]);
}

/** Per-sample outer product: a [m], b [k] → [m, k]. */
export function outer(dtype: DType, a: Tensor, b: Tensor): Tensor {
  const lead = broadcastLead([a, b]);
  const [m, k] = [a.shape[0], b.shape[0]];
  const samples = product(fullShape(lead, []));
  const out = allocate(dtype, samples * m * k);
  for (let s = 0; s < samples; s++) {
    const aBase = sampleOffset(a, lead, s) * m;
    const bBase = sampleOffset(b, lead, s) * k;
    for (let i = 0; i < m; i++)
      for (let j = 0; j < k; j++) out[s * m * k + i * k + j] = a.data[aBase + i] * b.data[bBase + j];
  }
  return new Tensor(out, lead, [m, k]);
}

/** Repeats every value `size` times along a new last axis, divided by `size` when `mean`. */
export function expandLast(dtype: DType, input: Tensor, size: number, mean: boolean): Tensor {
  const out = allocate(dtype, input.data.length * size);
  const scale = mean ? 1 / size : 1;
  for (let r = 0; r < input.data.length; r++) out.fill(input.data[r] * scale, r * size, (r + 1) * size);
  return new Tensor(out, input.lead, [...input.shape, size]);
}

/** Zeros before and after the last axis. */
export function padLast(dtype: DType, input: Tensor, before: number, after: number): Tensor {
  const n = input.shape[input.shape.length - 1];
  return mapRows(dtype, input, before + n + after, (row, out) => {
    for (let j = 0; j < n; j++) out[before + j] = row[j];
  });
}

/** A sequence of `length` zeros with `input` at step `index` (negative: from the end). */
export function timePlace(dtype: DType, input: Tensor, index: number, length: number): Tensor {
  const step = index < 0 ? length + index : index;
  const out = Tensor.zeros(dtype, { time: length, batch: input.lead.batch }, input.shape);
  out.data.set(expandLead(dtype, input, { time: null, batch: input.lead.batch }).data, step * input.data.length);
  return out;
}

/**
 * The sequence moved one step along its direction: forward, step t holds
 * `seq[t - 1]` and step 0 holds `init`; reverse, step t holds `seq[t + 1]`
 * and the last step holds `init`. (The state before each step, from the
 * states after each step.)
 */
export function timeShift(dtype: DType, seq: Tensor, init: Tensor, reverse: boolean): Tensor {
  const length = seq.lead.time as number;
  const stepSize = seq.data.length / length;
  const first = expandLead(dtype, init, { time: null, batch: seq.lead.batch });
  const out = allocate(dtype, seq.data.length);
  for (let t = 0; t < length; t++) {
    const source = reverse ? t + 1 : t - 1;
    if (source < 0 || source >= length) out.set(first.data, t * stepSize);
    else out.set(seq.data.subarray(source * stepSize, (source + 1) * stepSize), t * stepSize);
  }
  return new Tensor(out, seq.lead, seq.shape);
}

/**
 * Sums `input` down to `lead` and `shape` over the axes broadcasting added
 * (lead axes the target lacks, sample axes where it has 1 or nothing): the
 * gradient of a broadcast. Divided by the number of copies when `mean`.
 */
export function unbroadcast(dtype: DType, input: Tensor, lead: Lead, shape: readonly number[], mean: boolean): Tensor {
  const out = Tensor.zeros(dtype, lead, shape);
  const strides = broadcastStrides(out, input.lead, input.shape);
  const full = input.fullShape;
  const index = new Array<number>(full.length).fill(0);
  let offset = 0;
  for (let i = 0; i < input.data.length; i++) {
    out.data[offset] += input.data[i];
    for (let axis = full.length - 1; axis >= 0; axis--) {
      index[axis]++;
      offset += strides[axis];
      if (index[axis] < full[axis]) break;
      offset -= strides[axis] * full[axis];
      index[axis] = 0;
    }
  }
  if (mean) {
    const copies = input.data.length / out.data.length;
    for (let k = 0; k < out.data.length; k++) out.data[k] /= copies;
  }
  return out;
}

/** Broadcasts `input` out to `lead` and `shape`, divided by the number of copies when `mean`. */
export function broadcastTo(dtype: DType, input: Tensor, lead: Lead, shape: readonly number[], mean: boolean): Tensor {
  const probe = Tensor.zeros(dtype, lead, shape);
  const copies = probe.data.length / input.data.length;
  return pointwise(dtype, [input, probe], mean ? (x) => x / copies : (x) => x);
}

/** Per sample, matrices [r_k, K] stacked into [Σ r_k, K] (packed gate weights). */
export function stackRows(dtype: DType, inputs: readonly Tensor[]): Tensor {
  const lead = broadcastLead(inputs);
  const parts = inputs.map((t) => expandLead(dtype, t, lead));
  const samples = product(fullShape(lead, []));
  const sizes = parts.map((t) => t.sampleSize);
  const total = sizes.reduce((a, b) => a + b, 0);
  const out = allocate(dtype, samples * total);
  for (let s = 0; s < samples; s++) {
    let at = s * total;
    parts.forEach((t, k) => {
      out.set(t.data.subarray(s * sizes[k], (s + 1) * sizes[k]), at);
      at += sizes[k];
    });
  }
  const rows = parts.reduce((acc, t) => acc + t.shape[0], 0);
  return new Tensor(out, lead, [rows, parts[0].shape[1]]);
}

/** Per sample, rows [start, end) of a matrix. */
export function sliceRows(dtype: DType, input: Tensor, start: number, end: number): Tensor {
  const [rows, cols] = input.shape;
  const samples = input.data.length / (rows * cols);
  const out = allocate(dtype, samples * (end - start) * cols);
  for (let s = 0; s < samples; s++) {
    out.set(input.data.subarray((s * rows + start) * cols, (s * rows + end) * cols), s * (end - start) * cols);
  }
  return new Tensor(out, input.lead, [end - start, cols]);
}
