/**
 * Variable-length batches: the model graph rewritten so that each sample of a
 * batch runs for its own number of steps along the chosen time axes, as
 * PyTorch's packed sequences, cuDNN's and ONNX's `sequence_lens` do.
 *
 * The lengths arrive as one more input per axis (`input` with role `lengths`,
 * one number per sample), and everything else is made of ops every backend and
 * the gradient already have:
 * - the step mask `positions(x) < lengths` is one more sequence of the scan;
 * - a state past a sample's end keeps its value (`where(m, s', s)`), so the
 *   final state is the state at the sample's own last step, and a reverse scan
 *   starts each sample at its own last step (its state stays the initial one
 *   until then);
 * - per-step outputs past the end are zero (`y · m`), as are model outputs
 *   along the axis;
 * - `returns last` of a forward layer is the output at each sample's own last
 *   step, picked by the mask `positions(x) == lengths − 1`;
 * - a loss along the axis averages over real steps only (`reduce sum` sums them);
 * - `T`, the number of steps a cell reads, is each sample's own length;
 * - reductions along the axis (pooling in a model, attention over a memory in a
 *   step) read each sample's real positions only.
 *
 * Gradients need nothing new: `where` sends the adjoint to the branch taken and
 * the masks pass none, so a frozen state carries its gradient back unchanged.
 */
import { UserError } from '../diagnostics.js';
import { GraphBuilder } from './builder.js';
import { type Graph, isOp, type Node, type NodeId, type ScanAttrs } from './graph.js';
import { type TensorType, tensorType } from './types.js';

/** The type of a time axis's lengths: one number per sample. */
export const lengthsType: TensorType = tensorType([], { batched: true });

/**
 * The name a backend that treats the lengths as one more input gives them (the WGSL host's
 * buffers): a space keeps it apart from every name of the source.
 */
export function lengthsKey(axis: string): string {
  return `lengths of ${axis}`;
}

/** Whether a node of a model graph is the lengths of a time axis. */
export function isLengths(node: Node): node is Node<'input'> {
  return isOp(node, 'input') && node.attrs.role === 'lengths';
}

/** The time axes a graph takes lengths for, in the order their inputs appear. */
export function lengthAxes(graph: Graph): string[] {
  return graph.nodes.filter(isLengths).map((n) => n.attrs.name);
}

/**
 * The graph with per-sample lengths along `axes`. A memory (a sequence a step
 * reads whole) along one of these axes gets its positions' mask as one more
 * invariant, which the step's reductions along it read (maskedReductions).
 */
export function withLengths(graph: Graph, axes: readonly string[]): Graph {
  const ragged = new Set(axes);
  const b = new GraphBuilder();
  const mapped: NodeId[] = [];
  const lengthInputs = new Map<string, NodeId>();
  const stepMasks = new Map<string, NodeId>();
  const lastMasks = new Map<string, NodeId>();
  const typeOf = (id: NodeId) => b.typeOf(id) as TensorType;

  const lengthsOf = (axis: string): NodeId => {
    let id = lengthInputs.get(axis);
    if (id === undefined) {
      id = b.add('input', [], { name: axis, role: 'lengths', type: lengthsType }, { label: `lengths of ${axis}` });
      lengthInputs.set(axis, id);
    }
    return id;
  };
  /** 1 at the steps a sample runs, 0 past its length; `along` is any sequence on the axis. */
  const stepMask = (axis: string, along: NodeId): NodeId => {
    let id = stepMasks.get(axis);
    if (id === undefined) {
      const positions = b.add('positions', [along], { count: false }, { label: 't' });
      id = b.add('less', [positions, lengthsOf(axis)], {}, { label: `steps of ${axis}` });
      stepMasks.set(axis, id);
    }
    return id;
  };
  /** 1 at each sample's last step. */
  const lastMask = (axis: string, along: NodeId): NodeId => {
    let id = lastMasks.get(axis);
    if (id === undefined) {
      const positions = b.add('positions', [along], { count: false }, { label: 't' });
      const one = b.add('const', [], { value: 1, type: tensorType([]) });
      const last = b.add('sub', [lengthsOf(axis), one], {}, { label: `last step of ${axis}` });
      id = b.add('equal', [positions, last], {}, { label: `last step of ${axis}` });
      lastMasks.set(axis, id);
    }
    return id;
  };
  const raggedAxis = (id: NodeId): string | undefined => {
    const time = typeOf(id).time;
    return time !== null && ragged.has(time) ? time : undefined;
  };

  /** For each rewritten scan: which of its per-step outputs must be picked at each sample's last step. */
  const pickLast = new Map<NodeId, { axis: string; nState: number; outputs: Set<number> }>();
  for (const node of graph.nodes) {
    const meta = { ...(node.span ? { span: node.span } : {}), ...(node.label ? { label: node.label } : {}) };
    const inputs = node.inputs.map((i) => mapped[i]);
    if (isOp(node, 'scan')) {
      let attrs = node.attrs;
      let scanInputs = inputs;
      // Memories along ragged axes: each axis's mask is one more invariant, and the step's
      // reductions along the axis (sum, mean, max, softmax's) read it.
      const invariants = inputs.slice(attrs.nSeq + attrs.nState);
      const memoryAxes = new Map<string, NodeId>();
      for (const id of invariants) {
        const axis = raggedAxis(id);
        if (axis !== undefined && !memoryAxes.has(axis)) memoryAxes.set(axis, stepMask(axis, id));
      }
      if (memoryAxes.size > 0) {
        const first = attrs.nSeq + attrs.nState + attrs.nInvariant;
        const argOf = new Map([...memoryAxes.keys()].map((axis, k) => [axis, first + k]));
        attrs = { ...attrs, body: maskedReductions(attrs.body, argOf), nInvariant: attrs.nInvariant + argOf.size };
        scanInputs = [...inputs, ...memoryAxes.values()];
      }
      if (!ragged.has(attrs.time)) {
        mapped[node.id] = b.add('scan', scanInputs, attrs, meta);
        continue;
      }
      const { nSeq, nState } = attrs;
      const mask = stepMask(attrs.time, inputs[0]);
      const forwardLast = attrs.keep.flatMap((k, j) => (k === 'last' && !attrs.reverse ? [j] : []));
      const scanAttrs: ScanAttrs = {
        ...attrs,
        body: maskedStep(attrs.body, nSeq, nState, (index) => (index < nSeq ? typeOf(inputs[index]) : undefined)),
        nSeq: nSeq + 1,
        keep: attrs.keep.map((k, j) => (forwardLast.includes(j) ? 'all' : k)),
        ragged: true,
      };
      mapped[node.id] = b.add('scan', [...scanInputs.slice(0, nSeq), mask, ...scanInputs.slice(nSeq)], scanAttrs, meta);
      if (forwardLast.length > 0) pickLast.set(node.id, { axis: attrs.time, nState, outputs: new Set(forwardLast) });
      continue;
    }
    if (isOp(node, 'get') && pickLast.has(node.inputs[0])) {
      const { axis, nState, outputs } = pickLast.get(node.inputs[0]) as {
        axis: string;
        nState: number;
        outputs: Set<number>;
      };
      const all = b.add('get', inputs, node.attrs, meta);
      if (!outputs.has(node.attrs.index - nState)) {
        mapped[node.id] = all;
        continue;
      }
      const picked = b.add('mul', [all, lastMask(axis, all)], {}, meta);
      mapped[node.id] = b.add('unbroadcast', [picked], { type: { ...typeOf(all), time: null }, mean: false }, meta);
      continue;
    }
    if (isOp(node, 'reduce_lead') && raggedAxis(inputs[0]) !== undefined) {
      const axis = raggedAxis(inputs[0]) as string;
      const mask = stepMask(axis, inputs[0]);
      const total = b.add('reduce_lead', [b.add('mul', [inputs[0], mask], {}, meta)], { mode: 'sum' }, meta);
      mapped[node.id] =
        node.attrs.mode === 'sum'
          ? total
          : b.add('div', [total, b.add('reduce_lead', [mask], { mode: 'sum' }, { label: 'real steps' })], {}, meta);
      continue;
    }
    const along = inputs.length > 0 ? raggedAxis(inputs[0]) : undefined;
    const reduced =
      along !== undefined ? maskedReduction(b, node, inputs, stepMask(along, inputs[0]), meta) : undefined;
    if (reduced !== undefined) {
      mapped[node.id] = reduced;
      continue;
    }
    if (isOp(node, 'positions') && node.attrs.count && raggedAxis(inputs[0]) !== undefined) {
      // T, the number of steps a cell reads, is each sample's own.
      const axis = raggedAxis(inputs[0]) as string;
      const type = { ...lengthsType, time: axis };
      mapped[node.id] = b.add('broadcast_to', [lengthsOf(axis)], { type, mean: false }, meta);
      continue;
    }
    mapped[node.id] = b.add(node.op, inputs, node.attrs as never, meta);
  }
  for (const out of graph.outputs) {
    const id = mapped[out.node];
    const axis = out.role === 'output' ? raggedAxis(id) : undefined;
    b.output(
      out.name,
      axis === undefined ? id : b.add('mul', [id, stepMask(axis, id)], {}, { label: out.name }),
      out.role,
    );
  }
  for (const axis of ragged) {
    if (!lengthInputs.has(axis)) throw new UserError(`the model has no sequence along ${axis} to take lengths for`);
  }
  return b.build();
}

/**
 * A step that reads the mask as one more sequence (after the others) and keeps
 * each state where the mask is 0, zeroing the per-step outputs there.
 */
function maskedStep(
  body: Graph,
  nSeq: number,
  nState: number,
  sequenceType: (index: number) => TensorType | undefined,
): Graph {
  const b = new GraphBuilder();
  const mask = b.add('arg', [], { index: nSeq, type: lengthsType }, { label: 'running' });
  const mapped: NodeId[] = [];
  const stateArgs = new Map<number, NodeId>();
  for (const node of body.nodes) {
    const meta = { ...(node.span ? { span: node.span } : {}), ...(node.label ? { label: node.label } : {}) };
    if (isOp(node, 'arg')) {
      const index = node.attrs.index;
      // A sequence that became per sample (T, each sample's own length) is read per sample.
      const given = sequenceType(index);
      const type =
        given && given.batched && !node.attrs.type.batched ? { ...node.attrs.type, batched: true } : node.attrs.type;
      mapped[node.id] = b.add('arg', [], { index: index >= nSeq ? index + 1 : index, type }, meta);
      if (index >= nSeq && index < nSeq + nState) stateArgs.set(index - nSeq, mapped[node.id]);
      continue;
    }
    mapped[node.id] = b.add(
      node.op,
      node.inputs.map((i) => mapped[i]),
      node.attrs as never,
      meta,
    );
  }
  body.outputs.forEach((out, k) => {
    const value = mapped[out.node];
    const label = body.nodes[out.node].label ?? out.name;
    if (k < nState) {
      const previous =
        stateArgs.get(k) ??
        b.add('arg', [], { index: nSeq + 1 + k, type: b.typeOf(value) as TensorType }, { label: `${out.name} before` });
      b.output(out.name, b.add('where', [mask, value, previous], {}, { label }), out.role);
    } else b.output(out.name, b.add('mul', [value, mask], {}, { label }), out.role);
  });
  return b.build();
}

/**
 * A step whose reductions along the given axes (a memory's positions) leave out the
 * positions past each sample's length; the masks are the arguments `argOf` names.
 */
function maskedReductions(body: Graph, argOf: ReadonlyMap<string, number>): Graph {
  const b = new GraphBuilder();
  const masks = new Map(
    [...argOf].map(([axis, index]) => [
      axis,
      b.add('arg', [], { index, type: { ...lengthsType, time: axis } }, { label: `positions of ${axis}` }),
    ]),
  );
  const mapped: NodeId[] = [];
  for (const node of body.nodes) {
    const meta = { ...(node.span ? { span: node.span } : {}), ...(node.label ? { label: node.label } : {}) };
    const inputs = node.inputs.map((i) => mapped[i]);
    const time = inputs.length > 0 ? (b.typeOf(inputs[0]) as TensorType).time : null;
    const mask = time !== null ? masks.get(time) : undefined;
    mapped[node.id] =
      (mask !== undefined ? maskedReduction(b, node, inputs, mask, meta) : undefined) ??
      b.add(node.op, inputs, node.attrs as never, meta);
  }
  for (const out of body.outputs) b.output(out.name, mapped[out.node], out.role);
  return b.build();
}

/**
 * A reduction over a time axis (`unbroadcast` to a type without it, `time_max`) that reads
 * only the positions where `mask` is 1: a sum of the masked values, a mean over the real
 * positions, a maximum of the real values. Undefined for any other node.
 */
function maskedReduction(
  b: GraphBuilder,
  node: Node,
  inputs: readonly NodeId[],
  mask: NodeId,
  meta: { span?: Node['span']; label?: string },
): NodeId | undefined {
  if (isOp(node, 'unbroadcast') && node.attrs.type.time === null) {
    const total = b.add(
      'unbroadcast',
      [b.add('mul', [inputs[0], mask], {})],
      { type: node.attrs.type, mean: false },
      meta,
    );
    if (!node.attrs.mean) return total;
    const type = { ...node.attrs.type, shape: [] };
    return b.add('div', [total, b.add('unbroadcast', [mask], { type, mean: false })], {}, meta);
  }
  if (isOp(node, 'time_max')) {
    // Past the end, the lowest finite f32, so a real position is always the maximum.
    const lowest = b.add('const', [], { value: -3.4e38, type: tensorType([]) });
    return b.add('time_max', [b.add('where', [mask, inputs[0], lowest], {})], {}, meta);
  }
  return undefined;
}
