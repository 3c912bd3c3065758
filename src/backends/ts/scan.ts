/**
 * A scan becomes a `for` loop over time. States live in carry buffers
 * (copied from their initial values, so callers' arrays are never written),
 * the step's buffers are allocated once before the loop, sequence inputs are
 * views of the current step, and per-step outputs are written into their
 * sequences at the step's position (outputs stay aligned with input time).
 */
import type { Node } from '../../ir/graph.js';
import { isOp } from '../../ir/graph.js';
import { Code, ownFunctionOpen, sanitizeComment } from './code.js';
import type { TensorType } from '../../ir/types.js';
import { asBuffer, type Buffer, bufferValue, GraphEmitter, type Value } from './emit-graph.js';
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
  const fresh = (prefix: string) => e.ctx.fresh(`${prefix}${node.id}_`);

  // A ragged batch: the samples longest first, and the loop computes the rows of those still running.
  const skips = A.skipEnded === true;
  const rows = skips ? fresh('rows') : '';
  if (skips) {
    const lengths = asBuffer(e.sources.lengths(A.time, { time: null, batch: true, shape: [], sample: 1 }));
    code.line(`const ${rows} = byLength(${lengths.name}, B);`);
  }
  const blocks = (l: Layout) => (l.time === null ? '1' : timeVar(l.time));
  /** A batched value in the loop's order of samples: gathered into it when the caller's differs. */
  const inLoopOrder = (v: Buffer): Buffer => {
    if (!skips || !v.layout.batch) return v;
    const copy = e.allocate(`sorted${node.id}_`, v.layout, true);
    const name = fresh('sorted');
    code.line(
      `const ${name} = ${rows}.order === null ? ${v.name} : reorderRows(${copy}, ${v.name}, ${rows}.order, ${blocks(v.layout)}, ${v.layout.sample}, false);`,
    );
    return bufferValue(name, v.layout);
  };
  /** Where the loop writes a result the caller reads in its own order (`zeroed`: left zero where no step writes). */
  const written = (result: Buffer, zeroed: boolean): Buffer => {
    if (!skips || !result.layout.batch) return result;
    const name = fresh('loop');
    code.line(
      `const ${name} = ${rows}.order === null ? ${result.name} : ${e.allocate(`unsorted${node.id}_`, result.layout, !zeroed)};`,
    );
    return bufferValue(name, result.layout);
  };

  const carries = inputs.slice(nSeq, nSeq + nState).map((init, k) => {
    // One number (the zero a gradient of a 1 × 1 weight starts from) is filled in.
    const from = init.kind === 'scalar' ? init : asBuffer(init);
    const name = e.allocate(`state${node.id}_${k}_`, from.layout, true);
    const carry = written(bufferValue(name, from.layout), false);
    if (from.kind === 'scalar') code.line(`${carry.name}.fill(${from.literal});`);
    else if (carry.name === name) code.line(`${name}.set(${from.name});`);
    else
      code.line(
        `if (${rows}.order === null) ${carry.name}.set(${from.name}); else reorderRows(${carry.name}, ${from.name}, ${rows}.order, 1, ${from.layout.sample}, false);`,
      );
    return { result: bufferValue(name, from.layout), carry };
  });
  const outputs = body.outputs.slice(nState).map((o, j) => {
    const perStep = layoutOf(body.nodes[o.node].type as TensorType, e.ctx.sizes);
    const layout = A.keep[j] === 'all' ? { ...perStep, time: A.time } : perStep;
    const result = bufferValue(e.allocate(`out${node.id}_${j}_`, layout), layout);
    return { result, loop: written(result, true) };
  });
  const sequences = inputs.slice(0, nSeq).map((v) => inLoopOrder(asBuffer(v)));
  const invariants = inputs.slice(nSeq + nState).map((v) => (v.kind === 'buffer' ? inLoopOrder(v) : v));
  /** The floats of one step of a sequence: the whole batch's, whatever the loop's `B` is. */
  const strideOf = (l: Layout): string => {
    if (!skips) return sizeOf(stepLayout(l));
    const name = fresh('stride');
    code.line(`const ${name} = ${sizeOf(stepLayout(l))};`);
    return name;
  };

  const steps = e.ctx.fresh('steps');
  code.line(`const ${steps} = ${A.truncate ? `Math.min(${T}, ${A.truncate.steps})` : T};`);
  code.comment(
    sanitizeComment(`${A.layer}: ${A.reverse ? 'from the last step to the first' : 'from the first step to the last'}`),
  );
  const timeOf = (s: string) => (A.reverse ? `${T} - 1 - ${s}` : s);
  // Per-step outputs of the samples that have ended are zero: their rows of the step are cleared.
  const clearEnded = new Code();
  const keptStrides = outputs.map(({ loop: out }, j) => {
    const stride = A.keep[j] === 'all' ? strideOf(out.layout) : '';
    if (skips && out.layout.batch)
      clearEnded.line(`${out.name}.fill(0, t * ${stride} + B * ${out.layout.sample}, (t + 1) * ${stride});`);
    return stride;
  });
  // The step's views of its sequences, by name; on the SIMD path the step is also recorded as a WebAssembly loop.
  const views = new Map<string, StepView>();
  const recorder = e.ctx.simd ? new StepRecorder(views) : undefined;
  const running = (): string => `runningAt(${rows}.sorted, t)`;
  /** `floats` of a step's value, as many as the running samples have when rows are skipped. */
  const prefix = (v: Buffer) => (skips ? `${v.name}.subarray(0, ${sizeOf(v.layout)})` : v.name);
  const loop = new Code();
  loop.block(`for (let s = 0; s < ${steps}; s++) {`, () => {
    loop.line(`const t = ${timeOf('s')};`);
    if (skips) {
      // From here on in the step, `B` is the number of samples still running.
      loop.line(`const B = ${running()};`);
      loop.append(clearEnded);
      loop.line('if (B === 0) continue;');
    }
    const args: Value[] = inputs.map((_, k) => {
      if (k < nSeq) {
        const seq = sequences[k];
        const step = stepLayout(seq.layout);
        const stride = strideOf(seq.layout);
        const name = e.ctx.fresh(`x${node.id}_${k}_`);
        loop.line(`const ${name} = ${seq.name}.subarray(t * ${stride}, (t + 1) * ${stride});`);
        views.set(name, { array: seq.name, stepFloats: stride });
        return bufferValue(name, step);
      }
      if (k < nSeq + nState) return carries[k - nSeq].carry;
      return invariants[k - nSeq - nState];
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
    outputs.forEach(({ loop: out }, j) => {
      const v = values[body.outputs[nState + j].node];
      const stride = keptStrides[j];
      if (v.kind === 'scalar') {
        // One number (-O0 leaves `output y = 2` in the step): filled in JavaScript.
        recorder?.fail('a constant step output is filled in JavaScript');
        const n = sizeOf(stepLayout(out.layout));
        loop.line(
          A.keep[j] !== 'all'
            ? `${out.name}.fill(${v.literal});`
            : skips
              ? `${out.name}.fill(${v.literal}, t * ${stride}, t * ${stride} + ${n});`
              : `${out.name}.fill(${v.literal}, t * ${n}, (t + 1) * ${n});`,
        );
        return;
      }
      const value = asBuffer(v);
      const floats = sizeOf(value.layout);
      if (A.keep[j] === 'all') {
        loop.line(`${out.name}.set(${prefix(value)}, t * ${skips ? stride : `${value.name}.length`});`);
        recorder?.copy(recorder.atStep(out.name, skips ? stride : floats), recorder.address(value.name), floats);
      } else {
        loop.line(`${out.name}.set(${value.name});`);
        recorder?.copy(recorder.address(out.name), recorder.address(value.name), floats);
      }
    });
    next.forEach((v, k) => {
      const { carry } = carries[k];
      loop.line(`${carry.name}.set(${prefix(v)});`);
      recorder?.copy(recorder.address(carry.name), recorder.address(v.name), sizeOf(v.layout));
    });
  });
  loop.dropUnused(views.keys());
  // The JavaScript loop in a function of its own, which the module inlines again where the whole
  // function is small enough for V8 to optimize (see ownFunctionLimit).
  const ownFunction = (into: Code) =>
    into.block(`${ownFunctionOpen} (V8 optimizes no function past about 60 KB)`, () => into.append(loop), '})();');
  if (recorder !== undefined && recorder.failed === undefined && e.ctx.simd) {
    // Every op of the step is a kernel call or a copy: the whole loop runs in WebAssembly, unless an
    // array is outside the kernels' memory, or a worker has failed (the loop finds the workers' control
    // blocks one after the other from slot 1's). It posts the workers the same shares of the calls as
    // JavaScript would.
    const { loop: program, arrays, integers } = recorder.loop(A.reverse);
    const kernel = stepLoopFunction(e.ctx.simd, program);
    const call = (first: string, end: string) =>
      `run_${kernel}(${[...arrays.map((a) => `${a}.byteOffset`), ...integers, first, end, T, 4 * controlInts, 'loopWorkers()'].join(', ')})`;
    const runs = `kernels !== undefined && (pool.ready.length === 0 || pool.ready[pool.ready.length - 1] === pool.ready.length) && heapHolds(${arrays.join(', ')})`;
    if (!skips) code.line(`if (${runs}) ${call('0', steps)};`);
    else
      code.block(`if (${runs}) {`, () => {
        // The steps in stretches over which the same samples run, each stretch one call with its `B`.
        code.block(`for (let first = 0, end = 0; first < ${steps}; first = end) {`, () => {
          code.line(`const B = runningAt(${rows}.sorted, ${timeOf('first')});`);
          code.line(`end = first + 1;`);
          code.line(`while (end < ${steps} && runningAt(${rows}.sorted, ${timeOf('end')}) === B) end++;`);
          if (clearEnded.length > 0)
            code.block('for (let s = first; s < end; s++) {', () => {
              code.line(`const t = ${timeOf('s')};`);
              code.append(clearEnded);
            });
          code.line(`if (B > 0) ${call('first', 'end')};`);
        });
      });
    code.block('else {', () => ownFunction(code));
  } else {
    if (recorder?.failed !== undefined) code.comment(sanitizeComment(`(runs as JavaScript: ${recorder.failed})`));
    ownFunction(code);
  }
  // Results back in the caller's order of samples.
  for (const { result, carry: looped } of [...carries, ...outputs.map((o) => ({ result: o.result, carry: o.loop }))])
    if (looped.name !== result.name)
      code.line(
        `if (${rows}.order !== null) reorderRows(${result.name}, ${looped.name}, ${rows}.order, ${blocks(result.layout)}, ${result.layout.sample}, true);`,
      );
  if (A.truncate && A.truncate.cut > 0) {
    // Truncated: the carried value is cut where the loop stopped.
    code.block(`if (${steps} < ${T}) {`, () => {
      for (let k = 0; k < A.truncate!.cut; k++) code.line(`${carries[k].result.name}.fill(0);`);
    });
  }
  return { kind: 'tuple', items: [...carries.map((c) => c.result), ...outputs.map((o) => o.result)] };
}
