/** Small cells that tests of several parts share: each is a case some part once got wrong. */

/** One unit and one input: its weights are 1 × 1, so the zero their gradients start from is one number. */
export const oneUnitCell = `
cell One(I = 1, H = 1) {
  input x: [I]
  state h: [H]
  param W: [H, I] = glorot
  param U: [H, H] = glorot
  h' = tanh(W @ x + U @ h)
  output h'
}`;

/**
 * An output that is a constant: -O0 leaves it in the step (a step output
 * that is one number), -O2 computes it after the loop, where it must keep
 * its time axis.
 */
export const constantOutputCell = `
cell C(I = 2, H = 3) {
  input x: [I]
  state h: [H]
  param W: [H, I] = glorot
  h' = tanh(W @ x + h)
  output y = 2
}`;

/** An output that reads only a weight: it, and the target its gradient takes, have no batch axis. */
export const weightOutputCell = `
cell P(I = 2, H = 3) {
  input x: [I]
  state h: [H]
  param W: [H, I] = glorot
  h' = tanh(W @ x + h)
  output y = sum(W * W)
}`;

/**
 * Attention over the layer's own input: a memory along the same axis the layer steps on, in a
 * forward, a reverse and a bidirectional layer, with a context from a model input beside it.
 * Computed for all steps at once, a value that mixes the step's input with the memory would
 * pair positions up instead of crossing them: it must stay in the loop.
 */
export const selfAttentionModel = `
cell SelfAttention(I, H, C) {
  input x: [I]
  input k: [C]
  memory m: seq(S)[I]
  state h: [H]
  param W: [H, I]
  param U: [H, H]
  param Q: [I, H]
  param K: [H, C]
  e = m @ (Q @ h + x)
  a = softmax(e, axis = S)
  c = sum(a * m, axis = S)
  h' = tanh(W @ (x + c) + U @ h + K @ k)
  output h'
}
model M(I = 3, H = 4, C = 2) {
  input x: seq[I]
  input cond: [C]
  target y: [H]
  layer fwd = SelfAttention(I, H, C) over x, cond, x
  layer back = reverse SelfAttention(I, H, C) over x, cond, x returns last
  layer bi = bidirectional SelfAttention(I, H, C) over x, cond, x returns last merge sum
  loss mse(last(fwd) + back + bi, y)
}`;
