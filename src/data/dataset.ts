/**
 * What `rnnc train` reads: a data set split into a training and a held-out
 * part, which makes batches of time-major tensors for the model's inputs
 * and target. Each kind of data (text, CSV series, labelled sequences,
 * grapheme–phoneme pairs) says which tensors it makes and how wide they are;
 * `bindData` matches them with a model's declarations.
 */
import type { Random } from '../interp/random.js';

export interface Tensor {
  readonly data: Float32Array;
  readonly shape: readonly number[];
}

/** A batch's tensors by role: 'input', 'target', or for pairs 'source', 'previous', 'target'. */
export type Batch = Readonly<Record<string, Tensor>>;

/** A tensor a data set makes: a sequence (on a time axis) or one vector per sample, `width` wide. */
export interface Role {
  readonly role: string;
  /** 'sequence': [T][B][width]; 'vector': [B][width]; 'either': whichever the model declares (targets only). */
  readonly form: 'sequence' | 'vector' | 'either';
  readonly width: number;
  /** What the width counts, for messages: "distinct characters", "classes". */
  readonly what: string;
  /** Where the data needs this width, for a message when the model's is smaller ("data.jsonl:17 has label 5"). */
  readonly where?: string;
}

/** How the model consumes a data set's roles, fixed when they are bound. */
export interface Layout {
  /** The target is one vector per step (true) or per sequence (false). */
  readonly targetPerStep: boolean;
  /**
   * Each sample runs for its own steps (`rnnc train --lengths`): sequences of different lengths
   * are padded at the end, not at the front.
   */
  readonly lengths?: boolean;
}

/** A number the evaluation reports, with its name and unit ("bits/char", "MAE (births)"). */
export interface Metric {
  readonly name: string;
  readonly value: number;
}

export interface Dataset {
  readonly kind: 'text' | 'series' | 'labelled' | 'pairs';
  /** One line: what was read and how it was split. */
  readonly description: string;
  readonly roles: readonly Role[];
  /** Batches in one pass over the training part. */
  stepsPerEpoch(batch: number, steps: number): number;
  /** A batch of training examples drawn at random. */
  trainBatch(random: Random, batch: number, steps: number, layout: Layout): Batch;
  /** The held-out part in order, as at most `limit` batches. */
  heldOut(batch: number, steps: number, layout: Layout, limit: number): Batch[];
  /** Values counted as tokens for throughput: steps × samples. */
  tokens(batch: Batch): number;
  /**
   * How much a held-out batch counts in the averages of the loss and metrics: its samples, for a
   * loss per sequence; its tokens (the default) for a loss per step.
   */
  weight?(batch: Batch): number;
  /** What the model's first output says about a held-out batch, beyond the loss (accuracy, error in the data's units). */
  metrics(output: Tensor, batch: Batch, layout: Layout): Metric[];
  /**
   * What decoding a held-out batch from the model's own outputs says (an encoder–decoder's
   * greedy decoding): `run` gives the model's first output for a batch the data set made.
   */
  decode?(run: (batch: Batch) => Promise<Tensor | undefined>, batch: Batch): Promise<Metric[]>;
  /**
   * Each sample's real steps, by role, for data whose batches are padded (`rnnc train --lengths`
   * runs each sample for its own steps and averages the loss over real steps only).
   */
  lengths?(batch: Batch): Readonly<Record<string, readonly number[]>>;
  /** The loss as reported (bits per character for text, the loss itself otherwise). */
  reportLoss(loss: number): Metric;
  /** A simple predictor's numbers on the held-out part, to put the model's beside. */
  baselines(steps: number, layout: Layout): Metric[];
  /** What a run folder keeps to sample from or resume (the vocabulary, the normalization). */
  readonly meta: Readonly<Record<string, unknown>>;
}

/** One-hot rows: `indices[k]` sets column indices[k] of row k. */
export function oneHot(indices: ArrayLike<number>, width: number): Float32Array {
  const out = new Float32Array(indices.length * width);
  for (let k = 0; k < indices.length; k++) out[k * width + indices[k]] = 1;
  return out;
}

/** Averages metrics of the same name over batches, weighting each batch by its token count. */
export function averageMetrics(parts: readonly { metrics: readonly Metric[]; weight: number }[]): Metric[] {
  const sums = new Map<string, { sum: number; weight: number }>();
  for (const { metrics, weight } of parts)
    for (const m of metrics) {
      const s = sums.get(m.name) ?? { sum: 0, weight: 0 };
      s.sum += m.value * weight;
      s.weight += weight;
      sums.set(m.name, s);
    }
  return [...sums.entries()].map(([name, s]) => ({ name, value: s.sum / s.weight }));
}

/** The index of the largest of `width` values from `offset`. */
export function argmax(values: Float32Array, offset: number, width: number): number {
  let best = 0;
  for (let k = 1; k < width; k++) if (values[offset + k] > values[offset + best]) best = k;
  return best;
}

/** A whole number of batches, at least one. */
export function batchesIn(count: number, perBatch: number): number {
  return Math.max(1, Math.floor(count / perBatch));
}

/** `items` in order, `size` at a time, as at most `limit` batches. */
export function inBatches<T>(items: readonly T[], size: number, limit: number, make: (chunk: T[]) => Batch): Batch[] {
  const batches: Batch[] = [];
  for (let k = 0; k < items.length && batches.length < limit; k += size) batches.push(make(items.slice(k, k + size)));
  return batches;
}

/** Draws a whole number in [0, n). */
export function draw(random: Random, n: number): number {
  return Math.min(n - 1, Math.floor(random.next() * n));
}
