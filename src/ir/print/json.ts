/** The IR as JSON: nodes with op, inputs, attributes and type; scan bodies nested. */
import type { Graph } from '../graph.js';
import { formatType } from '../types.js';

function replacer(_key: string, value: unknown): unknown {
  // Dims serialize through their toJSON; types read best in their printed form.
  if (
    typeof value === 'object' &&
    value !== null &&
    'kind' in value &&
    (value.kind === 'tensor' || value.kind === 'tuple')
  ) {
    return formatType(value as Parameters<typeof formatType>[0]);
  }
  return value;
}

export function graphToJson(graph: Graph): string {
  return JSON.stringify(graph, replacer, 2);
}
