import { describe, expect, it } from 'vitest';
import { opDef } from '../src/ir/ops/registry.js';
import { wgslFunctions } from '../src/ir/ops/pointwise.js';
import { gpuDevice } from './helpers/gpu.js';

/** Arguments near 0, around the branch points of the functions, and far out, with both signs. */
const magnitudes = [0, 1e-20, 3e-8, 1e-4, 0.01, 0.3, 0.6249, 0.6251, 1, 2.5, 9, 15, 40, 100];
const xs = Float32Array.from(magnitudes.flatMap((m) => [m, -m]));

/** The op's WGSL expression evaluated on the device for every x (with the functions it calls defined). */
async function onDevice(op: 'tanh' | 'softplus'): Promise<Float32Array> {
  const { device } = await gpuDevice();
  const n = xs.length;
  const code = [
    '@group(0) @binding(0) var<storage, read_write> mem: array<f32>;',
    ...Object.values(wgslFunctions),
    '@compute @workgroup_size(1)',
    'fn main(@builtin(global_invocation_id) g: vec3u) {',
    '  let x = mem[g.x];',
    `  mem[${n}u + g.x] = ${opDef(op).wgsl?.(['x'])};`,
    '}',
  ].join('\n');
  const module = device.createShaderModule({ code });
  const info = await module.getCompilationInfo();
  expect(info.messages.map((m) => `${m.lineNum}: ${m.message}`)).toEqual([]);
  const pipeline = await device.createComputePipelineAsync({ layout: 'auto', compute: { module, entryPoint: 'main' } });
  const usage = GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_DST | GPUBufferUsage.COPY_SRC;
  const mem = device.createBuffer({ size: 8 * n, usage });
  const read = device.createBuffer({ size: 4 * n, usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST });
  device.queue.writeBuffer(mem, 0, xs);
  const encoder = device.createCommandEncoder();
  const pass = encoder.beginComputePass();
  pass.setPipeline(pipeline);
  pass.setBindGroup(
    0,
    device.createBindGroup({
      layout: pipeline.getBindGroupLayout(0),
      entries: [{ binding: 0, resource: { buffer: mem } }],
    }),
  );
  pass.dispatchWorkgroups(n);
  pass.end();
  encoder.copyBufferToBuffer(mem, 4 * n, read, 0, 4 * n);
  device.queue.submit([encoder.finish()]);
  await read.mapAsync(GPUMapMode.READ);
  const out = new Float32Array(read.getMappedRange()).slice();
  read.unmap();
  mem.destroy();
  read.destroy();
  return out;
}

describe('the WGSL functions of elementwise ops', () => {
  it.each(['tanh', 'softplus'] as const)(
    'compute %s within a few ulps of the f64 result relative to it, near zero too',
    async (op) => {
      const reference = opDef(op).pointwise as (x: number) => number;
      const got = await onDevice(op);
      const errors = [...xs].map((x, k) => {
        const want = reference(x);
        return { x, got: got[k], want, relative: Math.abs(got[k] - want) / Math.abs(want) };
      });
      // Below f32's smallest normal a device may flush to zero; elsewhere 2⁻²⁰ ≈ 9.5e-7 (eight ulps, for the
      // error of the device's exp inside).
      const subnormal = (e: { want: number; got: number }) =>
        Math.abs(e.want) < 2 ** -126 && Math.abs(e.got) < 2 ** -126;
      expect(errors.filter((e) => !subnormal(e) && !(e.relative <= 2 ** -20))).toEqual([]);
    },
  );
});
