/**
 * Recurrence as a structured op. A scan runs its body once per time step,
 * feeding each step the sequence slices at t, the states from the step before
 * and the invariants (params), and collects the states after the last step and
 * the per-step outputs. Inputs: [sequences..., initial states..., invariants...].
 * Result: a tuple [final states..., outputs...], read with `get`.
 */
import { stackTime } from '../../tensor/kernels.js';
import { Tensor } from '../../tensor/tensor.js';
import { isOp, type ScanAttrs } from '../graph.js';
import { expectTensor, formatType, ShapeError, type TensorType, typesEqual, type TupleType } from '../types.js';
import { type OpDef, tensorValue } from './opdef.js';

/** The types of the body's arguments, in argument order. */
export function scanArgTypes(attrs: ScanAttrs): TensorType[] {
  const types: TensorType[] = [];
  for (const node of attrs.body.nodes) {
    if (isOp(node, 'arg')) types[node.attrs.index] = node.attrs.type;
  }
  return types;
}

function scanType(inputs: readonly TensorType[], attrs: ScanAttrs): TupleType {
  const { nSeq, nState, nInvariant, body } = attrs;
  if (nSeq < 1) throw new ShapeError(`a scan needs at least one sequence to walk`);
  if (inputs.length !== nSeq + nState + nInvariant) {
    throw new ShapeError(`scan expects ${nSeq + nState + nInvariant} inputs, got ${inputs.length}`);
  }
  const argTypes = scanArgTypes(attrs);
  inputs.forEach((given, k) => {
    const expected = argTypes[k];
    if (expected === undefined) return; // an argument the body never reads
    const perStep: TensorType = k < nSeq ? { ...given, time: null } : given;
    if (k < nSeq && given.time !== attrs.time) {
      throw new ShapeError(`scan input ${k + 1} must run along time axis ${attrs.time}, got ${formatType(given)}`);
    }
    if (!typesEqual(perStep, expected)) {
      throw new ShapeError(
        `scan input ${k + 1} is ${formatType(perStep)} but the step expects ${formatType(expected)}`,
      );
    }
  });
  const outputs = body.outputs.map((o) => expectTensor(body.nodes[o.node].type, `step output ${o.name}`));
  if (outputs.length < nState)
    throw new ShapeError(`the step returns ${outputs.length} values but carries ${nState} states`);
  for (let s = 0; s < nState; s++) {
    const init = inputs[nSeq + s];
    if (!typesEqual(outputs[s], init)) {
      throw new ShapeError(
        `state ${attrs.stateNames[s]} starts as ${formatType(init)} but the step makes it ${formatType(outputs[s])}`,
      );
    }
  }
  const finals = outputs.slice(0, nState);
  const perStep = outputs.slice(nState);
  if (attrs.keep.length !== perStep.length) {
    throw new ShapeError(`scan keeps ${attrs.keep.length} outputs but the step returns ${perStep.length}`);
  }
  const kept = perStep.map((t, k) => (attrs.keep[k] === 'all' ? { ...t, time: attrs.time } : t));
  return { kind: 'tuple', items: [...finals, ...kept] };
}

export const scanOp: OpDef<'scan'> = {
  kind: 'scan',
  arity: 'variadic',
  pure: true,
  symbol: 'scan',
  type: (inputs, attrs) =>
    scanType(
      inputs.map((t, k) => expectTensor(t, `scan input ${k + 1}`)),
      attrs,
    ),
  eval: (inputs, attrs, ctx) => {
    const { nSeq, nState, body, reverse, keep } = attrs;
    const tensors = inputs.map(tensorValue);
    const seqs = tensors.slice(0, nSeq);
    const invariants = tensors.slice(nSeq + nState);
    const length = seqs[0].lead.time ?? 0;
    if (length === 0) throw new Error(`layer ${attrs.layer}: the sequence is empty`);
    const steps = Math.min(length, attrs.truncate?.steps ?? length);
    let states = tensors.slice(nSeq, nSeq + nState);
    const perStep: Tensor[][] = [];
    let lastOutputs: Tensor[] = [];
    for (let step = 0; step < steps; step++) {
      const t = reverse ? length - 1 - step : step;
      const results = ctx.evalGraph(body, [...seqs.map((s) => s.atTime(t)), ...states, ...invariants]);
      states = results.slice(0, nState);
      lastOutputs = results.slice(nState);
      perStep[t] = lastOutputs;
    }
    if (steps < length) {
      // Truncated: the steps not run contribute zeros, and the carry is cut.
      const zero = (t: Tensor) => Tensor.zeros(ctx.dtype, t.lead, t.shape);
      const template = lastOutputs.map(zero);
      for (let t = 0; t < length; t++) perStep[t] ??= template;
      const cut = attrs.truncate?.cut ?? 0;
      states = states.map((state, k) => (k < cut ? zero(state) : state));
      lastOutputs = template;
    }
    const outputs = lastOutputs.map((last, k) =>
      keep[k] === 'all'
        ? stackTime(
            ctx.dtype,
            perStep.map((row) => row[k]),
          )
        : last,
    );
    return [...states, ...outputs];
  },
  saves: 'nothing',
  // A scan's gradient is a reverse scan over its step's gradient graph (src/ad/scan.ts).
  vjp: 'structural',
};

export const getOp: OpDef<'get'> = {
  kind: 'get',
  arity: 1,
  pure: true,
  symbol: 'get',
  type: ([x], { index }) => {
    if (x.kind !== 'tuple') throw new ShapeError('get reads one item of a tuple');
    const item = x.items[index];
    if (item === undefined) throw new ShapeError(`tuple has ${x.items.length} items, no item ${index}`);
    return item;
  },
  eval: ([x], { index }) => {
    if (!Array.isArray(x)) throw new Error('get reads one item of a tuple');
    return (x as readonly Tensor[])[index];
  },
  saves: 'nothing',
  vjp: 'structural',
};
