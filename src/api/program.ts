/**
 * Source text in, a checked program or diagnostics out: the first step of every API call.
 * Nothing here prints or exits; mistakes come back as data (`check`) or as a thrown
 * `SourceError` / `UserError` whose message is what the CLI prints.
 */
import {
  diagnosticData,
  type DiagnosticData,
  didYouMean,
  formatDiagnostics,
  SourceError,
  UserError,
} from '../diagnostics.js';

export type { DiagnosticData };
import type { CellInfo } from '../frontend/cell.js';
import type { ModelInfo } from '../frontend/model.js';
import { compileSource, type Program, selectModel } from '../frontend/program.js';
import { GradError } from '../ad/walk.js';
import { bindSizes } from '../interp/run.js';
import { describeProgram } from './describe.js';
import { byName, own } from '../names.js';

export type { Program };

export interface SourceOptions {
  /** The name messages give the source (default `input.rnn`). */
  readonly file?: string;
}

/** Source text (with `file` for messages), or a program `parse` returned. */
export type ProgramSource = string | Program;

/** Parses and checks source text; throws a `SourceError` (with the diagnostics) when it has errors. */
export function parse(source: string, options: SourceOptions = {}): Program {
  const result = compileSource(source, options.file ?? 'input.rnn');
  if (!result.program) throw new SourceError(result.diagnostics, source);
  return result.program;
}

export function programOf(source: ProgramSource, options: SourceOptions = {}): Program {
  return typeof source === 'string' ? parse(source, options) : source;
}

/** Which model of a file a call works on, and its sizes: defaults with `sizes` over them. */
export interface ModelChoice {
  /** A model (or cell) of the file; needed when it defines several. */
  readonly model?: string;
  readonly sizes?: Readonly<Record<string, number>>;
}

export function chooseModel(
  program: Program,
  choice: ModelChoice,
): { model: ModelInfo; sizes: Record<string, number> } {
  const model = selectModel(program, choice.model);
  return { model, sizes: bindSizes(model, choice.sizes ?? {}) };
}

/** Runs a step that differentiates, turning a gradient error at a place in the source into a diagnostic. */
export function withGradErrors<T>(program: Program, run: () => T): T {
  try {
    return run();
  } catch (e) {
    if (!(e instanceof GradError)) throw e;
    if (!e.span) throw new UserError(e.message);
    throw new SourceError([{ severity: 'error', message: e.message, span: e.span }], program.source);
  }
}

export interface CheckOptions extends SourceOptions {
  /** Sizes to list shapes and param counts at (each must be declared by a cell or model of the file). */
  readonly sizes?: Readonly<Record<string, number>>;
}

export interface CheckResult {
  /** No errors (warnings may remain). */
  readonly ok: boolean;
  readonly diagnostics: readonly DiagnosticData[];
  /** The diagnostics as rnnc prints them: file:line:col, the line, a caret, help (empty when none). */
  readonly formatted: string;
  /** Present when ok. */
  readonly program?: Program;
  /** What the file defines, as `rnnc check` lists it (empty when not ok). */
  readonly listing: string;
  readonly cells: readonly string[];
  readonly models: readonly string[];
}

/** Parses and checks source text, returning every diagnostic as data; never throws for a mistake in it. */
export function check(source: string, options: CheckOptions = {}): CheckResult {
  const result = compileSource(source, options.file ?? 'input.rnn');
  const diagnostics = result.diagnostics.map(diagnosticData);
  const formatted = result.diagnostics.length > 0 ? formatDiagnostics(result.diagnostics, source) : '';
  const program = result.program;
  if (!program) return { ok: false, diagnostics, formatted, listing: '', cells: [], models: [] };
  const overrides = options.sizes ?? {};
  const declared = new Set([...program.cells, ...program.models].flatMap((d) => d.sizes.map((s) => s.name)));
  for (const name of Object.keys(overrides)) {
    if (!declared.has(name)) {
      const guess = didYouMean(name, declared);
      throw new UserError(
        `${program.file} declares no size '${name}' (its sizes are ${[...declared].join(', ') || 'none'})${guess ? `; did you mean '${guess}'?` : ''}`,
      );
    }
  }
  const listing = describeProgram(program, (sizes) => sizesOf(sizes, overrides));
  return {
    ok: true,
    diagnostics,
    formatted,
    program,
    listing,
    cells: program.cells.map((c) => c.name),
    models: program.models.map((m) => m.name),
  };
}

/** Declared sizes with the overrides that apply to them, or undefined where one has no value. */
function sizesOf(
  declared: CellInfo['sizes'],
  overrides: Readonly<Record<string, number>>,
): Record<string, number> | undefined {
  const sizes: Record<string, number> = byName();
  for (const s of declared) {
    const value = own(overrides, s.name) ?? s.default;
    if (value === undefined) return undefined;
    sizes[s.name] = value;
  }
  return sizes;
}
