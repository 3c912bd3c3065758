import { noiseJs, seedLimit } from '../../ir/ops/noise.js';

/**
 * The fixed part of every generated module: argument checks with clear
 * messages, and the seeded random draws of `init` (the same generator as the
 * interpreter's, so both give the same params for a seed).
 */
export function runtimeSupport(arrayType: string, initializers: ReadonlySet<string>): string {
  const uses = (...kinds: string[]) => kinds.some((k) => initializers.has(k));
  const random = uses('uniform', 'normal', 'glorot_uniform', 'glorot_normal', 'orthogonal');
  const gaussian = uses('normal', 'glorot_normal', 'orthogonal');
  return `${checks(arrayType)}${random ? generator : ''}${gaussian ? gaussianDraw : ''}${
    uses('uniform', 'glorot_uniform') ? drawUniform(arrayType) : ''
  }${uses('normal', 'glorot_normal') ? drawNormal(arrayType) : ''}${uses('orthogonal') ? drawOrthogonal(arrayType) : ''}`;
}

function checks(arrayType: string): string {
  return `
function fail(message: string): never {
  throw new Error(\`rnnc model: \${message}\`);
}

/** A record's own value under a name: names such as constructor are never read from Object.prototype. */
function own<T>(record: { readonly [name: string]: T | undefined }, name: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(record, name) ? record[name] : undefined;
}

/** Refuses names a record has that the module does not know (a misspelt input or param would be ignored). */
function checkNames(what: string, record: object, known: readonly string[]): void {
  for (const name of Object.keys(record))
    if (!known.includes(name)) fail(\`there is no \${what} named \${JSON.stringify(name).slice(0, 80)} (the \${what}s are \${known.join(', ') || 'none'})\`);
}

/** Checks every param's type and size, and (unless the caller checks them as it copies them) that its values are finite. */
function checkParams(params: Params, finite = true): void {
  if (typeof params !== 'object' || params === null) fail('params must be an object of ${arrayType}s by name');
  checkNames('param', params, paramNames);
  for (const name of paramNames) {
    const value = own(params, name);
    const size = paramShapes[name].reduce((a: number, b: number) => a * b, 1);
    if (!(value instanceof ${arrayType})) fail(\`param \${name} must be a ${arrayType} of \${size} values\`);
    if (value.length !== size) fail(\`param \${name} has \${value.length} values, its shape [\${paramShapes[name].join(', ')}] needs \${size}\`);
    if (finite) checkFinite(name, value);
  }
}

function checkFinite(name: string, value: ${arrayType}): void {
  for (let k = 0; k < value.length; k++) {
    if (!Number.isFinite(value[k])) fail(\`param \${name} holds \${value[k]} at index \${k}\`);
  }
}

function checkInputs(inputs: Inputs, needTargets: boolean): { B: number; lengths: { [axis: string]: number } } {
  if (typeof inputs !== 'object' || inputs === null) fail('inputs must be an object of tensors by name');
  checkNames('input', inputs, Object.keys(inputSpecs));
  const lengths: { [axis: string]: number } = Object.create(null);
  let batch = -1;
  for (const [name, spec] of Object.entries(inputSpecs) as [string, { time: string | null; target: boolean; batch: boolean; shape: readonly number[] }][]) {
    const tensor = own(inputs as { [name: string]: Tensor | undefined }, name);
    if (tensor === undefined) {
      if (spec.target && !needTargets) continue;
      fail(\`no \${spec.target ? 'target' : 'input'} \${name}\`);
    }
    const expected = [...(spec.time !== null ? [spec.time] : []), ...(spec.batch ? ['B'] : []), ...spec.shape].join(', ');
    const tokens = (spec as { vocabulary?: number }).vocabulary;
    if (typeof tensor !== 'object' || tensor === null || !(tensor.data instanceof ${arrayType} || (tokens !== undefined && (tensor.data as object) instanceof Int32Array)) || !Array.isArray(tensor.shape)) fail(\`\${name} must be { data: \${tokens !== undefined ? 'Int32Array' : '${arrayType}'}, shape: [\${expected}] }\`);
    if (!tensor.shape.every((d) => Number.isSafeInteger(d) && d > 0)) fail(\`\${name} has shape [\${tensor.shape.map((d) => JSON.stringify(d)).join(', ')}]: every size must be a positive whole number\`);
    const lead = (spec.time !== null ? 1 : 0) + (spec.batch ? 1 : 0);
    const shape = tensor.shape;
    if (shape.length !== lead + spec.shape.length || spec.shape.some((d, k) => shape[lead + k] !== d)) {
      fail(\`\${name} has shape [\${shape.join(', ')}], expected [\${expected}] (time-major)\`);
    }
    if (tensor.data.length !== shape.reduce((a, b) => a * b, 1)) fail(\`\${name} has \${tensor.data.length} values but shape [\${shape.join(', ')}]\`);
    if (tokens !== undefined) {
      const bad = tensor.data.findIndex((id) => !(Number.isInteger(id) && id >= 0 && id < tokens));
      if (bad >= 0) {
        const samples = spec.batch ? shape[lead - 1] : 1;
        const place = spec.time !== null ? \`sample \${bad % samples}, step \${Math.floor(bad / samples)}\` : \`sample \${bad % samples}\`;
        fail(\`\${name}: \${place} holds \${tensor.data[bad]}, which is not a token id (a whole number from 0 to \${tokens - 1})\`);
      }
    }
    if (spec.batch) {
      const b = shape[lead - 1];
      if (!(b > 0)) fail(\`\${name} has an empty batch\`);
      if (batch >= 0 && b !== batch) fail(\`\${name} has a batch of \${b}, other inputs \${batch}\`);
      batch = b;
    }
    if (spec.time !== null) {
      const t = shape[0];
      if (!(t > 0)) fail(\`\${name} is an empty sequence\`);
      const known = own(lengths, spec.time);
      if (known !== undefined && known !== t) fail(\`\${name} has \${t} steps along \${spec.time}, other inputs \${known}\`);
      lengths[spec.time] = t;
    }
  }
  if (batch < 0) fail('no input was given');
  return { B: batch, lengths };
}

function checkInitialStates(states: InitialStates, batch: number): void {
  if (typeof states !== 'object' || states === null) fail('initialStates must be an object of ${arrayType}s by state name');
  for (const [name, value] of Object.entries(states) as [string, ${arrayType} | undefined][]) {
    if (value === undefined) continue;
    const size = own(stateSizes as { [name: string]: number }, name);
    if (size === undefined) fail(\`no state named \${name} (states: \${Object.keys(stateSizes).join(', ') || 'none'})\`);
    if (!(value instanceof ${arrayType}) || value.length !== batch * size) fail(\`initial state \${name} must be a ${arrayType} of B * \${size} = \${batch * size} values\`);
  }
}

`;
}

const generator = `
/** mulberry32, seeded as rnnc's interpreter seeds it. */
function generator(seed: number): () => number {
  let state = (Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ 0xc2b2ae35) >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

`;

const gaussianDraw = `
function gaussian(next: () => number): number {
  const u = 1 - next();
  const v = next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

`;

const drawUniform = (arrayType: string) => `
function drawUniform(size: number, seed: number, low: number, high: number): ${arrayType} {
  const next = generator(seed);
  const out = new ${arrayType}(size);
  for (let k = 0; k < size; k++) out[k] = low + (high - low) * next();
  return out;
}

`;

const drawNormal = (arrayType: string) => `
function drawNormal(size: number, seed: number, mean: number, std: number): ${arrayType} {
  const next = generator(seed);
  const out = new ${arrayType}(size);
  for (let k = 0; k < size; k++) out[k] = mean + std * gaussian(next);
  return out;
}

`;

const drawOrthogonal = (arrayType: string) => `
/** An orthogonal matrix: Gram–Schmidt on a Gaussian matrix, as the interpreter draws it. */
function drawOrthogonal(rows: number, cols: number, seed: number, gain: number): ${arrayType} {
  const next = generator(seed);
  const tall = Math.max(rows, cols);
  const narrow = Math.min(rows, cols);
  const q: Float64Array[] = [];
  for (let j = 0; j < narrow; j++) {
    const column = new Float64Array(tall);
    for (let i = 0; i < tall; i++) column[i] = gaussian(next);
    q.push(column);
  }
  for (let j = 0; j < narrow; j++) {
    for (let p = 0; p < j; p++) {
      let dot = 0;
      for (let i = 0; i < tall; i++) dot += q[j][i] * q[p][i];
      for (let i = 0; i < tall; i++) q[j][i] -= dot * q[p][i];
    }
    let norm = 0;
    for (let i = 0; i < tall; i++) norm += q[j][i] * q[j][i];
    norm = Math.sqrt(norm);
    for (let i = 0; i < tall; i++) q[j][i] /= norm;
  }
  const out = new ${arrayType}(rows * cols);
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) out[r * cols + c] = gain * (rows >= cols ? q[c][r] : q[r][c]);
  return out;
}
`;

/** What modules with token inputs read them with. */
export function tokenSupport(arrayType: string): string {
  return `
/** The inputs with token ids as numbers of the float array the kernels read (checkInputs checked them). */
function tokenValues(inputs: Inputs): Inputs {
  const out: { [name: string]: unknown } = { ...inputs };
  for (const [name, spec] of Object.entries(inputSpecs) as [string, { vocabulary?: number }][]) {
    const t = own(inputs as { [name: string]: Tokens | undefined }, name);
    if (spec.vocabulary !== undefined && t !== undefined && !(t.data instanceof ${arrayType})) out[name] = { data: ${arrayType}.from(t.data), shape: t.shape };
  }
  return out as Inputs;
}
`;
}

/** What modules taking per-sample lengths check them with. */
export function lengthsSupport(arrayType: string): string {
  return `
/** Each sample's number of steps along \`axis\` as the kernels read it: given (whole numbers from 1 to \`steps\`), or \`steps\` for all. */
function lengthsOf(lengths: { readonly [axis: string]: ArrayLike<number> | undefined }, axis: string, batch: number, steps: number): ${arrayType} {
  const out = new ${arrayType}(batch);
  const given = own(lengths, axis);
  if (given === undefined) return out.fill(steps);
  if (typeof given !== 'object' || given === null || given.length !== batch) fail(\`the lengths of \${axis} must be \${batch} numbers, one per sample\`);
  for (let b = 0; b < batch; b++) {
    const n = given[b];
    if (!(Number.isInteger(n) && n >= 1 && n <= steps)) fail(\`sample \${b}'s length along \${axis} is \${n}, but it must be a whole number from 1 to \${steps} (the inputs' steps)\`);
    out[b] = n;
  }
  return out;
}
`;
}

/** What modules with dropout read the mode and seed with, and the masks' hash (ops/noise.ts). */
export function noiseSupport(arrayType: string): string {
  return `
/** The mode and seed as the kernels read them: [1 (train) or 0 (eval), seed]. */
function noiseOf(run: RunMode): ${arrayType} {
  if (typeof run !== 'object' || run === null) fail("the mode is an object like { mode: 'train', seed: 1 }");
  if (run.mode !== 'train' && run.mode !== 'eval') fail(\`the mode is 'train' or 'eval', not \${JSON.stringify(run.mode)}\`);
  const seed = run.seed ?? 0;
  if (!(Number.isInteger(seed) && seed >= 0 && seed < ${seedLimit})) fail(\`a seed is a whole number from 0 to ${seedLimit - 1}, not \${JSON.stringify(run.seed)}\`);
  return ${arrayType}.of(run.mode === 'train' ? 1 : 0, seed);
}

${noiseJs}
`;
}

/** Optimizers and the training step, for modules that have `grad`. */
export function trainingSupport(arrayType: string, synchronous = true, lengths = false, noisy = false): string {
  return `
export interface OptimizerOptions {
  /** 'sgd' (with optional momentum) or 'adam' (Kingma & Ba 2015). */
  readonly method: 'sgd' | 'adam';
  readonly learningRate: number;
  /** SGD: the momentum coefficient (0: plain SGD). */
  readonly momentum?: number;
  /** Adam: the decay rates of the first and second moment estimates, and the epsilon. */
  readonly beta1?: number;
  readonly beta2?: number;
  readonly epsilon?: number;
  /** Scale all gradients down so their global norm is at most this (as torch.nn.utils.clip_grad_norm_). */
  readonly clipNorm?: number;
}

export interface Optimizer {
  readonly options: OptimizerOptions;
  /** Steps taken so far. */
  steps: number;
  readonly first: { [K in ParamName]?: ${arrayType} };
  readonly second: { [K in ParamName]?: ${arrayType} };
}

export function optimizer(options: OptimizerOptions): Optimizer {
  if (typeof options !== 'object' || options === null) fail("optimizer options must be an object like { method: 'adam', learningRate: 0.001 }");
  for (const key of ['momentum', 'beta1', 'beta2', 'epsilon'] as const) {
    const value = (options as unknown as { [key: string]: unknown })[key];
    if (value !== undefined && !(typeof value === 'number' && Number.isFinite(value) && value >= 0)) fail(\`optimizer option \${key} must be a number ≥ 0, got \${String(value)}\`);
  }
  if (options.method !== 'sgd' && options.method !== 'adam') fail(\`optimizer method must be 'sgd' or 'adam', got \${String(options.method)}\`);
  if (!(typeof options.learningRate === 'number' && options.learningRate > 0 && Number.isFinite(options.learningRate))) fail(\`the learning rate must be positive, got \${options.learningRate}\`);
  if (options.clipNorm !== undefined && !(typeof options.clipNorm === 'number' && options.clipNorm > 0)) fail(\`clipNorm must be positive, got \${options.clipNorm}\`);
  return { options, steps: 0, first: Object.create(null), second: Object.create(null) };
}

${
  synchronous
    ? `/**
 * One step of gradient descent: computes the loss and the gradients, clips
 * them, and updates every param in place. Returns the loss before the step
 * and the gradients' global norm (before clipping).
 */
export function trainStep(params: Params, opt: Optimizer, inputs: Inputs, initialStates: InitialStates = {}${lengths ? ', lengths: Lengths = {}' : ''}${noisy ? `, mode: RunMode = { mode: 'train', seed: opt.steps % ${seedLimit} }` : ''}): { loss: number; gradientNorm: number } {
  return applyGradients(params, opt, grad(params, inputs, initialStates${lengths ? ', lengths' : ''}${noisy ? ', mode' : ''}));
}
`
    : ''
}
/** Clips the gradients of one step and updates every param in place (the second half of trainStep). */
export function applyGradients(params: Params, opt: Optimizer, result: { readonly loss: number; readonly grads: { readonly [K in ParamName]: ${arrayType} } }): { loss: number; gradientNorm: number } {
  let squares = 0;
  for (const name of paramNames) for (const g of result.grads[name]) squares += g * g;
  const gradientNorm = Math.sqrt(squares);
  if (!Number.isFinite(gradientNorm)) fail(\`the gradients are not finite (loss \${result.loss}); lower the learning rate or clip them\`);
  const { clipNorm } = opt.options;
  const scale = clipNorm !== undefined && gradientNorm > clipNorm ? clipNorm / (gradientNorm + 1e-6) : 1;
  opt.steps++;
  const lr = opt.options.learningRate;
  for (const name of paramNames) {
    const p = params[name];
    const g = result.grads[name];
    if (opt.options.method === 'sgd') {
      const momentum = opt.options.momentum ?? 0;
      if (momentum === 0) {
        for (let k = 0; k < p.length; k++) p[k] -= lr * scale * g[k];
        continue;
      }
      const v = (opt.first[name] ??= new ${arrayType}(p.length));
      for (let k = 0; k < p.length; k++) {
        v[k] = momentum * v[k] + scale * g[k];
        p[k] -= lr * v[k];
      }
    } else {
      const { beta1 = 0.9, beta2 = 0.999, epsilon = 1e-8 } = opt.options;
      const m = (opt.first[name] ??= new ${arrayType}(p.length));
      const v = (opt.second[name] ??= new ${arrayType}(p.length));
      const c1 = 1 - Math.pow(beta1, opt.steps);
      const c2 = 1 - Math.pow(beta2, opt.steps);
      for (let k = 0; k < p.length; k++) {
        const gk = scale * g[k];
        m[k] = beta1 * m[k] + (1 - beta1) * gk;
        v[k] = beta2 * v[k] + (1 - beta2) * gk * gk;
        p[k] -= (lr * (m[k] / c1)) / (Math.sqrt(v[k] / c2) + epsilon);
      }
    }
  }
  return { loss: result.loss, gradientNorm };
}
`;
}
