/** Cells every program can use without defining them. A file's own cell of the same name takes precedence. */
export const preludeSource = `
/// A fully connected layer, y = W x + b, applied to every step of a sequence at once.
cell Dense(I, O) {
  input x: [I]
  param W: [O, I] = glorot
  param b: [O] = zeros
  output y = W @ x + b
}

/// A lookup table of token vectors (torch.nn.Embedding): row id of the table, for every step at once.
cell Embedding(V, E) {
  input id: token(V)
  param table: [V, E] = normal(1)
  output embed(table, id)
}
`;
