/** Small ONNX models written directly (one recurrent node and its glue), for the import tests. */
import {
  encodeModel,
  type OnnxAttribute,
  type OnnxNode,
  type OnnxTensor,
  type OnnxValueInfo,
} from '../../src/onnx/proto.js';
import { attr, floatTensor, int64Tensor } from '../../src/onnx/writer.js';
import { Random } from '../../src/interp/random.js';

export interface RecurrentSpec {
  readonly op: 'LSTM' | 'GRU' | 'RNN';
  readonly direction: 'forward' | 'reverse' | 'bidirectional';
  readonly layout: 0 | 1;
  readonly peepholes?: boolean;
  readonly inputForget?: boolean;
  readonly clip?: number;
  readonly linearBeforeReset?: 0 | 1;
  /** Activations of one direction, with their alphas and betas. */
  readonly activations?: readonly string[];
  readonly alphas?: readonly number[];
  readonly betas?: readonly number[];
  readonly I: number;
  readonly H: number;
  readonly seed: number;
}

export function randomTensor(name: string, dims: readonly number[], random: Random, scale = 0.6): OnnxTensor {
  const n = dims.reduce((a, b) => a * b, 1);
  return floatTensor(
    'f32',
    dims,
    Array.from({ length: n }, () => random.uniform(-scale, scale)),
    name,
  );
}

const value = (name: string, dims: readonly (number | string)[]): OnnxValueInfo => ({
  name,
  type: {
    tensor_type: {
      elem_type: 1,
      shape: { dim: dims.map((d) => (typeof d === 'number' ? { dim_value: d } : { dim_param: d })) },
    },
  },
});

export function onnxBytes(
  nodes: readonly OnnxNode[],
  initializers: readonly OnnxTensor[],
  inputs: readonly OnnxValueInfo[],
  outputs: readonly string[],
  opset = 17,
): Uint8Array {
  return encodeModel({
    ir_version: 8,
    opset_import: [{ domain: '', version: opset }],
    producer_name: 'test',
    graph: {
      name: 'Recurrent',
      node: nodes,
      initializer: initializers,
      input: inputs,
      output: outputs.map((o) => ({ name: o })),
    },
  });
}

/**
 * One recurrent node over X (time-major [T, B, I], or batch-major with layout 1), with random
 * weights. Its outputs: Y (bidirectional: its directions merged by concatenation) and, for one
 * direction, Y_h (and LSTM's Y_c).
 */
export function recurrentModel(spec: RecurrentSpec): Uint8Array {
  const random = new Random(spec.seed);
  const D = spec.direction === 'bidirectional' ? 2 : 1;
  const G = spec.op === 'LSTM' ? 4 : spec.op === 'GRU' ? 3 : 1;
  const { I, H } = spec;
  const initializers = [
    randomTensor('W', [D, G * H, I], random),
    randomTensor('R', [D, G * H, H], random),
    randomTensor('B', [D, 2 * G * H], random, 0.3),
  ];
  const inputs = ['X', 'W', 'R', 'B'];
  if (spec.peepholes) {
    initializers.push(randomTensor('P', [D, 3 * H], random, 0.5));
    inputs.push('', '', '', 'P');
  }
  const attributes: OnnxAttribute[] = [
    attr.int('hidden_size', H),
    attr.string('direction', spec.direction),
    attr.int('layout', spec.layout),
  ];
  if (spec.inputForget) attributes.push(attr.int('input_forget', 1));
  if (spec.clip !== undefined) attributes.push(attr.float('clip', spec.clip));
  if (spec.linearBeforeReset !== undefined) attributes.push(attr.int('linear_before_reset', spec.linearBeforeReset));
  if (spec.activations) {
    const all = D === 2 ? [...spec.activations, ...spec.activations] : spec.activations;
    attributes.push(attr.strings('activations', all));
    const twice = (list: readonly number[] | undefined) =>
      D === 2 ? [...(list ?? []), ...(list ?? [])] : (list ?? []);
    if (spec.alphas) attributes.push(attr.floats('activation_alpha', twice(spec.alphas)));
    if (spec.betas) attributes.push(attr.floats('activation_beta', twice(spec.betas)));
  }
  const outputs = spec.op === 'LSTM' ? ['Y', 'Y_h', 'Y_c'] : ['Y', 'Y_h'];
  const nodes: OnnxNode[] = [
    { input: inputs, output: outputs.map((o) => `${o}_raw`), name: 'rnn', op_type: spec.op, attribute: attributes },
  ];
  const graphOutputs: string[] = [];
  if (D === 1) {
    for (const o of outputs) nodes.push({ input: [`${o}_raw`], output: [o], op_type: 'Identity' });
    graphOutputs.push(...outputs);
  } else {
    initializers.push({ ...int64Tensor([3], [0, 0, -1]), name: 'merged_shape' });
    const y = spec.layout === 0 ? 'Y_t' : 'Y_raw';
    if (spec.layout === 0)
      nodes.push({
        input: ['Y_raw'],
        output: ['Y_t'],
        op_type: 'Transpose',
        attribute: [attr.ints('perm', [0, 2, 1, 3])],
      });
    nodes.push({ input: [y, 'merged_shape'], output: ['Y'], op_type: 'Reshape' });
    graphOutputs.push('Y');
  }
  const x = spec.layout === 0 ? ['T', 'batch', I] : ['batch', 'T', I];
  return onnxBytes(nodes, initializers, [value('X', x)], graphOutputs);
}

export { value as valueInfo };
