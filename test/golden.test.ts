import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileToTypeScript } from '../src/backends/ts/index.js';
import { raggedModel } from '../src/api/lengths.js';
import { selectModel } from '../src/frontend/program.js';
import { bindSizes } from '../src/interp/run.js';
import { compileOk, examplesDir } from './helpers/compile.js';

const examples = readdirSync(examplesDir)
  .filter((f) => f.endsWith('.rnn'))
  .sort();

// Any change to generated code shows up as a diff of these files, to be reviewed and
// committed (`npx vitest run test/golden.test.ts -u` rewrites them).
describe('emitted TypeScript', () => {
  it.each(examples)('of examples/%s at -O2 in f32 matches its golden file', async (file) => {
    const source = readFileSync(new URL(file, examplesDir), 'utf8');
    const program = compileOk(source, `examples/${file}`);
    // A file of several models is represented by its first.
    const model = selectModel(program, program.models.length > 1 ? program.models[0].name : undefined);
    const { code } = compileToTypeScript(model, {
      level: 2,
      dtype: 'f32',
      sizes: bindSizes(model),
      source: { file: `examples/${file}`, text: source },
      cells: program.cellTable,
    });
    await expect(code).toMatchFileSnapshot(`./golden/${file.replace('.rnn', '')}.ts`);
  });

  it('of examples/lstm.rnn with lengths along T matches its golden file: each step computes the running samples only', async () => {
    const source = readFileSync(new URL('lstm.rnn', examplesDir), 'utf8');
    const program = compileOk(source, 'examples/lstm.rnn');
    const model = raggedModel(selectModel(program, undefined), ['T']);
    const { code } = compileToTypeScript(model, {
      level: 2,
      dtype: 'f32',
      sizes: bindSizes(model),
      source: { file: 'examples/lstm.rnn', text: source },
      cells: program.cellTable,
    });
    expect(code).toContain('runningAt(');
    await expect(code).toMatchFileSnapshot('./golden/lstm-lengths.ts');
  });
});
