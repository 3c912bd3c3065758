/**
 * Highlighting the language, token by token, from the lexer's own token list (grammar/tokens.ts):
 * the same patterns tried in the same order, with the keywords' longer alternatives, so an editor
 * can never colour a word differently from how the compiler reads it. It works a line at a time
 * (as CodeMirror's stream parsers and TextMate grammars do), carrying only whether a block comment
 * is open across lines.
 */
import type { TokenType } from 'chevrotain';
import { functions } from '../frontend/functions.js';
import { preludeSource } from '../frontend/prelude.js';
import {
  allTokens,
  BlockComment,
  DocComment,
  Identifier,
  keywords,
  LineComment,
  NumberLiteral,
  PrimedIdentifier,
  UnterminatedComment,
  WhiteSpace,
} from '../../grammar/tokens.js';

export type HighlightKind =
  | 'space'
  | 'docComment'
  | 'comment'
  | 'keyword'
  | 'builtin'
  | 'name'
  | 'primed'
  | 'number'
  | 'operator'
  | 'bracket'
  | 'punctuation'
  | 'invalid';

/** A token of a line: where it ends, how it is shown, and the lexer's token name (none for a character the lexer rejects). */
export interface HighlightToken {
  readonly start: number;
  readonly end: number;
  readonly kind: HighlightKind;
  readonly token?: string;
}

/** What a line leaves open for the next: a block comment. */
export interface LineState {
  inComment: boolean;
}

const brackets = new Set(['LParen', 'RParen', 'LBracket', 'RBracket', 'LCurly', 'RCurly']);
const punctuation = new Set(['Comma', 'Colon', 'Semicolon']);

/** Functions callable in expressions and the prelude's cells (Dense, Embedding): names the language gives meaning. */
export const builtinNames: readonly string[] = [
  ...Object.keys(functions),
  ...[...preludeSource.matchAll(/^cell (\w+)/gm)].map((m) => m[1]),
].sort();
const builtins = new Set(builtinNames);

function kindOf(type: TokenType, image: string): HighlightKind {
  if (type === WhiteSpace) return 'space';
  if (type === DocComment) return 'docComment';
  if (type === LineComment || type === BlockComment || type === UnterminatedComment) return 'comment';
  if (keywords.includes(type)) return 'keyword';
  if (type === Identifier) return builtins.has(image) ? 'builtin' : 'name';
  if (type === PrimedIdentifier) return 'primed';
  if (type === NumberLiteral) return 'number';
  if (brackets.has(type.name)) return 'bracket';
  if (punctuation.has(type.name)) return 'punctuation';
  return 'operator';
}

/** Each token's pattern, anchored where matching starts. */
const sticky = new Map<TokenType, RegExp | string>(
  allTokens.map((t) => {
    const p = t.PATTERN;
    if (typeof p === 'string') return [t, p];
    if (p instanceof RegExp) return [t, new RegExp(p.source, `${p.flags.replace('g', '')}y`)];
    throw new Error(`token ${t.name} has a pattern highlighting cannot use`);
  }),
);

function matchAt(type: TokenType, line: string, pos: number): number {
  const p = sticky.get(type) as RegExp | string;
  if (typeof p === 'string') return line.startsWith(p, pos) ? p.length : 0;
  p.lastIndex = pos;
  const m = p.exec(line);
  return m ? m[0].length : 0;
}

/** The longest of a token's longer alternatives that matches here (`cells` is a name, not `cell` then `s`). */
function longerAlternative(type: TokenType, line: string, pos: number, length: number): [TokenType, number] {
  const alternatives = type.LONGER_ALT === undefined ? [] : [type.LONGER_ALT].flat();
  let best: [TokenType, number] = [type, length];
  for (const alt of alternatives) {
    const n = matchAt(alt, line, pos);
    if (n > best[1]) best = [alt, n];
  }
  return best;
}

/** The token at `pos` of `line`. A block comment open at the line's end sets `state.inComment`. */
export function nextToken(line: string, pos: number, state: LineState): HighlightToken {
  if (state.inComment) {
    const close = line.indexOf('*/', pos);
    state.inComment = close < 0;
    return { start: pos, end: close < 0 ? line.length : close + 2, kind: 'comment', token: 'BlockComment' };
  }
  for (const type of allTokens) {
    const n = matchAt(type, line, pos);
    if (n === 0) continue;
    const [chosen, length] = longerAlternative(type, line, pos, n);
    // A block comment with no end on this line may end on a later one: the lexer sees the whole text.
    if (chosen === UnterminatedComment) state.inComment = true;
    const image = line.slice(pos, pos + length);
    return {
      start: pos,
      end: pos + length,
      kind: kindOf(chosen, image),
      token: chosen === UnterminatedComment ? 'BlockComment' : chosen.name,
    };
  }
  return { start: pos, end: pos + 1, kind: 'invalid' };
}

/** Every token of a line. */
export function lineTokens(line: string, state: LineState): HighlightToken[] {
  const tokens: HighlightToken[] = [];
  for (let pos = 0; pos < line.length;) {
    const token = nextToken(line, pos, state);
    tokens.push(token);
    pos = token.end;
  }
  return tokens;
}

/** Every token of a text, with offsets into it, line by line as an editor sees it. */
export function highlightTokens(text: string): HighlightToken[] {
  const state: LineState = { inComment: false };
  const tokens: HighlightToken[] = [];
  let offset = 0;
  for (const line of text.split('\n')) {
    for (const t of lineTokens(line, state)) tokens.push({ ...t, start: t.start + offset, end: t.end + offset });
    offset += line.length + 1;
  }
  return tokens;
}
