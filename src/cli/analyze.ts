/**
 * `rnnc analyze --gradient-flow`: how far back a loss at the last step
 * reaches. For each file, the norm of dL/d(state at t) of its first recurrent
 * layer for every t, averaged over the batch: the vanishing-gradient picture.
 */
import { grad } from '../ad/grad.js';
import { firstRecurrentOutput, withLastStepLoss } from '../ad/probe.js';
import { UserError } from '../diagnostics.js';
import { type Program, selectModel } from '../frontend/program.js';
import { interpret } from '../interp/interpret.js';
import { tensorFromNested } from '../interp/io.js';
import { randomData } from '../interp/random-data.js';
import { bindSizes, initParams } from '../interp/run.js';
import { dataInputs } from '../ir/graph.js';
import { lineChart } from './chart.js';
import { parseCount, parseSeed } from './run.js';
import { writeOutput } from './load.js';

export interface AnalyzeFlags {
  gradientFlow?: boolean;
  steps: string;
  batch: string;
  seed: string;
  plot?: string;
}

export interface FlowSeries {
  readonly name: string;
  readonly layer: string;
  /** ‖dL/dh_t‖ for t = 0 … T−1. */
  readonly norms: number[];
}

export function gradientFlow(program: Program, steps: number, batch: number, seed: number): FlowSeries {
  const model = selectModel(program);
  const graph = withLastStepLoss(model.graph);
  const { layer } = firstRecurrentOutput(model.graph);
  const sizes = bindSizes(model);
  const { graph: gradGraph } = grad(graph, { stateAdjoints: true });
  const specs = dataInputs(graph);
  const axes = Object.fromEntries(specs.flatMap((s) => (s.type.time ? [[s.type.time, steps]] : [])));
  const data = randomData(specs, sizes, axes, batch, seed);
  const inputs = Object.fromEntries(
    specs.map((s) => [s.name, tensorFromNested(s.name, data[s.name], s.type, sizes, 'f64')]),
  );
  const values = interpret(gradGraph, {
    dtype: 'f64',
    sizes,
    params: initParams(model, sizes, seed, 'f64'),
    inputs,
    batch,
    timeLengths: axes,
  });
  const layerInfo = model.layers.find((l) => l.states.length > 0);
  const names = (layerInfo?.states ?? []).map((s) => `grad:steps:${s.name}`).filter((n) => values[n]);
  if (names.length === 0) throw new UserError(`no state gradients for layer ${layer}`);
  const norms = Array.from({ length: steps }, (_, t) => {
    let total = 0;
    for (let b = 0; b < batch; b++) {
      let squares = 0;
      for (const n of names) {
        const step = values[n].atTime(t);
        const size = step.sampleSize;
        for (let k = 0; k < size; k++) squares += step.data[b * size + k] ** 2;
      }
      total += Math.sqrt(squares);
    }
    return total / batch;
  });
  return { name: model.name, layer, norms };
}

export function analyzeCommand(programs: readonly Program[], flags: AnalyzeFlags, out: (text: string) => void): void {
  if (!flags.gradientFlow) throw new UserError('say what to analyze: --gradient-flow');
  const steps = parseCount(flags.steps, '--steps');
  const batch = parseCount(flags.batch, '--batch');
  const seed = parseSeed(flags.seed);
  const series = programs.map((p) => gradientFlow(p, steps, batch, seed));
  const lines = [
    `gradient flow: ‖dL/dh_t‖ for a loss at the last step (t = ${steps - 1}), mean over a batch of ${batch}, seed ${seed}`,
    '',
    ['t', ...series.map((s) => s.name)].map((c) => c.padStart(12)).join(''),
  ];
  for (let t = 0; t < steps; t++)
    lines.push([String(t), ...series.map((s) => s.norms[t].toExponential(3))].map((c) => c.padStart(12)).join(''));
  lines.push('');
  for (const s of series) {
    const ratio = s.norms[0] / s.norms[steps - 1];
    lines.push(`${s.name}: the gradient at t = 0 is ${ratio.toExponential(2)} times the one at t = ${steps - 1}`);
  }
  if (flags.plot) {
    const svg = lineChart({
      title: `Gradient flow back from a loss at step ${steps - 1}`,
      xLabel: 'time step t',
      yLabel: '‖dL/dh_t‖',
      logY: true,
      series: series.map((s) => ({ name: s.name, points: s.norms.map((n, t) => [t, n] as const) })),
    });
    writeOutput(flags.plot, `${svg}\n`);
    lines.push(`wrote ${flags.plot}`);
  }
  out(lines.join('\n'));
}
