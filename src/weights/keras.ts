/**
 * Loading Keras / TensorFlow.js LSTM and GRU weights. Keras keeps each
 * layer's weights as `kernel` [in, G·H] and `recurrent_kernel` [H, G·H]
 * (transposed against PyTorch, gates side by side in columns) and `bias`:
 * - LSTM: gates i, f, c, o; one bias [4H] (it goes to the input-side biases,
 *   the recurrent-side ones are zero);
 * - GRU with reset_after (Keras 2's default, PyTorch's formulation): gates z,
 *   r, h; bias [2, 3H]: input-side then recurrent-side;
 * - GRU with reset_after=false (the original GRU, and TF.js's only one):
 *   gates z, r, h; one bias [3H].
 * As for PyTorch, a cell takes a layout only when its params are exactly
 * that layout's names (examples/lstm.rnn, examples/gru.rnn, the packed LSTM
 * of examples/tagger.rnn, bench/models/gru.rnn): nothing is guessed.
 *
 * Keys are `kernel`, `recurrent_kernel` and `bias` for a model with one
 * recurrent layer, or `<layer>/kernel` … (Keras's weight names) for any.
 */
import { UserError } from '../diagnostics.js';
import type { CellInfo } from '../frontend/cell.js';
import type { ModelInfo } from '../frontend/model.js';
import { tensorFromNested } from '../interp/io.js';
import { tensorType } from '../ir/types.js';
import { allocate, type DType, noLead, Tensor } from '../tensor/tensor.js';
import { own } from '../names.js';

type Part = 'kernel' | 'recurrent_kernel' | 'bias';

interface KerasLayout {
  readonly name: string;
  /** Per gate (in Keras's column order): the cell params of the input weight, recurrent weight and biases. */
  readonly gates: readonly {
    readonly kernel: string;
    readonly recurrent: string;
    readonly inputBias: string;
    readonly recurrentBias?: string;
  }[];
  /** The packed form: one param each for all gates' input and recurrent weights and bias. */
  readonly packed?: { readonly kernel: string; readonly recurrent: string; readonly bias: string };
  /** Bias shape: one [G·H] vector, or [2, G·H] (input-side, recurrent-side). */
  readonly twoBiases: boolean;
}

const lstmGates = ['i', 'f', 'g', 'o'];
export const kerasLayouts: readonly KerasLayout[] = [
  {
    name: 'LSTM (PyTorch-named cell)',
    gates: lstmGates.map((g) => ({
      kernel: `W_i${g}`,
      recurrent: `W_h${g}`,
      inputBias: `b_i${g}`,
      recurrentBias: `b_h${g}`,
    })),
    twoBiases: false,
  },
  { name: 'LSTM (packed cell)', gates: [], packed: { kernel: 'W', recurrent: 'U', bias: 'b' }, twoBiases: false },
  {
    name: 'GRU with reset_after',
    gates: ['z', 'r', 'n'].map((g) => ({
      kernel: `W_i${g}`,
      recurrent: `W_h${g}`,
      inputBias: `b_i${g}`,
      recurrentBias: `b_h${g}`,
    })),
    twoBiases: true,
  },
  {
    name: 'GRU without reset_after',
    gates: ['z', 'r', 'h'].map((g) => ({ kernel: `W_${g}`, recurrent: `U_${g}`, inputBias: `b_${g}` })),
    twoBiases: false,
  },
];

function layoutOf(cell: CellInfo): KerasLayout | undefined {
  const names = new Set(cell.params.map((p) => p.name));
  return kerasLayouts.find((l) => {
    const wanted = l.packed
      ? [l.packed.kernel, l.packed.recurrent, l.packed.bias]
      : l.gates.flatMap((g) => [g.kernel, g.recurrent, g.inputBias, ...(g.recurrentBias ? [g.recurrentBias] : [])]);
    return wanted.length === names.size && wanted.every((n) => names.has(n));
  });
}

/** Column block `g` of a [rows, G·H] matrix, transposed to [H, rows]. */
function transposedBlock(m: Tensor, g: number, H: number, dtype: DType): Float64Array | Float32Array {
  const [rows, cols] = m.shape;
  const out = allocate(dtype, H * rows);
  for (let r = 0; r < rows; r++) for (let h = 0; h < H; h++) out[h * rows + r] = m.data[r * cols + g * H + h];
  return out;
}

/** Model params from Keras weights given as `{ key: nested array }`; see the file comment for keys and layouts. */
export function readKerasWeights(
  model: ModelInfo,
  cells: ReadonlyMap<string, CellInfo>,
  sizes: Readonly<Record<string, number>>,
  weights: Record<string, unknown>,
  dtype: DType,
): Record<string, Tensor> {
  const layers = model.layers.filter((l) => l.states.length > 0);
  const keyOf = (layer: string, part: Part) =>
    layers.length === 1 && `${part}` in weights ? part : `${layer}/${part}`;
  const used = new Set<string>();
  const params: Record<string, Tensor> = {};
  for (const layer of layers) {
    if (layer.direction !== 'forward' && layer.direction !== 'reverse') {
      throw new UserError(`layer ${layer.name} is bidirectional; give Keras weights for each direction's own layer`);
    }
    const cell = cells.get(layer.cell) as CellInfo;
    const layout = layoutOf(cell);
    if (!layout) {
      throw new UserError(
        `cell ${cell.name} of layer ${layer.name} has none of the Keras layouts' param names (${kerasLayouts.map((l) => l.name).join('; ')})`,
      );
    }
    const names = layer.paramNames[0];
    const shapeOf = (param: string) =>
      (model.params.find((p) => p.name === names.get(param)) as ModelInfo['params'][number]).shape.map((d) =>
        d.evaluate(sizes),
      );
    const G = layout.packed ? 4 : layout.gates.length;
    const H = layout.packed ? shapeOf(layout.packed.bias)[0] / 4 : shapeOf(layout.gates[0].inputBias)[0];
    const input = layout.packed ? shapeOf(layout.packed.kernel)[1] : shapeOf(layout.gates[0].kernel)[1];
    const read = (part: Part, shape: number[]) => {
      const key = keyOf(layer.name, part);
      const value = own(weights, key);
      if (value === undefined) throw new UserError(`no Keras weight ${key} for layer ${layer.name}`);
      used.add(key);
      return tensorFromNested(key, value, tensorType(shape), sizes, dtype);
    };
    const kernel = read('kernel', [input, G * H]);
    const recurrent = read('recurrent_kernel', [H, G * H]);
    const bias = read('bias', layout.twoBiases ? [2, G * H] : [G * H]);
    const put = (param: string, data: Float64Array | Float32Array) => {
      params[names.get(param) as string] = new Tensor(data, noLead, shapeOf(param));
    };
    if (layout.packed) {
      const stack = (m: Tensor) => {
        const out = allocate(dtype, m.data.length);
        for (let g = 0; g < G; g++) out.set(transposedBlock(m, g, H, dtype), g * H * m.shape[0]);
        return out;
      };
      put(layout.packed.kernel, stack(kernel));
      put(layout.packed.recurrent, stack(recurrent));
      const b = allocate(dtype, G * H);
      b.set(bias.data);
      put(layout.packed.bias, b);
      continue;
    }
    layout.gates.forEach((gate, g) => {
      put(gate.kernel, transposedBlock(kernel, g, H, dtype));
      put(gate.recurrent, transposedBlock(recurrent, g, H, dtype));
      const inputBias = allocate(dtype, H);
      inputBias.set(bias.data.subarray(g * H, (g + 1) * H));
      put(gate.inputBias, inputBias);
      if (gate.recurrentBias) {
        const recurrentBias = allocate(dtype, H);
        if (layout.twoBiases) recurrentBias.set(bias.data.subarray(G * H + g * H, G * H + (g + 1) * H));
        put(gate.recurrentBias, recurrentBias);
      }
    });
  }
  const unused = Object.keys(weights).filter((k) => !used.has(k));
  if (unused.length > 0)
    throw new UserError(`${unused[0]} is not a Keras weight of a recurrent layer of model ${model.name}`);
  return params;
}
