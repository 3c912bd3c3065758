/**
 * The optimization pipeline: every pass, in the order it runs. -O0 runs
 * none, -O1 the cleanups, -O2 (the default) everything. Each pass can be
 * turned off alone (`--no-<name>`) to see what it buys, and the graph is
 * verified after every pass.
 */
import type { Graph } from '../ir/graph.js';
import { verify } from '../ir/verify.js';
import { cse } from './cse.js';
import { dce } from './dce.js';
import { constantFold, simplify } from './fold.js';
import { fuseGates, fuseWeightGradients } from './gate-fusion.js';
import { hoist } from './hoist.js';
import { batchWeightGradients } from './sink.js';
import { skipEndedRows } from './skip-ended.js';
import type { Pass } from './pass.js';

export const pipeline: readonly Pass[] = [
  constantFold,
  simplify,
  cse,
  dce,
  fuseGates,
  hoist,
  batchWeightGradients,
  fuseWeightGradients,
  cse,
  dce,
  skipEndedRows,
];

export type OptLevel = 0 | 1 | 2;

export interface OptimizeOptions {
  readonly level: OptLevel;
  /** Passes turned off by name. */
  readonly disable?: ReadonlySet<string>;
}

export interface PassReport {
  readonly pass: string;
  readonly changes: readonly string[];
  readonly nodes: number;
}

export function passNames(): string[] {
  return [...new Set(pipeline.map((p) => p.name))];
}

export function optimize(graph: Graph, options: OptimizeOptions): { graph: Graph; report: PassReport[] } {
  const report: PassReport[] = [];
  let current = graph;
  for (const pass of pipeline) {
    if (pass.level > options.level || options.disable?.has(pass.name)) continue;
    const { graph: next, changes } = pass.run(current);
    try {
      verify(next);
    } catch (e) {
      throw new Error(`pass ${pass.name} produced an invalid graph: ${(e as Error).message}`);
    }
    report.push({ pass: pass.name, changes, nodes: countNodes(next) });
    current = next;
  }
  return { graph: current, report };
}

/** Nodes in a graph and all its scan bodies. */
export function countNodes(graph: Graph): number {
  return graph.nodes.reduce(
    (acc, n) => acc + (n.op === 'scan' ? countNodes((n.attrs as { body: Graph }).body) : 0),
    graph.nodes.length,
  );
}
