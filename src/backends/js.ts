/**
 * A generated TypeScript module as plain JavaScript with its declarations beside it, for users
 * without a TypeScript toolchain. The JavaScript is the module with its types stripped (sucrase:
 * no type checking, the code left as written). The declarations are read off the module's
 * top-level statements, which rnnc's generators keep regular: every exported function has its
 * return type on its header, every exported const a type annotation, `as const` on a literal, or
 * `as T` on its value. Anything else is refused, so a generator change that breaks this fails
 * here rather than shipping a wrong .d.ts.
 */
import { transform } from 'sucrase';

/** The module's code without its types, blank runs left by removed declarations folded. */
export function stripTypes(ts: string): string {
  const { code } = transform(ts, { transforms: ['typescript'], disableESTransforms: true, keepUnusedImports: true });
  return `${code
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`;
}

/**
 * Brackets opened and closed over a line of code, skipping strings, template text and comments
 * (a line of a block comment, whose prose may hold an apostrophe or a bracket, counts nothing).
 */
function depthChange(line: string): number {
  if (/^\s*(\/\/|\/\*|\*)/.test(line)) return 0;
  const text = line.replace(/\/\*.*?\*\//g, '');
  let depth = 0;
  for (let k = 0; k < text.length; k++) {
    const c = text[k];
    if (c === '"' || c === "'" || c === '`') {
      for (k++; k < text.length && text[k] !== c; k++) if (text[k] === '\\') k++;
    } else if (c === '/' && text[k + 1] === '/') break;
    else if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth--;
  }
  return depth;
}

/** The top-level statements of a module: from a line at depth 0 to one that ends it with `;` or `}`. */
function statements(code: string): string[] {
  const out: string[] = [];
  let current: string[] = [];
  let depth = 0;
  for (const line of code.split('\n')) {
    if (current.length === 0 && (line.trim() === '' || /^\s*(\/\/|\/\*|\*)/.test(line))) continue;
    current.push(line);
    depth += depthChange(line);
    if (depth === 0 && /[;}]\s*(\/\/.*)?$/.test(line)) {
      out.push(current.join('\n'));
      current = [];
    }
  }
  return out;
}

/** Splits at commas outside brackets. */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let k = 0; k < text.length; k++) {
    const c = text[k];
    if (c === '"' || c === "'" || c === '`') {
      for (k++; k < text.length && text[k] !== c; k++) if (text[k] === '\\') k++;
    } else if ('([{<'.includes(c)) depth++;
    else if (')]}>'.includes(c) && !(c === '>' && text[k - 1] === '=')) depth--;
    else if (c === ',' && depth === 0) {
      parts.push(text.slice(start, k));
      start = k + 1;
    }
  }
  parts.push(text.slice(start));
  return parts.map((p) => p.trim()).filter((p) => p !== '');
}

/** The index of the bracket that closes the one at `open`. */
function closing(text: string, open: number): number {
  let depth = 0;
  for (let k = open; k < text.length; k++) {
    const c = text[k];
    if (c === '"' || c === "'" || c === '`') {
      for (k++; k < text.length && text[k] !== c; k++) if (text[k] === '\\') k++;
    } else if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c) && --depth === 0) return k;
  }
  throw new Error(`unbalanced brackets in ${text.slice(open, open + 60)}`);
}

/** A parameter as declared: `seed = 0` → `seed?: number`, `x: T = {}` → `x?: T`. */
function declaredParameter(param: string): string {
  const [head, ...rest] = splitAssign(param);
  if (rest.length === 0) return head;
  const typed = /^([\w$]+)\s*:\s*([\s\S]+)$/.exec(head);
  if (typed) return `${typed[1]}?: ${typed[2]}`;
  const value = rest[0].trim();
  const type = /^-?[\d.]+(e-?\d+)?$/.test(value)
    ? 'number'
    : /^(true|false)$/.test(value)
      ? 'boolean'
      : /^['"]/.test(value)
        ? 'string'
        : undefined;
  if (!type) throw new Error(`cannot declare the parameter '${param}': give it a type`);
  return `${head}?: ${type}`;
}

/** `name: T = value` at its first top-level `=` that is not part of `=>`, `==`, `<=` or `>=`. */
function splitAssign(param: string): string[] {
  let depth = 0;
  for (let k = 0; k < param.length; k++) {
    const c = param[k];
    if ('([{<'.includes(c)) depth++;
    else if (')]}'.includes(c) || (c === '>' && param[k - 1] !== '=')) depth--;
    else if (c === '=' && depth === 0 && param[k + 1] !== '>' && param[k + 1] !== '=' && !'<>!='.includes(param[k - 1]))
      return [param.slice(0, k).trim(), param.slice(k + 1).trim()];
  }
  return [param];
}

/** The type of a literal under `as const`: `{ "a": [5, 3] }` → `{ readonly "a": readonly [5, 3] }`. */
function literalType(text: string): string {
  const t = text.trim();
  if (t.startsWith('{')) {
    const end = closing(t, 0);
    const fields = splitTopLevel(t.slice(1, end)).map((field) => {
      const colon = keyEnd(field);
      return `readonly ${field.slice(0, colon).trim()}: ${literalType(field.slice(colon + 1))}`;
    });
    return `{ ${fields.join('; ')} }`;
  }
  if (t.startsWith('['))
    return `readonly [${splitTopLevel(t.slice(1, closing(t, 0)))
      .map(literalType)
      .join(', ')}]`;
  if (/^(-?[\d.]+(e[-+]?\d+)?|true|false|null|"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')$/.test(t)) return t;
  throw new Error(`cannot declare the literal '${t.slice(0, 60)}'`);
}

/** Where a field's key ends (its colon), past a quoted key that may hold colons. */
function keyEnd(field: string): number {
  const f = field.trimStart();
  const offset = field.length - f.length;
  if (f.startsWith('"') || f.startsWith("'")) {
    let k = 1;
    for (; k < f.length && f[k] !== f[0]; k++) if (f[k] === '\\') k++;
    return offset + f.indexOf(':', k);
  }
  return offset + f.indexOf(':');
}

/** One top-level statement's declaration, or undefined for one that declares nothing a user sees. */
function declaration(statement: string): string | undefined {
  if (/^(export )?(type|interface) /.test(statement)) return statement;
  const fn = /^export (async )?function ([\w$]+)\s*(<[^(]*>)?\(/.exec(statement);
  if (fn) {
    const open = fn[0].length - 1;
    const close = closing(statement, open);
    const params = splitTopLevel(statement.slice(open + 1, close)).map(declaredParameter);
    const rest = statement.slice(close + 1);
    const body = bodyStart(rest);
    const returns = rest.slice(0, body).trim();
    if (!returns.startsWith(':')) throw new Error(`cannot declare function ${fn[2]}: its return type is not written`);
    return `export declare function ${fn[2]}${fn[3] ?? ''}(${params.join(', ')})${returns};`;
  }
  const typedConst = /^export const ([\w$]+)\s*:\s*([\s\S]*?)\s=\s/.exec(statement);
  if (typedConst) return `export declare const ${typedConst[1]}: ${typedConst[2]};`;
  const constant = /^export const ([\w$]+)\s*=\s*([\s\S]*);\s*$/.exec(statement);
  if (constant) {
    const asConst = /^([\s\S]*)\sas const$/.exec(constant[2]);
    if (asConst) return `export declare const ${constant[1]}: ${literalType(asConst[1])};`;
    const cast = /\sas ([^()]+)$/.exec(constant[2]);
    if (cast) return `export declare const ${constant[1]}: ${cast[1]};`;
    throw new Error(`cannot declare const ${constant[1]}: give it a type`);
  }
  if (/^export /.test(statement)) throw new Error(`cannot declare '${statement.split('\n')[0].slice(0, 80)}'`);
  return undefined;
}

/** Where a function's body opens: the first `{` at depth 0 that does not start a return type literal. */
function bodyStart(rest: string): number {
  let depth = 0;
  for (let k = 0; k < rest.length; k++) {
    const c = rest[k];
    if (c === '{' && depth === 0) {
      const before = rest.slice(0, k).trimEnd();
      if (!/(:|\||&|<|,|=>)$/.test(before)) return k;
    }
    if ('([{<'.includes(c)) depth++;
    else if (')]}'.includes(c) || (c === '>' && rest[k - 1] !== '=')) depth--;
  }
  throw new Error('a function without a body');
}

/** The declarations (.d.ts) of a generated module: its types, and its exports' signatures. */
export function declarations(ts: string, header: string): string {
  const lines = statements(ts).flatMap((s) => declaration(s) ?? []);
  return `${header}\n\n${lines.join('\n\n')}\n`;
}
