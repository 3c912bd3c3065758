/** The IR as readable text, scans with their step graphs indented beneath them. */
import type { Graph } from '../graph.js';
import { isOp } from '../graph.js';
import { formatType } from '../types.js';
import { formatAttrs } from './attrs.js';

export function graphToText(graph: Graph, indent = ''): string {
  const lines: string[] = [];
  for (const node of graph.nodes) {
    const inputs = node.inputs.length > 0 ? `(${node.inputs.map((i) => `%${i}`).join(', ')})` : '';
    const attrs = formatAttrs(node);
    const label = node.label ? `  # ${node.label}` : '';
    lines.push(
      `${indent}%${node.id} = ${node.op}${inputs}${attrs ? ` {${attrs}}` : ''} : ${formatType(node.type)}${label}`,
    );
    if (isOp(node, 'scan')) {
      lines.push(`${indent}  step {`);
      lines.push(graphToText(node.attrs.body, `${indent}    `));
      lines.push(`${indent}  }`);
    }
  }
  for (const out of graph.outputs) lines.push(`${indent}${out.role} ${out.name} = %${out.node}`);
  return lines.join('\n');
}
