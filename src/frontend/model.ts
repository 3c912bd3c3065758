/**
 * Checks a model and lowers it to the model graph: inputs, layers (scans),
 * model-level equations, outputs and the loss. Like a cell's equations, a
 * model's definitions may come in any order.
 */
import type { UserFunctions } from './user-functions.js';
import { didYouMean, type DiagnosticBag, type SourceSpan } from '../diagnostics.js';
import { GraphBuilder } from '../ir/builder.js';
import type { Dim } from '../ir/dims.js';
import { type Graph, isOp, type LossReduction, type NodeId } from '../ir/graph.js';
import type { InitSpec } from '../ir/init.js';
import { formatType, type TensorType, tensorType } from '../ir/types.js';
import type { Equation, InputDecl, LayerDecl, LossDecl, ModelDecl, OutputDecl, ParamDecl } from './ast.js';
import type { CellInfo } from './cell.js';
import { checkShapeSizes, checkSizes, NameTable, type SizeInfo, sizesInShapes } from './declarations.js';
import { type LayerInfo, lowerLayer, type LayerState } from './layer.js';
import { ExprLowerer } from './lower-expr.js';
import { noiseInputName, noiseType } from '../ir/ops/noise.js';
import { checkGraphDepth, checkOperationCount } from './limits.js';
import { type Definition, namesUsed, orderDefinitions } from './order.js';
import { defaultInit, exprToInit, shapeToDims } from './sizes.js';

export interface ModelInput {
  readonly name: string;
  readonly role: 'input' | 'target';
  readonly type: TensorType;
  readonly span: SourceSpan;
  /** For `token(V)`: token ids below V, one a step (the type's shape is []). */
  readonly vocabulary?: Dim;
}

export interface ModelParam {
  readonly name: string;
  readonly shape: readonly Dim[];
  readonly init: InitSpec;
}

export interface ModelInfo {
  readonly name: string;
  readonly doc?: string;
  readonly span: SourceSpan;
  /** True for the model rnnc makes for a file's lone cell: one forward layer over its inputs. */
  readonly implicit: boolean;
  readonly sizes: readonly SizeInfo[];
  /** The sizes used in shapes, which must be positive whole numbers (the others are hyperparameters). */
  readonly shapeSizes: ReadonlySet<string>;
  readonly inputs: readonly ModelInput[];
  readonly params: readonly ModelParam[];
  readonly layers: readonly Omit<LayerInfo, 'value' | 'finals'>[];
  readonly states: readonly LayerState[];
  readonly outputs: readonly string[];
  readonly hasLoss: boolean;
  readonly graph: Graph;
}

type ItemDef = Definition & { readonly item: LayerDecl | Equation | OutputDecl | LossDecl };

const reductions: readonly LossReduction[] = ['mean', 'sum'];

export function checkModel(
  decl: ModelDecl,
  cells: ReadonlyMap<string, CellInfo>,
  bag: DiagnosticBag,
  options: { implicit?: boolean; userFunctions?: UserFunctions } = {},
): ModelInfo | undefined {
  const errorsBefore = bag.items.filter((d) => d.severity === 'error').length;
  const names = new NameTable(bag, `model ${decl.name}`);
  const sizes = checkSizes(decl.sizes, names, bag);
  const sizeNames = new Set(decl.sizes.map((s) => s.name));
  const builder = new GraphBuilder();
  const values = new Map<string, NodeId>();
  const inputs: ModelInput[] = [];
  // Names whose definition failed: using them is not reported again.
  const failed = new Set<string>();
  // Names read by an expression (layer operands included).
  const used = new Set<string>();

  for (const item of decl.items.filter((i): i is InputDecl => i.kind === 'input')) {
    if (!names.define(item.name, item.span)) continue;
    const shape = shapeToDims(item.type.dims, sizeNames, bag);
    const vocabulary = item.type.vocabulary ? shapeToDims([item.type.vocabulary], sizeNames, bag)?.[0] : undefined;
    if (!shape || (item.type.vocabulary && !vocabulary)) {
      failed.add(item.name);
      continue;
    }
    const type = tensorType(shape, { batched: true, time: item.type.time?.name ?? null });
    const tokens = vocabulary ? { vocabulary } : {};
    values.set(
      item.name,
      builder.add(
        'input',
        [],
        { name: item.name, role: item.role, type, ...tokens },
        { span: item.span, label: item.name },
      ),
    );
    inputs.push({ name: item.name, role: item.role, type, span: item.span, ...tokens });
  }

  // The model's own params (weights its equations read, which any layer's may share: an output
  // projection tied to the embedding table): values like inputs, each a param of the model.
  const modelParams = decl.items.filter((i): i is ParamDecl => i.kind === 'param');
  for (const item of modelParams) {
    if (!names.define(item.name, item.span)) continue;
    const shape = shapeToDims(item.dims, sizeNames, bag);
    const init = item.init ? exprToInit(item.init, sizeNames, bag) : shape && defaultInit(shape);
    if (!shape || !init) {
      failed.add(item.name);
      continue;
    }
    if (init.kind === 'orthogonal' && shape.length !== 2)
      bag.error(item.init?.span ?? item.span, 'orthogonal initialization needs a matrix');
    values.set(
      item.name,
      builder.add(
        'param',
        [],
        { name: item.name, type: tensorType(shape), init },
        { span: item.span, label: item.name },
      ),
    );
  }

  const rest = decl.items.filter(
    (i): i is LayerDecl | Equation | OutputDecl | LossDecl => i.kind !== 'input' && i.kind !== 'param',
  );
  const losses = rest.filter((i): i is LossDecl => i.kind === 'loss');
  for (const extra of losses.slice(1))
    bag.error(extra.span, 'a model has one loss', 'add the terms into one loss expression');
  const defs: ItemDef[] = [];
  rest.forEach((item, k) => {
    switch (item.kind) {
      case 'layer':
        if (names.define(item.name, item.span)) {
          defs.push({
            key: item.name,
            span: item.span,
            uses: [...item.over.flatMap(namesUsed), ...(item.from ? [item.from.name] : [])],
            item,
          });
        }
        return;
      case 'equation':
        if (item.primed) {
          bag.error(
            item.span,
            `${item.name}' only means something inside a cell, where it is a state's next value`,
            `drop the ' to define a value in the model`,
          );
        } else if (names.define(item.name, item.span)) {
          defs.push({ key: item.name, span: item.span, uses: namesUsed(item.value), item });
        }
        return;
      case 'output':
        defs.push({ key: `output#${k}`, span: item.span, uses: namesUsed(item.value), item });
        return;
      case 'loss':
        if (item === losses[0]) defs.push({ key: 'loss#', span: item.span, uses: namesUsed(item.value), item });
        return;
    }
  });
  const { ordered, cyclic } = orderDefinitions(defs, bag);
  cyclic.forEach((k) => failed.add(k));
  const definedLater = new Set(defs.map((d) => d.key));
  const layers = new Map<string, LayerInfo>();
  const params = new Map<string, NodeId>();
  let noiseInput: NodeId | undefined;
  const noise = (): NodeId =>
    (noiseInput ??= builder.add(
      'input',
      [],
      { name: noiseInputName, role: 'noise', type: noiseType },
      { label: 'mode and seed' },
    ));
  const lowerer = new ExprLowerer(
    builder,
    {
      sizes: sizeNames,
      // Sequences are pooled along their time axis by name: mean(h, axis = T).
      axes: new Set(inputs.flatMap((i) => (i.type.time !== null ? [i.type.time] : []))),
      defines: (name) => names.has(name),
      // A mask over a sequence is drawn anew at each of its steps.
      noise: {
        random: noise,
        position: (like) =>
          (builder.typeOf(like) as TensorType).time === null
            ? undefined
            : builder.add('positions', [like], { count: false }, { label: 't' }),
      },
      resolve: (name, primed, span) => {
        if (primed) {
          bag.error(span, `${name}' is a state's next value, which exists only inside a cell`);
          return undefined;
        }
        used.add(name);
        const known = values.get(name);
        if (known !== undefined) return known;
        if (failed.has(name) || definedLater.has(name)) return undefined; // its own error is reported
        if (name === 't' || name === 'T') {
          bag.error(
            span,
            `'${name}' is the ${name === 't' ? 'index of the step' : 'number of steps'} inside a cell, but a model has no step`,
            'read it in the cell, or declare it in the model',
          );
          return undefined;
        }
        const guess = didYouMean(
          name,
          names.names().filter((n) => !sizeNames.has(n)),
        );
        bag.error(
          span,
          `unknown name '${name}'`,
          guess ? `did you mean '${guess}'?` : 'declare it as an input, target, layer or equation',
        );
        return undefined;
      },
    },
    bag,
    options.userFunctions,
  );

  const outputs: { name: string; node: NodeId; span: SourceSpan }[] = [];
  for (const def of ordered) {
    const item = def.item;
    if (item.kind === 'layer') {
      const layer = lowerLayerDecl(item, cells, lowerer, {
        builder,
        bag,
        modelSizes: sizeNames,
        params,
        layers,
        prefix: options.implicit ? '' : item.name,
        noise,
      });
      if (!layer) {
        failed.add(item.name);
        continue;
      }
      layers.set(item.name, layer);
      values.set(item.name, layer.value);
    } else if (item.kind === 'equation') {
      const v = lowerer.lower(item.value, item.name);
      if (v === undefined) failed.add(item.name);
      else values.set(item.name, v);
    } else if (item.kind === 'output') {
      const v = lowerer.lower(item.value, item.name);
      const name = item.name ?? (item.value.kind === 'name' ? item.value.name : 'output');
      if (outputs.some((o) => o.name === name))
        bag.error(item.span, `two outputs are named '${name}'`, `name them: output a = …`);
      else if (v !== undefined) outputs.push({ name, node: v, span: item.span });
    } else {
      lowerLoss(item, lowerer, builder, bag);
    }
  }
  // Without an output line, the model's output is its last layer in source order.
  const lastLayerDecl = [...decl.items].reverse().find((i): i is LayerDecl => i.kind === 'layer');
  const lastLayer = lastLayerDecl && layers.get(lastLayerDecl.name);
  if (outputs.length === 0 && !decl.items.some((i) => i.kind === 'output') && lastLayer) {
    outputs.push({ name: lastLayer.name, node: lastLayer.value, span: decl.span });
  }
  for (const o of outputs) builder.output(o.name, o.node, 'output');

  for (const item of modelParams) {
    if (!used.has(item.name) && values.has(item.name)) bag.warning(item.span, `param ${item.name} is never used`);
  }
  if (bag.items.filter((d) => d.severity === 'error').length > errorsBefore) return undefined;
  if (outputs.length === 0) {
    bag.error(decl.span, `model ${decl.name} has no output`, `add a layer, or a line like 'output y'`);
    return undefined;
  }
  const graph = numberMasks(builder.build());
  if (!checkGraphDepth(graph, bag, decl.span)) return undefined;
  const shapeSizes = sizesInShapes(graph);
  if (!checkShapeSizes(sizes, shapeSizes, bag)) return undefined;
  if (!checkOperationCount(graph, bag, decl.span, `model ${decl.name}`)) return undefined;
  const paramInfo: ModelParam[] = graph.nodes
    .filter((n) => isOp(n, 'param'))
    .map((n) => {
      const attrs = (n as typeof n & { attrs: { name: string; type: TensorType; init: InitSpec } }).attrs;
      return { name: attrs.name, shape: attrs.type.shape, init: attrs.init };
    });
  return {
    name: decl.name,
    ...(decl.doc ? { doc: decl.doc } : {}),
    span: decl.span,
    implicit: options.implicit ?? false,
    sizes,
    shapeSizes,
    inputs,
    params: paramInfo,
    layers: [...layers.values()].map(({ value: _value, finals: _finals, ...rest }) => rest),
    states: [...layers.values()].flatMap((l) => l.states),
    outputs: outputs.map((o) => o.name),
    hasLoss: graph.outputs.some((o) => o.role === 'loss'),
    graph,
  };
}

function lowerLayerDecl(
  item: LayerDecl,
  cells: ReadonlyMap<string, CellInfo>,
  lowerer: ExprLowerer,
  ctx: Parameters<typeof lowerLayer>[3],
): LayerInfo | undefined {
  const cell = cells.get(item.cell.name);
  const operands = item.over.map((e) => lowerer.lower(e));
  if (!cell) {
    const guess = didYouMean(item.cell.name, [...cells.keys()]);
    ctx.bag.error(
      item.cell.span,
      `unknown cell '${item.cell.name}'`,
      guess ? `did you mean '${guess}'?` : `define it with 'cell ${item.cell.name}(…) { … }'`,
    );
    return undefined;
  }
  if (operands.some((o) => o === undefined)) return undefined;
  return lowerLayer(item, cell, operands as NodeId[], ctx);
}

function lowerLoss(item: LossDecl, lowerer: ExprLowerer, builder: GraphBuilder, bag: DiagnosticBag): void {
  const mode = item.reduction?.name ?? 'mean';
  if (!reductions.includes(mode as LossReduction)) {
    bag.error(
      item.reduction?.span ?? item.span,
      `a loss is reduced over steps and batch by 'mean' or 'sum', not '${mode}'`,
    );
    return;
  }
  const value = lowerer.lower(item.value, 'loss');
  if (value === undefined) return;
  const type = builder.typeOf(value) as TensorType;
  if (type.shape.length !== 0) {
    bag.error(
      item.value.span,
      `the loss must be one number per sample, but this is ${formatType({ ...type, batched: false, time: null })}`,
      'wrap it in sum(…) or mean(…), or use mse(…) or cross_entropy(…)',
    );
    return;
  }
  const loss = builder.add('reduce_lead', [value], { mode: mode as LossReduction }, { span: item.span, label: 'loss' });
  builder.output('loss', loss, 'loss');
}

/**
 * The graph with its masks' salts numbered 0, 1, … in order, scan bodies included: each use of
 * a cell (each layer, each direction) draws masks of its own, and the same source gives the
 * same masks however many models were compiled before it.
 */
export function numberMasks(graph: Graph): Graph {
  let next = 0;
  const renumber = (g: Graph): Graph => ({
    ...g,
    nodes: g.nodes.map((n) => {
      if (isOp(n, 'random_mask')) return { ...n, attrs: { ...n.attrs, salt: next++ } };
      if (isOp(n, 'scan')) return { ...n, attrs: { ...n.attrs, body: renumber(n.attrs.body) } };
      return n;
    }),
  });
  return renumber(graph);
}
