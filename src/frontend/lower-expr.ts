/** Expressions → graph nodes, with shape errors reported where they happen. */
import type { UserFunctions } from './user-functions.js';
import { didYouMean, type DiagnosticBag, type SourceSpan } from '../diagnostics.js';
import type { GraphBuilder } from '../ir/builder.js';
import type { Dim } from '../ir/dims.js';
import type { AttrMap, NodeId, OpKind } from '../ir/graph.js';
import { scalarType, ShapeError, type TensorType } from '../ir/types.js';
import type { BinaryOp, Expr, FnDecl } from './ast.js';
import { type Emitter, functions } from './functions.js';
import { exprToDim } from './sizes.js';
import { own } from '../names.js';

const binaryOps: Record<BinaryOp, OpKind> = { '+': 'add', '-': 'sub', '*': 'mul', '/': 'div', '@': 'matmul' };

export interface Scope {
  /** The node a name stands for; reports and returns undefined when there is none. */
  resolve(name: string, primed: boolean, span: SourceSpan): NodeId | undefined;
  readonly sizes: ReadonlySet<string>;
}

/**
 * Lowers expressions into a builder. A failed sub-expression yields
 * undefined and its parents stay silent, so one mistake gives one error.
 */
export class ExprLowerer {
  private readonly constants = new Map<number, NodeId>();

  constructor(
    private readonly builder: GraphBuilder,
    private readonly scope: Scope,
    private readonly bag: DiagnosticBag,
    /** The file's own functions (checked), inlined where they are called. */
    private readonly userFunctions: UserFunctions = new Map(),
  ) {}

  /** Lowers `e`; `label` names the value in the graph (the equation it defines). */
  lower(e: Expr, label?: string): NodeId | undefined {
    const emitter = this.emitter(e.span, label);
    switch (e.kind) {
      case 'number':
        return emitter.constant(e.value);
      case 'name':
        return this.scope.resolve(e.name, e.primed, e.span);
      case 'neg': {
        const operand = this.lower(e.operand);
        return operand === undefined ? undefined : this.attempt(e.span, '-', () => emitter.emit('neg', [operand], {}));
      }
      case 'binary': {
        const left = this.lower(e.left);
        const right = this.lower(e.right);
        if (left === undefined || right === undefined) return undefined;
        return this.attempt(e.span, e.op, () => emitter.emit(binaryOps[e.op], [left, right], {}));
      }
      case 'slice': {
        const target = this.lower(e.target);
        const start = exprToDim(e.start, this.scope.sizes, this.bag);
        const end = exprToDim(e.end, this.scope.sizes, this.bag);
        if (target === undefined || !start || !end) return undefined;
        return this.attempt(e.span, 'slice', () => emitter.emit('slice', [target], { start, end }));
      }
      case 'call':
        return this.call(e, emitter, label);
    }
  }

  private call(e: Extract<Expr, { kind: 'call' }>, emitter: Emitter, label?: string): NodeId | undefined {
    const fn = own(functions, e.fn);
    const user = this.userFunctions.get(e.fn);
    if (fn === undefined && user) return this.inline(user, e, label);
    if (fn === undefined && user === null) {
      // Its definition has errors, reported there.
      e.args.forEach((a) => this.lower(a));
      return undefined;
    }
    if (fn === undefined) {
      const guess = didYouMean(e.fn, [...Object.keys(functions), ...this.userFunctions.keys()]);
      this.bag.error(e.fnSpan, `unknown function '${e.fn}'`, guess ? `did you mean '${guess}'?` : undefined);
      e.args.forEach((a) => this.lower(a));
      return undefined;
    }
    const count = e.args.length;
    const arityOk = fn.variadic ? count >= 1 : count === fn.params.length;
    if (!arityOk) {
      const expected = fn.variadic
        ? 'one or more arguments'
        : `${fn.params.length} argument${fn.params.length === 1 ? '' : 's'}`;
      this.bag.error(
        e.span,
        `${e.fn} takes ${expected} (${fn.params.join(', ')}${fn.variadic ? ', …' : ''}), got ${count}`,
      );
      return undefined;
    }
    const sizeArgs = new Set(fn.sizeArgs ?? []);
    const values: NodeId[] = [];
    const sizes: Dim[] = [];
    let ok = true;
    e.args.forEach((arg, k) => {
      if (sizeArgs.has(k)) {
        const d = exprToDim(arg, this.scope.sizes, this.bag);
        if (d) sizes.push(d);
        else ok = false;
      } else {
        const v = this.lower(arg);
        if (v === undefined) ok = false;
        else values.push(v);
      }
    });
    if (!ok) return undefined;
    return this.attempt(e.span, e.fn, () => fn.lower(emitter, values, sizes));
  }

  /**
   * A call of the file's own function: its body lowered with each parameter standing for the
   * argument's value. The body was checked where it is defined (it reads only its parameters).
   */
  private inline(fn: FnDecl, e: Extract<Expr, { kind: 'call' }>, label?: string): NodeId | undefined {
    if (e.args.length !== fn.params.length) {
      this.bag.error(
        e.span,
        `${fn.name} takes ${fn.params.length} argument${fn.params.length === 1 ? '' : 's'} (${fn.params.map((p) => p.name).join(', ')}), got ${e.args.length}`,
      );
      e.args.forEach((a) => this.lower(a));
      return undefined;
    }
    const values = e.args.map((a) => this.lower(a));
    if (values.some((v) => v === undefined)) return undefined;
    const bound = new Map(fn.params.map((p, k) => [p.name, values[k] as NodeId]));
    const scope: Scope = {
      resolve: (name, _primed, span) => {
        const id = bound.get(name);
        if (id === undefined) this.bag.error(span, `fn ${fn.name} has no parameter '${name}'`);
        return id;
      },
      sizes: new Set(),
    };
    return new ExprLowerer(this.builder, scope, this.bag, this.userFunctions).lower(fn.body, label);
  }

  /** Emits nodes for one expression, giving the root the expression's span and label. */
  private emitter(span: SourceSpan, label: string | undefined): Emitter {
    return {
      emit: <K extends OpKind>(op: K, inputs: readonly NodeId[], attrs: AttrMap[K]) =>
        this.builder.add(op, inputs, attrs, { span, ...(label ? { label } : {}) }),
      type: (id) => this.tensorType(id),
      constant: (value) => {
        const known = this.constants.get(value);
        if (known !== undefined) return known;
        const id = this.builder.add('const', [], { value, type: scalarType }, { span });
        this.constants.set(value, id);
        return id;
      },
    };
  }

  private tensorType(id: NodeId): TensorType {
    const t = this.builder.typeOf(id);
    if (t.kind !== 'tensor') throw new ShapeError('expected a tensor');
    return t;
  }

  private attempt(span: SourceSpan, what: string, build: () => NodeId): NodeId | undefined {
    try {
      return build();
    } catch (e) {
      if (!(e instanceof ShapeError)) throw e;
      this.bag.error(span, `shape mismatch in '${what}': ${e.message}`);
      return undefined;
    }
  }
}
