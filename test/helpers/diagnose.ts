import { formatDiagnostics } from '../../src/diagnostics.js';
import { compileSource } from '../../src/frontend/program.js';

export interface Found {
  readonly line: number;
  readonly col: number;
  readonly message: string;
  readonly hint?: string;
  readonly severity: string;
}

/** The diagnostics of a source text, in source order, plus their rendered form. */
export function diagnose(source: string, file = 'bad.rnn'): { errors: Found[]; warnings: Found[]; text: string } {
  const result = compileSource(source, file);
  const all = result.diagnostics.map((d) => ({
    line: d.span.line,
    col: d.span.col,
    message: d.message,
    severity: d.severity,
    ...(d.hint ? { hint: d.hint } : {}),
  }));
  return {
    errors: all.filter((d) => d.severity === 'error'),
    warnings: all.filter((d) => d.severity === 'warning'),
    text: formatDiagnostics(result.diagnostics, source),
  };
}

/** A cell body wrapped in a cell with sizes I and H and one input x. */
export function cell(body: string): string {
  return `cell C(I = 3, H = 4) {\n  input x: [I]\n${body}\n}\n`;
}
