/** `rnnc grad`: the gradient graph of a model and what its backward pass saves per step, or the gradients' values. */
import type { GradOptions } from '../ad/grad.js';
import { backwardGraph } from '../api/graph.js';
import type { Program } from '../api/program.js';
import { gradients } from '../api/run.js';
import { UserError } from '../diagnostics.js';
import { parseSizes, writeOutput } from './load.js';
import { nestedValues, sizeText, tensorBlocks, valueOptions, type ValueFlags } from './run.js';

export interface GradFlags extends ValueFlags {
  format: string;
  truncate?: string;
  remat?: boolean;
  clipNorm?: string;
  clipValue?: string;
  out?: string;
  /** Print the gradients' values instead of the graph. */
  values?: boolean;
  /** Print the gradients' values as JSON. */
  json?: boolean;
  dtype: string;
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

export async function gradCommand(program: Program, flags: GradFlags, out: (text: string) => void): Promise<void> {
  const options = gradOptions(flags);
  const choice = {
    ...(flags.model !== undefined ? { model: flags.model } : {}),
    sizes: parseSizes(flags.size),
  };
  if (flags.values || flags.json) return gradValues(program, flags, out);
  if (flags.format !== 'text' && flags.format !== 'dot')
    throw new UserError(`--format is text or dot, got '${flags.format}'`);
  const result = backwardGraph(program, { ...choice, ...options });
  const header = [result.title, ...result.notes.map((n) => `note: ${n}`)];
  const text =
    flags.format === 'text'
      ? [...header.map((h) => `# ${h}`), result.text.replace(/^# .*\n/, ''), '', result.saved].join('\n')
      : [...[...header, ...result.saved.split('\n')].map((l) => `// ${l}`), result.dot].join('\n');
  if (flags.out) {
    writeOutput(flags.out, `${text}\n`);
    out(`wrote ${flags.out}\n${result.saved}`);
  } else out(text);
}

/** `rnnc grad --values` / `--json`: the interpreter's gradients for given or random inputs. */
function gradValues(program: Program, flags: GradFlags, out: (text: string) => void): void {
  const options = valueOptions(flags, flags.dtype);
  const layout = options.layout ?? 'time-major';
  const result = gradients(program, { ...options, ...gradOptions(flags) });
  const json = {
    model: result.model,
    sizes: result.sizes,
    loss: result.loss,
    params: nestedValues(result.params, 'time-major'),
    inputs: nestedValues(result.inputs, layout),
    initial_states: nestedValues(result.initialStates, 'time-major'),
  };
  if (flags.out) writeOutput(flags.out, `${JSON.stringify(json)}\n`);
  if (flags.json) {
    out(JSON.stringify(json, null, 2));
    return;
  }
  const lines = [`gradients of ${result.model} (${sizeText(result.sizes)}), batch ${result.batch}, ${result.dtype}`];
  for (const note of result.notes) lines.push(`note: ${note}`);
  lines.push('', `loss: ${result.loss}`);
  lines.push(
    ...tensorBlocks('dL/d param', result.params),
    ...tensorBlocks('dL/d input', result.inputs),
    ...tensorBlocks('dL/d initial state', result.initialStates),
  );
  if (flags.out) lines.push('', `wrote ${flags.out}`);
  out(lines.join('\n'));
}
