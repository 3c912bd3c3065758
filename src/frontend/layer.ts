/**
 * A layer is a cell unrolled over a sequence. A cell with state becomes one
 * scan per direction (two, merged, for bidirectional); a stateless cell (a
 * dense layer) is applied to every step at once, with no loop at all.
 */
import { didYouMean, type DiagnosticBag, type SourceSpan } from '../diagnostics.js';
import type { GraphBuilder } from '../ir/builder.js';
import { Dim, formatShape } from '../ir/dims.js';
import { type Graph, isOp, type Node, type NodeId } from '../ir/graph.js';
import { renameTimeAxes, substituteSizes } from '../ir/substitute.js';
import { ShapeError, type TensorType, tensorType } from '../ir/types.js';
import type { LayerDecl } from './ast.js';
import type { CellInfo } from './cell.js';
import { exprToDim } from './sizes.js';
import { limits } from './limits.js';

export type Merge = 'sum' | 'concat' | 'mul' | 'avg';
const merges: readonly Merge[] = ['sum', 'concat', 'mul', 'avg'];

export interface LayerState {
  /** Qualified name, the key for overriding an initial state (`enc.h`, `enc.fwd.h`). */
  readonly name: string;
  readonly shape: readonly Dim[];
}

export interface LayerParam {
  readonly name: string;
  readonly node: NodeId;
}

export interface LayerInfo {
  readonly name: string;
  readonly cell: string;
  readonly direction: LayerDecl['direction'];
  readonly merge?: Merge;
  readonly shared: boolean;
  readonly keep: 'all' | 'last';
  /** The layer whose final states this one starts from (encoder–decoder). */
  readonly from?: string;
  readonly states: readonly LayerState[];
  /** Per direction (forward first), the model's name for each of the cell's params. */
  readonly paramNames: readonly ReadonlyMap<string, string>[];
  /** The layer's value (its output sequence, or the last step's output). */
  readonly value: NodeId;
  /** Final states by the cell's state name, merged across directions: what `from` reads. */
  readonly finals: ReadonlyMap<string, NodeId>;
}

export interface LayerContext {
  readonly builder: GraphBuilder;
  readonly bag: DiagnosticBag;
  readonly modelSizes: ReadonlySet<string>;
  /** Param nodes by qualified name, shared across the model. */
  readonly params: Map<string, NodeId>;
  readonly layers: ReadonlyMap<string, LayerInfo>;
  /** Prefix for params and states (empty for the implicit model of a lone cell). */
  readonly prefix: string;
  /** The model's input of the run's mode and seed, made when first asked for. */
  readonly noise: () => NodeId;
}

function qualify(...parts: string[]): string {
  return parts.filter((p) => p !== '').join('.');
}

/** Binds the cell's sizes: given arguments, then what the operands' shapes show, then the cell's defaults. */
function bindSizes(
  decl: LayerDecl,
  cell: CellInfo,
  operands: readonly TensorType[],
  vocabularies: readonly (Dim | undefined)[],
  ctx: LayerContext,
): Map<string, Dim> | undefined {
  const { bag } = ctx;
  const binding = new Map<string, Dim>();
  const cellSizes = cell.sizes.map((s) => s.name);
  let ok = true;
  let position = 0;
  for (const arg of decl.args) {
    const name = arg.name ?? cellSizes[position++];
    if (name === undefined) {
      bag.error(
        arg.span,
        `${cell.name} takes ${cellSizes.length} size${cellSizes.length === 1 ? '' : 's'} (${cellSizes.join(', ')}), got more`,
      );
      ok = false;
      continue;
    }
    if (!cellSizes.includes(name)) {
      const guess = didYouMean(name, cellSizes);
      bag.error(
        arg.span,
        `${cell.name} has no size '${name}' (its sizes are ${cellSizes.join(', ') || 'none'})`,
        guess ? `did you mean '${guess}'?` : undefined,
      );
      ok = false;
      continue;
    }
    if (binding.has(name)) {
      bag.error(arg.span, `size ${name} of ${cell.name} is given twice`);
      ok = false;
      continue;
    }
    const inShape = cell.shapeSizes.has(name);
    // A hyperparameter (a number no shape uses) may be any number: 0.042, -1.
    const literal = !inShape && arg.value.kind === 'number' ? Dim.of(arg.value.value) : undefined;
    const d = literal ?? exprToDim(arg.value, ctx.modelSizes, bag);
    if (!d) ok = false;
    else if (inShape && d.isConstant && (d.constant <= 0 || !Number.isInteger(d.constant))) {
      bag.error(
        arg.value.span,
        `size ${name} is used in a shape, so it must be a positive whole number, got ${d.constant}`,
      );
      ok = false;
    } else if (inShape && d.isConstant && d.constant > limits.size) {
      bag.error(arg.value.span, `size ${name} is ${d.constant}, past rnnc's limit of ${limits.size}`);
      ok = false;
    } else binding.set(name, d);
  }
  // A token input's vocabulary binds the cell's (`Embedding(V, E)` over `words: seq token(V)`).
  cell.inputs.forEach((input, k) => {
    const given = vocabularies[k];
    const [only] = input.vocabulary?.terms ?? [];
    if (given && input.vocabulary?.terms.length === 1 && input.vocabulary.constant === 0 && only[1] === 1)
      if (!binding.has(only[0])) binding.set(only[0], given);
  });
  [...cell.inputs, ...cell.memories].forEach((input, k) => {
    const operand = operands[k];
    if (!operand || operand.shape.length !== input.shape.length) return;
    input.shape.forEach((d, j) => {
      const [only] = d.terms;
      if (d.terms.length === 1 && d.constant === 0 && only[1] === 1 && !binding.has(only[0]))
        binding.set(only[0], operand.shape[j]);
    });
  });
  for (const size of cell.sizes) {
    if (binding.has(size.name)) continue;
    if (size.default !== undefined) binding.set(size.name, Dim.of(size.default));
    else {
      bag.error(
        decl.cell.span,
        `size ${size.name} of ${cell.name} has no value`,
        `pass it, as in ${cell.name}(…, ${size.name} = 16)`,
      );
      ok = false;
    }
  }
  return ok ? binding : undefined;
}

function paramNode(
  ctx: LayerContext,
  name: string,
  type: TensorType,
  init: Node<'param'>['attrs']['init'],
  span: SourceSpan,
): NodeId {
  const known = ctx.params.get(name);
  if (known !== undefined) return known;
  const id = ctx.builder.add('param', [], { name, type, init }, { span, label: name });
  ctx.params.set(name, id);
  return id;
}

/** The value a state starts from: zeros (or another constant), a learned vector, or another layer's final state. */
function initialState(
  decl: LayerDecl,
  state: CellInfo['states'][number],
  shape: readonly Dim[],
  qualified: string,
  paramPrefix: string,
  ctx: LayerContext,
): NodeId | undefined {
  const { builder, bag } = ctx;
  const type = tensorType(shape, { batched: true });
  let fallback: NodeId;
  if (decl.from) {
    const source = ctx.layers.get(decl.from.name);
    const final = source?.finals.get(state.name);
    if (!source) return undefined; // reported by the caller
    if (final === undefined) {
      bag.error(
        decl.from.span,
        `layer ${decl.from.name} has no state '${state.name}' to start ${decl.name}'s state from`,
        `its states are ${[...source.finals.keys()].join(', ') || 'none'}`,
      );
      return undefined;
    }
    const finalType = builder.typeOf(final) as TensorType;
    if (!finalType.shape.every((d, k) => shape[k] && d.equals(shape[k])) || finalType.shape.length !== shape.length) {
      bag.error(
        decl.from.span,
        `state ${state.name} of ${decl.from.name} is ${formatShape(finalType.shape)} but ${decl.name} needs ${formatShape(shape)}`,
      );
      return undefined;
    }
    fallback = final;
  } else if (state.init.kind === 'learned') {
    const p = paramNode(ctx, qualify(paramPrefix, `${state.name}0`), tensorType(shape), state.init.init, state.span);
    fallback = builder.add('broadcast_batch', [p], {}, { span: state.span, label: `${qualified}0` });
  } else {
    const init = state.init.init;
    // exprToStateInit admits only literal constants here, so the value is known now.
    const value =
      init.kind === 'ones' ? 1 : init.kind === 'constant' && init.value.kind === 'num' ? init.value.value : 0;
    fallback = builder.add('const', [], { value, type }, { span: state.span });
  }
  return builder.add('state_init', [fallback], { name: qualified }, { span: state.span, label: qualified });
}

/** Copies a stateless cell's step graph into the model graph, applied to `operands` directly. */
function inline(body: Graph, argValues: readonly NodeId[], ctx: LayerContext, span: SourceSpan): NodeId {
  const mapped: NodeId[] = [];
  for (const node of body.nodes) {
    if (node.op === 'arg') {
      mapped[node.id] = argValues[(node as Node<'arg'>).attrs.index];
      continue;
    }
    mapped[node.id] = ctx.builder.add(
      node.op,
      node.inputs.map((i) => mapped[i]),
      node.attrs as never,
      { span: node.span ?? span, ...(node.label ? { label: node.label } : {}) },
    );
  }
  const out = body.outputs[body.outputs.length - 1];
  return mapped[out.node];
}

function mergeValues(merge: Merge, a: NodeId, b: NodeId, ctx: LayerContext, span: SourceSpan, label: string): NodeId {
  const meta = { span, label };
  switch (merge) {
    case 'sum':
      return ctx.builder.add('add', [a, b], {}, meta);
    case 'mul':
      return ctx.builder.add('mul', [a, b], {}, meta);
    case 'concat':
      return ctx.builder.add('concat', [a, b], {}, meta);
    case 'avg': {
      const half = ctx.builder.add('const', [], { value: 0.5, type: tensorType([]) }, { span });
      return ctx.builder.add('mul', [ctx.builder.add('add', [a, b], {}, { span }), half], {}, meta);
    }
  }
}

export function lowerLayer(
  decl: LayerDecl,
  cell: CellInfo,
  given: readonly NodeId[],
  ctx: LayerContext,
): LayerInfo | undefined {
  const { builder, bag } = ctx;
  const givenTypes = given.map((o) => builder.typeOf(o) as TensorType);
  const stateful = cell.states.length > 0;
  const overSpan = decl.over[0].span;

  const expected = cell.inputs.length + cell.memories.length;
  if (given.length !== expected) {
    const list = [...cell.inputs, ...cell.memories].map((i) => i.name).join(', ');
    const what =
      cell.memories.length === 0
        ? `${cell.inputs.length} input${cell.inputs.length === 1 ? '' : 's'} (${list}) per step`
        : `${cell.inputs.length} input${cell.inputs.length === 1 ? '' : 's'} and ${cell.memories.length} ${cell.memories.length === 1 ? 'memory' : 'memories'} (${list}, in this order)`;
    bag.error(
      overSpan,
      `${cell.name} takes ${what}, but ${given.length} ${given.length === 1 ? 'is' : 'are'} given after 'over'`,
    );
    return undefined;
  }
  // The step's inputs come first after 'over', then the memories.
  const operands = given.slice(0, cell.inputs.length);
  const operandTypes = givenTypes.slice(0, cell.inputs.length);
  const memoryOperands = given.slice(cell.inputs.length);
  const memoryTypes = givenTypes.slice(cell.inputs.length);
  if (memoryOperands.length > 0 && !stateful) {
    bag.error(
      decl.cell.span,
      `${cell.name} reads a memory but has no state: memories are read by the steps of a recurrent layer`,
    );
    return undefined;
  }
  const axisNames = new Map<string, string>();
  for (let k = 0; k < memoryOperands.length; k++) {
    const memory = cell.memories[k];
    const axis = memoryTypes[k].time;
    const span = decl.over[cell.inputs.length + k].span;
    if (axis === null) {
      bag.error(
        span,
        `${cell.name}'s memory ${memory.name} is a whole sequence, but this is a single value`,
        'pass a layer or a sequence input; a value without a time axis is given to a step input as context',
      );
      return undefined;
    }
    const known = axisNames.get(memory.axis);
    if (known !== undefined && known !== axis) {
      bag.error(
        span,
        `${cell.name}'s memories along ${memory.axis} must share one axis, but these run along ${known} and ${axis}`,
      );
      return undefined;
    }
    axisNames.set(memory.axis, axis);
  }
  if (!stateful) {
    for (const [span, what] of [
      [decl.merge?.span, 'merge'],
      [decl.from?.span, 'from'],
      [decl.returns?.span, 'returns'],
      [decl.shared, 'shared'],
    ] as const) {
      if (span) bag.error(span, `'${what}' applies to recurrent layers, but ${cell.name} has no state`);
    }
    if (decl.direction !== 'forward') bag.error(decl.cell.span, `${cell.name} has no state, so it has no direction`);
  }
  const merge = decl.merge
    ? merges.includes(decl.merge.name as Merge)
      ? (decl.merge.name as Merge)
      : undefined
    : 'concat';
  if (decl.merge && merge === undefined) {
    bag.error(decl.merge.span, `unknown merge '${decl.merge.name}'`, `merges are ${merges.join(', ')}`);
    return undefined;
  }
  if (decl.merge && decl.direction !== 'bidirectional')
    bag.error(decl.merge.span, `'merge' applies to bidirectional layers`);
  if (decl.shared && decl.direction !== 'bidirectional')
    bag.error(decl.shared, `'shared' applies to bidirectional layers`);
  const keepName = decl.returns?.name ?? 'all';
  if (keepName !== 'all' && keepName !== 'last') {
    bag.error(decl.returns?.span ?? decl.span, `a layer returns 'all' steps or the 'last', not '${keepName}'`);
    return undefined;
  }
  const keep = keepName;
  if (decl.from && !ctx.layers.get(decl.from.name)?.finals.size) {
    const guess = didYouMean(decl.from.name, [...ctx.layers.keys()]);
    bag.error(
      decl.from.span,
      `'from' needs a recurrent layer defined in this model, and '${decl.from.name}' is not one`,
      guess ? `did you mean '${guess}'?` : undefined,
    );
    return undefined;
  }

  // Token ids are a model's token inputs, passed as they are.
  const vocabularies = given.map((id) => {
    const node = builder.node(id);
    return isOp(node, 'input') ? node.attrs.vocabulary : undefined;
  });
  const binding = bindSizes(decl, cell, givenTypes, vocabularies, ctx);
  if (!binding) return undefined;
  for (let k = 0; k < cell.inputs.length; k++) {
    const expected = cell.inputs[k].vocabulary?.substitute(binding);
    const actual = vocabularies[k];
    const span = decl.over[k].span;
    if (expected && !actual) {
      bag.error(
        span,
        `${cell.name} expects its input ${cell.inputs[k].name} to be token ids below ${expected.toString()}, but this is not a token input`,
        `declare it as 'input ${cell.inputs[k].name}: seq token(…)' in the model`,
      );
      return undefined;
    }
    if (expected && actual && !expected.equals(actual)) {
      bag.error(
        span,
        `${cell.name} reads token ids below ${expected.toString()}, but these run below ${actual.toString()}`,
        'give the cell the input’s vocabulary',
      );
      return undefined;
    }
    if (!expected && actual) {
      bag.error(
        span,
        `these are token ids, but ${cell.name} expects its input ${cell.inputs[k].name} to be a vector ${formatShape(cell.inputs[k].shape.map((d) => d.substitute(binding)))}`,
        `embed them first (a cell with 'input ${cell.inputs[k].name}: token(V)' and 'embed(table, ${cell.inputs[k].name})'), or declare the cell's input as token(V)`,
      );
      return undefined;
    }
  }
  let body: Graph;
  try {
    body = renameTimeAxes(substituteSizes(cell.body, binding), axisNames);
  } catch (e) {
    if (!(e instanceof ShapeError)) throw e;
    bag.error(decl.cell.span, `${cell.name} with these sizes does not fit together: ${e.message}`);
    return undefined;
  }
  for (let k = 0; k < memoryOperands.length; k++) {
    const shape = cell.memories[k].shape.map((d) => d.substitute(binding));
    const actual = memoryTypes[k].shape;
    if (actual.length !== shape.length || !actual.every((d, j) => d.equals(shape[j]))) {
      bag.error(
        decl.over[cell.inputs.length + k].span,
        `${cell.name} expects its memory ${cell.memories[k].name} to be ${formatShape(shape)} at each position, but this is ${formatShape(actual)}`,
      );
      return undefined;
    }
  }
  const inputShapes = cell.inputs.map((i) => i.shape.map((d) => d.substitute(binding)));
  let time: string | null = null;
  for (let k = 0; k < operands.length; k++) {
    const t = operandTypes[k];
    const span = decl.over[k].span;
    const expected = inputShapes[k];
    if (t.shape.length !== expected.length || !t.shape.every((d, j) => d.equals(expected[j]))) {
      bag.error(
        span,
        `${cell.name} expects its input ${cell.inputs[k].name} to be ${formatShape(expected)} per step, but this is ${formatShape(t.shape)}`,
      );
      return undefined;
    }
    if (stateful && t.time !== null) {
      if (time !== null && t.time !== time) {
        bag.error(span, `the inputs run along different time axes, ${time} and ${t.time}`);
        return undefined;
      }
      time = t.time;
    }
  }

  // Operands without a time axis are context: every step reads the same value (a recurrent
  // layer's invariants; a stateless layer broadcasts them over the steps as they are).
  const isContext = operandTypes.map((t) => stateful && t.time === null);
  const firstSequence = operandTypes.findIndex((t) => t.time !== null);
  if (stateful && firstSequence < 0) {
    bag.error(
      overSpan,
      `a recurrent layer runs over a sequence, but ${operands.length === 1 ? 'this is a single step' : 'none of these is one'}`,
      'declare an input as seq[…]; a value without a time axis is context, which every step reads',
    );
    return undefined;
  }
  // What the step reads of its position (t, T): one number a step, along a sequence's time axis.
  const read = cell.positions.filter((p) => p !== 'mask step');
  if (read.length > 0 && firstSequence < 0) {
    bag.error(
      overSpan,
      `${cell.name} reads its step's position (${read.map((p) => (p === 'index' ? 't' : 'T')).join(', ')}), so it runs over a sequence, but this is a single step`,
    );
    return undefined;
  }
  // A single step draws its masks at position 0.
  const positionIds = cell.positions.map((p) =>
    firstSequence < 0
      ? builder.add('const', [], { value: 0, type: tensorType([]) }, { span: decl.span, label: 't' })
      : builder.add(
          'positions',
          [operands[firstSequence]],
          { count: p === 'count' },
          { span: decl.span, label: p === 'count' ? 'T' : 't' },
        ),
  );
  // The run's mode and seed, which the step's masks read: its last argument.
  const noise = cell.noise ? [ctx.noise()] : [];
  const sequences = [...operands.filter((_, k) => !isContext[k]), ...positionIds];
  // The step reads context per sample: a value the same for every sample is repeated across the batch.
  const context = operands.flatMap((id, k) =>
    !isContext[k]
      ? []
      : operandTypes[k].batched
        ? [id]
        : [builder.add('broadcast_batch', [id], {}, { span: decl.span })],
  );
  // The scan's arguments are [sequences, states, invariants]: context inputs move among the invariants.
  if (context.length > 0) body = contextLast(body, isContext, cell.positions.length, cell.states.length);

  const directions: { reverse: boolean; suffix: string }[] =
    decl.direction === 'bidirectional'
      ? [
          { reverse: false, suffix: 'fwd' },
          { reverse: true, suffix: 'bwd' },
        ]
      : [{ reverse: decl.direction === 'reverse', suffix: '' }];
  const layerPrefix = ctx.prefix === '' ? '' : decl.name;

  /** The cell's params under `prefix`: their nodes (made once per name) and the names used. */
  const instantiateParams = (prefix: string) => ({
    ids: cell.params.map((p) =>
      paramNode(ctx, qualify(prefix, p.name), tensorType(p.shape.map((d) => d.substitute(binding))), p.init, p.span),
    ),
    names: new Map(cell.params.map((p) => [p.name, qualify(prefix, p.name)])),
  });

  if (!stateful) {
    const { ids: paramIds, names } = instantiateParams(layerPrefix);
    return tryBuild(bag, decl.cell.span, () => ({
      paramNames: [names],
      name: decl.name,
      cell: cell.name,
      direction: 'forward',
      shared: false,
      keep: 'all',
      states: [],
      value: inline(body, [...sequences, ...paramIds, ...noise], ctx, decl.span),
      finals: new Map(),
    }));
  }

  const states: LayerState[] = [];
  const paramNames: Map<string, string>[] = [];
  const values: NodeId[] = [];
  const finalsPerDirection: Map<string, NodeId>[] = [];
  for (const dir of directions) {
    const paramPrefix = qualify(layerPrefix, decl.shared ? '' : dir.suffix);
    const statePrefix = qualify(layerPrefix, dir.suffix);
    const { ids: paramIds, names } = instantiateParams(paramPrefix);
    paramNames.push(names);
    const inits: NodeId[] = [];
    for (const s of cell.states) {
      const shape = s.shape.map((d) => d.substitute(binding));
      const qualified = qualify(statePrefix, s.name);
      const init = initialState(decl, s, shape, qualified, paramPrefix, ctx);
      if (init === undefined) return undefined;
      inits.push(init);
      states.push({ name: qualified, shape });
    }
    const scanName = qualify(decl.name, dir.suffix);
    const built = tryBuild(bag, decl.cell.span, () => {
      const scan = builder.add(
        'scan',
        [...sequences, ...inits, ...context, ...memoryOperands, ...paramIds, ...noise],
        {
          body,
          nSeq: sequences.length,
          nState: cell.states.length,
          nInvariant: context.length + memoryOperands.length + paramIds.length + noise.length,
          reverse: dir.reverse,
          keep: [keep],
          time: time as string,
          layer: scanName,
          stateNames: cell.states.map((s) => s.name),
        },
        { span: decl.span, label: scanName },
      );
      const finals = new Map<string, NodeId>();
      cell.states.forEach((s, k) => {
        const id = builder.add('get', [scan], { index: k }, { span: decl.span, label: qualify(statePrefix, s.name) });
        builder.output(qualify(statePrefix, s.name), id, 'final_state');
        finals.set(s.name, id);
      });
      const value = builder.add('get', [scan], { index: cell.states.length }, { span: decl.span, label: scanName });
      return { finals, value };
    });
    if (!built) return undefined;
    values.push(built.value);
    finalsPerDirection.push(built.finals);
  }

  const merged = (pick: (k: number) => NodeId, label: string): NodeId =>
    values.length === 1 ? pick(0) : mergeValues(merge as Merge, pick(0), pick(1), ctx, decl.span, label);
  return tryBuild(bag, decl.span, () => ({
    name: decl.name,
    cell: cell.name,
    direction: decl.direction,
    ...(decl.direction === 'bidirectional' ? { merge: merge as Merge } : {}),
    shared: decl.shared !== undefined,
    keep,
    ...(decl.from ? { from: decl.from.name } : {}),
    states,
    paramNames,
    value: merged((k) => values[k], decl.name),
    finals: new Map(
      cell.states.map((s) => [
        s.name,
        merged((k) => finalsPerDirection[k].get(s.name) as NodeId, `${decl.name}.${s.name}`),
      ]),
    ),
  }));
}

/**
 * The step with its arguments renumbered from the cell's order [inputs, positions, states,
 * params] to the scan's [sequence inputs, positions, states, context inputs, params].
 */
function contextLast(body: Graph, isContext: readonly boolean[], positions: number, states: number): Graph {
  const inputs = isContext.length;
  const order = [
    ...isContext.flatMap((c, k) => (c ? [] : [k])),
    ...Array.from({ length: positions + states }, (_, k) => inputs + k),
    ...isContext.flatMap((c, k) => (c ? [k] : [])),
  ];
  const moved = new Map(order.map((old, k) => [old, k]));
  return {
    ...body,
    nodes: body.nodes.map((n) =>
      isOp(n, 'arg') ? { ...n, attrs: { ...n.attrs, index: moved.get(n.attrs.index) ?? n.attrs.index } } : n,
    ),
  };
}

function tryBuild<T>(bag: DiagnosticBag, span: SourceSpan, build: () => T): T | undefined {
  try {
    return build();
  } catch (e) {
    if (!(e instanceof ShapeError)) throw e;
    bag.error(span, `shape mismatch: ${e.message}`);
    return undefined;
  }
}
