import type { Graph, Node } from '../ir/graph.js';
export interface StandardCell {
  readonly op: 'LSTM' | 'GRU' | 'RNN';
}
export function matchStandardCell(_node: Node<'scan'>, _graph: Graph): StandardCell | undefined {
  return undefined;
}
