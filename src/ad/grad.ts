/**
 * grad: a graph → graph transform. The result computes everything the model
 * graph does, plus the gradient of the loss with respect to every param
 * (`grad:<param>`), every input sequence (`grad:<input>`) and every initial
 * state (`grad:<layer.state>`). Symbolic, not a tape: scans become reverse
 * scans (src/ad/scan.ts), and clipping is part of the graph.
 */
import { GraphBuilder } from '../ir/builder.js';
import { type Graph, isOp, type NodeId } from '../ir/graph.js';
import { keepOutputs } from '../ir/prune.js';
import { scalarType, type TensorType } from '../ir/types.js';
import { verify } from '../ir/verify.js';
import { clipGradients, type ClipOptions } from './clip.js';
import { type SavedValues, scanVjp } from './scan.js';
import { activeNodes, backprop, GradError } from './walk.js';

export interface GradOptions {
  /** Recompute each step in the backward pass instead of saving its values. */
  readonly remat?: boolean;
  /** Truncated BPTT: carry gradients back at most this many steps (-1 or absent: all). */
  readonly truncate?: number;
  readonly clip?: ClipOptions;
  /** Also output dL/d(state) at every step of every scan (`grad:steps:<layer.state>`). */
  readonly stateAdjoints?: boolean;
}

export interface GradResult {
  readonly graph: Graph;
  /** Per scan, what its gradient keeps from each forward step. */
  readonly saved: readonly SavedValues[];
  /** Params the loss does not depend on (their gradient is zero). */
  readonly unused: readonly string[];
}

export const gradName = (name: string) => `grad:${name}`;

/** Inputs have gradients; targets and token ids (whole numbers) do not. */
export function differentiable(input: { readonly role: string; readonly vocabulary?: unknown }): boolean {
  return input.role === 'input' && input.vocabulary === undefined;
}

export function grad(graph: Graph, options: GradOptions = {}): GradResult {
  const loss = graph.outputs.find((o) => o.role === 'loss');
  if (!loss) throw new GradError('the model has no loss to differentiate: add a line like `loss mse(y, target)`');
  const lossType = graph.nodes[loss.node].type as TensorType;
  if (lossType.shape.length !== 0 || lossType.batched || lossType.time !== null) {
    throw new GradError('the loss must be a single number', graph.nodes[loss.node].span);
  }

  const b = GraphBuilder.from(graph);
  const saved: SavedValues[] = [];
  const truncate = options.truncate !== undefined && options.truncate >= 0 ? options.truncate : undefined;
  if (truncate === 0) throw new GradError('truncating the gradient after 0 steps would leave nothing to learn from');
  const active = activeNodes(
    graph,
    (n) => isOp(n, 'param') || isOp(n, 'state_init') || (isOp(n, 'input') && differentiable(n.attrs)),
  );
  const adjoints = backprop(
    {
      graph,
      builder: b,
      forward: (id) => id,
      active,
      scan: (node, items) =>
        scanVjp(
          b,
          node,
          items,
          {
            remat: options.remat ?? false,
            stateAdjoints: options.stateAdjoints ?? false,
            ...(truncate !== undefined ? { truncate } : {}),
            activeInputs: node.inputs.map(active),
          },
          saved,
        ),
    },
    new Map([[loss.node, b.add('const', [], { value: 1, type: scalarType }, { label: '∂loss' })]]),
  );

  const zerosLike = (id: NodeId) => {
    const type = graph.nodes[id].type as TensorType;
    if (type.time === null) return b.add('const', [], { value: 0, type });
    // A constant has no time axis: the zero gradient of an unread sequence is the sequence times 0.
    const zero = b.add('const', [], { value: 0, type: scalarType });
    return b.add('mul', [id, zero], {});
  };
  const unused: string[] = [];
  const paramGrads: { name: string; node: NodeId }[] = [];
  for (const node of graph.nodes) {
    if (isOp(node, 'param')) {
      const g = adjoints.get(node.id);
      if (g === undefined) unused.push(node.attrs.name);
      paramGrads.push({ name: node.attrs.name, node: g ?? zerosLike(node.id) });
    }
  }
  const leaves = graph.nodes.filter(
    (n) => isOp(n, 'param') || isOp(n, 'state_init') || (isOp(n, 'input') && differentiable(n.attrs)),
  );
  const lossSpan = graph.nodes[loss.node].span;
  if (paramGrads.length > 0 && unused.length === paramGrads.length) {
    throw new GradError('the loss does not depend on any param, so there is nothing to differentiate', lossSpan);
  }
  if (!leaves.some((n) => adjoints.has(n.id))) {
    throw new GradError('the loss does not depend on any param, input or initial state', lossSpan);
  }
  for (const { name, node } of clipGradients(b, paramGrads, options.clip ?? {}))
    b.output(gradName(name), node, 'gradient');
  for (const node of graph.nodes) {
    if (isOp(node, 'input') && differentiable(node.attrs)) {
      b.output(gradName(node.attrs.name), adjoints.get(node.id) ?? zerosLike(node.id), 'gradient');
    }
    if (isOp(node, 'state_init')) {
      b.output(gradName(node.attrs.name), adjoints.get(node.id) ?? zerosLike(node.id), 'gradient');
    }
  }

  const result = keepOutputs(b.build(), () => true);
  verify(result);
  return { graph: result, saved, unused };
}
