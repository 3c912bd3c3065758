/**
 * `rnnc compare A.rnn B.rnn …`: models (or cells) side by side, at one or
 * more optimization levels: size, work and memory per step from the
 * compiled graphs, the generated code's size, WGSL dispatches per step,
 * and measured forward and forward+backward times per target.
 */
import { grad } from '../ad/grad.js';
import { savedFloats } from '../ad/scan.js';
import { stepCost } from '../backends/cost.js';
import { compileToTypeScript, optimizedGraphs } from '../backends/ts/index.js';
import { compileToWgsl } from '../backends/wgsl/index.js';
import { UserError } from '../diagnostics.js';
import { selectModel } from '../frontend/program.js';
import { randomData } from '../interp/random-data.js';
import { tensorType } from '../ir/types.js';
import { bindSizes } from '../interp/run.js';
import type { OptLevel } from '../passes/pipeline.js';
import { compileForTraining, type Compiled, type Inputs } from '../train/compiled.js';
import { lossGraph } from '../api/graph.js';
import { loadProgram, parseLevel, parseSizes } from './load.js';

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
  readonly values: Record<string, number | string>;
}

/** Random inputs (uniform in [−1, 1]) and one-hot targets of the shapes a module declares, flat. */
export function randomInputs(compiled: Compiled, steps: number, batch: number, seed: number): Inputs {
  const specs = Object.entries(compiled.inputSpecs).map(([name, spec]) => ({
    name,
    role: spec.target ? ('target' as const) : ('input' as const),
    type: tensorType(spec.shape, { batched: spec.batch, time: spec.time }),
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

async function median(repeats: number, run: () => Promise<unknown>): Promise<number> {
  await run(); // warm-up: first-call compilation
  const times: number[] = [];
  for (let k = 0; k < repeats; k++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

const rows = [
  ['params', 'params'],
  ['flops', 'forward FLOPs per step and sample'],
  ['gradFlops', 'forward+backward FLOPs per step and sample'],
  ['saved', 'floats saved per step and sample for BPTT'],
  ['loopGemms', 'GEMMs per step in the loop (forward / grad)'],
  ['sequenceGemms', 'GEMMs over all steps (forward / grad)'],
  ['loopElementwise', 'elementwise loops per step (forward / grad)'],
  ['dispatches', 'WGSL dispatches per step (forward / grad)'],
  ['tsBytes', 'TypeScript module (bytes)'],
  ['wasmBytes', 'WebAssembly kernels in it (bytes)'],
  ['wgslBytes', 'WGSL kernels (bytes)'],
] as const;

export async function compareCommand(
  files: readonly string[],
  flags: CompareFlags,
  err: (text: string) => void,
): Promise<string> {
  const targets = flags.targets.split(',').map((t) => t.trim());
  for (const t of targets)
    if (t !== 'ts' && t !== 'wgsl') throw new UserError(`--targets is a list of ts and wgsl, like ts,wgsl; got '${t}'`);
  const levels = flags.optLevel.split(',').map((l) => parseLevel(l.trim()));
  const [steps, batch, repeats] = [flags.steps, flags.batch, flags.repeats].map((v, k) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1)
      throw new UserError(`${['--steps', '--batch', '--repeats'][k]} must be a positive whole number, got '${v}'`);
    return n;
  });
  const overrides = parseSizes(flags.size);
  const columns: Column[] = [];
  for (const entry of files) {
    const match = /^(.*\.rnn):([A-Za-z_][A-Za-z0-9_]*)$/.exec(entry);
    const [file, modelName] = match ? [match[1], match[2]] : [entry, undefined];
    const program = loadProgram(file, err);
    const model = selectModel(program, modelName);
    const sizes = bindSizes(
      model,
      Object.fromEntries(Object.entries(overrides).filter(([k]) => model.sizes.some((s) => s.name === k))),
    );
    const source = { file: program.file, text: program.source };
    for (const level of levels) {
      const name = `${model.name}${levels.length > 1 ? ` -O${level}` : ''}`;
      const values: Record<string, number | string> = {};
      const fuse = level >= 1;
      const graphs = optimizedGraphs(model, { level: level as OptLevel });
      const forward = stepCost(graphs.forward.graph, sizes, fuse);
      const backward = graphs.backward ? stepCost(graphs.backward.graph, sizes, fuse) : undefined;
      const both = (f: number, b: number | undefined) => (b === undefined ? `${f}` : `${f} / ${b}`);
      values.params = model.params.reduce((a, p) => a + p.shape.reduce((x, d) => x * d.evaluate(sizes), 1), 0);
      values.flops = forward.flops;
      values.gradFlops = backward ? backward.flops : '—';
      values.saved = grad(lossGraph(model).graph).saved.reduce((a, s) => a + savedFloats(s.values).evaluate(sizes), 0);
      values.loopGemms = both(forward.loopGemms, backward?.loopGemms);
      values.sequenceGemms = both(forward.sequenceGemms, backward?.sequenceGemms);
      values.loopElementwise = both(forward.loopElementwise, backward?.loopElementwise);
      const ts = compileToTypeScript(model, {
        level: level as OptLevel,
        dtype: 'f32',
        sizes,
        source,
        cells: program.cellTable,
      });
      values.tsBytes = Buffer.byteLength(ts.code);
      values.wasmBytes = ts.kernels?.bytes ?? 0;
      try {
        const wgsl = compileToWgsl(model, {
          level: level as OptLevel,
          sizes,
          source,
          cells: program.cellTable,
          schedule: 'steps',
        });
        const per = (fn: 'forward' | 'grad') => (wgsl.dispatches(fn, 2 * steps) - wgsl.dispatches(fn, steps)) / steps;
        values.dispatches = both(per('forward'), graphs.backward ? per('grad') : undefined);
        values.wgslBytes = wgsl.kernels.reduce((a, k) => a + Buffer.byteLength(k.code), 0);
      } catch (e) {
        if (!(e instanceof UserError)) throw e;
        values.dispatches = values.wgslBytes = '—';
      }
      for (const target of targets) {
        const compiled = await compileForTraining(model, {
          target: target as 'ts' | 'wgsl',
          sizes,
          source,
          cells: program.cellTable,
          level: level as OptLevel,
        });
        try {
          const params = compiled.init(0);
          const inputs = randomInputs(compiled, steps, batch, 1);
          values[`${target} forward`] = await median(repeats, () => compiled.forward(params, inputs));
          values[`${target} forward+backward`] = graphs.backward
            ? await median(repeats, () => compiled.evaluate(params, inputs))
            : '—';
        } finally {
          compiled.destroy();
        }
      }
      columns.push({ name, values });
    }
  }
  const timeRows = targets.flatMap((t) => [
    [`${t} forward`, `${t === 'ts' ? 'TypeScript' : 'WGSL'} forward (ms, T = ${steps}, B = ${batch})`],
    [`${t} forward+backward`, `${t === 'ts' ? 'TypeScript' : 'WGSL'} forward+backward (ms)`],
  ]);
  const allRows = [...rows, ...timeRows] as readonly (readonly [string, string])[];
  return render(columns, allRows, flags.format);
}

function cell(value: number | string | undefined): string {
  if (value === undefined) return '—';
  if (typeof value === 'string') return value;
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
