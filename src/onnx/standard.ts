/**
 * Whether a layer's step graph is exactly one of ONNX's recurrent operators (LSTM, GRU, RNN),
 * read from the graph and not from the cell's name: gate order, separate or packed weights,
 * biases, peepholes and GRU's `linear_before_reset` all come out of the equations.
 *
 * Each gate's pre-activation is read as an affine form: products of weight rows with the
 * input or the previous state, peephole products of a vector with the cell state, and biases,
 * where a weight or bias is a row range of one of the layer's invariants (packed `W @ x` then
 * sliced per gate, or one matrix a gate). The forms then must fit the operator's equations
 * (the ONNX operator documentation), up to the order of the operands of + and *.
 */
import { type Graph, isOp, type Node, type NodeId } from '../ir/graph.js';

/** Rows `start..end` of invariant `arg` (an index among the scan's invariants). */
export interface RowRange {
  readonly arg: number;
  readonly start: number;
  readonly end: number;
}

interface Affine {
  readonly products: readonly { readonly weight: RowRange; readonly of: NodeId }[];
  readonly peepholes: readonly { readonly weight: RowRange; readonly of: NodeId }[];
  readonly biases: readonly RowRange[];
  /** Summands that are none of these. */
  readonly others: readonly NodeId[];
}

/** One gate of an operator: its input and recurrent weights and biases (each a sum of row ranges). */
export interface GateWeights {
  readonly input: readonly RowRange[];
  readonly recurrent: readonly RowRange[];
  readonly inputBias: readonly RowRange[];
  readonly recurrentBias: readonly RowRange[];
}

export interface StandardCell {
  readonly op: 'LSTM' | 'GRU' | 'RNN';
  readonly hidden: number;
  readonly input: number;
  /** Gates in ONNX's order: LSTM i, o, f, c; GRU z, r, h; RNN one. */
  readonly gates: readonly GateWeights[];
  /** LSTM peepholes p_i, p_o, p_f (absent: none). */
  readonly peepholes?: readonly (readonly RowRange[])[];
  /** rnnc ops of ONNX's activations: LSTM f, g, h; GRU f, g; RNN f. */
  readonly activations: readonly string[];
  readonly linearBeforeReset?: 0 | 1;
  /** Which of the scan's states is h, and (LSTM) which is c. */
  readonly hState: number;
  readonly cState?: number;
}

const activations = new Set(['sigmoid', 'tanh', 'relu', 'hard_sigmoid']);

class StepReader {
  constructor(
    readonly body: Graph,
    readonly scan: Node<'scan'>,
    readonly sizes: Readonly<Record<string, number>>,
  ) {}

  node(id: NodeId): Node {
    return this.body.nodes[id];
  }

  /** The invariant index of an arg that is a plain (unbatched) matrix or vector, of the given rank. */
  invariant(id: NodeId, rank: number): number | undefined {
    const node = this.node(id);
    const a = this.scan.attrs;
    if (!isOp(node, 'arg') || node.attrs.index < a.nSeq + a.nState) return undefined;
    const t = node.attrs.type;
    if (t.batched || t.time !== null || t.shape.length !== rank) return undefined;
    return node.attrs.index - a.nSeq - a.nState;
  }

  rows(id: NodeId): number {
    const node = this.node(id);
    if (node.type.kind !== 'tensor') return 0;
    return node.type.shape[0].evaluate(this.sizes);
  }

  /** The two operands of a commutative op, in both orders. */
  operands(id: NodeId, op: 'add' | 'mul'): [NodeId, NodeId][] {
    const node = this.node(id);
    if (node.op !== op || node.inputs.length !== 2) return [];
    const [a, b] = node.inputs;
    return [
      [a, b],
      [b, a],
    ];
  }

  affine(id: NodeId): Affine {
    const node = this.node(id);
    const leaf: Affine = { products: [], peepholes: [], biases: [], others: [id] };
    const bias = this.invariant(id, 1);
    if (bias !== undefined)
      return { products: [], peepholes: [], biases: [{ arg: bias, start: 0, end: this.rows(id) }], others: [] };
    if (isOp(node, 'add')) {
      const [a, b] = node.inputs.map((k) => this.affine(k));
      return {
        products: [...a.products, ...b.products],
        peepholes: [...a.peepholes, ...b.peepholes],
        biases: [...a.biases, ...b.biases],
        others: [...a.others, ...b.others],
      };
    }
    if (isOp(node, 'slice')) {
      const inner = this.affine(node.inputs[0]);
      if (inner.others.length > 0) return leaf;
      const start = node.attrs.start.evaluate(this.sizes);
      const end = node.attrs.end.evaluate(this.sizes);
      const cut = (r: RowRange): RowRange => ({ arg: r.arg, start: r.start + start, end: r.start + end });
      return {
        products: inner.products.map((p) => ({ weight: cut(p.weight), of: p.of })),
        peepholes: inner.peepholes.map((p) => ({ weight: cut(p.weight), of: p.of })),
        biases: inner.biases.map(cut),
        others: [],
      };
    }
    if (isOp(node, 'matmul')) {
      const [w, v] = node.inputs;
      const weight = this.invariant(w, 2);
      const vector = this.node(v);
      if (weight !== undefined && vector.type.kind === 'tensor' && vector.type.shape.length === 1)
        return { ...leaf, others: [], products: [{ weight: { arg: weight, start: 0, end: this.rows(w) }, of: v }] };
      return leaf;
    }
    for (const [p, v] of this.operands(id, 'mul')) {
      const weight = this.vectorRange(p);
      if (weight !== undefined && this.vectorRange(v) === undefined)
        return { ...leaf, others: [], peepholes: [{ weight, of: v }] };
    }
    return leaf;
  }

  /** A vector invariant, or a slice of one (`P[0:H]`), as a row range. */
  vectorRange(id: NodeId): RowRange | undefined {
    const node = this.node(id);
    const whole = this.invariant(id, 1);
    if (whole !== undefined) return { arg: whole, start: 0, end: this.rows(id) };
    if (!isOp(node, 'slice')) return undefined;
    const inner = this.vectorRange(node.inputs[0]);
    if (!inner) return undefined;
    const start = inner.start + node.attrs.start.evaluate(this.sizes);
    return { arg: inner.arg, start, end: inner.start + node.attrs.end.evaluate(this.sizes) };
  }

  /** An activation of an affine form; `sources` are the values its products may read. */
  gate(id: NodeId): { activation: string; form: Affine } | undefined {
    const node = this.node(id);
    if (!activations.has(node.op)) return undefined;
    return { activation: node.op, form: this.affine(node.inputs[0]) };
  }

  isConstant(id: NodeId, value: number): boolean {
    const node = this.node(id);
    return isOp(node, 'const') && node.attrs.value === value && node.attrs.type.shape.length === 0;
  }
}

const only = (form: Affine, sources: readonly NodeId[], peepholeSources: readonly NodeId[] = []) =>
  form.others.length === 0 &&
  form.products.every((p) => sources.includes(p.of)) &&
  form.peepholes.every((p) => peepholeSources.includes(p.of));

/** A gate's weights split by source: products of x, products of `recurrentOf`, biases (first input, the rest recurrent). */
function weightsOf(form: Affine, x: NodeId, recurrentOf: NodeId, recurrentBias: readonly RowRange[] = []): GateWeights {
  const [first, ...rest] = form.biases;
  return {
    input: form.products.filter((p) => p.of === x).map((p) => p.weight),
    recurrent: form.products.filter((p) => p.of === recurrentOf).map((p) => p.weight),
    inputBias: first ? [first] : [],
    recurrentBias: [...rest, ...recurrentBias],
  };
}

function stateArg(r: StepReader, k: number): NodeId | undefined {
  const index = r.scan.attrs.nSeq + k;
  return r.body.nodes.find((n) => isOp(n, 'arg') && n.attrs.index === index)?.id;
}

function matchLstm(
  r: StepReader,
  x: NodeId,
  next: readonly NodeId[],
  output: NodeId,
): Omit<StandardCell, 'hidden' | 'input'> | undefined {
  for (const hk of [0, 1]) {
    const ck = 1 - hk;
    const [H, C] = [next[hk], next[ck]];
    const [h, c] = [stateArg(r, hk), stateArg(r, ck)];
    if (H !== output || h === undefined || c === undefined) continue;
    for (const [oId, squashed] of r.operands(H, 'mul')) {
      const squash = r.node(squashed);
      if (!activations.has(squash.op) || squash.inputs[0] !== C) continue;
      const o = r.gate(oId);
      if (!o || !only(o.form, [x, h], [C])) continue;
      for (const [forget, written] of r.operands(C, 'add')) {
        for (const [fId, cPrev] of r.operands(forget, 'mul')) {
          if (cPrev !== c) continue;
          for (const [iId, gId] of r.operands(written, 'mul')) {
            const [f, i, g] = [r.gate(fId), r.gate(iId), r.gate(gId)];
            if (!f || !i || !g) continue;
            if (f.activation !== o.activation || i.activation !== o.activation) continue;
            if (!only(f.form, [x, h], [c]) || !only(i.form, [x, h], [c]) || !only(g.form, [x, h])) continue;
            const peepholes = [i, o, f].map((gate) => gate.form.peepholes.map((p) => p.weight));
            return {
              op: 'LSTM',
              gates: [i, o, f, g].map((gate) => weightsOf(gate.form, x, h)),
              ...(peepholes.some((p) => p.length > 0) ? { peepholes } : {}),
              activations: [o.activation, g.activation, squash.op],
              hState: hk,
              cState: ck,
            };
          }
        }
      }
    }
  }
  return undefined;
}

/** h' = (1 − z) n + z h, with the candidate n reading r before (0) or after (1) the recurrent product. */
function matchGru(r: StepReader, x: NodeId, H: NodeId, h: NodeId): Omit<StandardCell, 'hidden' | 'input'> | undefined {
  for (const [newPart, keptPart] of r.operands(H, 'add')) {
    for (const [zId, hPrev] of r.operands(keptPart, 'mul')) {
      if (hPrev !== h) continue;
      for (const [oneMinusZ, nId] of r.operands(newPart, 'mul')) {
        const complement = r.node(oneMinusZ);
        if (!isOp(complement, 'sub') || !r.isConstant(complement.inputs[0], 1) || complement.inputs[1] !== zId)
          continue;
        const [z, n] = [r.gate(zId), r.gate(nId)];
        if (!z || !n || !only(z.form, [x, h])) continue;
        const candidate = matchCandidate(r, n.form, x, h, z.activation);
        if (!candidate) continue;
        return {
          op: 'GRU',
          gates: [weightsOf(z.form, x, h), candidate.reset, candidate.weights],
          activations: [z.activation, n.activation],
          linearBeforeReset: candidate.linearBeforeReset,
          hState: 0,
        };
      }
    }
  }
  return undefined;
}

function matchCandidate(
  r: StepReader,
  form: Affine,
  x: NodeId,
  h: NodeId,
  activation: string,
): { reset: GateWeights; weights: GateWeights; linearBeforeReset: 0 | 1 } | undefined {
  const resetGate = (id: NodeId) => {
    const gate = r.gate(id);
    return gate && gate.activation === activation && only(gate.form, [x, h]) ? gate : undefined;
  };
  if (form.peepholes.length > 0) return undefined;
  if (form.others.length === 1 && form.products.every((p) => p.of === x)) {
    // n = g(W x + b + r ⊙ (R h + b_R))
    for (const [rId, recurrent] of r.operands(form.others[0], 'mul')) {
      const reset = resetGate(rId);
      const inner = r.affine(recurrent);
      if (!reset || !only(inner, [h]) || inner.peepholes.length > 0) continue;
      const weights = weightsOf({ ...form, others: [] }, x, h);
      return {
        reset: weightsOf(reset.form, x, h),
        weights: {
          ...weights,
          recurrent: inner.products.map((p) => p.weight),
          recurrentBias: inner.biases,
          inputBias: form.biases,
        },
        linearBeforeReset: 1,
      };
    }
    return undefined;
  }
  // n = g(W x + R (r ⊙ h) + b)
  const scaled = form.products.filter((p) => p.of !== x);
  if (form.others.length > 0 || scaled.length === 0 || new Set(scaled.map((p) => p.of)).size !== 1) return undefined;
  for (const [rId, hPrev] of r.operands(scaled[0].of, 'mul')) {
    const reset = resetGate(rId);
    if (!reset || hPrev !== h) continue;
    return { reset: weightsOf(reset.form, x, h), weights: weightsOf(form, x, scaled[0].of), linearBeforeReset: 0 };
  }
  return undefined;
}

/** The ONNX recurrent operator a scan is exactly, or undefined. */
export function matchStandardCell(
  scan: Node<'scan'>,
  sizes: Readonly<Record<string, number>>,
): StandardCell | undefined {
  const a = scan.attrs;
  if (a.nSeq !== 1 || a.truncate || (a.nState !== 1 && a.nState !== 2)) return undefined;
  const body = a.body;
  const steps = body.outputs.filter((o) => o.role !== 'next_state');
  const next = body.outputs.filter((o) => o.role === 'next_state').map((o) => o.node);
  if (steps.length !== 1 || next.length !== a.nState) return undefined;
  const r = new StepReader(body, scan, sizes);
  const x = body.nodes.find((n) => isOp(n, 'arg') && n.attrs.index === 0);
  const states = Array.from({ length: a.nState }, (_, k) => stateArg(r, k));
  if (!x || x.type.kind !== 'tensor' || x.type.shape.length !== 1 || !x.type.batched) return undefined;
  for (const s of states) {
    const t = s === undefined ? undefined : r.node(s).type;
    if (!t || t.kind !== 'tensor' || t.shape.length !== 1 || !t.batched) return undefined;
  }
  const output = steps[0].node;
  let cell: Omit<StandardCell, 'hidden' | 'input'> | undefined;
  if (a.nState === 2) cell = matchLstm(r, x.id, next, output);
  else if (next[0] === output && states[0] !== undefined) {
    cell = matchGru(r, x.id, next[0], states[0]);
    const plain = cell ? undefined : r.gate(next[0]);
    if (plain && only(plain.form, [x.id, states[0]]))
      cell = { op: 'RNN', gates: [weightsOf(plain.form, x.id, states[0])], activations: [plain.activation], hState: 0 };
  }
  if (!cell) return undefined;
  const hidden = r.rows(states[cell.hState] as NodeId);
  const input = r.rows(x.id);
  // Every weight is a block of hidden rows; ONNX packs them per gate.
  const blocks = [
    ...cell.gates.flatMap((g) => [...g.input, ...g.recurrent, ...g.inputBias, ...g.recurrentBias]),
    ...(cell.peepholes ?? []).flat(),
  ];
  if (!blocks.every((b) => b.end - b.start === hidden)) return undefined;
  return { ...cell, hidden, input };
}
