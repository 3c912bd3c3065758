/**
 * Diagnostics a person can act on: where (file:line:col), the source line with
 * a caret under the span, what went wrong, and what to do about it.
 */
export interface SourceSpan {
  readonly file: string;
  /** 1-based line and column of the first character. */
  readonly line: number;
  readonly col: number;
  /** 1-based line and column of the last character (inclusive). */
  readonly endLine: number;
  readonly endCol: number;
}

export type Severity = 'error' | 'warning';

export interface Diagnostic {
  readonly severity: Severity;
  readonly message: string;
  readonly span: SourceSpan;
  /** A suggestion, printed on its own line after the excerpt. */
  readonly hint?: string;
}

/** A user mistake found outside any source file (a bad flag, a bad JSON input). */
export class UserError extends Error {
  override name = 'UserError';
  constructor(message: string) {
    super(clipLongRuns(message));
  }
}

/**
 * A message with every run of more than 120 characters without a space shortened, and the whole
 * kept under 2,000: a message quotes names and values from the user's files, and one may be
 * megabytes long.
 */
export function clipLongRuns(message: string): string {
  // A loop, not a regular expression: one over megabytes runs out of stack.
  let out = '';
  let runStart = 0;
  for (let k = 0; k <= message.length; k++) {
    if (k < message.length && !/\s/.test(message[k])) continue;
    const run = message.slice(runStart, k);
    out += run.length > 120 ? `${run.slice(0, 100)}… (${run.length} characters)` : run;
    if (k < message.length) out += message[k];
    runStart = k + 1;
  }
  // A list of thousands of names (a model's params) is cut short as well.
  return out.length > 2000 ? `${out.slice(0, 1900)}… (and ${out.length - 1900} characters more)` : out;
}

/** A diagnostic as the API gives it: where (1-based line and column, inclusive end), what, and what to do. */
export interface DiagnosticData {
  readonly severity: Severity;
  readonly message: string;
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly span: {
    readonly line: number;
    readonly column: number;
    readonly endLine: number;
    readonly endColumn: number;
  };
  /** A suggestion, when rnnc has one. */
  readonly help?: string;
}

export function diagnosticData(d: Diagnostic): DiagnosticData {
  const { file, line, col, endLine, endCol } = d.span;
  return {
    severity: d.severity,
    message: d.message,
    file,
    line,
    column: col,
    span: { line, column: col, endLine, endColumn: endCol },
    ...(d.hint !== undefined ? { help: d.hint } : {}),
  };
}

/** Source text with errors: the diagnostics as data, and the message as rnnc prints them. */
export class SourceError extends UserError {
  override name = 'SourceError';
  readonly diagnostics: readonly DiagnosticData[];
  constructor(diagnostics: readonly Diagnostic[], source: string) {
    super(formatDiagnostics(diagnostics, source));
    this.diagnostics = diagnostics.map(diagnosticData);
  }
}

export class DiagnosticBag {
  readonly items: Diagnostic[] = [];

  error(span: SourceSpan, message: string, hint?: string): void {
    this.items.push({ severity: 'error', message, span, ...(hint ? { hint } : {}) });
  }

  warning(span: SourceSpan, message: string, hint?: string): void {
    this.items.push({ severity: 'warning', message, span, ...(hint ? { hint } : {}) });
  }

  get hasErrors(): boolean {
    return this.items.some((d) => d.severity === 'error');
  }

  /** In source order, so a reader fixes them top to bottom. */
  sorted(): Diagnostic[] {
    return [...this.items].sort((a, b) => a.span.line - b.span.line || a.span.col - b.span.col);
  }
}

/** Renders one diagnostic with the offending line and a caret under the span. */
export function formatDiagnostic(d: Diagnostic, source: string): string {
  const { file, line, col, endLine, endCol } = d.span;
  const lines = source.split(/\r?\n/);
  const whole = (lines[line - 1] ?? '').replace(/\t/g, ' ');
  const gutter = String(line).length;
  let width = endLine === line ? Math.max(1, endCol - col + 1) : Math.max(1, whole.length - col + 1);
  // A long line is shown as the 120 columns around the caret, … marking what is left out.
  let text = whole;
  let caretAt = col - 1;
  if (whole.length > 160) {
    const from = Math.max(0, col - 1 - 40);
    const to = Math.min(whole.length, from + 120);
    text = `${from > 0 ? '…' : ''}${whole.slice(from, to)}${to < whole.length ? '…' : ''}`;
    caretAt = col - 1 - from + (from > 0 ? 1 : 0);
    width = Math.min(width, to - (col - 1));
  }
  const out = [
    `${file}:${line}:${col}: ${d.severity}: ${d.message}`,
    `${' '.repeat(gutter)} |`,
    `${line} | ${printable(text)}`,
    `${' '.repeat(gutter)} | ${' '.repeat(Math.max(0, caretAt))}${'^'.repeat(Math.max(1, width))}`,
  ];
  if (d.hint) out.push(`${' '.repeat(gutter)} = help: ${d.hint}`);
  return out.join('\n');
}

/** Control characters would garble a terminal; show them as escapes. */
function printable(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '?');
}

export function formatDiagnostics(diagnostics: readonly Diagnostic[], source: string): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  const body = diagnostics.map((d) => formatDiagnostic(d, source)).join('\n\n');
  const summary = [
    errors ? `${errors} error${errors === 1 ? '' : 's'}` : '',
    warnings ? `${warnings} warning${warnings === 1 ? '' : 's'}` : '',
  ]
    .filter(Boolean)
    .join(', ');
  return summary ? `${body}\n\n${summary}` : body;
}

/**
 * Edit distance where swapping two neighbours counts as one edit (tahn →
 * tanh) and a change of case as half of one, for "did you mean …".
 */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : a[i - 1].toLowerCase() === b[j - 1].toLowerCase() ? 0.5 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/** The closest candidate to a misspelled name, if one is close enough to be a likely typo. */
export function didYouMean(name: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  // Names far apart in length are far apart in edits: skip them (a name may be megabytes long).
  const limit = name.length <= 1 ? 0.5 : Math.max(1, Math.floor(name.length / 3));
  for (const c of candidates) {
    if (c === name || Math.abs(c.length - name.length) > limit || c.length > 200) continue;
    const d = editDistance(name, c);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  // (Any one letter is one edit from any other, so for one-letter names only a change of case counts.)
  return best !== undefined && bestDistance <= limit ? best : undefined;
}
