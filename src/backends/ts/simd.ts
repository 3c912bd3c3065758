/**
 * The WebAssembly SIMD path of the standalone module. GEMMs run as rnnc's
 * own WebAssembly functions (wasm/gemm.ts), whose bytes are embedded in the
 * module and instantiated synchronously when it loads. Their operands must
 * live in the instance's memory, so on this path every buffer a call
 * allocates is a view of that memory (a bump heap, reset at each call and
 * grown once, before any view is made), params and inputs are copied in
 * once per call, and results are copied out. Where WebAssembly SIMD is
 * unavailable the module says so once and runs the scalar kernels.
 */
import { encodeModule, memoryPages, moduleText, sharedMemoryFlagAt } from '../wasm/encoder.js';
import { type ElementwiseSpec, elementwiseKernel } from '../wasm/elementwise.js';
import { finiteKernel, finiteKernelName } from '../wasm/finite.js';
import { zeroKernel, zeroKernelName } from '../wasm/zero.js';
import { type GemmSpec, gemmKernel, gemmName } from '../wasm/gemm.js';
import { columnSumKernel, columnSumName } from '../wasm/reduce.js';
import { type StepLoop, stepLoopKernel } from '../wasm/step-loop.js';
import type { Code } from './code.js';
import type { ModuleContext } from './emit-graph.js';
import { emitColsKernel, emitOuterKernel, emitRowsKernel } from './gemm.js';
import {
  controlBytes,
  halfRows,
  type Kernel,
  kernelArguments,
  kernelWrapper,
  loopSplitOf,
  splitOf,
  threadRuntime,
} from './threads.js';

/** What the SIMD path collects while a module is emitted. */
export interface SimdState {
  /** Kernels by export name. */
  readonly kernels: Map<string, Kernel>;
  /** The GEMM functions generated code calls (`gemm_<kernel>`), emitted once each. */
  readonly gemmWrappers: Set<string>;
  /** Kernels generated code calls (through `run_<kernel>`); the others are halves that threads split products into. */
  readonly called: Set<string>;
  /** Whether generated code reads packed weights. */
  usesPacked: boolean;
  /** Elementwise kernels' names by their spec (as JSON), so equal loops share one. */
  readonly elementwise: Map<string, string>;
  /** Sizes (expressions) of the buffers the function being emitted allocates. */
  allocations: string[];
}

export function simdState(): SimdState {
  return {
    kernels: new Map(),
    gemmWrappers: new Set(),
    called: new Set(),
    usesPacked: false,
    elementwise: new Map(),
    allocations: [],
  };
}

function emitScalar(code: Code, name: string, arrayType: string, spec: GemmSpec): void {
  if (spec.kind === 'rows') emitRowsKernel(code, name, arrayType, spec.m, spec.k);
  else if (spec.kind === 'cols') emitColsKernel(code, name, arrayType, spec.k, spec.n);
  else emitOuterKernel(code, name, arrayType, spec.m, spec.n);
}

/**
 * The function generated code calls for a GEMM: the scalar kernel, or on
 * the SIMD path a wrapper that runs the WebAssembly kernel when every array
 * is in its memory (and the scalar kernel otherwise). One per shape.
 */
export function gemmFunction(ctx: ModuleContext, spec: GemmSpec, prefix: string): string {
  const A = ctx.arrayType;
  if (!ctx.simd) {
    const name = ctx.fresh(prefix);
    emitScalar(ctx.helpers, name, A, spec);
    return name;
  }
  const exported = gemmName(spec);
  const name = `gemm_${exported}`;
  if (ctx.simd.gemmWrappers.has(name)) return name;
  ctx.simd.gemmWrappers.add(name);
  ctx.simd.kernels.set(exported, { kind: 'gemm', spec });
  ctx.simd.called.add(exported);
  // For worker threads: the kernel a product of one sample is split into.
  const half = halfRows(spec);
  if (half !== undefined) ctx.simd.kernels.set(gemmName(half), { kind: 'gemm', spec: half });
  emitScalar(ctx.helpers, `${name}_scalar`, A, spec);
  const arrays =
    spec.kind === 'outer' ? ['a', 'b', 'out'] : spec.kind === 'rows' ? ['w', 'x', 'out'] : ['v', 'w', 'out'];
  const params =
    spec.kind === 'outer'
      ? `a: ${A}, aStep: number, b: ${A}, bStep: number, out: ${A}, samples: number`
      : `${arrays[0]}: ${A}, ${arrays[1]}: ${A}, out: ${A}, samples: number`;
  const args = spec.kind === 'outer' ? ['a', 'aStep', 'b', 'bStep', 'out', 'samples'] : [...arrays, 'samples'];
  const code = ctx.helpers;
  code.block(`function ${name}(${params}): void {`, () => {
    code.block('if (kernels !== undefined) {', () => {
      code.line('const memory = kernels.memory.buffer;');
      code.block(`if (${arrays.map((a) => `${a}.buffer === memory`).join(' && ')}) {`, () => {
        // A weight-gradient sum's kernel takes how many rows of out it sums (threads sum shares of them): all here.
        const rows = spec.kind === 'outer' ? [`${spec.m}`] : [];
        code.line(
          `run_${exported}(${[...args.map((a) => (arrays.includes(a) ? `${a}.byteOffset` : a)), ...rows].join(', ')});`,
        );
        code.line('return;');
      });
    });
    code.line(`${name}_scalar(${args.join(', ')});`);
  });
  return name;
}

/** The export name of a fused elementwise loop's kernel, registering it on first use. */
export function elementwiseFunction(state: SimdState, spec: ElementwiseSpec): string {
  const key = JSON.stringify(spec);
  let name = state.elementwise.get(key);
  if (name === undefined) {
    name = `pointwise${state.elementwise.size}`;
    state.elementwise.set(key, name);
    state.kernels.set(name, { kind: 'elementwise', spec });
    state.called.add(name);
  }
  return name;
}

/** The export name of a column sum's kernel (`colsum_<n>`), registering it on first use. */
export function columnSumFunction(state: SimdState, n: number): string {
  const name = columnSumName(n);
  state.kernels.set(name, { kind: 'columns', n });
  state.called.add(name);
  return name;
}

/** The export name of a time loop run as one WebAssembly function (`time_loop<k>`), registering it. */
export function stepLoopFunction(state: SimdState, loop: StepLoop): string {
  const name = `time_loop${[...state.kernels.values()].filter((k) => k.kind === 'loop').length}`;
  state.kernels.set(name, { kind: 'loop', loop });
  state.called.add(name);
  return name;
}

/**
 * The kernels, built once the module's code is emitted: their bytes, their text listing and their
 * names; and the same kernels with the GEMMs' multiply-adds fused (relaxed SIMD), which the module
 * loads instead where the engine validates them.
 */
export interface BuiltKernels {
  readonly bytes: Uint8Array;
  readonly fusedBytes: Uint8Array;
  readonly text: string;
  readonly names: readonly string[];
}

export function buildKernels(state: SimdState): BuiltKernels {
  const names = [...state.kernels.keys(), finiteKernelName, zeroKernelName];
  const functions = (fused: boolean) => [
    ...[...state.kernels].map(([name, k]) =>
      k.kind === 'gemm'
        ? gemmKernel(k.spec, undefined, fused)
        : k.kind === 'columns'
          ? columnSumKernel(k.n)
          : k.kind === 'loop'
            ? stepLoopKernel(
                name,
                k.loop,
                (kernel) => names.indexOf(kernel),
                (kernel) => {
                  const called = state.kernels.get(kernel);
                  return called === undefined ? undefined : loopSplitOf(called);
                },
              )
            : elementwiseKernel(name, k.spec),
    ),
    finiteKernel(),
    zeroKernel(),
  ];
  const plain = functions(false);
  return { bytes: encodeModule(plain), fusedBytes: encodeModule(functions(true)), text: moduleText(plain), names };
}

/** The prologue of `forward`/`grad` on the SIMD path: room for this call's buffers and copies. */
export function reserveLine(state: SimdState): string {
  const counts = new Map<string, number>();
  for (const size of state.allocations) counts.set(size, (counts.get(size) ?? 0) + 1);
  // Four floats more per buffer: each is rounded up to 16 bytes.
  const terms = [...counts].map(([size, n]) => (n === 1 ? `(${size} + 4)` : `${n} * (${size} + 4)`));
  return `heapReserve(${[...terms, 'heapFloats(params, initialStates, inputs)'].join(' + ')});`;
}

/** Bytes as base64, in Node and in a browser alike (the playground compiles there). */
function base64(bytes: Uint8Array): string {
  let binary = '';
  for (let k = 0; k < bytes.length; k += 0x8000) binary += String.fromCharCode(...bytes.subarray(k, k + 0x8000));
  return btoa(binary);
}

/** The loader, the worker threads and the heap, at the end of the module. */
export function simdRuntime(state: SimdState, built: BuiltKernels, arrayType: string): string {
  const { bytes, fusedBytes, names } = built;
  const kernels = [...state.kernels];
  const called = kernels.filter(([name]) => state.called.has(name));
  const signature = (k: Kernel) =>
    `(${kernelArguments(k)
      .map((a) => `${a}: number`)
      .join(', ')}) => void`;
  return `
// WebAssembly SIMD kernels generated by rnnc for this model's sizes (${bytes.length} bytes): ${names.join(', ') || 'none'}.
// \`rnnc compile --emit-wat\` prints them as text. The second set is the same with the GEMMs'
// multiply-adds fused (relaxed SIMD's f32x4.relaxed_madd), loaded where the engine validates it.
const kernelBytes = "${base64(bytes)}";
const fusedKernelBytes = "${base64(fusedBytes)}";
const kernelNames = ${JSON.stringify(names)};

interface KernelMemory { readonly buffer: ArrayBuffer; grow(pages: number): number }
interface KernelExports { ${kernels.map(([name, spec]) => `readonly ${name}: ${signature(spec)};`).join(' ')} readonly ${finiteKernelName}: (at: number, count: number, out: number) => void; readonly ${zeroKernelName}: (at: number, bytes: number) => void }
interface LoadedKernels { memory: KernelMemory; exports: KernelExports }
interface WebAssemblyApi {
  readonly Memory: new (descriptor: { initial: number; maximum: number; shared?: boolean }) => KernelMemory;
  readonly Module: new (bytes: Uint8Array) => object;
  readonly Instance: new (module: object, imports: object) => { readonly exports: object };
  validate(bytes: Uint8Array): boolean;
}

function decodeBase64(text: string): Uint8Array {
  const digits = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const body = text.replace(/=+$/, '');
  const out = new Uint8Array(Math.floor((body.length * 3) / 4));
  let bits = 0;
  let count = 0;
  let at = 0;
  for (let k = 0; k < body.length; k++) {
    bits = ((bits << 6) | digits.indexOf(body[k])) & 0xffffff;
    count += 6;
    if (count >= 8) {
      count -= 8;
      out[at++] = (bits >> count) & 0xff;
    }
  }
  return out;
}

/** The kernel bytes this engine runs: with fused multiply-adds where it validates relaxed SIMD, else without. */
let loadedKernelBytes = kernelBytes;

/** The kernels, instantiated once; undefined (with a one-line notice) where WebAssembly SIMD is unavailable. */
function loadKernels(): LoadedKernels | undefined {
  const host = globalThis as unknown as { WebAssembly?: WebAssemblyApi; console?: { warn(message: string): void } };
  try {
    const api = host.WebAssembly;
    if (api !== undefined && api.validate(decodeBase64(fusedKernelBytes))) loadedKernelBytes = fusedKernelBytes;
    const bytes = decodeBase64(loadedKernelBytes);
    if (api === undefined || !api.validate(bytes)) throw new Error('no WebAssembly SIMD');
    const memory = new api.Memory({ initial: 1, maximum: ${memoryPages} });
    const instance = new api.Instance(new api.Module(bytes), { env: { memory } });
    return { memory, exports: instance.exports as KernelExports };
  } catch {
    host.console?.warn('rnnc model: WebAssembly SIMD is unavailable here, so this model runs its scalar JavaScript kernels.');
    return undefined;
  }
}

const kernels = loadKernels();
/** The kernels by index, as workers are told which to run. */
const kernelList: ((...args: number[]) => void)[] = kernels === undefined ? [] : kernelNames.map((name) => (kernels.exports as unknown as { [name: string]: (...args: number[]) => void })[name]);

/** Which kernels this module runs: rnnc's WebAssembly SIMD kernels, or scalar JavaScript where those cannot load. */
export const cpu: 'simd' | 'scalar' = kernels === undefined ? 'scalar' : 'simd';
/**
 * Whether the GEMMs fuse their multiply-adds (relaxed SIMD's f32x4.relaxed_madd, which the engine
 * may round once, as an FMA instruction, or twice): results then differ from the unfused kernels'
 * in the last bits (relative differences up to about 1e-6 a product in f32).
 */
export const fusedMultiplyAdd: boolean = kernels !== undefined && loadedKernelBytes === fusedKernelBytes;
${threadRuntime(sharedMemoryFlagAt(bytes), memoryPages, {
  shares: called.some(([, k]) => splitOf(k) !== undefined),
  halves: called.some(([, k]) => k.kind === 'gemm' && halfRows(k.spec) !== undefined),
  loops: called.some(([, k]) => k.kind === 'loop'),
})}
${called.map(([name, k]) => kernelWrapper(name, k, (n) => names.indexOf(n))).join('\n')}
// The heap: one call's buffers, bump-allocated in the kernels' memory.
let heapTop = 0;
let heapEnd = 0;
const heapStaged = new Map<${arrayType}, ${arrayType}>();

/** Grows the kernels' memory (in 64 KiB pages) to at least \`bytes\`; views made before are invalid after a growth. */
function memoryAtLeast(loaded: LoadedKernels, bytes: number): void {
  const have = loaded.memory.buffer.byteLength;
  if (bytes <= have) return;
  const most = ${memoryPages} * 65536;
  if (bytes > most) fail(\`this call needs \${bytes} bytes of memory for its batch and steps, past the \${most} a WebAssembly memory can hold: split the batch or the sequence\`);
  try {
    loaded.memory.grow(Math.ceil((bytes - have) / 65536));
  } catch {
    fail(\`this call needs \${bytes} bytes of memory for its batch and steps, and the system would not give them: split the batch or the sequence\`);
  }
}

/** Starts a call: frees the last call's buffers and grows the memory (only now) to hold \`floats\` floats. */
function heapReserve(floats: number): void {
  // The heap starts after the workers' control blocks and the resident packed weights.
  heapTop = ${controlBytes} + residentBytes;
  heapEnd = 0;
  heapStaged.clear();
  if (kernels === undefined) return;
  // 64 bytes of slack at the end: kernels read up to three floats past an array and mask them out.
  memoryAtLeast(kernels, heapTop + 4 * floats + 64);
  heapEnd = kernels.memory.buffer.byteLength - 64;
}

/**
 * A buffer of n floats in the kernels' memory (an ordinary array if the heap is full, which the kernels also take):
 * zeroed, unless the caller writes all of it before reading any.
 */
function heapAlloc(n: number, zeroed = true): ${arrayType} {
  const bytes = 16 * Math.ceil(n / 4);
  if (kernels === undefined || heapTop + bytes > heapEnd) return new ${arrayType}(n);
  const view = new ${arrayType}(kernels.memory.buffer, heapTop, n);
  // Zeroed in WebAssembly: a typed array's fill is ten times as slow on a shared memory (wasm/zero.ts).
  if (zeroed) kernels.exports.${zeroKernelName}(heapTop, bytes);
  heapTop += bytes;
  return view;
}

/** The caller's array copied into the kernels' memory, once per call. */
function heapStage(a: ${arrayType}): ${arrayType};
function heapStage(a: ${arrayType} | undefined): ${arrayType} | undefined;
function heapStage(a: ${arrayType} | undefined): ${arrayType} | undefined {
  if (a === undefined || kernels === undefined || a.buffer === kernels.memory.buffer) return a;
  let staged = heapStaged.get(a);
  if (staged === undefined) {
    staged = heapAlloc(a.length, false);
    staged.set(a);
    heapStaged.set(a, staged);
  }
  return staged;
}

/**
 * The caller's param copied into the kernels' memory and checked there for
 * values that are not finite: a SIMD sum of value·0 over the copy, and only
 * if that is not 0 the scalar scan that names the value.
 */
function heapStageParam(name: string, a: ${arrayType}): ${arrayType} {
  const staged = heapStage(a);
  if (kernels === undefined || staged.buffer !== kernels.memory.buffer) {
    checkFinite(name, a);
    return staged;
  }
  const whole = staged.length - (staged.length % 4);
  // The sum goes to the first bytes of the memory (the unused control block 0).
  kernels.exports.${finiteKernelName}(staged.byteOffset, whole, 0);
  let sum = new Float32Array(kernels.memory.buffer, 0, 1)[0];
  for (let k = whole; k < staged.length; k++) sum += staged[k] * 0;
  if (sum !== 0) checkFinite(name, a);
  return staged;
}

// Packed weights (see pack) stay in the kernels' memory, after the control
// blocks, while calls pass the same Packed object: pack makes a new one for
// new params, so the weights of one Packed never change.
let resident: { readonly weights: object; readonly memory: KernelMemory; readonly at: Map<string, number> } | undefined;
let residentBytes = 0;

/** Copies a Packed object's weights into the kernels' memory unless they are there (before heapReserve). */
function residentPlace(weights: { readonly [key: string]: ${arrayType} } | undefined): void {
  if (weights === undefined || kernels === undefined) return;
  if (resident !== undefined && resident.weights === weights && resident.memory === kernels.memory) return;
  const at = new Map<string, number>();
  let top = ${controlBytes};
  for (const [key, w] of Object.entries(weights)) {
    at.set(key, top);
    top += 16 * Math.ceil(w.length / 4) + 16;
  }
  memoryAtLeast(kernels, top + 64);
  for (const [key, w] of Object.entries(weights)) new ${arrayType}(kernels.memory.buffer, at.get(key) as number, w.length).set(w);
  residentBytes = top - ${controlBytes};
  resident = { weights, memory: kernels.memory, at };
}

${state.usesPacked ? residentWeight(arrayType) : ''}/** Floats needed to copy every array in these objects (tensors by their data) into the heap. */
function heapFloats(...groups: ({ readonly [name: string]: ${arrayType} | { readonly data: { readonly length: number } } | undefined } | undefined)[]): number {
  let total = 0;
  for (const group of groups) {
    for (const value of Object.values(group ?? {})) {
      const a = value instanceof ${arrayType} ? value : value?.data;
      if (a !== undefined) total += a.length + 4;
    }
  }
  return total;
}

/** Whether every array is in the kernels' memory, so a kernel may take it. */
function heapHolds(...arrays: ${arrayType}[]): boolean {
  const memory = kernels?.memory.buffer;
  for (const a of arrays) if (a.buffer !== memory) return false;
  return true;
}

/** A result handed to the caller: copied out of the heap, which the next call reuses. */
function heapCopy(a: ${arrayType}): ${arrayType} {
  return kernels !== undefined && a.buffer === kernels.memory.buffer ? a.slice() : a;
}
`;
}

/** Reading a packed weight (emitted where generated code reads one). */
const residentWeight = (
  arrayType: string,
) => `/** A packed weight: its resident copy, or the caller's array where the kernels are unavailable. */
function residentWeight(weights: { readonly [key: string]: ${arrayType} } | undefined, key: string): ${arrayType} | undefined {
  if (weights === undefined) return undefined;
  const at = resident?.weights === weights ? resident.at.get(key) : undefined;
  if (kernels === undefined || at === undefined) return weights[key];
  return new ${arrayType}(kernels.memory.buffer, at, weights[key].length);
}
`;
