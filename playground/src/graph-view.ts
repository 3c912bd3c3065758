/**
 * The graph panel: the model's IR laid out by Graphviz (in the worker, as SVG), each scan's step
 * graph a cluster; a click on a node shows its op, type, attributes and the source it came from.
 */
import type { GraphReply } from './protocol.js';

interface IrNode {
  readonly id: number;
  readonly op: string;
  readonly label?: string;
  readonly type?: string;
  readonly attrs?: Record<string, unknown>;
  readonly span?: { readonly line: number; readonly col: number; readonly endLine: number; readonly endCol: number };
}

interface IrGraph {
  readonly nodes: readonly IrNode[];
}

/** The IR node of a DOT node id: `n12` at the top level, `n5_n3` for node 3 of scan 5's step graph. */
export function irNode(ir: unknown, dotId: string): IrNode | undefined {
  let graph = ir as IrGraph;
  let node: IrNode | undefined;
  for (const part of dotId.split('_')) {
    const m = /^n(\d+)$/.exec(part);
    if (!m || !graph) return undefined;
    node = graph.nodes.find((n) => n.id === Number(m[1]));
    if (!node) return undefined;
    graph = (node.attrs?.body as IrGraph | undefined) ?? (undefined as unknown as IrGraph);
  }
  return node;
}

const escape = (text: string) =>
  text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] as string);

/** Attributes worth a line: scalars and short lists, not nested graphs. */
function attrText(attrs: Record<string, unknown> | undefined): string {
  if (!attrs) return '';
  return Object.entries(attrs)
    .filter(([k, v]) => k !== 'body' && (typeof v !== 'object' || v === null || JSON.stringify(v).length < 80))
    .map(([k, v]) => `${k} = ${JSON.stringify(v)}`)
    .join(', ');
}

/** Scales the graph: `fit` to the panel's width (never above its own size), or a factor of its own size. */
export function zoomGraph(container: HTMLElement, zoom: string): void {
  const svg = container.querySelector('svg');
  if (!svg) return;
  const width = parseFloat(svg.getAttribute('width') ?? '0');
  svg.style.maxWidth = zoom === 'fit' ? '100%' : 'none';
  svg.style.width = zoom === 'fit' ? `${width}pt` : `${width * Number(zoom)}pt`;
}

export function showGraph(
  container: HTMLElement,
  details: HTMLElement,
  reply: GraphReply,
  source: string,
  select: (span: NonNullable<IrNode['span']>) => void,
): void {
  container.innerHTML = reply.svg;
  zoomGraph(container, (document.getElementById('zoom') as HTMLSelectElement | null)?.value ?? 'fit');
  const lines = source.split('\n');
  for (const g of container.querySelectorAll<SVGGElement>('g.node')) {
    const id = g.querySelector('title')?.textContent ?? '';
    g.style.cursor = 'pointer';
    g.addEventListener('click', () => {
      for (const other of container.querySelectorAll('g.node.selected')) other.classList.remove('selected');
      g.classList.add('selected');
      const node = irNode(reply.ir, id);
      if (!node) {
        details.innerHTML = `<b>${escape(g.textContent?.trim() ?? id)}</b>`;
        return;
      }
      const equation = node.span ? lines[node.span.line - 1]?.trim() : undefined;
      details.innerHTML = [
        `<div><b>%${node.id} ${escape(node.op)}</b>${node.label ? ` <i>${escape(node.label)}</i>` : ''}</div>`,
        node.type ? `<div>type <code>${escape(node.type)}</code></div>` : '',
        attrText(node.attrs) ? `<div>attributes <code>${escape(attrText(node.attrs))}</code></div>` : '',
        equation !== undefined && node.span
          ? `<div>source line ${node.span.line}: <code class="equation">${escape(equation)}</code></div>`
          : '<div>no source position (made by the compiler)</div>',
      ].join('');
      details.dataset.op = node.op;
      if (node.span) select(node.span);
    });
  }
}
