/**
 * Loading PyTorch nn.RNN / nn.LSTM / nn.GRU weights into rnnc models.
 *
 * PyTorch packs every gate of a layer into one matrix: `weight_ih_l{k}` is
 * [G·H, in], `weight_hh_l{k}` is [G·H, H], `bias_ih_l{k}` and `bias_hh_l{k}`
 * are [G·H], with `_reverse` for the backward direction of a bidirectional
 * module. The gate blocks are LSTM [i, f, g, o], GRU [r, z, n] (with r applied
 * to W_hn h + b_hn) and RNN a single block. Each block maps to one named
 * param of the cell, so a cell matches a layout exactly when its params are
 * exactly that layout's names (see examples/lstm.rnn, gru.rnn, elman-style
 * cells with W_ih, W_hh, b_ih, b_hh). Nothing is matched by position or shape.
 *
 * Keys may be bare (`weight_ih_l0`: the model's recurrent layers, in order,
 * are the module's layers l0, l1, …) or prefixed with a layer name
 * (`enc.weight_ih_l0`: that layer is l0 of its own module), as in the state
 * dict of a PyTorch module holding several RNNs.
 */
import { UserError } from '../diagnostics.js';
import type { CellInfo } from '../frontend/cell.js';
import type { ModelInfo } from '../frontend/model.js';
import { tensorFromNested } from '../interp/io.js';
import { tensorType } from '../ir/types.js';
import { allocate, type DType, noLead, Tensor } from '../tensor/tensor.js';
import type { NamedTensor } from './safetensors.js';
import { byName } from '../names.js';

type TorchKind = 'weight_ih' | 'weight_hh' | 'bias_ih' | 'bias_hh';

export interface TorchLayout {
  readonly module: 'LSTM' | 'GRU' | 'RNN';
  readonly blocks: Readonly<Record<TorchKind, readonly string[]>>;
}

export const torchLayouts: readonly TorchLayout[] = [
  {
    module: 'LSTM',
    blocks: {
      weight_ih: ['W_ii', 'W_if', 'W_ig', 'W_io'],
      weight_hh: ['W_hi', 'W_hf', 'W_hg', 'W_ho'],
      bias_ih: ['b_ii', 'b_if', 'b_ig', 'b_io'],
      bias_hh: ['b_hi', 'b_hf', 'b_hg', 'b_ho'],
    },
  },
  {
    module: 'GRU',
    blocks: {
      weight_ih: ['W_ir', 'W_iz', 'W_in'],
      weight_hh: ['W_hr', 'W_hz', 'W_hn'],
      bias_ih: ['b_ir', 'b_iz', 'b_in'],
      bias_hh: ['b_hr', 'b_hz', 'b_hn'],
    },
  },
  { module: 'RNN', blocks: { weight_ih: ['W_ih'], weight_hh: ['W_hh'], bias_ih: ['b_ih'], bias_hh: ['b_hh'] } },
];

const kinds: readonly TorchKind[] = ['weight_ih', 'weight_hh', 'bias_ih', 'bias_hh'];

/** The layout whose names are exactly the cell's params (with or without the biases). */
export function torchLayoutOf(cell: CellInfo): TorchLayout | undefined {
  const names = new Set(cell.params.map((p) => p.name));
  return torchLayouts.find((layout) => {
    const all = kinds.flatMap((k) => layout.blocks[k]);
    const weights = [...layout.blocks.weight_ih, ...layout.blocks.weight_hh];
    const matches = (expected: string[]) => expected.length === names.size && expected.every((n) => names.has(n));
    return matches(all) || matches(weights);
  });
}

const keyPattern = /^(?:(.+)\.)?(weight_ih|weight_hh|bias_ih|bias_hh)_l(\d+)(_reverse)?$/;

interface TorchTarget {
  readonly layer: ModelInfo['layers'][number];
  readonly direction: number;
  readonly kind: TorchKind;
  readonly layout: TorchLayout;
}

function recurrentLayers(model: ModelInfo) {
  return model.layers.filter((l) => l.states.length > 0);
}

function resolveKey(key: string, model: ModelInfo, cells: ReadonlyMap<string, CellInfo>): TorchTarget {
  const match = keyPattern.exec(key);
  if (!match) throw new UserError(`'${key}' is not a PyTorch RNN weight name (weight_ih_l0, bias_hh_l1_reverse, …)`);
  const [, prefix, kind, index, reverse] = match;
  const layers = recurrentLayers(model);
  let layer;
  if (prefix !== undefined) {
    layer = layers.find((l) => l.name === prefix);
    if (!layer)
      throw new UserError(
        `'${key}': model ${model.name} has no recurrent layer '${prefix}' (it has ${layers.map((l) => l.name).join(', ')})`,
      );
    if (index !== '0') throw new UserError(`'${key}': a prefixed key names one layer, so only _l0 is meaningful`);
  } else {
    layer = layers[Number(index)];
    if (!layer)
      throw new UserError(
        `'${key}': model ${model.name} has ${layers.length} recurrent layer${layers.length === 1 ? '' : 's'}, so there is no layer ${index}`,
      );
  }
  const direction = reverse ? 1 : 0;
  if (direction === 1 && layer.direction !== 'bidirectional') {
    throw new UserError(`'${key}' is for a reverse direction, but layer ${layer.name} is not bidirectional`);
  }
  if (layer.direction === 'bidirectional' && layer.shared) {
    throw new UserError(`layer ${layer.name} shares weights between directions, which PyTorch modules never do`);
  }
  const cell = cells.get(layer.cell) as CellInfo;
  const layout = torchLayoutOf(cell);
  if (!layout) {
    throw new UserError(
      `'${key}': cell ${cell.name} of layer ${layer.name} does not have the param names of a PyTorch layout (${torchLayouts
        .map((l) => `${l.module}: ${kinds.flatMap((k) => l.blocks[k]).join(', ')}`)
        .join('; ')})`,
    );
  }
  return { layer, direction, kind: kind as TorchKind, layout };
}

function isNamedTensor(value: unknown): value is NamedTensor {
  return typeof value === 'object' && value !== null && 'data' in value && 'shape' in value;
}

/** A flat tensor (as read from safetensors), checked against the shape the model needs. */
function fromFlat(key: string, value: NamedTensor, shape: readonly number[], dtype: DType): Tensor {
  if (value.shape.length !== shape.length || value.shape.some((d, k) => d !== shape[k])) {
    throw new UserError(`${key}: expected shape [${shape.join(', ')}], got [${value.shape.join(', ')}]`);
  }
  const data = allocate(dtype, value.data.length);
  data.set(value.data);
  return new Tensor(data, noLead, shape);
}

/**
 * Model params (by the model's names) from a PyTorch state dict given as
 * `{ name: nested array }` (JSON) or `{ name: { data, shape } }` (safetensors). Returns only the params it covers, all of them
 * for each layer it touches; anything unmatched is an error, never skipped.
 */
export function readTorchWeights(
  model: ModelInfo,
  cells: ReadonlyMap<string, CellInfo>,
  sizes: Readonly<Record<string, number>>,
  stateDict: Record<string, unknown>,
  dtype: DType,
): Record<string, Tensor> {
  const params: Record<string, Tensor> = byName();
  const touched = new Map<string, Set<string>>();
  for (const [key, value] of Object.entries(stateDict)) {
    const { layer, direction, kind, layout } = resolveKey(key, model, cells);
    const names = layout.blocks[kind].map((n) => layer.paramNames[direction].get(n) as string);
    const shapes = names.map((n) =>
      (model.params.find((p) => p.name === n) as ModelInfo['params'][number]).shape.map((d) => d.evaluate(sizes)),
    );
    const rows = shapes[0][0];
    const packedShape = [rows * names.length, ...shapes[0].slice(1)];
    const packed = isNamedTensor(value)
      ? fromFlat(key, value, packedShape, dtype)
      : tensorFromNested(key, value, tensorType(packedShape), sizes, dtype);
    const blockSize = packed.data.length / names.length;
    names.forEach((name, g) => {
      const data = allocate(dtype, blockSize);
      data.set(packed.data.subarray(g * blockSize, (g + 1) * blockSize));
      params[name] = new Tensor(data, noLead, shapes[g]);
    });
    const key2 = `${layer.name}#${direction}`;
    touched.set(key2, new Set([...(touched.get(key2) ?? []), ...names]));
  }
  for (const [key, names] of touched) {
    const [layerName, direction] = key.split('#');
    const layer = model.layers.find((l) => l.name === layerName) as ModelInfo['layers'][number];
    const missing = [...layer.paramNames[Number(direction)].values()].filter((n) => !names.has(n));
    if (missing.length > 0)
      throw new UserError(
        `the PyTorch weights give only part of layer ${layerName}: nothing for ${missing.join(', ')}`,
      );
  }
  return params;
}

/**
 * Initial states from PyTorch's `h0` / `c0`, shaped [layers·directions][B][H]
 * with index layer·directions + direction, for the model's recurrent layers in order.
 */
export function torchInitialStates(model: ModelInfo, given: { h0?: unknown; c0?: unknown }): Record<string, unknown> {
  const states: Record<string, unknown> = byName();
  const layers = recurrentLayers(model);
  const directions = layers.some((l) => l.direction === 'bidirectional') ? 2 : 1;
  for (const [torchName, stateName] of [
    ['h0', 'h'],
    ['c0', 'c'],
  ] as const) {
    const value = given[torchName];
    if (value === undefined) continue;
    if (!Array.isArray(value) || value.length !== layers.length * directions) {
      throw new UserError(
        `${torchName} must hold ${layers.length * directions} layer·direction entries [${layers.length * directions}][B][H]`,
      );
    }
    layers.forEach((layer, l) => {
      for (let d = 0; d < directions; d++) {
        const perDirection = layer.states.length / (layer.direction === 'bidirectional' ? 2 : 1);
        const state = layer.states
          .slice(d * perDirection, (d + 1) * perDirection)
          .find((s) => s.name.split('.').pop() === stateName);
        if (!state) throw new UserError(`${torchName}: layer ${layer.name} has no state '${stateName}'`);
        states[state.name] = value[l * directions + d];
      }
    });
  }
  return states;
}

/**
 * The whole PyTorch state dict of a model, as a layout: every key the
 * model's recurrent layers take (`weight_ih_l0`, …, `_reverse` for backward
 * directions) and the model params its gate blocks go to, in order. Undefined
 * when some recurrent layer's cell is not a PyTorch layout (or shares weights
 * between directions), since then no PyTorch module matches the model.
 */
export function torchKeyLayout(
  model: ModelInfo,
  cells: ReadonlyMap<string, CellInfo>,
): Map<string, string[]> | undefined {
  const layout = new Map<string, string[]>();
  const layers = recurrentLayers(model);
  for (const [index, layer] of layers.entries()) {
    const cell = cells.get(layer.cell);
    const torch = cell && torchLayoutOf(cell);
    if (!cell || !torch || (layer.direction === 'bidirectional' && layer.shared)) return undefined;
    const params = new Set(cell.params.map((p) => p.name));
    layer.paramNames.forEach((names, direction) => {
      for (const kind of kinds) {
        if (!torch.blocks[kind].every((n) => params.has(n))) continue; // a cell without biases
        layout.set(
          `${kind}_l${index}${direction === 1 ? '_reverse' : ''}`,
          torch.blocks[kind].map((n) => names.get(n) as string),
        );
      }
    });
  }
  return layers.length > 0 ? layout : undefined;
}

/**
 * A model's params as a PyTorch state dict (each layer's gate blocks packed
 * back into `weight_ih_l0`, …), ready for `writeSafetensors`: the inverse of
 * `readTorchWeights`, bit for bit.
 */
export function torchStateDict(
  model: ModelInfo,
  cells: ReadonlyMap<string, CellInfo>,
  params: Readonly<Record<string, Tensor>>,
): Map<string, NamedTensor> {
  const layout = torchKeyLayout(model, cells);
  if (!layout)
    throw new UserError(
      `model ${model.name} has a recurrent layer whose cell is not a PyTorch layout, so no PyTorch module matches it`,
    );
  const out = new Map<string, NamedTensor>();
  for (const [key, names] of layout) {
    const parts = names.map((n) => params[n]);
    const data = allocate(
      parts[0].dtype,
      parts.reduce((a, p) => a + p.data.length, 0),
    );
    let at = 0;
    for (const p of parts) {
      data.set(p.data, at);
      at += p.data.length;
    }
    out.set(key, { shape: [parts.reduce((a, p) => a + p.shape[0], 0), ...parts[0].shape.slice(1)], data });
  }
  return out;
}
