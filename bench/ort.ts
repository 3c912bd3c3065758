/**
 * One onnxruntime peer in a process of its own (its thread count is fixed
 * when it starts): `node dist/bench/ort.js JOB.json web|node|webgpu THREADS operator|scan [rounds]`.
 * The job names the ONNX files `rnnc export` made of the workload (the ONNX
 * LSTM/GRU operator form and the Scan form, with the benchmark's weights),
 * the input and rnnc's output; the peer checks that it agrees before timing,
 * and prints its median as JSON.
 * With `rounds` it prints {"ready":true} after the warm-up instead, then for
 * each line N on its input runs N calls and prints their mean time, so that
 * the benchmark can time it in turns with rnnc.
 */
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';

interface Job {
  T: number;
  B: number;
  I: number;
  /** The ONNX file of each form, its input and the output compared. */
  models: { operator: string; scan: string };
  input: string;
  output: string;
  x: number[];
  expected: number[];
  runs: number;
}

interface OrtTensor {
  readonly data: Float32Array;
}
interface OrtSession {
  run(feeds: Record<string, unknown>): Promise<Record<string, OrtTensor>>;
}
interface Ort {
  Tensor: new (type: 'float32', data: Float32Array, dims: number[]) => unknown;
  InferenceSession: { create(model: Uint8Array, options: object): Promise<OrtSession> };
  env: { wasm: { numThreads: number; wasmPaths?: string; simd?: boolean } };
}

const [jobFile, backend, threadArg, form, mode] = process.argv.slice(2);
const job = JSON.parse(readFileSync(jobFile, 'utf8')) as Job;
const threads = Number(threadArg);
const require = createRequire(import.meta.url);

/**
 * navigator.gpu from Dawn (the webgpu package), on the adapter rnnc's WGSL
 * host picks (SwiftShader where there is no GPU). Dawn's writeBuffer rejects
 * views of a SharedArrayBuffer, which onnxruntime-web hands it: those are copied first.
 */
async function useDawn(): Promise<void> {
  const { openDevice } = await import('../src/backends/wgsl/runtime.js');
  await openDevice(); // sets up the globals and, without a GPU, the SwiftShader driver
  const dawn = (await import('webgpu')) as unknown as { create(flags: string[]): GPU };
  Object.defineProperty(globalThis, 'navigator', { value: { gpu: dawn.create([]) }, configurable: true });
  const queue = (globalThis as unknown as { GPUQueue: { prototype: GPUQueue } }).GPUQueue.prototype;
  const write = queue.writeBuffer;
  queue.writeBuffer = function (
    this: GPUQueue,
    buffer: GPUBuffer,
    offset: number,
    data: GPUAllowSharedBufferSource,
    ...rest: number[]
  ) {
    const view = ArrayBuffer.isView(data) ? data : new Uint8Array(data);
    const copy =
      view.buffer instanceof SharedArrayBuffer
        ? new Uint8Array(view.buffer, view.byteOffset, view.byteLength).slice()
        : data;
    return write.call(this, buffer, offset, copy, ...rest);
  } as GPUQueue['writeBuffer'];
}

async function main(): Promise<void> {
  const model = readFileSync(form === 'scan' ? job.models.scan : job.models.operator);
  let ort: Ort;
  let options: object;
  if (backend === 'webgpu') {
    await useDawn();
    ort = (await import('onnxruntime-web/webgpu')) as unknown as Ort;
    ort.env.wasm.numThreads = 1;
    ort.env.wasm.wasmPaths = `${dirname(require.resolve('onnxruntime-web'))}/`;
    options = { executionProviders: ['webgpu'] };
  } else if (backend === 'web') {
    ort = (await import('onnxruntime-web')) as unknown as Ort;
    ort.env.wasm.numThreads = threads;
    ort.env.wasm.wasmPaths = `${dirname(require.resolve('onnxruntime-web'))}/`;
    options = { executionProviders: ['wasm'] };
  } else {
    ort = require('onnxruntime-node') as Ort;
    options = { executionProviders: ['cpu'], intraOpNumThreads: threads, interOpNumThreads: 1 };
  }
  const session = await ort.InferenceSession.create(model, options);
  const x = new ort.Tensor('float32', Float32Array.from(job.x), [job.T, job.B, job.I]);
  const run = async () => (await session.run({ [job.input]: x }))[job.output].data;
  const got = await run();
  let worst = 0;
  for (let k = 0; k < job.expected.length; k++)
    worst = Math.max(worst, Math.abs(got[k] - job.expected[k]) / Math.max(1, Math.abs(job.expected[k])));
  if (!(worst <= 1e-3)) {
    console.log(JSON.stringify({ error: `disagrees with rnnc by ${worst.toExponential(2)}: not timing it` }));
    return;
  }
  const warmUpStart = performance.now();
  for (let k = 0; k < 3 || performance.now() - warmUpStart < 300; k++) await run();
  if (mode === 'rounds') {
    console.log(JSON.stringify({ ready: true }));
    for await (const line of createInterface({ input: process.stdin })) {
      const calls = Number(line);
      const t0 = performance.now();
      for (let k = 0; k < calls; k++) await run();
      console.log(JSON.stringify({ ms: (performance.now() - t0) / calls }));
    }
    return;
  }
  const times: number[] = [];
  const start = performance.now();
  while (times.length < job.runs || (performance.now() - start < 1000 && times.length < 50)) {
    const t0 = performance.now();
    await run();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  console.log(JSON.stringify({ ms: times[Math.floor(times.length / 2)] }));
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.log(JSON.stringify({ error: String(e) }));
    process.exit(0);
  },
);
