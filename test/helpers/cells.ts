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
