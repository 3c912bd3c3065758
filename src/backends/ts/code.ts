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
    for (const l of text.split('\n')) this.line(`// ${l}`);
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

/** Text from user source (labels, names) made safe inside a `//` comment or a string literal. */
export function sanitizeComment(text: string): string {
  return text.replace(/[\r\n\u2028\u2029]/g, ' ').replace(/\*\//g, '* /');
}

export function stringLiteral(text: string): string {
  return JSON.stringify(text);
}
