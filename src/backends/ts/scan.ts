/**
 * A scan becomes a `for` loop over time. States live in carry buffers
 * (copied from their initial values, so callers' arrays are never written),
 * the step's buffers are allocated once before the loop, sequence inputs are
 * views of the current step, and per-step outputs are written into their
 * sequences at the step's position (outputs stay aligned with input time).
 */
import type { Node } from '../../ir/graph.js';
import { isOp } from '../../ir/graph.js';
import { Code, sanitizeComment } from './code.js';
import type { TensorType } from '../../ir/types.js';
import { asBuffer, bufferValue, GraphEmitter, type Value } from './emit-graph.js';
import { absorbedOuter, render } from './kernels.js';
import { type Layout, layoutOf, sizeOf, timeVar } from './layout.js';
import { controlInts } from '../wasm/control-block.js';
import { stepLoopFunction } from './simd.js';
import { StepRecorder, type StepView } from './step-recorder.js';

export function renderScan(e: GraphEmitter, node: Node<'scan'>): Value {
  const A = node.attrs;
  const { body, nSeq, nState } = A;
  const code = e.out.body;
  const inputs = node.inputs.map((i) => e.values[i]);
  const T = timeVar(A.time);
  const stepLayout = (l: Layout): Layout => ({ ...l, time: null });

  const carries = inputs.slice(nSeq, nSeq + nState).map((init, k) => {
    // One number (the zero a gradient of a 1 × 1 weight starts from) is filled in.
    const from = init.kind === 'scalar' ? init : asBuffer(init);
    const name = e.allocate(`state${node.id}_${k}_`, from.layout, true);
    code.line(from.kind === 'scalar' ? `${name}.fill(${from.literal});` : `${name}.set(${from.name});`);
    return bufferValue(name, from.layout);
  });
  const outputs = body.outputs.slice(nState).map((o, j) => {
    const perStep = layoutOf(body.nodes[o.node].type as TensorType, e.ctx.sizes);
    const layout = A.keep[j] === 'all' ? { ...perStep, time: A.time } : perStep;
    return bufferValue(e.allocate(`out${node.id}_${j}_`, layout), layout);
  });

  const steps = e.ctx.fresh('steps');
  code.line(`const ${steps} = ${A.truncate ? `Math.min(${T}, ${A.truncate.steps})` : T};`);
  code.comment(
    sanitizeComment(`${A.layer}: ${A.reverse ? 'from the last step to the first' : 'from the first step to the last'}`),
  );
  // The step's views of its sequences, by name; on the SIMD path the step is also recorded as a WebAssembly loop.
  const views = new Map<string, StepView>();
  const recorder = e.ctx.simd ? new StepRecorder(views) : undefined;
  const loop = new Code();
  loop.block(`for (let s = 0; s < ${steps}; s++) {`, () => {
    loop.line(`const t = ${A.reverse ? `${T} - 1 - s` : 's'};`);
    const args: Value[] = inputs.map((v, k) => {
      if (k < nSeq) {
        const seq = asBuffer(v);
        const step = stepLayout(seq.layout);
        const name = e.ctx.fresh(`x${node.id}_${k}_`);
        loop.line(`const ${name} = ${seq.name}.subarray(t * ${sizeOf(step)}, (t + 1) * ${sizeOf(step)});`);
        views.set(name, { array: seq.name, stepFloats: sizeOf(step) });
        return bufferValue(name, step);
      }
      if (k < nSeq + nState) return carries[k - nSeq];
      return v;
    });
    const inner = new GraphEmitter(
      e.ctx,
      body,
      { ...e.sources, arg: (index) => args[index] },
      { ...e.out, body: loop },
    );
    inner.step = recorder;
    const values = inner.emit(render, absorbedOuter);
    // Next states: every one is computed before any carry changes; a next state that is
    // another state's carry goes through a copy, so the order of the copies cannot matter.
    const next = body.outputs.slice(0, nState).map((o, k) => {
      const v = asBuffer(values[o.node]);
      const isCarry = isOp(body.nodes[o.node], 'arg');
      if (!isCarry) return v;
      const copy = e.allocate(`keep${node.id}_${k}_`, v.layout);
      loop.line(`${copy}.set(${v.name});`);
      recorder?.copy(recorder.address(copy), recorder.address(v.name), sizeOf(v.layout));
      return bufferValue(copy, v.layout);
    });
    // Per-step outputs first: one may be a state's carry, which must be read before it changes.
    outputs.forEach((out, j) => {
      const v = values[body.outputs[nState + j].node];
      if (v.kind === 'scalar') {
        // One number (-O0 leaves `output y = 2` in the step): filled in JavaScript.
        recorder?.fail('a constant step output is filled in JavaScript');
        const n = sizeOf(stepLayout(out.layout));
        loop.line(
          A.keep[j] === 'all'
            ? `${out.name}.fill(${v.literal}, t * ${n}, (t + 1) * ${n});`
            : `${out.name}.fill(${v.literal});`,
        );
        return;
      }
      const value = asBuffer(v);
      const floats = sizeOf(value.layout);
      if (A.keep[j] === 'all') {
        loop.line(`${out.name}.set(${value.name}, t * ${value.name}.length);`);
        recorder?.copy(recorder.atStep(out.name, floats), recorder.address(value.name), floats);
      } else {
        loop.line(`${out.name}.set(${value.name});`);
        recorder?.copy(recorder.address(out.name), recorder.address(value.name), floats);
      }
    });
    next.forEach((v, k) => {
      loop.line(`${carries[k].name}.set(${v.name});`);
      recorder?.copy(recorder.address(carries[k].name), recorder.address(v.name), sizeOf(v.layout));
    });
  });
  loop.dropUnused(views.keys());
  if (recorder !== undefined && recorder.failed === undefined && e.ctx.simd) {
    // Every op of the step is a kernel call or a copy: the whole loop runs in WebAssembly, unless an
    // array is outside the kernels' memory or there is more than one worker. With one, the loop posts it
    // the same shares of the calls as JavaScript would (its control block is the last argument).
    const { loop: program, arrays, integers } = recorder.loop(A.reverse);
    const kernel = stepLoopFunction(e.ctx.simd, program);
    const worker = `pool.ready.length === 1 ? ${4 * controlInts} * pool.ready[0] : 0`;
    const args = [...arrays.map((a) => `${a}.byteOffset`), ...integers, steps, T, worker];
    code.line(
      `if (kernels !== undefined && pool.ready.length <= 1 && heapHolds(${arrays.join(', ')})) run_${kernel}(${args.join(', ')});`,
    );
    code.block('else {', () => code.append(loop));
  } else {
    if (recorder?.failed !== undefined) code.comment(sanitizeComment(`(runs as JavaScript: ${recorder.failed})`));
    code.append(loop);
  }
  if (A.truncate && A.truncate.cut > 0) {
    // Truncated: the carried value is cut where the loop stopped.
    code.block(`if (${steps} < ${T}) {`, () => {
      for (let k = 0; k < A.truncate!.cut; k++) code.line(`${carries[k].name}.fill(0);`);
    });
  }
  return { kind: 'tuple', items: [...carries, ...outputs] };
}
