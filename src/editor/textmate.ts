/**
 * The language as a TextMate grammar (editors/rnnc.tmLanguage.json, for VS Code, Sublime Text,
 * GitHub's Linguist and every editor that reads them), made from the lexer's token list so the
 * two cannot drift: the keywords, the patterns of numbers, primed names and comments are the
 * lexer's own. `npm run editors` writes the file; a test checks it is current.
 */
import { builtinNames } from './highlight.js';
import { DocComment, keywords, NumberLiteral, PrimedIdentifier } from '../../grammar/tokens.js';

const source = (pattern: unknown): string => (pattern as RegExp).source;

/** Words as one alternation that matches only whole names (not `cells`, not the primed `cell'`). */
const words = (list: readonly string[]) => `\\b(?:${list.join('|')})\\b(?!')`;

export function textMateGrammar(): Record<string, unknown> {
  return {
    $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
    name: 'rnnc',
    scopeName: 'source.rnn',
    fileTypes: ['rnn'],
    patterns: ['docComment', 'lineComment', 'blockComment', 'primed', 'keyword', 'builtin', 'number', 'operator'].map(
      (name) => ({ include: `#${name}` }),
    ),
    repository: {
      docComment: { name: 'comment.line.documentation.rnn', match: source(DocComment.PATTERN) },
      lineComment: { name: 'comment.line.double-slash.rnn', match: '//.*$' },
      blockComment: { name: 'comment.block.rnn', begin: '/\\*', end: '\\*/' },
      primed: { name: 'variable.other.next-state.rnn', match: `\\b${source(PrimedIdentifier.PATTERN)}` },
      keyword: { name: 'keyword.other.rnn', match: words(keywords.map((k) => source(k.PATTERN))) },
      builtin: { name: 'support.function.rnn', match: words(builtinNames) },
      number: { name: 'constant.numeric.rnn', match: `(?<![A-Za-z0-9_.])${source(NumberLiteral.PATTERN)}` },
      operator: { name: 'keyword.operator.rnn', match: '==|!=|<=|>=|[-+*/@%=<>]' },
    },
  };
}

/** The grammar file's text, as committed. */
export function textMateGrammarText(): string {
  return `${JSON.stringify(textMateGrammar(), null, 2)}\n`;
}
