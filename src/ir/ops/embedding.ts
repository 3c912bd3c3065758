/**
 * Token ids: an embedding lookup (the rows of a table picked by ids), the
 * sparse row update that is its gradient, and one-hot vectors (what a
 * cross-entropy against a token id reads). Ids are numbers of the value type,
 * exact as floats below 2^24; each is checked against the table's rows where
 * it is read.
 */
import { UserError } from '../../diagnostics.js';
import { Tensor } from '../../tensor/tensor.js';
import type { Dim } from '../dims.js';
import { expectTensor, formatType, ShapeError, type TensorType } from '../types.js';
import { type OpDef, tensorValue } from './opdef.js';
import { zeroGradient } from './vjp-rules.js';

function idsType(ids: TensorType, what: string): TensorType {
  if (ids.shape.length !== 0)
    throw new ShapeError(`${what} reads one token id per sample and step, but this is ${formatType(ids)}`);
  return ids;
}

/** A token id as a row index, or a clear error when it is not one of `rows`. */
function rowOf(id: number, rows: number): number {
  if (!Number.isInteger(id) || id < 0 || id >= rows)
    throw new UserError(`token id ${id} is outside the vocabulary: ids run from 0 to ${rows - 1}`);
  return id;
}

/** embed(table, ids): row ids[l] of the table [V, E] for every lead position l. */
export const gatherRowsOp: OpDef<'gather_rows'> = {
  kind: 'gather_rows',
  arity: 2,
  pure: true,
  symbol: 'embed',
  type: ([table, ids]) => {
    const t = expectTensor(table, 'the table');
    if (t.batched || t.time !== null || t.shape.length !== 2)
      throw new ShapeError(`an embedding table is a matrix [V, E] shared by every sample, not ${formatType(t)}`);
    const i = idsType(expectTensor(ids, 'the ids'), 'embed');
    return { kind: 'tensor', shape: [t.shape[1]], batched: i.batched, time: i.time };
  },
  eval: ([table, ids], _attrs, ctx) => {
    const t = tensorValue(table);
    const i = tensorValue(ids);
    const [rows, width] = t.shape;
    const out = Tensor.zeros(ctx.dtype, i.lead, [width]);
    i.data.forEach((id, l) => {
      const row = rowOf(id, rows);
      out.data.set(t.data.subarray(row * width, (row + 1) * width), l * width);
    });
    return out;
  },
  saves: 'inputs',
  // The table's gradient adds each lookup's adjoint into its row: a sparse update, never a [V, E] product.
  vjp: (b, a) => [b.add('scatter_rows', [a.g, a.input(1)], { rows: a.inputType(0).shape[0] as Dim }), null],
};

/** The table gradient of `embed`: Σ over lead positions l of g[l] into row ids[l] of a [rows, E] matrix. */
export const scatterRowsOp: OpDef<'scatter_rows'> = {
  kind: 'scatter_rows',
  arity: 2,
  pure: true,
  symbol: 'scatter_rows',
  type: ([g, ids], { rows }) => {
    const v = expectTensor(g, 'the rows');
    if (v.shape.length !== 1) throw new ShapeError(`scatter_rows adds vectors, not ${formatType(v)}`);
    idsType(expectTensor(ids, 'the ids'), 'scatter_rows');
    return { kind: 'tensor', shape: [rows, v.shape[0]], batched: false, time: null };
  },
  eval: ([g, ids], { rows }, ctx) => {
    const v = tensorValue(g);
    const i = tensorValue(ids);
    const n = rows.evaluate(ctx.sizes);
    const width = v.shape[0];
    const out = Tensor.zeros(ctx.dtype, { time: null, batch: null }, [n, width]);
    i.data.forEach((id, l) => {
      const row = rowOf(id, n);
      for (let k = 0; k < width; k++) out.data[row * width + k] += v.data[l * width + k];
    });
    return out;
  },
  saves: 'inputs',
  vjp: (b, a) => [b.add('gather_rows', [a.g, a.input(1)]), null],
};

/** one_hot(ids, size): 1 at each id, 0 elsewhere. */
export const oneHotOp: OpDef<'one_hot'> = {
  kind: 'one_hot',
  arity: 1,
  pure: true,
  symbol: 'one_hot',
  type: ([ids], { size }) => {
    const i = idsType(expectTensor(ids, 'the ids'), 'one_hot');
    return { kind: 'tensor', shape: [size], batched: i.batched, time: i.time };
  },
  eval: ([ids], { size }, ctx) => {
    const i = tensorValue(ids);
    const n = size.evaluate(ctx.sizes);
    const out = Tensor.zeros(ctx.dtype, i.lead, [n]);
    i.data.forEach((id, l) => (out.data[l * n + rowOf(id, n)] = 1));
    return out;
  },
  saves: 'nothing',
  vjp: zeroGradient(1),
};
