/**
 * Training in the browser: the compiled module's own `grad` and `applyGradients` (Adam) on a
 * shipped task, one or two models in turns, reporting each run's losses, step times and the
 * gradient's size at every input step (the vanishing-gradient picture) as it goes.
 */
import { chooseModel, parse } from '../../src/api/program.js';
import { UserError } from '../../src/diagnostics.js';
import { addingRecords } from '../../src/data/adding.js';
import { bindData, type Binding } from '../../src/data/bind.js';
import type { Dataset } from '../../src/data/dataset.js';
import { labelledDataset, readLabelled } from '../../src/data/labelled.js';
import type { ModelInfo } from '../../src/frontend/model.js';
import { Random } from '../../src/interp/random.js';
import { examples } from 'virtual:examples';
import { type CompiledModule, type FlatTensor, loadModule } from './modules.js';
import type { Choice, TaskName, TrainReply, TrainRequest } from './protocol.js';
import type { Context } from './worker.js';

/** A shipped task's data set at a sequence length. */
export function taskDataset(task: TaskName, sequence: number): Dataset {
  if (task === 'adding')
    return labelledDataset(addingRecords(2200, sequence, 7), {
      name: `the adding problem (T = ${sequence})`,
      holdout: 200 / 2200,
    });
  return labelledDataset(readLabelled(examples['data/sums.jsonl'], 'sums.jsonl', sequence), {
    name: 'sums.jsonl (is the sum of the two marked values above one?)',
    holdout: 0.1,
  });
}

/**
 * Sizes for training: the task fixes the widths of the model's input and target (a size named by
 * one of them is the data's), the rest are the page's.
 */
function taskSizes(model: ModelInfo, sizes: Readonly<Record<string, number>>): Record<string, number> {
  const fixed = new Set(
    model.inputs.flatMap((i) => {
      const dim = i.vocabulary ?? (i.type.shape.length === 1 ? i.type.shape[0] : undefined);
      return dim ? dim.names : [];
    }),
  );
  return Object.fromEntries(Object.entries(sizes).filter(([name]) => !fixed.has(name)));
}

interface Run {
  readonly choice: Choice;
  readonly binding: Binding;
  readonly module: CompiledModule;
  readonly params: Record<string, Float32Array>;
  readonly optimizer: unknown;
  readonly random: Random;
  readonly losses: number[];
  readonly times: number[];
  reported: number;
}

/** ‖∂L/∂x_t‖ for each step t, averaged over the batch: how much each input step still moves the loss. */
function gradientFlow(gradient: FlatTensor): number[] {
  const [T, B] = gradient.shape;
  const width = gradient.data.length / (T * B);
  return Array.from({ length: T }, (_, t) => {
    let sum = 0;
    for (let b = 0; b < B; b++) {
      let squares = 0;
      for (let k = 0; k < width; k++) squares += gradient.data[(t * B + b) * width + k] ** 2;
      sum += Math.sqrt(squares);
    }
    return sum / B;
  });
}

const yieldToMessages = () => new Promise((resolve) => setTimeout(resolve, 0));

async function start(choice: Choice, request: TrainRequest, data: Dataset, index: number): Promise<Run> {
  const program = parse(choice.source, { file: 'cell.rnn' });
  const { model } = chooseModel(program, { model: choice.model });
  const binding = bindData(model, data, taskSizes(model, choice.sizes));
  const sized = { ...choice, sizes: binding.sizes };
  const module = await loadModule(sized, 'wasm');
  return {
    choice: sized,
    binding,
    module,
    params: module.init(request.seed),
    optimizer: module.optimizer({ method: 'adam', learningRate: request.learningRate, clipNorm: 1 }),
    random: new Random(request.seed * 7919 + index),
    losses: [],
    times: [],
    reported: 0,
  };
}

function step(run: Run, data: Dataset, request: TrainRequest): ReturnType<CompiledModule['grad']> {
  const batch = data.trainBatch(run.random, request.batch, request.sequence, run.binding.layout);
  const inputs: Record<string, FlatTensor> = {};
  for (const [role, name] of Object.entries(run.binding.names)) inputs[name] = batch[role];
  const begin = performance.now();
  const result = run.module.grad(run.params, inputs);
  run.module.applyGradients(run.params, run.optimizer, result);
  run.times.push(performance.now() - begin);
  run.losses.push(result.loss);
  return result;
}

const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[values.length >> 1] ?? 0;

export async function train(request: TrainRequest, context: Context): Promise<TrainReply> {
  if (request.runs.length === 0) throw new UserError('choose a model to train');
  const data = taskDataset(request.task, request.sequence);
  const runs: Run[] = [];
  for (const [k, choice] of request.runs.entries()) runs.push(await start(choice, request, data, k));
  const inputName = (run: Run) => run.binding.names.input;
  let lastReport = performance.now();
  for (let s = 0; s < request.steps && !context.stopped(); s++) {
    for (const [k, run] of runs.entries()) {
      const result = step(run, data, request);
      const now = performance.now();
      const last = s === request.steps - 1;
      if (now - lastReport > 100 || last || s === 0) {
        lastReport = now;
        const gradient = result.inputGrads[inputName(run)];
        context.progress({
          run: k,
          step: s + 1,
          losses: run.losses.slice(run.reported),
          msPerStep: median(run.times.slice(-20)),
          ...(gradient ? { gradientFlow: gradientFlow(gradient) } : {}),
        });
        run.reported = run.losses.length;
      }
    }
    await yieldToMessages();
  }
  // Whatever a stop left unreported.
  for (const [k, run] of runs.entries())
    if (run.reported < run.losses.length)
      context.progress({
        run: k,
        step: run.losses.length,
        losses: run.losses.slice(run.reported),
        msPerStep: median(run.times.slice(-20)),
      });
  return {
    description: `${data.description}; Adam, learning rate ${request.learningRate}, batch ${request.batch}, on WebAssembly SIMD in a worker`,
    runs: runs.map((run) => ({
      model: run.choice.model,
      finalLoss: run.losses[run.losses.length - 1] ?? NaN,
      medianMsPerStep: median(run.times),
    })),
    stopped: context.stopped(),
  };
}
