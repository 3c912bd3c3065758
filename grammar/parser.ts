/**
 * The rnnc grammar as a chevrotain CstParser. Pure syntax: no names are
 * resolved and no shapes checked here (that is src/frontend's job).
 *
 *   file       := (cell | model)*
 *   cell       := 'cell' Name sizes? '{' cellItem* '}'
 *   model      := 'model' Name sizes? '{' modelItem* '}'
 *   sizes      := '(' (Name ('=' expr)?) % ',' ')'
 *   expr       := term (('+' | '-') term)*
 *   term       := product (('*' | '/') product)*
 *   product    := unary ('@' unary)*          -- @ binds tighter than *, as in W @ x * 2
 *   unary      := '-' unary | postfix
 *   postfix    := atom ('[' expr ':' expr ']')*
 *   atom       := Number | Name'(' args ')' | Name | Name' | '(' expr ')'
 */
import { CstParser, type IParserErrorMessageProvider, type TokenType } from 'chevrotain';
import * as T from './tokens.js';

function describe(token: TokenType): string {
  return typeof token.LABEL === 'string' ? token.LABEL : token.name;
}

/** Messages in plain words: "expected '}' but found 'x'". */
const messages: IParserErrorMessageProvider = {
  buildMismatchTokenMessage: ({ expected, actual }) =>
    `expected ${describe(expected)} but found ${found(actual.image)}`,
  buildNotAllInputParsedMessage: ({ firstRedundant }) =>
    `expected 'cell' or 'model' but found ${found(firstRedundant.image)}`,
  buildNoViableAltMessage: ({ expectedPathsPerAlt, actual, ruleName }) => {
    const options = new Set(expectedPathsPerAlt.flatMap((alt) => alt.map((path) => describe(path[0]))));
    return `expected ${listOr([...options])} ${ruleWords[ruleName] ?? ''}but found ${found(actual[0].image)}`.replace(
      '  ',
      ' ',
    );
  },
  buildEarlyExitMessage: ({ expectedIterationPaths, actual }) => {
    const options = new Set(expectedIterationPaths.map((path) => describe(path[0])));
    return `expected ${listOr([...options])} but found ${found(actual[0].image)}`;
  },
};

const ruleWords: Record<string, string> = {
  atom: '(a value) ',
  cellItem: "(a declaration or an equation like h' = …) ",
  modelItem: '(a declaration, layer or equation) ',
};

function found(image: string): string {
  return image === '' ? 'the end of the file' : `'${image}'`;
}

function listOr(items: string[]): string {
  return items.length <= 1
    ? (items[0] ?? 'something else')
    : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

export class RnnParser extends CstParser {
  constructor() {
    super(T.allTokens, { recoveryEnabled: true, maxLookahead: 3, errorMessageProvider: messages });
    this.performSelfAnalysis();
  }

  file = this.RULE('file', () => {
    this.MANY(() =>
      this.OR([
        { ALT: () => this.SUBRULE(this.cell) },
        { ALT: () => this.SUBRULE(this.model) },
        { ALT: () => this.SUBRULE(this.fnDecl) },
        { ALT: () => this.SUBRULE(this.constDecl) },
      ]),
    );
  });

  /** `const name = expr`: a named number every cell and model of the file can read. */
  constDecl = this.RULE('constDecl', () => {
    this.CONSUME(T.Const);
    this.CONSUME(T.Identifier, { LABEL: 'name' });
    this.CONSUME(T.Equals);
    this.SUBRULE(this.expr, { LABEL: 'value' });
    this.OPTION(() => this.CONSUME(T.Semicolon));
  });

  /** `fn name(a, b) = expr`: a function of values, inlined wherever it is called. */
  fnDecl = this.RULE('fnDecl', () => {
    this.CONSUME(T.Fn);
    this.CONSUME(T.Identifier, { LABEL: 'name' });
    this.CONSUME(T.LParen);
    this.MANY_SEP({ SEP: T.Comma, DEF: () => this.CONSUME2(T.Identifier, { LABEL: 'params' }) });
    this.CONSUME(T.RParen);
    this.CONSUME(T.Equals);
    this.SUBRULE(this.expr, { LABEL: 'body' });
  });

  cell = this.RULE('cell', () => {
    this.CONSUME(T.Cell);
    this.CONSUME(T.Identifier, { LABEL: 'name' });
    this.OPTION(() => this.SUBRULE(this.sizeParams));
    this.CONSUME(T.LCurly);
    this.MANY(() => this.SUBRULE(this.cellItem));
    this.CONSUME(T.RCurly);
  });

  model = this.RULE('model', () => {
    this.CONSUME(T.Model);
    this.CONSUME(T.Identifier, { LABEL: 'name' });
    this.OPTION(() => this.SUBRULE(this.sizeParams));
    this.CONSUME(T.LCurly);
    this.MANY(() => this.SUBRULE(this.modelItem));
    this.CONSUME(T.RCurly);
  });

  /** `(I, H = 16)`: the sizes a cell or model is written in, with optional defaults. */
  sizeParams = this.RULE('sizeParams', () => {
    this.CONSUME(T.LParen);
    this.MANY_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE(this.sizeParam) });
    this.CONSUME(T.RParen);
  });

  sizeParam = this.RULE('sizeParam', () => {
    this.CONSUME(T.Identifier, { LABEL: 'name' });
    this.OPTION(() => {
      this.CONSUME(T.Equals);
      this.SUBRULE(this.expr, { LABEL: 'default' });
    });
  });

  cellItem = this.RULE('cellItem', () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.inputDecl) },
      { ALT: () => this.SUBRULE(this.memoryDecl) },
      { ALT: () => this.SUBRULE(this.stateDecl) },
      { ALT: () => this.SUBRULE(this.paramDecl) },
      { ALT: () => this.SUBRULE(this.outputDecl) },
      { ALT: () => this.SUBRULE(this.equation) },
    ]);
    this.OPTION(() => this.CONSUME(T.Semicolon));
  });

  modelItem = this.RULE('modelItem', () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.inputDecl) },
      { ALT: () => this.SUBRULE(this.targetDecl) },
      { ALT: () => this.SUBRULE(this.layerDecl) },
      { ALT: () => this.SUBRULE(this.paramDecl) },
      { ALT: () => this.SUBRULE(this.outputDecl) },
      { ALT: () => this.SUBRULE(this.lossDecl) },
      { ALT: () => this.SUBRULE(this.equation) },
    ]);
    this.OPTION(() => this.CONSUME(T.Semicolon));
  });

  inputDecl = this.RULE('inputDecl', () => {
    this.CONSUME(T.Input);
    this.CONSUME(T.Identifier, { LABEL: 'name' });
    this.CONSUME(T.Colon);
    this.SUBRULE(this.valueType);
  });

  /** `memory enc: seq(S)[H]`: a whole sequence every step reads, along its own axis S. */
  memoryDecl = this.RULE('memoryDecl', () => {
    this.CONSUME(T.Memory);
    this.CONSUME(T.Identifier, { LABEL: 'name' });
    this.CONSUME(T.Colon);
    this.SUBRULE(this.valueType);
  });

  targetDecl = this.RULE('targetDecl', () => {
    this.CONSUME(T.Target);
    this.CONSUME(T.Identifier, { LABEL: 'name' });
    this.CONSUME(T.Colon);
    this.SUBRULE(this.valueType);
  });

  /**
   * `[I]` for one step, `seq[I]` for a sequence along T, `seq(S)[I]` along a named time axis;
   * `token(V)` (or `seq token(V)`) for token ids below V instead of vectors.
   */
  valueType = this.RULE('valueType', () => {
    this.OPTION(() => {
      this.CONSUME(T.Seq);
      this.OPTION2(() => {
        this.CONSUME(T.LParen);
        this.CONSUME(T.Identifier, { LABEL: 'time' });
        this.CONSUME(T.RParen);
      });
    });
    this.OR([
      { ALT: () => this.SUBRULE(this.shape) },
      {
        ALT: () => {
          this.CONSUME(T.Token);
          this.CONSUME2(T.LParen);
          this.SUBRULE(this.expr, { LABEL: 'vocabulary' });
          this.CONSUME2(T.RParen);
        },
      },
    ]);
  });

  shape = this.RULE('shape', () => {
    this.CONSUME(T.LBracket);
    this.MANY_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE(this.expr, { LABEL: 'dims' }) });
    this.CONSUME(T.RBracket);
  });

  stateDecl = this.RULE('stateDecl', () => {
    this.CONSUME(T.State);
    this.CONSUME(T.Identifier, { LABEL: 'name' });
    this.CONSUME(T.Colon);
    this.SUBRULE(this.shape);
    this.OPTION(() => {
      this.CONSUME(T.Equals);
      this.SUBRULE(this.expr, { LABEL: 'init' });
    });
  });

  paramDecl = this.RULE('paramDecl', () => {
    this.CONSUME(T.Param);
    this.CONSUME(T.Identifier, { LABEL: 'name' });
    this.CONSUME(T.Colon);
    this.SUBRULE(this.shape);
    this.OPTION(() => {
      this.CONSUME(T.Equals);
      this.SUBRULE(this.expr, { LABEL: 'init' });
    });
  });

  /** `output h'` or `output y = softmax(V @ h')`. */
  outputDecl = this.RULE('outputDecl', () => {
    this.CONSUME(T.Output);
    this.OPTION(() => {
      this.CONSUME(T.Identifier, { LABEL: 'name' });
      this.CONSUME(T.Equals);
    });
    this.SUBRULE(this.expr, { LABEL: 'value' });
  });

  /** `i = sigmoid(…)` defines a local; `c' = …` gives a state its next value. */
  equation = this.RULE('equation', () => {
    this.OR([
      { ALT: () => this.CONSUME(T.Identifier, { LABEL: 'name' }) },
      { ALT: () => this.CONSUME(T.PrimedIdentifier, { LABEL: 'name' }) },
    ]);
    this.CONSUME(T.Equals);
    this.SUBRULE(this.expr, { LABEL: 'value' });
  });

  /** `layer enc = bidirectional LSTM(I, H) over x merge concat`. */
  layerDecl = this.RULE('layerDecl', () => {
    this.CONSUME(T.Layer);
    this.CONSUME(T.Identifier, { LABEL: 'name' });
    this.CONSUME(T.Equals);
    this.OPTION(() =>
      this.OR([
        { ALT: () => this.CONSUME(T.Forward, { LABEL: 'direction' }) },
        { ALT: () => this.CONSUME(T.Reverse, { LABEL: 'direction' }) },
        { ALT: () => this.CONSUME(T.Bidirectional, { LABEL: 'direction' }) },
      ]),
    );
    this.CONSUME2(T.Identifier, { LABEL: 'cell' });
    this.CONSUME(T.LParen);
    this.MANY_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE(this.sizeArg) });
    this.CONSUME(T.RParen);
    this.CONSUME(T.Over);
    this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE(this.expr, { LABEL: 'over' }) });
    this.MANY(() => this.SUBRULE(this.layerOption));
  });

  sizeArg = this.RULE('sizeArg', () => {
    this.OPTION(() => {
      this.CONSUME(T.Identifier, { LABEL: 'name' });
      this.CONSUME(T.Equals);
    });
    this.SUBRULE(this.expr, { LABEL: 'value' });
  });

  layerOption = this.RULE('layerOption', () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.Merge);
          this.CONSUME(T.Identifier, { LABEL: 'merge' });
        },
      },
      { ALT: () => this.CONSUME(T.Shared) },
      {
        ALT: () => {
          this.CONSUME(T.From);
          this.CONSUME2(T.Identifier, { LABEL: 'from' });
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.Returns);
          this.CONSUME3(T.Identifier, { LABEL: 'returns' });
        },
      },
    ]);
  });

  /** `loss mse(y_hat, y)`, `loss sum(h * R) reduce sum`. */
  lossDecl = this.RULE('lossDecl', () => {
    this.CONSUME(T.Loss);
    this.SUBRULE(this.expr, { LABEL: 'value' });
    this.OPTION(() => {
      this.CONSUME(T.Reduce);
      this.CONSUME(T.Identifier, { LABEL: 'reduction' });
    });
  });

  /** Comparisons bind loosest: `a + b < c` compares sums. They do not chain (the AST refuses `a < b < c`). */
  expr = this.RULE('expr', () => {
    this.SUBRULE(this.additive, { LABEL: 'operands' });
    this.MANY(() => {
      this.OR(T.comparisons.map((token) => ({ ALT: () => this.CONSUME(token, { LABEL: 'ops' }) })));
      this.SUBRULE2(this.additive, { LABEL: 'operands' });
    });
  });

  additive = this.RULE('additive', () => {
    this.SUBRULE(this.term, { LABEL: 'operands' });
    this.MANY(() => {
      this.OR([
        { ALT: () => this.CONSUME(T.Plus, { LABEL: 'ops' }) },
        { ALT: () => this.CONSUME(T.Minus, { LABEL: 'ops' }) },
      ]);
      this.SUBRULE2(this.term, { LABEL: 'operands' });
    });
  });

  term = this.RULE('term', () => {
    this.SUBRULE(this.product, { LABEL: 'operands' });
    this.MANY(() => {
      this.OR([
        { ALT: () => this.CONSUME(T.Star, { LABEL: 'ops' }) },
        { ALT: () => this.CONSUME(T.Slash, { LABEL: 'ops' }) },
        { ALT: () => this.CONSUME(T.Percent, { LABEL: 'ops' }) },
      ]);
      this.SUBRULE2(this.product, { LABEL: 'operands' });
    });
  });

  product = this.RULE('product', () => {
    this.SUBRULE(this.unary, { LABEL: 'operands' });
    this.MANY(() => {
      this.CONSUME(T.At, { LABEL: 'ops' });
      this.SUBRULE2(this.unary, { LABEL: 'operands' });
    });
  });

  unary = this.RULE('unary', () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.Minus);
          this.SUBRULE(this.unary, { LABEL: 'negated' });
        },
      },
      { ALT: () => this.SUBRULE(this.postfix, { LABEL: 'value' }) },
    ]);
  });

  /** `z[0:H]`: a slice along the last axis. */
  postfix = this.RULE('postfix', () => {
    this.SUBRULE(this.atom);
    this.MANY(() => {
      this.CONSUME(T.LBracket);
      this.SUBRULE(this.expr, { LABEL: 'start' });
      this.CONSUME(T.Colon);
      this.SUBRULE2(this.expr, { LABEL: 'end' });
      this.CONSUME(T.RBracket);
    });
  });

  atom = this.RULE('atom', () => {
    this.OR([
      { ALT: () => this.CONSUME(T.NumberLiteral, { LABEL: 'number' }) },
      { GATE: () => this.LA(2).tokenType === T.LParen, ALT: () => this.SUBRULE(this.call) },
      { ALT: () => this.CONSUME(T.Identifier, { LABEL: 'name' }) },
      { ALT: () => this.CONSUME(T.PrimedIdentifier, { LABEL: 'name' }) },
      {
        ALT: () => {
          this.CONSUME(T.LParen);
          this.SUBRULE(this.expr, { LABEL: 'inner' });
          this.CONSUME(T.RParen);
        },
      },
    ]);
  });

  call = this.RULE('call', () => {
    this.CONSUME(T.Identifier, { LABEL: 'fn' });
    this.CONSUME(T.LParen);
    this.MANY_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE(this.callArg, { LABEL: 'args' }) });
    this.CONSUME(T.RParen);
  });

  /** An argument, by position or by name (`sum(M, axis = 0)`). */
  callArg = this.RULE('callArg', () => {
    this.OPTION({
      GATE: () => this.LA(2).tokenType === T.Equals,
      DEF: () => {
        this.CONSUME(T.Identifier, { LABEL: 'name' });
        this.CONSUME(T.Equals);
      },
    });
    this.SUBRULE(this.expr, { LABEL: 'value' });
  });
}

/** One shared instance: chevrotain parsers are reusable and costly to construct. */
export const rnnParser = new RnnParser();
