/**
 * `--target js`: every example's module as JavaScript with a .d.ts. The JavaScript computes what
 * the TypeScript module computes, bit for bit; the declarations type-check strictly and describe
 * the module exactly (each is assignable to the other); the WGSL host likewise.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile } from '../src/api/compile.js';
import { declarations } from '../src/backends/js.js';
import { caseSlug, examplesDir, exampleCases } from './helpers/compile.js';
import { readFileSync } from 'node:fs';
import { typecheck } from './helpers/typecheck.js';
import { matrix } from './helpers/matrix.js';

// Under the project, so that tsc finds @webgpu/types for the WGSL host.
const folder = new URL('../.test-output/js/', import.meta.url).pathname;
mkdirSync(folder, { recursive: true });

function sourceOf(name: string): { text: string; file: string; model?: string } {
  const [file, model] = name.split(':');
  return {
    text: readFileSync(new URL(file, examplesDir), 'utf8'),
    file: `examples/${file}`,
    ...(model ? { model } : {}),
  };
}

/** Writes a model's TypeScript module and its JavaScript with declarations; returns the check file. */
function writeBoth(name: string, target: 'js' | 'wgsl'): { slug: string; check: string } {
  const { text, file, model } = sourceOf(name);
  const slug = `${caseSlug(name)}_${target}`;
  const options = { file, ...(model ? { model } : {}), sizes: {} };
  const ts = compile(text, { ...options, target: target === 'js' ? 'ts' : 'wgsl', host: 'ts' });
  const js = compile(text, { ...options, target: target === 'js' ? 'js' : 'wgsl', host: 'js' });
  const stem = ts.main.replace(/\.ts$/, '');
  writeFileSync(join(folder, `${slug}_impl.ts`), ts.files[ts.main]);
  writeFileSync(join(folder, `${slug}.js`), js.files[`${stem}.js`]);
  writeFileSync(join(folder, `${slug}.d.ts`), js.files[`${stem}.d.ts`]);
  const check = join(folder, `${slug}_check.ts`);
  writeFileSync(
    check,
    [
      `import * as implementation from './${slug}_impl.js';`,
      `import * as declared from './${slug}.js';`,
      '// The declarations describe the module: each is assignable to the other.',
      'export const fromModule: typeof declared = implementation;',
      'export const fromDeclarations: typeof implementation = declared;',
      'export type SameParams = declared.Params extends implementation.Params ? true : never;',
      '',
    ].join('\n'),
  );
  return { slug, check };
}

/**
 * npm test: examples that between them hold every kind of layer and value the JavaScript output
 * declares (one and two time axes, bidirectional, context, memory, a lone cell, several models);
 * npm run test:all: every example. The JavaScript is the TypeScript module's code, transpiled.
 */
const quickCases = [
  'lstm.rnn',
  'tagger.rnn',
  'seq2seq.rnn',
  'context_seq2seq.rnn',
  'attention.rnn',
  'adding.rnn:AddingGRU',
];

describe('rnnc compile --target js', () => {
  const cases = matrix(exampleCases, (name) => quickCases.includes(name)).map((name) => ({
    name,
    ...writeBoth(name, 'js'),
  }));

  it('writes declarations that type-check strictly and match the TypeScript modules of the examples', async () => {
    await typecheck(
      cases.map((c) => c.check),
      folder,
      { checkDeclarations: true },
    );
  }, 300_000);

  it.each(cases.map((c) => [c.name, c.slug]))(
    'writes JavaScript for examples/%s that computes what the TypeScript module computes',
    async (_, slug) => {
      type Module = {
        init(seed: number): Record<string, Float32Array>;
        inputSpecs: Record<
          string,
          { time: string | null; target: boolean; batch: boolean; shape: number[]; vocabulary?: number }
        >;
        forward(p: unknown, i: unknown): { outputs: Record<string, { data: Float32Array }> };
      };
      const js = (await import(join(folder, `${slug}.js`))) as Module;
      const ts = (await import(join(folder, `${slug}_impl.ts`))) as Module;
      const params = js.init(3);
      expect(params).toEqual(ts.init(3));
      const inputs = Object.fromEntries(
        Object.entries(js.inputSpecs)
          .filter(([, spec]) => !spec.target)
          .map(([name, spec]) => {
            const shape = [...(spec.time !== null ? [4] : []), ...(spec.batch ? [2] : []), ...spec.shape];
            const size = shape.reduce((a, b) => a * b, 1);
            // Token ids are whole numbers below the vocabulary.
            const value = (k: number) => (spec.vocabulary !== undefined ? (k * 7) % spec.vocabulary : Math.sin(k + 1));
            return [name, { data: Float32Array.from({ length: size }, (_, k) => value(k)), shape }];
          }),
      );
      expect(js.forward(params, inputs).outputs).toEqual(ts.forward(params, inputs).outputs);
    },
  );

  it('writes the WGSL host as JavaScript whose declarations match the TypeScript host', async () => {
    const { check } = writeBoth('lstm.rnn', 'wgsl');
    await typecheck([check], folder, { checkDeclarations: true, types: ['@webgpu/types'], lib: ['ES2022', 'DOM'] });
  }, 300_000);

  it('refuses to declare an export whose type it cannot read, naming it', () => {
    expect(() => declarations('export const x = compute();\n', '//')).toThrow('cannot declare const x: give it a type');
    expect(() => declarations('export function f(a: number) {\n  return a;\n}\n', '//')).toThrow(
      'cannot declare function f: its return type is not written',
    );
  });

  it('declares parameters with defaults as optional, and `as const` literals as readonly literal types', () => {
    const dts = declarations(
      [
        'export const sizes = {"I":3,"H":5} as const;',
        'export const specs = { "d:x": { time: "T", shape: [3, \'a:b\'] } } as const;',
        'export function init(seed = 0, options: { fast: boolean } = { fast: true }): number[] {',
        '  return [seed];',
        '}',
        '',
      ].join('\n'),
      '// header',
    );
    expect(dts).toContain('export declare const sizes: { readonly "I": 3; readonly "H": 5 };');
    expect(dts).toContain(
      'export declare const specs: { readonly "d:x": { readonly time: "T"; readonly shape: readonly [3, \'a:b\'] } };',
    );
    expect(dts).toContain('export declare function init(seed?: number, options?: { fast: boolean }): number[];');
  });
});
