/**
 * Worker threads for the SIMD path. `setThreads(n)` moves the kernels onto a
 * shared memory and starts n − 1 workers, each instantiating the same
 * kernels on that memory. From then on a kernel call with enough work is
 * split by rows (the samples of a GEMM, the rows of a fused elementwise
 * loop): every worker takes a contiguous share, this thread the first one,
 * and then waits for the others. Shares start at a multiple of the kernel's
 * sample tile, so each row is computed exactly as on one thread and the
 * results are the same bit for bit. A weight-gradient sum (`outer`) adds
 * every sample into each output, so it is split by its output rows instead;
 * the bias-gradient sums (`colsum`) are not split.
 *
 * Jobs go through a control block of 32 int32s per worker at the start of
 * the memory, before the heap. An idle worker spins on it for 5 ms (waking
 * a sleeping thread took 40–120 µs here, longer than most kernel calls, and
 * a forward pass may run several milliseconds between two split calls), and
 * then sleeps in `Atomics.wait`.
 *
 * Whether a call of forward or grad uses the workers at all is measured, not
 * guessed (see steering): on a machine busier than its cores, a worker that
 * loses its core in the middle of its share holds up the whole call.
 */
import { type ElementwiseSpec, type VectorTree } from '../wasm/elementwise.js';
import { defaultTilesFor, type GemmSpec, gemmName } from '../wasm/gemm.js';
import { controlField, controlInts } from '../wasm/control-block.js';
import { type CallSplit, type StepLoop, stepLoopArguments } from '../wasm/step-loop.js';

export type Kernel =
  | { readonly kind: 'gemm'; readonly spec: GemmSpec }
  | { readonly kind: 'elementwise'; readonly spec: ElementwiseSpec }
  | { readonly kind: 'columns'; readonly n: number }
  | { readonly kind: 'loop'; readonly loop: StepLoop };

/** How a kernel call is split across threads. */
interface Split {
  /** Which argument counts the rows. */
  readonly rowsAt: number;
  /** Bytes each argument (a pointer) moves per row; 0 for shared operands and counts. */
  readonly strides: readonly number[];
  /** Shares start at multiples of this (the kernel's sample tile). */
  readonly align: number;
  /** Calls with fewer rows run on this thread alone. */
  readonly minRows: number;
}

/** Floating-point operations below which a call runs on one thread: about 2 µs of one core's work. */
const splitWork = 100_000;
/** Workers at most (each has a control block, wasm/control-block.ts). */
const maxWorkers = 63;
const controlArguments = controlInts - controlField.args;
/** How long an idle worker spins before it sleeps: longer than the gaps between a model's kernel calls. */
const spinMs = 5;
/** Bytes of control blocks at the start of the memory; the heap begins after them. */
export const controlBytes = 4 * controlInts * (maxWorkers + 1);

/**
 * About how many floating-point operations one of an op's results costs in the vector kernels:
 * exp, log and the functions made of them are polynomials of a dozen or more steps.
 */
const opCost: Partial<Record<string, number>> = {
  sigmoid: 20,
  tanh: 20,
  exp: 16,
  log: 16,
  softplus: 32,
  div: 4,
  sqrt: 4,
};

/** The operations a row's element of a fused loop costs, by opCost. */
function treeCost(tree: VectorTree): number {
  return tree.kind === 'op' ? (opCost[tree.op] ?? 1) + tree.args.reduce((a, t) => a + treeCost(t), 0) : 0;
}

/** Argument names of a kernel's wrapper, in the kernel's order. */
export function kernelArguments(kernel: Kernel): string[] {
  if (kernel.kind === 'elementwise') return ['out', ...kernel.spec.leaves.map((_, k) => `a${k}`), 'rows'];
  if (kernel.kind === 'columns') return ['a', 'out', 'rows'];
  if (kernel.kind === 'loop') return stepLoopArguments(kernel.loop);
  return kernel.spec.kind === 'outer'
    ? ['a', 'aStep', 'b', 'bStep', 'out', 'samples', 'rows']
    : ['a', 'b', 'out', 'samples'];
}

export function splitOf(kernel: Kernel): Split | undefined {
  const rows = (strides: number[], align: number, workPerRow: number): Split | undefined =>
    strides.length > controlArguments
      ? undefined
      : {
          rowsAt: strides.length - 1,
          strides,
          align,
          minRows: Math.max(2 * align, Math.ceil(splitWork / Math.max(1, workPerRow))),
        };
  // Column sums add every row into one output; time loops are sequential.
  if (kernel.kind === 'columns' || kernel.kind === 'loop') return undefined;
  if (kernel.kind === 'elementwise') {
    const { sample, leaves, tree } = kernel.spec;
    return rows([4 * sample, ...leaves.map((l) => 4 * l.stride), 0], 1, sample * treeCost(tree));
  }
  const spec = kernel.spec;
  switch (spec.kind) {
    case 'rows':
      return rows([0, 4 * spec.k, 4 * spec.m, 0], defaultTilesFor(spec).rows[0], 2 * spec.m * spec.k);
    case 'cols':
      return rows([4 * spec.k, 0, 4 * spec.n, 0], defaultTilesFor(spec).cols[0], 2 * spec.k * spec.n);
    case 'outer': {
      // By output rows, in shares of whole row tiles: each output is summed over every sample in
      // the same order on any thread. The work a row is counted for one sample, the least a call
      // has; where even all the rows are too little work for a hand-over, never split.
      const split = rows([4, 0, 0, 0, 4 * spec.n, 0, 0], outerShareAlign, 2 * spec.n);
      return split !== undefined && split.minRows <= spec.m ? split : undefined;
    }
  }
}

/** Rows of a weight-gradient sum's share: whole tiles of rows (see outerKernel), 16 so many threads get one. */
const outerShareAlign = 16;

/**
 * The kernel of half the rows that a \`rows\` product of one sample (a batch of one, whose samples
 * cannot be split) is split into for a worker, where a half is big enough to pay for the hand-over
 * (16 k multiply-adds or more). Each output is summed in the same order either way, so results are
 * the same bit for bit.
 */
export function halfRows(spec: GemmSpec): GemmSpec | undefined {
  if (spec.kind === 'rows' && spec.m % 16 === 0 && (spec.m / 2) * spec.k >= 16384)
    return { kind: 'rows', m: spec.m / 2, k: spec.k };
  return undefined;
}

/**
 * How a call inside a WebAssembly time loop is split with one worker: the
 * same shares and halves as \`run_<kernel>\` makes (so results are the same
 * bit for bit), posted by the loop itself.
 */
export function loopSplitOf(kernel: Kernel): CallSplit | undefined {
  const split = splitOf(kernel);
  const half = kernel.kind === 'gemm' ? halfRows(kernel.spec) : undefined;
  if (split === undefined && half?.kind !== 'rows') return undefined;
  return {
    shares: split,
    halves:
      half?.kind !== 'rows'
        ? undefined
        : { half: gemmName(half), samplesAt: 3, offsets: [4 * half.m * half.k, 0, 4 * half.m, 0] },
  };
}

/**
 * \`run_<kernel>\`: what generated code calls, splitting the call where there
 * are workers and work enough. `indexOf` gives a kernel's index by name.
 */
export function kernelWrapper(name: string, kernel: Kernel, indexOf: (name: string) => number): string {
  const args = kernelArguments(kernel);
  const direct = `(kernels as LoadedKernels).exports.${name}(${args.join(', ')});`;
  const split = splitOf(kernel);
  const lines = [];
  if (split) {
    lines.push(
      `if (${args[split.rowsAt]} >= ${split.minRows} && splitting()) return splitKernel(${indexOf(name)}, [${args.join(', ')}], ${split.rowsAt}, [${split.strides.join(', ')}], ${split.align});`,
    );
  }
  const half = kernel.kind === 'gemm' ? halfRows(kernel.spec) : undefined;
  if (half?.kind === 'rows') {
    // One sample: this thread computes the first half of the rows, a worker the second.
    lines.push(
      `if (samples === 1 && splitting()) return splitHalves(${indexOf(gemmName(half))}, [a, b, out, 1], [a + ${4 * half.m * half.k}, b, out + ${4 * half.m}, 1]);`,
    );
  }
  lines.push(direct);
  return `function run_${name}(${args.map((a) => `${a}: number`).join(', ')}): void {\n${lines.map((l) => `  ${l}`).join('\n')}\n}\n`;
}

/** The worker's code, a plain script (it is evaluated, not imported). */
const workerSource = `
const start = (data, ready) => {
  const memory = data.memory;
  const instance = new WebAssembly.Instance(new WebAssembly.Module(data.bytes), { env: { memory } });
  const kernels = data.names.map((name) => instance.exports[name]);
  const control = new Int32Array(memory.buffer, data.slot * ${4 * controlInts}, ${controlInts});
  const args = [];
  let seen = Atomics.load(control, ${controlField.job});
  // How long to spin for the next job (ms): the most while this worker gets the jobs it is given;
  // a quarter as long each time one is taken back while it spun, since it then lost its core to
  // another thread, and spinning only takes that thread's time.
  let budget = ${spinMs};
  ready();
  for (;;) {
    const idleSince = performance.now();
    let slept = false;
    for (let spins = 1; Atomics.load(control, ${controlField.job}) === seen; spins++) {
      if (spins % 1024 === 0 && performance.now() - idleSince > budget) {
        Atomics.store(control, ${controlField.sleeping}, 1);
        Atomics.wait(control, ${controlField.job}, seen);
        Atomics.store(control, ${controlField.sleeping}, 0);
        slept = true;
      }
    }
    seen = Atomics.load(control, ${controlField.job});
    const kernel = control[${controlField.kernel}];
    if (kernel < 0) return;
    // The thread that posted the job may have taken it back, having done its own share first.
    if (Atomics.compareExchange(control, ${controlField.claimed}, (seen - 1) | 0, seen) !== ((seen - 1) | 0)) {
      if (!slept) budget = budget < 0.02 ? 0 : budget / 4;
      continue;
    }
    budget = Math.min(${spinMs}, Math.max(0.05, 2 * budget));
    args.length = control[${controlField.count}];
    for (let a = 0; a < args.length; a++) args[a] = control[${controlField.args} + a];
    kernels[kernel](...args);
    control[${controlField.ran}]++;
    Atomics.store(control, ${controlField.done}, seen);
  }
};
if (typeof require === 'function') {
  const { parentPort } = require('node:worker_threads');
  parentPort.once('message', (data) => {
    start(data, () => parentPort.postMessage('ready'));
    parentPort.close();
  });
} else {
  self.onmessage = (event) => {
    self.onmessage = null;
    start(event.data, () => self.postMessage('ready'));
    self.close();
  };
}
`;

/** Handing jobs to workers and waiting for them. */
const jobs = `
/** Hands kernel \`index\` with these arguments to the worker of the \`w\`-th ready slot. */
function postJob(w: number, index: number, args: readonly number[]): void {
  const control = pool.control as Int32Array;
  const base = ${controlInts} * pool.ready[w];
  for (let a = 0; a < args.length; a++) control[base + ARGS + a] = args[a];
  control[base + KERNEL] = index;
  control[base + COUNT] = args.length;
  Atomics.store(control, base + JOB, control[base + JOB] + 1);
  if (Atomics.load(control, base + SLEEPING) === 1) Atomics.notify(control, base + JOB);
}

/**
 * Waits for the jobs of the first \`posted\` ready workers. A job its worker has not claimed yet
 * (the worker sleeps, or has lost its core to another process) is taken back and run here, so
 * such a worker does not hold the call up.
 */
function awaitJobs(posted: number): void {
  const control = pool.control as Int32Array;
  for (let w = 0; w < posted; w++) {
    const base = ${controlInts} * pool.ready[w];
    const job = control[base + JOB];
    if (Atomics.compareExchange(control, base + CLAIMED, (job - 1) | 0, job) !== ((job - 1) | 0)) continue;
    kernelList[control[base + KERNEL]](...control.subarray(base + ARGS, base + ARGS + control[base + COUNT]));
    control[base + KEPT]++;
    Atomics.store(control, base + DONE, job);
  }
  for (let w = 0; w < posted; w++) {
    const base = ${controlInts} * pool.ready[w];
    const job = control[base + JOB];
    while (Atomics.load(control, base + DONE) !== job) {
      // spin: the worker finishes its share in about the time this thread took for its own
    }
  }
}
`;

/**
 * Steering: whether to hand work to the workers now. A call of an entry (forward, grad) runs
 * either with the workers or with this thread alone (each kernel call then unsplit). Each entry
 * keeps how long its calls took a unit of work (the batch times the steps), the last five calls
 * each way, and runs with whichever was faster by the middle one, trying the other way again for
 * three calls (the first not counted) after 4 calls, then 8, 16 and up to 256 while it stays slower
 * (16, 64, 256 while it takes a quarter longer). On a quiet machine that is the workers; on one busier
 * than its cores a worker that loses its core in the middle of a share holds up every thread,
 * and this thread alone is faster. Calls measured this way cost two clock readings.
 */
const steering = `
/** The host's clock (performance, in Node and browsers alike). */
const clock = (globalThis as unknown as { performance: { now(): number } }).performance;

/**
 * An entry's calls: ms a unit of work of the last five each way (with the workers, alone), and
 * when to try the slower way again (three calls from call \`tryOtherAt\` on), and which way that is.
 */
interface CallTimes { withWorkers: number[]; alone: number[]; calls: number; tryOtherEvery: number; tryOtherAt: number; tryingAlone: boolean }
const callTimes = new Map<string, CallTimes>();

/** Whether to hand work to the workers now. */
function splitting(): boolean {
  return pool.ready.length > 0 && !pool.alone;
}

/** A call in progress: its entry's times, whether it runs alone, when it started and its work. */
interface CallTiming { readonly times: CallTimes | undefined; readonly alone: boolean; readonly start: number; readonly work: number }

/** Starts a call of \`entry\` of \`work\` units: decides whether it runs with the workers (see steering). */
function callStart(entry: string, work: number): CallTiming {
  if (pool.ready.length === 0 || !pool.backOff) {
    pool.alone = false;
    kernelsOn(pool.ready.length > 0);
    return { times: undefined, alone: false, start: 0, work };
  }
  let times = callTimes.get(entry);
  if (times === undefined) callTimes.set(entry, (times = { withWorkers: [], alone: [], calls: 0, tryOtherEvery: 4, tryOtherAt: 0, tryingAlone: false }));
  const n = ++times.calls;
  if (n === times.tryOtherAt) {
    // A try of the slower way: its times are old, and the machine may have changed since.
    times.tryingAlone = !aloneIsFaster(times);
    (times.tryingAlone ? times.alone : times.withWorkers).length = 0;
  }
  // The first call each way warms up (compiles, grows its memory) and is not counted; then two
  // each way, in turns, so that both have times.
  const trying = n >= times.tryOtherAt && n <= times.tryOtherAt + 2;
  const alone = n <= 6 ? n % 2 === 0 : trying ? times.tryingAlone : aloneIsFaster(times);
  pool.alone = alone;
  kernelsOn(!alone);
  if (alone) pool.aloneCalls++;
  return { times, alone, start: clock.now(), work };
}

/** The middle of a few times (of an even number, the mean of the middle two): calls slowed by another process do not count. */
function typical(samples: readonly number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const half = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[half] : (sorted[half - 1] + sorted[half]) / 2;
}

/**
 * Whether this thread alone has been faster lately, by a tenth of the time at least: between the
 * two, the workers keep the calls. A worker that slept through the gap before a call (the caller
 * did other work for more than 5 ms) makes the call slower now and then on a quiet machine too.
 */
function aloneIsFaster(times: CallTimes): boolean {
  return typical(times.alone) < 0.9 * typical(times.withWorkers);
}

/** Ends a call: notes its time, and after a try of the slower way when to try that again. */
function callDone(call: CallTiming): void {
  pool.alone = false;
  const times = call.times;
  const n = times?.calls ?? 0;
  // Not counted: the warm-up calls, and the first call of a try, which wakes sleeping workers or
  // finds the other memory's caches cold.
  if (times === undefined || n <= 2 || n === times.tryOtherAt || !(call.work > 0)) return;
  const perWork = (clock.now() - call.start) / call.work;
  const samples = call.alone ? times.alone : times.withWorkers;
  samples.push(perWork);
  if (samples.length > 5) samples.shift();
  if (n === 6) times.tryOtherAt = n + times.tryOtherEvery;
  else if (n === times.tryOtherAt + 2) {
    // After a try of the slower way: if it is now the faster, try back soon; else twice as late as
    // last time, or four times where it took a quarter longer (a quiet machine's alone, which then
    // costs the most to try).
    const [tried, other] = times.tryingAlone ? [times.alone, times.withWorkers] : [times.withWorkers, times.alone];
    const lost = aloneIsFaster(times) !== times.tryingAlone;
    const far = typical(tried) > 1.25 * typical(other);
    times.tryOtherEvery = lost ? Math.min(256, (far ? 4 : 2) * times.tryOtherEvery) : 4;
    times.tryOtherAt = n + times.tryOtherEvery;
  }
}
`;

/** How many workers a time loop hands shares to (its last argument). */
const loopWorkers = `
/** The workers a time loop starting now may hand shares of its calls to: none while this call runs alone. */
function loopWorkers(): number {
  return splitting() ? pool.ready.length : 0;
}
`;

const splitShares = `
/** Runs kernel \`index\` over its rows in shares: workers take the later ones, this thread the first. */
function splitKernel(index: number, args: number[], rowsAt: number, strides: readonly number[], align: number): void {
  const rows = args[rowsAt];
  const parts = Math.min(1 + pool.ready.length, Math.ceil(rows / align));
  const share = align * Math.ceil(rows / parts / align);
  let posted = 0;
  for (let first = share; first < rows; first += share) {
    const part = args.map((a, k) => a + first * strides[k]);
    part[rowsAt] = Math.min(share, rows - first);
    postJob(posted++, index, part);
  }
  args[rowsAt] = Math.min(share, rows);
  kernelList[index](...args);
  awaitJobs(posted);
}
`;

const splitHalves = `
/** Runs kernel \`index\` on \`first\` here and on \`second\` in a worker. */
function splitHalves(index: number, first: readonly number[], second: readonly number[]): void {
  postJob(0, index, second);
  kernelList[index](...first);
  awaitJobs(1);
}
`;

/** The types setThreads and threadInfo take and give, in modules with and without SIMD kernels alike. */
const threadTypes = `/** How setThreads runs the workers. */
export interface ThreadOptions {
  /**
   * Whether forward and grad time their calls and run on this thread alone while that has been
   * faster lately than with the workers, as it is when other processes take their cores (trying
   * the slower way for three calls after 4 calls, then 8, up to 256); true unless told. False always hands the
   * workers their shares, for a machine the model has to itself.
   */
  readonly backOff?: boolean;
}

/** What threadInfo reports. */
export interface ThreadInfo {
  /** Threads in use: this one and the workers. */
  readonly threads: number;
  /** Kernel calls, or shares of one, that the workers have run since setThreads. */
  readonly workerJobs: number;
  /** Shares handed to a worker that this thread took back and ran, the worker not having started them. */
  readonly keptJobs: number;
  /** Calls of forward and grad that ran on this thread alone, it having been faster lately than with the workers. */
  readonly aloneCalls: number;
}
`;

/** The pool, `setThreads` and `splitKernel`, in the generated module (after the loader). */
export function threadRuntime(
  sharedFlagAt: number,
  memoryPages: number,
  uses: { readonly shares: boolean; readonly halves: boolean; readonly loops: boolean },
): string {
  return `
// Worker threads (setThreads). Control block of worker w: int32s ${controlInts}·w … ${controlInts}·w + ${controlInts - 1} of the memory:
// the job's number, the last job done, whether the worker sleeps, the kernel, its argument count and arguments.
const JOB = ${controlField.job};
const DONE = ${controlField.done};
const SLEEPING = ${controlField.sleeping};
const KERNEL = ${controlField.kernel};
const COUNT = ${controlField.count};
const CLAIMED = ${controlField.claimed};
const RAN = ${controlField.ran};
const KEPT = ${controlField.kept};
const ARGS = ${controlField.args};
const maxThreads = ${maxWorkers + 1};
const workerSource = ${JSON.stringify(workerSource)};

interface WorkerHandle { postMessage(message: unknown): void; terminate(): unknown }
const pool = {
  /** Slots of the workers that are running, in the order they take shares. */
  ready: [] as number[],
  workers: [] as WorkerHandle[],
  control: undefined as Int32Array | undefined,
  /** The kernels on the memory they were loaded with, and on the shared memory the workers use (once setThreads has made it). */
  unshared: undefined as LoadedKernels | undefined,
  shared: undefined as LoadedKernels | undefined,
  /** Whether the call in progress runs on this thread alone (see steering), and how many calls have. */
  alone: false,
  aloneCalls: 0,
  /** Whether calls are timed to run alone where that is faster (setThreads' backOff). */
  backOff: true,
};

${steering}${uses.loops ? loopWorkers : ''}${uses.shares || uses.halves ? jobs : ''}${uses.shares ? splitShares : ''}${uses.halves ? splitHalves : ''}/** The jobs the workers have run and those this thread took back from them, since setThreads. */
function jobTotals(): { ran: number; kept: number } {
  const control = pool.control;
  let ran = 0;
  let kept = 0;
  if (control !== undefined)
    for (const slot of pool.ready) {
      ran += Atomics.load(control, ${controlInts} * slot + RAN);
      kept += control[${controlInts} * slot + KEPT];
    }
  return { ran, kept };
}

/** Stops the workers and waits until they have exited, so that none still reads its control block. */
async function stopWorkers(): Promise<void> {
  const control = pool.control;
  if (control !== undefined) {
    for (const slot of pool.ready) {
      const base = ${controlInts} * slot;
      control[base + KERNEL] = -1;
      Atomics.store(control, base + JOB, control[base + JOB] + 1);
      Atomics.notify(control, base + JOB);
    }
  }
  const workers = pool.workers;
  pool.ready = [];
  pool.workers = [];
  pool.alone = false;
  pool.aloneCalls = 0;
  callTimes.clear();
  kernelsOn(false);
  await Promise.all(workers.map((worker) => worker.terminate()));
  control?.fill(0);
}

type StartWorker = (data: object, onError: () => void) => Promise<WorkerHandle>;

/** How this host starts a worker: worker_threads in Node, a Worker from a Blob in browsers. */
function workerStarter(): StartWorker {
  interface NodeWorker extends WorkerHandle { once(event: string, f: (value: unknown) => void): void; on(event: string, f: (value: unknown) => void): void; unref(): void }
  interface WebWorker extends WorkerHandle { onmessage: ((event: unknown) => void) | null; onerror: ((event: unknown) => void) | null }
  const host = globalThis as unknown as {
    SharedArrayBuffer?: unknown;
    process?: { getBuiltinModule?(id: string): unknown };
    Worker?: new (url: string) => WebWorker;
    Blob?: new (parts: string[], options: { type: string }) => object;
    URL?: { createObjectURL(blob: object): string };
  };
  if (host.SharedArrayBuffer === undefined) fail('threads need SharedArrayBuffer (in a browser, a cross-origin isolated page)');
  const threads = host.process?.getBuiltinModule?.('node:worker_threads') as { Worker: new (code: string, options: { eval: true }) => NodeWorker } | undefined;
  if (threads !== undefined) {
    return (data, onError) =>
      new Promise((resolve, reject) => {
        const worker = new threads.Worker(workerSource, { eval: true });
        worker.once('message', () => {
          // Until now the worker kept the process alive, so that it could start; it must not keep it from exiting.
          worker.unref();
          resolve(worker);
        });
        worker.once('error', reject);
        worker.on('error', onError);
        worker.postMessage(data);
      });
  }
  const { Worker, Blob, URL } = host;
  if (Worker !== undefined && Blob !== undefined && URL !== undefined) {
    const url = URL.createObjectURL(new Blob([workerSource], { type: 'text/javascript' }));
    return (data, onError) =>
      new Promise((resolve, reject) => {
        const worker = new Worker(url);
        worker.onmessage = () => resolve(worker);
        worker.onerror = (event) => {
          reject(event);
          onError();
        };
        worker.postMessage(data);
      });
  }
  fail('threads need worker_threads (Node 20.16 or later) or Web Workers');
}

/** The kernels on a shared memory (once): the same bytes with the memory import's flag set to shared. */
function shareMemory(loaded: LoadedKernels, api: WebAssemblyApi): Uint8Array {
  const bytes = decodeBase64(loadedKernelBytes);
  bytes[${sharedFlagAt}] = 0x03;
  if (!pool.control) {
    const pages = Math.ceil(loaded.memory.buffer.byteLength / 65536);
    const memory = new api.Memory({ initial: pages, maximum: ${memoryPages}, shared: true });
    pool.unshared = { memory: loaded.memory, exports: loaded.exports };
    pool.shared = { memory, exports: new api.Instance(new api.Module(bytes), { env: { memory } }).exports as KernelExports };
    kernelList.splice(0, kernelList.length, ...kernelNames.map((name) => (pool.shared?.exports as unknown as { [name: string]: (...args: number[]) => void })[name]));
    pool.control = new Int32Array(memory.buffer, 0, ${controlBytes / 4});
  }
  return bytes;
}

/**
 * Runs the kernels on the shared memory (with workers) or on the first one. A memory that is not
 * shared is faster for this thread alone: V8 copies typed arrays on a shared one byte-safe (2.5
 * times as slow, and fill 10 times), and the weight-gradient sums ran 10 % slower there. Each call
 * stages its arrays into the heap anew, and packed weights move with the memory (residentPlace).
 */
function kernelsOn(shared: boolean): void {
  const on = shared ? pool.shared : pool.unshared;
  if (kernels === undefined || on === undefined || kernels.memory === on.memory) return;
  kernels.memory = on.memory;
  kernels.exports = on.exports;
}

${threadTypes}
/** The cores this host offers (os.availableParallelism in Node, navigator.hardwareConcurrency in browsers), at most maxThreads. */
function defaultThreads(): number {
  const host = globalThis as unknown as {
    process?: { getBuiltinModule?(id: string): unknown };
    navigator?: { hardwareConcurrency?: number };
  };
  const os = host.process?.getBuiltinModule?.('node:os') as { availableParallelism?(): number } | undefined;
  const cores = os?.availableParallelism?.() ?? host.navigator?.hardwareConcurrency ?? 1;
  return Math.max(1, Math.min(maxThreads, Math.floor(cores)));
}

/**
 * Runs this module's kernels on \`count\` threads (by default, one a core of
 * this host, at most ${maxWorkers + 1}): this one and count − 1 workers
 * (worker_threads in Node, Web Workers in browsers, on a SharedArrayBuffer).
 * GEMMs and fused loops with enough rows are split between them; results are
 * the same as on one thread. A share a worker has not started when this
 * thread has done its own is taken back and run here, so workers that lose
 * their cores to other processes before they start do not hold a call up;
 * and forward and grad run on this thread alone while that has been faster
 * lately (\`options.backOff\`). Resolves to the number of threads in use
 * once the workers are ready (1 where the SIMD kernels are unavailable);
 * \`setThreads(1)\` stops the workers.
 */
export async function setThreads(count: number = defaultThreads(), options: ThreadOptions = {}): Promise<number> {
  if (!Number.isInteger(count) || count < 1 || count > maxThreads) fail(\`the thread count must be a whole number from 1 to \${maxThreads}, got \${count}\`);
  await stopWorkers();
  pool.backOff = options.backOff ?? true;
  const api = (globalThis as unknown as { WebAssembly: WebAssemblyApi }).WebAssembly;
  if (count === 1 || kernels === undefined) return 1;
  const start = workerStarter();
  const bytes = shareMemory(kernels, api);
  kernelsOn(true);
  const starting: Promise<WorkerHandle>[] = [];
  for (let slot = 1; slot < count; slot++) {
    const onError = () => {
      pool.ready = pool.ready.filter((s) => s !== slot);
    };
    starting.push(start({ memory: kernels.memory, bytes, names: kernelNames, slot }, onError));
  }
  const started = await Promise.allSettled(starting);
  pool.workers = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const failed = started.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed !== undefined) {
    await stopWorkers();
    fail(\`a worker thread failed to start: \${String(failed.reason)}\`);
  }
  pool.ready = pool.workers.map((_, k) => k + 1);
  return count;
}

/**
 * The threads in use; how many kernel calls (or shares of one) the workers have run since
 * setThreads; how many shares this thread took back from a worker that had not started them; and
 * how many calls it ran alone, that having been faster.
 */
export function threadInfo(): ThreadInfo {
  const { ran, kept } = jobTotals();
  return { threads: 1 + pool.ready.length, workerJobs: ran, keptJobs: kept, aloneCalls: pool.aloneCalls };
}
`;
}

/** The same function in a module without SIMD kernels: one thread. */
export const scalarThreads = `
${threadTypes}
/** Runs this module on one thread: it was compiled without SIMD kernels, which are what threads split. */
export async function setThreads(count = 1, _options: ThreadOptions = {}): Promise<number> {
  if (!Number.isInteger(count) || count < 1) fail(\`the thread count must be a whole number of at least 1, got \${count}\`);
  return 1;
}

export function threadInfo(): ThreadInfo {
  return { threads: 1, workerJobs: 0, keptJobs: 0, aloneCalls: 0 };
}
`;
