/** Ops that move values around: concat, slice, time steps, batch and loss reductions, broadcasting. */
import {
  broadcastBatch,
  broadcastTo,
  concatLast,
  padLast,
  reduceLead,
  sliceLast,
  stackTime,
  timePlace,
  timeShift,
  unbroadcast,
} from '../../tensor/kernels.js';
import { Tensor } from '../../tensor/tensor.js';
import { Dim, formatShape } from '../dims.js';
import { expectTensor, formatType, ShapeError, type TensorType, typesEqual } from '../types.js';
import type { EvalContext } from './opdef.js';
import { type OpDef, tensorValue } from './opdef.js';
import { broadcastLeadTypes, broadcastSampleShapes, knownNegative, knownNonPositive, requireRank } from './typing.js';
import { linear, zeroGradient } from './vjp-rules.js';

function lastSize(t: TensorType): Dim {
  return t.shape[t.shape.length - 1];
}

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
  saves: 'nothing',
  // Each input's adjoint is its slice of g.
  vjp: linear((b, g, a) => {
    let start = Dim.of(0);
    return Array.from({ length: a.inputCount }, (_, k) => {
      const end = start.add(lastSize(a.inputType(k)));
      const part = b.add('slice', [g], { start, end });
      start = end;
      return part;
    });
  }),
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
    const size = lastSize(t);
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
  saves: 'nothing',
  vjp: linear((b, g, a) => [
    b.add('pad_last', [g], { before: a.attrs.start, after: lastSize(a.inputType(0)).sub(a.attrs.end) }),
  ]),
};

/** Zeros before and after the last axis (slice's gradient). */
export const padLastOp: OpDef<'pad_last'> = {
  kind: 'pad_last',
  arity: 1,
  pure: true,
  symbol: 'pad_last',
  type: ([x], { before, after }) => {
    const t = expectTensor(x, 'operand');
    requireRank(t, 1, 'pad_last');
    return { ...t, shape: [...t.shape.slice(0, -1), before.add(lastSize(t)).add(after)] };
  },
  eval: ([x], { before, after }, ctx) =>
    padLast(ctx.dtype, tensorValue(x), before.evaluate(ctx.sizes), after.evaluate(ctx.sizes)),
  saves: 'nothing',
  vjp: linear((b, g, a) => [
    b.add('slice', [g], { start: a.attrs.before, end: a.attrs.before.add(lastSize(a.inputType(0))) }),
  ]),
};

function timeLength(ctx: EvalContext, time: string): number {
  const n = ctx.timeLengths[time];
  if (n === undefined) throw new Error(`no length for time axis ${time}`);
  return n;
}

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
  saves: 'nothing',
  vjp: linear((b, g, a) => [b.add('time_place', [g], { index: a.attrs.index, time: a.inputType(0).time as string })]),
};

/** A sequence of zeros with the input at one step (time_index's gradient). */
export const timePlaceOp: OpDef<'time_place'> = {
  kind: 'time_place',
  arity: 1,
  pure: true,
  symbol: 'time_place',
  type: ([x], { time }) => {
    const t = expectTensor(x, 'operand');
    if (t.time !== null) throw new ShapeError('time_place takes one step, not a sequence');
    return { ...t, time };
  },
  eval: ([x], { index, time }, ctx) => timePlace(ctx.dtype, tensorValue(x), index, timeLength(ctx, time)),
  saves: 'nothing',
  vjp: linear((b, g, a) => [b.add('time_index', [g], { index: a.attrs.index })]),
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
      if (!typesEqual(t, types[0])) {
        throw new ShapeError(`steps differ in type: ${formatType(t)} vs ${formatType(types[0])}`);
      }
    }
    return { ...types[0], time };
  },
  eval: (inputs, _attrs, ctx) => stackTime(ctx.dtype, inputs.map(tensorValue)),
  saves: 'nothing',
  vjp: linear((b, g, a) => Array.from({ length: a.inputCount }, (_, t) => b.add('time_index', [g], { index: t }))),
};

/**
 * The sequence moved one step along its direction, `init` filling the first
 * step: the state before each step, from the states after each step. Lets
 * BPTT read previous states from a layer's output instead of saving them.
 */
export const timeShiftOp: OpDef<'time_shift'> = {
  kind: 'time_shift',
  arity: 2,
  pure: true,
  symbol: 'time_shift',
  type: ([s, i]) => {
    const seq = expectTensor(s, 'sequence');
    const init = expectTensor(i, 'initial value');
    if (seq.time === null) throw new ShapeError('time_shift needs a sequence');
    if (!typesEqual({ ...seq, time: null }, init)) {
      throw new ShapeError(`time_shift: the initial value ${formatType(init)} is not one step of ${formatType(seq)}`);
    }
    return seq;
  },
  eval: ([s, i], { reverse }, ctx) => timeShift(ctx.dtype, tensorValue(s), tensorValue(i), reverse),
  saves: 'nothing',
  vjp: linear((b, g, a) => {
    const zeros = b.add('const', [], { value: 0, type: a.inputType(1) });
    return [
      b.add('time_shift', [g, zeros], { reverse: !a.attrs.reverse }),
      b.add('time_index', [g], { index: a.attrs.reverse ? -1 : 0 }),
    ];
  }),
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
  saves: 'nothing',
  // The differentiator sums the batched adjoint back down to the input's type.
  vjp: linear((_b, g) => [g]),
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
  saves: 'nothing',
  vjp: linear((b, g, a) => [b.add('broadcast_to', [g], { type: a.inputType(0), mean: a.attrs.mode === 'mean' })]),
};

/** Whether `from` broadcasts to `to`: lead axes only added, sample axes numpy-compatible. */
function checkBroadcast(from: TensorType, to: TensorType, what: string): void {
  const fits =
    (from.time === null || from.time === to.time) &&
    (!from.batched || to.batched) &&
    from.shape.length <= to.shape.length &&
    (() => {
      try {
        const joint = broadcastSampleShapes([from.shape, to.shape]);
        return joint.every((d, k) => d.equals(to.shape[k]));
      } catch {
        return false;
      }
    })();
  if (!fits) throw new ShapeError(`${what}: ${formatType(from)} does not broadcast to ${formatType(to)}`);
}

function concreteLead(type: TensorType, ctx: EvalContext) {
  return { time: type.time === null ? null : timeLength(ctx, type.time), batch: type.batched ? ctx.batch : null };
}

/**
 * Broadcasting to a type and summing back down to it are each other's
 * adjoint, so both come from one definition; `mean` divides by the copies.
 */
function broadcastPair<K extends 'unbroadcast' | 'broadcast_to'>(
  kind: K,
  adjoint: 'unbroadcast' | 'broadcast_to',
  kernel: typeof unbroadcast,
  summing: boolean,
): OpDef<K> {
  return {
    kind,
    arity: 1,
    pure: true,
    symbol: kind,
    type: ([x], { type }) => {
      const input = expectTensor(x, 'operand');
      if (summing) checkBroadcast(type, input, kind);
      else checkBroadcast(input, type, kind);
      return type;
    },
    eval: ([x], { type, mean }, ctx) =>
      kernel(
        ctx.dtype,
        tensorValue(x),
        concreteLead(type, ctx),
        type.shape.map((d) => d.evaluate(ctx.sizes)),
        mean,
      ),
    saves: 'nothing',
    vjp: linear((b, g, a) => [b.add(adjoint, [g], { type: a.inputType(0), mean: a.attrs.mean })]),
  };
}

/** Sums a value down to a type it was broadcast from: the adjoint of a broadcast. */
export const unbroadcastOp = broadcastPair('unbroadcast', 'broadcast_to', unbroadcast, true);

/** Broadcasts a value out to a type (reduce_lead's gradient). */
export const broadcastToOp = broadcastPair('broadcast_to', 'unbroadcast', broadcastTo, false);

/**
 * Each step's position along a sequence's time axis (0, 1, …, T − 1), or with
 * `count` the number of steps T at every step: what a cell reads as `t` and
 * `T`. The result is one number per step, shared by the batch.
 */
export const positionsOp: OpDef<'positions'> = {
  kind: 'positions',
  arity: 1,
  pure: true,
  symbol: 'positions',
  type: ([x]) => {
    const t = expectTensor(x, 'operand');
    if (t.time === null) throw new ShapeError('step positions need a sequence');
    return { kind: 'tensor', shape: [], batched: false, time: t.time };
  },
  eval: ([x], { count }, ctx) => {
    const length = tensorValue(x).lead.time ?? 0;
    const out = Tensor.zeros(ctx.dtype, { time: length, batch: null }, []);
    for (let k = 0; k < length; k++) out.data[k] = count ? length : k;
    return out;
  },
  saves: 'nothing',
  vjp: zeroGradient(1),
};

/**
 * The largest value along a sequence's time axis, per sample: what softmax over
 * a memory's positions subtracts so its exponentials cannot overflow.
 */
export const timeMaxOp: OpDef<'time_max'> = {
  kind: 'time_max',
  arity: 1,
  pure: true,
  symbol: 'time_max',
  type: ([x]) => {
    const t = expectTensor(x, 'operand');
    if (t.time === null) throw new ShapeError('a maximum over time needs a sequence');
    return { ...t, time: null };
  },
  eval: ([x], _attrs, ctx) => {
    const input = tensorValue(x);
    const length = input.lead.time ?? 1;
    const out = Tensor.zeros(ctx.dtype, { time: null, batch: input.lead.batch }, input.shape);
    const step = out.data.length;
    out.data.set(input.data.subarray(0, step));
    for (let t = 1; t < length; t++)
      for (let k = 0; k < step; k++) out.data[k] = Math.max(out.data[k], input.data[t * step + k]);
    return out;
  },
  saves: 'inputs and output',
  // The adjoint is shared evenly by the steps that reach the maximum (torch.amax's rule).
  vjp: (b, a) => {
    const type = a.inputType(0);
    const spread = (id: number) => b.add('broadcast_to', [id], { type, mean: false });
    const hits = b.add('equal', [a.input(0), spread(a.output())]);
    const count = b.add('unbroadcast', [hits], { type: a.outputType(), mean: false });
    return [b.add('mul', [hits, spread(b.add('div', [a.g, count]))])];
  },
};
