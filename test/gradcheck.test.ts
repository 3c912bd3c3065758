import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { gradcheckModel } from '../src/ad/check.js';
import { selectModel } from '../src/frontend/program.js';
import { examplesDir, loadExample } from './helpers/compile.js';

const examples = readdirSync(examplesDir)
  .filter((f) => f.endsWith('.rnn'))
  .sort();

describe.each(examples)('gradcheck of examples/%s over 5 steps with batch 2', (file) => {
  const model = selectModel(loadExample(file));
  for (const remat of [false, true]) {
    it(`agrees with finite differences to 1e-6 for every param, input and initial state${remat ? ' (rematerialized)' : ''}`, () => {
      const { rows } = gradcheckModel(model, { steps: { T: 5, S: 6, U: 5 }, batch: 2, seed: 3, remat });
      expect(rows.filter((r) => r.kind === 'param').map((r) => r.name)).toEqual(model.params.map((p) => p.name));
      for (const row of rows) {
        expect(row.coordinateError, `${row.kind} ${row.name} (coordinates)`).toBeLessThan(1e-6);
        expect(row.directionError, `${row.kind} ${row.name} (random direction)`).toBeLessThan(1e-6);
      }
    });
  }
});
