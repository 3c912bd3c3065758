/**
 * `rnnc compare A.rnn B.rnn …`: models (or cells) side by side, at one or
 * more optimization levels: size, work and memory per step from the
 * compiled graphs, the generated code's size, WGSL dispatches per step,
 * and measured forward and forward+backward times per target, timed in
 * turns (each candidate once a round) so that a busy machine slows all
 * alike: the median and the range over the rounds. A `rnnc train` run folder
 * stands for its model at its sizes, with its held-out loss beside.
 */
import { optimizedGraphs } from '../backends/ts/index.js';
import { UserError } from '../diagnostics.js';
import { selectModel } from '../frontend/program.js';
import { randomData } from '../interp/random-data.js';
import { Dim } from '../ir/dims.js';
import { tensorType } from '../ir/types.js';
import { bindSizes } from '../interp/run.js';
import type { OptLevel } from '../passes/pipeline.js';
import { compileForTraining, type Compiled, type Inputs } from '../train/compiled.js';
import { costRows, modelCosts } from '../api/costs.js';
import { check } from '../api/program.js';
import { files } from '../train/checkpoint.js';
import { formatMetric } from '../train/loop.js';
import { loadProgram, parseLevel, parseSizes, readJsonFile, readText, shown } from './load.js';
import { statSync } from 'node:fs';
import { join } from 'node:path';

export interface CompareFlags {
  readonly targets: string;
  readonly optLevel: string;
  readonly steps: string;
  readonly batch: string;
  readonly repeats: string;
  readonly format: 'table' | 'json' | 'md';
  readonly size: string[];
}

interface Column {
  readonly name: string;
  readonly values: Record<string, number | string | Timing>;
}

/** Random inputs (uniform in [−1, 1], token ids below the vocabulary) and one-hot targets of the shapes a module declares, flat. */
export function randomInputs(compiled: Compiled, steps: number, batch: number, seed: number): Inputs {
  const specs = Object.entries(compiled.inputSpecs).map(([name, spec]) => ({
    name,
    role: spec.target ? ('target' as const) : ('input' as const),
    type: tensorType(spec.shape, { batched: spec.batch, time: spec.time }),
    ...(spec.vocabulary !== undefined ? { vocabulary: Dim.of(spec.vocabulary) } : {}),
  }));
  const axes = Object.fromEntries(specs.flatMap((s) => (s.type.time !== null ? [[s.type.time, steps]] : [])));
  const nested = randomData(specs, {}, axes, batch, seed);
  return Object.fromEntries(
    specs.map(({ name, type }) => [
      name,
      {
        data: Float32Array.from((nested[name] as unknown[]).flat(Infinity) as number[]),
        shape: [
          ...(type.time !== null ? [steps] : []),
          ...(type.batched ? [batch] : []),
          ...compiled.inputSpecs[name].shape,
        ],
      },
    ]),
  );
}

/** A timing: the median of the rounds and their range, in ms. */
interface Timing {
  readonly median: number;
  readonly min: number;
  readonly max: number;
  readonly rounds: number;
}

/** One call to time, and where its timing goes. */
interface Candidate {
  readonly values: Record<string, number | string | Timing>;
  readonly key: string;
  readonly call: () => Promise<unknown>;
  readonly times: number[];
}

/**
 * Times every candidate in turns: after a warm-up call each (first-call compilation), each
 * round calls every candidate once, starting one further along each round, so drift in the
 * machine's load falls on all of them alike.
 */
async function timeInTurns(candidates: readonly Candidate[], rounds: number): Promise<void> {
  for (const c of candidates) await c.call();
  for (let round = 0; round < rounds; round++)
    for (let k = 0; k < candidates.length; k++) {
      const c = candidates[(k + round) % candidates.length];
      const start = performance.now();
      await c.call();
      c.times.push(performance.now() - start);
    }
  for (const c of candidates) {
    const sorted = [...c.times].sort((a, b) => a - b);
    c.values[c.key] = {
      median: sorted[sorted.length >> 1],
      min: sorted[0],
      max: sorted[sorted.length - 1],
      rounds,
    };
  }
}

/** What a `rnnc train` run folder says of its model and its last held-out evaluation. */
interface RunFolder {
  readonly source: string;
  readonly model: string;
  readonly sizes: Record<string, number>;
  readonly heldOut?: string;
}

function readRunFolder(folder: string): RunFolder | undefined {
  if (!statSync(folder, { throwIfNoEntry: false })?.isDirectory()) return undefined;
  const record = readJsonFile(join(folder, files.run), 'the run of rnnc train');
  const model = record.model as { name?: unknown; sizes?: unknown } | undefined;
  if (typeof model?.name !== 'string' || typeof model.sizes !== 'object' || model.sizes === null)
    throw new UserError(`${join(folder, files.run)} names no model: is ${folder} a folder of rnnc train?`);
  const history = Array.isArray(record.history) ? (record.history as Record<string, unknown>[]) : [];
  const last = history.filter((h) => h.split === 'held-out').pop() as
    { step: number; reported: { name: string; value: number } } | undefined;
  return {
    source: readText(join(folder, files.source)),
    model: model.name,
    sizes: model.sizes as Record<string, number>,
    ...(last ? { heldOut: `${formatMetric(last.reported)} at step ${last.step}` } : {}),
  };
}

const rows = [...costRows, ['heldOut', 'held-out loss (rnnc train run)']] as const;

export async function compareCommand(
  entries: readonly string[],
  flags: CompareFlags,
  err: (text: string) => void,
): Promise<string> {
  const targets = flags.targets.split(',').map((t) => t.trim());
  for (const t of targets)
    if (t !== 'ts' && t !== 'wgsl') throw new UserError(`--targets is a list of ts and wgsl, like ts,wgsl; got '${t}'`);
  const levels = flags.optLevel.split(',').map((l) => parseLevel(l.trim()));
  const [steps, batch, rounds] = [flags.steps, flags.batch, flags.repeats].map((v, k) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1)
      throw new UserError(`${['--steps', '--batch', '--repeats'][k]} must be a positive whole number, got '${v}'`);
    return n;
  });
  const overrides = parseSizes(flags.size);
  const columns: Column[] = [];
  const candidates: Candidate[] = [];
  const opened: Compiled[] = [];
  try {
    for (const entry of entries) {
      const run = readRunFolder(entry);
      const match = /^(.*\.rnn):([A-Za-z_][A-Za-z0-9_]*)$/.exec(entry);
      const [file, modelName] = run
        ? [join(entry, files.source), run.model]
        : match
          ? [match[1], match[2]]
          : [entry, undefined];
      const program = run ? shown(check(run.source, { file }), file, err) : loadProgram(file, err);
      const model = selectModel(program, modelName);
      const sizes = bindSizes(model, {
        ...(run?.sizes ?? {}),
        ...Object.fromEntries(Object.entries(overrides).filter(([k]) => model.sizes.some((s) => s.name === k))),
      });
      const source = { file: program.file, text: program.source };
      for (const level of levels) {
        const name = `${run ? entry.replace(/\/+$/, '') : model.name}${levels.length > 1 ? ` -O${level}` : ''}`;
        const values: Record<string, number | string | Timing> = {};
        if (run?.heldOut) values.heldOut = run.heldOut;
        const graphs = optimizedGraphs(model, { level: level as OptLevel });
        Object.assign(values, modelCosts(program, model, sizes, level as OptLevel));
        for (const target of targets) {
          const compiled = await compileForTraining(model, {
            target: target as 'ts' | 'wgsl',
            sizes,
            source,
            cells: program.cellTable,
            level: level as OptLevel,
          });
          opened.push(compiled);
          const params = compiled.init(0);
          const inputs = randomInputs(compiled, steps, batch, 1);
          candidates.push({
            values,
            key: `${target} forward`,
            call: () => compiled.forward(params, inputs),
            times: [],
          });
          if (graphs.backward)
            candidates.push({
              values,
              key: `${target} forward+backward`,
              call: () => compiled.evaluate(params, inputs),
              times: [],
            });
          else values[`${target} forward+backward`] = '—';
        }
        columns.push({ name, values });
      }
    }
    await timeInTurns(candidates, rounds);
  } finally {
    for (const compiled of opened) compiled.destroy();
  }
  const timeRows = targets.flatMap((t) => [
    [
      `${t} forward`,
      `${t === 'ts' ? 'TypeScript' : 'WGSL'} forward (ms, T = ${steps}, B = ${batch}: median (range) of ${rounds} rounds)`,
    ],
    [`${t} forward+backward`, `${t === 'ts' ? 'TypeScript' : 'WGSL'} forward+backward (ms)`],
  ]);
  const used = rows.filter(([key]) => key !== 'heldOut' || columns.some((c) => c.values.heldOut !== undefined));
  const allRows = [...used, ...timeRows] as readonly (readonly [string, string])[];
  return render(columns, allRows, flags.format);
}

function cell(value: number | string | Timing | undefined): string {
  if (value === undefined) return '—';
  if (typeof value === 'string') return value;
  if (typeof value === 'object') return `${value.median.toFixed(2)} (${value.min.toFixed(2)}–${value.max.toFixed(2)})`;
  return Number.isInteger(value) ? value.toLocaleString('en-US') : value.toFixed(2);
}

function render(
  columns: readonly Column[],
  allRows: readonly (readonly [string, string])[],
  format: CompareFlags['format'],
): string {
  if (format === 'json')
    return JSON.stringify(
      columns.map((c) => ({
        name: c.name,
        ...Object.fromEntries(allRows.map(([key, label]) => [label, c.values[key] ?? null])),
      })),
      null,
      2,
    );
  const table = [
    ['', ...columns.map((c) => c.name)],
    ...allRows.map(([key, label]) => [label, ...columns.map((c) => cell(c.values[key]))]),
  ];
  if (format === 'md') {
    const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
    return [line(table[0]), line(table[0].map((_, k) => (k === 0 ? '---' : '---:'))), ...table.slice(1).map(line)].join(
      '\n',
    );
  }
  const widths = table[0].map((_, k) => Math.max(...table.map((r) => r[k].length)));
  return table
    .map((r) => r.map((c, k) => (k === 0 ? c.padEnd(widths[k]) : c.padStart(widths[k]))).join('  '))
    .join('\n');
}
