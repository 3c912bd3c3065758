/** A model whose batches may hold sequences of different lengths along some time axes. */
import { UserError } from '../diagnostics.js';
import type { ModelInfo } from '../frontend/model.js';
import { withLengths } from '../ir/lengths.js';

/** The model with per-sample lengths along `axes` (itself when there are none). */
export function raggedModel(model: ModelInfo, axes: readonly string[]): ModelInfo {
  if (axes.length === 0) return model;
  const known = new Set(model.inputs.flatMap((i) => (i.type.time !== null ? [i.type.time] : [])));
  for (const axis of axes) {
    if (!known.has(axis))
      throw new UserError(
        `lengths are given for ${axis}, but no input of model ${model.name} runs along it (its time axes are ${[...known].join(', ') || 'none'})`,
      );
  }
  return { ...model, graph: withLengths(model.graph, axes) };
}
