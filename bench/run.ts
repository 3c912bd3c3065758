/**
 * `npm run bench`: rnnc's generated TypeScript and WGSL against a naive
 * hand-written RNN, TensorFlow.js (cpu and wasm backends) and onnxruntime
 * (web: wasm and WebGPU; node) on the same weights and inputs; onnxruntime runs the
 * ONNX files `rnnc export` writes of each workload (the LSTM/GRU operator form, and
 * on onnxruntime-node the Scan form too). Every system's outputs are checked against rnnc's before anything
 * is timed; times are medians of at least five runs after a warm-up.
 *
 *   npm run bench                 every workload and system
 *   npm run bench -- --quick      three runs each, for a first look
 *   npm run bench -- --only lstm-medium
 *   npm run bench -- --only attention  the attention workload (bench/attention.ts)
 *   npm run bench -- --only ragged     the variable-length and token workloads (bench/ragged.ts)
 *   npm run bench -- --only training   training against PyTorch on the CPU (bench/training.ts)
 *   npm run bench -- --only threads    threads against one thread, quiet and busy (bench/threads.ts)
 *   npm run bench -- --only kernels    the product kernels inside each workload against the SIMD ceiling (bench/kernels.ts)
 *   npm run bench -- --rnnc-only   rnnc alone, to see what a change to the generator does
 *
 * Each peer runs in a process of its own, after rnnc, so a machine whose
 * speed drifts (a virtual machine's neighbours) skews the ratios of the
 * main table. The pairs the targets name are therefore timed again head to
 * head: rnnc and the peer in turns, a round of about 150 ms each, and the
 * ratio taken round by round.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { compileToWgsl } from '../src/backends/wgsl/index.js';
import type { KernelOptions } from '../src/backends/wgsl/kernels.js';
import { createGpuRunner, openDevice } from '../src/backends/wgsl/runtime.js';
import { compileSource, selectModel } from '../src/frontend/program.js';
import { exportOnnx } from '../src/api/export.js';
import { chooseModel, parse } from '../src/api/program.js';
import { writeSafetensors } from '../src/weights/safetensors.js';
import { naiveGru, naiveLstm } from './naive.js';
import { loadRnnc } from './rnnc.js';
import { tfjsRnn, useBackend } from './tfjs.js';
import { agree, median as medianOf, middle, pause, settle } from './timing.js';
import { benchAttention } from './attention.js';
import { benchRagged } from './ragged.js';
import { benchKernels } from './kernels.js';
import { benchThreads } from './threads.js';
import { benchTraining } from './training.js';

interface Workload {
  readonly name: string;
  readonly cell: 'lstm' | 'gru';
  readonly I: number;
  readonly H: number;
  readonly B: number;
  readonly T: number;
  readonly backward: boolean;
}

const workloads: Workload[] = [
  { name: 'lstm-small-latency', cell: 'lstm', I: 64, H: 128, B: 1, T: 100, backward: false },
  { name: 'lstm-medium', cell: 'lstm', I: 256, H: 256, B: 16, T: 50, backward: true },
  { name: 'gru-medium', cell: 'gru', I: 256, H: 256, B: 16, T: 50, backward: true },
  { name: 'lstm-large', cell: 'lstm', I: 512, H: 512, B: 32, T: 25, backward: false },
];

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
const rnncOnly = args.includes('--rnnc-only');
const runs = quick ? 3 : 5;
const median = (run: () => unknown | Promise<unknown>) => medianOf(run, runs);

/** The benchmark's params as a checkpoint (safetensors) for `rnnc export`. */
function checkpointOf(file: string, sizes: Record<string, number>, params: Record<string, Float32Array>): Uint8Array {
  const { model } = chooseModel(parse(readFileSync(file, 'utf8'), { file }), { sizes });
  const shape = (name: string) => model.params.find((p) => p.name === name)?.shape.map((d) => d.evaluate(sizes)) ?? [];
  return writeSafetensors(new Map(Object.entries(params).map(([name, data]) => [name, { shape: shape(name), data }])));
}

function modelFile(cell: 'lstm' | 'gru'): string {
  return new URL(`../../bench/models/${cell}.rnn`, import.meta.url).pathname;
}

/** Forward FLOPs: T·B·2·G·H·(I+H); forward+backward counts three times that. */
function flops(w: Workload, backward: boolean): number {
  const gates = w.cell === 'lstm' ? 4 : 3;
  return (backward ? 3 : 1) * w.T * w.B * 2 * gates * w.H * (w.I + w.H);
}

interface Row {
  readonly workload: string;
  readonly pass: 'forward' | 'forward+backward';
  readonly system: string;
  readonly ms: number;
  readonly gflops: number;
}

const rows: Row[] = [];
const ablation: Row[] = [];

/** rnnc against one peer, timed in alternating rounds. */
interface Duel {
  readonly workload: string;
  readonly system: string;
  readonly peer: string;
  readonly ms: number;
  readonly peerMs: number;
  /** peer time / rnnc time, round by round, sorted. */
  readonly ratios: readonly number[];
}
const duels: Duel[] = [];
const rounds = quick ? 5 : 11;
const roundMs = 150;

/** A peer process in `rounds` mode: `turn(n)` runs n calls there and resolves to their mean time. */
async function startPeer(job: string, backend: string, threads: number, form: string) {
  const script = new URL('./ort.js', import.meta.url).pathname;
  const child = spawn(process.execPath, [script, job, backend, String(threads), form, 'rounds'], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const reply = async () => {
    const next = await lines.next();
    const result = JSON.parse(next.done ? '{}' : next.value) as { ready?: boolean; ms?: number; error?: string };
    if (result.error !== undefined || (result.ready === undefined && result.ms === undefined))
      throw new Error(`onnxruntime ${backend}: ${result.error ?? 'no result'}`);
    return result.ms ?? 0;
  };
  await reply();
  return {
    turn: (calls: number) => {
      child.stdin.write(`${calls}\n`);
      return reply();
    },
    stop: () => child.stdin.end(),
  };
}

/**
 * rnnc's `run` and a peer in turns: `rounds` rounds, each about `roundMs`
 * of calls on each side (from the times of the main table), who goes first
 * alternating, with a pause between turns so that neither side's idle
 * threads still spin during the other's.
 */
async function duel(
  w: Workload,
  system: string,
  run: () => unknown,
  peer: { system: string; backend: string; threads: number; form: string },
  job: string,
): Promise<void> {
  const known = (name: string) => rows.find((r) => r.workload === w.name && r.pass === 'forward' && r.system === name);
  const calls = (name: string) => Math.max(1, Math.round(roundMs / (known(name)?.ms ?? roundMs)));
  const [mine, theirs] = [calls(system), calls(peer.system)];
  const remote = await startPeer(job, peer.backend, peer.threads, peer.form);
  const local = async () => {
    const t0 = performance.now();
    for (let k = 0; k < mine; k++) await run();
    return (performance.now() - t0) / mine;
  };
  const times: number[] = [];
  const peerTimes: number[] = [];
  for (let r = 0; r < rounds; r++) {
    if (r % 2 === 0) {
      times.push(await local());
      await pause(30);
      peerTimes.push(await remote.turn(theirs));
    } else {
      peerTimes.push(await remote.turn(theirs));
      await pause(30);
      times.push(await local());
    }
    await pause(30);
  }
  remote.stop();
  duels.push({
    workload: w.name,
    system,
    peer: peer.system,
    ms: middle(times),
    peerMs: middle(peerTimes),
    ratios: peerTimes.map((p, r) => p / times[r]).sort((a, b) => a - b),
  });
  console.error(`  ${w.name}: ${system} against ${peer.system}, in turns, done`);
}
/** The WGSL kernels under each schedule, forward, against the default (auto). */
const schedules: Row[] = [];

async function bench(w: Workload): Promise<void> {
  const file = modelFile(w.cell);
  const sizes = { I: w.I, H: w.H };
  const { module: reference } = await loadRnnc(file, sizes, 2);
  const params = reference.init(1);
  // The cell's own param names (W_ii, …), as the hand-written RNN and the tfjs mapping use them.
  const cellParams = Object.fromEntries(Object.entries(params).map(([name, v]) => [name.replace(/^l\./, ''), v]));
  const x = new Float32Array(w.T * w.B * w.I);
  let state = 12345;
  for (let k = 0; k < x.length; k++) x[k] = ((state = (state * 1103515245 + 12345) % 2147483648) / 2147483648) * 2 - 1;
  const inputs = { x: { data: x, shape: [w.T, w.B, w.I] } };
  const expected = reference.forward(params, inputs).outputs.l.data;
  const expectedLoss = reference.grad(params, inputs).loss;
  const record = (target: Row[], system: string, backward: boolean, ms: number) =>
    target.push({
      workload: w.name,
      pass: backward ? 'forward+backward' : 'forward',
      system,
      ms,
      gflops: flops(w, backward) / ms / 1e6,
    });

  const variants: { name: string; level: 0 | 1 | 2; disable?: string[]; cpu?: 'scalar'; threads?: number }[] = [
    { name: 'rnnc -O2', level: 2 },
    { name: 'rnnc -O2, 2 threads', level: 2, threads: 2 },
    { name: 'rnnc -O2 --cpu scalar', level: 2, cpu: 'scalar' },
    { name: 'rnnc -O1', level: 1 },
    { name: 'rnnc -O0', level: 0 },
    { name: 'rnnc -O2 --no-gate-fusion', level: 2, disable: ['gate-fusion'] },
    { name: 'rnnc -O2 --no-hoist', level: 2, disable: ['hoist'] },
    { name: 'rnnc -O2 --no-batch-gradients', level: 2, disable: ['batch-gradients', 'gradient-fusion'] },
    { name: 'rnnc -O2 --no-elementwise-fusion', level: 2, disable: ['elementwise-fusion'] },
  ];
  for (const v of variants) {
    const { module } = await loadRnnc(file, sizes, v.level, v.disable, v.cpu);
    // Weights stacked once, as the peers take theirs once when a session or layer is made.
    const packed = module.pack(params);
    if ((await module.setThreads(v.threads ?? 1)) !== (v.threads ?? 1)) throw new Error(`${v.name}: no threads`);
    agree(v.name, module.forward(packed, inputs).outputs.l.data, expected);
    const target = ['rnnc -O2', 'rnnc -O2, 2 threads', 'rnnc -O2 --cpu scalar', 'rnnc -O0'].includes(v.name)
      ? rows
      : ablation;
    record(target, v.name, false, await median(() => module.forward(packed, inputs)));
    if (target === rows) record(ablation, v.name, false, target[target.length - 1].ms);
    if (w.backward) {
      const loss = module.grad(packed, inputs).loss;
      agree(`${v.name} (loss)`, [loss], [expectedLoss]);
      record(target, v.name, true, await median(() => module.grad(packed, inputs)));
      if (target === rows) record(ablation, v.name, true, target[target.length - 1].ms);
    }
    // Stops the workers, which would otherwise spin beside the next system.
    await module.setThreads(1);
    console.error(`  ${w.name}: ${v.name} done`);
  }

  await benchWgsl(w, file, sizes, { params, inputs, expected, expectedLoss }, record);

  if (rnncOnly) return;
  const naive = w.cell === 'lstm' ? naiveLstm : naiveGru;
  agree('naive TypeScript', naive(cellParams, x, w.T, w.B, w.I, w.H), expected);
  record(rows, 'naive TypeScript', false, await median(() => naive(cellParams, x, w.T, w.B, w.I, w.H)));

  for (const backend of ['cpu', 'wasm'] as const) {
    await useBackend(backend);
    const rnn = tfjsRnn(w.cell, cellParams, x, w.T, w.B, w.I, w.H);
    agree(`tfjs ${backend}`, await rnn.forward(), expected);
    record(rows, `tfjs ${backend}`, false, await median(() => rnn.forward()));
    if (w.backward) {
      agree(`tfjs ${backend} (loss)`, [await rnn.forwardBackward()], [expectedLoss]);
      record(rows, `tfjs ${backend}`, true, await median(() => rnn.forwardBackward()));
    }
    rnn.dispose();
    console.error(`  ${w.name}: tfjs ${backend} done`);
  }

  // onnxruntime, forward only, each peer in a process of its own (a thread count holds for a whole process),
  // on the ONNX files rnnc export makes of the workload with the same weights: the ONNX LSTM/GRU
  // operator form and the Scan form.
  const folder = mkdtempSync(join(tmpdir(), 'rnnc-ort-'));
  const job = join(folder, 'job.json');
  const plain = (a: Float32Array) => Array.from(a);
  const models = { operator: join(folder, 'operator.onnx'), scan: join(folder, 'scan.onnx') };
  for (const form of ['operator', 'scan'] as const) {
    const exported = exportOnnx(readFileSync(file, 'utf8'), {
      file,
      sizes,
      scanOnly: form === 'scan',
      checkpoint: checkpointOf(file, sizes, params),
    });
    const layers = exported.layers.map((l) => l.form).join();
    if (layers !== (form === 'scan' ? 'Scan' : w.cell.toUpperCase()))
      throw new Error(`the ${form} export of ${w.name} has layers ${layers}`);
    writeFileSync(models[form], exported.bytes);
  }
  writeFileSync(
    job,
    JSON.stringify({
      T: w.T,
      B: w.B,
      I: w.I,
      models,
      input: 'x',
      output: 'l',
      x: plain(x),
      expected: plain(expected),
      runs,
    }),
  );
  const peers = [
    { system: 'onnxruntime-web wasm, 1 thread', backend: 'web', threads: 1, form: 'operator' },
    { system: 'onnxruntime-web wasm, 2 threads', backend: 'web', threads: 2, form: 'operator' },
    { system: 'onnxruntime-node, 1 thread', backend: 'node', threads: 1, form: 'operator' },
    { system: 'onnxruntime-web webgpu', backend: 'webgpu', threads: 1, form: 'operator' },
    { system: 'onnxruntime-node, 1 thread, Scan', backend: 'node', threads: 1, form: 'scan' },
    { system: 'onnxruntime-node, 2 threads', backend: 'node', threads: 2, form: 'operator' },
  ];
  for (const peer of peers) {
    const script = new URL('./ort.js', import.meta.url).pathname;
    const reply = execFileSync(process.execPath, [script, job, peer.backend, String(peer.threads), peer.form], {
      encoding: 'utf8',
    });
    const result = JSON.parse(reply.trim().split('\n').pop() ?? '{}') as { ms?: number; error?: string };
    if (result.ms === undefined) throw new Error(`${peer.system}: ${result.error ?? 'no result'}`);
    record(rows, peer.system, false, result.ms);
    console.error(`  ${w.name}: ${peer.system} done`);
  }

  // The pairs the targets name, head to head (their outputs were checked above).
  const packed = reference.pack(params);
  await duel(w, 'rnnc -O2', () => reference.forward(packed, inputs), peers[0], job);
  await duel(w, 'rnnc -O2', () => reference.forward(packed, inputs), peers[2], job);
  await duel(w, 'rnnc -O2', () => reference.forward(packed, inputs), peers[4], job);
  await reference.setThreads(2);
  settle(() => reference.forward(packed, inputs));
  await duel(w, 'rnnc -O2, 2 threads', () => reference.forward(packed, inputs), peers[1], job);
  await duel(w, 'rnnc -O2, 2 threads', () => reference.forward(packed, inputs), peers[5], job);
  await reference.setThreads(1);
  const gpu = await wgslRunner(file, sizes);
  const args = { params, inputs, initialStates: {}, B: w.B, lengths: { T: w.T } };
  await duel(w, 'rnnc wgsl -O2', () => gpu.runner.run(gpu.program.forward, args), peers[3], job);
  gpu.runner.destroy();
}

/** rnnc's WGSL program for the file (-O2, the auto schedule unless one is given) on the WebGPU adapter there is. */
async function wgslRunner(
  file: string,
  sizes: Record<string, number>,
  schedule?: 'steps' | 'hybrid' | 'persistent',
  kernels?: Partial<KernelOptions>,
) {
  const program = compileSource(readFileSync(file, 'utf8'), file).program;
  if (!program) throw new Error(`${file} does not compile`);
  const wgsl = compileToWgsl(selectModel(program), {
    level: 2,
    sizes,
    source: { file, text: '' },
    schedule,
    ...(kernels ? { kernels } : {}),
  });
  const opened = await (device ??= openDevice());
  adapter = opened.adapter;
  return {
    program: wgsl.program,
    schedule: wgsl.schedule,
    runner: await createGpuRunner(wgsl.program, opened.device, opened.adapter),
  };
}

let adapter = 'none';
let device: ReturnType<typeof openDevice> | undefined;

/** rnnc's WGSL kernels (the auto schedule) on the WebGPU adapter there is: a GPU, else SwiftShader. */
async function benchWgsl(
  w: Workload,
  file: string,
  sizes: Record<string, number>,
  reference: {
    params: Record<string, Float32Array>;
    inputs: { x: { data: Float32Array; shape: number[] } };
    expected: Float32Array;
    expectedLoss: number;
  },
  record: (target: Row[], system: string, backward: boolean, ms: number) => void,
): Promise<void> {
  const { program, schedule: chosen, runner } = await wgslRunner(file, sizes);
  const args = { params: reference.params, inputs: reference.inputs, initialStates: {}, B: w.B, lengths: { T: w.T } };
  const system = 'rnnc wgsl -O2';
  const forward = await runner.run(program.forward, args);
  agree(system, forward.outputs.l.data, reference.expected);
  record(rows, system, false, await median(() => runner.run(program.forward, args)));
  if (w.backward && program.grad) {
    const grad = program.grad;
    agree(`${system} (loss)`, (await runner.run(grad, args)).loss.loss.data, [reference.expectedLoss]);
    record(rows, system, true, await median(() => runner.run(grad, args)));
  }
  runner.destroy();
  console.error(`  ${w.name}: ${system} done (${chosen})`);
  const variants: { schedule?: 'steps' | 'hybrid' | 'persistent'; kernels?: Partial<KernelOptions>; flag: string }[] = [
    ...(['steps', 'hybrid', 'persistent'] as const).map((schedule) => ({ schedule, flag: `--schedule ${schedule}` })),
    // What the quad-shared GEMMs buy: every thread loading its own values of W.
    { schedule: undefined, kernels: { quads: false }, flag: '--no-quads' },
    // What computing the gates in the recurrent product's threads buys: the product's sums stored, the gates a phase of their own.
    { schedule: undefined, kernels: { fusedGates: false }, flag: '--no-fused-gates' },
  ];
  for (const { schedule, kernels, flag } of variants) {
    const variant = await wgslRunner(file, sizes, schedule, kernels);
    const name = `${system} ${flag}`;
    agree(name, (await variant.runner.run(variant.program.forward, args)).outputs.l.data, reference.expected);
    record(schedules, name, false, await median(() => variant.runner.run(variant.program.forward, args)));
    variant.runner.destroy();
  }
}

function table(source: Row[], peers: string[]): string {
  const lines = [
    `| workload | pass | system | median ms | GFLOP/s | ${peers.map((p) => `× vs ${p}`).join(' | ')} |`,
    `|---|---|---|---:|---:|${peers.map(() => '---:').join('|')}|`,
  ];
  for (const r of source) {
    const ratios = peers.map((p) => {
      const peer = rows.find((x) => x.workload === r.workload && x.pass === r.pass && x.system === p);
      return peer ? (peer.ms / r.ms).toFixed(2) : '–';
    });
    lines.push(
      `| ${r.workload} | ${r.pass} | ${r.system} | ${r.ms.toFixed(1)} | ${r.gflops.toFixed(2)} | ${ratios.join(' | ')} |`,
    );
  }
  return lines.join('\n');
}

for (const w of workloads) {
  if (only && w.name !== only) continue;
  console.error(`${w.name}: I=${w.I} H=${w.H} B=${w.B} T=${w.T}`);
  await bench(w);
}
const attention = !only || only === 'attention' ? await benchAttention(runs, rounds) : undefined;
const ragged = !only || only === 'ragged' ? await benchRagged(runs, rounds) : undefined;
const training = !only || only === 'training' ? await benchTraining(rounds, quick) : undefined;
const threads = !only || only === 'threads' ? await benchThreads(rounds, quick) : undefined;
const kernelRates = !only || only === 'kernels' ? await benchKernels(quick) : undefined;
console.log(
  `Machine: ${cpus()[0]?.model ?? 'unknown cpu'}, ${cpus().length} cores, Node ${process.version}; medians of at least ${runs} runs after a warm-up of at least 3 runs and 300 ms; f32.\n`,
);
if (rows.length > 0) {
  console.log(
    table(rows, [
      'tfjs wasm',
      'onnxruntime-web wasm, 1 thread',
      'onnxruntime-web wasm, 2 threads',
      'onnxruntime-node, 1 thread',
      'onnxruntime-node, 1 thread, Scan',
      'onnxruntime-node, 2 threads',
      'naive TypeScript',
    ]),
  );
  console.log(
    `\nThe WGSL kernels on WebGPU (${adapter}), against onnxruntime-web's WebGPU backend on the same adapter and rnnc's TypeScript module:\n`,
  );
  console.log(
    table(
      rows.filter((r) => r.system.includes('wgsl') || r.system.includes('webgpu')),
      ['onnxruntime-web webgpu', 'rnnc -O2', 'rnnc -O2 --cpu scalar'],
    ),
  );
  console.log(
    `\nHead to head, forward: rnnc and the peer in turns, ${rounds} rounds of about ${roundMs} ms each (× = the peer's time / rnnc's, round by round):\n`,
  );
  console.log(
    [
      '| workload | system | peer | median ms | peer median ms | median × | × range |',
      '|---|---|---|---:|---:|---:|---|',
      ...duels.map(
        (d) =>
          `| ${d.workload} | ${d.system} | ${d.peer} | ${d.ms.toFixed(2)} | ${d.peerMs.toFixed(2)} | ${middle(d.ratios).toFixed(2)} | ${d.ratios[0].toFixed(2)}–${d.ratios[d.ratios.length - 1].toFixed(2)} |`,
      ),
    ].join('\n'),
  );
  console.log(
    '\nThe WGSL schedules, and the kernels without quads or fused gates, forward (× vs the default, auto):\n',
  );
  console.log(table(schedules, ['rnnc wgsl -O2']));
  console.log('\nWhat each pass buys (rnnc only; × vs -O0):\n');
  console.log(table(ablation, ['rnnc -O0']));
}
if (attention) console.log(`\n${attention}`);
if (ragged) console.log(`\n${ragged}`);
if (training) console.log(`\n${training}`);
if (threads) console.log(`\n${threads}`);
if (kernelRates) console.log(`\n${kernelRates}`);
