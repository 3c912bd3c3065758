/**
 * The training loop: batches drawn from the data set, one trainStep each,
 * the held-out part evaluated at the end of every epoch (or every
 * `evalEvery` steps), and the run folder brought up to date after every
 * evaluation and when the loop stops early (time budget, Ctrl-C). A step
 * whose gradients are not finite stops the run without saving its params,
 * so the last checkpoint stays the last good one.
 */
import { join } from 'node:path';
import { argmax, type Batch, type Dataset, type Metric, averageMetrics, type Tensor } from '../data/dataset.js';
import type { Binding } from '../data/bind.js';
import { UserError } from '../diagnostics.js';
import { Random } from '../interp/random.js';
import { checkpointBytes, files } from './checkpoint.js';
import { commitRunState, writeDurably } from './commit.js';
import type { Compiled, Inputs, Lengths, OptimizerState, Params } from './compiled.js';
import { type HistoryPoint, historyChart, historyCsv } from './curves.js';

export interface Settings {
  readonly epochs: number;
  readonly batch: number;
  readonly steps: number;
  readonly learningRate: number;
  readonly optimizer: 'sgd' | 'adam';
  readonly clip?: number;
  readonly truncate?: number;
  readonly seed: number;
  /** Stop after this many minutes of training (then evaluate and save). */
  readonly minutes?: number;
  /** Stop after this many training steps in all (then evaluate and save). */
  readonly maxSteps?: number;
  /** Held-out batches evaluated at most. */
  readonly evalBatches: number;
  /** Evaluate every this many steps as well as at the end of every epoch. */
  readonly evalEvery?: number;
  /** Run each sample of a padded batch for its own steps (data that gives lengths). */
  readonly lengths?: boolean;
}

/** Where a run stands; kept in run.json so that --resume continues from it. */
export interface Progress {
  /** Epochs completed. */
  epoch: number;
  /** Steps taken in the current epoch. */
  stepInEpoch: number;
  /** Steps taken in all. */
  step: number;
  /** Seconds spent training, over every resumption. */
  seconds: number;
}

export interface LoopState {
  readonly folder: string;
  readonly data: Dataset;
  readonly binding: Binding;
  readonly compiled: Compiled;
  readonly params: Params;
  readonly opt: OptimizerState;
  readonly settings: Settings;
  readonly progress: Progress;
  readonly history: HistoryPoint[];
  /** run.json as it is before the progress and history are added. */
  readonly record: Readonly<Record<string, unknown>>;
  /** The model's first output, which metrics read. */
  readonly output: string;
}

export interface Hooks {
  /** A line for the user (epoch summaries, the end). */
  say(text: string): void;
  /** The progress bar's state after each step. */
  tick(status: Status): void;
  /** True once the user asked to stop (Ctrl-C). */
  stopRequested(): boolean;
  /** Lets signals through between steps. */
  yield(): Promise<void>;
}

export interface Status {
  readonly epoch: number;
  readonly epochs: number;
  readonly stepInEpoch: number;
  readonly stepsPerEpoch: number;
  readonly loss: number;
  readonly stepsPerSecond: number;
  readonly tokensPerSecond: number;
  /** Seconds left, by the step rate (and the time budget). */
  readonly eta: number;
}

export type Ending = 'finished' | 'time budget' | 'step budget' | 'interrupted';

/**
 * Renames a batch's roles to the model's input names, leaving out what only metrics read; a
 * token input gets the index of each one-hot row.
 */
function modelInputs(batch: Batch, binding: Binding): Inputs {
  return Object.fromEntries(
    Object.entries(binding.names).map(([role, name]) => {
      const tensor = batch[role] as NonNullable<Batch[string]>;
      return [name, binding.tokens.has(name) ? tokenIds(tensor) : tensor];
    }),
  );
}

/** Each sample's steps by the model's time axis, when the run uses the lengths the data gives. */
function modelLengths(state: LoopState, batch: Batch): Lengths {
  if (!state.settings.lengths || !state.data.lengths) return {};
  const byRole = state.data.lengths(batch);
  return Object.fromEntries(
    Object.entries(byRole).flatMap(([role, lengths]) => {
      const axis = state.binding.axes[role];
      return axis === undefined ? [] : [[axis, lengths]];
    }),
  );
}

/** One-hot rows [… , V] as their indices [ … ]. */
function tokenIds(tensor: Tensor): Tensor {
  const width = tensor.shape[tensor.shape.length - 1];
  const rows = tensor.data.length / width;
  const ids = new Float32Array(rows);
  for (let r = 0; r < rows; r++) ids[r] = argmax(tensor.data, r * width, width);
  return { data: ids, shape: tensor.shape.slice(0, -1) };
}

export async function evaluate(state: LoopState): Promise<{ loss: number; reported: Metric; metrics: Metric[] }> {
  const { data, binding, compiled, params, settings } = state;
  const batches = data.heldOut(settings.batch, settings.steps, binding.layout, settings.evalBatches);
  let lossSum = 0;
  let weightSum = 0;
  const parts: { metrics: Metric[]; weight: number }[] = [];
  for (const batch of batches) {
    const { loss, outputs } = await compiled.evaluate(params, modelInputs(batch, binding), modelLengths(state, batch));
    const weight = data.weight?.(batch) ?? data.tokens(batch);
    lossSum += loss * weight;
    weightSum += weight;
    const output = outputs[state.output];
    if (output) parts.push({ metrics: data.metrics(output, batch, binding.layout), weight });
    if (data.decode) {
      const run = async (b: Batch) =>
        (await compiled.evaluate(params, modelInputs(b, binding), modelLengths(state, b))).outputs[state.output];
      parts.push({ metrics: await data.decode(run, batch), weight });
    }
  }
  const loss = lossSum / weightSum;
  return { loss, reported: data.reportLoss(loss), metrics: averageMetrics(parts) };
}

/** Commits the run's state (checkpoint, optimizer, run.json) as one unit, then writes the curves. */
export function saveRun(state: LoopState): void {
  const { folder, progress } = state;
  const bytes = checkpointBytes(state.params, state.compiled.paramShapes, state.opt, {
    epoch: String(progress.epoch),
    step: String(progress.step),
  });
  commitRunState(folder, { ...bytes, run: { ...state.record, progress, history: state.history } });
  // The curves are drawn from run.json's history: not part of the state, and redrawn at every save.
  writeDurably(join(folder, files.csv), historyCsv(state.history));
  if (state.history.length > 0)
    writeDurably(join(folder, files.chart), historyChart(state.history, `${String(state.record.title ?? 'training')}`));
}

/** How far training has gone, in epochs: `2`, or `0.94` within the first. */
export function epochsDone(progress: { epoch: number; stepInEpoch: number }, stepsPerEpoch: number): string {
  const done = progress.epoch + progress.stepInEpoch / stepsPerEpoch;
  return Number.isInteger(done) ? String(done) : done.toFixed(2);
}

const format = (m: Metric) =>
  `${m.name} ${m.value !== 0 && (Math.abs(m.value) < 1e-3 || Math.abs(m.value) >= 1e5) ? m.value.toExponential(3) : m.value.toFixed(4)}`;

export async function trainLoop(state: LoopState, hooks: Hooks): Promise<Ending> {
  const { data, binding, compiled, params, opt, settings, progress, history } = state;
  const stepsPerEpoch = data.stepsPerEpoch(settings.batch, settings.steps);
  // Training loss points: about 20 an epoch, and at least one every 25 steps.
  const logEvery = Math.max(1, Math.min(25, Math.floor(stepsPerEpoch / 20)));
  // Each resumption draws anew, but reproducibly: the stream depends on the seed and the step.
  const random = new Random(settings.seed * 1000003 + progress.step);
  const started = performance.now();
  const secondsBefore = progress.seconds;
  const budget = settings.minutes !== undefined ? settings.minutes * 60 : Infinity;
  let window = { loss: 0, count: 0 };
  let rate = { steps: 0, tokens: 0, since: performance.now() };
  let stepsThisRun = 0;

  const measure = async () => {
    const held = await evaluate(state);
    history.push({
      step: progress.step,
      epoch: progress.epoch,
      seconds: progress.seconds,
      split: 'held-out',
      loss: held.loss,
      reported: held.reported,
      metrics: held.metrics,
    });
    hooks.say(
      `epoch ${epochsDone(progress, stepsPerEpoch)} step ${progress.step}: held-out ${[held.reported, ...held.metrics].map(format).join(', ')} (${progress.seconds.toFixed(0)} s)`,
    );
  };

  while (progress.epoch < settings.epochs) {
    if (hooks.stopRequested()) return 'interrupted';
    if (progress.seconds >= budget) return 'time budget';
    if (settings.maxSteps !== undefined && progress.step >= settings.maxSteps) return 'step budget';
    const batch = data.trainBatch(random, settings.batch, settings.steps, binding.layout);
    let result;
    try {
      // Dropout's masks differ from step to step, reproducibly: they depend on the seed and the step.
      const maskSeed = settings.seed * 7919 + progress.step;
      result = await compiled.trainStep(params, opt, modelInputs(batch, binding), modelLengths(state, batch), maskSeed);
    } catch (e) {
      const message = (e as Error).message.replace(/^rnnc model: /, '');
      throw new UserError(
        `step ${progress.step + 1}: ${message}. The run folder keeps the checkpoint of step ${history.findLast((p) => p.split === 'held-out')?.step ?? 0}`,
      );
    }
    progress.step++;
    progress.stepInEpoch++;
    stepsThisRun++;
    progress.seconds = secondsBefore + (performance.now() - started) / 1000;
    window.loss += result.loss;
    window.count++;
    rate.steps++;
    rate.tokens += data.tokens(batch);
    const elapsed = (performance.now() - rate.since) / 1000;
    const stepsPerSecond = rate.steps / Math.max(elapsed, 1e-9);
    const remaining = Math.min(
      (settings.epochs - progress.epoch) * stepsPerEpoch - progress.stepInEpoch,
      (settings.maxSteps ?? Infinity) - progress.step,
    );
    hooks.tick({
      epoch: progress.epoch,
      epochs: settings.epochs,
      stepInEpoch: progress.stepInEpoch,
      stepsPerEpoch,
      loss: result.loss,
      stepsPerSecond,
      tokensPerSecond: rate.tokens / Math.max(elapsed, 1e-9),
      eta: Math.min(remaining / stepsPerSecond, budget - progress.seconds),
    });
    // The rate is measured over the last few seconds, so it follows changes.
    if (elapsed > 10) rate = { steps: 0, tokens: 0, since: performance.now() };
    if (window.count >= logEvery) {
      const mean = window.loss / window.count;
      history.push({
        step: progress.step,
        epoch: progress.epoch,
        seconds: progress.seconds,
        split: 'train',
        loss: mean,
        reported: data.reportLoss(mean),
        metrics: [],
      });
      window = { loss: 0, count: 0 };
    }
    if (progress.stepInEpoch >= stepsPerEpoch) {
      progress.epoch++;
      progress.stepInEpoch = 0;
      await measure();
      saveRun(state);
    } else if (settings.evalEvery !== undefined && stepsThisRun % settings.evalEvery === 0) {
      await measure();
      saveRun(state);
    }
    await hooks.yield();
  }
  return 'finished';
}

/** After an early stop: the held-out numbers where they were taken, and the folder saved. */
export async function finishEarly(state: LoopState, hooks: Hooks): Promise<void> {
  const last = state.history[state.history.length - 1];
  if (!(last?.split === 'held-out' && last.step === state.progress.step)) {
    const held = await evaluate(state);
    state.history.push({
      step: state.progress.step,
      epoch: state.progress.epoch,
      seconds: state.progress.seconds,
      split: 'held-out',
      loss: held.loss,
      reported: held.reported,
      metrics: held.metrics,
    });
    hooks.say(`step ${state.progress.step}: held-out ${[held.reported, ...held.metrics].map(format).join(', ')}`);
  }
  saveRun(state);
}

export { format as formatMetric };
