/**
 * Losses made for analysis. A lone cell has no loss of its own, so gradient
 * checks use sum(output ⊙ R) over every step with a random R (the loss of
 * PyTorch's reference data); the gradient-flow picture uses a loss at the
 * last step only, ⟨r, y_T⟩, to see how far back its gradient reaches.
 */
import { GraphBuilder } from '../ir/builder.js';
import { type Graph, isOp, type NodeId } from '../ir/graph.js';
import type { TensorType } from '../ir/types.js';
import { GradError } from './walk.js';

/**
 * The target of a made-up loss sum(y ⊙ R) is dL/dy itself, so it is named
 * after the output it weighs: `d:<output>`. With it, a gradient is a
 * vector–Jacobian product with the output's cotangent.
 */
export function probeTarget(output: string): string {
  return `d:${output}`;
}

function addProbe(graph: Graph, value: (b: GraphBuilder) => NodeId, reduce: 'sum' | 'mean', name: string): Graph {
  const b = GraphBuilder.from({ nodes: graph.nodes, outputs: graph.outputs.filter((o) => o.role !== 'loss') });
  const y = value(b);
  const type = b.typeOf(y) as TensorType;
  const target = b.add('input', [], { name, role: 'target', type }, { label: 'R' });
  let total = b.add('mul', [y, target], {});
  while ((b.typeOf(total) as TensorType).shape.length > 0) total = b.add('sum', [total], {});
  b.output('loss', b.add('reduce_lead', [total], { mode: reduce }, { label: 'loss' }), 'loss');
  return b.build();
}

/** The graph with the loss sum(y ⊙ R) over every step and sample of its first output y. */
export function withOutputLoss(graph: Graph): Graph {
  const first = graph.outputs.find((o) => o.role === 'output');
  if (!first) throw new GradError('the model has no output to put a loss on');
  return addProbe(graph, () => first.node, 'sum', probeTarget(first.name));
}

/** The first recurrent layer's output sequence, and its name. */
export function firstRecurrentOutput(graph: Graph): { layer: string; value: NodeId } {
  const scan = graph.nodes.find((n) => isOp(n, 'scan'));
  if (!scan || !isOp(scan, 'scan')) throw new GradError('the model has no recurrent layer');
  const value = graph.nodes.find(
    (n) => isOp(n, 'get') && n.inputs[0] === scan.id && n.attrs.index === scan.attrs.nState,
  );
  if (!value || (value.type as TensorType).time === null)
    throw new GradError(`layer ${scan.attrs.layer} keeps only its last step`);
  return { layer: scan.attrs.layer, value: value.id };
}

/** The graph with the loss mean over samples of ⟨r, y_T⟩, y the first recurrent layer's output. */
export function withLastStepLoss(graph: Graph): Graph {
  const { layer, value } = firstRecurrentOutput(graph);
  return addProbe(
    graph,
    (b) => b.add('time_index', [value], { index: -1 }),
    'mean',
    probeTarget(`${layer} at the last step`),
  );
}
