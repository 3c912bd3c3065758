/** Ops that move values around: concat, slice, time steps, batch and loss reductions. */
import { broadcastBatch, concatLast, reduceLead, sliceLast, stackTime } from '../../tensor/kernels.js';
import { formatShape } from '../dims.js';
import { expectTensor, ShapeError, typesEqual, formatType } from '../types.js';
import { type OpDef, tensorValue } from './opdef.js';
import { broadcastLeadTypes, knownNegative, knownNonPositive, requireRank } from './typing.js';

/** Concatenation along the last axis (gates side by side, bidirectional merges). */
export const concatOp: OpDef<'concat'> = {
  kind: 'concat',
  arity: 'variadic',
  pure: true,
  symbol: 'concat',
  type: (inputs) => {
    const types = inputs.map((t, k) => expectTensor(t, `operand ${k + 1}`));
    types.forEach((t) => requireRank(t, 1, 'concat'));
    const rest = types[0].shape.slice(0, -1);
    for (const t of types) {
      const same = t.shape.length === rest.length + 1 && t.shape.slice(0, -1).every((d, k) => d.equals(rest[k]));
      if (!same) {
        throw new ShapeError(
          `concat joins along the last axis, so the other axes must agree: ${types.map((x) => formatShape(x.shape)).join(', ')}`,
        );
      }
    }
    let last = types[0].shape[rest.length];
    for (const t of types.slice(1)) last = last.add(t.shape[rest.length]);
    return { kind: 'tensor', shape: [...rest, last], ...broadcastLeadTypes(types) };
  },
  eval: (inputs, _attrs, ctx) => concatLast(ctx.dtype, inputs.map(tensorValue)),
};

/** `x[start:end]` along the last axis. */
export const sliceOp: OpDef<'slice'> = {
  kind: 'slice',
  arity: 1,
  pure: true,
  symbol: 'slice',
  type: ([x], { start, end }) => {
    const t = expectTensor(x, 'operand');
    requireRank(t, 1, 'slice');
    const size = t.shape[t.shape.length - 1];
    const length = end.sub(start);
    if (knownNegative(start)) throw new ShapeError(`slice start ${start} is negative`);
    if (knownNonPositive(length)) throw new ShapeError(`slice [${start}:${end}] is empty`);
    if (knownNegative(size.sub(end))) {
      throw new ShapeError(`slice [${start}:${end}] runs past the end of a value of size ${size}`);
    }
    return { ...t, shape: [...t.shape.slice(0, -1), length] };
  },
  eval: ([x], { start, end }, ctx) =>
    sliceLast(ctx.dtype, tensorValue(x), start.evaluate(ctx.sizes), end.evaluate(ctx.sizes)),
};

/** One step of a sequence; a negative index counts from the end (-1 is the last step). */
export const timeIndexOp: OpDef<'time_index'> = {
  kind: 'time_index',
  arity: 1,
  pure: true,
  symbol: 'time_index',
  type: ([x]) => {
    const t = expectTensor(x, 'operand');
    if (t.time === null) throw new ShapeError(`taking a time step needs a sequence, got ${formatType(t)}`);
    return { ...t, time: null };
  },
  eval: ([x], { index }) => {
    const t = tensorValue(x);
    const length = t.lead.time ?? 0;
    const step = index < 0 ? length + index : index;
    if (step < 0 || step >= length) throw new Error(`time step ${index} is outside a sequence of length ${length}`);
    return t.atTime(step);
  },
};

/** Per-step values stacked into a sequence (what `unroll` produces for a scan's outputs). */
export const timeStackOp: OpDef<'time_stack'> = {
  kind: 'time_stack',
  arity: 'variadic',
  pure: true,
  symbol: 'time_stack',
  type: (inputs, { time }) => {
    const types = inputs.map((t, k) => expectTensor(t, `step ${k}`));
    for (const t of types) {
      if (t.time !== null) throw new ShapeError('time_stack takes single steps, not sequences');
      if (!typesEqual(t, types[0]))
        throw new ShapeError(`steps differ in type: ${formatType(t)} vs ${formatType(types[0])}`);
    }
    return { ...types[0], time };
  },
  eval: (inputs, _attrs, ctx) => stackTime(ctx.dtype, inputs.map(tensorValue)),
};

/** Repeats an unbatched value (a learned initial state) across the batch. */
export const broadcastBatchOp: OpDef<'broadcast_batch'> = {
  kind: 'broadcast_batch',
  arity: 1,
  pure: true,
  symbol: 'broadcast_batch',
  type: ([x]) => {
    const t = expectTensor(x, 'operand');
    if (t.batched) throw new ShapeError('value is already batched');
    return { ...t, batched: true };
  },
  eval: ([x], _attrs, ctx) => broadcastBatch(ctx.dtype, tensorValue(x), ctx.batch),
};

/** Sum or mean over the time and batch axes: turns per-sample losses into the loss. */
export const reduceLeadOp: OpDef<'reduce_lead'> = {
  kind: 'reduce_lead',
  arity: 1,
  pure: true,
  symbol: 'reduce',
  type: ([x]) => {
    const t = expectTensor(x, 'operand');
    return { ...t, time: null, batched: false };
  },
  eval: ([x], { mode }, ctx) => reduceLead(ctx.dtype, tensorValue(x), mode === 'mean'),
};
