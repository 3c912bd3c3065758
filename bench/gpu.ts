/**
 * `npm run bench:gpu`: rnnc's WGSL kernels on a real GPU, for a machine that has one.
 *
 * 1. Agreement: every example's WGSL host (at -O2 with the auto schedule, and at -O0 with a
 *    dispatch a phase and step) against its TypeScript module, forward and gradients.
 * 2. Speed: the benchmark's workloads (those of `npm run bench`) through the host's API, from
 *    host memory to host memory, beside PyTorch's cuDNN LSTM/GRU on the same GPU (when
 *    python3 has torch with CUDA), on the same weights and inputs, outputs checked first. The
 *    two are timed in turns, a round of a few calls each, and the ratio taken round by round.
 *
 * It refuses to time a CPU driver: an adapter whose description names SwiftShader or llvmpipe.
 * Results: a Markdown report on standard output, and JSON in the file named by --json.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import { compile } from 'rnnc';

interface Tensor {
  readonly data: Float32Array;
  readonly shape: readonly number[];
}
type Tensors = Record<string, Tensor>;
interface Results {
  loss?: number;
  outputs: Tensors;
  finalStates: Tensors;
  grads?: Record<string, Float32Array>;
  inputGrads?: Tensors;
  stateGrads?: Tensors;
}
interface CpuModule {
  inputSpecs: Record<string, { time: string | null; target: boolean; batch: boolean; shape: number[] }>;
  init(seed: number): Record<string, Float32Array>;
  forward(p: unknown, i: Tensors): Results;
  grad?(p: unknown, i: Tensors): Results;
  toTorch?(p: unknown): Record<string, Float32Array>;
}
interface GpuModel {
  adapter: string;
  forward(p: unknown, i: Tensors): Promise<Results>;
  grad?(p: unknown, i: Tensors): Promise<Results>;
  destroy(): void;
}

const root = new URL('..', import.meta.url).pathname.replace(/dist\/$/, '');
const work = join(root, '.test-output', 'gpu');
mkdirSync(work, { recursive: true });
const argv = process.argv.slice(2);
const jsonPath = argv.includes('--json') ? argv[argv.indexOf('--json') + 1] : undefined;
const rounds = argv.includes('--rounds') ? Number(argv[argv.indexOf('--rounds') + 1]) : 9;
const only = argv.includes('--only') ? argv[argv.indexOf('--only') + 1] : undefined;
// For trying this script where there is no GPU: time whatever adapter there is, without PyTorch.
const anyAdapter = argv.includes('--any-adapter');
const withTorch = !argv.includes('--no-torch');

let written = 0;
async function importModule<T>(code: string): Promise<T> {
  // Inside the project, so that a host's `import('webgpu')` finds the package.
  const path = join(work, `m${written++}.js`);
  writeFileSync(path, code);
  return (await import(pathToFileURL(path).href)) as T;
}

async function load(source: string, file: string, options: Record<string, unknown>) {
  const cpu = compile(source, { file, target: 'js', ...options });
  const gpu = compile(source, { file, target: 'wgsl', host: 'js', ...options });
  const module = await importModule<CpuModule>(cpu.files[cpu.main]);
  const host = await importModule<{ createModel(): Promise<GpuModel> }>(gpu.files[gpu.main]);
  return { module, model: await host.createModel() };
}

function inputsOf(mod: CpuModule, T: number, B: number, seed: number): Tensors {
  return Object.fromEntries(
    Object.entries(mod.inputSpecs).map(([name, spec], k) => {
      const shape = [...(spec.time !== null ? [T] : []), ...(spec.batch ? [B] : []), ...spec.shape];
      const size = shape.reduce((a, b) => a * b, 1);
      const data = Float32Array.from({ length: size }, (_, i) =>
        spec.target ? Math.cos(i * 0.37 + seed) / 2 : Math.sin(i * 0.61 + k + seed),
      );
      return [name, { data, shape }];
    }),
  );
}

function worst(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let scale = 1e-3;
  for (let k = 0; k < b.length; k++) scale = Math.max(scale, Math.abs(b[k]));
  let err = 0;
  for (let k = 0; k < b.length; k++) err = Math.max(err, Math.abs(a[k] - b[k]) / scale);
  return err;
}

function worstOf(got: Results, want: Results): number {
  let err = 0;
  for (const group of ['outputs', 'finalStates', 'inputGrads', 'stateGrads'] as const)
    for (const [k, t] of Object.entries(want[group] ?? {}))
      err = Math.max(err, worst(got[group]?.[k]?.data ?? [], t.data));
  for (const [k, g] of Object.entries(want.grads ?? {})) err = Math.max(err, worst(got.grads?.[k] ?? [], g));
  if (want.loss !== undefined)
    err = Math.max(err, Math.abs((got.loss ?? NaN) - want.loss) / Math.max(1, Math.abs(want.loss)));
  return err;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1];

/** PyTorch in a child process, driven a line of JSON at a time (bench/torch_peer.py). */
function torchPeer(): { ask(message: object): Promise<Record<string, unknown>>; close(): void } | undefined {
  if (!withTorch) return undefined;
  const python = process.env.PYTHON ?? 'python3';
  const child = spawn(python, [join(root, 'bench', 'torch_peer.py')], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout });
  const waiting: ((line: string) => void)[] = [];
  lines.on('line', (line) => waiting.shift()?.(line));
  child.on('exit', (code) => {
    for (const answer of waiting.splice(0))
      answer(JSON.stringify({ error: `the PyTorch process ended (status ${code})` }));
  });
  return {
    ask: (message) =>
      new Promise((resolve, reject) => {
        waiting.push((line) => {
          const answer = JSON.parse(line) as Record<string, unknown>;
          if (answer.error) reject(new Error(`PyTorch: ${String(answer.error)}`));
          else resolve(answer);
        });
        child.stdin.write(`${JSON.stringify(message)}\n`);
      }),
    close: () => child.stdin.end(),
  };
}

const report: Record<string, unknown> = {};
const lines: string[] = [];

// 1. Agreement of every example.
const examples = join(root, 'examples');
const { readdirSync } = await import('node:fs');
const agreement: { example: string; config: string; error: number }[] = [];
let adapter = '';
for (const file of readdirSync(examples)
  .filter((f) => f.endsWith('.rnn') && (only === undefined || f.startsWith(only.split('-')[0])))
  .sort()) {
  const source = readFileSync(join(examples, file), 'utf8');
  const names = [...source.matchAll(/^model (\w+)/gm)].map((m) => m[1]);
  for (const model of names.length > 1 ? names : [undefined]) {
    for (const [level, schedule] of [
      [2, 'auto'],
      [0, 'steps'],
    ] as const) {
      const { module, model: gpu } = await load(source, `examples/${file}`, {
        level,
        schedule,
        cpu: 'scalar',
        ...(model ? { model } : {}),
      });
      adapter = gpu.adapter;
      if (/swiftshader|llvmpipe/i.test(adapter) && !anyAdapter) throw new Error(`not a GPU: ${adapter}`);
      try {
        const params = module.init(7);
        const inputs = inputsOf(module, 6, 3, 1);
        const want = module.grad ? module.grad(params, inputs) : module.forward(params, inputs);
        const got = module.grad && gpu.grad ? await gpu.grad(params, inputs) : await gpu.forward(params, inputs);
        agreement.push({
          example: `${file}${model ? `:${model}` : ''}`,
          config: `-O${level} ${schedule}`,
          error: worstOf(got, want),
        });
      } finally {
        gpu.destroy();
      }
    }
  }
}
report.adapter = adapter;
report.agreement = agreement;
lines.push(
  `## rnnc WGSL on ${adapter}`,
  '',
  '### Agreement with the TypeScript module (largest relative error, f32)',
  '',
);
lines.push('| example | -O2 auto | -O0 steps |', '|---|---:|---:|');
for (const example of [...new Set(agreement.map((a) => a.example))]) {
  const cell = (config: string) =>
    agreement.find((a) => a.example === example && a.config === config)?.error.toExponential(1);
  lines.push(`| ${example} | ${cell('-O2 auto')} | ${cell('-O0 steps')} |`);
}
console.log(lines.join('\n'));
lines.length = 0;

// 2. Speed against PyTorch (cuDNN) on the same GPU.
const workloads = [
  { name: 'lstm-small-latency', cell: 'lstm', I: 64, H: 128, B: 1, T: 100, backward: false },
  { name: 'lstm-medium', cell: 'lstm', I: 256, H: 256, B: 16, T: 50, backward: true },
  { name: 'gru-medium', cell: 'gru', I: 256, H: 256, B: 16, T: 50, backward: true },
  { name: 'lstm-large', cell: 'lstm', I: 512, H: 512, B: 32, T: 25, backward: false },
  { name: 'lstm-large-batch', cell: 'lstm', I: 512, H: 512, B: 256, T: 50, backward: true },
] as const;
const peer = torchPeer();
const speed: Record<string, unknown>[] = [];
lines.push('', '### Speed: host memory to host memory, median of rounds (ms), rnnc and PyTorch in turns', '');
lines.push(
  '| workload | function | rnnc WGSL | PyTorch cuDNN | PyTorch on the device alone | rnnc ÷ PyTorch (rounds) | TypeScript module, 1 thread |',
  '|---|---|---:|---:|---:|---|---:|',
);
for (const w of workloads.filter((w) => only === undefined || w.name === only)) {
  const source = readFileSync(join(examples, `${w.cell}.rnn`), 'utf8');
  const { module, model } = await load(source, `examples/${w.cell}.rnn`, { sizes: { I: w.I, H: w.H } });
  try {
    const params = module.init(3);
    const inputs = inputsOf(module, w.T, w.B, 2);
    const torchWeights = module.toTorch?.(params) ?? {};
    const fn = (name: 'forward' | 'grad') =>
      name === 'forward' ? model.forward : (model.grad as NonNullable<GpuModel['grad']>);
    for (const name of w.backward ? (['forward', 'grad'] as const) : (['forward'] as const)) {
      const want =
        name === 'forward'
          ? module.forward(params, inputs)
          : (module.grad as NonNullable<CpuModule['grad']>)(params, inputs);
      const got = await fn(name).call(model, params, inputs);
      const error = worstOf(got, want);
      if (error > 1e-2) throw new Error(`${w.name} ${name}: rnnc WGSL differs from the TypeScript module by ${error}`);
      // The TypeScript module on one CPU thread, for scale.
      let cpu = Infinity;
      for (let k = 0; k < (w.B * w.T > 5000 ? 1 : 3); k++) {
        const start = performance.now();
        if (name === 'forward') module.forward(params, inputs);
        else module.grad?.(params, inputs);
        cpu = Math.min(cpu, performance.now() - start);
      }
      const weightsPath = join(work, `${w.name}.json`);
      writeFileSync(
        weightsPath,
        JSON.stringify({
          weights: Object.fromEntries(Object.entries(torchWeights).map(([k, v]) => [k, Array.from(v)])),
          x: Array.from(inputs.x.data),
          r: Array.from(inputs['d:output'].data),
        }),
      );
      let torch: { agree: number } | undefined;
      if (peer) {
        torch = (await peer.ask({
          cmd: 'setup',
          cell: w.cell,
          I: w.I,
          H: w.H,
          B: w.B,
          T: w.T,
          backward: name === 'grad',
          data: weightsPath,
          expected: Array.from(want.outputs.output.data.subarray(0, 4096)),
        })) as { agree: number };
        if (torch.agree > 1e-2) throw new Error(`${w.name}: PyTorch's output differs from rnnc's by ${torch.agree}`);
      }
      const calls = w.B * w.T > 5000 ? 3 : 10;
      const mine: number[] = [];
      const theirs: number[] = [];
      const device: number[] = [];
      const ratios: number[] = [];
      for (let k = 0; k < 2; k++) await fn(name).call(model, params, inputs); // warm-up
      for (let round = 0; round < rounds; round++) {
        const times: number[] = [];
        for (let c = 0; c < calls; c++) {
          const start = performance.now();
          await fn(name).call(model, params, inputs);
          times.push(performance.now() - start);
        }
        mine.push(median(times));
        if (peer) {
          const answer = (await peer.ask({ cmd: 'time', calls })) as { host: number; device: number };
          theirs.push(answer.host);
          device.push(answer.device);
          ratios.push(median(times) / answer.host);
        }
      }
      const row = {
        workload: w.name,
        function: name === 'forward' ? 'forward' : 'forward+backward',
        rnnc: median(mine),
        torch: peer ? median(theirs) : null,
        torchDevice: peer ? median(device) : null,
        ratio: peer ? median(ratios) : null,
        ratioRange: peer ? [Math.min(...ratios), Math.max(...ratios)] : null,
        typescript: cpu,
        agreement: error,
        torchAgreement: torch?.agree ?? null,
      };
      speed.push(row);
      const f = (v: number | null) => (v === null ? '–' : v.toFixed(2));
      lines.push(
        `| ${w.name} (I=${w.I}, H=${w.H}, B=${w.B}, T=${w.T}) | ${row.function} | ${f(row.rnnc)} | ${f(row.torch)} | ${f(row.torchDevice)} | ${row.ratio === null ? '–' : `${row.ratio.toFixed(2)} (${(row.ratioRange as number[]).map((r) => r.toFixed(2)).join('–')})`} | ${f(cpu)} |`,
      );
      process.stderr.write(`${lines[lines.length - 1]}\n`);
    }
  } finally {
    model.destroy();
  }
}
peer?.close();
report.speed = speed;
console.log(lines.join('\n'));
if (jsonPath) writeFileSync(jsonPath, `${JSON.stringify(report, null, 2)}\n`);
process.exit(0);
