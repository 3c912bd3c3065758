/**
 * What a user writes by hand: an LSTM and a GRU forward pass with one
 * matrix–vector loop per gate and per step. The baseline rnnc must beat.
 */
export type Weights = Record<string, Float32Array>;

function matvec(w: Float32Array, rows: number, cols: number, v: Float32Array, vo: number, out: Float32Array): void {
  for (let i = 0; i < rows; i++) {
    let acc = 0;
    for (let k = 0; k < cols; k++) acc += w[i * cols + k] * v[vo + k];
    out[i] = acc;
  }
}

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

/** LSTM in PyTorch's formulation; x is [T][B][I]; returns every h_t as [T][B][H]. */
export function naiveLstm(p: Weights, x: Float32Array, T: number, B: number, I: number, H: number): Float32Array {
  const out = new Float32Array(T * B * H);
  const gates = ['i', 'f', 'g', 'o'];
  const a = gates.map(() => new Float32Array(H));
  const r = gates.map(() => new Float32Array(H));
  for (let b = 0; b < B; b++) {
    const h = new Float32Array(H);
    const c = new Float32Array(H);
    for (let t = 0; t < T; t++) {
      gates.forEach((g, k) => {
        matvec(p[`W_i${g}`], H, I, x, (t * B + b) * I, a[k]);
        matvec(p[`W_h${g}`], H, H, h, 0, r[k]);
      });
      for (let j = 0; j < H; j++) {
        const i = sigmoid(a[0][j] + p.b_ii[j] + r[0][j] + p.b_hi[j]);
        const f = sigmoid(a[1][j] + p.b_if[j] + r[1][j] + p.b_hf[j]);
        const g = Math.tanh(a[2][j] + p.b_ig[j] + r[2][j] + p.b_hg[j]);
        const o = sigmoid(a[3][j] + p.b_io[j] + r[3][j] + p.b_ho[j]);
        c[j] = f * c[j] + i * g;
        h[j] = o * Math.tanh(c[j]);
      }
      out.set(h, (t * B + b) * H);
    }
  }
  return out;
}

/** The reset-before GRU (Keras's); x is [T][B][I]; returns every h_t as [T][B][H]. */
export function naiveGru(p: Weights, x: Float32Array, T: number, B: number, I: number, H: number): Float32Array {
  const out = new Float32Array(T * B * H);
  const [az, ar, ah, uz, ur, uh, rh] = Array.from({ length: 7 }, () => new Float32Array(H));
  for (let b = 0; b < B; b++) {
    const h = new Float32Array(H);
    for (let t = 0; t < T; t++) {
      const xo = (t * B + b) * I;
      matvec(p.W_z, H, I, x, xo, az);
      matvec(p.W_r, H, I, x, xo, ar);
      matvec(p.W_h, H, I, x, xo, ah);
      matvec(p.U_z, H, H, h, 0, uz);
      matvec(p.U_r, H, H, h, 0, ur);
      for (let j = 0; j < H; j++) rh[j] = sigmoid(ar[j] + ur[j] + p.b_r[j]) * h[j];
      matvec(p.U_h, H, H, rh, 0, uh);
      for (let j = 0; j < H; j++) {
        const z = sigmoid(az[j] + uz[j] + p.b_z[j]);
        const n = Math.tanh(ah[j] + uh[j] + p.b_h[j]);
        h[j] = z * h[j] + (1 - z) * n;
      }
      out.set(h, (t * B + b) * H);
    }
  }
  return out;
}
