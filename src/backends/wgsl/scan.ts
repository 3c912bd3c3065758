/**
 * A scan becomes a time loop of phases. Each state has two regions, one for
 * even steps and one for odd ones: a step reads its states from one and its
 * phases write the next states straight into the other, so no step copies
 * its states (and no thread can overwrite a state another thread still
 * reads). A state whose next value is also a per-step output kept for every
 * step (an LSTM's h) needs neither: a step reads it from that output at the
 * step before. After the loop, the final states are copied out of wherever
 * the last step wrote them. The step's values have regions of their own
 * (reused every step), sequence inputs are read at the step's offset, and
 * per-step outputs are written (or, where no phase of their own computes
 * them, copied) into their sequences at the step's position (outputs stay
 * aligned with input time).
 */
import { type Node, type OpKind } from '../../ir/graph.js';
import { opDef } from '../../ir/ops/registry.js';
import type { TensorType } from '../../ir/types.js';
import { type Layout, layoutOf } from '../ts/layout.js';
import { asWBuffer, WgslEmitter } from './emit-graph.js';
import { render } from './ops.js';
import type { Item, WBuffer, WValue } from './phase.js';
import { isConstant, sizePoly, timeLength, toWgsl } from './poly.js';

/** A phase copying `from` into `to` (at offset `at` of `to`, in floats). */
function copy(e: WgslEmitter, to: WBuffer, from: WBuffer, what: string, at = '0u'): void {
  const target: WBuffer = { ...from, base: at === '0u' ? to.base : `${to.base} + ${at}`, label: to.label };
  e.phase(target, what, (w) => w.line(`${w.at(target, 'i')} = ${w.at(from, 'i')};`), 'copy');
}

/** A step output that is one number (a constant, as -O0 leaves `output y = 2`): written at `at` every step. */
function fill(e: WgslEmitter, to: WBuffer, literal: string, what: string, at: string): void {
  const base = at === '0u' ? to.base : `${to.base} + ${at}`;
  const target: WBuffer = { ...to, base, layout: { ...to.layout, time: null } };
  e.phase(target, what, (w) => w.line(`${w.at(target, 'i')} = ${literal};`), 'fill');
}

/** Whether a phase writes the node's value into the region the emitter allocates for it (not a view or a source). */
function computedByPhase(op: OpKind): boolean {
  return opDef(op).wgsl !== undefined || ['matmul', 'concat', 'slice', 'broadcast_batch'].includes(op);
}

/**
 * A loop-invariant value as the loop reads it: from workgroup memory where
 * the kernel is persistent, the value is fixed for the call (a param: it has
 * a constant offset and no lead axes) and it fits what is left of the budget.
 */
function cached(e: WgslEmitter, v: WValue): WValue {
  const cache = e.ctx.cache;
  if (!cache || v.kind !== 'buffer' || v.cached || v.poly === undefined || !isConstant(v.poly)) return v;
  if (v.layout.time !== null || v.layout.batch || !v.fixed) return v;
  const known = cache.entries.find((c) => c.source === v.base);
  const used = cache.entries.reduce((n, c) => n + c.floats, 0);
  if (!known && used + v.layout.sample > cache.floats) return v;
  const entry = known ?? { offset: used, floats: v.layout.sample, source: v.base, label: v.label };
  if (!known) cache.entries.push(entry);
  // Not at an offset of `mem` any more.
  return { ...rebased(v, `${entry.offset}u`, `${v.label} (in workgroup memory)`), cached: true };
}

/**
 * The per-step output, kept for every step, that state k's next value also is
 * (so the state can be read from it), or -1. The first of several such
 * outputs; a value that is the next value of an earlier state too does not count.
 */
function keptInOutput(
  node: Node<'scan'>,
  k: number,
  sizes: Readonly<Record<string, number>>,
  init: { readonly layout: Layout },
): number {
  const { body, nState, keep } = node.attrs;
  const value = body.outputs[k].node;
  if (body.outputs.findIndex((o) => o.node === value) !== k || !computedByPhase(body.nodes[value].op)) return -1;
  const layout = layoutOf(body.nodes[value].type as TensorType, sizes);
  if (layout.sample !== init.layout.sample || !init.layout.batch || init.layout.time !== null) return -1;
  return body.outputs.slice(nState).findIndex((o, j) => o.node === value && keep[j] === 'all');
}

/** A buffer somewhere else: at a WGSL expression, which the host cannot read (so no poly). */
function rebased(v: WBuffer, base: string, label: string): WBuffer {
  const { poly: _constant, ...rest } = v;
  void _constant;
  return { ...rest, base, label };
}

export function renderScan(e: WgslEmitter, node: Node<'scan'>): WValue {
  const A = node.attrs;
  const { body, nSeq, nState } = A;
  const inputs = node.inputs.map((i) => e.values[i]);
  const T = timeLength(A.time);
  const stateName = (k: number) => A.stateNames[k] ?? `state ${k}`;
  // Whether the loop step that time t is at is odd (the loop counts its steps from 0).
  const odd = A.reverse ? `(${T} - 1u - t) % 2u == 1u` : 't % 2u == 1u';
  const outputs = body.outputs.slice(nState).map((o, j) => {
    const perStep = layoutOf(body.nodes[o.node].type as TensorType, e.ctx.sizes);
    const layout = A.keep[j] === 'all' ? { ...perStep, time: A.time } : perStep;
    return e.allocate(`${A.layer} output ${j}`, layout);
  });
  // Floats between the steps of a sequence.
  const stepSize = (v: WBuffer) => toWgsl(sizePoly({ ...v.layout, time: null }));
  // The time of the step before t, whether t is not the loop's first step, and the time of its last step.
  const [before, notFirst] = A.reverse ? ['t + 1u', `t + 1u != ${T}`] : ['t - 1u', 't != 0u'];
  const stepsRun = A.truncate ? `min(${T}, ${A.truncate.steps}u)` : T;
  const lastTime = A.reverse ? `${T} - ${stepsRun}` : `${stepsRun} - 1u`;
  const carries = inputs.slice(nSeq, nSeq + nState).map((init, k) => {
    // One number (the zero a gradient of a 1 × 1 weight starts from) is filled in.
    const from = init.kind === 'scalar' ? init : asWBuffer(init);
    // A state whose next value is also a per-step output kept for every step is read from that
    // output at the step before (the first step reads the initial value): nothing copies it.
    const j = keptInOutput(node, k, e.ctx.sizes, from);
    const even = e.allocate(`${A.layer} state ${stateName(k)} (${j >= 0 ? 'initial' : 'even steps'})`, from.layout);
    const what = `${A.layer}: the initial ${stateName(k)}`;
    if (from.kind === 'scalar') fill(e, even, from.literal, what, '0u');
    else copy(e, even, from, what);
    const label = `${A.layer} state ${stateName(k)}`;
    if (j >= 0) {
      const seq = outputs[j];
      const stride = stepSize(seq);
      return {
        current: rebased(even, `select(${even.base}, ${seq.base} + (${before}) * ${stride}, ${notFirst})`, label),
        even,
        final: rebased(even, `select(${even.base}, ${seq.base} + (${lastTime}) * ${stride}, ${stepsRun} > 0u)`, label),
        output: j,
      };
    }
    const oddSteps = e.allocate(`${A.layer} state ${stateName(k)} (odd steps)`, from.layout);
    return {
      current: rebased(even, `select(${even.base}, ${oddSteps.base}, ${odd})`, label),
      next: rebased(even, `select(${oddSteps.base}, ${even.base}, ${odd})`, `${A.layer} next state ${stateName(k)}`),
      even,
      // The region the last step wrote: the even one after an even number of steps.
      final: rebased(even, `select(${even.base}, ${oddSteps.base}, ${stepsRun} % 2u == 1u)`, label),
    };
  });

  const steps: Item[] = [];
  const args: WValue[] = inputs.map((v, k) => {
    if (k < nSeq) {
      const seq = asWBuffer(v);
      return {
        ...seq,
        base: `${seq.base} + t * ${stepSize(seq)}`,
        layout: { ...seq.layout, time: null },
        label: `${seq.label} at step t`,
      };
    }
    if (k < nSeq + nState) return carries[k - nSeq].current;
    return cached(e, v.kind === 'buffer' ? { ...v, invariant: true } : v);
  });
  const inner = new WgslEmitter(e.ctx, body, { ...e.sources, arg: (index) => args[index] }, steps, true);
  // A per-step output that a phase computes is written straight into its sequence at step t.
  const direct = new Set<number>();
  body.outputs.slice(nState).forEach((o, j) => {
    const node = body.nodes[o.node];
    const once = body.outputs.filter((x) => x.node === o.node).length === 1;
    const holdsState = carries.some((c) => c.output === j);
    if (A.keep[j] !== 'all' || !(once || holdsState) || !computedByPhase(node.op)) return;
    const out = outputs[j];
    inner.placed.set(node.id, {
      ...out,
      base: `${out.base} + t * ${stepSize(out)}`,
      layout: { ...out.layout, time: null },
      label: `${out.label} at step t`,
    });
    direct.add(j);
  });
  // A next state that a phase computes is written straight into the region the next step reads.
  const placedStates = new Set<number>();
  body.outputs.slice(0, nState).forEach((o, k) => {
    const node = body.nodes[o.node];
    const next = carries[k].next;
    if (!next) return;
    const [want, got] = [next.layout, inner.layout(node.id)];
    const fits = got.sample === want.sample && got.batch === want.batch && got.time === want.time;
    if (inner.placed.has(node.id) || !computedByPhase(node.op) || !fits) return;
    inner.placed.set(node.id, next);
    placedStates.add(k);
  });
  const values = inner.emit(render);
  // Per-step outputs that no phase wrote in place are copied into their sequences.
  outputs.forEach((out, j) => {
    if (direct.has(j)) return;
    const v = values[body.outputs[nState + j].node];
    const what = `${A.layer}: step output ${j}${A.keep[j] === 'all' ? ' at step t' : ''}`;
    if (v.kind === 'scalar')
      return fill(inner, out, v.literal, what, A.keep[j] === 'all' ? `t * ${stepSize(out)}` : '0u');
    if (v.kind !== 'buffer') throw new Error('a step output that is a tuple');
    const at = A.keep[j] === 'all' ? `t * ${toWgsl(sizePoly(v.layout))}` : '0u';
    copy(inner, out, v, what, at);
  });
  // The other next states (a state passed on unchanged, or a value placed elsewhere) are copied;
  // they go into the regions this step does not read, so the order of the copies cannot matter.
  body.outputs.slice(0, nState).forEach((o, k) => {
    const next = carries[k].next;
    if (placedStates.has(k) || !next) return;
    copy(inner, next, asWBuffer(values[o.node]), `${A.layer}: the next ${stateName(k)}`);
  });
  e.items.push({
    kind: 'loop',
    axis: A.time,
    reverse: A.reverse,
    ...(A.truncate ? { truncate: A.truncate.steps } : {}),
    body: steps,
    comment: `${A.layer}: ${A.reverse ? 'from the last step to the first' : 'from the first step to the last'}`,
  });
  const finals = carries.map((c, k) => {
    const final = e.allocate(`${A.layer} final ${stateName(k)}`, c.even.layout);
    copy(e, final, c.final, `${A.layer}: the final ${stateName(k)}`);
    return final;
  });
  if (A.truncate && A.truncate.cut > 0) {
    // Truncated: the carried value is cut where the loop stopped.
    for (let k = 0; k < A.truncate.cut; k++) {
      const final = finals[k];
      e.phase(
        final,
        `${A.layer}: cut the carried ${stateName(k)} where truncation stopped`,
        (w) => w.line(`if (${T} > ${A.truncate!.steps}u) { ${w.at(final, 'i')} = 0.0; }`),
        'cut',
      );
    }
  }
  return { kind: 'tuple', items: [...finals, ...outputs] };
}
