/** Attributes as short text, shared by the text and DOT printers. */
import { Dim } from '../dims.js';
import { formatInit, type InitSpec } from '../init.js';
import { isOp, type Node } from '../graph.js';
import { formatType, type TensorType } from '../types.js';

function isTensorType(v: unknown): v is TensorType {
  return typeof v === 'object' && v !== null && (v as TensorType).kind === 'tensor';
}

/** The attributes worth showing: a node's own type is printed separately, scan bodies as blocks. */
export function formatAttrs(node: Node): string {
  if (isOp(node, 'scan')) {
    const a = node.attrs;
    return `${a.layer}, ${a.reverse ? 'reverse' : 'forward'} over ${a.time}, keep ${a.keep.join('/')}${a.truncate !== undefined ? `, truncate after ${a.truncate.steps} steps` : ''}, ${a.nSeq} seq / ${a.nState} state / ${a.nInvariant} invariant`;
  }
  const parts: string[] = [];
  for (const [key, value] of Object.entries(node.attrs as Record<string, unknown>)) {
    if (key === 'type' && node.op !== 'const') continue;
    if (value instanceof Dim) parts.push(`${key}=${value}`);
    else if (isTensorType(value))
      parts.push(node.op === 'const' ? `shape=${formatType(value)}` : `${key}=${formatType(value)}`);
    else if (key === 'init') parts.push(`init=${formatInit(value as InitSpec)}`);
    else parts.push(`${key}=${String(value)}`);
  }
  return parts.join(', ');
}
