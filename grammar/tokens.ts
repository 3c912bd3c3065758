/**
 * Tokens of the rnnc language. Order matters: chevrotain tries patterns in
 * list order, so comments come before `/`, and primed names (`h'`, the state
 * at the next step) before plain names.
 */
import { createToken, Lexer, type TokenType } from 'chevrotain';

export const WhiteSpace = createToken({ name: 'WhiteSpace', pattern: /[ \t\r\n]+/, group: Lexer.SKIPPED });
/** `/// text` documents the cell or model below it. */
export const DocComment = createToken({ name: 'DocComment', pattern: /\/\/\/[^\n]*/, group: 'docs' });
export const LineComment = createToken({ name: 'LineComment', pattern: /\/\/[^\n]*/, group: Lexer.SKIPPED });
export const BlockComment = createToken({ name: 'BlockComment', pattern: /\/\*[\s\S]*?\*\//, group: Lexer.SKIPPED });
/** Matches only when no closing `*\/` follows, so the frontend can say exactly that. */
export const UnterminatedComment = createToken({
  name: 'UnterminatedComment',
  pattern: /\/\*[\s\S]*/,
  group: 'unterminated',
});

export const Identifier = createToken({ name: 'Identifier', pattern: /[A-Za-z_][A-Za-z0-9_]*/, label: 'a name' });
export const PrimedIdentifier = createToken({
  name: 'PrimedIdentifier',
  pattern: /[A-Za-z_][A-Za-z0-9_]*'/,
  label: "a next-state name like h'",
});

function keyword(word: string): TokenType {
  return createToken({
    name: word[0].toUpperCase() + word.slice(1),
    pattern: new RegExp(word),
    longer_alt: [PrimedIdentifier, Identifier],
    label: `'${word}'`,
  });
}

export const Cell = keyword('cell');
export const Model = keyword('model');
export const Input = keyword('input');
export const Target = keyword('target');
export const State = keyword('state');
export const Param = keyword('param');
export const Output = keyword('output');
export const Layer = keyword('layer');
export const Over = keyword('over');
export const Loss = keyword('loss');
export const Reduce = keyword('reduce');
export const Merge = keyword('merge');
export const Shared = keyword('shared');
export const From = keyword('from');
export const Returns = keyword('returns');
export const Forward = keyword('forward');
export const Reverse = keyword('reverse');
export const Bidirectional = keyword('bidirectional');
export const Seq = keyword('seq');
export const Fn = keyword('fn');
export const Const = keyword('const');
export const Memory = keyword('memory');
export const Token = keyword('token');

export const NumberLiteral = createToken({
  name: 'NumberLiteral',
  pattern: /(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/,
  label: 'a number',
});

function punct(name: string, text: string): TokenType {
  return createToken({ name, pattern: text, label: `'${text}'` });
}

export const LParen = punct('LParen', '(');
export const RParen = punct('RParen', ')');
export const LBracket = punct('LBracket', '[');
export const RBracket = punct('RBracket', ']');
export const LCurly = punct('LCurly', '{');
export const RCurly = punct('RCurly', '}');
export const Comma = punct('Comma', ',');
export const Colon = punct('Colon', ':');
export const Semicolon = punct('Semicolon', ';');
export const Equals = punct('Equals', '=');
export const Plus = punct('Plus', '+');
export const Minus = punct('Minus', '-');
export const Star = punct('Star', '*');
export const Slash = punct('Slash', '/');
export const At = punct('At', '@');
export const Percent = punct('Percent', '%');
export const EqualsEquals = punct('EqualsEquals', '==');
export const NotEquals = punct('NotEquals', '!=');
export const LessEquals = punct('LessEquals', '<=');
export const GreaterEquals = punct('GreaterEquals', '>=');
export const Less = punct('Less', '<');
export const Greater = punct('Greater', '>');

/** The comparison operators, which compare two values elementwise. */
export const comparisons = [EqualsEquals, NotEquals, LessEquals, GreaterEquals, Less, Greater];

export const keywords = [
  Cell,
  Model,
  Input,
  Target,
  State,
  Param,
  Output,
  Layer,
  Over,
  Loss,
  Reduce,
  Merge,
  Shared,
  From,
  Returns,
  Forward,
  Reverse,
  Bidirectional,
  Seq,
  Fn,
  Const,
  Memory,
  Token,
];

export const allTokens: TokenType[] = [
  WhiteSpace,
  DocComment,
  LineComment,
  BlockComment,
  UnterminatedComment,
  ...keywords,
  PrimedIdentifier,
  Identifier,
  NumberLiteral,
  LParen,
  RParen,
  LBracket,
  RBracket,
  LCurly,
  RCurly,
  Comma,
  Colon,
  Semicolon,
  // Two-character operators before their first character's own token.
  ...comparisons,
  Equals,
  Plus,
  Minus,
  Star,
  Slash,
  At,
  Percent,
];

export const rnnLexer = new Lexer(allTokens, { positionTracking: 'full', ensureOptimizations: false });
