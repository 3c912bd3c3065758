/**
 * The gradient of a scan is a reverse scan. Its step (the "backward step")
 * is the VJP of the forward step: it carries dL/d(state) back in time,
 * accumulates the invariants' (params') gradients in its carry, and emits
 * dL/dx_t at each step.
 *
 * The backward step needs forward values of the same step. Each is fetched
 * on demand, in one of two ways:
 * - saved: the forward scan gains the value as an extra per-step output,
 *   and the backward step reads it as a sequence input (the default);
 * - rematerialized: the backward step recomputes it from the step's inputs
 *   (`remat`), so only the state history is kept.
 * Either way only values the op records' `saves` declare are ever fetched.
 * The state before each step is read from the layer's own output sequence,
 * shifted by one step, when the output is that state, instead of being saved.
 */
import type { SourceSpan } from '../diagnostics.js';
import { GraphBuilder } from '../ir/builder.js';
import { Dim } from '../ir/dims.js';
import { type Graph, isOp, type Node, type NodeId, type ScanAttrs } from '../ir/graph.js';
import { scanArgTypes } from '../ir/ops/scan.js';
import { scalarType, type TensorType } from '../ir/types.js';
import { activeNodes, backprop, GradError } from './walk.js';

export interface ScanGradOptions {
  /** Recompute forward values in the backward step instead of saving them. */
  readonly remat: boolean;
  /** Truncated BPTT: the backward scan runs at most this many steps. */
  readonly truncate?: number;
  /** Also return dL/d(state) at every step, for gradient-flow analysis. */
  readonly stateAdjoints?: boolean;
  /** Which of the scan's inputs depend on something differentiated (all, when not given). */
  readonly activeInputs?: readonly boolean[];
}

export interface SavedValue {
  /** The name it has in the source (`i`, `c'`), if any. */
  readonly label?: string;
  /** Where it is computed, to show its source text when it has no name. */
  readonly span?: SourceSpan;
  readonly shape: readonly Dim[];
  readonly batched: boolean;
}

/** What one scan keeps per step for its gradient. */
export interface SavedValues {
  readonly layer: string;
  readonly remat: boolean;
  /** Each saved per-step value: what it is and its per-sample shape. */
  readonly values: readonly SavedValue[];
  /** Previous states read from the layer's output instead of being saved. */
  readonly fromOutput: readonly string[];
}

type Role = 'seq' | 'state' | 'invariant';

interface BackwardArg {
  readonly role: Role;
  readonly node: NodeId;
  /** The value the reverse scan passes for this argument, in the outer graph (made once needed). */
  readonly outer: () => NodeId;
}

/** Builds the backward step's arguments lazily, grouped by role once complete. */
class ArgTable {
  readonly args: BackwardArg[] = [];
  private readonly byKey = new Map<string, NodeId>();

  constructor(private readonly b: GraphBuilder) {}

  get(key: string, role: Role, type: TensorType, outer: () => NodeId, label: string): NodeId {
    const known = this.byKey.get(key);
    if (known !== undefined) return known;
    const node = this.b.add('arg', [], { index: this.args.length, type }, { label });
    this.args.push({ role, node, outer });
    this.byKey.set(key, node);
    return node;
  }

  ordered(role: Role): BackwardArg[] {
    return this.args.filter((a) => a.role === role);
  }
}

/**
 * The backward step as a closed graph: arguments renumbered into [seqs,
 * states, invariants], outputs the next carry then the per-step values.
 */
function closeStep(
  b: GraphBuilder,
  table: ArgTable,
  carry: readonly { name: string; node: NodeId }[],
  perStep: readonly { name: string; node: NodeId }[],
): Graph {
  const order = [...table.ordered('seq'), ...table.ordered('state'), ...table.ordered('invariant')];
  const index = new Map(order.map((a, k) => [a.node, k]));
  const nodes = b
    .build()
    .nodes.map((n) =>
      isOp(n, 'arg') ? ({ ...n, attrs: { ...n.attrs, index: index.get(n.id) as number } } as Node) : n,
    );
  return {
    nodes,
    outputs: [
      ...carry.map((o) => ({ ...o, role: 'next_state' as const })),
      ...perStep.map((o) => ({ ...o, role: 'step_output' as const })),
    ],
  };
}

export function scanVjp(
  outer: GraphBuilder,
  node: Node<'scan'>,
  itemAdjoints: readonly (NodeId | undefined)[],
  options: ScanGradOptions,
  report: SavedValues[],
): (NodeId | null)[] {
  const A: ScanAttrs = node.attrs;
  const { body, nSeq, nState, nInvariant } = A;
  const nOut = body.outputs.length - nState;
  const argTypes = scanArgTypes(A);
  const stepType = (id: NodeId) => body.nodes[id].type as TensorType;
  const outerInput = (k: number) => node.inputs[k];

  const b = new GraphBuilder();
  const table = new ArgTable(b);
  const savedIds: NodeId[] = [];
  const historyNeeded = new Set<number>();
  const copies = new Map<NodeId, NodeId>();

  // Filled in once the forward scan has its extra outputs.
  const savedOuter = new Map<NodeId, NodeId>();
  const historyOuter = new Map<number, NodeId>();

  /** A forward value of this step, as the backward step sees it. */
  const forward = (id: NodeId): NodeId => {
    const n = body.nodes[id];
    if (isOp(n, 'arg')) {
      const k = n.attrs.index;
      const label = n.label ?? `arg${k}`;
      if (k < nSeq) return table.get(`x${k}`, 'seq', n.attrs.type, () => outerInput(k), label);
      if (k < nSeq + nState) {
        historyNeeded.add(k - nSeq);
        return table.get(
          `prev${k}`,
          'seq',
          n.attrs.type,
          () => historyOuter.get(k - nSeq) as NodeId,
          `${label} (previous)`,
        );
      }
      return table.get(`inv${k}`, 'invariant', n.attrs.type, () => outerInput(k), label);
    }
    // With remat every value is recomputed in the backward step; a constant always is, rather than
    // saved once a step (which would also make it a step output of the forward scan), and so is a
    // value along a memory's axis (attention scores), which a per-step output could not stack.
    const alongMemory = n.type.kind === 'tensor' && n.type.time !== null;
    if (options.remat || isOp(n, 'const') || alongMemory) {
      const known = copies.get(id);
      if (known !== undefined) return known;
      const copy = b.add(n.op, n.inputs.map(forward), n.attrs as never, {
        ...(n.span ? { span: n.span } : {}),
        ...(n.label ? { label: n.label } : {}),
      });
      copies.set(id, copy);
      return copy;
    }
    if (n.op === 'scan' || n.type.kind !== 'tensor')
      throw new GradError('a scan inside a scan cannot be differentiated', n.span);
    if (!savedIds.includes(id)) savedIds.push(id);
    return table.get(`saved${id}`, 'seq', stepType(id), () => savedOuter.get(id) as NodeId, n.label ?? `%${id}`);
  };

  // Every reverse scan walks the same time axis as the forward one; x_0 guarantees it has a sequence.
  table.get(
    'x0',
    'seq',
    argTypes[0],
    () => outerInput(0),
    body.nodes.find((n) => isOp(n, 'arg') && n.attrs.index === 0)?.label ?? 'x',
  );

  // Seeds: the carried state adjoints, and each output's adjoint at this step.
  const seeds = new Map<NodeId, NodeId>();
  const seed = (target: NodeId, g: NodeId) => {
    const known = seeds.get(target);
    seeds.set(target, known === undefined ? g : b.add('add', [known, g], {}));
  };
  for (let s = 0; s < nState; s++) {
    const type = argTypes[nSeq + s];
    const given = itemAdjoints[s];
    const initial = () => given ?? outer.add('const', [], { value: 0, type });
    seed(body.outputs[s].node, table.get(`dS${s}`, 'state', type, initial, `∂${A.stateNames[s]}`));
  }
  for (let j = 0; j < nOut; j++) {
    const g = itemAdjoints[nState + j];
    if (g === undefined) continue;
    const outNode = body.outputs[nState + j].node;
    const lastStep = () => outer.add('time_place', [g], { index: A.reverse ? 0 : -1, time: A.time });
    const outerSeq = A.keep[j] === 'all' ? () => g : lastStep;
    seed(outNode, table.get(`dY${j}`, 'seq', stepType(outNode), outerSeq, `∂${body.outputs[nState + j].name}`));
  }

  // A state carries what the step makes of active values, so every state argument is active;
  // a sequence or invariant is as its outer input is.
  const activeArg = (k: number) => (k >= nSeq && k < nSeq + nState) || (options.activeInputs?.[k] ?? true);
  const adjoints = backprop(
    {
      graph: body,
      builder: b,
      forward,
      active: activeNodes(body, (n) => isOp(n, 'arg') && activeArg(n.attrs.index)),
      scan: (inner) => {
        throw new GradError('a scan inside a scan cannot be differentiated', inner.span);
      },
    },
    seeds,
  );

  // Outputs of the backward step: the carry (state adjoints, then param accumulators), then dx_t.
  const argNode = (k: number) => body.nodes.find((n) => isOp(n, 'arg') && n.attrs.index === k);
  const carryOut: { name: string; node: NodeId }[] = [];
  for (let s = 0; s < nState; s++) {
    const arg = argNode(nSeq + s);
    const g = arg && adjoints.get(arg.id);
    carryOut.push({
      name: `∂${A.stateNames[s]}`,
      node: g ?? b.add('const', [], { value: 0, type: argTypes[nSeq + s] }),
    });
  }
  const accumulated: number[] = [];
  for (let j = 0; j < nInvariant; j++) {
    const k = nSeq + nState + j;
    const arg = argNode(k);
    const g = arg && adjoints.get(arg.id);
    if (g === undefined) continue;
    const type = argTypes[k];
    // A memory's gradient is a sequence of its own; a constant cannot be one, so zeros are spread out to it.
    const zeros = () =>
      type.time === null
        ? outer.add('const', [], { value: 0, type })
        : outer.add('broadcast_to', [outer.add('const', [], { value: 0, type: scalarType })], { type, mean: false });
    const acc = table.get(`acc${j}`, 'state', type, zeros, `∂${arg?.label ?? `param${j}`}`);
    carryOut.push({ name: `∂${arg?.label ?? `param${j}`}`, node: b.add('add', [acc, g], {}) });
    accumulated.push(k);
  }
  const perStep: { name: string; node: NodeId; input: number }[] = [];
  for (let k = 0; k < nSeq; k++) {
    const arg = argNode(k);
    const g = arg && adjoints.get(arg.id);
    if (g !== undefined) perStep.push({ name: `∂${arg?.label ?? `x${k}`}`, node: g, input: k });
  }
  // dL/d(state after step t), from later steps and from this step's outputs: what gradient-flow analysis plots.
  const history = options.stateAdjoints
    ? Array.from({ length: nState }, (_, s) => ({
        name: `∂${A.stateNames[s]} per step`,
        node: adjoints.get(body.outputs[s].node) ?? b.add('const', [], { value: 0, type: argTypes[nSeq + s] }),
        input: -1,
      }))
    : [];

  // The forward scan gains the saved values and the state histories it cannot take from its outputs.
  type Extra = { kind: 'saved'; id: NodeId } | { kind: 'history'; state: number };
  const extras: Extra[] = savedIds.map((id) => ({ kind: 'saved', id }));
  const shifted = new Map<number, number>();
  for (const s of [...historyNeeded].sort((a, c) => a - c)) {
    const nextState = body.outputs[s].node;
    const j = body.outputs.slice(nState).findIndex((o, jj) => o.node === nextState && A.keep[jj] === 'all');
    if (j >= 0) shifted.set(s, j);
    else extras.push({ kind: 'history', state: s });
  }
  const extraNode = (e: Extra) => (e.kind === 'saved' ? e.id : (argNode(nSeq + e.state) as Node).id);
  // The nodes one function call makes share its label (softmax's exp and sum): a second one gets its id too.
  const savedLabels = savedIds.map((id) => body.nodes[id].label ?? `%${id}`);
  const extraName = (e: Extra) => {
    if (e.kind === 'history') return `previous ${A.stateNames[e.state]}`;
    const label = body.nodes[e.id].label ?? `%${e.id}`;
    return savedLabels.filter((l) => l === label).length > 1 ? `saved ${label} (%${e.id})` : `saved ${label}`;
  };
  if (extras.length > 0) {
    const augmented: Graph = {
      nodes: body.nodes,
      outputs: [
        ...body.outputs,
        ...extras.map((e) => ({ name: extraName(e), node: extraNode(e), role: 'step_output' as const })),
      ],
    };
    outer.replaceAttrs<'scan'>(node.id, {
      ...A,
      body: augmented,
      keep: [...A.keep, ...extras.map(() => 'all' as const)],
    });
  }
  extras.forEach((e, k) => {
    const item = outer.add('get', [node.id], { index: nState + nOut + k }, { label: `${A.layer}: ${extraName(e)}` });
    if (e.kind === 'saved') savedOuter.set(e.id, item);
    else historyOuter.set(e.state, item);
  });
  for (const [s, j] of shifted) {
    const outputs = outer.add('get', [node.id], { index: nState + j });
    const previous = outer.add(
      'time_shift',
      [outputs, outerInput(nSeq + s)],
      { reverse: A.reverse },
      {
        label: `${A.layer}: previous ${A.stateNames[s]}`,
      },
    );
    historyOuter.set(s, previous);
  }

  report.push({
    layer: A.layer,
    remat: options.remat,
    values: [
      ...savedIds.map((id) => {
        const { label, span } = body.nodes[id];
        const t = stepType(id);
        return { ...(label ? { label } : {}), ...(span ? { span } : {}), shape: t.shape, batched: t.batched };
      }),
      ...[...historyNeeded]
        .filter((s) => !shifted.has(s))
        .map((s) => ({ label: `${A.stateNames[s]} (previous)`, shape: argTypes[nSeq + s].shape, batched: true })),
    ],
    fromOutput: [...shifted.keys()].map((s) => A.stateNames[s]),
  });

  // The reverse scan.
  const step = closeStep(b, table, carryOut, [...perStep, ...history]);
  const seqArgs = table.ordered('seq');
  const carryArgs = table.ordered('state');
  const invArgs = table.ordered('invariant');
  const reverse = outer.add(
    'scan',
    [...seqArgs.map((a) => a.outer()), ...carryArgs.map((a) => a.outer()), ...invArgs.map((a) => a.outer())],
    {
      body: step,
      nSeq: seqArgs.length,
      nState: carryArgs.length,
      nInvariant: invArgs.length,
      reverse: !A.reverse,
      keep: [...perStep, ...history].map(() => 'all' as const),
      time: A.time,
      layer: `∂${A.layer}`,
      stateNames: carryOut.map((c) => c.name),
      // A sample past its length gets no adjoint from its outputs, so its carried adjoints keep their values.
      ...(A.ragged ? { ragged: true } : {}),
      ...(options.truncate !== undefined && options.truncate >= 0
        ? { truncate: { steps: options.truncate, cut: nState } }
        : {}),
    },
    { label: `∂${A.layer}`, ...(node.span ? { span: node.span } : {}) },
  );

  const grads: (NodeId | null)[] = node.inputs.map(() => null);
  for (let s = 0; s < nState; s++)
    grads[nSeq + s] = outer.add('get', [reverse], { index: s }, { label: `∂${A.stateNames[s]} initial` });
  accumulated.forEach((k, m) => {
    grads[k] = outer.add('get', [reverse], { index: nState + m });
  });
  perStep.forEach((p, m) => {
    grads[p.input] = outer.add('get', [reverse], { index: carryOut.length + m });
  });
  history.forEach((_h, s) => {
    const id = outer.add('get', [reverse], { index: carryOut.length + perStep.length + s });
    outer.output(`grad:steps:${stateName(outer, node, s)}`, id, 'gradient');
  });
  return grads;
}

/** The name a layer's state goes by in the model (`enc.h`): its initial state's name. */
function stateName(outer: GraphBuilder, node: Node<'scan'>, s: number): string {
  const init = outer.node(node.inputs[node.attrs.nSeq + s]);
  return isOp(init, 'state_init') ? init.attrs.name : `${node.attrs.layer}.${node.attrs.stateNames[s]}`;
}

/** Floats a scan saves per step per batch element, as a size expression when it is linear. */
export function savedFloats(values: SavedValues['values']): {
  symbolic: string | null;
  evaluate: (sizes: Record<string, number>) => number;
} {
  let total = Dim.of(0);
  let linear = true;
  for (const v of values) {
    if (v.shape.length === 0) total = total.add(Dim.of(1));
    else if (v.shape.length === 1) total = total.add(v.shape[0]);
    else linear = false;
  }
  return {
    symbolic: linear ? total.toString() : null,
    evaluate: (sizes) => values.reduce((acc, v) => acc + v.shape.reduce((p, d) => p * d.evaluate(sizes), 1), 0),
  };
}
