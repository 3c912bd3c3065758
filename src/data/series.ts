/**
 * A time series from one column of a CSV file: forecast the next value from
 * a window of `--seq` values. Values are standardized with the training
 * part's mean and deviation; errors are reported in the file's own units.
 * The last tenth (by default) of the series is held out: every value there
 * is forecast once, from the window just before it.
 */
import { UserError } from '../diagnostics.js';
import type { Random } from '../interp/random.js';
import {
  batchesIn,
  inBatches,
  type Batch,
  type Dataset,
  draw,
  type Layout,
  type Metric,
  type Tensor,
} from './dataset.js';

export interface SeriesOptions {
  readonly name: string;
  readonly holdout: number;
  /** The column by header name or 1-based number; the last column by default. */
  readonly column?: string;
  /** The seasonal-naive baseline forecasts the value this many steps earlier (7: a week of daily data). */
  readonly season: number;
  /** The standardization of an earlier run, when resuming. */
  readonly normalization?: { readonly mean: number; readonly deviation: number };
}

const numeric = /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/;

/** One column of a CSV text as numbers; every row is checked. */
export function readColumn(
  text: string,
  options: Pick<SeriesOptions, 'name' | 'column'>,
): { values: Float64Array; column: string } {
  const lines = text.split(/\r?\n/);
  while (lines.length > 0 && lines[lines.length - 1].trim() === '') lines.pop();
  if (lines.length === 0) throw new UserError(`${options.name}: the file is empty`);
  const split = (line: string) => line.split(',').map((c) => c.trim());
  const first = split(lines[0]);
  const hasHeader = first.some((c) => !numeric.test(c));
  const header = hasHeader ? first : first.map((_, k) => String(k + 1));
  let index = header.length - 1;
  if (options.column !== undefined) {
    const byName = header.indexOf(options.column);
    const byNumber = /^\d+$/.test(options.column) ? Number(options.column) - 1 : -1;
    index = byName >= 0 ? byName : byNumber;
    if (index < 0 || index >= header.length)
      throw new UserError(
        `${options.name}: no column '${options.column}' (${hasHeader ? `the header names ${header.join(', ')}` : `rows have ${header.length} columns`})`,
      );
  }
  const rows = lines.slice(hasHeader ? 1 : 0);
  if (rows.length === 0) throw new UserError(`${options.name}: the file has a header but no rows`);
  const values = new Float64Array(rows.length);
  rows.forEach((row, k) => {
    const line = k + (hasHeader ? 2 : 1);
    const cells = split(row);
    if (cells.length !== header.length)
      throw new UserError(
        `${options.name}:${line}: the row has ${cells.length} cells, but ${hasHeader ? 'the header has' : 'the first row has'} ${header.length}`,
      );
    const cell = cells[index];
    if (!numeric.test(cell))
      throw new UserError(
        `${options.name}:${line}: column '${header[index]}' holds ${JSON.stringify(cell)}, not a number`,
      );
    values[k] = Number(cell);
  });
  return { values, column: header[index] };
}

export function seriesDataset(text: string, options: SeriesOptions): Dataset {
  const { values, column } = readColumn(text, options);
  const N = values.length;
  const split = Math.floor(N * (1 - options.holdout));
  if (split < 3 || N - split < 1)
    throw new UserError(`${options.name}: ${N} values are too few to split into a training and a held-out part`);
  const trainPart = values.subarray(0, split);
  const mean = options.normalization?.mean ?? trainPart.reduce((a, b) => a + b, 0) / split;
  const deviation =
    options.normalization?.deviation ?? (Math.sqrt(trainPart.reduce((a, v) => a + (v - mean) ** 2, 0) / split) || 1);
  const z = Float32Array.from(values, (v) => (v - mean) / deviation);

  /** Windows z[s, s+T) and their targets: the next value at every step, or only after the window. */
  const windows = (starts: readonly number[], T: number, layout: Layout): Batch => {
    const B = starts.length;
    const input = new Float32Array(T * B);
    const target = new Float32Array((layout.targetPerStep ? T : 1) * B);
    const actual = new Float32Array(B);
    starts.forEach((s, b) => {
      for (let t = 0; t < T; t++) {
        input[t * B + b] = z[s + t];
        if (layout.targetPerStep) target[t * B + b] = z[s + t + 1];
      }
      if (!layout.targetPerStep) target[b] = z[s + T];
      actual[b] = values[s + T];
    });
    return {
      input: { data: input, shape: [T, B, 1] },
      target: { data: target, shape: layout.targetPerStep ? [T, B, 1] : [B, 1] },
      actual: { data: actual, shape: [B] },
    };
  };
  const check = (T: number) => {
    if (split < T + 1)
      throw new UserError(`${options.name}: --seq ${T} is longer than the training part (${split} values)`);
  };
  /** Each held-out value, forecast from the T values before it. */
  const heldTargets = (T: number) => {
    const targets: number[] = [];
    for (let j = Math.max(split, T); j < N; j++) targets.push(j);
    return targets;
  };
  const mae = (forecast: (j: number) => number, targets: readonly number[]) =>
    targets.reduce((a, j) => a + Math.abs(forecast(j) - values[j]), 0) / targets.length;

  return {
    kind: 'series',
    description: `${options.name}: column '${column}', ${N.toLocaleString('en-US')} values (mean ${mean.toPrecision(6)}, deviation ${deviation.toPrecision(4)}); ${split.toLocaleString('en-US')} to train on, the last ${(N - split).toLocaleString('en-US')} held out`,
    roles: [
      { role: 'input', form: 'sequence', width: 1, what: 'values per step' },
      { role: 'target', form: 'either', width: 1, what: 'values per step' },
    ],
    stepsPerEpoch: (B) => batchesIn(split, B),
    trainBatch(random: Random, B, T, layout) {
      check(T);
      return windows(
        Array.from({ length: B }, () => draw(random, split - T)),
        T,
        layout,
      );
    },
    heldOut(B, T, layout, limit) {
      check(T);
      const starts = heldTargets(T).map((j) => j - T);
      return inBatches(starts, B, limit, (chunk) => windows(chunk, T, layout));
    },
    tokens: (batch) => (batch.input as Tensor).shape[0] * (batch.input as Tensor).shape[1],
    metrics(output, batch, layout) {
      const actual = batch.actual as Tensor;
      const B = actual.shape[0];
      // The forecast after the whole window: the last step's output.
      const offset = layout.targetPerStep ? output.data.length - B : 0;
      let error = 0;
      for (let b = 0; b < B; b++) error += Math.abs(output.data[offset + b] * deviation + mean - actual.data[b]);
      return [{ name: `MAE (${column})`, value: error / B }];
    },
    reportLoss: (loss) => ({ name: 'loss', value: loss }),
    baselines(T) {
      const targets = heldTargets(T);
      const season = options.season;
      const out: Metric[] = [
        {
          name: `seasonal-naive MAE (${column}, ${season} steps earlier)`,
          value: mae((j) => values[j - season], targets),
        },
        { name: `naive MAE (${column}, the step before)`, value: mae((j) => values[j - 1], targets) },
      ];
      return out;
    },
    meta: { column, normalization: { mean, deviation } },
  };
}
