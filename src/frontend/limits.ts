/**
 * The limits rnnc checks in a source, each stated in its error message. They keep every stage
 * within bounds it can honour: the parser and the compiler's walks recurse over expressions and
 * chains of values, and buffers are sized from the sizes. The values are far beyond any cell in
 * the literature (the deepest of the examples is 14 operations deep) and far below what breaks.
 */
import type { IToken } from 'chevrotain';
import type { DiagnosticBag, SourceSpan } from '../diagnostics.js';
import type { Graph, NodeId } from '../ir/graph.js';
import type { Expr } from './ast.js';

export const limits = {
  /** Characters in one source file. */
  sourceChars: 1_000_000,
  /** Lexical and syntax errors reported for one file (past them, the file is hardly a source). */
  reportedErrors: 50,
  /** Brackets, parentheses and unary minus signs open at once. */
  nesting: 64,
  /** Operations from an expression's leaves to its top (`a + b + c` is two). */
  expressionDepth: 256,
  /**
   * Operations on the longest path through a cell's step or a model's graph. tsc's control-flow
   * analysis gives up on an emitted -O0 function along a chain of about 250 (TS2563).
   */
  graphDepth: 160,
  /** Operations in a model, its cells' steps included. */
  operations: 4_000,
  /** A size's value: dimensions stay exact integers in every target's index arithmetic. */
  size: 16_777_216,
  /** Values of the random inputs a run draws when none are given (a nested array each). */
  randomValues: 16_777_216,
  /** Elements of one tensor (per sample and step): 2^28, a gigabyte in f32. */
  elements: 268_435_456,
} as const;

/** The first token past the nesting limit, or undefined. */
export function tooDeeplyNested(tokens: readonly IToken[]): IToken | undefined {
  let depth = 0;
  let minuses = 0;
  for (const token of tokens) {
    const type = token.tokenType.name;
    if (type === 'LParen' || type === 'LBracket') depth++;
    else if (type === 'RParen' || type === 'RBracket') depth = Math.max(0, depth - 1);
    // A run of minus signs nests as deeply as parentheses do: `- - - x` is -(-(-x)).
    minuses = type === 'Minus' ? minuses + 1 : 0;
    if (depth + minuses > limits.nesting) return token;
  }
  return undefined;
}

/** Children of an expression node. */
function children(e: Expr): readonly Expr[] {
  switch (e.kind) {
    case 'binary':
      return [e.left, e.right];
    case 'neg':
      return [e.operand];
    case 'call':
      return [...e.args, ...e.named.map((a) => a.value)];
    case 'slice':
      return [e.target, e.start, e.end];
    default:
      return [];
  }
}

/** The depth of an expression in operations, computed without recursion (the depth is the user's). */
export function expressionDepth(root: Expr): number {
  let deepest = 0;
  const stack: [Expr, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [e, depth] = stack.pop() as [Expr, number];
    deepest = Math.max(deepest, depth);
    for (const c of children(e)) stack.push([c, depth + 1]);
  }
  return deepest;
}

/** Reports an expression deeper than the limit; true when it is within it. */
export function checkExpressionDepth(e: Expr, bag: DiagnosticBag): boolean {
  const depth = expressionDepth(e);
  if (depth <= limits.expressionDepth) return true;
  bag.error(
    e.span,
    `this expression is ${depth} operations deep, past rnnc's limit of ${limits.expressionDepth}`,
    'split it into equations that name its parts',
  );
  return false;
}

/** The error for a path through the graph longer than the limit, at the value where it passes it. */
export function graphTooDeep(bag: DiagnosticBag, span: SourceSpan, what: string): void {
  bag.error(
    span,
    `${what} is computed through more than ${limits.graphDepth} operations in a row, past rnnc's limit`,
    'a chain of equations this long is a loop written out: shorten it',
  );
}

const expressionKinds = new Set(['number', 'name', 'call', 'binary', 'neg', 'slice']);

/** The outermost expressions of a declaration (sizes, shapes, initializers, equations, layers). */
export function topExpressions(decl: object): Expr[] {
  const found: Expr[] = [];
  // The declaration's own structure is shallow (decl → items → fields → lists); expressions are
  // not entered here.
  const visit = (value: unknown, depth: number): void => {
    if (depth > 6 || value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      for (const v of value) visit(v, depth + 1);
      return;
    }
    const kind = (value as { kind?: unknown }).kind;
    if (typeof kind === 'string' && expressionKinds.has(kind) && 'span' in value) {
      found.push(value as Expr);
      return;
    }
    for (const [key, v] of Object.entries(value)) if (key !== 'span') visit(v, depth + 1);
  };
  visit(decl, 0);
  return found;
}

/**
 * Checks the longest path through a graph against the limit, at the first value past it; true
 * when it is within. Nodes come in order (a node after its inputs), so one pass computes it.
 */
export function checkGraphDepth(graph: Graph, bag: DiagnosticBag, whole: SourceSpan): boolean {
  const depth = new Map<NodeId, number>();
  for (const node of graph.nodes) {
    let d = 0;
    for (const i of node.inputs) d = Math.max(d, (depth.get(i) ?? 0) + 1);
    depth.set(node.id, d);
    if (d > limits.graphDepth) {
      graphTooDeep(bag, node.span ?? whole, node.label ? `'${node.label}'` : 'this value');
      return false;
    }
  }
  return true;
}

/** Operations in a graph and the step graphs of its scans (one function of a module computes them all). */
export function operationCount(graph: Graph): number {
  let count = 0;
  const pending: Graph[] = [graph];
  while (pending.length > 0) {
    const g = pending.pop() as Graph;
    count += g.nodes.length;
    for (const n of g.nodes) {
      const body = (n.attrs as { body?: Graph }).body;
      if (body) pending.push(body);
    }
  }
  return count;
}

/** Reports a model past the limit on operations; true when it is within it. */
export function checkOperationCount(graph: Graph, bag: DiagnosticBag, span: SourceSpan, what: string): boolean {
  const count = operationCount(graph);
  if (count <= limits.operations) return true;
  bag.error(
    span,
    `${what} has ${count} operations, past rnnc's limit of ${limits.operations}`,
    'split the model, or write its cells with fewer equations',
  );
  return false;
}
