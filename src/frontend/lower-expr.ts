/** Expressions → graph nodes, with shape errors reported where they happen. */
import type { UserFunctions } from './user-functions.js';
import { didYouMean, type DiagnosticBag, type SourceSpan } from '../diagnostics.js';
import type { GraphBuilder } from '../ir/builder.js';
import { Dim } from '../ir/dims.js';
import type { AttrMap, NodeId, OpKind } from '../ir/graph.js';
import { scalarType, ShapeError, type TensorType } from '../ir/types.js';
import type { BinaryOp, ConstDecl, Expr, FnDecl } from './ast.js';
import { type Emitter, type FunctionDef, functions } from './functions.js';
import { exprToDim } from './sizes.js';
import { checkRate, type MaskKind } from '../ir/ops/noise.js';
import { own } from '../names.js';

/** Each operator as an op and its operands' order: `a > b` is `b < a`, `a != b` is `1 - (a == b)`. */
const binaryOps: Record<BinaryOp, { op: OpKind; swap?: true; negate?: true }> = {
  '+': { op: 'add' },
  '-': { op: 'sub' },
  '*': { op: 'mul' },
  '/': { op: 'div' },
  '%': { op: 'mod' },
  '@': { op: 'matmul' },
  '<': { op: 'less' },
  '<=': { op: 'less_equal' },
  '>': { op: 'less', swap: true },
  '>=': { op: 'less_equal', swap: true },
  '==': { op: 'equal' },
  '!=': { op: 'equal', negate: true },
};

export interface Scope {
  /** The node a name stands for; reports and returns undefined when there is none. */
  resolve(name: string, primed: boolean, span: SourceSpan): NodeId | undefined;
  readonly sizes: ReadonlySet<string>;
  /** The time axes a value may be reduced along by name (a cell's memories' axes, a model's sequences': `sum(x, axis = S)`). */
  readonly axes?: ReadonlySet<string>;
  /** Whether the scope defines `name` itself, which then hides a const of the file by that name. */
  defines?(name: string): boolean;
  /** What random masks read: absent where none can be drawn (a const of the file). */
  readonly noise?: NoiseSource;
}

/** Where a scope's random masks come from: the run's mode and seed, and a step's position. */
export interface NoiseSource {
  /** The run's mode and seed ([2]). */
  random(): NodeId;
  /** The position along time a mask of `like` is drawn at: the step's in a cell, each step's for a sequence. */
  position(like: NodeId): NodeId | undefined;
}

/**
 * A salt for each mask as it is made, so that two masks of the same value differ; a model
 * numbers its masks again in order (numberMasks in model.ts), which makes salts independent of
 * what else was compiled before.
 */
let provisionalSalt = 0;

/** An axis of a value: its position in the per-sample shape, or a time axis by name. */
type Axis = number | string;

/**
 * A reduction along a time axis (a memory's positions), from the ops on lead axes: a sum is an
 * unbroadcast to the type without the axis, and softmax subtracts the maximum over the axis so
 * no exponential overflows (the maximum's own gradient cancels, as softmax ignores a shift).
 */
function alongTime(e: Emitter, x: NodeId, axis: string, name: string): NodeId {
  const type = e.type(x);
  if (type.time !== axis) {
    throw new ShapeError(
      type.time === null
        ? `${name} along ${axis} needs a value that runs along ${axis}, and this one is the same at every position`
        : `${name} along ${axis} needs a value that runs along ${axis}, and this one runs along ${type.time}`,
    );
  }
  const reduced = { ...type, time: null };
  const sum = (v: NodeId) => e.emit('unbroadcast', [v], { type: { ...e.type(v), time: null }, mean: false });
  const shifted = () => e.emit('sub', [x, e.emit('time_max', [x], {})], {});
  switch (name) {
    case 'sum':
      return sum(x);
    case 'mean':
      return e.emit('unbroadcast', [x], { type: reduced, mean: true });
    case 'max':
      return e.emit('time_max', [x], {});
    case 'min':
      return e.emit('neg', [e.emit('time_max', [e.emit('neg', [x], {})], {})], {});
    case 'softmax': {
      const z = e.emit('exp', [shifted()], {});
      return e.emit('div', [z, sum(z)], {});
    }
    case 'log_softmax': {
      const s = shifted();
      return e.emit('sub', [s, e.emit('log', [sum(e.emit('exp', [s], {}))], {})], {});
    }
    default:
      throw new ShapeError(`${name} has no form along a time axis`);
  }
}

/**
 * Lowers expressions into a builder. A failed sub-expression yields
 * undefined and its parents stay silent, so one mistake gives one error.
 */
export class ExprLowerer {
  private readonly constants = new Map<number, NodeId>();
  private readonly sizeValues = new Map<string, NodeId>();

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
      case 'name': {
        if (!e.primed && this.scope.sizes.has(e.name)) return this.sizeValue(e.name, e.span);
        const constant = e.primed || this.scope.defines?.(e.name) ? undefined : this.userFunctions.get(e.name);
        if (constant === null) return undefined; // its definition has errors, reported there
        if (constant?.kind === 'const') return this.constant(constant, label);
        return this.scope.resolve(e.name, e.primed, e.span);
      }
      case 'neg': {
        const operand = this.lower(e.operand);
        return operand === undefined ? undefined : this.attempt(e.span, '-', () => emitter.emit('neg', [operand], {}));
      }
      case 'binary': {
        if (e.chained) {
          this.bag.error(
            e.span,
            'comparisons do not chain: a < b < c would compare the 0 or 1 of a < b with c',
            'write (a < b) * (b < c) for both, or put the first comparison in parentheses',
          );
          return undefined;
        }
        const left = this.lower(e.left);
        const right = this.lower(e.right);
        if (left === undefined || right === undefined) return undefined;
        const { op, swap, negate } = binaryOps[e.op];
        return this.attempt(e.span, e.op, () => {
          const value = emitter.emit(op, swap ? [right, left] : [left, right], {});
          return negate ? emitter.emit('sub', [emitter.constant(1), value], {}) : value;
        });
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
    if (fn === undefined && user?.kind === 'const') {
      this.bag.error(e.fnSpan, `${e.fn} is a const, not a function`, `write it without parentheses: ${e.fn}`);
      return undefined;
    }
    if (fn === undefined && user?.kind === 'fn') return this.inline(user, e, label);
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
    const fewest = fn.params.length - (fn.optional ?? 0);
    const arityOk = fn.variadic ? count >= 1 : count >= fewest && count <= fn.params.length;
    if (!arityOk) {
      const expected = fn.variadic
        ? 'one or more arguments'
        : fewest < fn.params.length
          ? `${fewest} ${fn.params.length - fewest === 1 ? 'or' : 'to'} ${fn.params.length} arguments`
          : `${fn.params.length} argument${fn.params.length === 1 ? '' : 's'}`;
      this.bag.error(
        e.span,
        `${e.fn} takes ${expected} (${fn.params.join(', ')}${fn.variadic ? ', …' : ''}), got ${count}`,
      );
      return undefined;
    }
    const axis = this.axisArgument(e, fn);
    if (axis === null) return undefined;
    const sizeArgs = new Set(fn.sizeArgs ?? []);
    const values: NodeId[] = [];
    const sizes: Dim[] = [];
    let rate = Dim.of(0);
    let ok = true;
    e.args.forEach((arg, k) => {
      if (k === fn.rateArg) {
        const value = this.rate(arg, e.fn, fn.random ?? 'dropout');
        if (value === undefined) ok = false;
        else rate = value;
      } else if (sizeArgs.has(k)) {
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
    if (axis !== undefined && values.length !== 1) {
      this.bag.error(e.named[0].nameSpan, `${e.fn} of two values works elementwise: it has no axis`);
      return undefined;
    }
    return this.attempt(e.span, e.fn, () =>
      axis === undefined ? fn.lower(emitter, values, sizes, rate) : this.alongAxis(emitter, fn, values[0], axis, e.fn),
    );
  }

  /**
   * A rate argument: a number, a const of the file that is one, or a hyperparameter (checked
   * once sizes are bound), as a probability the mask allows.
   */
  private rate(arg: Expr, fn: string, kind: MaskKind): Dim | undefined {
    let value: number | undefined;
    if (arg.kind === 'number') value = arg.value;
    else if (arg.kind === 'name' && !arg.primed && this.scope.sizes.has(arg.name)) return Dim.named(arg.name);
    else if (arg.kind === 'name' && !arg.primed && !this.scope.defines?.(arg.name)) {
      const decl = this.userFunctions.get(arg.name);
      if (decl?.kind === 'const' && decl.value.kind === 'number') value = decl.value.value;
    }
    if (value === undefined) {
      this.bag.error(
        arg.span,
        `the rate of ${fn} is a number written out, like 0.25`,
        'or a hyperparameter of the cell or model, or a const of the file set to a number',
      );
      return undefined;
    }
    const wrong = checkRate(kind, value);
    if (wrong) {
      this.bag.error(arg.span, wrong);
      return undefined;
    }
    return Dim.of(value);
  }

  /** The `axis = k` (or `axis = S`) of a call: undefined when not given, null (reported) when it is wrong. */
  private axisArgument(e: Extract<Expr, { kind: 'call' }>, fn: FunctionDef): Axis | undefined | null {
    let axis: Axis | undefined;
    for (const arg of e.named) {
      if (arg.name !== 'axis' || !fn.alongAxis) {
        this.bag.error(
          arg.nameSpan,
          `${e.fn} has no argument named '${arg.name}'`,
          fn.alongAxis
            ? `its named argument is axis, as in ${e.fn}(x, axis = 0)`
            : `pass its arguments by position: ${e.fn}(${fn.params.join(', ')})`,
        );
        return null;
      }
      if (axis !== undefined) {
        this.bag.error(arg.nameSpan, `axis is given twice`);
        return null;
      }
      const value = arg.value;
      const axes = this.scope.axes ?? new Set<string>();
      if (value.kind === 'name' && !value.primed && axes.has(value.name)) {
        axis = value.name;
        continue;
      }
      if (value.kind !== 'number' || !Number.isInteger(value.value)) {
        const named = axes.size > 0 ? `, or a time axis (${[...axes].join(', ')})` : '';
        this.bag.error(value.span, `an axis is a whole number: 0 for the first, -1 for the last${named}`);
        return null;
      }
      axis = value.value;
    }
    return axis;
  }

  /**
   * An op of the last axis applied along `axis`: the last one directly, the other axis of a
   * matrix through a transpose (and back, for softmax, whose result keeps the shape).
   */
  private alongAxis(emitter: Emitter, fn: FunctionDef, x: NodeId, axis: Axis, name: string): NodeId {
    if (typeof axis === 'string') return alongTime(emitter, x, axis, name);
    const rank = emitter.type(x).shape.length;
    const k = axis < 0 ? axis + rank : axis;
    if (k < 0 || k >= rank)
      throw new ShapeError(`axis ${axis} is outside a value with ${rank} ax${rank === 1 ? 'is' : 'es'}`);
    if (k === rank - 1) return fn.lower(emitter, [x], [], Dim.of(0));
    if (rank !== 2)
      throw new ShapeError(
        `${name} works along the last axis, or either axis of a matrix; this value has ${rank} axes`,
      );
    const result = fn.lower(emitter, [emitter.emit('transpose', [x], {})], [], Dim.of(0));
    return emitter.type(result).shape.length === 2 ? emitter.emit('transpose', [result], {}) : result;
  }

  /**
   * A call of the file's own function: its body lowered with each parameter standing for the
   * argument's value. The body was checked where it is defined (it reads only its parameters).
   */
  private inline(fn: FnDecl, e: Extract<Expr, { kind: 'call' }>, label?: string): NodeId | undefined {
    if (e.named.length > 0) {
      this.bag.error(
        e.named[0].nameSpan,
        `${fn.name} takes its arguments by position: ${fn.name}(${fn.params.map((p) => p.name).join(', ')})`,
      );
      return undefined;
    }
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
      defines: (name) => bound.has(name),
      resolve: (name, _primed, span) => {
        const id = bound.get(name);
        if (id === undefined) this.bag.error(span, `fn ${fn.name} has no parameter '${name}'`);
        return id;
      },
      sizes: new Set(),
      ...(this.scope.noise ? { noise: this.scope.noise } : {}),
    };
    return new ExprLowerer(this.builder, scope, this.bag, this.userFunctions).lower(fn.body, label);
  }

  /** A size or hyperparameter read as a value: a number once sizes are bound. */
  private sizeValue(name: string, span: SourceSpan): NodeId {
    const known = this.sizeValues.get(name);
    if (known !== undefined) return known;
    const id = this.builder.add('number', [], { value: Dim.named(name) }, { span, label: name });
    this.sizeValues.set(name, id);
    return id;
  }

  /** A const of the file: its value, lowered where it is read (it reads only numbers and other consts). */
  private constant(decl: ConstDecl, label?: string): NodeId | undefined {
    const scope: Scope = {
      resolve: (name, _primed, span) => {
        this.bag.error(span, `const ${decl.name} reads '${name}', which is not a const of the file`);
        return undefined;
      },
      sizes: new Set(),
    };
    return new ExprLowerer(this.builder, scope, this.bag, this.userFunctions).lower(decl.value, label ?? decl.name);
  }

  /** Emits nodes for one expression, giving the root the expression's span and label. */
  private emitter(span: SourceSpan, label: string | undefined): Emitter {
    const emitter: Emitter = {
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
      mask: (like, kind, p, perStep) => {
        const source = this.scope.noise;
        if (source === undefined) throw new ShapeError(`a ${kind} mask is drawn in a cell or a model, not here`);
        const position = (perStep ? source.position(like) : undefined) ?? emitter.constant(0);
        return this.builder.add(
          'random_mask',
          [source.random(), position],
          { kind, p, salt: provisionalSalt++, type: this.tensorType(like) },
          { span, label: `${kind} mask` },
        );
      },
    };
    return emitter;
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
