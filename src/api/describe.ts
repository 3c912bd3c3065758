/** What a file defines, as `rnnc check` lists it: cells and models with shapes, params and their sizes. */
import type { CellInfo } from '../frontend/cell.js';
import type { ModelInfo } from '../frontend/model.js';
import type { Program } from '../frontend/program.js';
import { formatShape } from '../ir/dims.js';
import { formatInit } from '../ir/init.js';
import { formatType } from '../ir/types.js';
import type { StateInit } from '../frontend/sizes.js';
import { own } from '../names.js';

/** `(I = 3, H = 64)`: the sizes in force (bound, with any --size), else the declared defaults. */
function sizesHeader(sizes: CellInfo['sizes'], bound: Record<string, number> | undefined): string {
  const value = (s: CellInfo['sizes'][number]) => own(bound, s.name) ?? s.default;
  return `(${sizes.map((s) => (value(s) !== undefined ? `${s.name} = ${value(s)}` : s.name)).join(', ')})`;
}

function stateInit(init: StateInit): string {
  return init.kind === 'learned' ? `learned(${formatInit(init.init)})` : formatInit(init.init);
}

function docLines(doc: string | undefined): string[] {
  return doc ? doc.split('\n').map((l) => `  ${l}`) : [];
}

export function describeCell(cell: CellInfo, sizes: Record<string, number> | undefined): string {
  const lines = [`cell ${cell.name}${sizesHeader(cell.sizes, sizes)}`, ...docLines(cell.doc)];
  for (const i of cell.inputs) lines.push(`  input  ${i.name}: ${formatShape(i.shape)}${concrete(i.shape, sizes)}`);
  for (const m of cell.memories)
    lines.push(`  memory ${m.name}: seq(${m.axis}) ${formatShape(m.shape)}${concrete(m.shape, sizes)}`);
  for (const s of cell.states)
    lines.push(`  state  ${s.name}: ${formatShape(s.shape)}${concrete(s.shape, sizes)} = ${stateInit(s.init)}`);
  for (const p of cell.params)
    lines.push(`  param  ${p.name}: ${formatShape(p.shape)}${concrete(p.shape, sizes)} = ${formatInit(p.init)}`);
  lines.push(`  output ${cell.outputName}`);
  const total = trainable(cell.params, sizes);
  if (sizes && total !== undefined) lines.push(`  ${total} trainable numbers with ${sizeList(sizes)}`);
  return lines.join('\n');
}

function sizeList(sizes: Record<string, number>): string {
  return (
    Object.entries(sizes)
      .map(([k, v]) => `${k} = ${v}`)
      .join(', ') || 'no sizes'
  );
}

/** The number of values the params hold at these sizes, or undefined where a size has no value. */
function trainable(
  params: readonly { readonly shape: ModelInfo['params'][number]['shape'] }[],
  sizes: Record<string, number> | undefined,
): number | undefined {
  if (!sizes) return undefined;
  try {
    return params.reduce((sum, p) => sum + p.shape.reduce((acc, d) => acc * d.evaluate(sizes), 1), 0);
  } catch {
    return undefined;
  }
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
    `model ${model.name}${sizesHeader(model.sizes, sizes)}${model.implicit ? '  (the cell over a sequence)' : ''}`,
  ];
  if (!model.implicit) lines.push(...docLines(model.doc));
  for (const i of model.inputs) {
    const type = i.vocabulary
      ? `${i.type.time !== null ? `seq(${i.type.time}) ` : ''}token(${i.vocabulary.toString()})`
      : formatType({ ...i.type, batched: false });
    lines.push(`  ${i.role.padEnd(6)} ${i.name}: ${type}`);
  }
  for (const l of model.layers) {
    const how =
      l.states.length === 0
        ? 'applied per step'
        : `${l.direction}${l.merge ? `, merge ${l.merge}` : ''}${l.shared ? ', shared weights' : ''}, returns ${l.keep}${l.from ? `, starts from ${l.from}` : ''}`;
    lines.push(`  layer  ${l.name} = ${l.cell} (${how})`);
    for (const s of l.states) lines.push(`           state ${s.name}: ${formatShape(s.shape)}`);
  }
  for (const p of model.params) lines.push(`  param  ${p.name}: ${formatShape(p.shape)}${concrete(p.shape, sizes)}`);
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
  const total = trainable(model.params, sizes);
  if (sizes && total !== undefined) lines.push(`  ${total} trainable numbers with ${sizeList(sizes)}`);
  return lines.join('\n');
}

export function describeProgram(
  program: Program,
  sizesFor: (declared: CellInfo['sizes']) => Record<string, number> | undefined,
): string {
  const blocks = [
    ...program.cells.map((c) => describeCell(c, sizesFor(c.sizes))),
    ...program.models.map((m) => describeModel(m, sizesFor(m.sizes))),
  ];
  return blocks.join('\n\n');
}
