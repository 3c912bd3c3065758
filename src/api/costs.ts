/**
 * What a model costs, read off its compiled graphs and generated code without running it: params,
 * FLOPs and GEMMs per step, floats BPTT saves, elementwise loops, WGSL dispatches and code sizes.
 * `rnnc compare` prints these rows above its timings; the playground shows them per setting.
 */
import { grad } from '../ad/grad.js';
import { savedFloats } from '../ad/scan.js';
import { stepCost } from '../backends/cost.js';
import { compileToTypeScript, optimizedGraphs } from '../backends/ts/index.js';
import { compileToWgsl } from '../backends/wgsl/index.js';
import { UserError } from '../diagnostics.js';
import type { ModelInfo } from '../frontend/model.js';
import type { Program } from '../frontend/program.js';
import type { OptLevel } from '../passes/pipeline.js';
import { checkedDisable } from './compile.js';
import { lossGraph } from './graph.js';
import { chooseModel, type ModelChoice, programOf, type ProgramSource, type SourceOptions } from './program.js';

export interface CostOptions extends SourceOptions, ModelChoice {
  /** 0 none, 1 cleanups, 2 everything (default). */
  readonly level?: OptLevel;
  /** Passes turned off by name, as `compile` takes them. */
  readonly disable?: readonly string[];
}

/** The rows, in the order they are shown: key and what the value counts. */
export const costRows = [
  ['params', 'params'],
  ['flops', 'forward FLOPs per step and sample'],
  ['gradFlops', 'forward+backward FLOPs per step and sample'],
  ['saved', 'floats saved per step and sample for BPTT'],
  ['loopGemms', 'GEMMs per step in the loop (forward / grad)'],
  ['sequenceGemms', 'GEMMs over all steps (forward / grad)'],
  ['loopElementwise', 'elementwise loops per step (forward / grad)'],
  ['dispatches', 'WGSL dispatches per step (forward / grad)'],
  ['tsBytes', 'TypeScript module (bytes)'],
  ['wasmBytes', 'WebAssembly kernels in it (bytes)'],
  ['wgslBytes', 'WGSL kernels (bytes)'],
] as const;

export type CostKey = (typeof costRows)[number][0];

/** Each row's value: a count, or text such as `12 / 30` (forward / grad) or `—` (does not apply). */
export type Costs = Record<CostKey, number | string>;

export interface CostResult {
  readonly model: string;
  readonly level: OptLevel;
  readonly costs: Costs;
  /** The rows with their labels, ready to print. */
  readonly rows: readonly { readonly key: CostKey; readonly label: string; readonly value: number | string }[];
}

const utf8Bytes = (text: string) => new TextEncoder().encode(text).length;

/** The costs of a model already chosen, at its sizes: what `costs` and `rnnc compare` share. */
export function modelCosts(
  program: Program,
  model: ModelInfo,
  sizes: Record<string, number>,
  level: OptLevel,
  disable: ReadonlySet<string> = new Set(),
): Costs {
  const fuse = level >= 1 && !disable.has('elementwise-fusion');
  const graphs = optimizedGraphs(model, { level, disable });
  const forward = stepCost(graphs.forward.graph, sizes, fuse);
  const backward = graphs.backward ? stepCost(graphs.backward.graph, sizes, fuse) : undefined;
  const both = (f: number, b: number | undefined) => (b === undefined ? `${f}` : `${f} / ${b}`);
  const source = { file: program.file, text: program.source };
  const ts = compileToTypeScript(model, { level, dtype: 'f32', sizes, source, cells: program.cellTable, disable });
  let dispatches: number | string = '—';
  let wgslBytes: number | string = '—';
  try {
    const wgsl = compileToWgsl(model, { level, sizes, source, cells: program.cellTable, schedule: 'steps', disable });
    // Per step: the difference between calls of 2S and S steps, which cancels the dispatches outside the loops.
    const S = 10;
    const per = (fn: 'forward' | 'grad') => (wgsl.dispatches(fn, 2 * S) - wgsl.dispatches(fn, S)) / S;
    dispatches = both(per('forward'), graphs.backward ? per('grad') : undefined);
    wgslBytes = wgsl.kernels.reduce((a, k) => a + utf8Bytes(k.code), 0);
  } catch (e) {
    if (!(e instanceof UserError)) throw e;
  }
  return {
    params: model.params.reduce((a, p) => a + p.shape.reduce((x, d) => x * d.evaluate(sizes), 1), 0),
    flops: forward.flops,
    gradFlops: backward ? backward.flops : '—',
    saved: grad(lossGraph(model).graph).saved.reduce((a, s) => a + savedFloats(s.values).evaluate(sizes), 0),
    loopGemms: both(forward.loopGemms, backward?.loopGemms),
    sequenceGemms: both(forward.sequenceGemms, backward?.sequenceGemms),
    loopElementwise: both(forward.loopElementwise, backward?.loopElementwise),
    dispatches,
    tsBytes: utf8Bytes(ts.code),
    wasmBytes: ts.kernels?.bytes ?? 0,
    wgslBytes,
  };
}

/** The cost table of one model at one optimization level, with passes turned off as `compile` takes them. */
export function costs(source: ProgramSource, options: CostOptions = {}): CostResult {
  const program = programOf(source, options);
  const { model, sizes } = chooseModel(program, options);
  const level = options.level ?? 2;
  if (![0, 1, 2].includes(level)) throw new UserError(`the level is 0, 1 or 2, got ${level}`);
  const values = modelCosts(program, model, sizes, level, checkedDisable(options.disable ?? []));
  return {
    model: model.name,
    level,
    costs: values,
    rows: costRows.map(([key, label]) => ({ key, label, value: values[key] })),
  };
}
