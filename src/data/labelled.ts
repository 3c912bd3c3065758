/**
 * Labelled sequences, one JSON object a line: `{"sequence": [[…], …], "label": 2}`
 * for many-to-one classification (the label is a class number from 0), or
 * `{"sequence": …, "target": 0.7}` (a number or a list) for regression. A
 * step is a number or a list of numbers, the same width everywhere. Batches
 * of sequences of different lengths are padded at the front with zero steps,
 * so every sequence ends at the batch's last step, where the model reads it;
 * with `rnnc train --lengths` they are padded at the end instead, and each
 * sample runs for its own steps. The last tenth (by default) of the records
 * is held out.
 *
 * Labelled texts (texts.ts) are records of token ids, one-hot in the batches
 * (a token input reads them as ids).
 */
import { UserError } from '../diagnostics.js';
import type { Random } from '../interp/random.js';
import {
  argmax,
  batchesIn,
  inBatches,
  type Batch,
  type Dataset,
  draw,
  type Layout,
  type Metric,
  type Tensor,
} from './dataset.js';

export interface LabelledRecord {
  /** [steps][width], or token ids (one-hot rows of the data set's width). */
  readonly steps: readonly (readonly number[])[] | { readonly ids: readonly number[] };
  /** A class number, or the regression target. */
  readonly label: number | readonly number[];
  readonly line: number;
}

/** A record of vectors, as a JSONL file or the adding problem gives them. */
export interface VectorRecord extends LabelledRecord {
  readonly steps: readonly (readonly number[])[];
}

export interface LabelledOptions {
  readonly name: string;
  readonly holdout: number;
  /** Records of token ids: the number of distinct tokens, what they are, and what the run keeps of them. */
  readonly tokens?: { readonly width: number; readonly what: string; readonly meta: Readonly<Record<string, unknown>> };
}

function stepCount(r: LabelledRecord): number {
  return 'ids' in r.steps ? r.steps.ids.length : r.steps.length;
}

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** Parses and checks JSONL text; messages name the file and line. */
export function readLabelled(text: string, name: string, maxSteps: number): VectorRecord[] {
  const records: VectorRecord[] = [];
  let width: { value: number; line: number } | undefined;
  let kind: { value: 'label' | 'target'; line: number } | undefined;
  const lines = text.split(/\r?\n/);
  lines.forEach((raw, k) => {
    const line = k + 1;
    const at = `${name}:${line}`;
    if (raw.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (e) {
      throw new UserError(`${at}: not valid JSON: ${(e as Error).message}`);
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      throw new UserError(`${at}: expected an object like {"sequence": [[0.1, 0.2], …], "label": 1}`);
    const record = value as Record<string, unknown>;
    const sequence = record.sequence;
    if (!Array.isArray(sequence) || sequence.length === 0)
      throw new UserError(`${at}: "sequence" must be a non-empty list of steps`);
    if (sequence.length > maxSteps)
      throw new UserError(
        `${at}: the sequence has ${sequence.length} steps, more than the ${maxSteps} allowed (--seq)`,
      );
    const steps = sequence.map((step: unknown, t) => {
      const values = Array.isArray(step) ? step : [step];
      if (!values.every(isNumber))
        throw new UserError(
          `${at}: step ${t} of "sequence" holds ${JSON.stringify(step)}, not a number or a list of numbers`,
        );
      return values as number[];
    });
    for (const [t, step] of steps.entries()) {
      width ??= { value: step.length, line };
      if (step.length !== width.value)
        throw new UserError(
          `${at}: step ${t} has ${step.length} values, but ${width.line === line ? 'step 0' : `line ${width.line}'s steps`} have ${width.value}`,
        );
    }
    const which = 'label' in record ? 'label' : 'target' in record ? 'target' : undefined;
    if (!which) throw new UserError(`${at}: the record has no "label" (a class number) or "target" (a number or list)`);
    kind ??= { value: which, line };
    if (which !== kind.value)
      throw new UserError(`${at}: the record has a "${which}", but line ${kind.line}'s has a "${kind.value}"`);
    let label: number | number[];
    if (which === 'label') {
      if (!Number.isInteger(record.label) || (record.label as number) < 0)
        throw new UserError(`${at}: "label" must be a class number 0, 1, 2, …, got ${JSON.stringify(record.label)}`);
      label = record.label as number;
    } else {
      const target = Array.isArray(record.target) ? record.target : [record.target];
      if (target.length === 0 || !target.every(isNumber))
        throw new UserError(
          `${at}: "target" must be a number or a list of numbers, got ${JSON.stringify(record.target)}`,
        );
      label = target as number[];
      const first = records[0]?.label;
      if (Array.isArray(first) && first.length !== label.length)
        throw new UserError(
          `${at}: "target" has ${label.length} values, but line ${records[0].line}'s has ${first.length}`,
        );
    }
    records.push({ steps, label, line });
  });
  if (records.length === 0) throw new UserError(`${name}: the file holds no records`);
  return records;
}

export function labelledDataset(records: readonly LabelledRecord[], options: LabelledOptions): Dataset {
  const split = Math.floor(records.length * (1 - options.holdout));
  if (split < 1 || records.length - split < 1)
    throw new UserError(
      `${options.name}: ${records.length} records are too few to split into a training and a held-out part`,
    );
  const train = records.slice(0, split);
  const held = records.slice(split);
  const first = records[0].steps;
  const width = options.tokens?.width ?? ('ids' in first ? 0 : first[0].length);
  const classification = typeof records[0].label === 'number';
  const largest = classification
    ? records.reduce((best, r) => ((r.label as number) > (best.label as number) ? r : best))
    : undefined;
  const targetWidth = classification ? (largest?.label as number) + 1 : (records[0].label as number[]).length;

  const batchOf = (drawn: readonly LabelledRecord[], layout: Layout): Batch => {
    const atEnd = layout.lengths === true;
    // With lengths, longest first: a time loop then finds its running samples in the first rows
    // as they are, without gathering them into that order (src/backends/ts/ragged.ts). A batch's
    // loss and gradient do not depend on the order of its samples.
    const chosen = atEnd ? [...drawn].sort((x, y) => stepCount(y) - stepCount(x)) : drawn;
    const B = chosen.length;
    const T = Math.max(...chosen.map(stepCount));
    const input = new Float32Array(T * B * width);
    const target = new Float32Array(B * targetWidth);
    const lengths = new Float32Array(B);
    chosen.forEach((r, b) => {
      lengths[b] = stepCount(r);
      const pad = atEnd ? 0 : T - stepCount(r);
      if ('ids' in r.steps) r.steps.ids.forEach((id, t) => (input[((pad + t) * B + b) * width + id] = 1));
      else r.steps.forEach((step, t) => input.set(step, ((pad + t) * B + b) * width));
      if (typeof r.label === 'number') target[b * targetWidth + r.label] = 1;
      else target.set(r.label, b * targetWidth);
    });
    return {
      input: { data: input, shape: [T, B, width] },
      target: { data: target, shape: [B, targetWidth] },
      inputLength: { data: lengths, shape: [B] },
    };
  };

  const majority = (() => {
    if (!classification) return 0;
    const counts = new Map<number, number>();
    for (const r of train) counts.set(r.label as number, (counts.get(r.label as number) ?? 0) + 1);
    return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0][0];
  })();
  const meanTarget = classification
    ? []
    : Array.from({ length: targetWidth }, (_, k) => train.reduce((a, r) => a + (r.label as number[])[k], 0) / split);

  return {
    kind: 'labelled',
    description: `${options.name}: ${records.length.toLocaleString('en-US')} sequences of ${options.tokens ? `${width} ${options.tokens.what}` : `${width}-wide steps`} (${Math.min(...records.map(stepCount))}–${Math.max(...records.map(stepCount))} steps), ${classification ? `${targetWidth} classes` : `${targetWidth}-wide targets`}; ${split.toLocaleString('en-US')} to train on, ${(records.length - split).toLocaleString('en-US')} held out`,
    roles: [
      { role: 'input', form: 'sequence', width, what: options.tokens?.what ?? 'values per step' },
      {
        role: 'target',
        form: 'vector',
        width: targetWidth,
        what: classification ? 'classes' : 'target values',
        ...(largest ? { where: `${options.name}:${largest.line} has label ${largest.label as number}` } : {}),
      },
    ],
    stepsPerEpoch: (B) => batchesIn(split, B),
    trainBatch: (random: Random, B, _T, layout) =>
      batchOf(
        Array.from({ length: B }, () => train[draw(random, split)]),
        layout,
      ),
    heldOut: (B, _T, layout, limit) => inBatches(held, B, limit, (chunk) => batchOf(chunk, layout)),
    // The real steps.
    tokens: (batch) => (batch.inputLength as Tensor).data.reduce((a, b) => a + b, 0),
    lengths: (batch: Batch) => ({ input: Array.from((batch.inputLength as Tensor).data) }),
    // One label a sequence: the loss and accuracy are means over sequences.
    weight: (batch) => (batch.target as Tensor).shape[0],
    metrics(output, batch) {
      const target = batch.target as Tensor;
      const [B, C] = target.shape;
      if (classification) {
        let right = 0;
        for (let b = 0; b < B; b++) if (target.data[b * C + argmax(output.data, b * C, C)] === 1) right++;
        return [{ name: 'accuracy', value: right / B }];
      }
      let squares = 0;
      for (let k = 0; k < B * C; k++) squares += (output.data[k] - target.data[k]) ** 2;
      return [{ name: 'MSE', value: squares / (B * C) }];
    },
    reportLoss: (loss) => ({ name: 'loss', value: loss }),
    baselines(): Metric[] {
      if (classification)
        return [
          {
            name: `majority-class accuracy (class ${majority})`,
            value: held.filter((r) => r.label === majority).length / held.length,
          },
        ];
      const mse =
        held.reduce((a, r) => a + (r.label as number[]).reduce((s, v, k) => s + (v - meanTarget[k]) ** 2, 0), 0) /
        (held.length * targetWidth);
      return [{ name: `MSE of the training mean (${meanTarget.map((v) => v.toFixed(3)).join(', ')})`, value: mse }];
    },
    meta: { classification, width, targetWidth, ...options.tokens?.meta },
  };
}
