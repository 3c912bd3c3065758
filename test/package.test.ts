/**
 * The package as a user gets it: `npm pack`, the tarball installed in a fresh folder, then the
 * library imported and type-checked from there (strict, declarations checked too), its API run,
 * and the `rnnc` command run from node_modules/.bin.
 */
import { mkdirSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { command, succeed } from './helpers/process.js';

const root = new URL('..', import.meta.url).pathname;
const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
const folder = mkdtempSync(join(tmpdir(), 'rnnc-package-'));

const sh = (file: string, args: readonly string[], cwd: string) => succeed(file, args, { cwd });

function bytesUnder(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.size;
  return readdirSync(path).reduce((sum, name) => sum + bytesUnder(join(path, name)), 0);
}

const consumer = `declare const console: { log(text: string): void };
import { check, compile, gradients, graph, run, SourceError, type DiagnosticData } from 'rnnc';

const source = \`cell Tiny(I = 2, H = 3) {
  input x: [I]
  state h: [H]
  param W: [H, I]
  param U: [H, H]
  h' = tanh(W @ x + U @ h)
  output h'
}\`;

const checked = check(source, { file: 'tiny.rnn' });
const broken = check('cell Broken(H = 2) {\\n  input x: [H]\\n  state h: [H]\\n  h\\' = tanh(q + x)\\n  output h\\'\\n}', { file: 'broken.rnn' });
const first: DiagnosticData = broken.diagnostics[0];

const result = await run(source, { file: 'tiny.rnn', steps: 4, batch: 2, seed: 1 });
const grads = gradients(source, { file: 'tiny.rnn', steps: 4, batch: 2, seed: 1 });
const ir = graph(source, { file: 'tiny.rnn' });
const js = compile(source, { file: 'tiny.rnn', target: 'js' });
let refused = '';
try {
  await run('cell Oops {', { file: 'oops.rnn' });
} catch (e) {
  if (e instanceof SourceError) refused = \`\${e.diagnostics[0].file}:\${e.diagnostics[0].line}:\${e.diagnostics[0].column}\`;
}
const output: number[] = Array.from(result.outputs.output.data);
console.log(
  JSON.stringify({
    ok: checked.ok,
    models: checked.cells,
    error: { line: first.line, column: first.column, message: first.message },
    outputs: output.length,
    gradientNames: Object.keys(grads.params),
    dot: ir.dot.startsWith('digraph'),
    files: Object.keys(js.files).sort(),
    refused,
  }),
);
`;

describe('the packed package', () => {
  beforeAll(async () => {
    // dist/ is built by npm test's pretest; the tarball is what `npm publish` would upload.
    const tarball = (
      await sh('npm', ['pack', '--ignore-scripts', '--pack-destination', folder, '--silent'], root)
    ).trim();
    const app = join(folder, 'app');
    mkdirSync(app, { recursive: true });
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'app', private: true, type: 'module' }));
    await sh(
      'npm',
      ['install', '--no-audit', '--no-fund', '--offline', join(folder, tarball.split('\n').pop() as string)],
      app,
    );
  }, 300_000);

  const app = join(folder, 'app');

  it('installs with no dependencies: rnnc alone, under 30 MB, without the optional WebGPU package', () => {
    const installed = readdirSync(join(app, 'node_modules')).filter((name) => !name.startsWith('.'));
    expect(installed).toEqual(['rnnc']);
    expect(bytesUnder(join(app, 'node_modules'))).toBeLessThan(30 * 1024 * 1024);
  });

  it('is imported from TypeScript with full types: a strict project type-checks against its declarations', async () => {
    writeFileSync(join(app, 'main.ts'), consumer);
    writeFileSync(
      join(app, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          target: 'ES2022',
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          lib: ['ES2022'],
          skipLibCheck: false,
          types: [],
          outDir: '.',
        },
        files: ['main.ts'],
      }),
    );
    const finished = await command(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: app });
    if (finished.status !== 0) throw new Error(`tsc found errors:\n${finished.stdout}${finished.stderr}`);
  }, 300_000);

  it('runs the API from the installed package: check, run, gradients, graph, compile and a source error', async () => {
    const printed = JSON.parse(await sh(process.execPath, ['main.js'], app)) as Record<string, unknown>;
    expect(printed).toEqual({
      ok: true,
      models: ['Tiny'],
      error: { line: 4, column: 13, message: expect.stringContaining("'q'") as unknown },
      outputs: 4 * 2 * 3,
      gradientNames: ['W', 'U'],
      dot: true,
      files: ['Tiny.d.ts', 'Tiny.js'],
      refused: 'oops.rnn:1:12',
    });
  }, 300_000);

  it('runs the rnnc command from node_modules/.bin', async () => {
    const out = await sh(
      join(app, 'node_modules', '.bin', 'rnnc'),
      ['check', 'node_modules/rnnc/examples/gru.rnn'],
      app,
    );
    expect(out).toContain('node_modules/rnnc/examples/gru.rnn: ok');
  }, 300_000);

  it('says what to install when a WGSL run needs the webgpu package it does not have', async () => {
    const { status, stderr } = await command(
      join(app, 'node_modules', '.bin', 'rnnc'),
      ['run', 'node_modules/rnnc/examples/gru.rnn', '--target', 'wgsl'],
      { cwd: app },
    );
    expect(status).toBe(1);
    expect(stderr).toContain(
      'rnnc: error: no WebGPU here: install the webgpu package (npm install webgpu) to run on Node',
    );
  }, 300_000);
});
