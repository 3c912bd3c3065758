/**
 * `npm run fuzz [-- --sources N --seed S --workers W --timeout-s T]`: generates N sources
 * (grammar-aware, mutated, and built to hit the limits), puts each through every stage in a
 * worker thread with a time limit, checks the emitted TypeScript with tsc and the emitted WGSL
 * with Tint, and reports crashes, hangs, unclean refusals and invalid output. Every failing
 * source is written to .fuzz-output/ for triage; the exit status is 1 when any was found.
 */
import fc from 'fast-check';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import type { Outcome } from './exercise.js';
import { extremeSource, mutatedSource } from './generate.js';
import { shaderErrors, typeErrors } from './validate.js';

const { values: args } = parseArgs({
  options: {
    sources: { type: 'string', default: '10000' },
    seed: { type: 'string', default: '1' },
    workers: { type: 'string', default: '2' },
    'timeout-s': { type: 'string', default: '20' },
    'validate-every': { type: 'string', default: '1' },
  },
});
const total = Number(args.sources);
const seed = Number(args.seed);
const timeoutMs = Number(args['timeout-s']) * 1000;
const validateEvery = Number(args['validate-every']);

const examples = readdirSync('examples')
  .filter((f) => f.endsWith('.rnn'))
  .map((f) => readFileSync(join('examples', f), 'utf8'));
const sources = fc.sample(
  fc.oneof({ weight: 12, arbitrary: mutatedSource(examples) }, { weight: 1, arbitrary: extremeSource }),
  {
    numRuns: total,
    seed,
  },
);

const out = '.fuzz-output';
mkdirSync(out, { recursive: true });
const counts = { ok: 0, refused: 0, unclean: 0, crash: 0, hang: 0, 'invalid ts': 0, 'invalid wgsl': 0 };
let saved = 0;
function keep(kind: string, source: string, detail: string): void {
  saved++;
  const stem = join(out, `${kind.replace(' ', '-')}-${saved}`);
  writeFileSync(`${stem}.rnn`, source);
  writeFileSync(`${stem}.txt`, `${kind}: ${detail}\n`);
}

interface Job {
  readonly index: number;
  readonly resolve: (outcome: Outcome | 'hang') => void;
}

const workerUrl = new URL('./worker.js', import.meta.url);

/** One worker thread; a source that runs past the time limit costs the worker, which is replaced. */
class Lane {
  private worker = new Worker(workerUrl);
  private job: Job | undefined;
  private timer: NodeJS.Timeout | undefined;
  constructor() {
    this.listen();
  }
  private listen(): void {
    this.worker.on('message', (outcome: Outcome) => this.finish(outcome));
    this.worker.on('error', (e) => {
      // A worker that died is replaced: the next source gets a fresh one.
      this.worker = new Worker(workerUrl);
      this.listen();
      this.finish({ verdict: 'crash', stage: 'worker', message: String(e), typescript: {}, wgsl: {} });
    });
  }
  private finish(outcome: Outcome | 'hang'): void {
    clearTimeout(this.timer);
    const job = this.job;
    this.job = undefined;
    job?.resolve(outcome);
  }
  run(index: number): Promise<Outcome | 'hang'> {
    return new Promise((resolve) => {
      this.job = { index, resolve };
      this.timer = setTimeout(() => {
        void this.worker.terminate();
        this.worker = new Worker(workerUrl);
        this.listen();
        this.finish('hang');
      }, timeoutMs);
      this.worker.postMessage({
        source: sources[index],
        thorough: index % validateEvery === 0,
        dataSeed: seed * 100_003 + index,
      });
    });
  }
  close(): Promise<number> {
    return this.worker.terminate();
  }
}

const pendingTs: Record<string, string> = {};
const pendingWgsl: Record<string, string> = {};
const owner = new Map<string, number>();

/** tsc over a batch; where tsc itself fails (its stack overflows on a module), file by file. */
function typeErrorsByFile(batch: Record<string, string>): Map<string, string> {
  try {
    return typeErrors(batch);
  } catch {
    const errors = new Map<string, string>();
    for (const [file, text] of Object.entries(batch)) {
      try {
        for (const [f, e] of typeErrors({ [file]: text })) errors.set(f, e);
      } catch (e) {
        errors.set(file, `tsc failed on it: ${String(e)}`);
      }
    }
    return errors;
  }
}

async function validate(): Promise<void> {
  const tsFiles = Object.keys(pendingTs);
  if (tsFiles.length > 0) {
    for (const [file, errors] of typeErrorsByFile(pendingTs)) {
      counts['invalid ts']++;
      keep('invalid ts', sources[owner.get(file) ?? 0], `${file}\n${errors}`);
    }
    for (const f of tsFiles) delete pendingTs[f];
  }
  const kernels = Object.keys(pendingWgsl);
  if (kernels.length > 0) {
    for (const [kernel, errors] of await shaderErrors(pendingWgsl)) {
      counts['invalid wgsl']++;
      keep('invalid wgsl', sources[owner.get(kernel) ?? 0], `${kernel}\n${errors}\n${pendingWgsl[kernel]}`);
    }
    for (const k of kernels) delete pendingWgsl[k];
  }
}

const started = Date.now();
const lanes = Array.from({ length: Number(args.workers) }, () => new Lane());
let next = 0;
let done = 0;
await Promise.all(
  lanes.map(async (lane) => {
    while (next < sources.length) {
      const index = next++;
      const outcome = await lane.run(index);
      done++;
      if (outcome === 'hang') {
        counts.hang++;
        keep('hang', sources[index], `ran past ${timeoutMs / 1000} s`);
      } else {
        counts[outcome.verdict]++;
        if (outcome.verdict === 'crash' || outcome.verdict === 'unclean')
          keep(outcome.verdict, sources[index], `${outcome.stage}: ${outcome.message}`);
        for (const [file, text] of Object.entries(outcome.typescript)) {
          pendingTs[`s${index}-${file}`] = text;
          owner.set(`s${index}-${file}`, index);
        }
        for (const [file, text] of Object.entries(outcome.wgsl)) {
          pendingWgsl[`s${index}-${file}`] = text;
          owner.set(`s${index}-${file}`, index);
        }
      }
      if (Object.keys(pendingTs).length >= 40 || Object.keys(pendingWgsl).length >= 200) await validate();
      if (done % 500 === 0)
        console.log(
          `${done}/${total} sources, ${Math.round((Date.now() - started) / 1000)} s: ${JSON.stringify(counts)}`,
        );
    }
  }),
);
await validate();
await Promise.all(lanes.map((l) => l.close()));
const seconds = Math.round((Date.now() - started) / 1000);
console.log(`fuzzed ${total} sources (seed ${seed}) in ${seconds} s: ${JSON.stringify(counts)}`);
const failures = counts.unclean + counts.crash + counts.hang + counts['invalid ts'] + counts['invalid wgsl'];
if (failures > 0) console.log(`the failing sources are in ${out}/`);
process.exit(failures > 0 ? 1 : 0);
