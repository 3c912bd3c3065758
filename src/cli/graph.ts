/** `rnnc graph`: the IR of a model as text, Graphviz DOT or JSON, with scans or unrolled. */
import { writeFileSync } from 'node:fs';
import { UserError } from '../diagnostics.js';
import { type Program, selectModel } from '../frontend/program.js';
import { graphToDot } from '../ir/print/dot.js';
import { graphToJson } from '../ir/print/json.js';
import { graphToText } from '../ir/print/text.js';
import { unroll } from '../ir/unroll.js';
import { verify } from '../ir/verify.js';

export interface GraphFlags {
  model?: string;
  format: string;
  unroll?: string;
  out?: string;
}

export function graphCommand(program: Program, flags: GraphFlags, out: (text: string) => void): void {
  const model = selectModel(program, flags.model);
  let graph = model.graph;
  if (flags.unroll !== undefined) {
    const steps = Number(flags.unroll);
    if (!Number.isInteger(steps) || steps <= 0 || steps > 1000)
      throw new UserError(`--unroll takes a number of steps from 1 to 1000, got '${flags.unroll}'`);
    graph = unroll(graph, steps);
    verify(graph);
  }
  const title = `${model.name}${flags.unroll ? ` unrolled over ${flags.unroll} steps` : ''}`;
  let text: string;
  switch (flags.format) {
    case 'text':
      text = `# ${title}\n${graphToText(graph)}`;
      break;
    case 'dot':
      text = graphToDot(graph, title);
      break;
    case 'json':
      text = graphToJson(graph);
      break;
    default:
      throw new UserError(`--format is text, dot or json, got '${flags.format}'`);
  }
  if (flags.out) {
    writeFileSync(flags.out, `${text}\n`);
    out(`wrote ${flags.out}`);
  } else out(text);
}
