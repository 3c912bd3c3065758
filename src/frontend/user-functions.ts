/**
 * A file's own functions, `fn layer_norm(x, g, b) = …`: checked once where they are defined, then
 * inlined at every call (lower-expr.ts), so the graph, its gradients and every backend see only
 * primitive ops. A function reads only its parameters (no states, params or sizes of a cell: it
 * is written once for every cell and model of the file) and may call built-in functions and the
 * file's other functions, but not itself, directly or through another: inlining would not end.
 */
import { type DiagnosticBag, didYouMean } from '../diagnostics.js';
import { own } from '../names.js';
import type { Expr, FnDecl } from './ast.js';
import { functions } from './functions.js';

/**
 * The file's functions by name; `null` for one with errors, which are reported once, at its
 * definition (its calls then stay silent).
 */
export type UserFunctions = ReadonlyMap<string, FnDecl | null>;

export function checkUserFunctions(decls: readonly FnDecl[], bag: DiagnosticBag): UserFunctions {
  const declared = new Map(decls.map((d) => [d.name, d]));
  const valid = new Map<string, FnDecl | null>();
  for (const fn of decls) {
    if (own(functions, fn.name) !== undefined) {
      bag.error(fn.span, `fn ${fn.name}: ${fn.name} is a built-in function`, 'give your function another name');
      valid.set(fn.name, null);
      continue;
    }
    let ok = true;
    const params = new Set<string>();
    for (const p of fn.params) {
      if (params.has(p.name)) {
        bag.error(p.span, `fn ${fn.name} names its parameter '${p.name}' twice`);
        ok = false;
      }
      params.add(p.name);
    }
    walk(fn.body, (e) => {
      if (e.kind === 'name' && (!params.has(e.name) || e.primed)) {
        const guess = didYouMean(e.name, params);
        bag.error(
          e.span,
          `fn ${fn.name} reads '${e.name}${e.primed ? "'" : ''}', which is not one of its parameters`,
          guess ? `did you mean '${guess}'?` : 'a function sees only its parameters: pass the value in',
        );
        ok = false;
      }
      if (e.kind === 'call' && own(functions, e.fn) === undefined && !declared.has(e.fn)) {
        const guess = didYouMean(e.fn, [...Object.keys(functions), ...declared.keys()]);
        bag.error(e.fnSpan, `unknown function '${e.fn}'`, guess ? `did you mean '${guess}'?` : undefined);
        ok = false;
      }
    });
    const cycle = callCycle(fn, declared);
    if (cycle) {
      bag.error(
        fn.span,
        `fn ${fn.name} calls itself (${cycle.join(' → ')}): functions are inlined where they are called, so they cannot recurse`,
      );
      ok = false;
    }
    valid.set(fn.name, ok ? fn : null);
  }
  return valid;
}

/** Every sub-expression of `e`, slice bounds included. */
function walk(e: Expr, visit: (e: Expr) => void): void {
  const stack = [e];
  while (stack.length > 0) {
    const next = stack.pop() as Expr;
    visit(next);
    if (next.kind === 'call') stack.push(...next.args);
    else if (next.kind === 'binary') stack.push(next.left, next.right);
    else if (next.kind === 'neg') stack.push(next.operand);
    else if (next.kind === 'slice') stack.push(next.target, next.start, next.end);
  }
}

/** A chain of calls from `fn` back to itself, or undefined. */
function callCycle(fn: FnDecl, declared: ReadonlyMap<string, FnDecl>): string[] | undefined {
  const calls = (f: FnDecl) => {
    const names: string[] = [];
    walk(f.body, (e) => {
      if (e.kind === 'call' && declared.has(e.fn)) names.push(e.fn);
    });
    return names;
  };
  const visited = new Set<string>();
  const search = (name: string, path: string[]): string[] | undefined => {
    for (const callee of calls(declared.get(name) as FnDecl)) {
      if (callee === fn.name) return [...path, callee];
      if (visited.has(callee)) continue;
      visited.add(callee);
      const found = search(callee, [...path, callee]);
      if (found) return found;
    }
    return undefined;
  };
  return search(fn.name, [fn.name]);
}
