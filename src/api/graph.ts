/** A model's graph IR as data, text and Graphviz DOT; and its gradient graph with what BPTT saves. */
import { grad as differentiate, type GradOptions } from '../ad/grad.js';
import { withOutputLoss } from '../ad/probe.js';
import { savedFloats, type SavedValues } from '../ad/scan.js';
import { UserError } from '../diagnostics.js';
import type { ModelInfo } from '../frontend/model.js';
import { formatShape } from '../ir/dims.js';
import type { Graph } from '../ir/graph.js';
import { graphToDot } from '../ir/print/dot.js';
import { graphToJson } from '../ir/print/json.js';
import { graphToText } from '../ir/print/text.js';
import { unroll } from '../ir/unroll.js';
import { verify } from '../ir/verify.js';
import {
  chooseModel,
  type ModelChoice,
  programOf,
  type ProgramSource,
  type SourceOptions,
  withGradErrors,
} from './program.js';

export interface GraphOptions extends SourceOptions, ModelChoice {
  /** Flatten every scan over this many steps (1 to 1000), for display and analysis. */
  readonly unroll?: number;
}

export interface GraphResult {
  readonly model: string;
  readonly title: string;
  /** The IR: nodes with op, inputs, attributes and type, scan bodies nested (JSON-ready data). */
  readonly ir: unknown;
  readonly text: string;
  readonly dot: string;
}

function rendered(graph: Graph, model: string, title: string): GraphResult {
  const json = graphToJson(graph);
  return {
    model,
    title,
    ir: JSON.parse(json) as unknown,
    text: `# ${title}\n${graphToText(graph)}`,
    dot: graphToDot(graph, title),
  };
}

/** The graph IR of a model (a lone cell runs inside a scan), optionally unrolled. */
export function graph(source: ProgramSource, options: GraphOptions = {}): GraphResult {
  const program = programOf(source, options);
  const { model } = chooseModel(program, options);
  let ir = model.graph;
  if (options.unroll !== undefined) {
    const steps = options.unroll;
    if (!Number.isInteger(steps) || steps <= 0 || steps > 1000)
      throw new UserError(`unroll takes a number of steps from 1 to 1000, got '${steps}'`);
    ir = unroll(ir, steps);
    verify(ir);
  }
  return rendered(ir, model.name, `${model.name}${options.unroll ? ` unrolled over ${options.unroll} steps` : ''}`);
}

/** The graph to differentiate: the model's, or for a lone cell, with the loss sum(output ⊙ R). */
export function lossGraph(model: ModelInfo): { graph: Graph; note?: string } {
  if (model.hasLoss || !model.implicit) return { graph: model.graph };
  return {
    graph: withOutputLoss(model.graph),
    note: `cell ${model.name} has no loss of its own: using sum(output ⊙ R) over every step, R a target`,
  };
}

export interface BackwardOptions extends SourceOptions, ModelChoice, GradOptions {}

export interface BackwardResult extends GraphResult {
  /** What each scan's backward pass keeps from every forward step, as `rnnc grad` prints it. */
  readonly saved: string;
  /** Notes: the loss used for a lone cell, params the loss does not depend on. */
  readonly notes: readonly string[];
}

/** The gradient graph of a model (BPTT as a reverse scan) and what it saves per step. */
export function backwardGraph(source: ProgramSource, options: BackwardOptions = {}): BackwardResult {
  const program = programOf(source, options);
  const { model, sizes } = chooseModel(program, options);
  const { graph: forward, note } = lossGraph(model);
  const result = withGradErrors(program, () => differentiate(forward, options));
  const notes = [
    ...(note ? [note] : []),
    ...(result.unused.length > 0
      ? [`the loss does not depend on ${result.unused.join(', ')}: their gradient is zero`]
      : []),
  ];
  const title = `gradient of ${model.name}${options.truncate !== undefined && options.truncate > 0 ? `, truncated after ${options.truncate} steps` : ''}${options.remat ? ', rematerialized' : ''}`;
  return {
    ...rendered(result.graph, model.name, title),
    saved: describeSaved(result.saved, program.source, sizes),
    notes,
  };
}

/** Source text of a span (one line), for naming values that have no name. */
function sourceText(source: string, span: NonNullable<SavedValues['values'][number]['span']>): string {
  const line = source.split(/\r?\n/)[span.line - 1] ?? '';
  return span.endLine === span.line ? line.slice(span.col - 1, span.endCol) : line.slice(span.col - 1).trim();
}

function describeSaved(saved: readonly SavedValues[], source: string, sizes: Record<string, number>): string {
  const lines = ['saved for the backward pass, per step and batch element:'];
  for (const s of saved) {
    const floats = savedFloats(s.values);
    const total = floats.evaluate(sizes);
    const sizeText = Object.entries(sizes)
      .map(([k, v]) => `${k} = ${v}`)
      .join(', ');
    lines.push(
      `  layer ${s.layer}${s.remat ? ' (rematerialized)' : ''}: ${floats.symbolic ?? 'a non-linear count of'} floats = ${total} with ${sizeText}`,
    );
    for (const v of s.values) {
      const name = v.label ?? (v.span ? sourceText(source, v.span) : 'a value');
      lines.push(`    ${name}: ${formatShape(v.shape)}${v.batched ? '' : ' (the same for every sample)'}`);
    }
    for (const state of s.fromOutput) lines.push(`    ${state} (previous): read from the layer's output, not saved`);
    if (s.remat) lines.push('    every other value of the step is recomputed in the backward pass');
  }
  return lines.join('\n');
}
