/**
 * A layer that is exactly an ONNX LSTM, GRU or RNN, written as that operator. Its W, R, B
 * (and LSTM's P) are built from the layer's params by Slice, Add and Concat nodes on
 * initializers, which ONNX Runtime folds into constants when it loads the model.
 */
import type { Node } from '../ir/graph.js';
import type { RowRange, StandardCell } from './standard.js';
import { attr, type GraphWriter } from './writer.js';

const onnxActivation: Readonly<Record<string, string>> = {
  sigmoid: 'Sigmoid',
  tanh: 'Tanh',
  relu: 'Relu',
  hard_sigmoid: 'HardSigmoid',
};

const defaults: Readonly<Record<StandardCell['op'], readonly string[]>> = {
  LSTM: ['sigmoid', 'tanh', 'tanh'],
  GRU: ['sigmoid', 'tanh'],
  RNN: ['tanh'],
};

/** The sum of row ranges of the invariants (`names`), or zeros `[rows, cols]` when there are none. */
function block(
  w: GraphWriter,
  names: readonly string[],
  ranges: readonly RowRange[],
  shape: readonly number[],
): string {
  if (ranges.length === 0) return w.floats(shape, new Array<number>(shape.reduce((a, b) => a * b, 1)).fill(0), 'zeros');
  const parts = ranges.map((r) =>
    w.emit('Slice', [names[r.arg], w.int64s([r.start]), w.int64s([r.end]), w.int64s([0])], [], 'block'),
  );
  return parts.reduce((sum, part) => w.emit('Add', [sum, part], [], 'block'));
}

/** Blocks stacked along rows with a direction axis of one in front: ONNX's `[1, G·H, …]`. */
function packed(w: GraphWriter, blocks: readonly string[], label: string): string {
  const joined = blocks.length === 1 ? blocks[0] : w.emit('Concat', blocks, [attr.int('axis', 0)], label);
  return w.emit('Unsqueeze', [joined, w.int64s([0])], [], label);
}

/** Writes the operator; returns the layer's results in rnnc's order (final states, then its output). */
export function writeStandardLayer(
  w: GraphWriter,
  scan: Node<'scan'>,
  cell: StandardCell,
  outer: readonly string[],
): string[] {
  const a = scan.attrs;
  const invariants = outer.slice(a.nSeq + a.nState);
  const { hidden: H, input: I } = cell;
  const W = packed(
    w,
    cell.gates.map((g) => block(w, invariants, g.input, [H, I])),
    `${a.layer}.W`,
  );
  const R = packed(
    w,
    cell.gates.map((g) => block(w, invariants, g.recurrent, [H, H])),
    `${a.layer}.R`,
  );
  const B = packed(
    w,
    [
      ...cell.gates.map((g) => block(w, invariants, g.inputBias, [H])),
      ...cell.gates.map((g) => block(w, invariants, g.recurrentBias, [H])),
    ],
    `${a.layer}.B`,
  );
  const initial = (k: number) => w.emit('Unsqueeze', [outer[a.nSeq + k], w.int64s([0])], [], `${a.layer}.initial`);
  const inputs = [outer[0], W, R, B, '', initial(cell.hState)];
  if (cell.op === 'LSTM') {
    inputs.push(initial(cell.cState as number));
    if (cell.peepholes)
      inputs.push(
        packed(
          w,
          cell.peepholes.map((p) => block(w, invariants, p, [H])),
          `${a.layer}.P`,
        ),
      );
  }
  const attributes = [attr.int('hidden_size', H), attr.string('direction', a.reverse ? 'reverse' : 'forward')];
  if (cell.activations.join() !== defaults[cell.op].join()) {
    attributes.push(
      attr.strings(
        'activations',
        cell.activations.map((op) => onnxActivation[op]),
      ),
    );
    const hard = cell.activations.map((op) => op === 'hard_sigmoid');
    if (hard.some(Boolean)) {
      // Alphas and betas are listed for the activations that take them, in order.
      const taking = cell.activations.filter((op) => op === 'hard_sigmoid');
      attributes.push(
        attr.floats(
          'activation_alpha',
          taking.map(() => 1 / 6),
        ),
      );
      attributes.push(
        attr.floats(
          'activation_beta',
          taking.map(() => 0.5),
        ),
      );
    }
  }
  if (cell.op === 'GRU') attributes.push(attr.int('linear_before_reset', cell.linearBeforeReset ?? 0));
  const count = cell.op === 'LSTM' ? 3 : 2;
  const [Y, Yh, Yc] = w.emitMany(cell.op, inputs, attributes, count, a.layer);
  const sequence = w.emit('Squeeze', [Y, w.int64s([1])], [], a.layer);
  const finalH = w.emit('Squeeze', [Yh, w.int64s([0])], [], `${a.layer}.${a.stateNames[cell.hState]}`);
  const finals: string[] = [];
  finals[cell.hState] = finalH;
  if (cell.op === 'LSTM')
    finals[cell.cState as number] = w.emit(
      'Squeeze',
      [Yc, w.int64s([0])],
      [],
      `${a.layer}.${a.stateNames[cell.cState as number]}`,
    );
  return [...finals, a.keep[0] === 'last' ? finalH : sequence];
}
