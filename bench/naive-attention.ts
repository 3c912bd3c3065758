/**
 * What a user writes by hand for the attention workload: a GRU encoder and a
 * Bahdanau decoder, forward, one matrix–vector loop per product, sample by
 * sample. Like a careful user it projects the encoder's outputs (U_a h_j)
 * once per sequence rather than once a step. Params are rnnc's (the bench
 * model's names, row-major), so its outputs can be checked against rnnc's.
 */
export type Weights = Record<string, Float32Array>;

function matvec(w: Float32Array, rows: number, cols: number, v: Float32Array, vo: number, out: Float32Array, oo = 0) {
  for (let i = 0; i < rows; i++) {
    let acc = 0;
    for (let k = 0; k < cols; k++) acc += w[i * cols + k] * v[vo + k];
    out[oo + i] = acc;
  }
}

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

/** GRU gates from the input part a (bias included) and the recurrent part u: h ← (1 − z) n + z h. */
function gruUpdate(a: Float32Array, u: Float32Array, h: Float32Array, H: number): void {
  for (let j = 0; j < H; j++) {
    const z = sigmoid(a[j] + u[j]);
    const r = sigmoid(a[H + j] + u[H + j]);
    const n = Math.tanh(a[2 * H + j] + r * u[2 * H + j]);
    h[j] = (1 - z) * n + z * h[j];
  }
}

export interface AttentionSizes {
  readonly I: number;
  readonly E: number;
  readonly H: number;
  readonly A: number;
  readonly S: number;
  readonly U: number;
  readonly B: number;
}

/** x [S][B][I], y [U][B][E]; returns the decoder's concat(s, c) at every step, [U][B][2H]. */
export function naiveAttention(p: Weights, x: Float32Array, y: Float32Array, n: AttentionSizes): Float32Array {
  const { I, E, H, A, S, U, B } = n;
  const out = new Float32Array(U * B * 2 * H);
  const a = new Float32Array(3 * H);
  const u = new Float32Array(3 * H);
  const enc = new Float32Array(S * H);
  const projected = new Float32Array(S * A);
  const query = new Float32Array(A);
  const scores = new Float32Array(S);
  const context = new Float32Array(H);
  const fromContext = new Float32Array(3 * H);
  for (let b = 0; b < B; b++) {
    const h = new Float32Array(H);
    for (let t = 0; t < S; t++) {
      matvec(p['enc.W'], 3 * H, I, x, (t * B + b) * I, a);
      for (let k = 0; k < 3 * H; k++) a[k] += p['enc.b'][k];
      matvec(p['enc.U'], 3 * H, H, h, 0, u);
      gruUpdate(a, u, h, H);
      enc.set(h, t * H);
    }
    for (let j = 0; j < S; j++) matvec(p['l.U_a'], A, H, enc, j * H, projected, j * A);
    const s = new Float32Array(H);
    for (let t = 0; t < U; t++) {
      matvec(p['l.W_a'], A, H, s, 0, query);
      let top = -Infinity;
      for (let j = 0; j < S; j++) {
        let e = 0;
        for (let k = 0; k < A; k++) e += p['l.v_a'][k] * Math.tanh(query[k] + projected[j * A + k]);
        scores[j] = e;
        top = Math.max(top, e);
      }
      let total = 0;
      for (let j = 0; j < S; j++) total += scores[j] = Math.exp(scores[j] - top);
      context.fill(0);
      for (let j = 0; j < S; j++) for (let k = 0; k < H; k++) context[k] += (scores[j] / total) * enc[j * H + k];
      matvec(p['l.W'], 3 * H, E, y, (t * B + b) * E, a);
      matvec(p['l.C'], 3 * H, H, context, 0, fromContext);
      for (let k = 0; k < 3 * H; k++) a[k] += fromContext[k] + p['l.b'][k];
      matvec(p['l.U'], 3 * H, H, s, 0, u);
      gruUpdate(a, u, s, H);
      out.set(s, (t * B + b) * 2 * H);
      out.set(context, (t * B + b) * 2 * H + H);
    }
  }
  return out;
}

/**
 * Forward FLOPs of the workload, counting each multiply-add as two: the
 * encoder's GEMMs, the memory's projection once per sequence, and per
 * decoder step the query, the scores, the context and the gates' products.
 */
export function attentionFlops(n: AttentionSizes): number {
  const { I, E, H, A, S, U, B } = n;
  const encoder = S * 2 * 3 * H * (I + H);
  const memory = S * 2 * A * H;
  const step = 2 * A * H + S * 4 * A + S * 2 * H + 2 * 3 * H * (E + H + H);
  return B * (encoder + memory + U * step);
}
