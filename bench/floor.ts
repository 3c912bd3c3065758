/**
 * What one step of lstm-small-latency's persistent time loop costs on this
 * adapter, and what the least such a step could cost there:
 * `npm run bench:floor [-- rounds]`.
 *
 * It times single dispatches of three kernels, each one workgroup of the
 * loop kernel's size running T steps with a barrier after each: rnnc's own
 * small-batch loop kernel (W held in private memory, the gates computed
 * from the sums in hand), the same work with the multiply-adds on constants
 * (no loads of W or h, no gates: what the step's arithmetic and the quads'
 * swaps cost alone), and a step that is only its barrier. A step's time is
 * (time at T = 100 − time at T = 1) / 99, the median over the rounds,
 * which run the kernels in turn. The floor is what rules out a persistent
 * kernel reaching a given time on a device: one workgroup runs on one core
 * of a CPU driver, whatever the kernel does.
 */
import { readFileSync } from 'node:fs';
import { compileToWgsl } from '../src/backends/wgsl/index.js';
import { evaluateSize, openDevice } from '../src/backends/wgsl/runtime.js';
import { compileSource, selectModel } from '../src/frontend/program.js';

const rounds = Number(process.argv[2] ?? 9);
if (!Number.isInteger(rounds) || rounds < 1) {
  console.error(`bench:floor: the rounds must be a whole number of at least 1, not '${process.argv[2]}'`);
  process.exit(2);
}
const [I, H, B] = [64, 128, 1];
const file = new URL('../../bench/models/lstm.rnn', import.meta.url).pathname;
const text = readFileSync(file, 'utf8');
const compiled = compileSource(text, file);
if (!compiled.program) throw new Error(`${file} does not compile`);
const wgsl = compileToWgsl(selectModel(compiled.program), { level: 2, sizes: { I, H }, source: { file, text } });
const small = wgsl.program.forward.small;
const loop = wgsl.program.kernels.find((k) => k.name.startsWith('forward_small_batch') && k.name.endsWith('_loop'));
if (!small || !loop) throw new Error('lstm-small-latency has no small-batch loop kernel');

const { device, adapter } = await openDevice();
const subgroups = device.features.has('subgroups');
const threads = loop.workgroupSize;
const floats = evaluateSize(small.floats, B, { T: 100 });

/**
 * A step of the loop kernel's product done on constants: quads of threads
 * share 4H rows of H columns, as the held kernel does, and add their partial
 * sums with quadSwapX and quadSwapY; each thread stores one number a step
 * so the work is not optimized away.
 */
function arithmeticOnly(): string {
  const rows = Math.ceil((4 * H) / (threads / 4));
  const cols = H / 4;
  const lines = [
    'enable subgroups;',
    'diagnostic(off, subgroup_uniformity);',
    'struct Dims { B: u32, T: u32, given0: u32, given1: u32 }',
    '@group(0) @binding(0) var<uniform> dims: Dims;',
    '@group(0) @binding(1) var<storage, read_write> mem: array<f32>;',
    'fn step(i: u32, t: u32) {',
  ];
  for (let c = 0; c < cols; c++) lines.push(`  let u${c} = f32(t + i + ${c}u);`);
  for (let r = 0; r < rows; r++) {
    lines.push(`  var a${r} = u0 * ${(0.37 * r + 0.1).toFixed(3)};`);
    for (let c = 1; c < cols; c++) lines.push(`  a${r} += u${c} * ${(0.0013 * (r * cols + c) + 0.1).toFixed(4)};`);
    lines.push(`  a${r} += quadSwapX(a${r});`, `  a${r} += quadSwapY(a${r});`);
  }
  lines.push('  var o = 0.0;');
  for (let r = 0; r < rows; r++) lines.push(`  o += a${r};`);
  lines.push(`  mem[(t % 2u) * ${threads}u + i] = o;`, '}');
  return [...lines, ...main('step(lane, t);')].join('\n');
}

/** The loop of every kernel here: T steps, a barrier after each. */
function main(body: string): string[] {
  return [
    `@compute @workgroup_size(${threads})`,
    'fn main(@builtin(local_invocation_index) lane: u32) {',
    '  for (var t = 0u; t < dims.T; t++) {',
    `    ${body}`,
    '    storageBarrier();',
    '  }',
    '}',
  ];
}

const barrierOnly = [
  'struct Dims { B: u32, T: u32, given0: u32, given1: u32 }',
  '@group(0) @binding(0) var<uniform> dims: Dims;',
  '@group(0) @binding(1) var<storage, read_write> mem: array<f32>;',
  ...main('if (dims.B == 0u) { mem[lane] = f32(t); }'),
].join('\n');

const kernels = [
  {
    name: `rnnc's loop kernel (${subgroups ? 'with subgroups' : 'without subgroups'})`,
    code: subgroups ? (loop.subgroupCode ?? loop.code) : loop.code,
  },
  ...(subgroups ? [{ name: 'its multiply-adds and swaps on constants alone', code: arithmeticOnly() }] : []),
  { name: 'a barrier alone', code: barrierOnly },
];

const memory = device.createBuffer({ size: 4 * floats, usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_DST });
device.queue.writeBuffer(
  memory,
  0,
  Float32Array.from({ length: floats }, (_, k) => Math.sin(k) / 10),
);
const dims = device.createBuffer({ size: 16, usage: GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST });

const pipelines: { pipeline: GPUComputePipeline; group: GPUBindGroup }[] = [];
for (const k of kernels) {
  const module = device.createShaderModule({ code: k.code });
  const errors = (await module.getCompilationInfo()).messages.filter((m) => m.type === 'error');
  if (errors.length > 0) throw new Error(`${k.name}: ${errors.map((m) => m.message).join('; ')}`);
  const pipeline = await device.createComputePipelineAsync({ layout: 'auto', compute: { module, entryPoint: 'main' } });
  const group = device.createBindGroup({
    layout: pipeline.getBindGroupLayout(0),
    entries: [
      { binding: 0, resource: { buffer: dims } },
      { binding: 1, resource: { buffer: memory } },
    ],
  });
  pipelines.push({ pipeline, group });
}

/** The time of one dispatch of kernel k over T steps, submit to done. */
async function once(k: number, T: number): Promise<number> {
  device.queue.writeBuffer(dims, 0, new Uint32Array([B, T, 0, 0]));
  const start = performance.now();
  const encoder = device.createCommandEncoder();
  const pass = encoder.beginComputePass();
  pass.setPipeline(pipelines[k].pipeline);
  pass.setBindGroup(0, pipelines[k].group);
  pass.dispatchWorkgroups(1);
  pass.end();
  device.queue.submit([encoder.finish()]);
  await device.queue.onSubmittedWorkDone();
  return performance.now() - start;
}

/**
 * One round's time a step of kernel k: the slope between dispatches of 100 and 300 steps, each
 * the median of 5 calls made in turns. Both lengths carry the same fixed cost of a dispatch, so
 * it cancels; and 200 steps of difference dwarf that cost's noise, which made a slope against a
 * 1-step dispatch come out negative on a busy machine.
 */
async function stepTime(k: number): Promise<number> {
  const [short, long]: number[][] = [[], []];
  for (let call = 0; call < 5; call++) {
    short.push(await once(k, 100));
    long.push(await once(k, 300));
  }
  return (median(long) - median(short)) / 200;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1];
const steps = kernels.map(() => [] as number[]);
for (let round = 0; round < rounds; round++) for (let k = 0; k < kernels.length; k++) steps[k].push(await stepTime(k));

console.log(`A step of lstm-small-latency's loop (I=${I}, H=${H}, B=${B}) on ${adapter}, ${rounds} rounds:\n`);
console.log('| kernel | µs a step (median) | rounds, µs | 100 steps, ms |\n|---|---:|---|---:|');
kernels.forEach((k, i) => {
  const m = median(steps[i]);
  const range = `${(1000 * Math.min(...steps[i])).toFixed(1)} to ${(1000 * Math.max(...steps[i])).toFixed(1)}`;
  console.log(`| ${k.name} | ${(1000 * m).toFixed(1)} | ${range} | ${(100 * m).toFixed(2)} |`);
});
process.exit(0);
