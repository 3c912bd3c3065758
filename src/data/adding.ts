/**
 * The adding problem (Hochreiter & Schmidhuber 1997, in the form of Le,
 * Jaitly & Hinton 2015): each step holds a random value in [0, 1) and a
 * marker; exactly two steps are marked, one in each half of the sequence,
 * and the target is the sum of their values. Predicting the mean sum, 1,
 * gives an MSE of 1/6 ≈ 0.167; a model has to carry the first marked value
 * across up to T steps to do better.
 */
import { Random } from '../interp/random.js';
import type { VectorRecord } from './labelled.js';

export function addingRecords(count: number, steps: number, seed: number): VectorRecord[] {
  const random = new Random(seed);
  const half = Math.floor(steps / 2);
  return Array.from({ length: count }, (_, k) => {
    const first = Math.floor(random.next() * half);
    const second = half + Math.floor(random.next() * (steps - half));
    const values = Array.from({ length: steps }, () => random.next());
    return {
      steps: values.map((v, t) => [v, t === first || t === second ? 1 : 0]),
      label: [values[first] + values[second]],
      line: k + 1,
    };
  });
}
