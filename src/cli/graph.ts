/** `rnnc graph`: the IR of a model as text, Graphviz DOT or JSON, with scans or unrolled. */
import { graph } from '../api/graph.js';
import type { Program } from '../api/program.js';
import { UserError } from '../diagnostics.js';
import { writeOutput } from './load.js';

export interface GraphFlags {
  model?: string;
  format: string;
  unroll?: string;
  out?: string;
}

export function graphCommand(program: Program, flags: GraphFlags, out: (text: string) => void): void {
  if (!['text', 'dot', 'json'].includes(flags.format))
    throw new UserError(`--format is text, dot or json, got '${flags.format}'`);
  let steps: number | undefined;
  if (flags.unroll !== undefined) {
    steps = Number(flags.unroll);
    if (!Number.isInteger(steps) || steps <= 0 || steps > 1000)
      throw new UserError(`--unroll takes a number of steps from 1 to 1000, got '${flags.unroll}'`);
  }
  const result = graph(program, {
    ...(flags.model !== undefined ? { model: flags.model } : {}),
    ...(steps !== undefined ? { unroll: steps } : {}),
  });
  const text =
    flags.format === 'text' ? result.text : flags.format === 'dot' ? result.dot : JSON.stringify(result.ir, null, 2);
  if (flags.out) {
    writeOutput(flags.out, `${text}\n`);
    out(`wrote ${flags.out}`);
  } else out(text);
}
