/** The CST visitor: turns chevrotain's concrete syntax tree into the AST. */
import type { CstNode, IToken } from 'chevrotain';
import type * as C from '../../grammar/cst.js';
import { rnnParser } from '../../grammar/parser.js';
import type { SourceSpan } from '../diagnostics.js';
import type * as A from './ast.js';

export function tokenSpan(file: string, token: IToken): SourceSpan {
  return {
    file,
    line: token.startLine ?? 1,
    col: token.startColumn ?? 1,
    endLine: token.endLine ?? token.startLine ?? 1,
    endCol: token.endColumn ?? token.startColumn ?? 1,
  };
}

export function joinSpans(a: SourceSpan, b: SourceSpan): SourceSpan {
  return { file: a.file, line: a.line, col: a.col, endLine: b.endLine, endCol: b.endCol };
}

const BaseVisitor = rnnParser.getBaseCstVisitorConstructor();

/** Builds the AST of one file. Recovered (partial) nodes are dropped: their errors are already reported. */
class AstBuilder extends BaseVisitor {
  constructor(private readonly fileName: string) {
    super();
    this.validateVisitor();
  }

  private span(token: IToken): SourceSpan {
    return tokenSpan(this.fileName, token);
  }

  private named(token: IToken): A.Named {
    return { name: token.image, span: this.span(token) };
  }

  file(ctx: C.FileCstChildren): A.Decl[] {
    const decls = [
      ...(ctx.cell ?? []).map((c) => this.cell(c.children)),
      ...(ctx.model ?? []).map((m) => this.model(m.children)),
      ...(ctx.fnDecl ?? []).map((f) => this.fnDecl(f.children)),
      ...(ctx.constDecl ?? []).map((c) => this.constDecl(c.children)),
    ].filter((d): d is A.Decl => d !== undefined);
    return decls.sort((a, b) => a.span.line - b.span.line || a.span.col - b.span.col);
  }

  cell(ctx: C.CellCstChildren): A.CellDecl | undefined {
    if (!ctx.name?.[0] || ctx.name[0].isInsertedInRecovery) return undefined;
    const items = (ctx.cellItem ?? []).flatMap((i) => {
      const item = this.cellItem(i.children);
      return item ? [item] : [];
    });
    return { kind: 'cell', ...this.named(ctx.name[0]), sizes: this.sizes(ctx.sizeParams), items };
  }

  model(ctx: C.ModelCstChildren): A.ModelDecl | undefined {
    if (!ctx.name?.[0] || ctx.name[0].isInsertedInRecovery) return undefined;
    const items = (ctx.modelItem ?? []).flatMap((i) => {
      const item = this.modelItem(i.children);
      return item ? [item] : [];
    });
    return { kind: 'model', ...this.named(ctx.name[0]), sizes: this.sizes(ctx.sizeParams), items };
  }

  fnDecl(ctx: C.FnDeclCstChildren): A.FnDecl | undefined {
    if (!ctx.name?.[0] || ctx.name[0].isInsertedInRecovery) return undefined;
    const body = ctx.body?.[0] ? this.expr(ctx.body[0].children) : undefined;
    if (!body) return undefined;
    const params = (ctx.params ?? []).filter((t) => !t.isInsertedInRecovery).map((t) => this.named(t));
    return { kind: 'fn', ...this.named(ctx.name[0]), params, body };
  }

  constDecl(ctx: C.ConstDeclCstChildren): A.ConstDecl | undefined {
    if (!ctx.name?.[0] || ctx.name[0].isInsertedInRecovery) return undefined;
    const value = ctx.value?.[0] ? this.expr(ctx.value[0].children) : undefined;
    return value ? { kind: 'const', ...this.named(ctx.name[0]), value } : undefined;
  }

  private sizes(nodes: C.SizeParamsCstNode[] | undefined): A.SizeParam[] {
    return (nodes?.[0]?.children.sizeParam ?? []).flatMap((p) => this.sizeParam(p.children) ?? []);
  }

  sizeParams(): void {}

  sizeParam(ctx: C.SizeParamCstChildren): A.SizeParam | undefined {
    if (!ctx.name?.[0]) return undefined;
    const value = ctx.default?.[0] ? this.expr(ctx.default[0].children) : undefined;
    return { ...this.named(ctx.name[0]), ...(value ? { default: value } : {}) };
  }

  cellItem(ctx: C.CellItemCstChildren): A.CellDecl['items'][number] | undefined {
    if (ctx.inputDecl) return this.inputDecl(ctx.inputDecl[0].children, 'input');
    if (ctx.memoryDecl) return this.memoryDecl(ctx.memoryDecl[0].children);
    if (ctx.stateDecl) return this.stateDecl(ctx.stateDecl[0].children);
    if (ctx.paramDecl) return this.paramDecl(ctx.paramDecl[0].children);
    if (ctx.outputDecl) return this.outputDecl(ctx.outputDecl[0].children);
    if (ctx.equation) return this.equation(ctx.equation[0].children);
    return undefined;
  }

  modelItem(ctx: C.ModelItemCstChildren): A.ModelDecl['items'][number] | undefined {
    if (ctx.inputDecl) return this.inputDecl(ctx.inputDecl[0].children, 'input');
    if (ctx.targetDecl) return this.inputDecl(ctx.targetDecl[0].children, 'target');
    if (ctx.layerDecl) return this.layerDecl(ctx.layerDecl[0].children);
    if (ctx.paramDecl) return this.paramDecl(ctx.paramDecl[0].children);
    if (ctx.outputDecl) return this.outputDecl(ctx.outputDecl[0].children);
    if (ctx.lossDecl) return this.lossDecl(ctx.lossDecl[0].children);
    if (ctx.equation) return this.equation(ctx.equation[0].children);
    return undefined;
  }

  inputDecl(ctx: C.InputDeclCstChildren | C.TargetDeclCstChildren, role: 'input' | 'target'): A.InputDecl | undefined {
    const type = ctx.valueType?.[0] ? this.valueType(ctx.valueType[0].children) : undefined;
    if (!ctx.name?.[0] || !type) return undefined;
    return { kind: 'input', role, ...this.named(ctx.name[0]), type };
  }

  targetDecl(): void {}

  memoryDecl(ctx: C.MemoryDeclCstChildren): A.MemoryDecl | undefined {
    const type = ctx.valueType?.[0] ? this.valueType(ctx.valueType[0].children) : undefined;
    if (!ctx.name?.[0] || !type) return undefined;
    return { kind: 'memory', ...this.named(ctx.name[0]), type };
  }

  valueType(ctx: C.ValueTypeCstChildren): A.ValueTypeAst | undefined {
    const seq = ctx.Seq?.[0];
    const time = ctx.time?.[0] ? this.named(ctx.time[0]) : seq ? { name: 'T', span: this.span(seq) } : null;
    const token = ctx.Token?.[0];
    if (token) {
      const vocabulary = ctx.vocabulary?.[0] ? this.expr(ctx.vocabulary[0].children) : undefined;
      const close = ctx.RParen?.[ctx.RParen.length - 1];
      if (!vocabulary || !close) return undefined;
      return { time, dims: [], vocabulary, span: joinSpans(this.span(seq ?? token), this.span(close)) };
    }
    const shape = ctx.shape?.[0] ? this.shape(ctx.shape[0].children) : undefined;
    if (!shape) return undefined;
    return { time, dims: shape.dims, span: seq ? joinSpans(this.span(seq), shape.span) : shape.span };
  }

  shape(ctx: C.ShapeCstChildren): { dims: A.Expr[]; span: SourceSpan } | undefined {
    if (!ctx.LBracket?.[0] || !ctx.RBracket?.[0]) return undefined;
    const dims = (ctx.dims ?? []).map((d) => this.expr(d.children)).filter((d): d is A.Expr => d !== undefined);
    return { dims, span: joinSpans(this.span(ctx.LBracket[0]), this.span(ctx.RBracket[0])) };
  }

  stateDecl(ctx: C.StateDeclCstChildren): A.StateDecl | undefined {
    return this.declWithShape(ctx, 'state');
  }

  paramDecl(ctx: C.ParamDeclCstChildren): A.ParamDecl | undefined {
    return this.declWithShape(ctx, 'param');
  }

  private declWithShape<K extends 'state' | 'param'>(
    ctx: C.StateDeclCstChildren | C.ParamDeclCstChildren,
    kind: K,
  ): ((A.StateDecl | A.ParamDecl) & { kind: K }) | undefined {
    const shape = ctx.shape?.[0] ? this.shape(ctx.shape[0].children) : undefined;
    if (!ctx.name?.[0] || !shape) return undefined;
    const init = ctx.init?.[0] ? this.expr(ctx.init[0].children) : undefined;
    return { kind, ...this.named(ctx.name[0]), dims: shape.dims, shapeSpan: shape.span, ...(init ? { init } : {}) } as (
      A.StateDecl | A.ParamDecl
    ) & { kind: K };
  }

  outputDecl(ctx: C.OutputDeclCstChildren): A.OutputDecl | undefined {
    const value = ctx.value?.[0] ? this.expr(ctx.value[0].children) : undefined;
    if (!value || !ctx.Output?.[0]) return undefined;
    const name = ctx.name?.[0]?.image;
    return { kind: 'output', span: this.span(ctx.Output[0]), value, ...(name ? { name } : {}) };
  }

  equation(ctx: C.EquationCstChildren): A.Equation | undefined {
    const token = ctx.name?.[0];
    const value = ctx.value?.[0] ? this.expr(ctx.value[0].children) : undefined;
    if (!token || !value || token.isInsertedInRecovery) return undefined;
    const primed = token.image.endsWith("'");
    return {
      kind: 'equation',
      name: primed ? token.image.slice(0, -1) : token.image,
      span: this.span(token),
      primed,
      value,
    };
  }

  layerDecl(ctx: C.LayerDeclCstChildren): A.LayerDecl | undefined {
    const over = (ctx.over ?? []).map((e) => this.expr(e.children)).filter((e): e is A.Expr => e !== undefined);
    if (!ctx.name?.[0] || !ctx.cell?.[0] || over.length === 0) return undefined;
    const direction = (ctx.direction?.[0]?.image ?? 'forward') as A.Direction;
    const options: Partial<A.LayerDecl> = {};
    for (const option of ctx.layerOption ?? []) Object.assign(options, this.layerOption(option.children));
    const args = (ctx.sizeArg ?? []).flatMap((a) => this.sizeArg(a.children) ?? []);
    return {
      kind: 'layer',
      ...this.named(ctx.name[0]),
      direction,
      cell: this.named(ctx.cell[0]),
      args,
      over,
      ...options,
    };
  }

  sizeArg(ctx: C.SizeArgCstChildren): A.SizeArg | undefined {
    const value = ctx.value?.[0] ? this.expr(ctx.value[0].children) : undefined;
    if (!value) return undefined;
    const name = ctx.name?.[0];
    return {
      value,
      span: name ? joinSpans(this.span(name), value.span) : value.span,
      ...(name ? { name: name.image } : {}),
    };
  }

  layerOption(ctx: C.LayerOptionCstChildren): Partial<A.LayerDecl> {
    if (ctx.merge?.[0]) return { merge: this.named(ctx.merge[0]) };
    if (ctx.from?.[0]) return { from: this.named(ctx.from[0]) };
    if (ctx.returns?.[0]) return { returns: this.named(ctx.returns[0]) };
    if (ctx.Shared?.[0]) return { shared: this.span(ctx.Shared[0]) };
    return {};
  }

  lossDecl(ctx: C.LossDeclCstChildren): A.LossDecl | undefined {
    const value = ctx.value?.[0] ? this.expr(ctx.value[0].children) : undefined;
    if (!value || !ctx.Loss?.[0]) return undefined;
    const reduction = ctx.reduction?.[0] ? this.named(ctx.reduction[0]) : undefined;
    return { kind: 'loss', span: this.span(ctx.Loss[0]), value, ...(reduction ? { reduction } : {}) };
  }

  /** Left-associative chains: `a - b - c` is `(a - b) - c`. */
  private chain(operands: (A.Expr | undefined)[], ops: IToken[] | undefined): A.Expr | undefined {
    if (operands.some((o) => o === undefined) || operands.length === 0) return undefined;
    let result = operands[0] as A.Expr;
    (ops ?? []).forEach((op, k) => {
      const right = operands[k + 1] as A.Expr;
      result = {
        kind: 'binary',
        op: op.image as A.BinaryOp,
        left: result,
        right,
        span: joinSpans(result.span, right.span),
      };
    });
    return result;
  }

  expr(ctx: C.ExprCstChildren): A.Expr | undefined {
    const result = this.chain(
      (ctx.operands ?? []).map((o) => this.additive(o.children)),
      ctx.ops,
    );
    return result && (ctx.ops?.length ?? 0) > 1
      ? { ...(result as Extract<A.Expr, { kind: 'binary' }>), chained: true }
      : result;
  }

  additive(ctx: C.AdditiveCstChildren): A.Expr | undefined {
    return this.chain(
      (ctx.operands ?? []).map((o) => this.term(o.children)),
      ctx.ops,
    );
  }

  term(ctx: C.TermCstChildren): A.Expr | undefined {
    return this.chain(
      (ctx.operands ?? []).map((o) => this.product(o.children)),
      ctx.ops,
    );
  }

  product(ctx: C.ProductCstChildren): A.Expr | undefined {
    return this.chain(
      (ctx.operands ?? []).map((o) => this.unary(o.children)),
      ctx.ops,
    );
  }

  unary(ctx: C.UnaryCstChildren): A.Expr | undefined {
    if (ctx.negated?.[0] && ctx.Minus?.[0]) {
      const operand = this.unary(ctx.negated[0].children);
      if (!operand) return undefined;
      // Fold `-2` into a literal so sizes and initializer arguments stay plain numbers.
      if (operand.kind === 'number')
        return { ...operand, value: -operand.value, span: joinSpans(this.span(ctx.Minus[0]), operand.span) };
      return { kind: 'neg', operand, span: joinSpans(this.span(ctx.Minus[0]), operand.span) };
    }
    return ctx.value?.[0] ? this.postfix(ctx.value[0].children) : undefined;
  }

  postfix(ctx: C.PostfixCstChildren): A.Expr | undefined {
    let result = ctx.atom?.[0] ? this.atom(ctx.atom[0].children) : undefined;
    (ctx.start ?? []).forEach((startNode, k) => {
      const start = this.expr(startNode.children);
      const endNode = ctx.end?.[k];
      const end = endNode ? this.expr(endNode.children) : undefined;
      const close = ctx.RBracket?.[k];
      if (!result || !start || !end || !close) {
        result = undefined;
        return;
      }
      result = { kind: 'slice', target: result, start, end, span: joinSpans(result.span, this.span(close)) };
    });
    return result;
  }

  atom(ctx: C.AtomCstChildren): A.Expr | undefined {
    if (ctx.number?.[0]) return { kind: 'number', value: Number(ctx.number[0].image), span: this.span(ctx.number[0]) };
    if (ctx.call?.[0]) return this.call(ctx.call[0].children);
    if (ctx.name?.[0]) {
      const token = ctx.name[0];
      if (token.isInsertedInRecovery) return undefined;
      const primed = token.image.endsWith("'");
      return { kind: 'name', name: primed ? token.image.slice(0, -1) : token.image, primed, span: this.span(token) };
    }
    if (ctx.inner?.[0]) return this.expr(ctx.inner[0].children);
    return undefined;
  }

  call(ctx: C.CallCstChildren): A.Expr | undefined {
    const fn = ctx.fn?.[0];
    const close = ctx.RParen?.[0];
    if (!fn || !close || close.isInsertedInRecovery) return undefined;
    const parts = (ctx.args ?? []).map((a) => this.callArg(a.children));
    if (parts.some((a) => a === undefined)) return undefined;
    const given = parts as { name?: IToken; value: A.Expr }[];
    return {
      kind: 'call',
      fn: fn.image,
      fnSpan: this.span(fn),
      args: given.filter((a) => a.name === undefined).map((a) => a.value),
      named: given.flatMap((a) =>
        a.name ? [{ name: a.name.image, nameSpan: this.span(a.name), value: a.value }] : [],
      ),
      span: joinSpans(this.span(fn), this.span(close)),
    };
  }

  callArg(ctx: C.CallArgCstChildren): { name?: IToken; value: A.Expr } | undefined {
    const value = ctx.value?.[0] ? this.expr(ctx.value[0].children) : undefined;
    if (!value) return undefined;
    const name = ctx.name?.[0];
    return name && !name.isInsertedInRecovery ? { name, value } : { value };
  }
}

export function cstToAst(file: string, cst: CstNode): A.Decl[] {
  return new AstBuilder(file).file(cst.children as C.FileCstChildren);
}
