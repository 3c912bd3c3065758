/**
 * What the fuzzer does with one source: every stage a user can reach from it (check, compile to
 * TypeScript, JavaScript and WGSL, export to ONNX, run and differentiate in the interpreter), each outcome
 * sorted as accepted, refused cleanly, refused uncleanly (a message that is really an internal
 * failure) or crashed (an exception that is not a user error). The emitted code comes back too,
 * for the validity checks (tsc, Tint) that are run over many sources at once.
 */
import fc from 'fast-check';
import { createRequire } from 'node:module';
import {
  check,
  compile,
  exportOnnx,
  gradients,
  importOnnx,
  loadTorchWeights,
  run,
  SourceError,
  UserError,
} from '../../src/api/index.js';
import { writeSafetensors } from '../../src/weights/safetensors.js';

interface GeneratedModule {
  init(seed: number): Record<string, Float32Array>;
  forward(params: unknown, inputs: unknown): { outputs: Record<string, { data: Float32Array }> };
  grad?(params: unknown, inputs: unknown): { loss: number };
  readonly inputSpecs: Record<
    string,
    { time: string | null; target: boolean; batch: boolean; shape: readonly number[] }
  >;
}

/**
 * The module compiled to JavaScript, imported and called: forward (and grad where there is a
 * loss) on inputs of every declared shape, 3 steps and 2 samples. A refusal of the module's own
 * (`rnnc model: …`) is clean; any other exception is the module's crash.
 */
async function runModule(source: string, chosen: { file: string; model?: string }): Promise<void> {
  const { files, main } = compile(source, { ...chosen, target: 'js' });
  const m = (await import(
    `data:text/javascript;base64,${Buffer.from(files[main]).toString('base64')}`
  )) as GeneratedModule;
  const inputs: Record<string, { data: Float32Array; shape: number[] }> = {};
  for (const [name, spec] of Object.entries(m.inputSpecs)) {
    const shape = [...(spec.time !== null ? [3] : []), ...(spec.batch ? [2] : []), ...spec.shape];
    const data = new Float32Array(shape.reduce((a, b) => a * b, 1)).map((_, k) => Math.sin(k + 1) * 0.5);
    inputs[name] = { data, shape };
  }
  try {
    const params = m.init(1);
    m.forward(params, inputs);
    m.grad?.(params, inputs);
  } catch (e) {
    if (e instanceof Error && e.message.startsWith('rnnc model: ')) throw new UserError(e.message);
    throw e;
  }
}

interface OrtSession {
  run(feeds: Record<string, unknown>): Promise<Record<string, { data: Float32Array; dims: readonly number[] }>>;
}
interface Ort {
  Tensor: new (type: 'float32', data: Float32Array, dims: readonly number[]) => unknown;
  InferenceSession: { create(model: Uint8Array, options: object): Promise<OrtSession> };
}

function nested(data: Float32Array, shape: readonly number[], at = 0): unknown {
  if (shape.length === 0) return data[at];
  const step = shape.slice(1).reduce((a, b) => a * b, 1);
  return Array.from({ length: shape[0] }, (_, k) => nested(data, shape.slice(1), at + k * step));
}

/**
 * The model exported to ONNX and run in onnxruntime-node beside the interpreter (f32, 3 steps,
 * 2 samples): ONNX Runtime refusing the file, or an output differing by more than 1e-3
 * (relative above 1), is an exporter's failure. Then the file is imported again, which may
 * refuse it (most cells are Scans) but must not crash.
 */
async function runOnnxExport(source: string, chosen: { file: string; model?: string }): Promise<void> {
  const exported = exportOnnx(source, { ...chosen, seed: 1 });
  const ort = createRequire(import.meta.url)('onnxruntime-node') as Ort;
  const session = await ort.InferenceSession.create(exported.bytes, { intraOpNumThreads: 1, interOpNumThreads: 1 });
  const feeds: Record<string, unknown> = {};
  const inputs: Record<string, unknown> = {};
  for (const input of exported.inputs) {
    const shape = input.shape.map((d) => (typeof d === 'number' ? d : d === 'batch' ? 2 : 3));
    const data = new Float32Array(shape.reduce((a, b) => a * b, 1)).map((_, k) => Math.sin(k + 1) * 0.5);
    feeds[input.name] = new ort.Tensor('float32', data, shape);
    inputs[input.name] = nested(data, shape);
  }
  const got = await session.run(feeds);
  const reference = await run(source, { ...chosen, seed: 1, dtype: 'f32', inputs });
  for (const [name, t] of Object.entries({ ...reference.outputs, ...reference.finalStates })) {
    const value = got[name];
    if (!value || value.data.length !== t.data.length)
      throw new Error(
        `the ONNX export's ${name} has ${value?.data.length ?? 'no'} values, the interpreter's ${t.data.length}`,
      );
    for (let k = 0; k < t.data.length; k++) {
      const [a, b] = [value.data[k], t.data[k]];
      if (!Number.isFinite(b)) continue;
      if (!(Math.abs(a - b) <= 1e-3 * Math.max(1, Math.abs(b))))
        throw new Error(`the ONNX export disagrees with the interpreter on ${name}[${k}]: ${a} against ${b}`);
    }
  }
  importOnnx(exported.bytes, { file: 'fuzz.onnx' });
}

export type Verdict = 'ok' | 'refused' | 'unclean' | 'crash';

export interface Outcome {
  readonly verdict: Verdict;
  /** The stage that decided the verdict, and what it said (for anything but ok). */
  readonly stage?: string;
  readonly message?: string;
  /** Emitted TypeScript modules and WGSL kernels, by file name, of accepted sources. */
  readonly typescript: Readonly<Record<string, string>>;
  readonly wgsl: Readonly<Record<string, string>>;
}

/** Messages that are clean in form but report a failure of rnnc itself. */
const internalSigns = [
  /Maximum call stack/,
  /Cannot read propert/,
  /is not a function/,
  /is not iterable/,
  /Invalid typed array length/,
  /Invalid array length/,
  /not an i\d+/,
  /\[object Object\]/,
  /^\s+at .*:\d+:\d+\)?$/m,
];

function judge(stage: string, e: unknown): Outcome {
  const clean = e instanceof SourceError || e instanceof UserError;
  const message = e instanceof Error ? e.message : String(e);
  const empty = { typescript: {}, wgsl: {} };
  if (!clean)
    return {
      verdict: 'crash',
      stage,
      message: `${(e as Error)?.constructor?.name}: ${message}\n${(e as Error)?.stack ?? ''}`,
      ...empty,
    };
  if (message.length > 4000 || internalSigns.some((sign) => sign.test(message)))
    return { verdict: 'unclean', stage, message, ...empty };
  return { verdict: 'refused', stage, message, ...empty };
}

export interface ExerciseOptions {
  /** Also compile at -O0 and to JavaScript (slower; the full fuzz budget does it). */
  readonly thorough?: boolean;
  /** Also feed the model generated JSON inputs and params and damaged safetensors files, from this seed. */
  readonly dataSeed?: number;
}

/** Values a JSON input or param file may hold: arrays of the right depth or not, numbers or not. */
const jsonValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue(),
  fc.array(
    fc.array(fc.array(fc.oneof(fc.double(), fc.integer(), fc.constant('1'), fc.constant(null)), { maxLength: 6 }), {
      maxLength: 4,
    }),
    {
      maxLength: 4,
    },
  ),
  fc.nat({ max: 20000 }).map((depth) => JSON.parse(`${'['.repeat(depth)}1${']'.repeat(depth)}`)),
  fc.record({
    data: fc.array(fc.double(), { maxLength: 8 }),
    shape: fc.array(fc.integer({ min: -2, max: 1e9 }), { maxLength: 4 }),
  }),
);

/** A valid safetensors file, damaged: cut short, bytes changed, or its header length made huge. */
function damagedSafetensors(seed: number, names: readonly string[]): Uint8Array {
  const tensors = new Map(names.map((n, k) => [n, { data: new Float32Array(k + 2).fill(0.5), shape: [k + 2] }]));
  const bytes = writeSafetensors(tensors, { format: 'pt' });
  const [edit] = fc.sample(
    fc.oneof(
      fc.record({ kind: fc.constant('cut' as const), at: fc.nat({ max: bytes.length }) }),
      fc.record({
        kind: fc.constant('flip' as const),
        at: fc.nat({ max: bytes.length - 1 }),
        value: fc.nat({ max: 255 }),
      }),
      fc.record({
        kind: fc.constant('length' as const),
        value: fc.constantFrom(0, 1, 2 ** 31, 2 ** 53 - 1, bytes.length),
      }),
    ),
    { seed, numRuns: 1 },
  );
  const out = edit.kind === 'cut' ? bytes.slice(0, edit.at) : bytes.slice();
  if (edit.kind === 'flip') out[edit.at] = edit.value;
  if (edit.kind === 'length') new DataView(out.buffer).setBigUint64(0, BigInt(edit.value), true);
  return out;
}

export async function exercise(source: string, options: ExerciseOptions = {}): Promise<Outcome> {
  let checked;
  try {
    checked = check(source, { file: 'fuzz.rnn' });
  } catch (e) {
    return judge('check', e);
  }
  if (!checked.ok) {
    const message = checked.diagnostics.map((d) => d.message).join('\n');
    const unclean = internalSigns.some((sign) => sign.test(message));
    return { verdict: unclean ? 'unclean' : 'refused', stage: 'check', message, typescript: {}, wgsl: {} };
  }
  // Files that define several models exercise the first (or the first cell, where there is none).
  const model = checked.models[0] ?? checked.cells[0];
  const chosen = { file: 'fuzz.rnn', ...(model !== undefined ? { model } : {}) };
  const typescript: Record<string, string> = {};
  const wgsl: Record<string, string> = {};
  const stages: [string, () => unknown][] = [
    [
      'compile ts',
      () => {
        const files = compile(source, { ...chosen, target: 'ts' }).files;
        for (const [name, text] of Object.entries(files)) typescript[`O2-${name}`] = text;
      },
    ],
    [
      'compile wgsl',
      () => {
        const files = compile(source, { ...chosen, target: 'wgsl' }).files;
        for (const [name, text] of Object.entries(files)) if (name.endsWith('.wgsl')) wgsl[name] = text;
      },
    ],
    ['export onnx', () => void exportOnnx(source, chosen)],
    ['run', () => run(source, { ...chosen, steps: 3, batch: 2, seed: 1 })],
    ['gradients', () => void gradients(source, { ...chosen, steps: 3, batch: 2, seed: 1 })],
  ];
  if (options.thorough) {
    stages.push([
      'compile ts -O0 f64',
      () => {
        const files = compile(source, { ...chosen, target: 'ts', level: 0, dtype: 'f64' }).files;
        for (const [name, text] of Object.entries(files)) typescript[`O0-${name}`] = text;
      },
    ]);
    stages.push(['compile js', () => void compile(source, { ...chosen, target: 'js' })]);
    // Every fifth source also runs its module (importing thousands would fill a worker's memory).
    if ((options.dataSeed ?? 0) % 5 === 0) {
      stages.push(['run the module', () => runModule(source, chosen)]);
      stages.push(['run the ONNX export', () => runOnnxExport(source, chosen)]);
    }
  }
  if (options.dataSeed !== undefined) {
    const seed = options.dataSeed;
    const [input, param] = fc.sample(jsonValue, { seed, numRuns: 2 });
    const listing = checked.listing;
    const names = [...listing.matchAll(/^\s+(?:input|target|param)\s+([A-Za-z_]\w*)/gm)].map((m) => m[1]);
    const first = names[0] ?? 'x';
    stages.push(['run with JSON inputs', () => run(source, { ...chosen, inputs: { [first]: input } })]);
    stages.push(['run with JSON params', () => run(source, { ...chosen, params: { [first]: param } })]);
    stages.push(['load safetensors', () => loadTorchWeights(source, damagedSafetensors(seed, names), chosen)]);
  }
  let refusal: Outcome | undefined;
  for (const [stage, action] of stages) {
    try {
      await action();
    } catch (e) {
      const outcome = judge(stage, e);
      if (outcome.verdict !== 'refused') return outcome;
      // A model without a loss has no gradients, a model too large for a target is refused by
      // it: the other stages still run.
      refusal ??= outcome;
    }
  }
  return { verdict: 'ok', typescript, wgsl, ...(refusal ? { stage: refusal.stage, message: refusal.message } : {}) };
}
