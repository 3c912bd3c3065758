/**
 * The GEMM kernels inside each workload against this machine's WebAssembly SIMD ceiling:
 * `npm run bench -- --only kernels`.
 *
 * Each workload's -O2 module (one thread) is timed without a profiler (median of its calls), then
 * sampled with V8's profiler. A kernel's share of the samples times the unprofiled call gives its
 * ms a call, so the profiler's own cost does not lower the rates. Its FLOPs a call come from the
 * products the model's step makes: each weight matrix (as the compiler stacks them) is multiplied
 * once a step by every sample: `rows` (W·x, forward), `cols` (Wᵀ·g, the gradient through the
 * product) and `outer` (g·xᵀ summed over the steps and the samples, the weight gradient), each
 * 2·M·K·T·B for an M × K matrix. A kernel is named by the shape of its matrix, so it does the
 * FLOPs of every matrix of that shape. The ceiling (bench/ceiling.ts) is measured just before and
 * just after each workload, so that a machine whose speed drifts slows the kernels and their ceiling
 * alike: the higher of f32x4 multiply-then-add in registers and rnnc's product kernel on operands that
 * stay in the caches (which runs a little faster than the first on this machine), the mean of the two
 * times.
 */
import { cachedGemmRate, simdCeiling } from './ceiling.js';
import { loadRnnc } from './rnnc.js';
import { sampleCalls } from './sampling.js';
import { median, uniform } from './timing.js';

type Model = 'lstm' | 'gru' | 'gru_torch';

interface Workload {
  readonly name: string;
  readonly model: Model;
  readonly I: number;
  readonly H: number;
  readonly B: number;
  readonly T: number;
  readonly passes: readonly ('forward' | 'grad')[];
}

/** The forward workloads of the main table and the training workloads (bench/training.ts). */
const workloads: readonly Workload[] = [
  { name: 'lstm-small-latency', model: 'lstm', I: 64, H: 128, B: 1, T: 100, passes: ['forward', 'grad'] },
  { name: 'lstm-medium', model: 'lstm', I: 256, H: 256, B: 16, T: 50, passes: ['forward', 'grad'] },
  { name: 'gru-medium', model: 'gru', I: 256, H: 256, B: 16, T: 50, passes: ['forward'] },
  { name: 'gru-medium', model: 'gru_torch', I: 256, H: 256, B: 16, T: 50, passes: ['grad'] },
  { name: 'lstm-large', model: 'lstm', I: 512, H: 512, B: 32, T: 25, passes: ['forward', 'grad'] },
  { name: 'lstm-b64', model: 'lstm', I: 256, H: 256, B: 64, T: 50, passes: ['grad'] },
  { name: 'lstm-1024', model: 'lstm', I: 1024, H: 1024, B: 16, T: 50, passes: ['forward', 'grad'] },
];

/**
 * The weight matrices of one step as the compiler stacks them (rows × columns): an LSTM's four
 * gates' input weights and their recurrent ones; the reset-before GRU's three input weights, the
 * update and reset gates' recurrent weights, and the candidate's (it multiplies r ⊙ h); PyTorch's
 * GRU's input weights and recurrent weights (r applies after the product).
 */
const products: Record<Model, (I: number, H: number) => [number, number][]> = {
  lstm: (I, H) => [
    [4 * H, I],
    [4 * H, H],
  ],
  gru: (I, H) => [
    [3 * H, I],
    [2 * H, H],
    [H, H],
  ],
  gru_torch: (I, H) => [
    [3 * H, I],
    [3 * H, H],
  ],
};

const what: Record<string, string> = {
  rows: 'W·x',
  cols: 'Wᵀ·g',
  outer: 'Σ g·xᵀ',
};

interface KernelRate {
  readonly workload: string;
  readonly pass: string;
  /** GFLOP/s of the ceiling measured around this workload. */
  readonly ceiling: number;
  readonly kernel: string;
  /** Its share of the call's time, its ms a call and GFLOP/s. */
  readonly share: number;
  readonly ms: number;
  readonly gflops: number;
}

/** FLOPs a call of the kernel named `kernel` does in one call of `w`, or undefined where it is not a product's. */
function kernelFlops(w: Workload, kernel: string): number | undefined {
  const m = /^(rows|cols|outer)_(\d+)x(\d+)$/.exec(kernel);
  if (!m) return undefined;
  const [M, K] = [Number(m[2]), Number(m[3])];
  const matrices = products[w.model](w.I, w.H).filter(([r, c]) => r === M && c === K).length;
  if (matrices === 0) throw new Error(`${w.name}: kernel ${kernel} multiplies no weight matrix of the ${w.model} step`);
  return 2 * M * K * w.T * w.B * matrices;
}

/** The ceiling now: the higher of multiply-then-add in registers and the product kernel in the caches. */
function ceilingNow(): number {
  return Math.max(simdCeiling(5).mulAdd, cachedGemmRate(5));
}

async function measure(w: Workload, pass: 'forward' | 'grad', quick: boolean): Promise<KernelRate[]> {
  const file = new URL(`../../bench/models/${w.model}.rnn`, import.meta.url).pathname;
  const { module } = await loadRnnc(file, { I: w.I, H: w.H }, 2);
  const params = module.pack(module.init(1));
  const inputs = { x: { data: uniform(w.T * w.B * w.I, 7), shape: [w.T, w.B, w.I] } };
  const run = pass === 'grad' ? () => module.grad(params, inputs) : () => module.forward(params, inputs);
  const runs = quick ? 3 : 9;
  const ceilingBefore = ceilingNow();
  const before = await median(run, runs);
  const sampled = await sampleCalls(run, quick ? 1000 : 3000, 200);
  const after = await median(run, runs);
  const ceiling = (ceilingBefore + ceilingNow()) / 2;
  const callMs = (before + after) / 2;
  const total = [...sampled.self.values()].reduce((a, b) => a + b, 0);
  const byKernel = new Map<string, number>();
  for (const [node, ms] of sampled.self) {
    const name = node.callFrame.functionName;
    if (kernelFlops(w, name) !== undefined) byKernel.set(name, (byKernel.get(name) ?? 0) + ms);
  }
  return [...byKernel].map(([kernel, ms]) => {
    const share = ms / total;
    const kernelMs = share * callMs;
    return {
      workload: w.name,
      pass,
      ceiling,
      kernel,
      share,
      ms: kernelMs,
      gflops: (kernelFlops(w, kernel) as number) / kernelMs / 1e6,
    };
  });
}

/** The table: every product kernel of every workload, its share, ms and GFLOP/s, against the ceiling. */
export async function benchKernels(quick: boolean): Promise<string> {
  // One group of rates a workload's pass, each in the table's order.
  const groups: KernelRate[][] = [];
  for (const w of workloads)
    for (const pass of w.passes) {
      console.error(`kernels: ${w.name} ${pass}`);
      groups.push(await measure(w, pass, quick));
    }
  const order = ['rows', 'cols', 'outer'];
  const kind = (k: string) => order.indexOf(k.split('_')[0]);
  const lines = [
    `The product kernels inside each workload (-O2, one thread), against this machine's WebAssembly SIMD ceiling measured in this run around each workload (bench/ceiling.ts): the higher of f32x4 multiply-then-add in registers and rnnc's product kernel on operands in the caches (W 64 × 256, 16 samples), just before and just after the workload, the mean of the two. A kernel's share of the profiler's samples times the call's unprofiled median gives its ms a call; its FLOPs a call are 2·M·K·T·B for each M × K weight matrix of the step it multiplies. rows: W·x (forward); cols: Wᵀ·g (the gradient through a product); outer: Σ g·xᵀ over the steps and samples (a weight gradient). grad runs the forward products too, then the backward ones.`,
    '',
    '| workload | pass | ceiling GFLOP/s | kernel | product | share of the call | ms a call | GFLOP/s | of the ceiling |',
    '|---|---|---:|---|---|---:|---:|---:|---:|',
  ];
  for (const group of groups)
    for (const r of [...group].sort((a, b) => kind(a.kernel) - kind(b.kernel) || b.share - a.share))
      lines.push(
        `| ${r.workload} | ${r.pass} | ${r.ceiling.toFixed(1)} | ${r.kernel} | ${what[r.kernel.split('_')[0]]} | ${(100 * r.share).toFixed(0)} % | ${r.ms.toFixed(2)} | ${r.gflops.toFixed(1)} | ${((100 * r.gflops) / r.ceiling).toFixed(0)} % |`,
      );
  return lines.join('\n');
}
