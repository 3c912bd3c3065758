/** rnnc's generated module for a benchmark model, compiled at a given level and loaded. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { compileToTypeScript } from '../src/backends/ts/index.js';
import { compileSource, selectModel } from '../src/frontend/program.js';
import { bindSizes } from '../src/interp/run.js';
import type { OptLevel } from '../src/passes/pipeline.js';

export interface Tensor {
  readonly data: Float32Array;
  readonly shape: readonly number[];
}

/** Params, or params with their fused weights stacked once by `pack`. */
export type Model = Record<string, Float32Array> | { readonly kind: 'packed' };

export interface Module {
  init(seed: number): Record<string, Float32Array>;
  pack(params: Record<string, Float32Array>): Model;
  forward(params: Model, inputs: { x: Tensor }): { outputs: { l: Tensor } };
  grad(params: Model, inputs: { x: Tensor }): { loss: number; grads: Record<string, Float32Array> };
  setThreads(count: number): Promise<number>;
}

const folder = mkdtempSync(join(tmpdir(), 'rnnc-bench-'));
let count = 0;

export async function loadRnnc(
  modelFile: string,
  sizes: Record<string, number>,
  level: OptLevel,
  disable: string[] = [],
  cpu: 'simd' | 'scalar' = 'simd',
): Promise<{ module: Module; lines: number }> {
  const source = readFileSync(modelFile, 'utf8');
  const compiled = compileSource(source, modelFile);
  if (!compiled.program) throw new Error(`${modelFile} does not compile`);
  const model = selectModel(compiled.program);
  const { code } = compileToTypeScript(model, {
    level,
    dtype: 'f32',
    sizes: bindSizes(model, sizes),
    disable: new Set(disable),
    cpu,
    source: { file: modelFile, text: source },
  });
  const js = ts.transpileModule(code, {
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ES2022 },
  }).outputText;
  const path = join(folder, `model${count++}.mjs`);
  writeFileSync(path, js);
  return { module: (await import(pathToFileURL(path).href)) as Module, lines: code.split('\n').length };
}
