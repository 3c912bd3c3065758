/** A whole .rnn file: parse, check every cell and model, and report every error in one pass. */
import type { UserFunctions } from './user-functions.js';
import { DiagnosticBag, type Diagnostic, didYouMean, UserError } from '../diagnostics.js';
import type { CellDecl, ConstDecl, Decl, Expr, FnDecl, ModelDecl } from './ast.js';
import { type CellInfo, checkCell } from './cell.js';
import { checkModel, type ModelInfo } from './model.js';
import { parseSource } from './parse.js';
import { preludeSource } from './prelude.js';
import { checkUserFunctions } from './user-functions.js';

export interface Program {
  readonly file: string;
  readonly source: string;
  /** The file's own cells (the prelude's are not listed). */
  readonly cells: readonly CellInfo[];
  readonly models: readonly ModelInfo[];
  /** Every cell a model may use: the prelude's, overridden by the file's. */
  readonly cellTable: ReadonlyMap<string, CellInfo>;
  readonly cellDecls: readonly CellDecl[];
  /** The file's own functions (`fn name(…) = …`), inlined where they are called. */
  readonly userFunctions: UserFunctions;
}

export interface CompileResult {
  /** Present when there are no errors. */
  readonly program?: Program;
  readonly diagnostics: readonly Diagnostic[];
}

let prelude: ReadonlyMap<string, CellInfo> | undefined;

function preludeCells(): ReadonlyMap<string, CellInfo> {
  if (prelude) return prelude;
  const bag = new DiagnosticBag();
  const ast = parseSource(preludeSource, '<prelude>', bag);
  const cells = ast.decls.filter((d): d is CellDecl => d.kind === 'cell').map((d) => checkCell(d, bag));
  if (bag.hasErrors) throw new Error(`the prelude does not compile: ${bag.items.map((d) => d.message).join('; ')}`);
  prelude = new Map(cells.map((c) => [(c as CellInfo).name, c as CellInfo]));
  return prelude;
}

export function compileSource(source: string, file: string): CompileResult {
  const bag = new DiagnosticBag();
  const ast = parseSource(source, file, bag);
  // A declaration with a syntax error inside is not checked further: its AST is partial,
  // and checking it would report consequences of the syntax error as if they were mistakes.
  const syntaxErrorLines = bag.items.map((d) => d.span.line);
  const starts = ast.decls.map((d) => d.span.line);
  const intact = ast.decls.filter((d, k) => {
    const end = starts[k + 1] ?? Infinity;
    return !syntaxErrorLines.some((line) => line >= d.span.line && line < end);
  });

  const seen = new Map<string, Decl>();
  for (const decl of ast.decls) {
    const first = seen.get(decl.name);
    if (first) {
      bag.error(
        decl.span,
        `duplicate definition of '${decl.name}'`,
        `a ${first.kind} named ${decl.name} is defined at line ${first.span.line}`,
      );
    } else seen.set(decl.name, decl);
  }

  const userFunctions = checkUserFunctions(
    intact.filter((d): d is FnDecl | ConstDecl => (d.kind === 'fn' || d.kind === 'const') && seen.get(d.name) === d),
    bag,
  );
  const cellTable = new Map(preludeCells());
  const cells: CellInfo[] = [];
  const cellDecls = intact.filter((d): d is CellDecl => d.kind === 'cell' && seen.get(d.name) === d);
  for (const decl of cellDecls) {
    const info = checkCell(decl, bag, userFunctions);
    if (info) {
      cells.push(info);
      cellTable.set(info.name, info);
    }
  }
  const failedCells = new Set(cellDecls.map((d) => d.name).filter((n) => !cells.some((c) => c.name === n)));
  const models: ModelInfo[] = [];
  for (const decl of intact.filter((d): d is ModelDecl => d.kind === 'model' && seen.get(d.name) === d)) {
    // A model over a cell with errors would only repeat them.
    const usesFailed = decl.items.some((i) => i.kind === 'layer' && failedCells.has(i.cell.name));
    if (usesFailed) continue;
    const info = checkModel(decl, cellTable, bag, { userFunctions });
    if (info) models.push(info);
  }
  const diagnostics = bag.sorted();
  if (bag.hasErrors) return { diagnostics };
  return { program: { file, source, cells, models, cellTable, cellDecls, userFunctions }, diagnostics };
}

/**
 * The model rnnc makes for a lone cell: its inputs as sequences along T, its memories as
 * sequences along their own axes, one forward layer.
 */
export function implicitModelDecl(cell: CellDecl): ModelDecl {
  const nameExpr = (name: string, span: CellDecl['span']): Expr => ({ kind: 'name', name, primed: false, span });
  const inputs = cell.items.filter((i) => i.kind === 'input');
  const memories = cell.items.filter((i) => i.kind === 'memory');
  return {
    kind: 'model',
    name: cell.name,
    span: cell.span,
    ...(cell.doc ? { doc: cell.doc } : {}),
    sizes: cell.sizes,
    items: [
      ...inputs.map((i) => ({ ...i, type: { ...i.type, time: { name: 'T', span: i.span } } })),
      ...memories.map((m) => ({
        kind: 'input' as const,
        role: 'input' as const,
        name: m.name,
        span: m.span,
        type: m.type,
      })),
      {
        kind: 'layer',
        name: cell.name,
        span: cell.span,
        direction: 'forward',
        cell: { name: cell.name, span: cell.span },
        args: cell.sizes.map((s) => ({ name: s.name, value: nameExpr(s.name, s.span), span: s.span })),
        over: [...inputs, ...memories].map((i) => nameExpr(i.name, i.span)),
      },
      // The output keeps the cell's name for it (o), unless a final state has that name (h): then,
      // as in PyTorch, it is `output` beside the final states h and c.
      ...cell.items
        .filter((i) => i.kind === 'output')
        .slice(0, 1)
        .map((o) => {
          const name = o.name ?? (o.value.kind === 'name' ? o.value.name : 'output');
          const taken = cell.items.some((i) => i.kind === 'state' && i.name === name);
          return {
            kind: 'output' as const,
            span: o.span,
            name: taken ? 'output' : name,
            value: nameExpr(cell.name, o.span),
          };
        }),
    ],
  };
}

/**
 * The model a command works on: the one named, the file's only model, or
 * (for a file of cells) the implicit model of the named or only cell.
 */
export function selectModel(program: Program, name?: string): ModelInfo {
  const fromCell = (decl: CellDecl): ModelInfo => {
    const bag = new DiagnosticBag();
    const model = checkModel(implicitModelDecl(decl), program.cellTable, bag, {
      implicit: true,
      userFunctions: program.userFunctions,
    });
    if (!model)
      throw new UserError(`cell ${decl.name} cannot be run on its own: ${bag.items.map((d) => d.message).join('; ')}`);
    return model;
  };
  const describe = () =>
    [...program.models.map((m) => `model ${m.name}`), ...program.cells.map((c) => `cell ${c.name}`)].join(', ');
  if (name !== undefined) {
    const model = program.models.find((m) => m.name === name);
    if (model) return model;
    const cell = program.cellDecls.find((c) => c.name === name);
    if (cell) return fromCell(cell);
    const guess = didYouMean(name, [...program.models.map((m) => m.name), ...program.cells.map((c) => c.name)]);
    throw new UserError(
      `${program.file} has no model or cell named '${name}' (it defines ${describe()})${guess ? `; did you mean '${guess}'?` : ''}`,
    );
  }
  if (program.models.length === 1) return program.models[0];
  if (program.models.length === 0 && program.cellDecls.length === 1) return fromCell(program.cellDecls[0]);
  throw new UserError(
    `${program.file} defines ${describe()}: choose one by name (--model NAME, or { model: 'NAME' } in the API)`,
  );
}
