/**
 * Adversarial input: every source the fuzzer (or a person) ever broke rnnc with is kept under
 * test/fixtures/fuzz and must end accepted or refused with a clean message, with valid emitted
 * code; the limits name themselves; names that are JavaScript object keys or keywords work;
 * comments never become code; generated modules check their arguments; and, in the full
 * suite, a fixed budget of generated sources runs clean.
 */
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { check, compile, gradients, run } from '../src/api/index.js';
import { tsComment, wgslComment } from '../src/backends/comment-text.js';
import { clipLongRuns } from '../src/diagnostics.js';
import { exercise } from './fuzz/exercise.js';
import { extremeSource, lineBreaks, mutatedSource } from './fuzz/generate.js';
import { shaderErrors, typeErrors } from './fuzz/validate.js';
import { rnnc, scratchFolder } from './helpers/cli.js';
import { breathe } from './helpers/process.js';
import { onlyInFullSuite } from './helpers/matrix.js';

const fixtures = 'test/fixtures/fuzz';
const regressions = readdirSync(fixtures)
  .filter((f) => f.endsWith('.rnn'))
  .sort();

/**
 * The type errors of many generated modules, checked a dozen or so at a time: a chunk of 40
 * took long enough on a busy machine to come near vitest's minute.
 */
async function typeErrorsInChunks(files: Readonly<Record<string, string>>): Promise<[string, string][]> {
  const names = Object.keys(files);
  const errors: [string, string][] = [];
  for (let k = 0; k < names.length; k += 16) {
    const chunk = Object.fromEntries(names.slice(k, k + 16).map((n) => [n, files[n]]));
    errors.push(...typeErrors(chunk));
    await breathe();
  }
  return errors;
}

/** Every stage of each source, and the validity of what it emitted; fails naming the source. */
async function expectClean(sources: readonly { name: string; text: string }[]): Promise<void> {
  const typescript: Record<string, string> = {};
  const wgsl: Record<string, string> = {};
  for (const { name, text } of sources) {
    await breathe();
    const started = Date.now();
    const outcome = await exercise(text, { thorough: true, dataSeed: text.length * 5 });
    expect({ name, verdict: outcome.verdict, message: outcome.message }).toMatchObject({
      verdict: expect.stringMatching(/^(ok|refused)$/),
    });
    expect(Date.now() - started, `${name} took too long`).toBeLessThan(60_000);
    for (const [file, code] of Object.entries(outcome.typescript)) typescript[`${name}-${file}`] = code;
    for (const [file, code] of Object.entries(outcome.wgsl)) wgsl[`${name}-${file}`] = code;
  }
  expect(Object.fromEntries(await typeErrorsInChunks(typescript))).toEqual({});
  expect(Object.fromEntries(await shaderErrors(wgsl))).toEqual({});
}

describe('sources that once broke rnnc', () => {
  it(`end accepted with valid TypeScript and WGSL, or refused with a message (${regressions.length} of them)`, async () => {
    await expectClean(regressions.map((f) => ({ name: f, text: readFileSync(join(fixtures, f), 'utf8') })));
  }, 300_000);

  it('are refused at each limit with a message naming it, at the place it is passed', () => {
    const message = (file: string) => {
      const { ok, diagnostics } = check(readFileSync(join(fixtures, file), 'utf8'), { file });
      expect(ok).toBe(false);
      return `${diagnostics[0].line}:${diagnostics[0].column}: ${diagnostics[0].message}`;
    };
    expect(message('parentheses-2000-deep.rnn')).toBe(
      "4:72: brackets and minus signs are nested more than 64 deep here, past rnnc's limit",
    );
    expect(message('sum-of-10000-terms.rnn')).toMatch(
      /^4:8: this expression is 10000 operations deep, past rnnc's limit of 256$/,
    );
    expect(message('chain-of-1000-equations.rnn')).toMatch(
      /'a\d+' is computed through more than 160 operations in a row, past rnnc's limit/,
    );
    expect(message('size-1e21.rnn')).toBe("1:15: size H is 1e+21, past rnnc's limit of 16777216");
    expect(message('cell-without-input.rnn')).toMatch(/cell C has no input/);
    expect(message('state-named-proto.rnn')).toBe(
      "3:9: '__proto__': names that begin with two underscores are reserved",
    );
    expect(message('line-separator-between-tokens.rnn')).toBe('2:15: unexpected character U+2028');
    const source = readFileSync(join(fixtures, 'square-param-of-1e5.rnn'), 'utf8');
    expect(() => compile(source)).toThrow(
      "with H = 100000, param W [H, H] would hold 10000000000 values, past rnnc's limit of 268435456 (2^28) a sample",
    );
    expect(() => compile(readFileSync(join(fixtures, 'slice-past-the-end-at-its-sizes.rnn'), 'utf8'))).toThrow(
      'with H = 2, K = 5, the slice [0:K] (line 5) is [0:5] of a value of size 2: a slice must lie within its value',
    );
    expect(() => gradients(readFileSync(join(fixtures, 'loss-on-no-param.rnn'), 'utf8'))).toThrow(
      /the loss does not depend on any param/,
    );
  });

  it('report the first 50 of 200,000 stray characters, each line shown as the 120 columns around its caret', () => {
    const started = Date.now();
    const { diagnostics, formatted } = check('a$'.repeat(200_000), { file: 'stray.rnn' });
    expect(diagnostics).toHaveLength(51);
    expect(diagnostics[50].message).toBe('and 199950 more unexpected characters up to here');
    expect(formatted.length).toBeLessThan(20_000);
    expect(Date.now() - started).toBeLessThan(30_000);
  });

  it('run names that are JavaScript object keys as any other name', async () => {
    const source = readFileSync(join(fixtures, 'state-named-constructor.rnn'), 'utf8');
    const result = await run(source, { seed: 2, steps: 3 });
    const [[name, state]] = Object.entries(result.finalStates);
    expect(name).toBe('constructor');
    expect(state.data.every(Number.isFinite)).toBe(true);
    const renamed = await run(source.replaceAll('constructor', 'h'), { seed: 2, steps: 3 });
    expect([...state.data]).toEqual([...renamed.finalStates.h.data]);
    const sized = await run(readFileSync(join(fixtures, 'size-named-valueof.rnn'), 'utf8'), { steps: 2 });
    expect(sized.sizes).toEqual({ valueOf: 2 });
  });
});

describe('comments from the source in emitted code', () => {
  it('lose every line break of JavaScript and WGSL, and cannot close a block comment', () => {
    for (const escape of [tsComment, wgslComment])
      for (const br of [...lineBreaks, '\u000b', '\u000c', '\u0085']) {
        const text = escape(`a${br}fn exp() */ b`);
        expect(text).not.toMatch(/[\n\r\u000b\u000c\u0085\u2028\u2029]/);
        expect(text).not.toContain('*/');
      }
    expect(tsComment('x \u202e y')).toBe('x <U+202E> y');
  });

  it('stay comments in every kernel and module, whatever line break a source comment holds', () => {
    for (const file of regressions.filter((f) => f.startsWith('comment-with-'))) {
      const source = readFileSync(join(fixtures, file), 'utf8');
      const kernels = Object.entries(compile(source, { target: 'wgsl' }).files).filter(([f]) => f.endsWith('.wgsl'));
      expect(kernels.length).toBeGreaterThan(0);
      // (The WGSL host holds the kernels as JSON strings, in which no character ends a line.)
      const emitted = [
        ...kernels.map(([, code]) => code),
        ...Object.values(compile(source, { target: 'ts' }).files),
        ...Object.values(compile(source, { target: 'js' }).files),
      ];
      for (const text of emitted)
        for (const line of text.split(/\r\n|[\n\r\u2028\u2029]/))
          if (line.includes('fn exp(v') || line.includes('throw new Error(1)'))
            expect(line, `${file}: ${line}`).toMatch(/^\s*(\/\/|\*|\/\*\*)/);
    }
  });
});

describe('generated modules', () => {
  it('check every argument with a message of their own', async () => {
    const source = readFileSync('examples/lstm.rnn', 'utf8');
    const { files, main } = compile(source, { target: 'js' });
    const url = `data:text/javascript;base64,${Buffer.from(files[main]).toString('base64')}`;
    const m = (await import(url)) as {
      init(seed: number): Record<string, Float32Array>;
      forward(params: unknown, inputs: unknown, initialStates?: unknown): unknown;
      optimizer(options: unknown): unknown;
    };
    const params = m.init(1);
    const x = (shape: unknown[]) => ({ x: { data: new Float32Array(36), shape } });
    expect(() => m.forward(params, x([4, 1.5, 3]))).toThrow(
      'rnnc model: x has shape [4, 1.5, 3]: every size must be a positive whole number',
    );
    expect(() => m.forward(params, x(['4', 3, 3]))).toThrow(/x has shape \["4", 3, 3\]/);
    expect(() => m.forward(params, { ...x([4, 3, 3]), y: x([4, 3, 3]).x })).toThrow(
      'rnnc model: there is no input named "y" (the inputs are x, d:output)',
    );
    expect(() => m.forward({ ...params, W_xx: params.W_ii }, x([4, 3, 3]))).toThrow(/there is no param named "W_xx"/);
    expect(() => m.forward(null, x([4, 3, 3]))).toThrow('rnnc model: params must be an object');
    expect(() => m.forward(params, x([4, 3, 3]), null)).toThrow('rnnc model: initialStates must be an object');
    expect(() => m.optimizer(null)).toThrow('rnnc model: optimizer options must be an object');
    // A call whose buffers would not fit a WebAssembly memory says how much it needed.
    const wide = compile(source, { target: 'js', sizes: { H: 256 } });
    const big = (await import(
      `data:text/javascript;base64,${Buffer.from(wide.files[wide.main]).toString('base64')}`
    )) as typeof m;
    const steps = 1_000_000;
    const long = { x: { data: new Float32Array(steps * 3), shape: [steps, 1, 3] } };
    expect(() => big.forward(big.init(1), long)).toThrow(
      /^rnnc model: this call needs \d+ bytes of memory for its batch and steps, past the 4294967296 a WebAssembly memory can hold/,
    );
  });
});

describe('data inputs', () => {
  const scratch = scratchFolder('rnnc-hardening-');

  it('end in a message, however deep, large or many they are', async () => {
    const deep = scratch.write('deep.json', `{"x": ${'['.repeat(200_000)}${']'.repeat(200_000)}}`);
    const longKey = scratch.write('long-key.json', JSON.stringify({ ['k'.repeat(2_000_000)]: 1 }));
    const torch = scratch.write('torch.json', JSON.stringify({ weight_ih_l0: { data: [1, 2], shape: [2] } }));
    const cases: [string[], RegExp][] = [
      [['--input', deep], /^rnnc: error: x: expected \[T\]\[B\]\[4\] \(time-major\), got an array nested 200000 deep$/],
      [
        ['--input', longKey],
        /^rnnc: error: model Elman has no input 'k{99}… \(2000002 characters\) \(its inputs are x\)$/,
      ],
      [
        ['--torch-weights', torch],
        /^rnnc: error: 'weight_ih_l0': cell Elman of layer Elman does not have the param names/,
      ],
      [
        ['--batch', '1000000000'],
        /^rnnc: error: random inputs of 20000000000 values in all are past rnnc's limit of 16777216/,
      ],
      [['--steps', '1000000000000'], /^rnnc: error: random inputs of 8000000000000 values/],
      [['--size', 'H=9007199254740992'], /^rnnc: error: size H is 9007199254740992, past rnnc's limit of 16777216$/],
    ];
    for (const [args, message] of cases) {
      const r = await rnnc('run', 'examples/elman.rnn', ...args);
      expect({ args: args[0], status: r.status }).toEqual({ args: args[0], status: 1 });
      expect(r.err).toMatch(message);
      expect(r.err.length).toBeLessThan(2000);
    }
  });
});

describe('messages', () => {
  it('shorten names and values of megabytes to a hundred characters', () => {
    const clipped = clipLongRuns(`no input '${'a'.repeat(5_000_000)}' here`);
    expect(clipped).toBe(`no input '${'a'.repeat(99)}… (5000002 characters) here`);
  });
});

describe('generated sources', () => {
  it.skipIf(onlyInFullSuite())(
    'run clean through every stage: 300 of them, from a fixed seed',
    async () => {
      const seeds = readdirSync('examples')
        .filter((f) => f.endsWith('.rnn'))
        .map((f) => readFileSync(join('examples', f), 'utf8'));
      const sources = fc.sample(
        fc.oneof({ weight: 12, arbitrary: mutatedSource(seeds) }, { weight: 1, arbitrary: extremeSource }),
        {
          numRuns: 300,
          seed: 20261204,
        },
      );
      await expectClean(sources.map((text, k) => ({ name: `generated-${k}`, text })));
    },
    300_000,
  );
});
