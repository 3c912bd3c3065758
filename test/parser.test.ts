import { generateCstDts } from 'chevrotain';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rnnParser } from '../grammar/parser.js';
import { DiagnosticBag } from '../src/diagnostics.js';
import type { CellDecl, Expr, InputDecl, LayerDecl, ModelDecl, ParamDecl, StateDecl } from '../src/frontend/ast.js';
import { parseSource } from '../src/frontend/parse.js';

function parse(source: string) {
  const bag = new DiagnosticBag();
  const ast = parseSource(source, 't.rnn', bag);
  expect(bag.items.map((d) => d.message)).toEqual([]);
  return ast.decls;
}

function parseCell(body: string, header = 'C(I = 3, H = 4)'): CellDecl {
  return parse(`cell ${header} {\n${body}\n}`)[0] as CellDecl;
}

/** An expression as fully parenthesized text, to read precedence off directly. */
function show(e: Expr): string {
  switch (e.kind) {
    case 'number':
      return String(e.value);
    case 'name':
      return e.primed ? `${e.name}'` : e.name;
    case 'neg':
      return `(-${show(e.operand)})`;
    case 'binary':
      return `(${show(e.left)} ${e.op} ${show(e.right)})`;
    case 'slice':
      return `${show(e.target)}[${show(e.start)}:${show(e.end)}]`;
    case 'call':
      return `${e.fn}(${e.args.map(show).join(', ')})`;
  }
}

function expr(text: string): string {
  const c = parseCell(`  y = ${text}\n  output y`);
  const eq = c.items.find((i) => i.kind === 'equation');
  return show((eq as { value: Expr }).value);
}

describe('the parser', () => {
  it('reads a cell header with sizes and defaults', () => {
    const c = parseCell('  output x', 'LSTM(I, H = 16)');
    expect(c.name).toBe('LSTM');
    expect(c.sizes.map((s) => [s.name, s.default && show(s.default)])).toEqual([
      ['I', undefined],
      ['H', '16'],
    ]);
  });

  it('reads inputs, states with initial values, and params with initializers', () => {
    const c = parseCell(
      "  input x: [I]\n  state h: [H] = learned(normal(0.1))\n  param W: [4*H, I] = uniform(-0.1, 0.1)\n  h' = h\n  output h'",
    );
    expect(c.items.map((i) => i.kind)).toEqual(['input', 'state', 'param', 'equation', 'output']);
    const state = c.items[1] as StateDecl;
    expect(show(state.init as Expr)).toBe('learned(normal(0.1))');
    const param = c.items[2] as ParamDecl;
    expect(param.dims.map(show)).toEqual(['(4 * H)', 'I']);
    expect(show(param.init as Expr)).toBe('uniform(-0.1, 0.1)');
  });

  it('tells a local equation from a state update by the prime', () => {
    const c = parseCell("  state h: [H]\n  g = tanh(h)\n  h' = g\n  output h'");
    const [local, update] = c.items.filter((i) => i.kind === 'equation') as { name: string; primed: boolean }[];
    expect([local.name, local.primed, update.name, update.primed]).toEqual(['g', false, 'h', true]);
  });

  it('reads named and unnamed outputs', () => {
    expect(parseCell('  output y = x').items.at(-1)).toMatchObject({ kind: 'output', name: 'y' });
    expect(parseCell('  output x').items.at(-1)).not.toHaveProperty('name');
  });

  it('attaches /// doc comments to the declaration below them', () => {
    const [c] = parse('/// First line.\n/// Second line.\ncell C(N = 1) {\n  output 1\n}');
    expect((c as CellDecl).doc).toBe('First line.\nSecond line.');
  });

  it('gives @ higher precedence than * and * higher than +', () => {
    expect(expr('a + W @ x * 2')).toBe('(a + ((W @ x) * 2))');
    expect(expr('a - b - c')).toBe('((a - b) - c)');
    expect(expr('a / b * c')).toBe('((a / b) * c)');
  });

  it('reads unary minus, folding it into number literals', () => {
    expect(expr('-x * y')).toBe('((-x) * y)');
    expect(expr('-2 * y')).toBe('(-2 * y)');
    expect(expr('1 - -x')).toBe('(1 - (-x))');
  });

  it('reads calls, nested parentheses, primed names and slices', () => {
    expect(expr("max(sigmoid(a), (b + c')) * z[H:2*H]")).toBe("(max(sigmoid(a), (b + c')) * z[H:(2 * H)])");
  });

  it('reads number literals in every form', () => {
    expect(expr('1 + 2.5 + .5 + 1e-3 + 2.E2')).toBe('((((1 + 2.5) + 0.5) + 0.001) + 200)');
  });

  it('skips line and block comments and accepts optional semicolons', () => {
    const c = parseCell('  /* a block\n comment */ input x: [I]; // trailing\n  output x;');
    expect(c.items.map((i) => i.kind)).toEqual(['input', 'output']);
  });

  it('reads a model: inputs, targets with time axes, layers, equations, outputs and a loss', () => {
    const [m] = parse(`model M(I = 2, H = 3) {
  input src: seq(S)[I]
  input static: [I]
  target y: seq[H]
  layer enc = bidirectional LSTM(I, H = H) over src merge concat shared returns last
  layer dec = reverse LSTM(I, H) over a, b from enc
  z = tanh(dec)
  output probs = softmax(z)
  loss mse(z, y) reduce sum
}`) as ModelDecl[];
    const [src, stat, target] = m.items as InputDecl[];
    expect([src.type.time?.name, stat.type.time, target.role, target.type.time?.name]).toEqual([
      'S',
      null,
      'target',
      'T',
    ]);
    const enc = m.items[3] as LayerDecl;
    expect(enc).toMatchObject({
      direction: 'bidirectional',
      cell: { name: 'LSTM' },
      merge: { name: 'concat' },
      returns: { name: 'last' },
    });
    expect(enc.shared).toBeDefined();
    expect(enc.args.map((a) => [a.name, show(a.value)])).toEqual([
      [undefined, 'I'],
      ['H', 'H'],
    ]);
    const dec = m.items[4] as LayerDecl;
    expect([dec.direction, dec.over.map(show), dec.from?.name]).toEqual(['reverse', ['a', 'b'], 'enc']);
    expect(m.items.slice(5).map((i) => i.kind)).toEqual(['equation', 'output', 'loss']);
    expect((m.items[7] as { reduction: { name: string } }).reduction.name).toBe('sum');
  });

  it('records where every construct is, 1-based', () => {
    const c = parseCell("  state h: [H]\n  h' = tanh(h)\n  output h'");
    expect(c.span).toMatchObject({ line: 1, col: 6 });
    const eq = c.items[1] as { span: { line: number; col: number }; value: { span: object } };
    expect(eq.span).toMatchObject({ line: 3, col: 3, endCol: 4 });
    expect(eq.value.span).toMatchObject({ line: 3, col: 8, endLine: 3, endCol: 14 });
  });

  it('reads several declarations, in order', () => {
    const decls = parse('cell A(N = 1) { output 1 }\nmodel B { input x: seq[2] }\ncell C(N = 1) { output 2 }');
    expect(decls.map((d) => `${d.kind} ${d.name}`)).toEqual(['cell A', 'model B', 'cell C']);
  });

  it('keeps keywords apart from names that start with them', () => {
    const c = parseCell(
      "  input inputs: [I]\n  state stateful: [H]\n  outputs = inputs\n  stateful' = stateful\n  output outputs",
    );
    expect(c.items.map((i) => (i as { name?: string }).name)).toEqual([
      'inputs',
      'stateful',
      'outputs',
      'stateful',
      undefined,
    ]);
  });
});

describe('generated grammar files', () => {
  it('grammar/cst.d.ts matches the grammar (regenerate with npm run diagrams)', () => {
    const committed = readFileSync(new URL('../grammar/cst.d.ts', import.meta.url), 'utf8');
    expect(committed.split('\n').slice(1).join('\n')).toBe(generateCstDts(rnnParser.getGAstProductions()));
  });

  it('docs/syntax-diagrams.html shows every grammar rule', () => {
    const html = readFileSync(new URL('../docs/syntax-diagrams.html', import.meta.url), 'utf8');
    for (const rule of Object.keys(rnnParser.getGAstProductions())) expect(html).toContain(`"name": "${rule}"`);
  });
});
