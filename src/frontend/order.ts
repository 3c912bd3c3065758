/**
 * Equations in a cell or model are order-free, like the math they transcribe;
 * this sorts them so every value is defined before it is used, and reports
 * cycles (a value that depends on itself within one step) with their path.
 */
import type { DiagnosticBag, SourceSpan } from '../diagnostics.js';
import type { Expr } from './ast.js';

export interface Definition {
  /** What this defines (`i`, `c'`), or a unique key for things nothing refers to (outputs). */
  readonly key: string;
  readonly span: SourceSpan;
  readonly uses: readonly string[];
}

/** The names an expression refers to, primed names spelled with their prime. */
export function namesUsed(e: Expr): string[] {
  switch (e.kind) {
    case 'number':
      return [];
    case 'name':
      return [e.primed ? `${e.name}'` : e.name];
    case 'neg':
      return namesUsed(e.operand);
    case 'binary':
      return [...namesUsed(e.left), ...namesUsed(e.right)];
    case 'slice':
      return namesUsed(e.target);
    case 'call':
      return [...e.args, ...e.named.map((a) => a.value)].flatMap(namesUsed);
  }
}

/** Returns the definitions in dependency order and the keys caught in cycles. */
export function orderDefinitions<D extends Definition>(
  defs: readonly D[],
  bag: DiagnosticBag,
): { ordered: D[]; cyclic: Set<string> } {
  const byKey = new Map(defs.map((d) => [d.key, d]));
  const state = new Map<string, 'visiting' | 'done'>();
  const ordered: D[] = [];
  const cyclic = new Set<string>();
  const stack: string[] = [];

  const visit = (def: D): void => {
    const mark = state.get(def.key);
    if (mark === 'done') return;
    if (mark === 'visiting') {
      const cycle = stack.slice(stack.indexOf(def.key));
      if (!cycle.some((k) => cyclic.has(k))) {
        const first = cycle
          .map((k) => byKey.get(k) as D)
          .sort((a, b) => a.span.line - b.span.line || a.span.col - b.span.col)[0];
        bag.error(
          first.span,
          `these equations depend on each other within one step: ${[...cycle, def.key].join(' → ')}`,
          'a value at step t can use the previous state (h) or other values at step t, but not itself; use the previous state to break the cycle',
        );
      }
      cycle.forEach((k) => cyclic.add(k));
      return;
    }
    state.set(def.key, 'visiting');
    stack.push(def.key);
    for (const used of def.uses) {
      const dep = byKey.get(used);
      if (dep) visit(dep);
    }
    stack.pop();
    state.set(def.key, 'done');
    ordered.push(def);
  };
  defs.forEach(visit);
  return { ordered: ordered.filter((d) => !cyclic.has(d.key)), cyclic };
}
