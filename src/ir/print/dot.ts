/** The IR as Graphviz DOT: one box per node, each scan's step graph as a cluster. */
import type { Graph } from '../graph.js';
import { isOp } from '../graph.js';
import { formatType } from '../types.js';
import { formatAttrs } from './attrs.js';

/** DOT string escaping: names from user source must not break out of the quotes. */
export function dotString(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
}

const roleColors: Record<string, string> = { output: '#d8f0d8', loss: '#f6d8d8', final_state: '#d8e4f6' };

function emit(graph: Graph, prefix: string, lines: string[], indent: string): void {
  for (const node of graph.nodes) {
    const id = `${prefix}n${node.id}`;
    const attrs = formatAttrs(node);
    const text = [`%${node.id} ${node.op}${node.label ? ` ${node.label}` : ''}`, attrs, formatType(node.type)]
      .filter(Boolean)
      .join('\n');
    const source = ['param', 'input', 'arg', 'const'].includes(node.op);
    lines.push(`${indent}${id} [label=${dotString(text)}, shape=${source ? 'ellipse' : 'box'}];`);
    node.inputs.forEach((input) => lines.push(`${indent}${prefix}n${input} -> ${id};`));
    if (isOp(node, 'scan')) {
      const inner = `${id}_`;
      lines.push(`${indent}subgraph cluster_${id} {`);
      lines.push(`${indent}  label=${dotString(`step of ${node.attrs.layer}`)}; style=rounded; color="#7a7a7a";`);
      emit(node.attrs.body, inner, lines, `${indent}  `);
      lines.push(`${indent}}`);
      for (const arg of node.attrs.body.nodes.filter((n) => isOp(n, 'arg'))) {
        const index = (arg.attrs as { index: number }).index;
        lines.push(`${indent}${prefix}n${node.inputs[index]} -> ${inner}n${arg.id} [style=dashed];`);
      }
    }
  }
  graph.outputs.forEach((out, k) => {
    const id = `${prefix}out${k}`;
    const fill = roleColors[out.role] ?? '#eeeeee';
    lines.push(
      `${indent}${id} [label=${dotString(`${out.role} ${out.name}`)}, shape=note, style=filled, fillcolor=${dotString(fill)}];`,
    );
    lines.push(`${indent}${prefix}n${out.node} -> ${id};`);
  });
}

export function graphToDot(graph: Graph, title: string): string {
  const lines = [`digraph ${dotString(title)} {`, '  rankdir=TB; node [fontname="Helvetica", fontsize=10];'];
  emit(graph, '', lines, '  ');
  lines.push('}');
  return lines.join('\n');
}
