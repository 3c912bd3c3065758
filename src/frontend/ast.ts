/** The abstract syntax of .rnn files, produced from the CST by `cst-to-ast`. */
import type { SourceSpan } from '../diagnostics.js';

export type ArithmeticOp = '+' | '-' | '*' | '/' | '%' | '@';
export type ComparisonOp = '<' | '<=' | '>' | '>=' | '==' | '!=';
export type BinaryOp = ArithmeticOp | ComparisonOp;

/** An argument passed by name, `axis = 0`. */
export interface NamedArg {
  readonly name: string;
  readonly nameSpan: SourceSpan;
  readonly value: Expr;
}

export type Expr =
  | { readonly kind: 'number'; readonly value: number; readonly span: SourceSpan }
  /** `h` or `h'` (`primed`: the value at the next step). */
  | { readonly kind: 'name'; readonly name: string; readonly primed: boolean; readonly span: SourceSpan }
  | {
      readonly kind: 'call';
      readonly fn: string;
      readonly fnSpan: SourceSpan;
      readonly args: readonly Expr[];
      readonly named: readonly NamedArg[];
      readonly span: SourceSpan;
    }
  | {
      readonly kind: 'binary';
      readonly op: BinaryOp;
      readonly left: Expr;
      readonly right: Expr;
      readonly span: SourceSpan;
      /** A comparison written after another, `a < b < c`: refused, since it would compare a 0 or 1. */
      readonly chained?: true;
    }
  | { readonly kind: 'neg'; readonly operand: Expr; readonly span: SourceSpan }
  | {
      readonly kind: 'slice';
      readonly target: Expr;
      readonly start: Expr;
      readonly end: Expr;
      readonly span: SourceSpan;
    };

export interface Named {
  readonly name: string;
  readonly span: SourceSpan;
}

export interface SizeParam extends Named {
  readonly default?: Expr;
}

export interface ValueTypeAst {
  /** The time axis for a sequence (`T` unless named), or null for one step. */
  readonly time: Named | null;
  readonly dims: readonly Expr[];
  /** `token(V)`: a token id below V (one number a step, no dims) instead of a vector. */
  readonly vocabulary?: Expr;
  readonly span: SourceSpan;
}

export interface InputDecl extends Named {
  readonly kind: 'input';
  readonly role: 'input' | 'target';
  readonly type: ValueTypeAst;
}

/** `memory enc: seq(S)[H]`: a whole sequence (another layer's) that every step reads, along axis S. */
export interface MemoryDecl extends Named {
  readonly kind: 'memory';
  readonly type: ValueTypeAst;
}

export interface StateDecl extends Named {
  readonly kind: 'state';
  readonly dims: readonly Expr[];
  readonly shapeSpan: SourceSpan;
  readonly init?: Expr;
}

export interface ParamDecl extends Named {
  readonly kind: 'param';
  readonly dims: readonly Expr[];
  readonly shapeSpan: SourceSpan;
  readonly init?: Expr;
}

export interface Equation extends Named {
  readonly kind: 'equation';
  /** `h' = …` updates state h; `i = …` defines a local. */
  readonly primed: boolean;
  readonly value: Expr;
}

export interface OutputDecl {
  readonly kind: 'output';
  readonly name?: string;
  readonly span: SourceSpan;
  readonly value: Expr;
}

export type Direction = 'forward' | 'reverse' | 'bidirectional';

export interface SizeArg {
  readonly name?: string;
  readonly value: Expr;
  readonly span: SourceSpan;
}

export interface LayerDecl extends Named {
  readonly kind: 'layer';
  readonly direction: Direction;
  readonly cell: Named;
  readonly args: readonly SizeArg[];
  readonly over: readonly Expr[];
  readonly merge?: Named;
  readonly shared?: SourceSpan;
  readonly from?: Named;
  readonly returns?: Named;
}

export interface LossDecl {
  readonly kind: 'loss';
  readonly span: SourceSpan;
  readonly value: Expr;
  readonly reduction?: Named;
}

export interface CellDecl extends Named {
  readonly kind: 'cell';
  readonly doc?: string;
  readonly sizes: readonly SizeParam[];
  readonly items: readonly (InputDecl | MemoryDecl | StateDecl | ParamDecl | Equation | OutputDecl)[];
}

export interface ModelDecl extends Named {
  readonly kind: 'model';
  readonly doc?: string;
  readonly sizes: readonly SizeParam[];
  readonly items: readonly (InputDecl | LayerDecl | ParamDecl | Equation | OutputDecl | LossDecl)[];
}

/** `fn name(a, b) = expr`: a function of values, inlined where it is called (before differentiation). */
export interface FnDecl extends Named {
  readonly kind: 'fn';
  readonly doc?: string;
  readonly params: readonly Named[];
  readonly body: Expr;
}

/** `const name = expr`: a named number of the file, read by name in every cell and model. */
export interface ConstDecl extends Named {
  readonly kind: 'const';
  readonly doc?: string;
  readonly value: Expr;
}

export type Decl = CellDecl | ModelDecl | FnDecl | ConstDecl;

export interface SourceFile {
  readonly file: string;
  readonly decls: readonly Decl[];
}
