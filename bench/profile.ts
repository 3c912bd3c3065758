/**
 * Where the time of one workload goes: `npm run bench:profile -- lstm-medium
 * [forward|grad]` samples rnnc's -O2 module with V8's profiler for three
 * seconds and prints the share of each WebAssembly kernel (by name) and of
 * the JavaScript around them.
 */
import { loadRnnc } from './rnnc.js';
import { type ProfileNode, sampleCalls } from './sampling.js';

const shapes: Record<string, { cell: 'lstm' | 'gru'; I: number; H: number; B: number; T: number }> = {
  'lstm-small-latency': { cell: 'lstm', I: 64, H: 128, B: 1, T: 100 },
  'lstm-medium': { cell: 'lstm', I: 256, H: 256, B: 16, T: 50 },
  'gru-medium': { cell: 'gru', I: 256, H: 256, B: 16, T: 50 },
  'lstm-large': { cell: 'lstm', I: 512, H: 512, B: 32, T: 25 },
  'lstm-1024': { cell: 'lstm', I: 1024, H: 1024, B: 16, T: 50 },
};

const [name = 'lstm-medium', pass = 'forward'] = process.argv.slice(2);
const w = shapes[name];
if (!w) throw new Error(`no workload ${name}: the workloads are ${Object.keys(shapes).join(', ')}`);
const file = new URL(`../../bench/models/${w.cell}.rnn`, import.meta.url).pathname;
const { module } = await loadRnnc(file, { I: w.I, H: w.H }, 2);
const params = module.pack(module.init(1));
const x = Float32Array.from({ length: w.T * w.B * w.I }, (_, k) => Math.sin(k));
const inputs = { x: { data: x, shape: [w.T, w.B, w.I] } };
const run = pass === 'grad' ? () => module.grad(params, inputs) : () => module.forward(params, inputs);
for (let k = 0; k < 10; k++) run();

const { calls, elapsed, self } = await sampleCalls(run, 3000, 100);

/** What a function is, for the table: a kernel by name, or the part of the module it belongs to. */
function part(n: ProfileNode): string {
  const f = n.callFrame.functionName;
  if (f.startsWith('js-to-wasm')) return 'calls from JavaScript into WebAssembly (V8 transition stubs)';
  if (n.callFrame.url.startsWith('wasm://') || /^(rows|cols|outer|pointwise)/.test(f)) return `kernel ${f}`;
  if (f === 'forward' || f === 'grad') return `JavaScript in ${f} (scalar loops, views, copies between steps)`;
  if (f.startsWith('check')) return 'argument checks (shapes, NaN in params)';
  if (f.startsWith('heap')) return 'heap: zeroing buffers, copying params in and results out';
  if (f.startsWith('gemm_')) return 'kernel calls (wrappers)';
  return 'other (profiler, benchmark loop, garbage collection)';
}

const time = new Map<string, number>();
for (const [node, ms] of self) time.set(part(node), (time.get(part(node)) ?? 0) + ms);
const total = [...time.values()].reduce((a, b) => a + b, 0);
console.log(`${name} ${pass}: ${(elapsed / calls).toFixed(2)} ms per call (${calls} calls)\n`);
console.log('| part | share |\n|---|---:|');
for (const [key, t] of [...time].sort((a, b) => b[1] - a[1]))
  console.log(`| ${key} | ${((100 * t) / total).toFixed(1)} % |`);
