/**
 * A model's own params, shared by the layers and equations that read them: weight tying, an
 * output projection that is the embedding table (Press & Wolf 2017, Inan et al. 2017).
 */
import { describe, expect, it } from 'vitest';
import { check, gradients, run } from '../src/api/index.js';
import { maxRelativeError } from './helpers/compile.js';

const tied = `
model Tied(V = 7, H = 5) {
  input text: seq token(V)
  target next: seq token(V)
  param table: [V, H] = uniform(-0.5, 0.5)
  param U: [H, H]
  vectors = embed(table, text)
  h = tanh(U @ vectors)
  logits = table @ h
  loss cross_entropy(logits, next)
  output logits
}`;

/** The same model with the two uses of the table as two params. */
const untied = `
model Untied(V = 7, H = 5) {
  input text: seq token(V)
  target next: seq token(V)
  param lookup: [V, H]
  param projection: [V, H]
  param U: [H, H]
  vectors = embed(lookup, text)
  h = tanh(U @ vectors)
  logits = projection @ h
  loss cross_entropy(logits, next)
  output logits
}`;

const inputs = {
  text: [
    [1, 2],
    [3, 6],
    [0, 4],
  ],
  next: [
    [2, 3],
    [6, 0],
    [4, 4],
  ],
};

describe('a param of the model', () => {
  it('is one tensor wherever it is read: the gradient of a tied table is the sum of its two uses', async () => {
    const values = await run(tied, { inputs, seed: 4 });
    const table = values.params.table;
    const nested = Array.from({ length: 7 }, (_, r) => Array.from(table.data.slice(r * 5, r * 5 + 5)));
    const U = Array.from({ length: 5 }, (_, r) => Array.from(values.params.U.data.slice(r * 5, r * 5 + 5)));
    const tiedGrads = gradients(tied, { inputs, seed: 4 });
    const untiedGrads = gradients(untied, { inputs, params: { lookup: nested, projection: nested, U } });
    expect(Math.abs(tiedGrads.loss - untiedGrads.loss)).toBeLessThan(1e-14);
    const sum = untiedGrads.params.lookup.data.map((v, k) => v + untiedGrads.params.projection.data[k]);
    expect(maxRelativeError(tiedGrads.params.table.data, sum, 1e-9)).toBeLessThan(1e-12);
    // Both uses contribute: neither alone is the gradient.
    expect(maxRelativeError(tiedGrads.params.table.data, untiedGrads.params.projection.data, 1e-9)).toBeGreaterThan(
      1e-3,
    );
  });

  it('is listed with the layers’ params, under its own name', async () => {
    const values = await run(tied, { inputs });
    expect(Object.keys(values.params)).toEqual(['table', 'U']);
    expect(check(tied).listing).toContain('table');
  });

  it('is warned about when nothing reads it, and refused when its name is taken', async () => {
    const unused = `
model M(I = 2) {
  input x: seq[I]
  param spare: [I]
  output x
}`;
    expect(check(unused).diagnostics.map((d) => d.message)).toContain('param spare is never used');
    const taken = `
model M(I = 2) {
  input x: seq[I]
  param x: [I]
  output x
}`;
    await expect(run(taken)).rejects.toThrow("duplicate definition of 'x'");
  });
});
