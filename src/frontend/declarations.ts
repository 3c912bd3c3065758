/** Name bookkeeping shared by cells and models: sizes and duplicate definitions. */
import type { DiagnosticBag, SourceSpan } from '../diagnostics.js';
import type { SizeParam } from './ast.js';
import { Dim } from '../ir/dims.js';
import type { Graph, Node } from '../ir/graph.js';
import { isPositiveWhole } from './sizes.js';
import { limits } from './limits.js';

export interface SizeInfo {
  readonly name: string;
  readonly default?: number;
  readonly span: SourceSpan;
  readonly defaultSpan?: SourceSpan;
}

/** Records names as they are defined and reports the second definition of any. */
export class NameTable {
  private readonly seen = new Map<string, SourceSpan>();

  constructor(
    private readonly bag: DiagnosticBag,
    private readonly where: string,
  ) {}

  define(name: string, span: SourceSpan): boolean {
    const first = this.seen.get(name);
    if (first) {
      this.bag.error(
        span,
        `duplicate definition of '${name}' in ${this.where}`,
        `'${name}' is first defined at line ${first.line}; rename one of them`,
      );
      return false;
    }
    this.seen.set(name, span);
    return true;
  }

  has(name: string): boolean {
    return this.seen.has(name);
  }

  names(): string[] {
    return [...this.seen.keys()];
  }
}

/**
 * The numbers a cell or model is written in, with optional defaults: sizes, and hyperparameters
 * (a number the equations read but no shape uses, like a step size 0.042). Whether a default
 * must be a positive whole number depends on where the name is used: see checkShapeSizes.
 */
export function checkSizes(params: readonly SizeParam[], names: NameTable, bag: DiagnosticBag): SizeInfo[] {
  const sizes: SizeInfo[] = [];
  for (const p of params) {
    if (!names.define(p.name, p.span)) continue;
    if (p.default === undefined) {
      sizes.push({ name: p.name, span: p.span });
      continue;
    }
    const d = p.default;
    if (d.kind !== 'number') {
      bag.error(d.span, `the default of ${p.name} must be a number, like ${p.name} = 16`);
      sizes.push({ name: p.name, span: p.span });
    } else sizes.push({ name: p.name, default: d.value, span: p.span, defaultSpan: d.span });
  }
  return sizes;
}

/** Names used in the shapes of a graph's values and in the sizes its ops are given (slices, eye). */
export function sizesInShapes(graph: Graph): Set<string> {
  const names = new Set<string>();
  const visit = (value: unknown): void => {
    if (value instanceof Dim) value.names.forEach((n) => names.add(n));
    else if (Array.isArray(value)) value.forEach(visit);
    else if (value !== null && typeof value === 'object') {
      const op = (value as { op?: unknown }).op;
      // A number node's size is read as a value, and a mask's rate as a probability: not shapes.
      if (op === 'number' || op === 'random_mask') visit((value as Node).type);
      else Object.values(value).forEach(visit);
    }
  };
  graph.nodes.forEach(visit);
  return names;
}

/** A size used in a shape must be a positive whole number; a hyperparameter may be any number. */
export function checkShapeSizes(
  sizes: readonly SizeInfo[],
  shapeSizes: ReadonlySet<string>,
  bag: DiagnosticBag,
): boolean {
  let ok = true;
  for (const size of sizes) {
    if (size.default === undefined || !shapeSizes.has(size.name)) continue;
    const span = size.defaultSpan ?? size.span;
    if (!isPositiveWhole(size.default)) {
      bag.error(
        span,
        `size ${size.name} is used in a shape, so it must be a positive whole number, got ${size.default}`,
      );
      ok = false;
    } else if (size.default > limits.size) {
      bag.error(span, `size ${size.name} is ${size.default}, past rnnc's limit of ${limits.size}`);
      ok = false;
    }
  }
  return ok;
}
