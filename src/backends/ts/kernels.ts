/**
 * How each op becomes TypeScript: one renderer per op, in one table typed
 * over every op kind, so an op without a renderer is a compile error.
 * Elementwise ops share one renderer (a fused loop built from each op's
 * `ts` expression); matrix products become specialised kernels with their
 * sizes written in as constants.
 */
import { isOp, type Node, type NodeId, type OpKind } from '../../ir/graph.js';
import { numberAsConstant } from '../../ir/ops/sources.js';
import { maskValues, rateOf, threshold } from '../../ir/ops/noise.js';
import { asBuffer, bufferValue, type GraphEmitter, type Value } from './emit-graph.js';
import { type Layout, layoutOf, leadCount, leadIndex, sizeOf, timeVar } from './layout.js';
import { absorbedOuter as absorbedBy } from '../fusion.js';
import { columnSumFunction, gemmFunction } from './simd.js';
import { addressOperand, integerOperand } from './step-recorder.js';
import { type GemmSpec, gemmName } from '../wasm/gemm.js';
import { renderScan } from './scan.js';

type Renderer<K extends OpKind> = (e: GraphEmitter, node: Node<K>) => Value;

const pointwise: Renderer<OpKind> = (e, node) => e.pointwise(node);

function input(e: GraphEmitter, node: Node, k: number): Extract<Value, { kind: 'buffer' }> {
  const v = e.values[node.inputs[k]];
  if (v.kind === 'scalar') {
    // A literal used where a buffer is needed: materialize it once.
    e.step?.fail('a literal operand is filled in JavaScript');
    const name = e.allocate('s', v.layout);
    e.out.body.line(`${name}.fill(${v.literal});`);
    return bufferValue(name, v.layout);
  }
  return asBuffer(v);
}

/** Reads a value at lead `l` and flat sample index `j` of a result laid out as `out`. */
function read(v: Extract<Value, { kind: 'buffer' }>, out: Layout, l: string, j: string): string {
  const lead = leadIndex(v.layout, out, l);
  return `${v.name}[${lead === '0' ? '' : `${lead} * ${v.layout.sample} + `}${j}]`;
}

function lastAxis(l: Layout): number {
  return l.shape[l.shape.length - 1];
}

/** Rows of the last axis in a whole buffer. */
function rows(l: Layout): string {
  const perSample = l.sample / lastAxis(l);
  const lead = leadCount(l);
  return lead === '1' ? String(perSample) : perSample === 1 ? lead : `${lead} * ${perSample}`;
}

/** The step index of a time index (negative: from the end). */
function stepOf(index: number, axis: string): string {
  return index < 0 ? `${timeVar(axis)} - ${-index}` : String(index);
}

const matmul: Renderer<'matmul'> = (e, node) => {
  const [a, b] = [input(e, node, 0), input(e, node, 1)];
  const out = e.layout(node.id);
  const name = e.allocate(`mm${node.id}_`, out, true);
  const ra = a.layout.shape.length;
  const rb = b.layout.shape.length;
  const noLead = (l: Layout) => l.time === null && !l.batch;
  if (ra === 2 && rb === 1 && noLead(a.layout)) {
    // W [m, k] times every sample's x [k]: a GEMM over all samples.
    const [m, k] = a.layout.shape;
    const kernel = gemmFunction(e.ctx, { kind: 'rows', m, k }, 'matmul');
    e.out.body.line(`${kernel}(${a.name}, ${b.name}, ${name}, ${leadCount(out)});`);
    recordProduct(e, { kind: 'rows', m, k }, [a.name, b.name, name], leadCount(out));
  } else if (ra === 1 && rb === 2 && noLead(b.layout)) {
    // Every sample's v [k] times W [k, n].
    const [k, n] = b.layout.shape;
    const kernel = gemmFunction(e.ctx, { kind: 'cols', k, n }, 'matmul');
    e.out.body.line(`${kernel}(${a.name}, ${b.name}, ${name}, ${leadCount(out)});`);
    recordProduct(e, { kind: 'cols', k, n }, [a.name, b.name, name], leadCount(out));
  } else {
    // Any other ranks and lead axes: per sample, numpy's rules.
    const [m, k] = ra === 2 ? a.layout.shape : [1, a.layout.shape[0]];
    const n = rb === 2 ? b.layout.shape[1] : 1;
    const body = e.out.body;
    body.block(`for (let l = 0; l < ${leadCount(out)}; l++) {`, () => {
      body.line(`const ao = ${leadIndex(a.layout, out, 'l')} * ${a.layout.sample};`);
      body.line(`const bo = ${leadIndex(b.layout, out, 'l')} * ${b.layout.sample};`);
      body.line(`const oo = l * ${out.sample};`);
      body.block(`for (let i = 0; i < ${m}; i++) {`, () =>
        body.block(`for (let j = 0; j < ${n}; j++) {`, () => {
          body.line('let acc = 0;');
          body.line(
            `for (let p = 0; p < ${k}; p++) acc += ${a.name}[ao + i * ${k} + p] * ${b.name}[bo + p * ${n} + j];`,
          );
          body.line(`${name}[oo + i * ${n} + j] = acc;`);
        }),
      );
    });
  }
  return bufferValue(name, out);
};

/** A GEMM call in a scan's step, for its WebAssembly time loop: operands in the kernel's order, then the samples. */
function recordProduct(
  e: GraphEmitter,
  spec: Exclude<GemmSpec, { kind: 'outer' }>,
  arrays: readonly string[],
  samples: string,
): void {
  const step = e.step;
  if (step === undefined) return;
  step.call(gemmName(spec), [
    ...arrays.map((a) => addressOperand(step.address(a))),
    integerOperand(step.integer(samples)),
  ]);
}

/** Whether an outer product is only summed down by an unbroadcast (see fusion.ts): then it is never built. */
export function absorbedOuter(e: GraphEmitter, id: NodeId): boolean {
  return absorbedBy(e.graph, id);
}

const unbroadcast: Renderer<'unbroadcast'> = (e, node) => {
  const out = layoutOf(node.attrs.type, e.ctx.sizes);
  // Zeroed below each time it runs (in a loop too), so a reused buffer need not be zeroed first.
  const name = e.allocate(`ub${node.id}_`, out, true);
  const body = e.out.body;
  body.line(`${name}.fill(0);`);
  e.step?.zero(e.step.address(name), sizeOf(out));
  if (node.attrs.mean) e.step?.fail('a mean is divided in JavaScript');
  const source = e.graph.nodes[node.inputs[0]];
  if (absorbedOuter(e, source.id) && out.time === null && !out.batch) {
    // Σ over samples of outer(a, b): a weight gradient, one GEMM, without building the products.
    const [a, b] = [input(e, source, 0), input(e, source, 1)];
    const product = e.layout(source.id);
    const [m, n] = product.shape;
    // Each operand either has the product's lead axes (one vector per sample) or none (the same vector for all).
    const step = (l: Layout) =>
      leadIndex(l, product, 'l') === 'l' ? l.sample : leadIndex(l, product, 'l') === '0' ? 0 : undefined;
    const [aStep, bStep] = [step(a.layout), step(b.layout)];
    if (aStep !== undefined && bStep !== undefined) {
      const kernel = gemmFunction(e.ctx, { kind: 'outer', m, n }, 'weightGradient');
      body.line(`${kernel}(${a.name}, ${aStep}, ${b.name}, ${bStep}, ${name}, ${leadCount(product)});`);
      const step = e.step;
      step?.call(gemmName({ kind: 'outer', m, n }), [
        addressOperand(step.address(a.name)),
        integerOperand({ constant: aStep }),
        addressOperand(step.address(b.name)),
        integerOperand({ constant: bStep }),
        addressOperand(step.address(name)),
        integerOperand(step.integer(leadCount(product))),
        integerOperand({ constant: m }),
      ]);
    } else {
      body.block(`for (let l = 0; l < ${leadCount(product)}; l++) {`, () => {
        body.line(`const ao = ${leadIndex(a.layout, product, 'l')} * ${m};`);
        body.line(`const bo = ${leadIndex(b.layout, product, 'l')} * ${n};`);
        body.line(
          `for (let i = 0; i < ${m}; i++) for (let j = 0; j < ${n}; j++) ${name}[i * ${n} + j] += ${a.name}[ao + i] * ${b.name}[bo + j];`,
        );
      });
    }
    return bufferValue(name, out);
  }
  const x = input(e, node, 0);
  const outIndex = e.broadcastMap(out, x.layout, 'j');
  const scalarSum = () =>
    body.block(`for (let l = 0; l < ${leadCount(x.layout)}; l++) {`, () => {
      const lead = leadIndex(out, x.layout, 'l');
      body.block(`for (let j = 0; j < ${x.layout.sample}; j++) {`, () =>
        body.line(
          `${name}[${lead === '0' ? '' : `${lead} * ${out.sample} + `}${outIndex}] += ${x.name}[l * ${x.layout.sample} + j];`,
        ),
      );
    });
  const sumsColumns = leadIndex(out, x.layout, 'l') === '0' && outIndex === 'j' && x.layout.sample >= 4;
  if (e.ctx.simd && sumsColumns) {
    // Every row summed into one (a bias gradient): a SIMD column sum where both arrays are in the kernels' memory.
    const kernel = columnSumFunction(e.ctx.simd, x.layout.sample);
    body.line(
      `if (kernels !== undefined && heapHolds(${name}, ${x.name})) run_${kernel}(${x.name}.byteOffset, ${name}.byteOffset, ${leadCount(x.layout)});`,
    );
    const step = e.step;
    step?.call(kernel, [
      addressOperand(step.address(x.name)),
      addressOperand(step.address(name)),
      integerOperand(step.integer(leadCount(x.layout))),
    ]);
    body.block('else {', scalarSum);
  } else scalarSum();
  if (node.attrs.mean)
    body.line(`for (let k = 0; k < ${name}.length; k++) ${name}[k] /= (${sizeOf(x.layout)}) / ${name}.length;`);
  return bufferValue(name, out);
};

const broadcastTo: Renderer<'broadcast_to'> = (e, node) => {
  const out = layoutOf(node.attrs.type, e.ctx.sizes);
  const x = input(e, node, 0);
  const name = e.allocate(`bt${node.id}_`, out);
  const copies = node.attrs.mean ? ` / ((${sizeOf(out)}) / ${x.name}.length)` : '';
  e.loop(name, out, (l, j) => `${read(x, out, l, e.broadcastMap(x.layout, out, j))}${copies}`);
  return bufferValue(name, out);
};

function lastAxisRows(
  e: GraphEmitter,
  node: Node,
  prefix: string,
  perRow: (x: string, xo: string, out: string, oo: string, n: number) => void,
): Value {
  const x = input(e, node, 0);
  const out = e.layout(node.id);
  const name = e.allocate(prefix, out);
  const n = lastAxis(x.layout);
  const outRow = out.shape.length === x.layout.shape.length ? n : 1;
  e.out.body.block(`for (let r = 0; r < ${rows(x.layout)}; r++) {`, () =>
    perRow(x.name, `r * ${n}`, name, `r * ${outRow}`, n),
  );
  return bufferValue(name, out);
}

const sumLast =
  (mean: boolean): Renderer<'sum' | 'mean'> =>
  (e, node) =>
    lastAxisRows(e, node, `sum${node.id}_`, (x, xo, out, oo, n) => {
      e.out.body.line('let acc = 0;');
      e.out.body.line(`for (let c = 0; c < ${n}; c++) acc += ${x}[${xo} + c];`);
      e.out.body.line(`${out}[${oo}] = acc${mean ? ` / ${n}` : ''};`);
    });

const extremeLast =
  (largest: boolean): Renderer<'reduce_max' | 'reduce_min'> =>
  (e, node) =>
    lastAxisRows(e, node, `ext${node.id}_`, (x, xo, out, oo, n) => {
      const pick = largest ? 'Math.max' : 'Math.min';
      e.out.body.line(`let best = ${x}[${xo}];`);
      e.out.body.line(`for (let c = 1; c < ${n}; c++) best = ${pick}(best, ${x}[${xo} + c]);`);
      e.out.body.line(`${out}[${oo}] = best;`);
    });

const eye: Renderer<'eye'> = (e, node) => {
  const out = e.layout(node.id);
  const name = e.allocate(`eye${node.id}_`, out);
  const n = node.attrs.size.evaluate(e.ctx.sizes);
  e.out.body.line(`for (let k = 0; k < ${n}; k++) ${name}[k * ${n + 1}] = 1;`);
  return bufferValue(name, out);
};

/** The row of a table a token id picks, checked: a bad id fails with the id rather than reading past the table. */
function tokenRow(e: GraphEmitter, id: string, rows: number): void {
  e.out.body.line(
    `if (!(Number.isInteger(${id}) && ${id} >= 0 && ${id} < ${rows})) fail(\`token id \${${id}} is outside the vocabulary: ids run from 0 to ${rows - 1}\`);`,
  );
}

const gatherRows: Renderer<'gather_rows'> = (e, node) => {
  e.step?.fail('an embedding lookup runs in JavaScript');
  const table = input(e, node, 0);
  const ids = input(e, node, 1);
  const out = e.layout(node.id);
  const name = e.allocate(`emb${node.id}_`, out, true);
  const [rows, width] = table.layout.shape;
  e.out.body.block(`for (let l = 0; l < ${leadCount(out)}; l++) {`, () => {
    e.out.body.line(`const id = ${ids.name}[${leadIndex(ids.layout, out, 'l')}];`);
    tokenRow(e, 'id', rows);
    e.out.body.line(`${name}.set(${table.name}.subarray(id * ${width}, id * ${width} + ${width}), l * ${width});`);
  });
  return bufferValue(name, out);
};

const scatterRows: Renderer<'scatter_rows'> = (e, node) => {
  e.step?.fail('an embedding gradient is added in JavaScript');
  const g = input(e, node, 0);
  const ids = input(e, node, 1);
  const out = e.layout(node.id);
  const name = e.allocate(`scat${node.id}_`, out, true);
  const [rows, width] = out.shape;
  // Zeroed each time it runs: inside a loop the buffer is reused.
  e.out.body.line(`${name}.fill(0);`);
  e.out.body.block(`for (let l = 0; l < ${leadCount(g.layout)}; l++) {`, () => {
    e.out.body.line(`const id = ${ids.name}[${leadIndex(ids.layout, g.layout, 'l')}];`);
    tokenRow(e, 'id', rows);
    e.out.body.line(`for (let k = 0; k < ${width}; k++) ${name}[id * ${width} + k] += ${g.name}[l * ${width} + k];`);
  });
  return bufferValue(name, out);
};

const oneHot: Renderer<'one_hot'> = (e, node) => {
  e.step?.fail('a one-hot vector is filled in JavaScript');
  const ids = input(e, node, 0);
  const out = e.layout(node.id);
  const name = e.allocate(`hot${node.id}_`, out, true);
  const size = out.shape[0];
  e.out.body.line(`${name}.fill(0);`);
  e.out.body.block(`for (let l = 0; l < ${leadCount(out)}; l++) {`, () => {
    e.out.body.line(`const id = ${ids.name}[${leadIndex(ids.layout, out, 'l')}];`);
    tokenRow(e, 'id', size);
    e.out.body.line(`${name}[l * ${size} + id] = 1;`);
  });
  return bufferValue(name, out);
};

/**
 * A dropout or zoneout mask, drawn as the interpreter draws it (ops/noise.ts): the hash runs in
 * JavaScript, once per step's key and once per element.
 */
const randomMask: Renderer<'random_mask'> = (e, node) => {
  e.step?.fail('a random mask is drawn in JavaScript');
  const noise = input(e, node, 0);
  const position = input(e, node, 1);
  const out = e.layout(node.id);
  const name = e.allocate(`mask${node.id}_`, out, true);
  const { salt, kind } = node.attrs;
  const p = rateOf(kind, node.attrs.p, e.ctx.sizes);
  const values = maskValues(kind, p);
  const steps = out.time === null ? '1' : timeVar(out.time);
  const body = e.out.body;
  body.line(`if (${noise.name}[0] === 0) ${name}.fill(${values.eval});`);
  body.block('else {', () => {
    body.line(`const perStep = ${leadCount(out)} * ${out.sample} / ${steps};`);
    body.block(`for (let s = 0; s < ${steps}; s++) {`, () => {
      body.line(
        `const key = stepKey(${noise.name}[1], ${salt}, ${position.name}[${position.layout.time === null ? '0' : 's'}]);`,
      );
      body.line(
        `for (let k = 0; k < perStep; k++) ${name}[s * perStep + k] = draw(key, k) < ${threshold(p)} ? ${values.hit} : ${values.miss};`,
      );
    });
  });
  return bufferValue(name, out);
};

const timeMax: Renderer<'time_max'> = (e, node) => {
  const x = input(e, node, 0);
  const out = e.layout(node.id);
  const name = e.allocate(`tmax${node.id}_`, out, true);
  const step = sizeOf(out);
  e.out.body.block(`for (let j = 0; j < ${step}; j++) {`, () => {
    e.out.body.line(`let best = ${x.name}[j];`);
    e.out.body.line(
      `for (let t = 1; t < ${timeVar(x.layout.time as string)}; t++) best = Math.max(best, ${x.name}[t * ${step} + j]);`,
    );
    e.out.body.line(`${name}[j] = best;`);
  });
  return bufferValue(name, out);
};

const positions: Renderer<'positions'> = (e, node) => {
  const out = e.layout(node.id);
  const name = e.allocate(`pos${node.id}_`, out, true);
  const length = timeVar(out.time as string);
  e.out.body.line(`for (let k = 0; k < ${length}; k++) ${name}[k] = ${node.attrs.count ? length : 'k'};`);
  return bufferValue(name, out);
};

const softmax =
  (log: boolean): Renderer<'softmax' | 'log_softmax'> =>
  (e, node) =>
    lastAxisRows(e, node, `sm${node.id}_`, (x, xo, out, oo, n) => {
      const body = e.out.body;
      body.line(`const xo = ${xo};`);
      body.line('let max = -Infinity;');
      body.line(`for (let c = 0; c < ${n}; c++) max = Math.max(max, ${x}[xo + c]);`);
      body.line('if (max !== max || max === -Infinity) max = 0;');
      body.line('let total = 0;');
      body.line(`for (let c = 0; c < ${n}; c++) total += Math.exp(${x}[xo + c] - max);`);
      if (log) {
        body.line('const shift = max + Math.log(total);');
        body.line(`for (let c = 0; c < ${n}; c++) ${out}[${oo} + c] = ${x}[xo + c] - shift;`);
      } else {
        body.line(`for (let c = 0; c < ${n}; c++) ${out}[${oo} + c] = Math.exp(${x}[xo + c] - max) / total;`);
      }
    });

const expandLast: Renderer<'expand_last'> = (e, node) => {
  const x = input(e, node, 0);
  const out = e.layout(node.id);
  const name = e.allocate(`ex${node.id}_`, out);
  const n = node.attrs.size.evaluate(e.ctx.sizes);
  e.out.body.block(`for (let r = 0; r < ${x.name}.length; r++) {`, () => {
    e.out.body.line(`const v = ${x.name}[r]${node.attrs.mean ? ` / ${n}` : ''};`);
    e.out.body.line(`for (let c = 0; c < ${n}; c++) ${name}[r * ${n} + c] = v;`);
  });
  return bufferValue(name, out);
};

const padLast: Renderer<'pad_last'> = (e, node) => {
  const x = input(e, node, 0);
  const out = e.layout(node.id);
  const name = e.allocate(`pad${node.id}_`, out);
  const [n, N] = [lastAxis(x.layout), lastAxis(out)];
  const before = node.attrs.before.evaluate(e.ctx.sizes);
  e.out.body.line(`${name}.fill(0);`);
  e.step?.zero(e.step.address(name), sizeOf(out));
  e.step?.copyRows(e.step.address(name, 4 * before), e.step.address(x.name), rows(x.layout), n, N, n);
  e.out.body.block(`for (let r = 0; r < ${rows(x.layout)}; r++) {`, () =>
    e.out.body.line(`for (let c = 0; c < ${n}; c++) ${name}[r * ${N} + ${before} + c] = ${x.name}[r * ${n} + c];`),
  );
  return bufferValue(name, out);
};

const slice: Renderer<'slice'> = (e, node) => {
  const x = input(e, node, 0);
  const out = e.layout(node.id);
  const name = e.allocate(`sl${node.id}_`, out);
  const [n, N] = [lastAxis(out), lastAxis(x.layout)];
  const start = node.attrs.start.evaluate(e.ctx.sizes);
  e.out.body.block(`for (let r = 0; r < ${rows(out)}; r++) {`, () =>
    e.out.body.line(`for (let c = 0; c < ${n}; c++) ${name}[r * ${n} + c] = ${x.name}[r * ${N} + ${start} + c];`),
  );
  return bufferValue(name, out);
};

/**
 * Floats from which a row is copied with TypedArray.set instead of a loop: below it, making the
 * subarray costs more than the loop.
 */
const setCopyFloats = 32;

const concat: Renderer<'concat'> = (e, node) => {
  const out = e.layout(node.id);
  const name = e.allocate(`cat${node.id}_`, out);
  const N = lastAxis(out);
  const rowsPerSample = out.sample / N;
  let offset = 0;
  node.inputs.forEach((_, k) => {
    const x = input(e, node, k);
    const n = lastAxis(x.layout);
    // In a time loop: one copy per row, the rows of every sample in a row (or one shared sample's row).
    const perSample = leadIndex(x.layout, out, 'l');
    if (perSample === 'l' || (perSample === '0' && rowsPerSample === 1)) {
      const rows = rowsPerSample === 1 ? leadCount(out) : `${leadCount(out)} * ${rowsPerSample}`;
      e.step?.copyRows(e.step.address(name, 4 * offset), e.step.address(x.name), rows, n, N, perSample === 'l' ? n : 0);
    } else e.step?.fail('a concatenation of rows shared across samples');
    e.out.body.block(`for (let l = 0; l < ${leadCount(out)}; l++) {`, () => {
      e.out.body.line(`const xo = ${leadIndex(x.layout, out, 'l')} * ${x.layout.sample};`);
      e.out.body.block(`for (let r = 0; r < ${rowsPerSample}; r++) {`, () =>
        e.out.body.line(
          // A long row as one block copy (a memcpy, where the loop is a load and a store a float).
          n >= setCopyFloats
            ? `${name}.set(${x.name}.subarray(xo + r * ${n}, xo + r * ${n} + ${n}), (l * ${rowsPerSample} + r) * ${N} + ${offset});`
            : `for (let c = 0; c < ${n}; c++) ${name}[(l * ${rowsPerSample} + r) * ${N} + ${offset} + c] = ${x.name}[xo + r * ${n} + c];`,
        ),
      );
    });
    offset += n;
  });
  return bufferValue(name, out);
};

/** The name of a stack of params, as `pack` keys it: their names joined by +. */
export function packKey(e: GraphEmitter, node: Node): string | undefined {
  const inputs = node.inputs.map((i) => e.graph.nodes[i]);
  return inputs.every((n) => isOp(n, 'param'))
    ? inputs.map((n) => (n as Node<'param'>).attrs.name).join('+')
    : undefined;
}

const stackRows: Renderer<'stack_rows'> = (e, node) => {
  const out = e.layout(node.id);
  // The copy writes every element, so the buffer need not be zeroed (with packed weights it is never touched).
  const buffer = e.allocate(`stack${node.id}_`, out, true);
  const body = e.out.body;
  const copy = () => {
    let offset = 0;
    node.inputs.forEach((_, k) => {
      const x = input(e, node, k);
      body.block(`for (let l = 0; l < ${leadCount(out)}; l++) {`, () =>
        body.line(
          `${buffer}.set(${x.name}.subarray(${leadIndex(x.layout, out, 'l')} * ${x.layout.sample}, (${leadIndex(x.layout, out, 'l')} + 1) * ${x.layout.sample}), l * ${out.sample} + ${offset});`,
        ),
      );
      offset += x.layout.sample;
    });
  };
  const key = packKey(e, node);
  const given = key !== undefined ? e.sources.packed?.(key) : undefined;
  if (given === undefined) {
    copy();
    return bufferValue(buffer, out);
  }
  // Stacked params: taken from `pack` when the caller packed them, else stacked now.
  const name = e.ctx.fresh(`packed${node.id}_`);
  body.line(`let ${name} = ${given};`);
  body.block(`if (${name} === undefined) {`, () => {
    copy();
    body.line(`${name} = ${buffer};`);
  });
  return bufferValue(name, out);
};

const sliceRows: Renderer<'slice_rows'> = (e, node) => {
  const x = input(e, node, 0);
  const out = e.layout(node.id);
  const name = e.allocate(`rows${node.id}_`, out);
  const cols = out.shape[1];
  const start = node.attrs.start.evaluate(e.ctx.sizes);
  e.out.body.block(`for (let l = 0; l < ${leadCount(out)}; l++) {`, () =>
    e.out.body.line(
      `${name}.set(${x.name}.subarray(l * ${x.layout.sample} + ${start * cols}, l * ${x.layout.sample} + ${start * cols + out.sample}), l * ${out.sample});`,
    ),
  );
  return bufferValue(name, out);
};

const transpose: Renderer<'transpose'> = (e, node) => {
  const x = input(e, node, 0);
  const out = e.layout(node.id);
  const name = e.allocate(`tr${node.id}_`, out);
  const [m, n] = x.layout.shape;
  e.out.body.block(`for (let l = 0; l < ${leadCount(out)}; l++) {`, () =>
    e.out.body.line(
      `for (let i = 0; i < ${m}; i++) for (let j = 0; j < ${n}; j++) ${name}[l * ${m * n} + j * ${m} + i] = ${x.name}[l * ${m * n} + i * ${n} + j];`,
    ),
  );
  return bufferValue(name, out);
};

const outer: Renderer<'outer'> = (e, node) => {
  const [a, b] = [input(e, node, 0), input(e, node, 1)];
  const out = e.layout(node.id);
  const name = e.allocate(`outer${node.id}_`, out);
  const [m, n] = out.shape;
  e.out.body.block(`for (let l = 0; l < ${leadCount(out)}; l++) {`, () => {
    e.out.body.line(`const ao = ${leadIndex(a.layout, out, 'l')} * ${m};`);
    e.out.body.line(`const bo = ${leadIndex(b.layout, out, 'l')} * ${n};`);
    e.out.body.line(
      `for (let i = 0; i < ${m}; i++) for (let j = 0; j < ${n}; j++) ${name}[l * ${m * n} + i * ${n} + j] = ${a.name}[ao + i] * ${b.name}[bo + j];`,
    );
  });
  return bufferValue(name, out);
};

const reduceLead: Renderer<'reduce_lead'> = (e, node) => {
  const x = input(e, node, 0);
  const out = e.layout(node.id);
  const name = e.allocate(`red${node.id}_`, out);
  const S = out.sample;
  e.out.body.line(`${name}.fill(0);`);
  e.out.body.line(
    `for (let l = 0; l < ${leadCount(x.layout)}; l++) for (let j = 0; j < ${S}; j++) ${name}[j] += ${x.name}[l * ${S} + j];`,
  );
  if (node.attrs.mode === 'mean')
    e.out.body.line(`for (let j = 0; j < ${S}; j++) ${name}[j] /= ${leadCount(x.layout)};`);
  return bufferValue(name, out);
};

const timeIndex: Renderer<'time_index'> = (e, node) => {
  const x = input(e, node, 0);
  const out = e.layout(node.id);
  const step = sizeOf(out);
  const t = stepOf(node.attrs.index, x.layout.time as string);
  const name = e.ctx.fresh(`step${node.id}_`);
  e.out.body.line(`const ${name} = ${x.name}.subarray((${t}) * ${step}, (${t} + 1) * ${step});`);
  return bufferValue(name, out);
};

const timePlace: Renderer<'time_place'> = (e, node) => {
  const x = input(e, node, 0);
  const out = e.layout(node.id);
  const name = e.allocate(`place${node.id}_`, out);
  e.out.body.line(`${name}.fill(0);`);
  e.out.body.line(`${name}.set(${x.name}, (${stepOf(node.attrs.index, node.attrs.time)}) * ${sizeOf(x.layout)});`);
  return bufferValue(name, out);
};

const timeStack: Renderer<'time_stack'> = (e, node) => {
  const out = e.layout(node.id);
  const name = e.allocate(`stacked${node.id}_`, out);
  node.inputs.forEach((_, t) =>
    e.out.body.line(`${name}.set(${input(e, node, t).name}, ${t} * ${sizeOf({ ...out, time: null })});`),
  );
  return bufferValue(name, out);
};

const timeShift: Renderer<'time_shift'> = (e, node) => {
  const [seq, init] = [input(e, node, 0), input(e, node, 1)];
  const out = e.layout(node.id);
  const name = e.allocate(`shift${node.id}_`, out);
  const step = sizeOf(init.layout);
  const T = timeVar(out.time as string);
  if (node.attrs.reverse) {
    e.out.body.line(`${name}.set(${seq.name}.subarray(${step}), 0);`);
    e.out.body.line(`${name}.set(${init.name}, (${T} - 1) * ${step});`);
  } else {
    e.out.body.line(`${name}.set(${init.name}, 0);`);
    e.out.body.line(`${name}.set(${seq.name}.subarray(0, (${T} - 1) * ${step}), ${step});`);
  }
  return bufferValue(name, out);
};

const broadcastBatch: Renderer<'broadcast_batch'> = (e, node) => {
  const x = input(e, node, 0);
  const out = e.layout(node.id);
  const name = e.allocate(`bb${node.id}_`, out);
  e.loop(name, out, (l, j) => read(x, out, l, j));
  return bufferValue(name, out);
};

const stateInit: Renderer<'state_init'> = (e, node) => {
  const fallback = input(e, node, 0);
  const name = e.ctx.fresh(`init${node.id}_`);
  const given = e.sources.initialState(node.attrs.name);
  e.out.body.line(`const ${name} = ${e.sources.stage ? e.sources.stage(given) : given} ?? ${fallback.name};`);
  return bufferValue(name, fallback.layout);
};

const defaultAdjoint: Renderer<'default_adjoint'> = (e, node) => {
  const g = input(e, node, 0);
  const zeros = e.allocate(`zero${node.id}_`, g.layout);
  const name = e.ctx.fresh(`dflt${node.id}_`);
  e.out.body.line(`const ${name} = ${e.sources.initialState(node.attrs.name)} === undefined ? ${g.name} : ${zeros};`);
  return bufferValue(name, g.layout);
};

export const renderers = {
  neg: pointwise,
  sigmoid: pointwise,
  tanh: pointwise,
  relu: pointwise,
  exp: pointwise,
  log: pointwise,
  sqrt: pointwise,
  abs: pointwise,
  softplus: pointwise,
  hard_sigmoid: pointwise,
  add: pointwise,
  sub: pointwise,
  mul: pointwise,
  div: pointwise,
  min: pointwise,
  max: pointwise,
  less: pointwise,
  less_equal: pointwise,
  equal: pointwise,
  where: pointwise,
  mod: pointwise,
  floor: pointwise,
  step: pointwise,
  sign: pointwise,
  matmul,
  sum: sumLast(false),
  mean: sumLast(true),
  reduce_max: extremeLast(true),
  reduce_min: extremeLast(false),
  softmax: softmax(false),
  log_softmax: softmax(true),
  concat,
  slice,
  const: (e, node) => e.constant(node),
  number: (e, node) => e.constant(numberAsConstant(node, e.ctx.sizes)),
  eye,
  positions,
  param: (e, node) => e.sources.param(node.attrs.name, e.layout(node.id)),
  input: (e, node) =>
    node.attrs.role === 'lengths'
      ? e.sources.lengths(node.attrs.name, e.layout(node.id))
      : node.attrs.role === 'noise'
        ? e.sources.noise(e.layout(node.id))
        : e.sources.input(node.attrs.name, e.layout(node.id)),
  arg: (e, node) => e.sources.arg(node.attrs.index),
  state_init: stateInit,
  broadcast_batch: broadcastBatch,
  scan: renderScan,
  get: (e, node) => {
    const tuple = e.values[node.inputs[0]];
    if (tuple.kind !== 'tuple') throw new Error('get of a value that is not a tuple');
    return tuple.items[node.attrs.index];
  },
  time_index: timeIndex,
  time_stack: timeStack,
  time_max: timeMax,
  gather_rows: gatherRows,
  scatter_rows: scatterRows,
  one_hot: oneHot,
  random_mask: randomMask,
  reduce_lead: reduceLead,
  transpose,
  outer,
  expand_last: expandLast,
  pad_last: padLast,
  time_place: timePlace,
  time_shift: timeShift,
  unbroadcast,
  broadcast_to: broadcastTo,
  default_adjoint: defaultAdjoint,
  stack_rows: stackRows,
  slice_rows: sliceRows,
} satisfies { [K in OpKind]: Renderer<K> };

export function render(e: GraphEmitter, node: Node): Value {
  return (renderers[node.op] as Renderer<OpKind>)(e, node);
}
