/** Tensors as text for the terminal, numpy-style, cut short when large. */
import type { Tensor } from '../tensor/tensor.js';

export function formatTensor(t: Tensor, limit = 200, digits = 4): string {
  const full = t.fullShape;
  const values = Array.from(t.data);
  const fmt = (v: number) => (Number.isFinite(v) ? v.toFixed(digits).replace(/^(?!-)/, ' ') : String(v));
  const build = (depth: number, offset: number, stride: number, indent: string): string => {
    if (depth === full.length) return fmt(values[offset]);
    const inner = stride / full[depth];
    const items = Array.from({ length: full[depth] }, (_, k) =>
      build(depth + 1, offset + k * inner, inner, `${indent} `),
    );
    return depth === full.length - 1 ? `[${items.join(' ')}]` : `[${items.join(`\n${indent} `)}]`;
  };
  if (values.length > limit) {
    const head = values.slice(0, 8).map(fmt).join(' ');
    return `[${full.join(' × ')} values; first: ${head} …] (use --out FILE for all)`;
  }
  return full.length === 0 ? fmt(values[0]) : build(0, 0, values.length, '');
}

export function describeLead(t: Tensor): string {
  const parts = [];
  if (t.lead.time !== null) parts.push(`T=${t.lead.time}`);
  if (t.lead.batch !== null) parts.push(`B=${t.lead.batch}`);
  return `[${[...parts, ...t.shape.map(String)].join(', ')}]`;
}
