/**
 * An rnnc graph's nodes as ONNX nodes, recursively: each `scan` becomes an ONNX `Scan` whose
 * body is the step graph, unless it is exactly one of ONNX's recurrent operators (standard.ts),
 * which it then becomes. The lead axes of a scan body's values are its batch axis only: ONNX's
 * Scan slices the time axis off, as rnnc's does.
 */
import { isOp, type Node, type NodeId, tensorOf } from '../ir/graph.js';
import { onnxRules } from './export-ops.js';
import type { OnnxValueInfo } from './proto.js';
import { writeStandardLayer } from './standard-export.js';
import { matchStandardCell } from './standard.js';
import { attr, GraphWriter } from './writer.js';

export interface GraphExport {
  /** The recurrence of each scan: an ONNX operator (`LSTM`, `GRU`, `RNN`) or `Scan`. */
  readonly forms: { readonly layer: string; readonly form: string }[];
  /** Write every scan as a Scan, never as an ONNX recurrent operator. */
  readonly scanOnly: boolean;
}

/** Writes every node of `w.graph` whose value is not already named (sources named by the caller). */
export function writeNodes(w: GraphWriter, exp: GraphExport): void {
  for (const node of w.graph.nodes) {
    if (w.value.has(node.id)) continue;
    w.value.set(node.id, writeNode(w, node, exp));
  }
}

function nameOf(w: GraphWriter, id: NodeId): string {
  const name = w.value.get(id);
  if (name === undefined) throw new Error(`value %${id} was not written`);
  return name;
}

function labelOf(node: Node): string {
  return node.label ?? node.op;
}

function writeNode(w: GraphWriter, node: Node, exp: GraphExport): string {
  if (isOp(node, 'state_init')) return nameOf(w, node.inputs[0]);
  if (isOp(node, 'get')) {
    const outputs = w.scanOutputs.get(node.inputs[0]);
    if (!outputs) throw new Error(`get of %${node.inputs[0]}, which is not a scan`);
    return outputs[node.attrs.index];
  }
  if (isOp(node, 'scan')) {
    let outputs = exp.scanOnly ? undefined : writeStandard(w, node, exp);
    if (!outputs) {
      outputs = writeScan(w, node, exp);
      exp.forms.push({ layer: node.attrs.layer, form: 'Scan' });
    }
    w.scanOutputs.set(node.id, outputs);
    return outputs[0];
  }
  const op = node.op;
  if (op === 'param' || op === 'input' || op === 'arg' || op === 'state_init' || op === 'scan' || op === 'get')
    throw new Error(`${op} %${node.id} has no name: the caller names sources`);
  const rule = onnxRules[op];
  if (!rule) throw new Error(`op ${node.op} has no ONNX form (it belongs to gradient or optimized graphs)`);
  const inputs = node.inputs.map((id) => nameOf(w, id));
  const types = node.inputs.map((id) => tensorOf(w.graph.nodes[id]));
  // Each rule is typed for its own op; the table's lookup loses the link between the two.
  return (rule as (a: object) => string)({ w, node, inputs, types, out: tensorOf(node), label: labelOf(node) });
}

function writeStandard(w: GraphWriter, node: Node<'scan'>, exp: GraphExport): readonly string[] | undefined {
  const cell = matchStandardCell(node, w.model.sizes);
  if (!cell) return undefined;
  exp.forms.push({ layer: node.attrs.layer, form: cell.op });
  return writeStandardLayer(
    w,
    node,
    cell,
    node.inputs.map((id) => nameOf(w, id)),
  );
}

/**
 * A scan as ONNX Scan. Its states are the Scan's state variables; a per-step output kept only
 * at the last step is one more state variable (zeros before the first step); the outputs kept
 * at every step are scan outputs. A reverse scan reads and writes its sequences back to front,
 * so its outputs stay aligned with the time of its inputs, as rnnc's do. Invariants (the
 * params) are read from the outer graph by name.
 */
function writeScan(w: GraphWriter, node: Node<'scan'>, exp: GraphExport): string[] {
  const a = node.attrs;
  if (a.nSeq === 0) throw new Error(`layer ${a.layer} has no sequence to scan`);
  if (a.truncate) throw new Error(`layer ${a.layer} is a truncated gradient scan`);
  const names = w.model.names;
  const outer = node.inputs.map((id) => nameOf(w, id));
  const body = new GraphWriter(w.model, a.body);
  const bodyInputs: OnnxValueInfo[] = [];
  const args = a.body.nodes.filter((n): n is Node<'arg'> => isOp(n, 'arg'));
  const argAt = (index: number) => args.find((n) => n.attrs.index === index);
  // Scan's body takes every state and slice, read or not; an unread one's type is the outer value's
  // (a sequence's without its time axis).
  const input = (index: number, base: string) => {
    const arg = argAt(index);
    const name = names.fresh(arg?.label !== undefined && index < a.nSeq ? `${a.layer}.${arg.label}` : base);
    if (arg) body.value.set(arg.id, name);
    const outerType = tensorOf(w.graph.nodes[node.inputs[index]]);
    bodyInputs.push(body.valueInfo(name, arg ? tensorOf(arg) : { ...outerType, time: null }));
  };
  const stepOutputs = a.body.outputs.filter((o) => o.role !== 'next_state');
  const nextStates = a.body.outputs.filter((o) => o.role === 'next_state');
  const lastOnly = stepOutputs.map((_, k) => k).filter((k) => a.keep[k] === 'last');
  const everyStep = stepOutputs.map((_, k) => k).filter((k) => a.keep[k] === 'all');

  for (let k = 0; k < a.nState; k++) input(a.nSeq + k, `${a.layer}.${a.stateNames[k] ?? k}.in`);
  const carried: string[] = [];
  for (const k of lastOnly) {
    const name = names.fresh(`${a.layer}.${stepOutputs[k].name}.in`);
    carried.push(name);
    bodyInputs.push(body.valueInfo(name, tensorOf(a.body.nodes[stepOutputs[k].node])));
  }
  for (let k = 0; k < a.nSeq; k++) input(k, `${a.layer}.slice${k}`);
  for (let k = 0; k < a.nInvariant; k++) {
    const arg = argAt(a.nSeq + a.nState + k);
    if (arg) body.value.set(arg.id, outer[a.nSeq + a.nState + k]);
  }
  writeNodes(body, exp);

  const bodyOutput = (id: NodeId, base: string): OnnxValueInfo => {
    const name = body.emit('Identity', [nameOf(body, id)], [], base);
    return body.valueInfo(name, tensorOf(a.body.nodes[id]));
  };
  const bodyOutputs = [
    ...nextStates.map((o) => bodyOutput(o.node, `${a.layer}.${o.name}`)),
    ...lastOnly.map((k) => bodyOutput(stepOutputs[k].node, `${a.layer}.${stepOutputs[k].name}.last`)),
    ...everyStep.map((k) => bodyOutput(stepOutputs[k].node, `${a.layer}.${stepOutputs[k].name}.step`)),
  ];
  const lastInits = lastOnly.map((k) => w.zeros(tensorOf(a.body.nodes[stepOutputs[k].node]), `${a.layer}.zeros`));
  const direction = a.reverse ? 1 : 0;
  const results = w.emitMany(
    'Scan',
    [...outer.slice(a.nSeq, a.nSeq + a.nState), ...lastInits, ...outer.slice(0, a.nSeq)],
    [
      attr.graph('body', {
        name: names.fresh(`${a.layer}.step`),
        node: body.nodes,
        input: bodyInputs,
        output: bodyOutputs,
      }),
      attr.int('num_scan_inputs', a.nSeq),
      attr.ints('scan_input_directions', new Array<number>(a.nSeq).fill(direction)),
      attr.ints('scan_output_directions', new Array<number>(everyStep.length).fill(direction)),
    ],
    bodyOutputs.length,
    a.layer,
  );
  // rnnc's order: final states, then each step output (kept last or kept all).
  const finals = results.slice(0, a.nState);
  const lasts = results.slice(a.nState, a.nState + lastOnly.length);
  const all = results.slice(a.nState + lastOnly.length);
  return [
    ...finals,
    ...stepOutputs.map((_, k) => (a.keep[k] === 'last' ? lasts[lastOnly.indexOf(k)] : all[everyStep.indexOf(k)])),
  ];
}
