/** `rnnc check`: what a file defines, with shapes, params and their sizes. */
import type { CellInfo } from '../frontend/cell.js';
import type { ModelInfo } from '../frontend/model.js';
import type { Program } from '../frontend/program.js';
import { formatShape } from '../ir/dims.js';
import { formatInit } from '../ir/init.js';
import { formatType } from '../ir/types.js';
import type { StateInit } from '../frontend/sizes.js';

function sizesHeader(sizes: CellInfo['sizes']): string {
  return `(${sizes.map((s) => (s.default !== undefined ? `${s.name} = ${s.default}` : s.name)).join(', ')})`;
}

function stateInit(init: StateInit): string {
  return init.kind === 'learned' ? `learned(${formatInit(init.init)})` : formatInit(init.init);
}

function docLines(doc: string | undefined): string[] {
  return doc ? doc.split('\n').map((l) => `  ${l}`) : [];
}

export function describeCell(cell: CellInfo): string {
  const lines = [`cell ${cell.name}${sizesHeader(cell.sizes)}`, ...docLines(cell.doc)];
  for (const i of cell.inputs) lines.push(`  input  ${i.name}: ${formatShape(i.shape)}`);
  for (const s of cell.states) lines.push(`  state  ${s.name}: ${formatShape(s.shape)} = ${stateInit(s.init)}`);
  for (const p of cell.params) lines.push(`  param  ${p.name}: ${formatShape(p.shape)} = ${formatInit(p.init)}`);
  lines.push(`  output ${cell.outputName}`);
  return lines.join('\n');
}

function concrete(shape: ModelInfo['params'][number]['shape'], sizes: Record<string, number> | undefined): string {
  if (!sizes) return '';
  try {
    return ` = [${shape.map((d) => d.evaluate(sizes)).join(', ')}]`;
  } catch {
    return '';
  }
}

export function describeModel(model: ModelInfo, sizes: Record<string, number> | undefined): string {
  const lines = [
    `model ${model.name}${sizesHeader(model.sizes)}${model.implicit ? '  (the cell over a sequence)' : ''}`,
  ];
  if (!model.implicit) lines.push(...docLines(model.doc));
  for (const i of model.inputs)
    lines.push(`  ${i.role.padEnd(6)} ${i.name}: ${formatType({ ...i.type, batched: false })}`);
  for (const l of model.layers) {
    const how =
      l.states.length === 0
        ? 'applied per step'
        : `${l.direction}${l.merge ? `, merge ${l.merge}` : ''}${l.shared ? ', shared weights' : ''}, returns ${l.keep}${l.from ? `, starts from ${l.from}` : ''}`;
    lines.push(`  layer  ${l.name} = ${l.cell} (${how})`);
    for (const s of l.states) lines.push(`           state ${s.name}: ${formatShape(s.shape)}`);
  }
  let total = 0;
  for (const p of model.params) {
    lines.push(`  param  ${p.name}: ${formatShape(p.shape)}${concrete(p.shape, sizes)}`);
    if (sizes) total += p.shape.reduce((acc, d) => acc * d.evaluate(sizes), 1);
  }
  for (const out of model.graph.outputs) {
    const node = model.graph.nodes[out.node];
    if (out.role === 'output')
      lines.push(
        `  output ${out.name}: ${formatType({ ...(node.type as Parameters<typeof formatType>[0] & { kind: 'tensor' }), batched: false })}`,
      );
    if (out.role === 'loss')
      lines.push(
        `  loss   ${node.op === 'reduce_lead' ? `${(node.attrs as { mode: string }).mode} over steps and batch` : ''}`,
      );
  }
  if (sizes)
    lines.push(
      `  ${total} trainable numbers with ${
        Object.entries(sizes)
          .map(([k, v]) => `${k} = ${v}`)
          .join(', ') || 'no sizes'
      }`,
    );
  return lines.join('\n');
}

export function describeProgram(
  program: Program,
  sizesFor: (model: ModelInfo) => Record<string, number> | undefined,
): string {
  const blocks = [...program.cells.map(describeCell), ...program.models.map((m) => describeModel(m, sizesFor(m)))];
  return blocks.join('\n\n');
}
