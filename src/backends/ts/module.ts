/**
 * The standalone TypeScript module: types, shapes, run-time checks, `init`,
 * `forward` and `grad`, with no imports. Graph code comes from
 * `emit-graph.ts`; this file writes everything around it.
 */
import { differentiable, gradName } from '../../ad/grad.js';
import type { ModelInfo } from '../../frontend/model.js';
import { evaluateNum, formatInit } from '../../ir/init.js';
import { type Graph, isDataInput, isNoisy, isOp, type Node } from '../../ir/graph.js';
import { lengthAxes } from '../../ir/lengths.js';
import type { TensorType } from '../../ir/types.js';
import { Code, dropUnusedHelpers, inlineOwnFunctions, numberLiteral, sanitizeComment, stringLiteral } from './code.js';
import { bufferValue, GraphEmitter, type ModuleContext, type Sources, type Value } from './emit-graph.js';
import { absorbedOuter, render } from './kernels.js';
import { type Layout, layoutOf, timeVar } from './layout.js';
import { lengthsSupport, noiseSupport, runtimeSupport, tokenSupport, trainingSupport } from './runtime.js';
import { raggedSupport } from './ragged.js';
import { buildKernels, reserveLine, simdRuntime, simdState } from './simd.js';
import { batchMajorSupport } from './batch-major.js';
import { scalarThreads } from './threads.js';

export interface ModuleOptions {
  /** PyTorch's state-dict keys and the params their gate blocks go to, for standard cells. */
  readonly torch?: ReadonlyMap<string, readonly string[]>;
  readonly model: ModelInfo;
  readonly sizes: Readonly<Record<string, number>>;
  readonly dtype: 'f32' | 'f64';
  /** The optimized forward graph (no loss) and gradient graph (absent when the model has no loss). */
  readonly forward: Graph;
  readonly grad?: Graph;
  readonly source: { readonly file: string; readonly text: string };
  readonly level: number;
  readonly fuseElementwise: boolean;
  readonly planBuffers: boolean;
  /** GEMMs as WebAssembly SIMD kernels (f32 only), or scalar TypeScript loops. */
  readonly cpu: 'scalar' | 'simd';
  /** Sequences at the module's boundary: `[T][B][…]` (the default) or `[B][T][…]`. */
  readonly layout?: 'time-major' | 'batch-major';
}

/** FNV-1a, as the interpreter's initializers use, so `init(seed)` gives the same values. */
function hashName(name: string): number {
  let h = 0x811c9dc5;
  for (let k = 0; k < name.length; k++) h = Math.imul(h ^ name.charCodeAt(k), 0x01000193);
  return h >>> 0;
}

function moduleContext(options: ModuleOptions, helpers: Code): ModuleContext {
  let counter = 0;
  const lines = options.source.text.split(/\r?\n/);
  return {
    sizes: options.sizes,
    fuseElementwise: options.fuseElementwise,
    fused: 0,
    planBuffers: options.planBuffers,
    memory: { unplanned: new Map(), planned: new Map() },
    arrayType: options.dtype === 'f32' ? 'Float32Array' : 'Float64Array',
    helpers,
    ...(options.cpu === 'simd' && options.dtype === 'f32' ? { simd: simdState() } : {}),
    fresh: (prefix) => `${prefix.replace(/[^A-Za-z0-9_]/g, '_')}${counter++}`,
    source: (node: Node) => (node.span ? `${node.span.line}: ${(lines[node.span.line - 1] ?? '').trim()}` : undefined),
  };
}

/** Params whose only use is to be stacked into packed weights (which `pack` may have done already). */
function stackedOnlyParams(graph: Graph): Set<string> {
  const stacked = new Set<string>();
  for (const n of graph.nodes) {
    if (!isOp(n, 'param')) continue;
    const users = graph.nodes.filter((u) => u.inputs.includes(n.id));
    const packs = (u: Node) => isOp(u, 'stack_rows') && u.inputs.every((i) => isOp(graph.nodes[i], 'param'));
    if (users.length > 0 && users.every(packs)) stacked.add(n.attrs.name);
  }
  return stacked;
}

/** Emits one exported function computing a graph's outputs. */
function emitFunction(
  ctx: ModuleContext,
  graph: Graph,
  name: string,
  code: Code,
  finish: (values: Value[]) => void,
  batchMajor = false,
): void {
  const inputs = graph.nodes.filter(isDataInput);
  const ragged = lengthAxes(graph).length > 0;
  const noisy = isNoisy(graph);
  const result = name === 'forward' ? 'ForwardResult' : 'GradResult';
  // Trailing arguments: the lengths (compiled with them), then the mode (a model with dropout).
  const trailing = `${ragged ? ', lengths' : ''}${noisy ? ', mode' : ''}`;
  const signature = `(model: Params | Packed, inputs: Inputs, initialStates: InitialStates = {}${ragged ? ', lengths: Lengths = {}' : ''}${noisy ? ", mode: RunMode = { mode: 'eval' }" : ''}): ${result}`;
  if (batchMajor) {
    // The exported function takes and gives batch-major sequences; the computation below is time-major.
    code.block(`export function ${name}${signature} {`, () => {
      code.line(`const r = ${name}TimeMajor(model, timeMajorInputs(inputs), initialStates${trailing});`);
      code.line(
        name === 'forward'
          ? 'return { outputs: batchMajor(r.outputs, sequenceOutputs), finalStates: r.finalStates };'
          : 'return { ...r, outputs: batchMajor(r.outputs, sequenceOutputs), inputGrads: batchMajor(r.inputGrads, sequenceInputs) };',
      );
    });
    code.line();
  }
  code.block(`${batchMajor ? `function ${name}TimeMajor` : `export function ${name}`}${signature} {`, () => {
    const stacksParams = graph.nodes.some(
      (n) => isOp(n, 'stack_rows') && n.inputs.every((i) => isOp(graph.nodes[i], 'param')),
    );
    code.line(
      stacksParams || ctx.simd ? 'const { params, packed } = unwrap(model);' : 'const { params } = unwrap(model);',
    );
    // On the SIMD path params are checked for finite values as they are copied into the kernels' memory.
    code.line(ctx.simd ? 'checkParams(params, false);' : 'checkParams(params);');
    // Token ids as the kernels read them: numbers of the float array.
    if (inputs.some((n) => n.attrs.vocabulary !== undefined)) code.line('inputs = tokenValues(inputs);');
    // The padded steps of each time axis; with per-sample lengths, `lengths` is the caller's argument.
    const steps = ragged ? 'steps' : 'lengths';
    code.line(
      `const { B, lengths${ragged ? ': steps' : ''} } = checkInputs(inputs, ${name === 'grad' ? 'true' : 'false'});`,
    );
    const axes = [...new Set(inputs.flatMap((n) => (n.attrs.type.time ? [n.attrs.type.time] : [])))];
    for (const axis of axes) code.line(`const ${timeVar(axis)} = ${steps}[${stringLiteral(axis)}] as number;`);
    code.line('checkInitialStates(initialStates, B);');
    if (ragged) {
      code.line(
        "if (typeof lengths !== 'object' || lengths === null) fail('lengths must be an object of per-sample lengths by time axis');",
      );
      code.line("checkNames('time axis', lengths, lengthAxes);");
    }
    // Whether this call runs with the worker threads or alone, by how fast each was lately (ts/threads.ts's steering).
    const counts = axes.map(timeVar);
    const work = counts.length === 0 ? 'B' : counts.length === 1 ? `B * ${counts[0]}` : `B * (${counts.join(' + ')})`;
    if (ctx.simd) code.line(`const callTiming = callStart(${stringLiteral(name)}, ${work});`);
    const decl = new Code();
    const body = new Code();
    // On the SIMD path the caller's arrays are copied into the kernels' memory.
    const stage = (expression: string) => (ctx.simd ? `heapStage(${expression})` : expression);
    const stackedOnly = stackedOnlyParams(graph);
    // A param or input the computation does not read (its gradient is zero) is not kept.
    const readers: string[] = [];
    const sources: Sources = {
      param: (param, layout) => {
        const v = ctx.fresh('p');
        readers.push(v);
        const read = `params[${stringLiteral(param)}]`;
        const staged = `heapStageParam(${stringLiteral(param)}, ${read})`;
        // A param that only goes into packed weights is not read at all when the caller packed them.
        body.line(
          `const ${v} = ${!ctx.simd ? read : stackedOnly.has(param) ? `packed === undefined ? ${staged} : ${read}` : staged};`,
        );
        return bufferValue(v, layout);
      },
      input: (input, layout) => {
        const v = ctx.fresh('in');
        readers.push(v);
        body.line(`const ${v} = ${stage(`(inputs[${stringLiteral(input)}] as Tensor).data`)};`);
        return bufferValue(v, layout);
      },
      lengths: (axis, layout) => {
        const v = ctx.fresh('len');
        readers.push(v);
        body.line(`const ${v} = ${stage(`lengthsOf(lengths, ${stringLiteral(axis)}, B, ${timeVar(axis)})`)};`);
        return bufferValue(v, layout);
      },
      noise: (layout) => {
        const v = ctx.fresh('mode');
        readers.push(v);
        body.line(`const ${v} = ${stage('noiseOf(mode)')};`);
        return bufferValue(v, layout);
      },
      arg: () => {
        throw new Error('a model graph has no arguments');
      },
      initialState: (state) => `own(initialStates, ${stringLiteral(state)})`,
      packed: (key) => {
        if (!ctx.simd) return `packed?.[${stringLiteral(key)}]`;
        ctx.simd.usesPacked = true;
        return `residentWeight(packed, ${stringLiteral(key)})`;
      },
      stage,
    };
    if (ctx.simd) ctx.simd.allocations = [];
    // Allocations first (sizes depend on B and the lengths only), then the computation.
    const emitter = new GraphEmitter(ctx, graph, sources, { decl, body }, true);
    const values = emitter.emit(render, absorbedOuter);
    if (ctx.simd) code.line('residentPlace(packed);');
    if (ctx.simd) code.line(reserveLine(ctx.simd));
    const lines = [decl, body].flatMap((part) => part.toString().trimEnd().split('\n'));
    for (const line of inlineOwnFunctions(lines)) code.line(line);
    if (ctx.simd) code.line('callDone(callTiming);');
    finish(values);
    code.dropUnused(readers);
  });
}

/**
 * pack/unpack: the weights gate fusion stacks by rows ([W_i; W_f; W_g; W_o]),
 * computed once by `pack` instead of in every call, and split back into named
 * params by `unpack`.
 */
function emitPacking(code: Code, graphs: readonly Graph[]): void {
  const stacks = new Map<string, string[]>();
  for (const g of graphs) {
    for (const n of g.nodes) {
      if (!isOp(n, 'stack_rows')) continue;
      const inputs = n.inputs.map((i) => g.nodes[i]);
      if (!inputs.every((x) => isOp(x, 'param'))) continue;
      const names = inputs.map((x) => (x as Node<'param'>).attrs.name);
      stacks.set(names.join('+'), names);
    }
  }
  code.comment('Weights stacked by rows for fused products, by the names of the params stacked.');
  code.block(
    'export const packedLayouts = {',
    () => {
      for (const [key, names] of stacks) code.line(`${stringLiteral(key)}: [${names.map(stringLiteral).join(', ')}],`);
    },
    '} as const;',
  );
  code.line(`export type PackedName = keyof typeof packedLayouts;`);
  code.comment('Params with their fused weights stacked once (see pack); forward and grad take either.');
  code.line(
    "export interface Packed { readonly kind: 'packed'; readonly params: Params; readonly weights: { readonly [K in PackedName]: Arr } }",
  );
  code.line();
  code.comment(
    'Stacks the fused weights once, so forward and grad need not; pack again after changing params. (On the SIMD path the weights of the last Packed passed stay in the kernels’ memory.)',
  );
  code.block('export function pack(params: Params): Packed {', () => {
    code.line('checkParams(params);');
    code.line('const weights: { [name: string]: Arr } = {};');
    code.block(
      'for (const [key, names] of Object.entries(packedLayouts) as [string, readonly ParamName[]][]) {',
      () => {
        code.line('const parts = names.map((n) => params[n]);');
        code.line(
          'const out = new (params[names[0]].constructor as new (n: number) => Arr)(parts.reduce((a, p) => a + p.length, 0));',
        );
        code.line('let at = 0;');
        code.line('for (const p of parts) { out.set(p, at); at += p.length; }');
        code.line('weights[key] = out;');
      },
    );
    code.line("return { kind: 'packed', params, weights: weights as Packed['weights'] };");
  });
  code.line();
  code.comment('Splits stacked weights back into the params they stack (the inverse of pack).');
  code.block("export function unpack(weights: Packed['weights']): Partial<Params> {", () => {
    code.line('const out: { [K in ParamName]?: Arr } = {};');
    if (stacks.size === 0) {
      code.line('void weights; // nothing is stacked at this optimization level');
      code.line('return out;');
      return;
    }
    code.block(
      'for (const [key, names] of Object.entries(packedLayouts) as [PackedName, readonly ParamName[]][]) {',
      () => {
        code.line('const stacked = weights[key];');
        code.line('let at = 0;');
        code.block('for (const n of names) {', () => {
          code.line('const size = paramShapes[n].reduce((a: number, b: number) => a * b, 1);');
          code.line('out[n] = stacked.slice(at, at + size);');
          code.line('at += size;');
        });
      },
    );
    code.line('return out;');
  });
  code.line();
  code.block(
    "function unwrap(model: Params | Packed): { params: Params; packed: Packed['weights'] | undefined } {",
    () => {
      code.line(
        "if (typeof model !== 'object' || model === null) fail('params must be an object of typed arrays by name (or what pack returns)');",
      );
      code.line(
        "return (model as Packed).kind === 'packed' ? { params: (model as Packed).params, packed: (model as Packed).weights } : { params: model as Params, packed: undefined };",
      );
    },
  );
  code.line();
}

/** fromTorch/toTorch: PyTorch's packed [G·H, in] state-dict layout for the model's standard cells. */
function emitTorch(code: Code, layout: ReadonlyMap<string, readonly string[]>): void {
  code.comment(`PyTorch nn.RNN/LSTM/GRU state-dict keys and the params their gate blocks go to, in order.`);
  code.block(
    'export const torchLayout = {',
    () => {
      for (const [key, names] of layout) code.line(`${stringLiteral(key)}: [${names.map(stringLiteral).join(', ')}],`);
    },
    '} as const;',
  );
  code.line('export type TorchName = keyof typeof torchLayout;');
  code.line();
  code.comment(
    'Params from a PyTorch state dict of flat row-major arrays; params it does not cover come from `others`, else init(0).',
  );
  code.block(
    'export function fromTorch(stateDict: { readonly [name: string]: ArrayLike<number> }, others: Partial<Params> = {}): Params {',
    () => {
      code.line(
        "for (const key of Object.keys(stateDict)) if (!(key in torchLayout)) fail(`${key} is not a weight of this model (its PyTorch weights are ${Object.keys(torchLayout).join(', ')})`);",
      );
      code.line('const base = init(0);');
      code.line('const out: { [K in ParamName]?: Arr } = { ...base, ...others };');
      code.block(
        'for (const [key, names] of Object.entries(torchLayout) as [TorchName, readonly ParamName[]][]) {',
        () => {
          code.line('const values = stateDict[key];');
          code.line('if (values === undefined) fail(`no ${key} in the PyTorch weights`);');
          code.line('const sizes = names.map((n) => paramShapes[n].reduce((a: number, b: number) => a * b, 1));');
          code.line('const total = sizes.reduce((a, b) => a + b, 0);');
          code.line('if (values.length !== total) fail(`${key} has ${values.length} values, expected ${total}`);');
          code.line('let at = 0;');
          code.block(
            'names.forEach((n, k) => {',
            () => {
              code.line(`const part = new (base[n].constructor as new (n: number) => Arr)(sizes[k]);`);
              code.line('for (let i = 0; i < sizes[k]; i++) part[i] = values[at + i];');
              code.line('out[n] = part;');
              code.line('at += sizes[k];');
            },
            '});',
          );
        },
      );
      code.line('return out as Params;');
    },
  );
  code.line();
  code.comment('The params that PyTorch holds, in its packed layout (the inverse of fromTorch).');
  code.block('export function toTorch(params: Params): { [K in TorchName]: Arr } {', () => {
    code.line('const out: { [name: string]: Arr } = {};');
    code.block(
      'for (const [key, names] of Object.entries(torchLayout) as [TorchName, readonly ParamName[]][]) {',
      () => {
        code.line('const parts = names.map((n) => params[n]);');
        code.line(
          'const packed = new (parts[0].constructor as new (n: number) => Arr)(parts.reduce((a, p) => a + p.length, 0));',
        );
        code.line('let at = 0;');
        code.line('for (const p of parts) { packed.set(p, at); at += p.length; }');
        code.line('out[key] = packed;');
      },
    );
    code.line('return out as { [K in TorchName]: Arr };');
  });
  code.line();
}

export interface EmittedModule {
  readonly code: string;
  /** The WebAssembly SIMD kernels in the text format (absent on the scalar path). */
  readonly wat?: string;
  readonly kernels?: { readonly names: readonly string[]; readonly bytes: number };
  readonly fused: number;
  readonly memory: ModuleContext['memory'];
}

/** What a module's declarations tell the code after them. */
export interface Declared {
  readonly params: readonly (ModelInfo['params'][number] & { readonly dims: readonly number[] })[];
  readonly inputs: readonly (Node<'input'>['attrs'] & { readonly layout: Layout })[];
  readonly states: readonly { readonly name: string; readonly size: number }[];
}

/**
 * Everything before a module's functions, the same for every backend: the
 * header, types, shapes, run-time checks, pack/unpack, PyTorch's layout and `init`.
 */
export function emitDeclarations(
  code: Code,
  options: Pick<
    ModuleOptions,
    'model' | 'sizes' | 'dtype' | 'forward' | 'grad' | 'source' | 'level' | 'torch' | 'layout'
  > & {
    readonly target?: string;
  },
  A: 'Float32Array' | 'Float64Array',
): Declared {
  const { model, sizes, dtype } = options;
  const params = model.params.map((p) => ({ ...p, dims: p.shape.map((d) => d.evaluate(sizes)) }));
  // Inputs and targets as the graphs read them (a cell's grad adds the target `d:<output>`).
  const inputNodes = [...options.forward.nodes, ...(options.grad?.nodes ?? [])].filter(isDataInput);
  const ragged = lengthAxes(options.forward);
  const inputs = [...new Map(inputNodes.map((n) => [n.attrs.name, n.attrs])).values()].map((i) => ({
    ...i,
    layout: layoutOf(i.type, sizes),
  }));
  const tokens = inputs.some((i) => i.vocabulary !== undefined);
  const outputs = options.forward.outputs.filter((o) => o.role === 'output');
  const states = model.states.map((s) => ({
    name: s.name,
    size: s.shape.map((d) => d.evaluate(sizes)).reduce((a, b) => a * b, 1),
  }));

  code.comment(
    sanitizeComment(
      [
        `Generated by rnnc from ${options.source.file} (model ${model.name}), -O${options.level}, ${dtype}${options.target ? `, ${options.target}` : ''}.`,
        'Do not edit: change the source and compile again.',
        `Sizes: ${
          Object.entries(sizes)
            .map(([k, v]) => `${k} = ${v}`)
            .join(', ') || 'none'
        }. Tensors are ${options.layout === 'batch-major' ? 'batch-major: [B][T][features]' : 'time-major: [T][B][features]'}.`,
      ].join('\n'),
    ),
  );
  code.line();
  code.line(`export type Arr = ${A};`);
  code.line('export interface Tensor {');
  code.line('  readonly data: Arr;');
  code.line('  readonly shape: readonly number[];');
  code.line('}');
  code.line();
  code.line(`export const sizes = ${JSON.stringify(sizes)} as const;`);
  code.line();
  code.comment('Every param by name, with its shape (row-major).');
  if (params.length === 0) {
    // keyof {} is never, over which the module's loops over params would not type-check.
    code.line('export const paramShapes: { readonly [name: string]: readonly number[] } = {};');
    code.line('export type ParamName = string;');
  } else {
    code.block(
      'export const paramShapes = {',
      () => {
        for (const p of params) code.line(`${stringLiteral(p.name)}: [${p.dims.join(', ')}],`);
      },
      '} as const;',
    );
    code.line('export type ParamName = keyof typeof paramShapes;');
  }
  code.line('export type Params = { readonly [K in ParamName]: Arr };');
  code.line(`export const paramNames = Object.keys(paramShapes) as ParamName[];`);
  code.line();
  code.comment(
    'Inputs and targets: their time axis (or null), whether they are a target and have a batch axis, and per-sample shape.',
  );
  code.block(
    'export const inputSpecs = {',
    () => {
      for (const i of inputs)
        code.line(
          `${stringLiteral(i.name)}: { time: ${i.layout.time === null ? 'null' : stringLiteral(i.layout.time)}, target: ${i.role === 'target'}, batch: ${i.layout.batch}, shape: [${i.layout.shape.join(', ')}]${i.vocabulary ? `, vocabulary: ${i.vocabulary.evaluate(sizes)}` : ''} },`,
        );
    },
    '} as const;',
  );
  const inputType = (target: boolean) =>
    inputs
      .filter((i) => (i.role === 'target') === target)
      .map((i) => `${stringLiteral(i.name)}${target ? '?' : ''}: ${i.vocabulary ? 'Tokens' : 'Tensor'}`);
  if (tokens) {
    code.comment('Token ids (below the input’s vocabulary), as whole numbers in an Int32Array or the float array.');
    code.line('export interface Tokens { readonly data: Int32Array | Arr; readonly shape: readonly number[] }');
  }
  code.line(`export type Inputs = { ${[...inputType(false), ...inputType(true)].join('; ')} };`);
  code.line();
  if (tokens) code.line(tokenSupport(A));
  if (ragged.length > 0) {
    code.comment(
      'Each sample’s number of steps, by time axis: sequences are padded to the longest, and each sample runs for its own steps. An axis left out runs every sample whole.',
    );
    code.line(`export const lengthAxes: readonly string[] = [${ragged.map(stringLiteral).join(', ')}];`);
    code.line(
      `export type Lengths = { ${ragged.map((a) => `readonly ${stringLiteral(a)}?: ArrayLike<number>`).join('; ')} };`,
    );
    code.line(lengthsSupport(A));
    code.line(raggedSupport(A));
  }
  if (isNoisy(options.forward)) {
    code.comment(
      'The model draws dropout (or zoneout) masks: in train mode from the seed, the same masks for the same seed; in eval mode (the default) none.',
    );
    code.line("export interface RunMode { readonly mode: 'train' | 'eval'; readonly seed?: number }");
    code.line(noiseSupport(A));
  }
  code.comment('Recurrent states by name: initial values may be given, [B][size] flat; final ones are returned.');
  code.line(
    `export const stateSizes = { ${states.map((s) => `${stringLiteral(s.name)}: ${s.size}`).join(', ')} } as const;`,
  );
  code.line(states.length > 0 ? 'export type StateName = keyof typeof stateSizes;' : 'export type StateName = never;');
  code.line('export type InitialStates = { readonly [K in StateName]?: Arr };');
  code.line();
  code.line(`export interface ForwardResult {`);
  code.line(`  readonly outputs: { ${outputs.map((o) => `readonly ${stringLiteral(o.name)}: Tensor`).join('; ')} };`);
  code.line('  readonly finalStates: { readonly [K in StateName]: Tensor };');
  code.line('}');
  code.line();
  code.line('export interface GradResult extends ForwardResult {');
  code.line('  readonly loss: number;');
  code.line('  /** dL/d(param) for every param. */');
  code.line('  readonly grads: { readonly [K in ParamName]: Arr };');
  code.line('  /** dL/d(input) for every input (not targets), and dL/d(initial state). */');
  code.line('  readonly inputGrads: { readonly [name: string]: Tensor };');
  code.line('  readonly stateGrads: { readonly [K in StateName]: Tensor };');
  code.line('}');
  code.line();
  code.line(runtimeSupport(A, new Set(params.map((p) => p.init.kind))));
  if (options.layout === 'batch-major') {
    const sequence = (t: TensorType) => t.time !== null && t.batched;
    code.line(
      batchMajorSupport(
        inputs.filter((i) => sequence(i.type)).map((i) => i.name),
        outputs.filter((o) => sequence(options.forward.nodes[o.node].type as TensorType)).map((o) => o.name),
      ),
    );
  }

  emitPacking(code, [options.forward, ...(options.grad ? [options.grad] : [])]);
  if (options.torch) emitTorch(code, options.torch);

  // init(seed): the declared initializers, exactly as `rnnc run --seed` draws them.
  code.comment('Params from their declared initializers; the same values as `rnnc run --seed`.');
  code.block('export function init(seed = 0): Params {', () => {
    code.line('const p: { [K in ParamName]?: Arr } = {};');
    if (params.length === 0) code.line('void seed; // the model has no params');
    for (const p of params) {
      const n = (e: Parameters<typeof evaluateNum>[0]) => numberLiteral(evaluateNum(e, sizes));
      const size = p.dims.reduce((a, b) => a * b, 1);
      const stream = `(seed ^ ${hashName(p.name)}) >>> 0`;
      let call: string;
      switch (p.init.kind) {
        case 'zeros':
          call = `new ${A}(${size})`;
          break;
        case 'ones':
          call = `new ${A}(${size}).fill(1)`;
          break;
        case 'constant':
          call = `new ${A}(${size}).fill(${n(p.init.value)})`;
          break;
        case 'uniform':
          call = `drawUniform(${size}, ${stream}, ${n(p.init.low)}, ${n(p.init.high)})`;
          break;
        case 'normal':
          call = `drawNormal(${size}, ${stream}, ${n(p.init.mean)}, ${n(p.init.std)})`;
          break;
        case 'glorot_uniform': {
          const [fanIn, fanOut] = p.dims.length === 2 ? [p.dims[1], p.dims[0]] : [size, size];
          const limit = Math.sqrt(6 / (fanIn + fanOut));
          call = `drawUniform(${size}, ${stream}, ${-limit}, ${limit})`;
          break;
        }
        case 'glorot_normal': {
          const [fanIn, fanOut] = p.dims.length === 2 ? [p.dims[1], p.dims[0]] : [size, size];
          call = `drawNormal(${size}, ${stream}, 0, ${Math.sqrt(2 / (fanIn + fanOut))})`;
          break;
        }
        case 'orthogonal':
          call = `drawOrthogonal(${p.dims[0]}, ${p.dims[1] ?? 1}, ${stream}, ${n(p.init.gain)})`;
          break;
      }
      code.line(`p[${stringLiteral(p.name)}] = ${call}; // ${sanitizeComment(formatInit(p.init))}`);
    }
    code.line('return p as Params;');
  });
  code.line();

  return { params, inputs, states };
}

export function emitModule(options: ModuleOptions): EmittedModule {
  const { sizes } = options;
  const helpers = new Code();
  const ctx = moduleContext(options, helpers);
  const A = ctx.arrayType;
  const code = new Code();
  const { params, inputs, states } = emitDeclarations(code, options, A);

  // Results leave the heap, which the next call reuses.
  const copyOut = (name: string) => (ctx.simd ? `heapCopy(${name})` : name);
  const finishForward = (graph: Graph) => (values: Value[]) => {
    const tensor = (v: Value, lead: string[], shape: readonly number[]) => {
      const dims = [...lead, ...shape];
      // A constant output (`output y = 2`, folded at -O2) is made at its full shape.
      if (v.kind === 'scalar')
        return `{ data: new ${A}(${dims.join(' * ') || '1'}).fill(${v.literal}), shape: [${dims.join(', ')}] }`;
      if (v.kind !== 'buffer') throw new Error('an output that is a tuple');
      return `{ data: ${copyOut(v.name)}, shape: [${dims.join(', ')}] }`;
    };
    const leadOf = (t: TensorType) => [...(t.time ? [timeVar(t.time)] : []), ...(t.batched ? ['B'] : [])];
    const outs = graph.outputs
      .filter((o) => o.role === 'output')
      .map((o) => {
        const t = graph.nodes[o.node].type as TensorType;
        return `${stringLiteral(o.name)}: ${tensor(values[o.node], leadOf(t), layoutOf(t, sizes).shape)}`;
      });
    const finals = graph.outputs
      .filter((o) => o.role === 'final_state')
      .map((o) => {
        const t = graph.nodes[o.node].type as TensorType;
        return `${stringLiteral(o.name)}: ${tensor(values[o.node], leadOf(t), layoutOf(t, sizes).shape)}`;
      });
    return { outs, finals, tensor, leadOf };
  };

  const batchMajor = options.layout === 'batch-major';
  emitFunction(
    ctx,
    options.forward,
    'forward',
    code,
    (values) => {
      const { outs, finals } = finishForward(options.forward)(values);
      code.line(`return { outputs: { ${outs.join(', ')} }, finalStates: { ${finals.join(', ')} } } as ForwardResult;`);
    },
    batchMajor,
  );
  code.line();
  if (options.grad) {
    const g = options.grad;
    code.comment('The loss and its gradient with respect to every param, input and initial state (BPTT).');
    emitFunction(
      ctx,
      g,
      'grad',
      code,
      (values) => {
        const { outs, finals, tensor, leadOf } = finishForward(g)(values);
        const loss = g.outputs.find((o) => o.role === 'loss');
        const lossValue = loss && values[loss.node];
        const lossExpr =
          lossValue?.kind === 'buffer'
            ? `${lossValue.name}[0]`
            : lossValue?.kind === 'scalar'
              ? lossValue.literal
              : 'NaN';
        const gradOf = (name: string) => {
          const out = g.outputs.find((o) => o.name === gradName(name));
          if (!out) throw new Error(`no gradient output for ${name}`);
          return { v: values[out.node], t: g.nodes[out.node].type as TensorType };
        };
        const paramGrads = params.map((p) => {
          const { v } = gradOf(p.name);
          return `${stringLiteral(p.name)}: ${v.kind === 'buffer' ? copyOut(v.name) : `new ${A}(${p.dims.reduce((a, b) => a * b, 1)})`}`;
        });
        const inputGrads = inputs.filter(differentiable).map((i) => {
          const { v, t } = gradOf(i.name);
          return `${stringLiteral(i.name)}: ${tensor(v, leadOf(t), layoutOf(t, sizes).shape)}`;
        });
        const stateGrads = states.map((s) => {
          const { v, t } = gradOf(s.name);
          return `${stringLiteral(s.name)}: ${tensor(v, leadOf(t), layoutOf(t, sizes).shape)}`;
        });
        code.line(
          `return { loss: ${lossExpr}, outputs: { ${outs.join(', ')} }, finalStates: { ${finals.join(', ')} }, grads: { ${paramGrads.join(', ')} }, inputGrads: { ${inputGrads.join(', ')} }, stateGrads: { ${stateGrads.join(', ')} } } as GradResult;`,
        );
      },
      batchMajor,
    );
    code.line();
  }
  if (options.grad) code.line(trainingSupport(A, true, lengthAxes(options.grad).length > 0, isNoisy(options.grad)));
  code.comment('Kernels specialised for this model’s sizes.');
  const built = ctx.simd ? buildKernels(ctx.simd) : undefined;
  const simd =
    ctx.simd && built
      ? simdRuntime(ctx.simd, built, A)
      : `\n/** Which kernels this module runs: scalar JavaScript (compiled with --cpu scalar, or in f64). */\nexport const cpu: 'simd' | 'scalar' = 'scalar';\n${scalarThreads}`;
  return {
    code: dropUnusedHelpers(`${code.toString()}${helpers.toString()}${simd}`),
    fused: ctx.fused,
    memory: ctx.memory,
    ...(built ? { wat: built.text, kernels: { names: built.names, bytes: built.bytes.length } } : {}),
  };
}
