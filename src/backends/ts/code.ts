import { tsComment } from '../comment-text.js';

/** A small writer for generated code: lines, indentation, blocks. */
export class Code {
  private readonly lines: string[] = [];
  private depth = 0;

  line(text = ''): this {
    this.lines.push(text === '' ? '' : `${'  '.repeat(this.depth)}${text}`);
    return this;
  }

  block(open: string, body: () => void, close = '}'): this {
    this.line(open);
    this.depth++;
    body();
    this.depth--;
    return this.line(close);
  }

  comment(text: string): this {
    for (const l of text.split('\n')) this.line(`// ${tsComment(l)}`);
    return this;
  }

  /**
   * Drops the declarations `const NAME = …;` of the named constants nothing else mentions (a
   * step's view of a sequence the step does not read), which strict compilers flag as unused.
   */
  dropUnused(names: Iterable<string>): this {
    for (const name of names) {
      const word = new RegExp(`\\b${name}\\b`);
      const uses = this.lines.filter((l) => word.test(l));
      if (uses.length === 1 && uses[0].trimStart().startsWith(`const ${name} =`))
        this.lines.splice(this.lines.indexOf(uses[0]), 1);
    }
    return this;
  }

  /** Lines written so far. */
  get length(): number {
    return this.lines.length;
  }

  /** Another writer's lines, indented to this one's depth. */
  append(other: Code): this {
    const indent = '  '.repeat(this.depth);
    for (const l of other.lines) this.lines.push(l === '' ? '' : `${indent}${l}`);
    return this;
  }

  toString(): string {
    return `${this.lines.join('\n')}\n`;
  }
}

/** A number as a TypeScript literal (NaN and infinities included). */
export function numberLiteral(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return 'Infinity';
  if (value === -Infinity) return '-Infinity';
  if (Object.is(value, -0)) return '-0';
  return String(value);
}

/** Text from user source (labels, names) made safe inside a `//` comment (see comment-text.ts). */
export const sanitizeComment = tsComment;

export function stringLiteral(text: string): string {
  return JSON.stringify(text);
}

/** A top-level declaration of a module's text: its name and its lines (with the comment above it). */
interface TopLevel {
  readonly name: string;
  readonly start: number;
  readonly end: number;
}

/** Unexported top-level functions and single-name constants, with their extents. */
function topLevelDeclarations(lines: readonly string[]): TopLevel[] {
  const found: TopLevel[] = [];
  for (let k = 0; k < lines.length; k++) {
    const m = /^(?:function|interface|type|const|let)\s+(\w+)/.exec(lines[k]);
    // `const a = 1, b = 2` declares several names: left alone.
    if (!m || /^(const|let)\s+\w+\s*=\s*[^,(\[{]*,/.test(lines[k])) continue;
    const name = m[1];
    let end = k;
    // A block (a function, an interface, an object) ends at the first line that starts with `}`
    // or `]`; anything else is one line.
    if (/[{[(]$/.test(lines[k].trimEnd())) while (end < lines.length && !/^[}\])]/.test(lines[end])) end++;
    let start = k;
    while (start > 0 && /^(\/\*\*|\s\*|\/\/)/.test(lines[start - 1])) start--;
    // Overloads: `function f(…): T;` lines above the implementation belong to it.
    const last = found[found.length - 1];
    if (last && last.name === name && last.end === k - 1) found[found.length - 1] = { name, start: last.start, end };
    else found.push({ name, start, end });
    k = end;
  }
  return found;
}

/**
 * Removes the module's runtime helpers that nothing uses (a model without params needs no code
 * that stages them, one without products no worker threads), so the module passes a strict
 * compiler's unused-code checks. Repeats until nothing more goes: a helper may be used only by
 * another one that went.
 */
export function dropUnusedHelpers(code: string): string {
  let lines = code.split('\n');
  for (;;) {
    const text = lines.join('\n');
    const unused = topLevelDeclarations(lines).filter(({ name, start, end }) => {
      const reads = (t: string) => t.match(new RegExp(`\\b${name}\\b`, 'g'))?.length ?? 0;
      return reads(text) === reads(lines.slice(start, end + 1).join('\n'));
    });
    if (unused.length === 0) return lines.join('\n');
    const drop = new Set(
      unused.flatMap(({ start, end }) => Array.from({ length: end - start + 1 }, (_, k) => start + k)),
    );
    lines = lines.filter((_, k) => !drop.has(k));
  }
}

/** The line that opens a time loop's function of its own (src/backends/ts/scan.ts), up to its comment. */
export const ownFunctionOpen = '(() => { // the loop as a function of its own';

/**
 * Source characters of a generated function past which its time loops stay functions of their
 * own. V8 optimizes no function past about 60 KB of bytecode: an attention model's grad with
 * lengths (about 100,000 characters) ran every loop unoptimized, several times slower, while its
 * grad without lengths (75,000) did not. Below the limit the loops are inlined again, since a
 * variable a closure reads is slower to reach everywhere else in the function.
 */
export const ownFunctionLimit = 40_000;

/** A function body's lines with its loops' own functions inlined when the body is under the limit. */
export function inlineOwnFunctions(lines: readonly string[]): string[] {
  if (lines.reduce((n, l) => n + l.length + 1, 0) > ownFunctionLimit) return [...lines];
  const out: string[] = [];
  const closing: string[] = [];
  for (const line of lines) {
    const indent = line.length - line.trimStart().length;
    if (line.trimStart().startsWith(ownFunctionOpen)) {
      closing.push(`${' '.repeat(indent)}})();`);
      continue;
    }
    if (closing.length > 0 && line === closing[closing.length - 1]) {
      closing.pop();
      continue;
    }
    out.push(
      closing.length > 0 && line.startsWith('  '.repeat(closing.length)) ? line.slice(2 * closing.length) : line,
    );
  }
  return out;
}
