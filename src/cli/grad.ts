/** `rnnc grad`: the gradient graph of a model and what its backward pass saves per step. */
import { writeFileSync } from 'node:fs';
import { grad, type GradOptions } from '../ad/grad.js';
import { withOutputLoss } from '../ad/probe.js';
import { savedFloats, type SavedValues } from '../ad/scan.js';
import { UserError } from '../diagnostics.js';
import type { ModelInfo } from '../frontend/model.js';
import { type Program, selectModel } from '../frontend/program.js';
import { bindSizes } from '../interp/run.js';
import { formatShape } from '../ir/dims.js';
import type { Graph } from '../ir/graph.js';
import { graphToDot } from '../ir/print/dot.js';
import { graphToText } from '../ir/print/text.js';
import { parseSizes } from './load.js';

export interface GradFlags {
  model?: string;
  format: string;
  truncate?: string;
  remat?: boolean;
  clipNorm?: string;
  clipValue?: string;
  size: string[];
  out?: string;
}

function positive(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!(n > 0) || !Number.isFinite(n)) throw new UserError(`${flag} must be a positive number, got '${value}'`);
  return n;
}

export function gradOptions(flags: {
  truncate?: string;
  remat?: boolean;
  clipNorm?: string;
  clipValue?: string;
}): GradOptions {
  let truncate: number | undefined;
  if (flags.truncate !== undefined) {
    truncate = Number(flags.truncate);
    if (!Number.isInteger(truncate) || (truncate < 1 && truncate !== -1)) {
      throw new UserError(
        `--truncate takes a number of steps (1 or more), or -1 for full BPTT, got '${flags.truncate}'`,
      );
    }
  }
  const norm = positive(flags.clipNorm, '--clip-norm');
  const value = positive(flags.clipValue, '--clip-value');
  return {
    remat: flags.remat ?? false,
    ...(truncate !== undefined ? { truncate } : {}),
    ...(norm !== undefined || value !== undefined
      ? { clip: { ...(norm !== undefined ? { norm } : {}), ...(value !== undefined ? { value } : {}) } }
      : {}),
  };
}

/** The graph to differentiate: the model's, or for a lone cell, with the loss sum(output ⊙ R). */
export function lossGraph(model: ModelInfo): { graph: Graph; note?: string } {
  if (model.hasLoss || !model.implicit) return { graph: model.graph };
  return {
    graph: withOutputLoss(model.graph),
    note: `cell ${model.name} has no loss of its own: using sum(output ⊙ R) over every step, R a target`,
  };
}

/** Source text of a span (one line), for naming values that have no name. */
function sourceText(source: string, span: NonNullable<SavedValues['values'][number]['span']>): string {
  const line = source.split(/\r?\n/)[span.line - 1] ?? '';
  return span.endLine === span.line ? line.slice(span.col - 1, span.endCol) : line.slice(span.col - 1).trim();
}

export function describeSaved(saved: readonly SavedValues[], source: string, sizes: Record<string, number>): string {
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

export function gradCommand(program: Program, flags: GradFlags, out: (text: string) => void): void {
  const model = selectModel(program, flags.model);
  const sizes = bindSizes(model, parseSizes(flags.size));
  const options = gradOptions(flags);
  const { graph, note } = lossGraph(model);
  const result = grad(graph, options);
  const report = describeSaved(result.saved, program.source, sizes);
  const header = [
    `gradient of ${model.name}${options.truncate !== undefined && options.truncate > 0 ? `, truncated after ${options.truncate} steps` : ''}${options.remat ? ', rematerialized' : ''}`,
    ...(note ? [`note: ${note}`] : []),
    ...(result.unused.length > 0
      ? [`note: the loss does not depend on ${result.unused.join(', ')}: their gradient is zero`]
      : []),
  ];
  let text: string;
  if (flags.format === 'text')
    text = [...header.map((h) => `# ${h}`), graphToText(result.graph), '', report].join('\n');
  else if (flags.format === 'dot')
    text = [
      ...[...header, ...report.split('\n')].map((l) => `// ${l}`),
      graphToDot(result.graph, `gradient of ${model.name}`),
    ].join('\n');
  else throw new UserError(`--format is text or dot, got '${flags.format}'`);
  if (flags.out) {
    writeFileSync(flags.out, `${text}\n`);
    out(`wrote ${flags.out}\n${report}`);
  } else out(text);
}
