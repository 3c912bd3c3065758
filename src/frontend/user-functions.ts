/**
 * A file's own functions, `fn layer_norm(x, g, b) = …`: checked once where they are defined, then
 * inlined at every call (lower-expr.ts), so the graph, its gradients and every backend see only
 * primitive ops. A function reads only its parameters (no states, params or sizes of a cell: it
 * is written once for every cell and model of the file) and may call built-in functions and the
 * file's other functions, but not itself, directly or through another: inlining would not end.
 */
import { type DiagnosticBag, didYouMean } from '../diagnostics.js';
import { own } from '../names.js';
import type { ConstDecl, Expr, FnDecl } from './ast.js';
import { functions } from './functions.js';

/**
 * The file's functions and named constants by name; `null` for one with errors, which are
 * reported once, at its definition (its uses then stay silent). A constant is a function of
 * nothing, read by its bare name.
 */
export type UserFunctions = ReadonlyMap<string, FnDecl | ConstDecl | null>;

type UserDecl = FnDecl | ConstDecl;

function paramsOf(d: UserDecl): readonly { name: string; span: FnDecl['span'] }[] {
  return d.kind === 'fn' ? d.params : [];
}

function bodyOf(d: UserDecl): Expr {
  return d.kind === 'fn' ? d.body : d.value;
}

export function checkUserFunctions(decls: readonly UserDecl[], bag: DiagnosticBag): UserFunctions {
  const declared = new Map(decls.map((d) => [d.name, d]));
  const isConstant = (name: string) => declared.get(name)?.kind === 'const';
  const valid = new Map<string, UserDecl | null>();
  for (const fn of decls) {
    if (fn.kind === 'fn' && own(functions, fn.name) !== undefined) {
      bag.error(fn.span, `fn ${fn.name}: ${fn.name} is a built-in function`, 'give your function another name');
      valid.set(fn.name, null);
      continue;
    }
    let ok = true;
    const params = new Set<string>();
    for (const p of paramsOf(fn)) {
      if (params.has(p.name)) {
        bag.error(p.span, `fn ${fn.name} names its parameter '${p.name}' twice`);
        ok = false;
      }
      params.add(p.name);
    }
    walk(bodyOf(fn), (e) => {
      if (e.kind === 'name' && (e.primed || (!params.has(e.name) && !isConstant(e.name)))) {
        const guess = didYouMean(e.name, [...params, ...decls.filter((d) => d.kind === 'const').map((d) => d.name)]);
        const what =
          fn.kind === 'fn'
            ? 'which is not one of its parameters or a const of the file'
            : 'which is not a const of the file';
        bag.error(
          e.span,
          `${fn.kind} ${fn.name} reads '${e.name}${e.primed ? "'" : ''}', ${what}`,
          guess
            ? `did you mean '${guess}'?`
            : fn.kind === 'fn'
              ? "a function sees only its parameters and the file's consts: pass the value in"
              : 'a const is a number of the file: it reads numbers and other consts',
        );
        ok = false;
      }
      if (e.kind === 'call' && own(functions, e.fn) === undefined && declared.get(e.fn)?.kind !== 'fn') {
        const guess = didYouMean(e.fn, [...Object.keys(functions), ...declared.keys()]);
        bag.error(e.fnSpan, `unknown function '${e.fn}'`, guess ? `did you mean '${guess}'?` : undefined);
        ok = false;
      }
    });
    const cycle = callCycle(fn, declared);
    if (cycle) {
      bag.error(
        fn.span,
        fn.kind === 'fn'
          ? `fn ${fn.name} calls itself (${cycle.join(' → ')}): functions are inlined where they are called, so they cannot recurse`
          : `const ${fn.name} is defined in terms of itself (${cycle.join(' → ')})`,
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
    if (next.kind === 'call') stack.push(...next.args, ...next.named.map((a) => a.value));
    else if (next.kind === 'binary') stack.push(next.left, next.right);
    else if (next.kind === 'neg') stack.push(next.operand);
    else if (next.kind === 'slice') stack.push(next.target, next.start, next.end);
  }
}

/** A chain of calls (or reads of constants) from `fn` back to itself, or undefined. */
function callCycle(fn: UserDecl, declared: ReadonlyMap<string, UserDecl>): string[] | undefined {
  const calls = (f: UserDecl) => {
    const names: string[] = [];
    walk(bodyOf(f), (e) => {
      if (e.kind === 'call' && declared.get(e.fn)?.kind === 'fn') names.push(e.fn);
      if (e.kind === 'name' && declared.get(e.name)?.kind === 'const') names.push(e.name);
    });
    return names;
  };
  const visited = new Set<string>();
  const search = (name: string, path: string[]): string[] | undefined => {
    for (const callee of calls(declared.get(name) as UserDecl)) {
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
