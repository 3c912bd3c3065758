/**
 * Threads against one thread, on a quiet machine and on a busy one: `npm run bench -- --only threads`.
 *
 * Two copies of a workload's module, one on a single thread and one on more, are timed in turns
 * (bench/peer.ts's inTurns), forward and forward+backward. Then the same again while the bench
 * keeps every core busy with spinning processes of its own (one more than there are cores), the
 * load under which a worker loses its core in the middle of a call: the SIMD module's calls take
 * back the shares their workers have not started, and run alone while that has been faster, so
 * more threads should never be slower than one.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { inTurns } from './peer.js';
import { loadRnnc, type Module, type Tensor } from './rnnc.js';
import { middle, pause, settle, uniform } from './timing.js';

interface Workload {
  readonly name: string;
  readonly cell: 'lstm' | 'gru';
  readonly I: number;
  readonly H: number;
  readonly B: number;
  readonly T: number;
}

const workloads: readonly Workload[] = [
  { name: 'lstm-medium', cell: 'lstm', I: 256, H: 256, B: 16, T: 50 },
  { name: 'gru-medium', cell: 'gru', I: 256, H: 256, B: 16, T: 50 },
  { name: 'lstm-large', cell: 'lstm', I: 512, H: 512, B: 32, T: 25 },
];

interface ThreadedModule extends Module {
  threadInfo(): { threads: number; workerJobs: number; keptJobs: number; aloneCalls: number };
}

interface Row {
  readonly workload: string;
  readonly pass: string;
  readonly threads: number;
  readonly load: string;
  readonly one: number;
  readonly many: number;
  /** one-thread time / many-thread time, round by round, sorted. */
  readonly speedups: readonly number[];
  /** The share of posted jobs the calling thread took back. */
  readonly kept: number;
  /** The share of the threaded module's calls that ran alone, that having been faster. */
  readonly alone: number;
}

/** `count` processes that spin until stopped. */
function spinners(count: number): ChildProcess[] {
  return Array.from({ length: count }, () => spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }));
}

async function measure(w: Workload, threads: number, load: string, rounds: number, rows: Row[]): Promise<void> {
  const file = new URL(`../../bench/models/${w.cell}.rnn`, import.meta.url).pathname;
  const sizes = { I: w.I, H: w.H };
  const one = (await loadRnnc(file, sizes, 2)).module;
  const many = (await loadRnnc(file, sizes, 2)).module as ThreadedModule;
  if ((await many.setThreads(threads)) !== threads) throw new Error(`no ${threads} threads here`);
  const params = one.pack(one.init(1));
  const manyParams = many.pack(many.init(1));
  const x: Tensor = { data: uniform(w.T * w.B * w.I, 7), shape: [w.T, w.B, w.I] };
  for (const pass of ['forward', 'forward+backward'] as const) {
    const call = (m: Module, p: typeof params) =>
      pass === 'forward' ? () => m.forward(p, { x }) : () => m.grad(p, { x });
    const [single, split] = [call(one, params), call(many, manyParams)];
    const start = performance.now();
    single();
    const calls = Math.max(1, Math.round(200 / Math.max(performance.now() - start, 0.1)));
    settle(split); // the threaded copy's warm-up (inTurns warms up the other)
    const before = many.threadInfo();
    let threadedCalls = 0;
    const turns = await inTurns(
      () => {
        threadedCalls++;
        split();
      },
      async (n) => {
        const t0 = performance.now();
        for (let k = 0; k < n; k++) single();
        return (performance.now() - t0) / n;
      },
      calls,
      rounds,
    );
    const after = many.threadInfo();
    const kept = after.keptJobs - before.keptJobs;
    const ran = after.workerJobs - before.workerJobs;
    rows.push({
      workload: w.name,
      pass,
      threads,
      load,
      one: turns.peer,
      many: turns.rnnc,
      speedups: turns.ratios,
      kept: kept / Math.max(1, kept + ran),
      alone: (after.aloneCalls - before.aloneCalls) / Math.max(1, threadedCalls),
    });
  }
  await many.setThreads(1);
}

export async function benchThreads(rounds: number, quick: boolean): Promise<string> {
  const cores = availableParallelism();
  const counts = [...new Set([2, cores])];
  const rows: Row[] = [];
  for (const busy of [false, true]) {
    const load = busy ? `${cores + 1} spinning processes` : 'quiet';
    const spinning = busy ? spinners(cores + 1) : [];
    await pause(200);
    try {
      for (const w of quick ? workloads.slice(0, 1) : workloads)
        for (const threads of counts) {
          console.error(`threads: ${w.name}, ${threads} threads, ${load}`);
          await measure(w, threads, load, rounds, rows);
        }
    } finally {
      for (const child of spinning) child.kill();
    }
  }
  const range = (r: readonly number[]) => `${r[0].toFixed(2)}–${r[r.length - 1].toFixed(2)}`;
  return [
    `Threads against one thread (${cores} cores here), in turns, ${rounds} rounds of about 200 ms each; × = the one-thread time / the threaded time, above 1 where threads help; "taken back" is the share of the workers' jobs that the calling thread ran itself because the worker had not started it; "alone" the share of the threaded module's calls that ran on the calling thread alone, that having been faster lately:`,
    '',
    '| workload | pass | threads | machine | 1 thread ms | threaded ms | median × | × range | taken back | alone |',
    '|---|---|---:|---|---:|---:|---:|---|---:|---:|',
    ...rows.map(
      (r) =>
        `| ${r.workload} | ${r.pass} | ${r.threads} | ${r.load} | ${r.one.toFixed(1)} | ${r.many.toFixed(1)} | ${middle(r.speedups).toFixed(2)} | ${range(r.speedups)} | ${(100 * r.kept).toFixed(0)} % | ${(100 * r.alone).toFixed(0)} % |`,
    ),
  ].join('\n');
}
