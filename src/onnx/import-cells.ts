/**
 * ONNX's LSTM, GRU and RNN operators as rnnc cells, written with the operator documentation's
 * equations and its packed weights (gate order LSTM i, o, f, c; GRU z, r, h), so a reader can
 * check one against the other. Each attribute (activations with their alphas and betas, clip,
 * input_forget, linear_before_reset, peepholes) becomes the expression it stands for.
 */
import { UserError } from '../diagnostics.js';
import { type Constant, sliceAxis } from './import-values.js';

export type RecurrentOp = 'LSTM' | 'GRU' | 'RNN';

/** The attributes that make one cell differ from another (a cell is written once per set). */
export interface CellConfig {
  readonly op: RecurrentOp;
  /** Each activation as rnnc source of its operand `v`. */
  readonly activations: readonly ((v: string) => string)[];
  /** The activations' names with their alphas and betas, to tell configurations apart. */
  readonly signature: string;
  readonly clip?: number;
  readonly inputForget: boolean;
  readonly peepholes: boolean;
  readonly linearBeforeReset: boolean;
}

const number = (v: number) => `${v}`;
/** An operand of * or /: a sum in parentheses. */
const operand = (v: string) => (/\s/.test(v) ? `(${v})` : v);
const scaled = (alpha: number, v: string) => (alpha === 1 ? v : `${number(alpha)} * ${operand(v)}`);

/** An ONNX activation with the alphas and betas it takes from the lists, as a template. */
interface Activation {
  readonly alphas: number;
  readonly defaults: readonly number[];
  readonly write: (v: string, p: readonly number[]) => string;
}

const activationTable: Readonly<Record<string, Activation>> = {
  Sigmoid: { alphas: 0, defaults: [], write: (v) => `sigmoid(${v})` },
  Tanh: { alphas: 0, defaults: [], write: (v) => `tanh(${v})` },
  Relu: { alphas: 0, defaults: [], write: (v) => `relu(${v})` },
  Softsign: { alphas: 0, defaults: [], write: (v) => `${operand(v)} / (1 + abs(${v}))` },
  Softplus: { alphas: 0, defaults: [], write: (v) => `softplus(${v})` },
  Affine: { alphas: 2, defaults: [1, 0], write: (v, [a, b]) => `${scaled(a, v)} + ${number(b)}` },
  LeakyRelu: {
    alphas: 1,
    defaults: [0.01],
    write: (v, [a]) => `max(${v}, 0) + ${number(a)} * min(${v}, 0)`,
  },
  ScaledTanh: { alphas: 2, defaults: [1, 1], write: (v, [a, b]) => scaled(a, `tanh(${scaled(b, v)})`) },
  HardSigmoid: {
    alphas: 2,
    defaults: [0.2, 0.5],
    write: (v, [a, b]) =>
      Math.abs(a - 1 / 6) < 1e-7 && b === 0.5 ? `hard_sigmoid(${v})` : `min(max(${scaled(a, v)} + ${number(b)}, 0), 1)`,
  },
  Elu: { alphas: 1, defaults: [1], write: (v, [a]) => `max(${v}, 0) + ${number(a)} * (exp(min(${v}, 0)) - 1)` },
};

/**
 * The activations of one direction, with alphas and betas consumed in order by the
 * activations that take them (as ONNX Runtime reads the lists).
 */
export function readActivations(
  names: readonly string[],
  alphas: readonly number[],
  betas: readonly number[],
  where: string,
): { write: ((v: string) => string)[]; signature: string[] } {
  let [a, b] = [0, 0];
  const write: ((v: string) => string)[] = [];
  const signature: string[] = [];
  for (const name of names) {
    const entry = Object.entries(activationTable).find(([known]) => known.toLowerCase() === name.toLowerCase())?.[1];
    if (!entry)
      throw new UserError(
        `${where}: rnnc has no activation ${name} (it takes ${Object.keys(activationTable).join(', ')})`,
      );
    const p = [...entry.defaults];
    if (entry.alphas >= 1 && a < alphas.length) p[0] = alphas[a++];
    if (entry.alphas >= 2 && b < betas.length) p[1] = betas[b++];
    if (!p.every(Number.isFinite))
      throw new UserError(`${where}: ${name} has an alpha or beta that is not a finite number`);
    write.push((v) => entry.write(v, p));
    signature.push(p.length === 0 ? name : `${name}(${p.join(', ')})`);
  }
  return { write, signature };
}

/** The cell's source: its params and equations as the ONNX documentation writes them. */
export function cellSource(name: string, c: CellConfig): string {
  const [f, g, h] = c.activations;
  const clip = (v: string) => (c.clip === undefined ? v : `min(max(${v}, -${number(c.clip)}), ${number(c.clip)})`);
  const lines: string[] = [];
  const attrs = [
    c.clip !== undefined ? `clip ${c.clip}` : '',
    c.inputForget ? 'input_forget' : '',
    c.peepholes ? 'peepholes' : '',
    c.op === 'GRU' ? `linear_before_reset ${c.linearBeforeReset ? 1 : 0}` : '',
    `activations ${c.signature}`,
  ].filter((s) => s !== '');
  lines.push(
    `/// The ONNX ${c.op} operator: ${attrs.join(', ')}.`,
    `cell ${name}(I, H) {`,
    '  input x: [I]',
    '  state h: [H]',
  );
  if (c.op === 'LSTM') {
    lines.push(
      '  state c: [H]',
      '  param W: [4*H, I]      // gates i, o, f, c',
      '  param R: [4*H, H] = orthogonal',
      '  param Wb: [4*H] = zeros',
      '  param Rb: [4*H] = zeros',
      ...(c.peepholes ? ['  param P: [3*H] = zeros   // peepholes i, o, f'] : []),
      '',
      '  z = W @ x + R @ h + Wb + Rb',
      `  i = ${f(clip(`z[0:H]${c.peepholes ? ' + P[0:H] * c' : ''}`))}`,
      c.inputForget ? '  f = 1 - i' : `  f = ${f(clip(`z[2*H:3*H]${c.peepholes ? ' + P[2*H:3*H] * c' : ''}`))}`,
      `  g = ${g(clip('z[3*H:4*H]'))}`,
      "  c' = f * c + i * g",
      `  o = ${f(clip(`z[H:2*H]${c.peepholes ? " + P[H:2*H] * c'" : ''}`))}`,
      `  h' = o * ${h("c'")}`,
    );
  } else if (c.op === 'GRU') {
    lines.push('  param W: [3*H, I]      // gates z, r, h');
    if (c.linearBeforeReset)
      lines.push(
        '  param R: [3*H, H] = orthogonal',
        '  param Wb: [3*H] = zeros',
        '  param Rb: [3*H] = zeros',
        '',
        '  a = W @ x + Wb',
        '  b = R @ h + Rb',
        `  z = ${f(clip('a[0:H] + b[0:H]'))}`,
        `  r = ${f(clip('a[H:2*H] + b[H:2*H]'))}`,
        `  n = ${g(clip('a[2*H:3*H] + r * b[2*H:3*H]'))}`,
      );
    else
      lines.push(
        '  param R_zr: [2*H, H] = orthogonal',
        '  param R_h: [H, H] = orthogonal',
        '  param Wb: [3*H] = zeros',
        '  param Rb_zr: [2*H] = zeros',
        '  param Rb_h: [H] = zeros',
        '',
        '  a = W @ x + Wb',
        '  b = R_zr @ h + Rb_zr',
        `  z = ${f(clip('a[0:H] + b[0:H]'))}`,
        `  r = ${f(clip('a[H:2*H] + b[H:2*H]'))}`,
        `  n = ${g(clip('a[2*H:3*H] + R_h @ (r * h) + Rb_h'))}`,
      );
    lines.push("  h' = (1 - z) * n + z * h");
  } else {
    lines.push(
      '  param W: [H, I]',
      '  param R: [H, H] = orthogonal',
      '  param Wb: [H] = zeros',
      '  param Rb: [H] = zeros',
      '',
      `  h' = ${f(clip('W @ x + R @ h + Wb + Rb'))}`,
    );
  }
  lines.push("  output h'", '}');
  return lines.join('\n');
}

/** The ONNX inputs of one direction of a recurrent node. */
export interface DirectionWeights {
  readonly W: Constant;
  readonly R: Constant;
  readonly B?: Constant;
  readonly P?: Constant;
}

/** The cell's params (by their names in `cellSource`) from one direction's ONNX weights. */
export function cellParams(c: CellConfig, H: number, w: DirectionWeights): Record<string, Constant> {
  const G = c.op === 'LSTM' ? 4 : c.op === 'GRU' ? 3 : 1;
  const bias = w.B ?? { shape: [2 * G * H], data: new Float64Array(2 * G * H) };
  const Wb = sliceAxis(bias, 0, 0, G * H);
  const Rb = sliceAxis(bias, 0, G * H, 2 * G * H);
  const params: Record<string, Constant> = { W: w.W, Wb };
  if (c.op === 'GRU' && !c.linearBeforeReset) {
    params.R_zr = sliceAxis(w.R, 0, 0, 2 * H);
    params.R_h = sliceAxis(w.R, 0, 2 * H, 3 * H);
    params.Rb_zr = sliceAxis(Rb, 0, 0, 2 * H);
    params.Rb_h = sliceAxis(Rb, 0, 2 * H, 3 * H);
  } else {
    params.R = w.R;
    params.Rb = Rb;
  }
  if (c.peepholes) params.P = w.P ?? { shape: [3 * H], data: new Float64Array(3 * H) };
  return params;
}
