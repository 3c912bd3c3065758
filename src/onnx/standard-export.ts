import type { Node } from '../ir/graph.js';
import type { StandardCell } from './standard.js';
import type { GraphWriter } from './writer.js';
export function writeStandardLayer(
  _w: GraphWriter,
  _node: Node<'scan'>,
  _cell: StandardCell,
  _inputs: readonly string[],
): string[] {
  throw new Error('todo');
}
