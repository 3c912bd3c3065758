/** Initial parameter values from their declared initializers, reproducible under a seed. */
import { UserError } from '../diagnostics.js';
import { evaluateNum, type InitSpec } from '../ir/init.js';
import { allocate, type DType, noLead, Tensor } from '../tensor/tensor.js';
import { Random } from './random.js';

export interface ParamSpec {
  readonly name: string;
  readonly shape: readonly number[];
  readonly init: InitSpec;
}

/** FNV-1a, to give each param its own stream: adding a param leaves the others' values alone. */
function hashName(name: string): number {
  let h = 0x811c9dc5;
  for (let k = 0; k < name.length; k++) h = Math.imul(h ^ name.charCodeAt(k), 0x01000193);
  return h >>> 0;
}

function fans(shape: readonly number[]): [number, number] {
  // Weights are [out, in], as in papers and PyTorch.
  if (shape.length === 2) return [shape[1], shape[0]];
  const n = shape.reduce((a, b) => a * b, 1);
  return [n, n];
}

/** An orthogonal matrix (Saxe et al. 2014): Gram–Schmidt on a Gaussian matrix. */
function orthogonal(rows: number, cols: number, gain: number, rng: Random): Float64Array {
  const tall = Math.max(rows, cols);
  const narrow = Math.min(rows, cols);
  // Columns of a tall × narrow Gaussian matrix, made orthonormal in turn.
  const q = Array.from({ length: narrow }, () => Float64Array.from({ length: tall }, () => rng.normal()));
  for (let j = 0; j < narrow; j++) {
    for (let p = 0; p < j; p++) {
      let dot = 0;
      for (let i = 0; i < tall; i++) dot += q[j][i] * q[p][i];
      for (let i = 0; i < tall; i++) q[j][i] -= dot * q[p][i];
    }
    let norm = 0;
    for (let i = 0; i < tall; i++) norm += q[j][i] * q[j][i];
    norm = Math.sqrt(norm);
    for (let i = 0; i < tall; i++) q[j][i] /= norm;
  }
  const out = new Float64Array(rows * cols);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) out[r * cols + c] = gain * (rows >= cols ? q[c][r] : q[r][c]);
  }
  return out;
}

export function initialValue(
  spec: ParamSpec,
  sizes: Readonly<Record<string, number>>,
  seed: number,
  dtype: DType,
): Tensor {
  const { shape, init, name } = spec;
  const size = shape.reduce((a, b) => a * b, 1);
  const rng = new Random((seed ^ hashName(name)) >>> 0);
  const data = allocate(dtype, size);
  const n = (e: Parameters<typeof evaluateNum>[0]) => evaluateNum(e, sizes);
  const fill = (draw: () => number) => {
    for (let k = 0; k < size; k++) data[k] = draw();
  };
  switch (init.kind) {
    case 'zeros':
      break;
    case 'ones':
      data.fill(1);
      break;
    case 'constant':
      data.fill(n(init.value));
      break;
    case 'uniform': {
      const [low, high] = [n(init.low), n(init.high)];
      fill(() => rng.uniform(low, high));
      break;
    }
    case 'normal': {
      const [mean, std] = [n(init.mean), n(init.std)];
      fill(() => rng.normal(mean, std));
      break;
    }
    case 'glorot_uniform': {
      const [fanIn, fanOut] = fans(shape);
      const limit = Math.sqrt(6 / (fanIn + fanOut));
      fill(() => rng.uniform(-limit, limit));
      break;
    }
    case 'glorot_normal': {
      const [fanIn, fanOut] = fans(shape);
      const std = Math.sqrt(2 / (fanIn + fanOut));
      fill(() => rng.normal(0, std));
      break;
    }
    case 'orthogonal': {
      if (shape.length !== 2) throw new UserError(`param ${name}: orthogonal initialization needs a matrix`);
      data.set(orthogonal(shape[0], shape[1], n(init.gain), rng));
      break;
    }
  }
  return new Tensor(data, noLead, shape);
}
