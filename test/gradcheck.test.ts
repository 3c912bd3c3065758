import { describe, expect, it } from 'vitest';
import { gradcheck } from '../src/api/gradcheck.js';
import { gradcheckModel } from '../src/ad/check.js';
import { caseModel, exampleCases } from './helpers/compile.js';
import { matrix } from './helpers/matrix.js';
import { bindSizes } from '../src/interp/run.js';

// char_tokens.rnn is char_lstm.rnn behind an embedding, whose gradient test/tokens.test.ts checks
// by finite differences in npm test, and tied_lm.rnn the same with the table tied, which
// test/tying.test.ts checks against the untied sum: the full suite checks both here too.
const examples = matrix(exampleCases, (file) => file !== 'char_tokens.rnn' && file !== 'tied_lm.rnn');

/**
 * The attention models' widths brought down to 16: the interpreter's finite differences cost a
 * forward pass per coordinate, and at H = A = 128 each attention model took 20–40 s. The same
 * equations are checked at any width.
 */
function checkSizes(model: ReturnType<typeof caseModel>): Record<string, number> {
  const wide = model.sizes.filter((s) => ['H', 'A'].includes(s.name) && (s.default ?? 0) > 16);
  return model.layers.some((l) => l.cell.includes('Luong') || l.cell.includes('Bahdanau'))
    ? Object.fromEntries(wide.map((s) => [s.name, 16]))
    : {};
}

// npm test checks rematerialization on the small examples; npm run test:all on every one (the
// character models' remat check alone took 5 s).
function rematInQuickSuite(model: ReturnType<typeof caseModel>): boolean {
  const sizes = bindSizes(model);
  const numbers = model.params.reduce((n, p) => n + p.shape.reduce((a, d) => a * d.evaluate(sizes), 1), 0);
  return numbers <= 5_000;
}

describe.each(examples)('gradcheck of examples/%s over 5 steps with batch 2', (file) => {
  const model = caseModel(file);
  for (const remat of matrix([false, true], (remat) => !remat || rematInQuickSuite(model))) {
    it(`agrees with finite differences to 1e-6 for every param, input and initial state${remat ? ' (rematerialized)' : ''}`, () => {
      const sizes = checkSizes(model);
      const { rows } = gradcheckModel(model, { steps: { T: 5, S: 6, U: 5 }, batch: 2, seed: 3, remat, sizes });
      expect(rows.filter((r) => r.kind === 'param').map((r) => r.name)).toEqual(model.params.map((p) => p.name));
      for (const row of rows) {
        expect(row.coordinateError, `${row.kind} ${row.name} (coordinates)`).toBeLessThan(1e-6);
        expect(row.directionError, `${row.kind} ${row.name} (random direction)`).toBeLessThan(1e-6);
      }
    });
  }
});

describe('gradcheck with declared initial states', () => {
  const counter = [
    'cell Counter(I = 2, H = 3) {',
    '  input x: [I]',
    '  state h: [H]',
    '  state n: [1] = ones // the steps taken, from 1',
    '  param W: [H, I]',
    "  n' = n + 1",
    "  h' = tanh(W @ x / n + h)",
    "  output h'",
    '}',
  ].join('\n');

  it('starts every state from its declared value and checks params and inputs only', () => {
    const kept = gradcheck(counter, { file: 'counter.rnn', declaredStates: true, seed: 1 });
    expect(kept.passed).toBe(true);
    expect(kept.rows.map((r) => `${r.kind} ${r.name}`)).toEqual(['param W', 'input x']);
    const drawn = gradcheck(counter, { file: 'counter.rnn', seed: 1 });
    expect(drawn.rows.filter((r) => r.kind === 'initial state').map((r) => r.name)).toEqual(['h', 'n']);
  });
});
