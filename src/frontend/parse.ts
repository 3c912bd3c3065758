/** Source text → AST, with every lexical and syntax error as a located diagnostic. */
import type { IToken } from 'chevrotain';
import { rnnParser } from '../../grammar/parser.js';
import { rnnLexer } from '../../grammar/tokens.js';
import { DiagnosticBag, type SourceSpan } from '../diagnostics.js';
import type { Decl, SourceFile } from './ast.js';
import { cstToAst, tokenSpan } from './cst-to-ast.js';
import { checkExpressionDepth, limits, tooDeeplyNested, topExpressions } from './limits.js';

/** Where a binary file gives itself away: NUL, other control bytes, or bytes that were not UTF-8. */
function firstBinaryOffset(text: string): number {
  const match = /[\u0000-\u0008\u000e-\u001a\u001c-\u001f\ufffd]/.exec(text);
  return match ? match.index : -1;
}

/** A character as a message shows it: itself, or its code point where it would be invisible. */
function describeCharacter(c: string): string {
  const code = c.codePointAt(0) ?? 0;
  const invisible = /[\s\p{C}]/u.test(c) || code === 0xfeff;
  return invisible ? `U+${code.toString(16).toUpperCase().padStart(4, '0')}` : `'${c}'`;
}

function positionAt(text: string, offset: number): { line: number; col: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, col: offset - before.lastIndexOf('\n') };
}

function spanAt(file: string, text: string, offset: number, length: number): SourceSpan {
  const start = positionAt(text, offset);
  return { file, line: start.line, col: start.col, endLine: start.line, endCol: start.col + Math.max(1, length) - 1 };
}

function endOfFileSpan(file: string, text: string): SourceSpan {
  const lines = text.split('\n');
  while (lines.length > 1 && lines[lines.length - 1].trim() === '') lines.pop();
  const line = lines.length;
  const col = lines[line - 1].length + 1;
  return { file, line, col, endLine: line, endCol: col };
}

/** `///` lines directly above a declaration document it. */
function attachDocs<D extends Decl>(decl: D, docs: readonly IToken[]): D {
  const byLine = new Map(docs.map((t) => [t.startLine ?? 0, t.image.replace(/^\/\/\/ ?/, '')]));
  const lines: string[] = [];
  for (let line = decl.span.line - 1; byLine.has(line); line--) lines.unshift(byLine.get(line) ?? '');
  return lines.length > 0 ? { ...decl, doc: lines.join('\n') } : decl;
}

export function parseSource(text: string, file: string, bag: DiagnosticBag): SourceFile {
  if (text.trim() === '') {
    bag.error(
      spanAt(file, text, 0, 1),
      'the file is empty: expected a cell or model definition',
      'see docs/language.md',
    );
    return { file, decls: [] };
  }
  const binary = firstBinaryOffset(text);
  if (binary >= 0) {
    bag.error(
      spanAt(file, text, binary, 1),
      'this is not an .rnn source file: it contains binary data',
      'check the file name; rnnc reads UTF-8 text',
    );
    return { file, decls: [] };
  }

  if (text.length > limits.sourceChars) {
    bag.error(
      spanAt(file, text, limits.sourceChars, 1),
      `the source is ${text.length} characters long, past rnnc's limit of ${limits.sourceChars}`,
      'a model is a few hundred lines: check the file name',
    );
    return { file, decls: [] };
  }

  const lexed = rnnLexer.tokenize(text);
  // A file that is not a source at all can hold hundreds of thousands of stray characters: the
  // first few say what is wrong.
  for (const e of lexed.errors.slice(0, limits.reportedErrors)) {
    const shown = text.slice(e.offset, e.offset + e.length);
    const what = e.length === 1 ? `character ${describeCharacter(shown)}` : `characters '${shown.slice(0, 20)}'`;
    bag.error(spanAt(file, text, e.offset, e.length), `unexpected ${what}`, strayHelp(text, e.offset, shown));
  }
  if (lexed.errors.length > limits.reportedErrors) {
    const rest = lexed.errors.length - limits.reportedErrors;
    const last = lexed.errors[lexed.errors.length - 1];
    bag.error(spanAt(file, text, last.offset, last.length), `and ${rest} more unexpected characters up to here`);
    return { file, decls: [] };
  }
  const reserved = new Set<string>();
  for (const token of lexed.tokens) {
    if (token.tokenType.name.endsWith('Identifier') && token.image.startsWith('__') && !reserved.has(token.image)) {
      reserved.add(token.image);
      bag.error(
        tokenSpan(file, token),
        `'${token.image}': names that begin with two underscores are reserved`,
        'WGSL reserves them, and JavaScript gives some (__proto__) a meaning of their own: rename it',
      );
    }
  }
  const unterminated = lexed.groups.unterminated ?? [];
  for (const token of unterminated) {
    bag.error(
      spanAt(file, text, token.startOffset, 2),
      "unterminated comment: this '/*' has no closing '*/'",
      "close the comment with '*/'",
    );
  }

  const deep = tooDeeplyNested(lexed.tokens);
  if (deep) {
    // The parser recurses once a level: refuse before it runs out of stack.
    bag.error(
      tokenSpan(file, deep),
      `brackets and minus signs are nested more than ${limits.nesting} deep here, past rnnc's limit`,
      'name the inner parts with equations',
    );
    return { file, decls: [] };
  }

  rnnParser.input = lexed.tokens;
  const cst = rnnParser.file();
  // The parser reads on past a stray character as if it were not there; what it then says about
  // the rest of that line only repeats the one mistake.
  const strayLines = new Set(lexed.errors.map((e) => e.line));
  for (const e of rnnParser.errors.slice(0, limits.reportedErrors)) {
    const atEnd = e.token.tokenType.name === 'EOF' || Number.isNaN(e.token.startOffset);
    // A comment that swallows the rest of the file also hides the closing braces; say that once.
    if (atEnd && unterminated.length > 0) continue;
    if (!atEnd && strayLines.has(e.token.startLine)) continue;
    const span = atEnd ? endOfFileSpan(file, text) : tokenSpan(file, e.token);
    // `table[w]`: a paper's indexing, which the slice syntax `z[a:b]` looks like.
    const indexing = e.token.tokenType.name === 'RBracket' && e.message.startsWith("expected ':'");
    bag.error(
      span,
      e.message,
      indexing
        ? 'brackets slice the last axis between two sizes, z[a:b]; rnnc has no indexing by a value: to pick a row of W with a one-hot vector o, write transpose(W) @ o'
        : undefined,
    );
  }

  const docs = lexed.groups.docs ?? [];
  const decls = cstToAst(file, cst)
    .map((d) => attachDocs(d, docs))
    // Every later stage walks expressions recursively: one past the depth limit stops its declaration.
    .filter((d) => topExpressions(d).every((e) => checkExpressionDepth(e, bag)));
  if (decls.length === 0 && !bag.hasErrors) {
    bag.error(
      spanAt(file, text, 0, 1),
      'no cell or model is defined in this file',
      "start with 'cell Name(sizes) { … }'",
    );
  }
  return { file, decls };
}

/** What to write instead of a stray character, where the characters around it say what was meant. */
function strayHelp(text: string, offset: number, shown: string): string {
  const before = /[A-Za-z_][A-Za-z0-9_]*'?$/.exec(text.slice(Math.max(0, offset - 64), offset))?.[0];
  if (shown === '.' && before !== undefined) {
    if (/^\.T(?![A-Za-z0-9_])/.test(text.slice(offset)))
      return `rnnc has no member access: write transpose(${before}) for the transpose of ${before}`;
    return "rnnc has no member access: a value is named by itself (a layer's param is written in its cell)";
  }
  return 'names are letters, digits and _';
}
