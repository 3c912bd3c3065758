/** Name bookkeeping shared by cells and models: sizes and duplicate definitions. */
import type { DiagnosticBag, SourceSpan } from '../diagnostics.js';
import type { SizeParam } from './ast.js';
import { isPositiveWhole } from './sizes.js';
import { limits } from './limits.js';

export interface SizeInfo {
  readonly name: string;
  readonly default?: number;
  readonly span: SourceSpan;
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

/** Sizes with optional defaults, which must be positive whole numbers. */
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
      bag.error(d.span, `the default of size ${p.name} must be a number, like ${p.name} = 16`);
    } else if (!isPositiveWhole(d.value)) {
      bag.error(d.span, `size ${p.name} must be a positive whole number, got ${d.value}`);
    } else if (d.value > limits.size) {
      bag.error(d.span, `size ${p.name} is ${d.value}, past rnnc's limit of ${limits.size}`);
    } else {
      sizes.push({ name: p.name, default: d.value, span: p.span });
      continue;
    }
    sizes.push({ name: p.name, span: p.span });
  }
  return sizes;
}
