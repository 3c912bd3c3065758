import { readFileSync } from 'node:fs';
import { formatDiagnostics } from '../../src/diagnostics.js';
import { compileSource, type Program, selectModel } from '../../src/frontend/program.js';
import type { ModelInfo } from '../../src/frontend/model.js';

export const examplesDir = new URL('../../examples/', import.meta.url);
export const referenceDir = new URL('../../../shared/reference/', import.meta.url);

/** Compiles source text, failing the test with the formatted diagnostics if it has errors. */
export function compileOk(source: string, file = 'test.rnn'): Program {
  const result = compileSource(source, file);
  if (!result.program) throw new Error(formatDiagnostics(result.diagnostics, source));
  return result.program;
}

export function loadExample(name: string): Program {
  const url = new URL(name, examplesDir);
  return compileOk(readFileSync(url, 'utf8'), `examples/${name}`);
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
