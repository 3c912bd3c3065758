/** A model whose batches may hold sequences of different lengths along some time axes. */
import { UserError } from '../diagnostics.js';
import type { ModelInfo } from '../frontend/model.js';
import { withLengths } from '../ir/lengths.js';
import { byName, own } from '../names.js';

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

/**
 * Batch-major inputs whose samples have different numbers of steps (`x: [[s, s, s], [s]]`),
 * padded with zeros to the longest, with each sample's steps as the lengths of its axis.
 * Lengths given for an axis must agree with ragged rows along it. Time-major data cannot be
 * ragged (each step lists every sample), so it is returned as it is.
 */
export function padRagged(
  model: ModelInfo,
  data: Readonly<Record<string, unknown>>,
  layout: 'time-major' | 'batch-major',
  given: Readonly<Record<string, readonly number[]>>,
): { data: Record<string, unknown>; lengths: Record<string, readonly number[]> } {
  const padded: Record<string, unknown> = byName(Object.entries(data));
  const lengths: Record<string, readonly number[]> = byName(Object.entries(given));
  if (layout !== 'batch-major') return { data: padded, lengths };
  const found = new Map<string, { counts: number[]; from: string }>();
  for (const input of model.inputs) {
    const axis = input.type.time;
    const rows = own(data, input.name);
    if (axis === null || !Array.isArray(rows) || !rows.every(Array.isArray)) continue;
    const counts = (rows as unknown[][]).map((r) => r.length);
    if (counts.every((n) => n === counts[0])) continue;
    const known = found.get(axis);
    if (known && known.counts.join() !== counts.join())
      throw new UserError(
        `${input.name} and ${known.from} run along ${axis} but their samples have different steps (${counts.join(', ')} and ${known.counts.join(', ')})`,
      );
    found.set(axis, { counts, from: input.name });
    const longest = Math.max(...counts);
    const empty = counts.findIndex((n) => n === 0);
    if (empty >= 0) throw new UserError(`sample ${empty} of ${input.name} has no steps`);
    const first = (rows as unknown[][]).find((r) => r.length > 0)?.[0];
    padded[input.name] = (rows as unknown[][]).map((r) => [
      ...r,
      ...Array.from({ length: longest - r.length }, () => zerosLike(first)),
    ]);
  }
  for (const [axis, { counts, from }] of found) {
    const explicit = own(given, axis);
    if (explicit !== undefined && explicit.join() !== counts.join())
      throw new UserError(
        `the lengths of ${axis} are given as ${explicit.join(', ')}, but the samples of ${from} have ${counts.join(', ')} steps`,
      );
    lengths[axis] = counts;
  }
  return { data: padded, lengths };
}

/** Zeros in the nesting of one step's value (a number, or nested arrays of them). */
function zerosLike(value: unknown): unknown {
  return Array.isArray(value) ? value.map(zerosLike) : 0;
}
