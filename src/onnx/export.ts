/**
 * A model as an ONNX model: its forward graph (the loss left out unless asked for), its
 * params as initializers, dynamic batch and time axes, inputs and outputs named as in the
 * source, and the source as the doc string.
 */
import type { ModelInfo } from '../frontend/model.js';
import { keepOutputs } from '../ir/prune.js';
import { type Graph, isOp, type Node, tensorOf } from '../ir/graph.js';
import type { Tensor } from '../tensor/tensor.js';
import { type GraphExport, writeNodes } from './export-graph.js';
import { encodeModel, type OnnxModel, type OnnxNode, type OnnxValueInfo } from './proto.js';
import { type ElementType, floatTensor, GraphWriter, Names } from './writer.js';

/** The opset rnnc writes (ONNX 1.12) and the IR version that goes with it. */
export const opsetVersion = 17;
export const irVersion = 8;

export interface ExportModelOptions {
  readonly dtype: ElementType;
  readonly sizes: Readonly<Record<string, number>>;
  readonly params: Readonly<Record<string, Tensor>>;
  /** Keep the targets as inputs and the loss as an output. */
  readonly keepLoss: boolean;
  /** Write every layer as a Scan, never as an ONNX LSTM, GRU or RNN. */
  readonly scanOnly: boolean;
  /** Each state that starts from its declared value (not from another layer) is an input `<state>.initial`. */
  readonly stateInputs: boolean;
  readonly source: { readonly file: string; readonly text: string };
  readonly producerVersion: string;
}

export interface ExportedModel {
  readonly bytes: Uint8Array;
  readonly model: OnnxModel;
  /** Each recurrent layer and what it became: `LSTM`, `GRU`, `RNN` or `Scan`. */
  readonly forms: readonly { readonly layer: string; readonly form: string }[];
  readonly inputs: readonly OnnxValueInfo[];
  readonly outputs: readonly OnnxValueInfo[];
}

export function exportModel(model: ModelInfo, options: ExportModelOptions): ExportedModel {
  const forward = options.keepLoss ? model.graph : keepOutputs(model.graph, (o) => o.role !== 'loss');
  const graph = options.stateInputs ? withStateInputs(forward) : forward;
  const names = new Names();
  const sources = graph.nodes.filter((n) => isOp(n, 'input') || isOp(n, 'param'));
  for (const name of [...sources.map((n) => (n.attrs as { name: string }).name), ...graph.outputs.map((o) => o.name)]) {
    if (!names.claim(name)) throw new Error(`the name ${name} is used twice`);
  }
  const context = { names, dtype: options.dtype, sizes: options.sizes, batchAxis: 'batch' };
  const w = new GraphWriter(context, graph);
  const inputs: OnnxValueInfo[] = [];
  const initializers = [];
  for (const node of graph.nodes) {
    if (isOp(node, 'input') && node.attrs.role === 'noise') {
      // Served models run in eval mode: no masks are drawn, so the mode is a constant, not an input.
      w.value.set(node.id, w.floats([2], [0, 0], 'eval mode'));
    } else if (isOp(node, 'input')) {
      w.value.set(node.id, node.attrs.name);
      inputs.push(w.valueInfo(node.attrs.name, tensorOf(node)));
    } else if (isOp(node, 'param')) {
      const value = options.params[node.attrs.name];
      if (!value) throw new Error(`no value for param ${node.attrs.name}`);
      w.value.set(node.id, node.attrs.name);
      initializers.push(floatTensor(options.dtype, value.shape, value.data, node.attrs.name));
    }
  }
  const exp: GraphExport = { forms: [], scanOnly: options.scanOnly };
  writeNodes(w, exp);
  // A param no node reads (a cell's unused param, one only the pruned loss read) is left out:
  // ONNX Runtime would warn about it on every load.
  const read = namesRead(w.nodes);
  const used = initializers.filter((t) => read.has(t.name as string));
  const outputs = graph.outputs.map((o) => {
    w.nodes.push({
      input: [w.value.get(o.node) as string],
      output: [o.name],
      name: `output:${o.name}`,
      op_type: 'Identity',
    });
    return w.valueInfo(o.name, tensorOf(graph.nodes[o.node]));
  });
  const onnx: OnnxModel = {
    ir_version: irVersion,
    opset_import: [{ domain: '', version: opsetVersion }],
    producer_name: 'rnnc',
    producer_version: options.producerVersion,
    doc_string: options.source.text,
    graph: {
      name: model.name,
      node: w.nodes,
      initializer: used,
      input: inputs,
      output: outputs,
      doc_string: model.doc ?? `${model.name} from ${options.source.file}`,
    },
    metadata_props: [
      { key: 'rnnc.model', value: model.name },
      { key: 'rnnc.source', value: options.source.file },
      { key: 'rnnc.sizes', value: JSON.stringify(options.sizes) },
      { key: 'rnnc.layout', value: 'time-major: sequences are [time, batch, features]' },
    ],
  };
  return { bytes: encodeModel(onnx), model: onnx, forms: exp.forms, inputs, outputs };
}

/**
 * The graph with each state that starts from its declared value (zeros, a constant, a learned
 * initial state) read from an input instead: a served model that carries its states from call
 * to call (a decoder sampling a step at a time) feeds them back there. States that start from
 * another layer's final states (`from`) keep doing so. The declared values' nodes are pruned.
 */
function withStateInputs(graph: Graph): Graph {
  const nodes = graph.nodes.map((node): Node => {
    if (!isOp(node, 'state_init')) return node;
    const fallback = graph.nodes[node.inputs[0]].op;
    if (fallback !== 'const' && fallback !== 'broadcast_batch') return node;
    const attrs = { name: `${node.attrs.name}.initial`, role: 'input' as const, type: tensorOf(node) };
    return { ...node, op: 'input', inputs: [], attrs };
  });
  return keepOutputs({ nodes, outputs: graph.outputs }, () => true);
}

/** Every value name the nodes read, in their subgraphs (Scan bodies) too. */
function namesRead(nodes: readonly OnnxNode[], into = new Set<string>()): Set<string> {
  for (const node of nodes) {
    for (const name of node.input) into.add(name);
    for (const a of node.attribute ?? []) if (a.g) namesRead(a.g.node, into);
  }
  return into;
}
