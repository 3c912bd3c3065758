/**
 * Training on the CPU against PyTorch: `npm run bench -- --only training`.
 *
 * rnnc's generated module (-O2, f32, WebAssembly SIMD) and PyTorch's nn.LSTM / nn.GRU (float32,
 * its CPU kernels: OpenBLAS for Debian's python3-torch) compute the same loss, sum of every h_t,
 * and the gradients of every weight and of the input, or take one Adam step. PyTorch first
 * checks that its loss and gradients agree with rnnc's (bench/torch_training.py); then the two
 * are timed in turns (bench/peer.ts), each on the same number of threads. The head-to-head
 * table has the workloads of the CPU-speed targets; the scaling table varies H, T and B one at a
 * time around lstm-medium, with GFLOP/s for both.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simdCeiling } from './ceiling.js';
import { inTurns, startTorch } from './peer.js';
import { loadRnnc, type Module, type Tensor } from './rnnc.js';
import { middle, settle, uniform } from './timing.js';

interface TrainingModule extends Module {
  grad(
    params: Record<string, Float32Array>,
    inputs: { x: Tensor },
  ): { loss: number; grads: Record<string, Float32Array>; inputGrads: Record<string, Tensor> };
  optimizer(options: { method: 'adam'; learningRate: number }): unknown;
  trainStep(params: Record<string, Float32Array>, opt: unknown, inputs: { x: Tensor }): unknown;
}

interface Shape {
  readonly cell: 'lstm' | 'gru';
  readonly I: number;
  readonly H: number;
  readonly B: number;
  readonly T: number;
}

/** PyTorch's gate order, and the names of the bench cells' params in it. */
const gateNames = {
  lstm: { ih: ['W_ii', 'W_if', 'W_ig', 'W_io'], hh: ['W_hi', 'W_hf', 'W_hg', 'W_ho'], b: ['i', 'f', 'g', 'o'] },
  gru: { ih: ['W_ir', 'W_iz', 'W_in'], hh: ['W_hr', 'W_hz', 'W_hn'], b: ['r', 'z', 'n'] },
};

/** The cell's params (or their gradients) as PyTorch's state dict: each gate's rows stacked. */
function stateDict(cell: Shape['cell'], values: Record<string, Float32Array>): Record<string, Float32Array> {
  const names = gateNames[cell];
  const byName = (name: string) => {
    const key = Object.keys(values).find((k) => k === name || k.endsWith(`.${name}`));
    if (!key) throw new Error(`the bench ${cell} has no param ${name}`);
    return values[key];
  };
  const stack = (list: readonly string[]) => {
    const parts = list.map(byName);
    const out = new Float32Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of parts) {
      out.set(p, at);
      at += p.length;
    }
    return out;
  };
  return {
    weight_ih_l0: stack(names.ih),
    weight_hh_l0: stack(names.hh),
    bias_ih_l0: stack(names.b.map((g) => `b_i${g}`)),
    bias_hh_l0: stack(names.b.map((g) => `b_h${g}`)),
  };
}

const folder = mkdtempSync(join(tmpdir(), 'rnnc-bench-training-'));
let jobs = 0;

/** The job file PyTorch reads: sizes and threads as JSON, the arrays in a float32 file beside it. */
function writeJob(
  shape: Shape,
  threads: number,
  module: TrainingModule,
  params: Record<string, Float32Array>,
  x: Tensor,
) {
  const result = module.grad(params, { x });
  const arrays: Record<string, Float32Array> = {
    ...stateDict(shape.cell, params),
    x: x.data,
    ...Object.fromEntries(Object.entries(stateDict(shape.cell, result.grads)).map(([k, v]) => [`d:${k}`, v])),
    'd:x': result.inputGrads.x.data,
  };
  const offsets: Record<string, [number, number]> = {};
  let total = 0;
  for (const [name, a] of Object.entries(arrays)) {
    offsets[name] = [total, a.length];
    total += a.length;
  }
  const floats = new Float32Array(total);
  for (const [name, a] of Object.entries(arrays)) floats.set(a, offsets[name][0]);
  const base = join(folder, `job${jobs++}`);
  writeFileSync(`${base}.bin`, floats);
  writeFileSync(`${base}.json`, JSON.stringify({ ...shape, threads, loss: result.loss, arrays: offsets }));
  return `${base}.json`;
}

/** Forward FLOPs T·B·2·G·H·(I+H); forward+backward three times that (an Adam step adds little). */
function flops(s: Shape): number {
  return 3 * s.T * s.B * 2 * (s.cell === 'lstm' ? 4 : 3) * s.H * (s.I + s.H);
}

interface Duel {
  readonly name: string;
  readonly shape: Shape;
  readonly kind: 'grad' | 'adam';
  readonly threads: number;
  readonly rnnc: number;
  readonly torch: number;
  readonly ratios: readonly number[];
}

function modelFile(cell: Shape['cell']): string {
  return new URL(`../../bench/models/${cell === 'lstm' ? 'lstm' : 'gru_torch'}.rnn`, import.meta.url).pathname;
}

/** rnnc and PyTorch in turns on one shape: each kind of call at each thread count. */
async function duel(
  name: string,
  shape: Shape,
  kinds: readonly ('grad' | 'adam')[],
  threadCounts: readonly number[],
  rounds: number,
): Promise<Duel[] | string> {
  const { module: loaded } = await loadRnnc(modelFile(shape.cell), { I: shape.I, H: shape.H }, 2);
  const module = loaded as TrainingModule;
  const params = module.init(1);
  const x = { data: uniform(shape.T * shape.B * shape.I, 7), shape: [shape.T, shape.B, shape.I] };
  const duels: Duel[] = [];
  for (const threads of threadCounts) {
    if ((await module.setThreads(threads)) !== threads) return `rnnc has no ${threads} threads here`;
    const torch = await startTorch('torch_training.py', writeJob(shape, threads, module, params, x));
    if (typeof torch === 'string') return torch;
    try {
      for (const kind of kinds) {
        const own = { ...params };
        for (const [k, v] of Object.entries(own)) own[k] = v.slice();
        const opt = module.optimizer({ method: 'adam', learningRate: 1e-3 });
        const call = kind === 'grad' ? () => module.grad(own, { x }) : () => module.trainStep(own, opt, { x });
        // About 300 ms of calls a turn.
        const start = performance.now();
        call();
        const calls = Math.max(1, Math.round(300 / Math.max(performance.now() - start, 0.1)));
        if (threads > 1) settle(call);
        const turns = await inTurns(call, (n) => torch.turn(kind, n), calls, rounds);
        duels.push({ name, shape, kind, threads, rnnc: turns.rnnc, torch: turns.peer, ratios: turns.ratios });
      }
    } finally {
      torch.stop();
    }
  }
  await module.setThreads(1);
  return duels;
}

const headToHead: readonly { name: string; shape: Shape; kinds: ('grad' | 'adam')[] }[] = [
  { name: 'lstm-medium', shape: { cell: 'lstm', I: 256, H: 256, B: 16, T: 50 }, kinds: ['grad', 'adam'] },
  { name: 'gru-medium', shape: { cell: 'gru', I: 256, H: 256, B: 16, T: 50 }, kinds: ['grad', 'adam'] },
  { name: 'lstm-1024', shape: { cell: 'lstm', I: 1024, H: 1024, B: 16, T: 50 }, kinds: ['grad'] },
  { name: 'lstm-b64', shape: { cell: 'lstm', I: 256, H: 256, B: 64, T: 50 }, kinds: ['grad'] },
  { name: 'lstm-small-batch', shape: { cell: 'lstm', I: 64, H: 128, B: 1, T: 100 }, kinds: ['grad'] },
];

/** One size varied at a time around lstm-medium. */
const scaling: readonly Shape[] = [
  ...[64, 128, 512, 1024].map((H) => ({ cell: 'lstm' as const, I: H, H, B: 16, T: 50 })),
  ...[10, 200, 1000].map((T) => ({ cell: 'lstm' as const, I: 256, H: 256, B: 16, T })),
  ...[1, 4, 64].map((B) => ({ cell: 'lstm' as const, I: 256, H: 256, B, T: 50 })),
];

const ms = (v: number) => (v >= 100 ? v.toFixed(0) : v.toFixed(2));
const gflops = (s: Shape, v: number) => (flops(s) / v / 1e6).toFixed(1);
const range = (r: readonly number[]) => `${r[0].toFixed(2)}–${r[r.length - 1].toFixed(2)}`;

export async function benchTraining(rounds: number, quick: boolean): Promise<string> {
  const ceiling = simdCeiling();
  const lines = [
    `This machine's WebAssembly SIMD ceiling on one core, measured in this run (bench/ceiling.ts): ${ceiling.mulAdd.toFixed(1)} GFLOP/s with f32x4 mul then add (what rnnc's kernels issue)${ceiling.relaxedMadd !== undefined ? `, ${ceiling.relaxedMadd.toFixed(1)} with relaxed SIMD's fused f32x4.relaxed_madd` : '; relaxed SIMD is off in this engine (Node 20: --experimental-wasm-relaxed-simd)'}.`,
    '',
    `Training on the CPU against PyTorch ${'(torch.nn.LSTM / GRU, float32, the same threads)'}: loss sum(h_t), the gradients of every weight and of x (grad), or one Adam step (adam); in turns, ${rounds} rounds of about 300 ms each; × = PyTorch's time / rnnc's, above 1 where rnnc is faster.`,
    '',
    '| workload | I, H, B, T | call | threads | rnnc ms | PyTorch ms | median × | × range | rnnc GFLOP/s | PyTorch GFLOP/s |',
    '|---|---|---|---:|---:|---:|---:|---|---:|---:|',
  ];
  for (const w of headToHead) {
    console.error(`training: ${w.name}`);
    const duels = await duel(w.name, w.shape, w.kinds, quick ? [1] : [1, 2], rounds);
    if (typeof duels === 'string') {
      lines.push(`| ${w.name} | not timed: ${duels} |`);
      continue;
    }
    for (const d of duels)
      lines.push(
        `| ${d.name} | ${d.shape.I}, ${d.shape.H}, ${d.shape.B}, ${d.shape.T} | ${d.kind} | ${d.threads} | ${ms(d.rnnc)} | ${ms(d.torch)} | ${middle(d.ratios).toFixed(2)} | ${range(d.ratios)} | ${gflops(d.shape, d.rnnc)} | ${gflops(d.shape, d.torch)} |`,
      );
  }
  lines.push(
    '',
    'Scaling, forward+backward (grad), one thread each, one size varied at a time around lstm-medium (I = H = 256, B = 16, T = 50; I = H when H varies):',
    '',
    '| I, H, B, T | rnnc ms | PyTorch ms | median × | × range | rnnc GFLOP/s | PyTorch GFLOP/s |',
    '|---|---:|---:|---:|---|---:|---:|',
  );
  for (const shape of quick ? scaling.slice(0, 2) : scaling) {
    console.error(`training: scaling I=${shape.I} H=${shape.H} B=${shape.B} T=${shape.T}`);
    const duels = await duel('scaling', shape, ['grad'], [1], Math.max(3, Math.floor(rounds / 2)));
    if (typeof duels === 'string') {
      lines.push(`| ${shape.I}, ${shape.H}, ${shape.B}, ${shape.T} | not timed: ${duels} |`);
      continue;
    }
    const [d] = duels;
    lines.push(
      `| ${shape.I}, ${shape.H}, ${shape.B}, ${shape.T} | ${ms(d.rnnc)} | ${ms(d.torch)} | ${middle(d.ratios).toFixed(2)} | ${range(d.ratios)} | ${gflops(shape, d.rnnc)} | ${gflops(shape, d.torch)} |`,
    );
  }
  return lines.join('\n');
}
