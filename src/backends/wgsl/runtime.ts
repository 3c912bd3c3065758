/**
 * The host side of rnnc's WGSL target: given a compiled program (its WGSL
 * kernels, the order they are dispatched in and where every value lives in
 * one storage buffer) and a GPUDevice, it creates the pipelines once, the
 * buffers and bind groups once per shape, and runs a function: it writes the
 * params and inputs, encodes every dispatch in one command buffer, and reads
 * the results back.
 *
 * This file is self-contained on purpose: rnnc copies it verbatim into every
 * host module it writes (so those need nothing but the WebGPU API), and
 * `rnnc run --target wgsl` uses it as it is.
 */

/** A size or an offset in floats: a sum of terms, each a coefficient times run-time sizes ('B', or 'T:axis'). */
export type SizeTerms = readonly (readonly [number, ...string[]])[];

export interface KernelInfo {
  readonly name: string;
  readonly code: string;
  /**
   * The same kernel with quads of threads sharing what they load (subgroup
   * operations), for devices that have subgroups; `code` runs everywhere.
   */
  readonly subgroupCode?: string;
  /** Reads the step of the loop it runs in from a uniform at a dynamic offset. */
  readonly stepped: boolean;
  readonly workgroupSize: number;
  /** Bytes of workgroup memory it declares (weights held there by a persistent kernel). */
  readonly workgroupBytes?: number;
}

/** A dispatch of a kernel over `count` elements (one thread each), or of one workgroup when `count` is absent. */
export interface Dispatch {
  readonly kernel: number;
  readonly count?: SizeTerms;
  /** Threads = ceil(count / divisor) · factor, where each thread computes a block of elements. */
  readonly blocks?: { readonly divisor: number; readonly factor: number };
}

/** Steps of a time loop run by the host: its body's dispatches once per step. */
export interface Loop {
  readonly axis: string;
  readonly truncate?: number;
  readonly body: readonly Dispatch[];
}

export type PlanStep = Dispatch | Loop;

export type ResultGroup = 'outputs' | 'finalStates' | 'grads' | 'inputGrads' | 'stateGrads' | 'loss';

export interface ResultInfo {
  readonly group: ResultGroup;
  readonly name: string;
  readonly offset: SizeTerms;
  readonly size: SizeTerms;
  /** The tensor's shape: run-time sizes by name ('B', 'T:axis'), then the sample's shape. */
  readonly shape: readonly (number | string)[];
}

export interface FunctionPlan {
  readonly steps: readonly PlanStep[];
  /** Floats in the storage buffer. */
  readonly floats: SizeTerms;
  readonly params: readonly { readonly name: string; readonly offset: SizeTerms }[];
  readonly inputs: readonly { readonly name: string; readonly offset: SizeTerms }[];
  /** Where a caller's initial state goes; its flag in the sizes uniform says it was given. */
  readonly states: readonly { readonly name: string; readonly offset: SizeTerms }[];
  readonly results: readonly ResultInfo[];
  /**
   * The same function for batches of at most `upToBatch` samples, where it
   * runs faster (each time loop one persistent kernel); up to
   * `upToBatchWithQuads` where the kernels run their variants with subgroups.
   */
  readonly small?: FunctionPlan & { readonly upToBatch: number; readonly upToBatchWithQuads?: number };
}

export interface GpuProgram {
  readonly kernels: readonly KernelInfo[];
  /** The sizes uniform: B, then each time axis's length, then one flag per state (given or not). */
  readonly axes: readonly string[];
  readonly states: readonly string[];
  readonly forward: FunctionPlan;
  readonly grad?: FunctionPlan;
}

export interface RunArgs {
  readonly params: { readonly [name: string]: Float32Array };
  readonly inputs: { readonly [name: string]: { readonly data: Float32Array } };
  readonly initialStates: { readonly [name: string]: Float32Array | undefined };
  readonly B: number;
  readonly lengths: { readonly [axis: string]: number };
}

export type RunResults = {
  [G in ResultGroup]: { [name: string]: { data: Float32Array; shape: number[] } };
};

export interface GpuRunner {
  /** What the device runs on, as its adapter describes itself. */
  readonly adapter: string;
  /** Whether its kernels share loads within quads (the device has subgroups); else they run the code for any device. */
  readonly subgroups: boolean;
  run(plan: FunctionPlan, args: RunArgs): Promise<RunResults>;
  destroy(): void;
}

export interface RunnerOptions {
  /**
   * While a call's kernels run, sleep instead of polling for the results
   * all along (see restBeforeReading and mapQuietly); on by default.
   */
  readonly quietWait?: boolean;
}

/** Dawn's Vulkan driver for machines without a GPU, as Debian's chromium package installs it. */
const swiftShaderIcd = '/usr/lib/chromium/vk_swiftshader_icd.json';

/**
 * Dawn instances made in Node: the devices they gave out die with them, so
 * they are never left to the garbage collector.
 */
const dawnInstances: GPU[] = [];

interface NodeGpu {
  create(flags: string[]): GPU;
  globals: object;
}

/**
 * A device on the best adapter there is: `navigator.gpu` where the platform
 * has one (browsers, Deno), else the `webgpu` package (Dawn) in Node. Where
 * Dawn finds no adapter, it tries SwiftShader, the CPU driver that Debian's
 * chromium package ships, so a machine without a GPU still runs the kernels.
 */
export async function openDevice(): Promise<{ device: GPUDevice; adapter: string }> {
  const platform = (globalThis as { navigator?: { gpu?: GPU } }).navigator?.gpu;
  let adapter: GPUAdapter | null = platform
    ? await platform.requestAdapter({ powerPreference: 'high-performance' })
    : null;
  let why = 'the browser offers none';
  if (!adapter && !platform) {
    const moduleName = 'webgpu';
    let dawn: NodeGpu;
    try {
      dawn = (await import(moduleName)) as NodeGpu;
    } catch {
      throw new Error('rnnc model: no WebGPU here: install the webgpu package (npm install webgpu) to run on Node');
    }
    Object.assign(globalThis, dawn.globals);
    const env = (globalThis as { process?: { env: { [k: string]: string | undefined } } }).process?.env;
    const fsName = 'node:fs';
    const fs = (await import(fsName).catch(() => undefined)) as
      { existsSync(p: string): boolean; readdirSync(p: string): string[] } | undefined;
    const hasSwiftShader = fs?.existsSync(swiftShaderIcd) ?? false;
    const driverListed = env?.VK_ICD_FILENAMES !== undefined || env?.VK_DRIVER_FILES !== undefined;
    const systemDrivers = ['/usr/share/vulkan/icd.d', '/etc/vulkan/icd.d', '/usr/local/share/vulkan/icd.d'].some(
      (dir) => fs !== undefined && fs.existsSync(dir) && fs.readdirSync(dir).some((f) => f.endsWith('.json')),
    );
    // Ask the system's drivers first; where there are none (or none answers), SwiftShader.
    if (driverListed || systemDrivers || !hasSwiftShader) {
      const instance = dawn.create([]);
      dawnInstances.push(instance);
      adapter = await instance.requestAdapter({ powerPreference: 'high-performance' });
    }
    why = driverListed
      ? `the Vulkan driver that ${env?.VK_ICD_FILENAMES !== undefined ? `VK_ICD_FILENAMES names (${env.VK_ICD_FILENAMES})` : `VK_DRIVER_FILES names (${env?.VK_DRIVER_FILES})`} did not answer`
      : hasSwiftShader
        ? 'neither a GPU driver nor SwiftShader answered (is the Vulkan loader, libvulkan1, installed?)'
        : `no GPU driver answered, and SwiftShader is not at ${swiftShaderIcd} (apt-get install chromium libvulkan1)`;
    if (!adapter && hasSwiftShader && env && !driverListed) {
      env.VK_ICD_FILENAMES = swiftShaderIcd;
      const instance = dawn.create([]);
      dawnInstances.push(instance);
      adapter = await instance.requestAdapter();
    }
  }
  if (!adapter) throw new Error(`rnnc model: no WebGPU adapter: ${why}`);
  const limits = adapter.limits;
  const device = await adapter.requestDevice({
    // Quad-shared GEMMs where the adapter can (the kernels also run without).
    // ('subgroups' is newer than some versions of @webgpu/types.)
    requiredFeatures: adapter.features.has('subgroups') ? ['subgroups' as GPUFeatureName] : [],
    requiredLimits: {
      maxStorageBufferBindingSize: limits.maxStorageBufferBindingSize,
      maxBufferSize: limits.maxBufferSize,
      maxComputeWorkgroupStorageSize: limits.maxComputeWorkgroupStorageSize,
      maxComputeInvocationsPerWorkgroup: limits.maxComputeInvocationsPerWorkgroup,
      maxComputeWorkgroupSizeX: limits.maxComputeWorkgroupSizeX,
    },
  });
  return { device, adapter: describeAdapter(adapter.info) };
}

/** An adapter as it describes itself: vendor, architecture and description. */
export function describeAdapter(info: GPUAdapterInfo | undefined): string {
  const words = info ? [info.vendor, info.architecture, info.description].filter((s) => s !== '') : [];
  return words.join(' ') || 'a WebGPU device';
}

/** The value of a size for the run-time sizes of one call. */
/** The plan a call of B samples runs: the small-batch one up to its bound (the larger one where the kernels use quads). */
export function planFor(given: FunctionPlan, B: number, quads: boolean): FunctionPlan {
  const small = given.small;
  if (!small) return given;
  return B <= ((quads ? small.upToBatchWithQuads : undefined) ?? small.upToBatch) ? small : given;
}

export function evaluateSize(terms: SizeTerms, B: number, lengths: { readonly [axis: string]: number }): number {
  let total = 0;
  for (const [coefficient, ...factors] of terms) {
    let term = coefficient;
    for (const f of factors) term *= f === 'B' ? B : lengths[f.slice(2)];
    total += term;
  }
  return total;
}

/** Bytes between the step indices that stepped kernels read (WebGPU's minimum dynamic uniform offset alignment). */
const stepStride = 256;

interface Shaped {
  readonly key: string;
  readonly plan: FunctionPlan;
  readonly arena: GPUBuffer;
  readonly sizes: GPUBuffer;
  readonly steps: GPUBuffer | undefined;
  readonly readback: GPUBuffer;
  readonly groups: { readonly plain: GPUBindGroup; readonly stepped: GPUBindGroup | undefined };
  /** Where each result lands in the readback buffer, in floats. */
  readonly placed: readonly { readonly result: ResultInfo; readonly at: number; readonly floats: number }[];
  /** Milliseconds from submission to results of the last few calls, newest last (for restBeforeReading). */
  readonly took: number[];
}

/** How many calls of a shape `restBeforeReading` looks back on. */
const remembered = 5;

/**
 * How long a call sleeps after submitting its work and before it maps the
 * results: a little less than the fastest of the shape's last few calls
 * took, less a millisecond for the timer's lateness, and nothing before
 * there is a history or where that is under a millisecond.
 *
 * Why: while a mapAsync is pending, dawn.node polls for its completion with
 * setImmediate, which keeps one CPU core busy for the whole call. On a CPU
 * driver (SwiftShader) that core is one the driver's threads could have run
 * the kernels on. A sleeping host leaves them every core. A call never waits
 * long for nothing: its time counts into the history, so a shape that got
 * faster sleeps less on the next call.
 */
export function restBeforeReading(took: readonly number[]): number {
  if (took.length === 0) return 0;
  const rest = Math.floor(0.8 * Math.min(...took)) - 1;
  return rest >= 1 ? rest : 0;
}

/**
 * The platform's timers, looked up at run time: host modules type-check with
 * the ES and WebGPU declarations only, which name neither.
 */
const platform = globalThis as {
  performance?: { now(): number };
  setTimeout?: (f: () => void, ms: number) => unknown;
  setImmediate?: (f: () => void) => unknown;
};

/** Milliseconds since some moment, as finely as the platform tells. */
const now = (): number => platform.performance?.now() ?? Date.now();

/** Resolves after `ms` milliseconds (at once where the platform has no timers). */
const sleep = (ms: number): Promise<void> =>
  new Promise((resolve) => (platform.setTimeout ? platform.setTimeout(resolve, ms) : resolve()));

/** How long the host thread naps between dawn.node's polls in mapQuietly, in milliseconds. */
const napMs = 0.1;

/**
 * Maps a readback buffer; where dawn.node polls for the map with
 * setImmediate (Node), the thread naps between its polls instead of
 * spinning, so the result is seen at most a nap late. Where the platform
 * cannot block the thread (a browser's main thread), it just waits.
 */
async function mapQuietly(buffer: GPUBuffer): Promise<void> {
  const immediate = platform.setImmediate;
  if (immediate === undefined || typeof SharedArrayBuffer === 'undefined') return buffer.mapAsync(GPUMapMode.READ);
  const nap = new Int32Array(new SharedArrayBuffer(4));
  let pending = true;
  const doze = () => {
    if (!pending) return;
    try {
      Atomics.wait(nap, 0, 0, napMs);
    } catch {
      return; // this thread may not block
    }
    immediate(doze);
  };
  immediate(doze);
  try {
    await buffer.mapAsync(GPUMapMode.READ);
  } finally {
    pending = false;
  }
}

/** A record's own value under a name (a state named constructor is not Object.prototype's). */
function ownValue<T>(record: { readonly [name: string]: T | undefined }, name: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(record, name) ? record[name] : undefined;
}

function refuse(message: string): never {
  throw new Error(`rnnc model: ${message}`);
}

function loopSteps(loop: Loop, lengths: { readonly [axis: string]: number }): number {
  const T = lengths[loop.axis];
  return loop.truncate !== undefined ? Math.min(T, loop.truncate) : T;
}

/**
 * Whether the device has subgroups whose quads are four consecutive
 * invocations of a workgroup, as the quad-shared kernels assume (thread i of
 * a GEMM computes with its quad by i / 4): one small dispatch checks it.
 */
async function quadsInOrder(device: GPUDevice): Promise<boolean> {
  if (!device.features.has('subgroups')) return false;
  const size = 64;
  const code = [
    'enable subgroups;',
    'diagnostic(off, subgroup_uniformity);',
    '@group(0) @binding(0) var<storage, read_write> wrong: array<u32>;',
    `@compute @workgroup_size(${size})`,
    'fn main(@builtin(local_invocation_index) lane: u32) {',
    '  let lead = lane - lane % 4u;',
    '  var bad = 0u;',
    '  if (quadBroadcast(lane, 0u) != lead) { bad = 1u; }',
    '  if (quadBroadcast(lane, 1u) != lead + 1u) { bad = 1u; }',
    '  if (quadBroadcast(lane, 2u) != lead + 2u) { bad = 1u; }',
    '  if (quadBroadcast(lane, 3u) != lead + 3u) { bad = 1u; }',
    '  wrong[lane] = bad;',
    '}',
  ].join('\n');
  device.pushErrorScope('validation');
  const pipeline = device.createComputePipeline({
    layout: 'auto',
    compute: { module: device.createShaderModule({ code }), entryPoint: 'main' },
  });
  const bytes = 4 * size;
  const flags = device.createBuffer({ size: bytes, usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC });
  const read = device.createBuffer({ size: bytes, usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST });
  const encoder = device.createCommandEncoder();
  const pass = encoder.beginComputePass();
  pass.setPipeline(pipeline);
  pass.setBindGroup(
    0,
    device.createBindGroup({
      layout: pipeline.getBindGroupLayout(0),
      entries: [{ binding: 0, resource: { buffer: flags } }],
    }),
  );
  pass.dispatchWorkgroups(1);
  pass.end();
  encoder.copyBufferToBuffer(flags, 0, read, 0, bytes);
  device.queue.submit([encoder.finish()]);
  const failed = (await device.popErrorScope()) !== null;
  let inOrder = false;
  if (!failed) {
    await read.mapAsync(GPUMapMode.READ);
    inOrder = new Uint32Array(read.getMappedRange()).every((f) => f === 0);
    read.unmap();
  }
  flags.destroy();
  read.destroy();
  return inOrder;
}

/** Creates the pipelines of a program on a device (once); `run` then runs its functions. */
export async function createGpuRunner(
  program: GpuProgram,
  device: GPUDevice,
  adapter = 'a WebGPU device',
  options: RunnerOptions = {},
): Promise<GpuRunner> {
  const plainLayout = device.createBindGroupLayout({
    entries: [
      { binding: 0, visibility: GPUShaderStage.COMPUTE, buffer: { type: 'uniform' } },
      { binding: 1, visibility: GPUShaderStage.COMPUTE, buffer: { type: 'storage' } },
    ],
  });
  const steppedLayout = device.createBindGroupLayout({
    entries: [
      { binding: 0, visibility: GPUShaderStage.COMPUTE, buffer: { type: 'uniform' } },
      { binding: 1, visibility: GPUShaderStage.COMPUTE, buffer: { type: 'storage' } },
      { binding: 2, visibility: GPUShaderStage.COMPUTE, buffer: { type: 'uniform', hasDynamicOffset: true } },
    ],
  });
  const widest = Math.max(0, ...program.kernels.map((k) => k.workgroupSize));
  if (widest > device.limits.maxComputeInvocationsPerWorkgroup)
    refuse(
      `the kernels need workgroups of ${widest} invocations, but this device's maxComputeInvocationsPerWorkgroup is ${device.limits.maxComputeInvocationsPerWorkgroup}`,
    );
  const storage = Math.max(0, ...program.kernels.map((k) => k.workgroupBytes ?? 0));
  if (storage > device.limits.maxComputeWorkgroupStorageSize)
    refuse(
      `a persistent kernel keeps ${storage} bytes of weights in workgroup memory, but this device's maxComputeWorkgroupStorageSize is ${device.limits.maxComputeWorkgroupStorageSize}; compile with a smaller --workgroup-storage`,
    );
  const quads = program.kernels.some((k) => k.subgroupCode !== undefined) && (await quadsInOrder(device));
  device.pushErrorScope('validation');
  // Synchronous creation: dawn.node's asynchronous pipeline creation is not reliable on SwiftShader.
  // The modules and layouts stay referenced as long as the pipelines (dawn.node may crash when
  // the garbage collector frees them early).
  const modules = program.kernels.map((k) =>
    device.createShaderModule({ label: k.name, code: quads && k.subgroupCode ? k.subgroupCode : k.code }),
  );
  const layouts = [plainLayout, steppedLayout].map((l) => device.createPipelineLayout({ bindGroupLayouts: [l] }));
  const pipelines = program.kernels.map((k, n) =>
    device.createComputePipeline({
      label: k.name,
      layout: layouts[k.stepped ? 1 : 0],
      compute: { module: modules[n], entryPoint: 'main' },
    }),
  );
  const error = await device.popErrorScope();
  if (error) refuse(`a kernel does not compile on this device: ${error.message}`);

  const shapes = new Map<string, Shaped>();
  const plans = new Map<FunctionPlan, number>();
  const planId = (plan: FunctionPlan) => plans.get(plan) ?? plans.set(plan, plans.size).size - 1;
  let queue: Promise<unknown> = Promise.resolve();

  function shaped(plan: FunctionPlan, B: number, lengths: { readonly [axis: string]: number }): Shaped {
    const key = [planId(plan), B, ...program.axes.map((a) => lengths[a])].join(',');
    const known = shapes.get(key);
    if (known) return known;
    const bytes = 4 * evaluateSize(plan.floats, B, lengths);
    const limit = Math.min(device.limits.maxStorageBufferBindingSize, device.limits.maxBufferSize);
    if (bytes > limit)
      refuse(
        `this call needs ${bytes} bytes of storage, more than this device's maxStorageBufferBindingSize/maxBufferSize (${limit}); use a smaller batch or shorter sequences`,
      );
    const arena = device.createBuffer({
      size: Math.max(16, bytes),
      usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_DST | GPUBufferUsage.COPY_SRC,
    });
    const words = Math.ceil((1 + program.axes.length + program.states.length) / 4) * 4;
    const sizes = device.createBuffer({ size: 4 * words, usage: GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST });
    const loops = plan.steps.filter((s): s is Loop => 'body' in s);
    const longest = Math.max(0, ...loops.map((l) => loopSteps(l, lengths)));
    let steps: GPUBuffer | undefined;
    if (loops.length > 0) {
      steps = device.createBuffer({
        size: stepStride * longest,
        usage: GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST,
      });
      const indices = new Uint32Array((stepStride / 4) * longest);
      for (let s = 0; s < longest; s++) indices[(stepStride / 4) * s] = s;
      device.queue.writeBuffer(steps, 0, indices);
    }
    let at = 0;
    const placed = plan.results.map((result) => {
      const floats = evaluateSize(result.size, B, lengths);
      const place = { result, at, floats };
      at += floats;
      return place;
    });
    const readback = device.createBuffer({
      size: Math.max(16, 4 * at),
      usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST,
    });
    const plain = device.createBindGroup({
      layout: plainLayout,
      entries: [
        { binding: 0, resource: { buffer: sizes } },
        { binding: 1, resource: { buffer: arena } },
      ],
    });
    const stepped = steps
      ? device.createBindGroup({
          layout: steppedLayout,
          entries: [
            { binding: 0, resource: { buffer: sizes } },
            { binding: 1, resource: { buffer: arena } },
            { binding: 2, resource: { buffer: steps, size: 4 } },
          ],
        })
      : undefined;
    const made: Shaped = { key, plan, arena, sizes, steps, readback, groups: { plain, stepped }, placed, took: [] };
    // A few shapes stay ready; the oldest gives its buffers back.
    if (shapes.size >= 4) {
      const [oldest] = shapes.values();
      for (const b of [oldest.arena, oldest.sizes, oldest.readback, oldest.steps]) b?.destroy();
      shapes.delete(oldest.key);
    }
    shapes.set(key, made);
    return made;
  }

  // Dawn rejects writes from views of a SharedArrayBuffer: copy those first.
  const writable = (data: Float32Array): Float32Array<ArrayBuffer> =>
    data.buffer instanceof ArrayBuffer ? (data as Float32Array<ArrayBuffer>) : new Float32Array(data);

  async function runOnce(given: FunctionPlan, args: RunArgs): Promise<RunResults> {
    const { B, lengths } = args;
    const plan = planFor(given, B, quads);
    const s = shaped(plan, B, lengths);
    const words = new Uint32Array(s.sizes.size / 4);
    words[0] = B;
    program.axes.forEach((axis, k) => (words[1 + k] = lengths[axis] ?? 0));
    program.states.forEach(
      (state, k) => (words[1 + program.axes.length + k] = ownValue(args.initialStates, state) ? 1 : 0),
    );
    device.queue.writeBuffer(s.sizes, 0, words);
    const put = (offset: SizeTerms, data: Float32Array) =>
      device.queue.writeBuffer(s.arena, 4 * evaluateSize(offset, B, lengths), writable(data));
    for (const p of plan.params) put(p.offset, args.params[p.name]);
    for (const i of plan.inputs) {
      const tensor = ownValue(args.inputs, i.name);
      if (tensor !== undefined) put(i.offset, tensor.data);
    }
    for (const state of plan.states) {
      const given = ownValue(args.initialStates, state.name);
      if (given !== undefined) put(state.offset, given);
    }

    const encoder = device.createCommandEncoder();
    const pass = encoder.beginComputePass();
    const dispatch = (d: Dispatch, step: number) => {
      const kernel = program.kernels[d.kernel];
      pass.setPipeline(pipelines[d.kernel]);
      if (kernel.stepped) pass.setBindGroup(0, s.groups.stepped as GPUBindGroup, [step * stepStride]);
      else pass.setBindGroup(0, s.groups.plain);
      if (d.count === undefined) return pass.dispatchWorkgroups(1);
      const count = evaluateSize(d.count, B, lengths);
      const threads = d.blocks ? Math.ceil(count / d.blocks.divisor) * d.blocks.factor : count;
      const groups = Math.ceil(threads / kernel.workgroupSize);
      if (groups === 0) return;
      const x = Math.min(groups, device.limits.maxComputeWorkgroupsPerDimension);
      pass.dispatchWorkgroups(x, Math.ceil(groups / x));
    };
    for (const step of plan.steps) {
      if (!('body' in step)) {
        dispatch(step, 0);
        continue;
      }
      const n = loopSteps(step, lengths);
      for (let k = 0; k < n; k++) for (const d of step.body) dispatch(d, k);
    }
    pass.end();
    for (const p of s.placed) {
      if (p.floats === 0) continue;
      encoder.copyBufferToBuffer(
        s.arena,
        4 * evaluateSize(p.result.offset, B, lengths),
        s.readback,
        4 * p.at,
        4 * p.floats,
      );
    }
    const commands = encoder.finish();
    const submitted = now();
    device.queue.submit([commands]);
    if (options.quietWait === false) await s.readback.mapAsync(GPUMapMode.READ);
    else {
      const rest = restBeforeReading(s.took);
      if (rest > 0) await sleep(rest);
      await mapQuietly(s.readback);
    }
    s.took.push(now() - submitted);
    if (s.took.length > remembered) s.took.shift();
    // Referenced until the work is done, for the same reason as the modules.
    void [encoder, pass, commands];
    const all = new Float32Array(s.readback.getMappedRange());
    const results: RunResults = { outputs: {}, finalStates: {}, grads: {}, inputGrads: {}, stateGrads: {}, loss: {} };
    for (const p of s.placed) {
      const shape = p.result.shape.map((d) => (typeof d === 'number' ? d : d === 'B' ? B : lengths[d.slice(2)]));
      results[p.result.group][p.result.name] = { data: all.slice(p.at, p.at + p.floats), shape };
    }
    s.readback.unmap();
    return results;
  }

  return {
    adapter,
    subgroups: quads,
    // One call at a time: calls share the buffers of their shape.
    run(plan, args) {
      const result = queue.then(() => runOnce(plan, args));
      queue = result.catch(() => undefined);
      return result;
    },
    destroy() {
      modules.length = 0;
      layouts.length = 0;
      for (const s of shapes.values()) for (const b of [s.arena, s.sizes, s.readback, s.steps]) b?.destroy();
      shapes.clear();
    },
  };
}
