/**
 * rnnc as a library: source text in, diagnostics, graphs, results and compiled files out, as
 * data. Nothing here prints or exits. A mistake in the source throws `SourceError` (its
 * `diagnostics` as data, its message as the CLI prints it); any other user mistake (a bad
 * option, input or weight file) throws `UserError` with a message that says what to fix.
 *
 *     import { check, run, compile } from 'rnnc';
 *     const { ok, diagnostics } = check(source, { file: 'cell.rnn' });
 */
export { SourceError, UserError } from '../diagnostics.js';
export {
  check,
  parse,
  type CheckOptions,
  type CheckResult,
  type DiagnosticData,
  type ModelChoice,
  type Program,
  type ProgramSource,
  type SourceOptions,
} from './program.js';
export {
  backwardGraph,
  graph,
  type BackwardOptions,
  type BackwardResult,
  type GraphOptions,
  type GraphResult,
} from './graph.js';
export {
  gradients,
  run,
  toNested,
  type GradientOptions,
  type GradientResult,
  type Layout,
  type Nested,
  type RunOptions,
  type RunResult,
  type Tensor,
  type ValueOptions,
} from './run.js';
export { gradcheck, type CheckRow, type GradcheckOptions, type GradcheckResult } from './gradcheck.js';
export { importOnnx, type ImportOptions, type ImportResult } from './import.js';
export { exportOnnx, type ExportOptions, type ExportResult } from './export.js';
export { costs, costRows, type CostKey, type CostOptions, type CostResult, type Costs } from './costs.js';
export { compile, type CompileOptions, type CompileResult, type WgslKernelOptions } from './compile.js';
export { loadKerasWeights, loadTorchWeights, saveTorchWeights, type WeightOptions } from './weights.js';
