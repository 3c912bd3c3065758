/**
 * An ONNX model whose graph is LSTM, GRU and RNN nodes with the usual glue around them, as an
 * rnnc source and its weights. The graph is read node by node, in its (topological) order,
 * giving each value a meaning: a constant, a sequence or per-sample value of the model being
 * written, a recurrent node's outputs, a pending dense product, zeros of a dynamic shape. A
 * node that fits none of these stops the import with a message that names it and says why.
 */
import { UserError } from '../diagnostics.js';
import { tsComment } from '../backends/comment-text.js';
import { keywords } from '../../grammar/tokens.js';
import { functions } from '../frontend/functions.js';
import { cellParams, cellSource, type CellConfig, readActivations, type RecurrentOp } from './import-cells.js';
import { attribute, type Constant, foldConstant, sliceAxis, tensorValues, transpose } from './import-values.js';
import type { OnnxModel, OnnxNode } from './proto.js';

/** The newest default-domain opset rnnc reads. */
export const newestOpset = 22;

interface Layer {
  readonly name: string;
  readonly op: RecurrentOp;
  readonly directions: 1 | 2;
  readonly reverse: boolean;
  readonly hidden: number;
  /** Y and Y_h are [B, T, D, H] and [B, D, H] (layout 1) instead of [T, D, B, H] and [D, B, H]. */
  readonly batchMajor: boolean;
}

type Meaning =
  | { readonly kind: 'constant'; readonly value: Constant }
  | { readonly kind: 'input'; readonly name: string; readonly rank: number; readonly float: boolean }
  | { readonly kind: 'sequence'; readonly expr: string; readonly width: number; readonly batchMajor: boolean }
  | { readonly kind: 'sample'; readonly expr: string; readonly width: number }
  | { readonly kind: 'all-steps'; readonly layer: Layer }
  | { readonly kind: 'all-steps-merged'; readonly layer: Layer }
  | {
      readonly kind: 'final';
      readonly layer: Layer;
      readonly state: 'h' | 'c';
      /** Without the direction axis (after a Squeeze). */
      readonly squeezed: boolean;
    }
  | {
      readonly kind: 'dense';
      /** The ONNX name of the product, which names the layer. */
      readonly name: string;
      readonly over: Extract<Meaning, { kind: 'sequence' | 'sample' }>;
      /** [out, in] as rnnc's Dense keeps it. */
      readonly weight: Constant;
      readonly bias?: Constant;
    }
  | { readonly kind: 'zeros' }
  | { readonly kind: 'shape' };

export interface ImportedModel {
  readonly source: string;
  /** Params by their names in the source (`<layer>.<param>`). */
  readonly params: ReadonlyMap<string, Constant>;
  readonly dtype: 'f32' | 'f64';
  readonly model: string;
  /** What a user of the source should know: renamed values, layouts, outputs rnnc reports differently. */
  readonly notes: readonly string[];
  /** Each graph output rnnc gives, and under which name: a model output or a final state. */
  readonly outputs: readonly OutputMapping[];
}

export interface OutputMapping {
  readonly onnx: string;
  readonly rnnc: string;
  readonly role: 'output' | 'final_state';
}

const reserved = new Set([...keywords.map((k) => k.name.toLowerCase()), ...Object.keys(functions), 'Dense']);

class Importer {
  private readonly meanings = new Map<string, Meaning>();
  private readonly used = new Set<string>();
  readonly cells = new Map<string, { name: string; config: CellConfig }>();
  readonly inputs: string[] = [];
  readonly statements: string[] = [];
  readonly params = new Map<string, Constant>();
  readonly notes: string[] = [];
  readonly outputs: OutputMapping[] = [];
  readonly opset: number;

  constructor(
    private readonly onnx: OnnxModel,
    private readonly file: string,
  ) {
    const main = onnx.opset_import.find((o) => (o.domain ?? '') === '' || o.domain === 'ai.onnx');
    this.opset = main?.version ?? 1;
    if (this.opset > newestOpset)
      throw new UserError(
        `${file} uses ONNX opset ${this.opset}, newer than rnnc reads (opsets 7 to ${newestOpset}): export it at opset ${newestOpset} or older`,
      );
    if (this.opset < 7)
      throw new UserError(`${file} uses ONNX opset ${this.opset}; rnnc reads opsets 7 to ${newestOpset}`);
  }

  /** A name of the source for an ONNX name: letters, digits and _, not a keyword, not taken. */
  identifier(onnxName: string, fallback: string): string {
    let base = onnxName.replace(/[^A-Za-z0-9_]/g, '_').replace(/^_+/, '');
    if (!/^[A-Za-z]/.test(base)) base = `${fallback}${base ? `_${base}` : ''}`;
    if (reserved.has(base) || reserved.has(base.toLowerCase())) base = `${base}_`;
    let name = base;
    for (let k = 2; this.used.has(name); k++) name = `${base}${k}`;
    this.used.add(name);
    return name;
  }

  fail(node: OnnxNode, index: number, why: string): never {
    const label = node.name ? `'${node.name}' ` : '';
    throw new UserError(`${this.file}: node ${index} ${label}(${node.op_type}): ${why}`);
  }

  meaning(name: string): Meaning | undefined {
    return name === '' ? undefined : this.meanings.get(name);
  }

  run(): ImportedModel {
    const graph = this.onnx.graph;
    const initializers = new Set<string>();
    for (const t of graph.initializer ?? []) {
      this.meanings.set(t.name ?? '', { kind: 'constant', value: tensorValues(t, `initializer ${t.name}`) });
      initializers.add(t.name ?? '');
    }
    let dtype: 'f32' | 'f64' = 'f32';
    for (const input of graph.input) {
      if (initializers.has(input.name)) continue;
      const tensor = input.type?.tensor_type;
      if (tensor?.elem_type === 11) dtype = 'f64';
      const float = tensor?.elem_type === 1 || tensor?.elem_type === 11;
      this.meanings.set(input.name, { kind: 'input', name: input.name, rank: tensor?.shape?.dim?.length ?? 3, float });
    }
    graph.node.forEach((node, k) => this.read(node, k));
    const outputs = graph.output.map((o) => this.writeOutput(o.name)).filter((line): line is string => line !== '');
    if (outputs.length === 0)
      throw new UserError(`${this.file}: none of the graph's outputs is a value rnnc can return`);
    const name = this.identifier(graph.name || 'Imported', 'Imported');
    const header = [
      // The file's name and producer are untrusted text: no line break may end the comment.
      `// ${tsComment(`Imported by rnnc from ${this.file.split(/[\\/]/).pop()}${this.onnx.producer_name ? ` (made by ${this.onnx.producer_name}${this.onnx.producer_version ? ` ${this.onnx.producer_version}` : ''})` : ''}, ONNX opset ${this.opset}.`)}`,
      '// Sequences are time-major, [T][B][features].',
    ];
    const cells = [...this.cells.values()].map((c) => cellSource(c.name, c.config));
    const model = [`model ${name} {`, ...this.inputs, ...this.statements, ...outputs, '}'];
    return {
      source: `${[...header, '', ...cells.flatMap((c) => [c, '']), ...model].join('\n')}\n`,
      params: this.params,
      dtype,
      model: name,
      notes: this.notes,
      outputs: this.outputs,
    };
  }

  private read(node: OnnxNode, index: number): void {
    if (node.domain && node.domain !== '' && node.domain !== 'ai.onnx')
      this.fail(node, index, `operators of domain ${node.domain} are not among those rnnc imports`);
    const inputs = node.input.map((n) => this.meaning(n));
    const constants = inputs.map((m) => (m?.kind === 'constant' ? m.value : undefined));
    const allConstant = node.input.every((n, k) => n === '' || constants[k] !== undefined);
    if (allConstant) {
      const folded = foldConstant(node, constants, this.opset);
      if (folded) {
        this.meanings.set(node.output[0], { kind: 'constant', value: folded });
        return;
      }
    }
    const set = (m: Meaning, k = 0) => this.meanings.set(node.output[k], m);
    const [x] = inputs;
    switch (node.op_type) {
      case 'LSTM':
      case 'GRU':
      case 'RNN':
        return this.recurrent(node, index, node.op_type);
      case 'Identity':
        if (x) return void set(x);
        break;
      case 'Shape':
        return void set({ kind: 'shape' });
      case 'Gather':
      case 'Unsqueeze':
      case 'Cast':
        if (inputs.some((m) => m?.kind === 'shape')) return void set({ kind: 'shape' });
        if (node.op_type === 'Unsqueeze' && x?.kind === 'zeros') return void set(x);
        if (node.op_type === 'Unsqueeze' && x?.kind === 'final') return void set({ ...x, squeezed: false });
        break;
      case 'ConstantOfShape': {
        const value = attribute(node, 'value')?.t;
        if (!value || tensorValues(value, 'ConstantOfShape value').data.every((v) => v === 0))
          return void set({ kind: 'zeros' });
        break;
      }
      case 'Expand':
        if (x?.kind === 'zeros') return void set(x);
        break;
      case 'Squeeze':
        return this.squeeze(node, index, inputs);
      case 'Transpose':
        return this.transpose(node, index, inputs);
      case 'Reshape': {
        // [T, B, D, H] (after a transpose) or [B, T, D, H] (layout 1) to [·, ·, D·H]: the directions joined.
        const shape = constants[1] ? Array.from(constants[1].data) : [];
        const joined = (layer: Layer) =>
          shape.length === 3 &&
          shape[0] === 0 &&
          shape[1] === 0 &&
          [-1, layer.directions * layer.hidden].includes(shape[2]);
        if ((x?.kind === 'all-steps-merged' || (x?.kind === 'all-steps' && x.layer.batchMajor)) && joined(x.layer))
          return void set(this.layerSequence(x.layer));
        break;
      }
      case 'MatMul':
      case 'Gemm':
        return this.dense(node, index, inputs, constants);
      case 'Add':
      case 'Sub':
      case 'Mul':
      case 'Div':
        return this.arithmetic(node, index, inputs, constants);
      case 'Concat':
        if (inputs.some((m) => m?.kind === 'shape')) return void set({ kind: 'shape' });
        return this.join(node, index, inputs);
      case 'Softmax':
      case 'LogSoftmax':
      case 'Sigmoid':
      case 'Tanh':
      case 'Relu':
        return this.elementwise(node, index, inputs);
      default:
        break;
    }
    this.fail(
      node,
      index,
      node.input.some((n) => n !== '' && !this.meanings.has(n))
        ? `it reads ${node.input.find((n) => n !== '' && !this.meanings.has(n))}, which no node before it makes`
        : `rnnc imports LSTM, GRU and RNN nodes and the glue around them (Transpose, Squeeze, Unsqueeze, Reshape, Gemm, MatMul and Add, Softmax, LogSoftmax, activations, shape arithmetic and constants); ${node.op_type} on ${inputs.map((m) => m?.kind ?? 'nothing').join(', ')} is not among them`,
    );
  }

  /** A value of the model as a sequence or per-sample value (a pending dense product becomes a layer). */
  private value(
    m: Meaning | undefined,
    node: OnnxNode,
    index: number,
  ): Extract<Meaning, { kind: 'sequence' | 'sample' }> {
    if (m?.kind === 'sequence' || m?.kind === 'sample') return m;
    if (m?.kind === 'input') return this.modelInput(m, m.rank === 2 ? 'sample' : 'sequence', false);
    if (m?.kind === 'dense') return this.denseLayer(m);
    if (m?.kind === 'final' && m.layer.directions === 1 && m.state === 'h') return this.finalValue(m.layer);
    if (m?.kind === 'all-steps' && m.layer.directions === 1) return this.layerSequence(m.layer);
    return this.fail(node, index, `it reads ${m?.kind ?? 'nothing'} where rnnc needs a sequence or a per-sample value`);
  }

  private readonly declared = new Map<string, Extract<Meaning, { kind: 'sequence' | 'sample' }>>();

  private modelInput(m: Extract<Meaning, { kind: 'input' }>, kind: 'sequence' | 'sample', batchMajor: boolean) {
    const known = this.declared.get(m.name);
    if (known) return known;
    if (!m.float)
      throw new UserError(`${this.file}: input ${m.name} is not a float tensor; rnnc imports float and double inputs`);
    const info = this.onnx.graph.input.find((i) => i.name === m.name);
    const dims = info?.type?.tensor_type?.shape?.dim ?? [];
    const width = dims[dims.length - 1]?.dim_value;
    if (width === undefined)
      throw new UserError(`${this.file}: input ${m.name} has no fixed feature size (its last axis), which rnnc needs`);
    const name = this.identifier(m.name, 'input');
    if (name !== m.name) this.notes.push(`input ${m.name} is called ${name} in the source`);
    if (batchMajor)
      this.notes.push(
        `input ${m.name} is batch-major, [B][T][…]: pass --batch-major to rnnc run and rnnc compile for the same layout`,
      );
    const time = dims[batchMajor ? 1 : 0]?.dim_param;
    const axis = time && /^[A-Za-z][A-Za-z0-9_]*$/.test(time) && !reserved.has(time) && time !== 'T' ? `(${time})` : '';
    this.inputs.push(`  input ${name}: ${kind === 'sequence' ? `seq${axis}` : ''}[${width}]`);
    const value =
      kind === 'sequence'
        ? ({ kind: 'sequence', expr: name, width, batchMajor } as const)
        : ({ kind: 'sample', expr: name, width } as const);
    this.declared.set(m.name, value);
    return value;
  }

  private readonly finals = new Map<Layer, Extract<Meaning, { kind: 'sample' }>>();

  /** A one-direction layer's final h: its output after the last step it reads, as a value of the model. */
  private finalValue(layer: Layer): Extract<Meaning, { kind: 'sample' }> {
    const known = this.finals.get(layer);
    if (known) return known;
    const name = this.identifier(`${layer.name}_final`, 'final');
    this.statements.push(`  ${name} = ${layer.reverse ? 'first' : 'last'}(${layer.name})`);
    const value = { kind: 'sample', expr: name, width: layer.hidden } as const;
    this.finals.set(layer, value);
    return value;
  }

  private layerSequence(layer: Layer): Extract<Meaning, { kind: 'sequence' }> {
    return { kind: 'sequence', expr: layer.name, width: layer.hidden * layer.directions, batchMajor: layer.batchMajor };
  }

  private recurrent(node: OnnxNode, index: number, op: RecurrentOp): void {
    const at = (k: number) => this.meaning(node.input[k] ?? '');
    const constant = (k: number, what: string, needed: boolean): Constant | undefined => {
      const m = at(k);
      if (m === undefined) {
        if (needed) this.fail(node, index, `its ${what} is missing`);
        return undefined;
      }
      if (m.kind !== 'constant') this.fail(node, index, `its ${what} is computed at run time; rnnc needs it constant`);
      return m.value;
    };
    const int = (name: string, fallback: number) => attribute(node, name)?.i ?? fallback;
    const text = (name: string) => {
      const s = attribute(node, name)?.s;
      return s ? new TextDecoder().decode(s) : undefined;
    };
    const H = int('hidden_size', -1);
    const W = constant(1, 'W', true) as Constant;
    if (H < 1) this.fail(node, index, 'it has no hidden_size');
    const R = constant(2, 'R', true) as Constant;
    const B = constant(3, 'B', false);
    if (node.input[4] && at(4)?.kind !== 'zeros')
      this.fail(
        node,
        index,
        'it takes sequence_lens: rnnc runs every sample of a batch for the whole length (variable-length batches are not supported yet)',
      );
    const walk = text('direction') ?? 'forward';
    if (!['forward', 'reverse', 'bidirectional'].includes(walk))
      this.fail(node, index, `direction ${walk} is not forward, reverse or bidirectional`);
    const D = walk === 'bidirectional' ? 2 : 1;
    const batchMajor = int('layout', 0) === 1;
    const G = op === 'LSTM' ? 4 : op === 'GRU' ? 3 : 1;
    const I = W.shape[2];
    if (W.shape.join() !== `${D},${G * H},${I}`)
      this.fail(node, index, `W has shape [${W.shape.join(', ')}], not [${D}, ${G * H}, input size]`);
    if (R.shape.join() !== `${D},${G * H},${H}`)
      this.fail(node, index, `R has shape [${R.shape.join(', ')}], not [${D}, ${G * H}, ${H}]`);
    if (B && B.shape.join() !== `${D},${2 * G * H}`)
      this.fail(node, index, `B has shape [${B.shape.join(', ')}], not [${D}, ${2 * G * H}]`);
    const P = op === 'LSTM' ? constant(7, 'P', false) : undefined;
    if (P && P.shape.join() !== `${D},${3 * H}`)
      this.fail(node, index, `P has shape [${P.shape.join(', ')}], not [${D}, ${3 * H}]`);

    const names =
      attribute(node, 'activations')?.strings?.map((s) => new TextDecoder().decode(s)) ??
      (op === 'LSTM' ? ['Sigmoid', 'Tanh', 'Tanh'] : op === 'GRU' ? ['Sigmoid', 'Tanh'] : ['Tanh']);
    const perDirection = op === 'LSTM' ? 3 : op === 'GRU' ? 2 : 1;
    const full = names.length === perDirection * D ? names : names.length === perDirection ? [...names, ...names] : [];
    if (full.length < perDirection * D)
      this.fail(node, index, `it lists ${names.length} activations; ${op} takes ${perDirection} per direction`);
    const alphas = attribute(node, 'activation_alpha')?.floats ?? [];
    const betas = attribute(node, 'activation_beta')?.floats ?? [];
    const clipValue = attribute(node, 'clip')?.f;
    if (clipValue !== undefined && !(Number.isFinite(clipValue) && clipValue > 0))
      this.fail(node, index, `its clip is ${clipValue}; a clip is a positive number`);
    const where = `${this.file}: node ${index} (${op})`;
    const all = readActivations(full.slice(0, perDirection * D), alphas, betas, where);
    const configs = Array.from({ length: D }, (_, d): CellConfig => {
      const write = all.write.slice(d * perDirection, (d + 1) * perDirection);
      const signature = all.signature.slice(d * perDirection, (d + 1) * perDirection).join(', ');
      return {
        op,
        activations: write,
        signature,
        ...(clipValue !== undefined ? { clip: clipValue } : {}),
        inputForget: op === 'LSTM' && int('input_forget', 0) === 1,
        peepholes: P !== undefined,
        linearBeforeReset: op === 'GRU' && int('linear_before_reset', 0) === 1,
      };
    });
    if (D === 2 && configs[0].signature !== configs[1].signature)
      this.fail(
        node,
        index,
        'its two directions have different activations; an rnnc bidirectional layer runs one cell both ways',
      );
    const cell = this.cellFor(configs[0]);

    const x = at(0);
    let over: Extract<Meaning, { kind: 'sequence' }>;
    if (x?.kind === 'input')
      over = this.modelInput(x, 'sequence', batchMajor) as Extract<Meaning, { kind: 'sequence' }>;
    else {
      const v = this.value(x, node, index);
      if (v.kind !== 'sequence') this.fail(node, index, 'its X is not a sequence');
      over = v;
    }
    if (over.batchMajor !== batchMajor)
      this.fail(
        node,
        index,
        `its X is ${over.batchMajor ? 'batch' : 'time'}-major but its layout attribute says otherwise`,
      );
    if (over.width !== I) this.fail(node, index, `its X has ${over.width} features, but W takes ${I}`);
    const from = this.initialStates(node, index, op, D);

    const layerName = this.identifier(this.layerLabel(node, op), op.toLowerCase());
    const layer: Layer = { name: layerName, op, directions: D, reverse: walk === 'reverse', hidden: H, batchMajor };
    const prefix = D === 2 ? 'bidirectional ' : walk === 'reverse' ? 'reverse ' : '';
    this.statements.push(
      `  layer ${layerName} = ${prefix}${cell}(${I}, ${H}) over ${over.expr}${from ? ` from ${from}` : ''}${D === 2 ? ' merge concat' : ''}`,
    );
    // One direction's weights, without the direction axis.
    const direction = (c: Constant, d: number): Constant => {
      const one = sliceAxis(c, 0, d, d + 1);
      return { shape: one.shape.slice(1), data: one.data };
    };
    for (let d = 0; d < D; d++) {
      const params = cellParams(configs[d], H, {
        W: direction(W, d),
        R: direction(R, d),
        ...(B ? { B: direction(B, d) } : {}),
        ...(P ? { P: direction(P, d) } : {}),
      });
      const scope = D === 2 ? `${layerName}.${d === 0 ? 'fwd' : 'bwd'}` : layerName;
      for (const [param, value] of Object.entries(params)) this.params.set(`${scope}.${param}`, value);
    }
    this.meanings.set(node.output[0] ?? '', { kind: 'all-steps', layer });
    if (node.output[1]) this.meanings.set(node.output[1], { kind: 'final', layer, state: 'h', squeezed: false });
    if (op === 'LSTM' && node.output[2])
      this.meanings.set(node.output[2], { kind: 'final', layer, state: 'c', squeezed: false });
  }

  /** Zeros (or none): no `from`; another layer's final states: `from` it. */
  private initialStates(node: OnnxNode, index: number, op: RecurrentOp, D: number): string | undefined {
    const slots = op === 'LSTM' ? [5, 6] : [5];
    const given = slots.map((k) => this.meaning(node.input[k] ?? ''));
    if (given.every((m) => m === undefined || m.kind === 'zeros')) return undefined;
    const constants = given.filter((m) => m?.kind === 'constant');
    if (
      constants.length > 0 &&
      constants.every((m) => m?.kind === 'constant' && m.value.data.every((v) => v === 0)) &&
      given.every((m) => m?.kind !== 'final')
    )
      return undefined;
    const source = given[0]?.kind === 'final' ? given[0].layer : undefined;
    const all = given.every((m) => m?.kind === 'final' && m.layer === source);
    if (source && all && source.directions === D && source.hidden === this.hiddenOf(node)) return source.name;
    if (given.some((m) => m?.kind === 'input'))
      this.fail(
        node,
        index,
        'its initial states are graph inputs; rnnc takes initial states as a run option (--initial-states), not in the model: export the model without them',
      );
    return this.fail(
      node,
      index,
      "its initial states are neither zeros nor the final states of one layer (rnnc's `from`)",
    );
  }

  /** A layer's name from its node's: the part that is not the operator (`/encoder/LSTM`, `LSTM:encoder`). */
  private layerLabel(node: OnnxNode, op: RecurrentOp): string {
    const parts = (node.name ?? '').split(/[/:.]/).filter((p) => p !== '' && p.toUpperCase() !== op);
    return parts.length > 0 ? parts.join('_') : op.toLowerCase();
  }

  private hiddenOf(node: OnnxNode): number {
    return attribute(node, 'hidden_size')?.i ?? -1;
  }

  private cellFor(config: CellConfig): string {
    const key = JSON.stringify({ ...config, activations: undefined });
    const known = this.cells.get(key);
    if (known) return known.name;
    const name = this.identifier(`Onnx${config.op}${this.cells.size > 0 ? this.cells.size + 1 : ''}`, 'Cell');
    this.cells.set(key, { name, config });
    return name;
  }

  private squeeze(node: OnnxNode, index: number, inputs: readonly (Meaning | undefined)[]): void {
    const [x] = inputs;
    const axes =
      this.opset >= 13
        ? inputs[1]?.kind === 'constant'
          ? Array.from(inputs[1].value.data)
          : undefined
        : attribute(node, 'axes')?.ints;
    const one = axes?.length === 1 ? axes[0] : undefined;
    if (x?.kind === 'all-steps' && x.layer.directions === 1) {
      // Y: [T, 1, B, H] (layout 0) or [B, T, 1, H] (layout 1): the direction axis goes.
      const direction = x.layer.batchMajor ? 2 : 1;
      if (one === direction || one === direction - 4)
        return void this.meanings.set(node.output[0], this.layerSequence(x.layer));
    }
    if (x?.kind === 'final' && x.layer.directions === 1) {
      const direction = x.layer.batchMajor ? 1 : 0;
      if (one === direction || one === direction - 3)
        return void this.meanings.set(node.output[0], { ...x, squeezed: true });
    }
    this.fail(
      node,
      index,
      `rnnc reads Squeeze only to drop the direction axis of a one-direction LSTM, GRU or RNN's outputs`,
    );
  }

  private transpose(node: OnnxNode, index: number, inputs: readonly (Meaning | undefined)[]): void {
    const [x] = inputs;
    const perm = attribute(node, 'perm')?.ints?.join(',');
    const set = (m: Meaning) => this.meanings.set(node.output[0], m);
    if (x?.kind === 'all-steps' && !x.layer.batchMajor && perm === '0,2,1,3')
      return void set({ kind: 'all-steps-merged', layer: x.layer });
    if (perm === '1,0,2') {
      if (x?.kind === 'input') {
        const input = this.modelInput(x, 'sequence', true) as Extract<Meaning, { kind: 'sequence' }>;
        return void set({ ...input, batchMajor: false });
      }
      if (x?.kind === 'sequence') return void set({ ...x, batchMajor: !x.batchMajor });
    }
    this.fail(
      node,
      index,
      `rnnc reads Transpose to swap the time and batch axes of a sequence ([1, 0, 2]) or to merge a bidirectional layer's directions ([0, 2, 1, 3]), not perm [${perm ?? 'reversed'}] of ${x?.kind ?? 'nothing'}`,
    );
  }

  private dense(
    node: OnnxNode,
    index: number,
    inputs: readonly (Meaning | undefined)[],
    constants: readonly (Constant | undefined)[],
  ): void {
    const over = this.value(inputs[0], node, index);
    let weight = constants[1];
    if (!weight || weight.shape.length !== 2)
      this.fail(node, index, 'rnnc reads a product of a value with a constant matrix (a dense layer)');
    let bias: Constant | undefined;
    if (node.op_type === 'Gemm') {
      if ((attribute(node, 'transA')?.i ?? 0) !== 0) this.fail(node, index, 'transA is not supported');
      const alpha = attribute(node, 'alpha')?.f ?? 1;
      const beta = attribute(node, 'beta')?.f ?? 1;
      if ((attribute(node, 'transB')?.i ?? 0) === 1) weight = transpose(weight);
      weight = { shape: weight.shape, data: weight.data.map((v) => v * alpha) };
      const c = constants[2];
      if (node.input[2] && !c) this.fail(node, index, 'its C is not constant');
      if (c) bias = { shape: [c.data.length], data: c.data.map((v) => v * beta) };
    }
    if (weight.shape[0] !== over.width)
      this.fail(node, index, `the matrix has ${weight.shape[0]} rows but the value has ${over.width} features`);
    if (bias && bias.data.length !== weight.shape[1])
      this.fail(node, index, `C has ${bias.data.length} values, not ${weight.shape[1]}`);
    this.meanings.set(node.output[0], {
      kind: 'dense',
      name: node.output[0],
      over,
      weight: transpose(weight),
      ...(bias ? { bias } : {}),
    });
  }

  /** A dense layer's bias, or arithmetic of values (a bidirectional merge) and scalar constants. */
  private arithmetic(
    node: OnnxNode,
    index: number,
    inputs: readonly (Meaning | undefined)[],
    constants: readonly (Constant | undefined)[],
  ): void {
    const k = inputs[0]?.kind === 'dense' ? 0 : 1;
    const dense = inputs[k];
    const c = constants[1 - k];
    if (
      node.op_type === 'Add' &&
      dense?.kind === 'dense' &&
      !dense.bias &&
      c &&
      c.data.length === dense.weight.shape[0]
    )
      return void this.meanings.set(node.output[0], {
        ...dense,
        name: node.output[0],
        bias: { shape: [c.data.length], data: c.data },
      });
    const operands = inputs.map((m, j) => {
      const constant = constants[j];
      if (constant && constant.data.length === 1) return { text: `${constant.data[0]}`, value: undefined };
      if (constant)
        this.fail(
          node,
          index,
          'rnnc reads arithmetic of values with scalar constants, or a constant vector as the bias of a dense layer',
        );
      const value = this.value(m, node, index);
      return { text: value.expr, value };
    });
    const symbol = { Add: '+', Sub: '-', Mul: '*', Div: '/' }[node.op_type as 'Add'];
    this.equation(
      node,
      index,
      `${operands[0].text} ${symbol} ${operands[1].text}`,
      operands.map((o) => o.value),
    );
  }

  /** Values joined along their features (a bidirectional layer's `merge concat`). */
  private join(node: OnnxNode, index: number, inputs: readonly (Meaning | undefined)[]): void {
    const values = inputs.map((m) => this.value(m, node, index));
    const axis = attribute(node, 'axis')?.i ?? 0;
    const rank = values.some((v) => v.kind === 'sequence') ? 3 : 2;
    if (axis !== -1 && axis !== rank - 1)
      this.fail(node, index, `it joins along axis ${axis}; rnnc joins features (the last axis)`);
    this.equation(node, index, `concat(${values.map((v) => v.expr).join(', ')})`, values, true);
  }

  /** `name = expr` in the model, for the node's output; its kind and layout from its operands. */
  private equation(
    node: OnnxNode,
    index: number,
    expr: string,
    operands: readonly (Extract<Meaning, { kind: 'sequence' | 'sample' }> | undefined)[],
    joined = false,
  ): void {
    const values = operands.filter((v) => v !== undefined);
    const sequences = values.filter((v) => v.kind === 'sequence');
    if (new Set(sequences.map((v) => v.batchMajor)).size > 1)
      this.fail(node, index, 'it combines a batch-major sequence with a time-major one');
    const width = joined ? values.reduce((sum, v) => sum + v.width, 0) : Math.max(...values.map((v) => v.width));
    const name = this.identifier(node.output[0], 'value');
    this.statements.push(`  ${name} = ${expr}`);
    this.meanings.set(
      node.output[0],
      sequences.length > 0
        ? { kind: 'sequence', expr: name, width, batchMajor: sequences[0].batchMajor }
        : { kind: 'sample', expr: name, width },
    );
  }

  private denseLayer(m: Extract<Meaning, { kind: 'dense' }>): Extract<Meaning, { kind: 'sequence' | 'sample' }> {
    const known = this.denseLayers.get(m);
    if (known) return known;
    const name = this.identifier(m.name, 'dense');
    const [out, inWidth] = m.weight.shape;
    this.statements.push(`  layer ${name} = Dense(${inWidth}, ${out}) over ${m.over.expr}`);
    this.params.set(`${name}.W`, m.weight);
    this.params.set(`${name}.b`, m.bias ?? { shape: [out], data: new Float64Array(out) });
    const value: Extract<Meaning, { kind: 'sequence' | 'sample' }> =
      m.over.kind === 'sequence' ? { ...m.over, expr: name, width: out } : { kind: 'sample', expr: name, width: out };
    this.denseLayers.set(m, value);
    return value;
  }

  private readonly denseLayers = new Map<Meaning, Extract<Meaning, { kind: 'sequence' | 'sample' }>>();

  private elementwise(node: OnnxNode, index: number, inputs: readonly (Meaning | undefined)[]): void {
    const v = this.value(inputs[0], node, index);
    const rank = v.kind === 'sequence' ? 3 : 2;
    if (node.op_type === 'Softmax' || node.op_type === 'LogSoftmax') {
      const axis = attribute(node, 'axis')?.i ?? (this.opset >= 13 ? -1 : 1);
      if (axis !== -1 && axis !== rank - 1)
        this.fail(node, index, `it works along axis ${axis}; rnnc's softmax works along the features (the last axis)`);
      if (this.opset < 13 && rank === 3 && axis !== 2)
        this.fail(node, index, 'before opset 13 Softmax flattens the axes after its axis, which rnnc does not do');
    }
    const fn = { Softmax: 'softmax', LogSoftmax: 'log_softmax', Sigmoid: 'sigmoid', Tanh: 'tanh', Relu: 'relu' }[
      node.op_type
    ];
    const name = this.identifier(node.output[0], 'value');
    this.statements.push(`  ${name} = ${fn}(${v.expr})`);
    this.meanings.set(node.output[0], { ...v, expr: name });
  }

  /** `output …` for a graph output, or '' (with a note) for one rnnc reports otherwise. */
  private writeOutput(onnxName: string): string {
    const m = this.meanings.get(onnxName);
    if (m?.kind === 'final') {
      const states =
        m.layer.directions === 2
          ? ['fwd', 'bwd'].map((d) => `${m.layer.name}.${d}.${m.state}`)
          : [`${m.layer.name}.${m.state}`];
      const axis = m.squeezed
        ? ''
        : ` (without ONNX's direction axis${m.layer.directions === 2 ? ', one state a direction' : ''})`;
      this.notes.push(
        `output ${onnxName} is rnnc's final state ${states.join(' and ')}${axis}, which every run reports`,
      );
      if (states.length === 1) this.outputs.push({ onnx: onnxName, rnnc: states[0], role: 'final_state' });
      return '';
    }
    if (m?.kind === 'all-steps' && m.layer.directions === 2)
      return this.failOutput(
        onnxName,
        "a bidirectional layer's outputs with a direction axis; rnnc merges the directions (concat)",
      );
    let value: Extract<Meaning, { kind: 'sequence' | 'sample' }>;
    if (m?.kind === 'sequence' || m?.kind === 'sample') value = m;
    else if (m?.kind === 'dense') value = this.denseLayer(m);
    else if (m?.kind === 'all-steps' || m?.kind === 'all-steps-merged') {
      value = this.layerSequence(m.layer);
      if (m.kind === 'all-steps')
        this.notes.push(`output ${onnxName} has no direction axis in rnnc: [T][B][H], not [T][1][B][H]`);
    } else if (m?.kind === 'input') value = this.modelInput(m, m.rank === 2 ? 'sample' : 'sequence', false);
    else return this.failOutput(onnxName, `a ${m?.kind ?? 'missing'} value`);
    if (value.kind === 'sequence' && value.batchMajor)
      this.notes.push(
        `output ${onnxName} is batch-major in the ONNX model: pass --batch-major to rnnc run and rnnc compile`,
      );
    const name = this.identifier(onnxName, 'output');
    if (name !== onnxName) this.notes.push(`output ${onnxName} is called ${name} in the source`);
    this.outputs.push({ onnx: onnxName, rnnc: name, role: 'output' });
    return name === value.expr ? `  output ${name}` : `  output ${name} = ${value.expr}`;
  }

  private failOutput(name: string, what: string): never {
    throw new UserError(`${this.file}: output ${name} is ${what}, which rnnc cannot return`);
  }
}

export function importModel(onnx: OnnxModel, file: string): ImportedModel {
  return new Importer(onnx, file).run();
}
