/**
 * Character-level text: predict the next character at every step. The
 * vocabulary is every distinct character of the file (by code point), in
 * sorted order; the last tenth (by default) is held out.
 */
import { UserError } from '../diagnostics.js';
import type { Random } from '../interp/random.js';
import { argmax, batchesIn, inBatches, type Batch, type Dataset, draw, oneHot, type Tensor } from './dataset.js';

export interface TextOptions {
  /** Names the text in messages and the description. */
  readonly name: string;
  readonly holdout: number;
  /** The vocabulary of an earlier run, when resuming or sampling: the text may use no other character. */
  readonly vocabulary?: readonly string[];
}

/** The characters of `text` as vocabulary indices. */
export function encodeText(text: string, vocabulary: readonly string[], name: string): Uint16Array {
  const index = new Map(vocabulary.map((c, k) => [c, k]));
  const chars = [...text];
  const codes = new Uint16Array(chars.length);
  let line = 1;
  for (let k = 0; k < chars.length; k++) {
    const code = index.get(chars[k]);
    if (code === undefined)
      throw new UserError(
        `${name}:${line}: the character ${JSON.stringify(chars[k])} is not in the run's vocabulary of ${vocabulary.length} characters`,
      );
    if (chars[k] === '\n') line++;
    codes[k] = code;
  }
  return codes;
}

export function textDataset(text: string, options: TextOptions): Dataset {
  const chars = [...text];
  if (chars.length === 0) throw new UserError(`${options.name}: the file is empty`);
  const vocabulary = options.vocabulary ?? [...new Set(chars)].sort();
  const codes = encodeText(text, vocabulary, options.name);
  const V = vocabulary.length;
  const split = Math.floor(codes.length * (1 - options.holdout));
  const train = codes.subarray(0, split);
  const held = codes.subarray(split);
  if (train.length < 3 || held.length < 3)
    throw new UserError(
      `${options.name}: ${codes.length} characters are too few to split into a training and a held-out part`,
    );

  const windows = (part: Uint16Array, starts: readonly number[], steps: number): Batch => {
    const B = starts.length;
    const input = new Uint16Array(steps * B);
    const target = new Uint16Array(steps * B);
    starts.forEach((start, b) => {
      for (let t = 0; t < steps; t++) {
        input[t * B + b] = part[start + t];
        target[t * B + b] = part[start + t + 1];
      }
    });
    return {
      input: { data: oneHot(input, V), shape: [steps, B, V] },
      target: { data: oneHot(target, V), shape: [steps, B, V] },
    };
  };
  const usable = (part: Uint16Array, steps: number) => {
    if (part.length < steps + 1)
      throw new UserError(
        `${options.name}: --seq ${steps} is longer than the ${part === train ? 'training' : 'held-out'} part (${part.length} characters)`,
      );
  };

  return {
    kind: 'text',
    description: `${options.name}: ${codes.length.toLocaleString('en-US')} characters, ${V} distinct; ${train.length.toLocaleString('en-US')} to train on, ${held.length.toLocaleString('en-US')} held out`,
    roles: [
      { role: 'input', form: 'sequence', width: V, what: 'distinct characters' },
      { role: 'target', form: 'sequence', width: V, what: 'distinct characters' },
    ],
    stepsPerEpoch: (B, T) => batchesIn(train.length, B * T),
    trainBatch(random: Random, B, T) {
      usable(train, T);
      return windows(
        train,
        Array.from({ length: B }, () => draw(random, train.length - T)),
        T,
      );
    },
    heldOut(B, T, _layout, limit) {
      usable(held, T);
      const starts: number[] = [];
      for (let s = 0; s + T < held.length; s += T) starts.push(s);
      return inBatches(starts, B, limit, (chunk) => windows(held, chunk, T));
    },
    tokens: (batch) => (batch.input as Tensor).shape[0] * (batch.input as Tensor).shape[1],
    metrics(output, batch) {
      const target = batch.target as Tensor;
      const rows = target.shape[0] * target.shape[1];
      let right = 0;
      for (let r = 0; r < rows; r++) if (target.data[r * V + argmax(output.data, r * V, V)] === 1) right++;
      return [{ name: 'accuracy', value: right / rows }];
    },
    // The model's loss is a mean cross-entropy in nats per character.
    reportLoss: (loss) => ({ name: 'bits/char', value: loss / Math.LN2 }),
    baselines() {
      // The unigram model: each character as often as in the training part (add-one smoothed).
      const counts = new Float64Array(V).fill(1);
      for (const c of train) counts[c]++;
      const total = train.length + V;
      let bits = 0;
      for (const c of held) bits -= Math.log2(counts[c] / total);
      return [{ name: 'unigram bits/char', value: bits / held.length }];
    },
    meta: { vocabulary },
  };
}
