/**
 * Row-wise stacking and slicing of matrices: what gate fusion packs weights
 * with (W_i, W_f, W_g, W_o → one [4H, I] matrix, one GEMM for all gates).
 */
import { sliceRows, stackRows } from '../../tensor/kernels.js';
import { Dim, formatShape } from '../dims.js';
import { expectTensor, ShapeError, type TensorType } from '../types.js';
import { type OpDef, tensorValue } from './opdef.js';
import { broadcastLeadTypes } from './typing.js';
import { linear } from './vjp-rules.js';

function requireMatrix(t: TensorType, what: string): void {
  if (t.shape.length !== 2) throw new ShapeError(`${what} needs matrices, got ${formatShape(t.shape)}`);
}

export const stackRowsOp: OpDef<'stack_rows'> = {
  kind: 'stack_rows',
  arity: 'variadic',
  pure: true,
  symbol: 'stack_rows',
  type: (inputs) => {
    const types = inputs.map((t, k) => expectTensor(t, `operand ${k + 1}`));
    types.forEach((t) => requireMatrix(t, 'stack_rows'));
    const cols = types[0].shape[1];
    if (!types.every((t) => t.shape[1].equals(cols))) {
      throw new ShapeError(
        `stack_rows needs matrices with equal columns, got ${types.map((t) => formatShape(t.shape)).join(', ')}`,
      );
    }
    const rows = types.slice(1).reduce((acc, t) => acc.add(t.shape[0]), types[0].shape[0]);
    return { kind: 'tensor', shape: [rows, cols], ...broadcastLeadTypes(types) };
  },
  eval: (inputs, _attrs, ctx) => stackRows(ctx.dtype, inputs.map(tensorValue)),
  saves: 'nothing',
  vjp: linear((b, g, a) => {
    let start = Dim.of(0);
    return Array.from({ length: a.inputCount }, (_, k) => {
      const end = start.add(a.inputType(k).shape[0]);
      const part = b.add('slice_rows', [g], { start, end });
      start = end;
      return part;
    });
  }),
};

export const sliceRowsOp: OpDef<'slice_rows'> = {
  kind: 'slice_rows',
  arity: 1,
  pure: true,
  symbol: 'slice_rows',
  type: ([x], { start, end }) => {
    const t = expectTensor(x, 'operand');
    requireMatrix(t, 'slice_rows');
    return { ...t, shape: [end.sub(start), t.shape[1]] };
  },
  eval: ([x], { start, end }, ctx) =>
    sliceRows(ctx.dtype, tensorValue(x), start.evaluate(ctx.sizes), end.evaluate(ctx.sizes)),
  saves: 'nothing',
  // The adjoint is g among zero rows: a stack of [zeros(start), g, zeros(rest)].
  vjp: linear((b, g, a) => {
    const input = a.inputType(0);
    const [rows, cols] = input.shape;
    const zeros = (n: Dim) => b.add('const', [], { value: 0, type: { ...input, shape: [n, cols] } });
    const before = a.attrs.start;
    const after = rows.sub(a.attrs.end);
    const empty = (d: Dim) => d.isConstant && d.constant === 0;
    const parts = [...(empty(before) ? [] : [zeros(before)]), g, ...(empty(after) ? [] : [zeros(after)])];
    return [parts.length === 1 ? g : b.add('stack_rows', parts)];
  }),
};
