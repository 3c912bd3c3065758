/**
 * Checks one cell and lowers it to its step graph. The step graph is closed:
 * its arguments are [inputs at t..., states at t-1..., params...] and its
 * outputs [states at t..., the cell's output], which is exactly how a scan
 * calls it. Sizes stay symbolic; a model instantiates them later.
 */
import type { UserFunctions } from './user-functions.js';
import { didYouMean, type DiagnosticBag, type SourceSpan } from '../diagnostics.js';
import { GraphBuilder } from '../ir/builder.js';
import type { Dim } from '../ir/dims.js';
import type { Graph, NodeId } from '../ir/graph.js';
import type { InitSpec } from '../ir/init.js';
import { formatType, type TensorType, tensorType, typesEqual } from '../ir/types.js';
import type { CellDecl, Equation, Expr, InputDecl, MemoryDecl, OutputDecl, ParamDecl, StateDecl } from './ast.js';
import { checkShapeSizes, checkSizes, NameTable, type SizeInfo, sizesInShapes } from './declarations.js';
import { ExprLowerer } from './lower-expr.js';
import { functions } from './functions.js';
import { noiseType } from '../ir/ops/noise.js';
import { own } from '../names.js';
import { checkGraphDepth } from './limits.js';
import { type Definition, namesUsed, orderDefinitions } from './order.js';
import { defaultInit, exprToInit, exprToStateInit, shapeToDims, type StateInit } from './sizes.js';

export interface CellInput {
  readonly name: string;
  readonly shape: readonly Dim[];
  readonly span: SourceSpan;
  /** For `token(V)`: V, the ids' bound (the shape is then []). */
  readonly vocabulary?: Dim;
}

/** A sequence the whole of which every step reads, along its own axis. */
export interface CellMemory extends CellInput {
  /** The name the cell gives the memory's axis (`S` in `memory enc: seq(S)[H]`). */
  readonly axis: string;
}

export interface CellState extends CellInput {
  readonly init: StateInit;
}

export interface CellParam extends CellInput {
  readonly init: InitSpec;
}

export interface CellInfo {
  readonly name: string;
  readonly doc?: string;
  readonly span: SourceSpan;
  readonly sizes: readonly SizeInfo[];
  readonly inputs: readonly CellInput[];
  /** Read-only sequences: a layer passes them after the inputs (`over y, encoder`). */
  readonly memories: readonly CellMemory[];
  readonly states: readonly CellState[];
  readonly params: readonly CellParam[];
  readonly outputName: string;
  /**
   * What the step reads of its position, `t` (the step's index) and `T` (the number of steps):
   * sequences a layer feeds after the inputs, one number per step.
   */
  readonly positions: readonly Position[];
  /** The step draws random masks (dropout, zoneout): its last argument is the run's mode and seed. */
  readonly noise: boolean;
  /** The sizes used in shapes, which must be positive whole numbers (the others are hyperparameters). */
  readonly shapeSizes: ReadonlySet<string>;
  /** The step function; see the file comment for its argument and output order. */
  readonly body: Graph;
}

/**
 * `t`, the index of the step (0 first), or `T`, the number of steps; `mask step` is the index
 * of the step that masks are drawn at, 0 for a layer that is a single step.
 */
export type Position = 'index' | 'count' | 'mask step';

/** The names a cell reads its position by, unless it defines them itself. */
export const positionNames: Readonly<Record<string, Position>> = { t: 'index', T: 'count' };

type EquationDef = Definition & { readonly equation: Equation | OutputDecl };

/** The arguments of a step that draws masks, by names no source can write. */
const maskStep = '#mask step';
const noiseArg = '#mode and seed';

/** Whether an expression draws random masks, itself or through a function of the file it calls. */
function drawsMasks(e: Expr, userFunctions: UserFunctions, seen: Set<string>): boolean {
  switch (e.kind) {
    case 'number':
    case 'name':
      return false;
    case 'neg':
      return drawsMasks(e.operand, userFunctions, seen);
    case 'binary':
      return drawsMasks(e.left, userFunctions, seen) || drawsMasks(e.right, userFunctions, seen);
    case 'slice':
      return drawsMasks(e.target, userFunctions, seen);
    case 'call': {
      if (own(functions, e.fn)?.random) return true;
      const user = userFunctions.get(e.fn);
      if (user?.kind === 'fn' && !seen.has(e.fn)) {
        seen.add(e.fn);
        if (drawsMasks(user.body, userFunctions, seen)) return true;
      }
      return [...e.args, ...e.named.map((a) => a.value)].some((a) => drawsMasks(a, userFunctions, seen));
    }
  }
}

function outputName(o: OutputDecl): string {
  if (o.name) return o.name;
  return o.value.kind === 'name' ? o.value.name : 'output';
}

export function checkCell(
  decl: CellDecl,
  bag: DiagnosticBag,
  userFunctions: UserFunctions = new Map(),
): CellInfo | undefined {
  const errorsBefore = bag.items.filter((d) => d.severity === 'error').length;
  const names = new NameTable(bag, `cell ${decl.name}`);
  const sizes = checkSizes(decl.sizes, names, bag);
  const sizeNames = new Set(decl.sizes.map((s) => s.name));

  const items = decl.items;
  const inputs = items.filter((i): i is InputDecl => i.kind === 'input');
  const memories = items.filter((i): i is MemoryDecl => i.kind === 'memory');
  const states = items.filter((i): i is StateDecl => i.kind === 'state');
  const params = items.filter((i): i is ParamDecl => i.kind === 'param');
  const equations = items.filter((i): i is Equation => i.kind === 'equation');
  const outputs = items.filter((i): i is OutputDecl => i.kind === 'output');

  const builder = new GraphBuilder();
  const args = new Map<string, NodeId>();
  // Declared names whose declaration has an error: using them is not a second mistake.
  const broken = new Set<string>();
  const used = new Set<string>();
  const declare = (
    name: string,
    span: SourceSpan,
    dims: readonly Expr[],
    batched: boolean,
    time: string | null = null,
  ): Dim[] | undefined => {
    if (!names.define(name, span)) return undefined;
    const shape = shapeToDims(dims, sizeNames, bag);
    if (!shape) {
      broken.add(name);
      return undefined;
    }
    const type = tensorType(shape, { batched, time });
    args.set(name, builder.add('arg', [], { index: args.size, type }, { span, label: name }));
    return shape;
  };

  const cellInputs: CellInput[] = [];
  for (const i of inputs) {
    if (i.type.time !== null) {
      bag.error(i.type.span, `a cell input is one step, so it has no 'seq': write 'input ${i.name}: [${'…'}]'`);
    }
    const shape = declare(i.name, i.span, i.type.dims, true);
    const vocabulary = i.type.vocabulary ? shapeToDims([i.type.vocabulary], sizeNames, bag)?.[0] : undefined;
    if (shape) cellInputs.push({ name: i.name, shape, span: i.span, ...(vocabulary ? { vocabulary } : {}) });
  }
  // `t` and `T`, where the step reads them and the cell does not define them: arguments after the inputs.
  const defined = new Set([...sizeNames, ...items.flatMap((i) => (i.kind === 'output' ? [] : [i.name]))]);
  const read = new Set([...equations.map((e) => e.value), ...outputs.map((o) => o.value)].flatMap((e) => namesUsed(e)));
  const positions = Object.keys(positionNames).filter((name) => read.has(name) && !defined.has(name));
  // A step that draws masks draws them at its position: `t` where the step reads it, else an
  // argument of its own (by a name no source can write).
  const noise = [...equations.map((e) => e.value), ...outputs.map((o) => o.value)].some((e) =>
    drawsMasks(e, userFunctions, new Set()),
  );
  const maskPosition = positions.includes('t') ? 't' : maskStep;
  if (noise && maskPosition === maskStep) positions.push(maskStep);
  for (const name of positions) {
    args.set(
      name,
      builder.add(
        'arg',
        [],
        { index: args.size, type: tensorType([]) },
        { span: decl.span, label: name === maskStep ? 't' : name },
      ),
    );
  }
  const cellStates: CellState[] = [];
  for (const s of states) {
    const shape = declare(s.name, s.span, s.dims, true);
    const init = exprToStateInit(s.init, sizeNames, bag);
    if (shape && init) cellStates.push({ name: s.name, shape, init, span: s.span });
  }
  const cellMemories: CellMemory[] = [];
  for (const m of memories) {
    const axis = m.type.time;
    if (axis === null) {
      bag.error(
        m.type.span,
        `a memory is a whole sequence, read at every step along its own axis`,
        `write 'memory ${m.name}: seq(S)[…]', naming its axis`,
      );
      broken.add(m.name);
      continue;
    }
    if (m.type.vocabulary) {
      bag.error(
        m.type.span,
        `a memory is a sequence of vectors, not of token ids`,
        'embed the tokens in a layer first',
      );
      broken.add(m.name);
      continue;
    }
    if (sizeNames.has(axis.name)) {
      bag.error(
        axis.span,
        `'${axis.name}' is a size of cell ${decl.name}, so it cannot also name an axis`,
        'give the axis another name',
      );
      broken.add(m.name);
      continue;
    }
    const shape = declare(m.name, m.span, m.type.dims, true, axis.name);
    if (shape) cellMemories.push({ name: m.name, shape, axis: axis.name, span: m.span });
  }
  const cellParams: CellParam[] = [];
  for (const p of params) {
    const shape = declare(p.name, p.span, p.dims, false);
    const init = p.init ? exprToInit(p.init, sizeNames, bag) : shape && defaultInit(shape);
    if (shape && init) {
      if (init.kind === 'orthogonal' && shape.length !== 2)
        bag.error(p.init?.span ?? p.span, 'orthogonal initialization needs a matrix');
      cellParams.push({ name: p.name, shape, init, span: p.span });
    }
  }

  if (noise)
    args.set(noiseArg, builder.add('arg', [], { index: args.size, type: noiseType }, { label: 'mode and seed' }));

  const stateNames = new Set(states.map((s) => s.name));
  const updates = new Map<string, Equation>();
  for (const eq of equations) {
    if (!eq.primed) {
      names.define(eq.name, eq.span);
      continue;
    }
    if (!stateNames.has(eq.name)) {
      const guess = didYouMean(eq.name, stateNames);
      bag.error(
        eq.span,
        `${eq.name}' gives the next value of a state, but '${eq.name}' is not a state of cell ${decl.name}`,
        guess
          ? `did you mean ${guess}'?`
          : `declare it with 'state ${eq.name}: [...]', or drop the ' to define a local value`,
      );
    } else if (updates.has(eq.name)) {
      const first = updates.get(eq.name) as Equation;
      bag.error(
        eq.span,
        `duplicate definition of '${eq.name}'' in cell ${decl.name}`,
        `'${eq.name}'' is first defined at line ${first.span.line}`,
      );
    } else {
      updates.set(eq.name, eq);
    }
  }
  for (const s of states) {
    if (!updates.has(s.name)) {
      bag.error(
        s.span,
        `state ${s.name} is declared but never updated`,
        `add an equation like ${s.name}' = … giving its value at the next step`,
      );
    }
  }
  if (inputs.length === 0) {
    bag.error(
      decl.span,
      `cell ${decl.name} has no input: a recurrent layer steps along its input sequence`,
      `add a line like 'input x: [I]'`,
    );
  }
  if (outputs.length === 0) {
    bag.error(decl.span, `cell ${decl.name} has no output`, `add a line like 'output h''`);
  }
  for (const extra of outputs.slice(1)) {
    bag.error(
      extra.span,
      `cell ${decl.name} has more than one output`,
      'a cell has one output; concat(…) can join several values',
    );
  }

  const defs: EquationDef[] = [
    ...equations.map((eq) => ({
      key: eq.primed ? `${eq.name}'` : eq.name,
      span: eq.span,
      uses: namesUsed(eq.value),
      equation: eq,
    })),
    ...outputs.slice(0, 1).map((o, k) => ({ key: `output#${k}`, span: o.span, uses: namesUsed(o.value), equation: o })),
  ];
  const { ordered, cyclic } = orderDefinitions(defs, bag);
  // What equations caught in a cycle read is used, though they are never lowered: no false warnings.
  for (const def of defs) if (cyclic.has(def.key)) for (const name of def.uses) used.add(name);

  const values = new Map<string, NodeId>();
  const failed = new Set<string>(cyclic);
  const localNames = new Set(equations.filter((e) => !e.primed).map((e) => e.name));
  const allNames = [...names.names()];
  const lowerer = new ExprLowerer(
    builder,
    {
      sizes: sizeNames,
      axes: new Set(cellMemories.map((m) => m.axis)),
      defines: (name) => names.has(name) || positions.includes(name),
      noise: {
        random: () => args.get(noiseArg) as NodeId,
        position: () => args.get(maskPosition),
      },
      resolve: (name, primed, span) => {
        const key = primed ? `${name}'` : name;
        used.add(key);
        if (primed) {
          if (!stateNames.has(name)) {
            const guess = didYouMean(name, stateNames);
            bag.error(
              span,
              `${name}' is the next value of a state, but '${name}' is not a state`,
              guess ? `did you mean ${guess}'?` : undefined,
            );
            return undefined;
          }
          return values.get(key); // missing: the update failed or is absent, which is reported already
        }
        if (localNames.has(name)) return values.get(key);
        if (args.has(name)) return args.get(name);
        if (failed.has(key) || broken.has(name)) return undefined;
        const guess = didYouMean(
          name,
          allNames.filter((n) => !sizeNames.has(n)),
        );
        bag.error(
          span,
          `unknown name '${name}'`,
          guess ? `did you mean '${guess}'?` : `declare it as an input, state, param or equation`,
        );
        return undefined;
      },
    },
    bag,
    userFunctions,
  );

  let output: NodeId | undefined;
  for (const def of ordered) {
    const eq = def.equation;
    if (eq.kind === 'output') {
      output = lowerer.lower(eq.value, outputName(eq));
      continue;
    }
    const label = eq.primed ? `${eq.name}'` : eq.name;
    let value = lowerer.lower(eq.value, label);
    if (value === undefined) {
      failed.add(def.key);
      continue;
    }
    if (eq.primed && stateNames.has(eq.name)) value = checkStateUpdate(builder, eq, value, cellStates, bag);
    if (value !== undefined) values.set(def.key, value);
  }

  for (const p of cellParams) {
    if (!used.has(p.name)) bag.warning(p.span, `param ${p.name} is never used`);
  }
  for (const i of cellInputs) {
    if (!used.has(i.name)) bag.warning(i.span, `input ${i.name} is never used`);
  }
  for (const m of cellMemories) {
    if (!used.has(m.name)) bag.warning(m.span, `memory ${m.name} is never used`);
  }

  const hasNewErrors = bag.items.filter((d) => d.severity === 'error').length > errorsBefore;
  if (hasNewErrors || output === undefined) return undefined;
  for (const s of cellStates) builder.output(`${s.name}'`, values.get(`${s.name}'`) as NodeId, 'next_state');
  const firstOutput = outputs[0];
  builder.output(outputName(firstOutput), output, 'step_output');
  const body = builder.build();
  if (!checkGraphDepth(body, bag, decl.span)) return undefined;
  const shapeSizes = sizesInShapes(body);
  if (!checkShapeSizes(sizes, shapeSizes, bag)) return undefined;
  return {
    name: decl.name,
    ...(decl.doc ? { doc: decl.doc } : {}),
    span: decl.span,
    sizes,
    inputs: cellInputs,
    memories: cellMemories,
    states: cellStates,
    params: cellParams,
    outputName: outputName(firstOutput),
    positions: positions.map((name) => (name === maskStep ? 'mask step' : positionNames[name])),
    noise,
    shapeSizes,
    body,
  };
}

/** A state's next value must have the state's shape; an unbatched one is repeated across the batch. */
function checkStateUpdate(
  builder: GraphBuilder,
  eq: Equation,
  value: NodeId,
  states: readonly CellState[],
  bag: DiagnosticBag,
): NodeId | undefined {
  const state = states.find((s) => s.name === eq.name);
  if (!state) return undefined;
  const expected: TensorType = tensorType(state.shape, { batched: true });
  let type = builder.typeOf(value) as TensorType;
  if (!type.batched && typesEqual({ ...type, batched: true }, expected)) {
    value = builder.add('broadcast_batch', [value], {}, { span: eq.value.span, label: `${eq.name}'` });
    type = expected;
  }
  if (!typesEqual(type, expected)) {
    bag.error(
      eq.value.span,
      `state ${eq.name} is ${formatType({ ...expected, batched: false })} but ${eq.name}' = … is ${formatType({ ...type, batched: false })}`,
      `the next value of a state must have the state's shape`,
    );
    return undefined;
  }
  return value;
}
