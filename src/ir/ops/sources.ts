/** Ops that bring values into a graph: constants, params, inputs, scan arguments, initial states. */
import { noLead, Tensor } from '../../tensor/tensor.js';
import { expectTensor, formatType, scalarType, ShapeError, tensorType } from '../types.js';
import type { Node } from '../graph.js';
import { type OpDef } from './opdef.js';
import { linear, noInputs } from './vjp-rules.js';

/** A constant filled with one value (a literal when its shape is []). */
export const constOp: OpDef<'const'> = {
  kind: 'const',
  arity: 0,
  pure: true,
  symbol: 'const',
  type: (_inputs, { type }) => {
    if (type.time !== null) throw new ShapeError('a constant cannot be a sequence');
    return type;
  },
  eval: (_inputs, { value, type }, ctx) => {
    const shape = type.shape.map((d) => d.evaluate(ctx.sizes));
    const t = Tensor.zeros(ctx.dtype, { time: null, batch: type.batched ? ctx.batch : null }, shape);
    if (value !== 0) t.data.fill(value);
    return t;
  },
  saves: 'nothing',
  vjp: noInputs,
};

export const paramOp: OpDef<'param'> = {
  kind: 'param',
  arity: 0,
  pure: true,
  symbol: 'param',
  type: (_inputs, { type }) => type,
  eval: (_inputs, { name }, ctx) => ctx.param(name),
  saves: 'nothing',
  vjp: noInputs,
};

export const inputOp: OpDef<'input'> = {
  kind: 'input',
  arity: 0,
  pure: true,
  symbol: 'input',
  type: (_inputs, { type }) => type,
  eval: (_inputs, { name, role }, ctx) =>
    role === 'lengths' ? ctx.lengths(name) : role === 'noise' ? ctx.noise() : ctx.input(name),
  saves: 'nothing',
  vjp: noInputs,
};

/** An argument of a closed graph (a scan body): sequence slice, previous state or invariant. */
export const argOp: OpDef<'arg'> = {
  kind: 'arg',
  arity: 0,
  pure: true,
  symbol: 'arg',
  type: (_inputs, { type }) => type,
  eval: (_inputs, { index }, ctx) => ctx.arg(index),
  saves: 'nothing',
  vjp: noInputs,
};

/**
 * A layer's initial state: its input is the default (zeros, a learned param,
 * or another layer's final state), which the caller may override by name.
 */
export const stateInitOp: OpDef<'state_init'> = {
  kind: 'state_init',
  arity: 1,
  pure: true,
  symbol: 'state_init',
  type: ([x]) => {
    const t = expectTensor(x, 'initial state');
    if (!t.batched || t.time !== null) {
      throw new ShapeError(`an initial state must be one batched step, got ${formatType(t)}`);
    }
    return t;
  },
  eval: ([fallback], { name }, ctx) => ctx.initialState(name) ?? fallback,
  saves: 'nothing',
  // The default only matters when the caller gives no initial state, and so does its gradient.
  vjp: linear((b, g, a) => [b.add('default_adjoint', [g], { name: a.attrs.name })]),
};

/** The adjoint of a state's default: itself, or zero when the caller overrides that initial state. */
export const defaultAdjointOp: OpDef<'default_adjoint'> = {
  kind: 'default_adjoint',
  arity: 1,
  pure: true,
  symbol: 'default_adjoint',
  type: ([x]) => expectTensor(x, 'adjoint'),
  eval: ([g], { name }, ctx) => {
    const t = g as Tensor;
    return ctx.initialState(name) === undefined ? t : Tensor.zeros(ctx.dtype, t.lead, t.shape);
  },
  saves: 'nothing',
  vjp: linear((b, g, a) => [b.add('default_adjoint', [g], { name: a.attrs.name })]),
};

/** A number given by sizes, `H` or `2*k`: a size or hyperparameter read as a value. */
export const numberOp: OpDef<'number'> = {
  kind: 'number',
  arity: 0,
  pure: true,
  symbol: 'number',
  type: () => scalarType,
  eval: (_inputs, { value }, ctx) => Tensor.scalar(ctx.dtype, value.evaluate(ctx.sizes)),
  saves: 'nothing',
  vjp: noInputs,
};

/** The identity matrix of a size. */
export const eyeOp: OpDef<'eye'> = {
  kind: 'eye',
  arity: 0,
  pure: true,
  symbol: 'eye',
  type: (_inputs, { size }) => tensorType([size, size]),
  eval: (_inputs, { size }, ctx) => {
    const n = size.evaluate(ctx.sizes);
    const t = Tensor.zeros(ctx.dtype, noLead, [n, n]);
    for (let k = 0; k < n; k++) t.data[k * n + k] = 1;
    return t;
  },
  saves: 'nothing',
  vjp: noInputs,
};

/** A number node as the constant it is once sizes are bound: backends render it as one. */
export function numberAsConstant(node: Node<'number'>, sizes: Readonly<Record<string, number>>): Node<'const'> {
  return { ...node, op: 'const', attrs: { value: node.attrs.value.evaluate(sizes), type: scalarType } };
}
