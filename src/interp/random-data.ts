/** Random data for trying or checking a model: inputs uniform in [-1, 1], targets one-hot. */
import type { TensorType } from '../ir/types.js';
import { Random } from './random.js';
import { byName, own } from '../names.js';
import { limits } from '../frontend/limits.js';
import { UserError } from '../diagnostics.js';
import type { Dim } from '../ir/dims.js';

export interface DataSpec {
  readonly name: string;
  readonly role: 'input' | 'target';
  readonly type: TensorType;
  /** Token ids below this number, one a step (`token(V)`). */
  readonly vocabulary?: Dim;
}

/**
 * One nested array per input, time-major, `steps[axis]` long along each time
 * axis with `batch` samples (where it has a batch axis). One-hot targets
 * suit both cross_entropy and mse.
 */
export function randomData(
  specs: readonly DataSpec[],
  sizes: Readonly<Record<string, number>>,
  steps: Readonly<Record<string, number>>,
  batch: number,
  seed: number,
): Record<string, unknown> {
  const rng = new Random(seed + 1);
  const data: Record<string, unknown> = byName();
  let total = 0;
  for (const spec of specs) {
    const { type } = spec;
    const length = type.time !== null ? (own(steps, type.time) ?? 0) : 1;
    total += length * (type.batched ? batch : 1) * type.shape.reduce((n, d) => n * d.evaluate(sizes), 1);
  }
  if (total > limits.randomValues)
    throw new UserError(
      `random inputs of ${total} values in all are past rnnc's limit of ${limits.randomValues}: lower the batch or the steps, or give the inputs`,
    );
  for (const spec of specs) {
    const { type } = spec;
    const length = type.time !== null ? own(steps, type.time) : undefined;
    if (type.time !== null && length === undefined) throw new Error(`no length given for time axis ${type.time}`);
    // A probe's target follows its output, which need not have a batch axis (`output y = 2`).
    const samples = type.batched ? [batch] : [];
    const shape = [...(length !== undefined ? [length] : []), ...samples, ...type.shape.map((d) => d.evaluate(sizes))];
    const oneHot = (n: number) => {
      const hot = Math.floor(rng.next() * n);
      return Array.from({ length: n }, (_, k) => (k === hot ? 1 : 0));
    };
    const build = (depth: number): unknown => {
      if (spec.role === 'target' && type.shape.length > 0 && depth === shape.length - 1) return oneHot(shape[depth]);
      if (depth === shape.length)
        return spec.vocabulary ? Math.floor(rng.next() * spec.vocabulary.evaluate(sizes)) : rng.uniform(-1, 1);
      return Array.from({ length: shape[depth] }, () => build(depth + 1));
    };
    data[spec.name] = build(0);
  }
  return data;
}
