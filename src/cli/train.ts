/** `rnnc train MODEL --data SPEC`: trains a model on a data set into a run folder. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { bindData } from '../data/bind.js';
import type { Metric } from '../data/dataset.js';
import { defaultSteps, loadDataset } from '../data/spec.js';
import { UserError } from '../diagnostics.js';
import { type Program, selectModel } from '../frontend/program.js';
import { checkFreshFolder, files, loadOptimizer, loadParams, readRunFile } from '../train/checkpoint.js';
import { compileForTraining } from '../train/compiled.js';
import { sha256, writeDurably } from '../train/commit.js';
import { graphToText } from '../ir/print/text.js';
import type { HistoryPoint } from '../train/curves.js';
import {
  finishEarly,
  formatMetric,
  type Ending,
  type Hooks,
  type LoopState,
  type Progress,
  saveRun,
  type Settings,
  trainLoop,
  epochsDone,
} from '../train/loop.js';
import { makeFolder, parseSizes } from './load.js';
import { progressBar } from './progress.js';

export interface TrainFlags {
  readonly data?: string;
  readonly target: 'ts' | 'wgsl';
  readonly epochs?: string;
  readonly batch: string;
  readonly seq?: string;
  readonly lr: string;
  readonly optimizer: 'sgd' | 'adam';
  readonly clip?: string;
  readonly truncate?: string;
  readonly seed: string;
  readonly out: string;
  readonly resume?: boolean;
  readonly minutes?: string;
  readonly maxSteps?: string;
  readonly holdout?: string;
  readonly column?: string;
  readonly season?: string;
  readonly evalBatches: string;
  readonly evalEvery?: string;
  readonly model?: string;
  readonly size: string[];
  readonly lengths?: boolean;
}

/** What the loop needs from the terminal: lines, a progress bar, Ctrl-C. */
export interface Terminal {
  out(text: string): void;
  /** Rewrites the progress line in place (a terminal), or undefined to print a line now and then. */
  readonly status?: (text: string) => void;
  /** Registers what Ctrl-C does; returns a function that removes it. */
  onInterrupt(handler: () => void): () => void;
}

function positive(value: string, flag: string, integer = true): number {
  const n = Number(value);
  if (!(n > 0) || (integer && !Number.isInteger(n)))
    throw new UserError(`${flag} must be a positive ${integer ? 'whole ' : ''}number, got '${value}'`);
  return n;
}

function fraction(value: string, flag: string): number {
  const n = Number(value);
  if (!(n > 0 && n < 1)) throw new UserError(`${flag} must be a fraction between 0 and 1, got '${value}'`);
  return n;
}

/** The run's settings: flags, else (when resuming) what the run used, else the defaults. */
function settingsFrom(flags: TrainFlags, spec: string, earlier?: Settings): Settings {
  const truncate = flags.truncate !== undefined ? positive(flags.truncate, '--truncate') : earlier?.truncate;
  const clip = flags.clip !== undefined ? positive(flags.clip, '--clip', false) : earlier?.clip;
  const minutes = flags.minutes !== undefined ? positive(flags.minutes, '--minutes', false) : undefined;
  const maxSteps = flags.maxSteps !== undefined ? positive(flags.maxSteps, '--max-steps') : undefined;
  const evalEvery = flags.evalEvery !== undefined ? positive(flags.evalEvery, '--eval-every') : earlier?.evalEvery;
  return {
    // With a time or step budget and no --epochs, the budget alone ends the run.
    epochs:
      flags.epochs !== undefined
        ? positive(flags.epochs, '--epochs')
        : minutes !== undefined || maxSteps !== undefined
          ? Infinity
          : earlier
            ? (earlier.epochs ?? Infinity) // run.json writes an unlimited count as null
            : 1,
    batch: positive(flags.batch, '--batch'),
    steps: flags.seq !== undefined ? positive(flags.seq, '--seq') : (earlier?.steps ?? defaultSteps(spec)),
    learningRate: positive(flags.lr, '--lr', false),
    optimizer: flags.optimizer,
    seed: Number.isInteger(Number(flags.seed)) ? Number(flags.seed) : (earlier?.seed ?? 0),
    evalBatches: positive(flags.evalBatches, '--eval-batches'),
    ...(truncate !== undefined ? { truncate } : {}),
    ...(clip !== undefined ? { clip } : {}),
    ...(minutes !== undefined ? { minutes } : {}),
    ...(maxSteps !== undefined ? { maxSteps } : {}),
    ...(evalEvery !== undefined ? { evalEvery } : {}),
    ...((flags.lengths ?? earlier?.lengths) ? { lengths: true } : {}),
  };
}

export async function trainCommand(
  program: Program,
  file: string,
  flags: TrainFlags,
  terminal: Terminal,
): Promise<Ending> {
  const model = selectModel(program, flags.model);
  const earlier = flags.resume ? readRunFile(flags.out) : undefined;
  const earlierData = earlier?.data as
    { spec: string; options: Record<string, unknown>; meta: Record<string, unknown> } | undefined;
  const spec = flags.data ?? earlierData?.spec;
  if (!spec)
    throw new UserError(
      'name the data with --data (a data set: moby-dick, births, cmudict, spam, names, adding; or a file)',
    );
  if (earlierData && spec !== earlierData.spec)
    throw new UserError(`${flags.out} was trained on --data ${earlierData.spec}; resume it on the same data`);
  const settings = settingsFrom(flags, spec, earlier?.settings as Settings | undefined);
  // A flag wins; when resuming, the run's own split and column are kept.
  const holdout =
    flags.holdout !== undefined
      ? fraction(flags.holdout, '--holdout')
      : (earlierData?.options.holdout as number | undefined);
  const column = flags.column ?? (earlierData?.options.column as string | undefined);
  const dataOptions = {
    steps: settings.steps,
    ...(holdout !== undefined ? { holdout } : {}),
    ...(column !== undefined ? { column } : {}),
    ...(flags.season !== undefined ? { season: positive(flags.season, '--season') } : {}),
    ...(earlierData ? { meta: earlierData.meta } : {}),
  };
  // Everything is read and checked before the run folder is touched.
  const data = loadDataset(spec, dataOptions);
  const bound = bindData(model, data, {
    ...((earlier?.model as { sizes?: Record<string, number> } | undefined)?.sizes ?? {}),
    ...parseSizes(flags.size),
  });
  // With lengths, batches of different lengths are padded at the end.
  const binding = settings.lengths ? { ...bound, layout: { ...bound.layout, lengths: true } } : bound;
  if (!earlier) checkFreshFolder(flags.out);
  // The model's graph (its equations and shapes, not its comments or layout) identifies it.
  const graphHash = sha256(graphToText(model.graph));
  const earlierGraph = (earlier?.model as { graph?: unknown } | undefined)?.graph;
  if (earlierGraph !== undefined && earlierGraph !== graphHash)
    throw new UserError(
      `model ${model.name} is not the model ${flags.out} was trained with: its equations or shapes changed (${join(flags.out, files.source)} holds the source it was trained from); train into a new --out, or resume with that source`,
    );
  if (settings.lengths && !data.lengths)
    throw new UserError(
      `--lengths: ${data.kind} data gives no per-sample lengths (cmudict's pairs and labelled sequences do); leave it out`,
    );
  const compiled = await compileForTraining(model, {
    ...(settings.lengths ? { lengths: [...new Set(Object.values(binding.axes))] } : {}),
    target: flags.target,
    sizes: binding.sizes,
    source: { file: program.file, text: program.source },
    cells: program.cellTable,
    ...(settings.truncate !== undefined ? { truncate: settings.truncate } : {}),
  });
  try {
    const params = earlier
      ? loadParams(join(flags.out, files.checkpoint), compiled.paramShapes)
      : compiled.init(settings.seed);
    const opt = compiled.optimizer({
      method: settings.optimizer,
      learningRate: settings.learningRate,
      ...(settings.clip !== undefined ? { clipNorm: settings.clip } : {}),
    });
    if (earlier) loadOptimizer(join(flags.out, files.optimizer), opt);
    const baselines: Metric[] = data.baselines(settings.steps, binding.layout);
    const count = Object.values(compiled.paramShapes).reduce((a, s) => a + s.reduce((x, y) => x * y, 1), 0);
    const record = {
      title: `${model.name} on ${spec}`,
      model: { file, name: model.name, sizes: binding.sizes, params: count, graph: graphHash },
      data: {
        spec,
        description: data.description,
        options: dataOptions,
        meta: data.meta,
        names: binding.names,
        layout: binding.layout,
      },
      target: flags.target,
      settings,
      baselines,
    };
    const progress: Progress = (earlier?.progress as Progress | undefined) ?? {
      epoch: 0,
      stepInEpoch: 0,
      step: 0,
      seconds: 0,
    };
    const history = [...((earlier?.history as HistoryPoint[] | undefined) ?? [])];
    const output = model.outputs[0] ?? '';
    const state: LoopState = {
      folder: flags.out,
      data,
      binding,
      compiled,
      params,
      opt,
      settings,
      progress,
      history,
      record,
      output,
    };

    makeFolder(flags.out);
    // The state first: a folder with run.json resumes; one killed before it is a fresh start.
    saveRun(state);
    writeDurably(join(flags.out, files.module), compiled.code);
    if (!existsSync(join(flags.out, files.source)) || !earlier)
      writeDurably(join(flags.out, files.source), program.source);

    const sizes = Object.entries(binding.sizes)
      .map(([k, v]) => `${k} = ${v}`)
      .join(', ');
    terminal.out(`data: ${data.description}`);
    terminal.out(`model: ${model.name} (${sizes}; ${count.toLocaleString('en-US')} params), ${compiled.description}`);
    terminal.out(
      `training: ${settings.optimizer} lr ${settings.learningRate}, batch ${settings.batch}, ${data.kind === 'labelled' || data.kind === 'pairs' ? `sequences of at most ${settings.steps} steps` : `windows of ${settings.steps} steps`}${settings.clip ? `, gradients clipped to norm ${settings.clip}` : ''}${settings.truncate ? `, BPTT truncated to ${settings.truncate} steps` : ''}, ${Number.isFinite(settings.epochs) ? `${settings.epochs} epoch${settings.epochs === 1 ? '' : 's'}` : 'epochs'} of ${data.stepsPerEpoch(settings.batch, settings.steps)} steps${settings.minutes ? ` or ${settings.minutes} min` : ''}${settings.maxSteps ? ` or ${settings.maxSteps} steps in all` : ''}${earlier ? `, resuming at step ${progress.step}` : ''}`,
    );
    terminal.out(`baselines on the held-out part: ${baselines.map(formatMetric).join('; ')}`);

    let stop = false;
    const bar = progressBar(terminal);
    const hooks: Hooks = {
      say: (text) => {
        bar.clear();
        terminal.out(text);
      },
      tick: (status) => bar.update(status),
      stopRequested: () => stop,
      yield: () => new Promise((resolve) => setImmediate(resolve)),
    };
    const release = terminal.onInterrupt(() => {
      stop = true;
    });
    let ending;
    try {
      ending = await trainLoop(state, hooks);
    } finally {
      release();
      bar.clear();
    }
    if (ending === 'interrupted') saveRun(state);
    else if (ending !== 'finished') await finishEarly(state, hooks);
    terminal.out(
      `${ending === 'interrupted' ? 'stopped (Ctrl-C)' : ending === 'time budget' ? `stopped after the time budget of ${settings.minutes} min` : ending === 'step budget' ? `stopped after --max-steps ${settings.maxSteps}` : 'finished'} at step ${progress.step} (${epochsDone(progress, data.stepsPerEpoch(settings.batch, settings.steps))} epochs in, ${progress.seconds.toFixed(0)} s of training); ${flags.out} holds ${files.checkpoint}, ${files.run}, ${files.csv} and ${files.chart}`,
    );
    return ending;
  } finally {
    compiled.destroy();
  }
}
