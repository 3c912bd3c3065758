import { describe, expect, it } from 'vitest';
import { cell, diagnose } from './helpers/diagnose.js';

// Lines in cell(...) bodies start at 3: line 1 is `cell C…`, line 2 `input x: [I]`.
describe('diagnostics', () => {
  it('report an unknown name with a suggestion of the closest name', () => {
    const { errors, text } = diagnose(cell("  state h: [H]\n  h' = tanh(hh)\n  output h'"));
    expect(errors).toEqual([
      { line: 4, col: 13, message: "unknown name 'hh'", hint: "did you mean 'h'?", severity: 'error' },
    ]);
    expect(text).toContain("bad.rnn:4:13: error: unknown name 'hh'");
    expect(text).toContain("4 |   h' = tanh(hh)\n  |             ^^");
  });

  it('report a shape mismatch in @ naming both shapes and the inner sizes', () => {
    const { errors } = diagnose(cell("  state h: [H]\n  param W: [H, H]\n  h' = tanh(W @ x)\n  output h'"));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ line: 5, col: 13 });
    expect(errors[0].message).toBe("shape mismatch in '@': [H, H] @ [I]: the inner sizes H and I differ");
  });

  it('report a shape mismatch in an elementwise op', () => {
    const { errors } = diagnose(cell("  state h: [H]\n  h' = tanh(x + h)\n  output h'"));
    expect(errors).toEqual([
      expect.objectContaining({
        line: 4,
        col: 13,
        message: "shape mismatch in '+': shapes [I] and [H] do not broadcast",
      }),
    ]);
  });

  it('report values that do not broadcast against each other', () => {
    const { errors } = diagnose(
      cell("  state h: [H]\n  param M: [H, I]\n  param v: [H]\n  y = M * v\n  h' = h\n  output y"),
    );
    expect(errors).toEqual([
      expect.objectContaining({
        line: 6,
        col: 7,
        message: "shape mismatch in '*': shapes [H, I] and [H] do not broadcast",
      }),
    ]);
  });

  it('report a state that is declared but never updated', () => {
    const { errors } = diagnose(cell("  state h: [H]\n  state c: [H]\n  h' = tanh(h)\n  output h'"));
    expect(errors).toEqual([
      {
        line: 4,
        col: 9,
        message: 'state c is declared but never updated',
        hint: "add an equation like c' = … giving its value at the next step",
        severity: 'error',
      },
    ]);
  });

  it('report a state update of the wrong shape', () => {
    const { errors } = diagnose(cell("  state h: [H]\n  h' = concat(h, h)\n  output h'"));
    expect(errors).toEqual([
      expect.objectContaining({ line: 4, col: 8, message: "state h is [H] but h' = … is [2*H]" }),
    ]);
  });

  it('report a duplicate definition and where the first one is', () => {
    const { errors } = diagnose(cell("  state h: [H]\n  param h: [H]\n  h' = h\n  output h'"));
    expect(errors).toEqual([
      {
        line: 4,
        col: 9,
        message: "duplicate definition of 'h' in cell C",
        hint: "'h' is first defined at line 3; rename one of them",
        severity: 'error',
      },
    ]);
  });

  it('report a duplicate cell or model name', () => {
    const { errors } = diagnose(`${cell('  output x')}${cell('  output x')}`);
    expect(errors).toEqual([expect.objectContaining({ line: 5, col: 6, message: "duplicate definition of 'C'" })]);
  });

  it('report an unknown function with a suggestion', () => {
    const { errors } = diagnose(cell("  state h: [H]\n  h' = tahn(h)\n  output h'"));
    expect(errors).toEqual([
      { line: 4, col: 8, message: "unknown function 'tahn'", hint: "did you mean 'tanh'?", severity: 'error' },
    ]);
  });

  it('report a call with the wrong number of arguments', () => {
    const { errors } = diagnose(cell("  state h: [H]\n  h' = max(h, h, h)\n  output h'"));
    expect(errors).toEqual([
      expect.objectContaining({ line: 4, col: 8, message: 'max takes 1 or 2 arguments (a, b), got 3' }),
    ]);
  });

  it.each([
    [
      'zero',
      'cell C(H = 0) { input x: [H]\n output x }',
      1,
      12,
      'size H is used in a shape, so it must be a positive whole number, got 0',
    ],
    [
      'negative',
      'cell C(H = -2) { input x: [H]\n output x }',
      1,
      12,
      'size H is used in a shape, so it must be a positive whole number, got -2',
    ],
    [
      'non-integer',
      'cell C(H = 2.5) { input x: [H]\n output x }',
      1,
      12,
      'size H is used in a shape, so it must be a positive whole number, got 2.5',
    ],
    ['zero in a shape', 'cell C(H = 2) { input x: [0]\n output x }', 1, 27, 'a size must be positive, got 0'],
    [
      'fraction in a shape',
      'cell C(H = 2) { input x: [1.5]\n output x }',
      1,
      27,
      'a size must be a whole number, got 1.5',
    ],
  ])('report an invalid size (%s)', (_what, source, line, col, message) => {
    const { errors } = diagnose(source);
    expect(errors).toEqual([expect.objectContaining({ line, col, message })]);
  });

  it('report a model that uses a missing cell, suggesting a close one', () => {
    const lstm = cell("  state h: [H]\n  h' = tanh(h)\n  output h'").replace('cell C', 'cell LSTM');
    const source = `${lstm}model M(I = 3) {\n  input x: seq[I]\n  layer l = LTSM(I, 4) over x\n}\n`;
    const { errors } = diagnose(source);
    expect(errors).toEqual([
      { line: 9, col: 13, message: "unknown cell 'LTSM'", hint: "did you mean 'LSTM'?", severity: 'error' },
    ]);
  });

  it('report a cycle among the equations of a step with its path', () => {
    const { errors } = diagnose(cell("  state h: [H]\n  a = tanh(b)\n  b = sigmoid(a)\n  h' = a\n  output h'"));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({
      line: 4,
      col: 3,
      message: 'these equations depend on each other within one step: a → b → a',
    });
  });

  it('report an unterminated comment at its opening', () => {
    const { errors } = diagnose('cell C(H = 2) {\n  input x: [H] /* never closed\n  output x\n}\n');
    expect(errors).toEqual([
      {
        line: 2,
        col: 16,
        message: "unterminated comment: this '/*' has no closing '*/'",
        hint: "close the comment with '*/'",
        severity: 'error',
      },
    ]);
  });

  it('report unexpected characters where they are', () => {
    const { errors } = diagnose('cell C(H = 2) {\n  input x: [H]\n  output x $ 2\n}\n');
    expect(errors[0]).toMatchObject({ line: 3, col: 12, message: "unexpected character '$'" });
  });

  it('report binary data as not being a source file', () => {
    const { errors } = diagnose('\u0000\u0001ELF\u0002garbage');
    expect(errors).toEqual([
      expect.objectContaining({ line: 1, col: 1, message: 'this is not an .rnn source file: it contains binary data' }),
    ]);
  });

  it('report an empty file', () => {
    for (const source of ['', '   \n\n  ']) {
      expect(diagnose(source).errors).toEqual([
        expect.objectContaining({ line: 1, col: 1, message: 'the file is empty: expected a cell or model definition' }),
      ]);
    }
  });

  it('report a file of only comments as defining nothing', () => {
    expect(diagnose('// just a note\n').errors[0].message).toBe('no cell or model is defined in this file');
  });

  it('report a syntax error with what was expected', () => {
    const { errors } = diagnose('cell C(H = 2) {\n  input x [H]\n  output x\n}\n');
    expect(errors[0]).toMatchObject({ line: 2, col: 11, message: "expected ':' but found '['" });
  });

  it('report every error in a file in one run, in source order', () => {
    const source = `${cell("  state h: [H]\n  h' = tahn(hh)\n  output h'")}model M(I = 3) {\n  input x: seq[I]\n  layer l = Missing(I) over x\n}\n`;
    const { errors } = diagnose(source);
    expect(errors.map((e) => e.message)).toEqual([
      "unknown function 'tahn'",
      "unknown name 'hh'",
      "unknown cell 'Missing'",
    ]);
  });

  it('report an update of something that is not a state', () => {
    const { errors } = diagnose(cell("  state h: [H]\n  h' = h\n  z' = h\n  output h'"));
    expect(errors[0]).toMatchObject({
      line: 5,
      col: 3,
      message: "z' gives the next value of a state, but 'z' is not a state of cell C",
    });
  });

  it('report a cell without an output', () => {
    expect(diagnose(cell("  state h: [H]\n  h' = h")).errors[0]).toMatchObject({
      line: 1,
      col: 6,
      message: 'cell C has no output',
    });
  });

  it('report a loss that is not one number per sample', () => {
    const source = `model M(I = 3) {\n  input x: seq[I]\n  loss x * x\n}\n`;
    expect(diagnose(source).errors[0]).toMatchObject({
      line: 3,
      col: 8,
      message: 'the loss must be one number per sample, but this is [I]',
    });
  });

  it('report a layer whose input has the wrong size for its cell', () => {
    const source = `${cell("  state h: [H]\n  h' = tanh(h)\n  output h'")}model M(E = 5) {\n  input x: seq[E]\n  layer l = C(I = 3, H = 4) over x\n}\n`;
    const { errors } = diagnose(source);
    expect(errors).toEqual([
      expect.objectContaining({
        line: 9,
        col: 34,
        message: 'C expects its input x to be [3] per step, but this is [E]',
      }),
    ]);
  });

  it('warn about a param that is never used without failing', () => {
    const { errors, warnings } = diagnose(
      cell("  state h: [H]\n  param W: [H, H]\n  h' = tanh(h + x[0:H])\n  output h'").replace('I = 3', 'I = 6'),
    );
    expect(errors).toEqual([]);
    expect(warnings).toEqual([expect.objectContaining({ line: 4, col: 9, message: 'param W is never used' })]);
  });

  it('point W.T at transpose(W), and say once what a stray character on a line is', () => {
    const { errors } = diagnose(cell("  state h: [H]\n  param W: [H, H]\n  h' = tanh(W.T @ h)\n  output h'"));
    expect(errors).toEqual([
      {
        line: 5,
        col: 14,
        message: "unexpected character '.'",
        hint: 'rnnc has no member access: write transpose(W) for the transpose of W',
        severity: 'error',
      },
    ]);
  });

  it('say that brackets slice, where a paper indexes a table by a value', () => {
    const { errors } = diagnose(cell("  state h: [H]\n  param table: [H, H]\n  h' = tanh(table[h])\n  output h'"));
    expect(errors).toEqual([
      expect.objectContaining({
        line: 5,
        message: "expected ':' but found ']'",
        hint: expect.stringContaining('no indexing by a value'),
      }),
    ]);
  });

  it('report a dependency cycle without claiming that what it reads is unused', () => {
    const { errors, warnings } = diagnose(
      cell("  state h: [H]\n  param W: [H, I]\n  a = tanh(b + W @ x)\n  b = sigmoid(a)\n  h' = a + h\n  output h'"),
    );
    expect(errors).toEqual([expect.objectContaining({ message: expect.stringContaining('depend on each other') })]);
    expect(warnings).toEqual([]);
  });

  it('say that rnnc has no member access where a paper writes it', () => {
    const member = diagnose(cell("  state h: [H]\n  h' = tanh(emb.table)\n  output h'")).errors;
    expect(member).toEqual([expect.objectContaining({ line: 4, hint: expect.stringContaining('no member access') })]);
  });

  it('report a function that reads what is not its parameter, recurses, or shadows a built-in, once each at its definition', () => {
    const source = [
      'fn f(x) = g(x) + h',
      'fn g(y) = f(y)',
      'fn softmax(x) = x',
      'cell C(I = 2, H = 3) {',
      '  input x: [I]',
      '  state h: [H]',
      "  h' = tanh(f(h) + softmax(h))",
      "  output h'",
      '}',
    ].join('\n');
    const { errors } = diagnose(source);
    expect(errors.map((e) => [e.line, e.message])).toEqual([
      [1, 'fn f calls itself (f → g → f): functions are inlined where they are called, so they cannot recurse'],
      [1, "fn f reads 'h', which is not one of its parameters or a const of the file"],
      [2, 'fn g calls itself (g → f → g): functions are inlined where they are called, so they cannot recurse'],
      [3, 'fn softmax: softmax is a built-in function'],
    ]);
  });

  it('report a call of a function with the wrong number of arguments, naming its parameters', () => {
    const source = 'fn mix(a, b) = a * b\n' + cell("  state h: [H]\n  h' = tanh(mix(h))\n  output h'");
    const { errors } = diagnose(source);
    expect(errors).toEqual([expect.objectContaining({ line: 5, message: 'mix takes 2 arguments (a, b), got 1' })]);
  });
});
