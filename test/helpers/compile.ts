import { readdirSync, readFileSync } from 'node:fs';
import { formatDiagnostics } from '../../src/diagnostics.js';
import { compileSource, type Program, selectModel } from '../../src/frontend/program.js';
import type { ModelInfo } from '../../src/frontend/model.js';

export const examplesDir = new URL('../../examples/', import.meta.url);
export const referenceDir = new URL('../fixtures/pytorch/', import.meta.url);

/** Compiles source text, failing the test with the formatted diagnostics if it has errors. */
export function compileOk(source: string, file = 'test.rnn'): Program {
  const result = compileSource(source, file);
  if (!result.program) throw new Error(formatDiagnostics(result.diagnostics, source));
  return result.program;
}

/** An example file's program; `name` may be a case, `file.rnn:Model`. */
export function loadExample(name: string): Program {
  const file = name.split(':')[0];
  const url = new URL(file, examplesDir);
  return compileOk(readFileSync(url, 'utf8'), `examples/${file}`);
}

/** Every example model: `file.rnn`, or `file.rnn:Model` for each model of a file that defines several. */
export const exampleCases: readonly string[] = readdirSync(examplesDir)
  .filter((f) => f.endsWith('.rnn'))
  .sort()
  .flatMap((file) => {
    const { models } = loadExample(file);
    return models.length > 1 ? models.map((m) => `${file}:${m.name}`) : [file];
  });

/** The model of an example case. */
export function caseModel(name: string): ModelInfo {
  return selectModel(loadExample(name), name.split(':')[1]);
}

/** A case's name as part of a file name: `adding_AddingLSTM`. */
export function caseSlug(name: string): string {
  return name.replace('.rnn', '').replace(':', '_');
}

export function exampleModel(name: string, model?: string): ModelInfo {
  return selectModel(loadExample(name), model);
}

export function readJson(url: URL): Record<string, unknown> {
  return JSON.parse(readFileSync(url, 'utf8')) as Record<string, unknown>;
}

/** The largest |a - b| / max(|b|, floor) over two arrays of equal length. */
export function maxRelativeError(a: ArrayLike<number>, b: ArrayLike<number>, floor = 1e-3): number {
  if (a.length !== b.length) throw new Error(`lengths differ: ${a.length} vs ${b.length}`);
  let worst = 0;
  for (let k = 0; k < a.length; k++) worst = Math.max(worst, Math.abs(a[k] - b[k]) / Math.max(Math.abs(b[k]), floor));
  return worst;
}

export function flat(nested: unknown): number[] {
  return Array.isArray(nested) ? nested.flatMap(flat) : [nested as number];
}

/** A tensor of zeros of a shape, as generated modules take their inputs: `{ data, shape }`. */
export function zeros(shape: number[]): { data: Float32Array; shape: number[] } {
  return { data: new Float32Array(shape.reduce((a, b) => a * b, 1)), shape };
}

/** [a][b][…] data as [b][a][…]: time-major and batch-major sequences, one from the other. */
export function swapLeadAxes(t: { data: ArrayLike<number>; shape: readonly number[] }): {
  data: Float32Array;
  shape: number[];
} {
  const [a, b, ...rest] = t.shape;
  const size = rest.reduce((x, y) => x * y, 1);
  const out = new Float32Array(a * b * size);
  for (let i = 0; i < a; i++)
    for (let j = 0; j < b; j++)
      for (let k = 0; k < size; k++) out[(j * a + i) * size + k] = t.data[(i * b + j) * size + k];
  return { data: out, shape: [b, a, ...rest] };
}

/** Deterministic values in [-1, 1), nested [B][T][width] (batch-major). */
export function batchMajorValues(seed: number, batch: number, steps: number, width: number): number[][][] {
  let state = seed;
  const next = () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return (state / 2 ** 31) * 2 - 1;
  };
  return Array.from({ length: batch }, () => Array.from({ length: steps }, () => Array.from({ length: width }, next)));
}
