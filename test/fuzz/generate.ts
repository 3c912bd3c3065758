/**
 * A grammar-aware generator and mutator of .rnn sources for the fuzzer. Generated sources follow
 * the language's grammar most of the time, so they reach past the parser into shape checking,
 * lowering, the passes, the backends and the interpreter; the mutator then breaks them (and the
 * shipped examples) the ways people and tools do: cut text, repeated text, stray characters,
 * names that are JavaScript or WGSL keywords, sizes at every limit, and comments with every
 * Unicode line break in them.
 */
import fc from 'fast-check';

/** Names a compiler in JavaScript and WGSL can trip on, beside ordinary ones. */
export const adversarialNames = [
  'constructor',
  '__proto__',
  'toString',
  'hasOwnProperty',
  'valueOf',
  'prototype',
  'fn',
  'memory',
  'let',
  'var',
  'const',
  'function',
  'return',
  'class',
  'this',
  'arguments',
  'eval',
  'await',
  'yield',
  'new',
  'delete',
  'typeof',
  'undefined',
  'NaN',
  'Infinity',
  'null',
  'true',
  'false',
  'Math',
  'memory',
  'exports',
  'Float32Array',
  'workgroup',
  'override',
  'ptr',
  'array',
  'struct',
  'loop',
  'f32',
  'u32',
  'i32',
  'vec4',
  'select',
  'private',
  'storage',
  'uniform',
  'i',
  'j',
  't',
  'b',
  'n',
  'x0',
  '_',
  '__',
  'params',
  'states',
  'batch',
  'steps',
  'grad',
  'forward',
  'heap',
  'wasm',
  'buffer',
  'a'.repeat(300),
];

/** Every code point that some language treats as a line break, and comment markers. */
export const lineBreaks = ['\n', '\r', '\r\n', '\u000b', '\u000c', '\u0085', '\u2028', '\u2029'];

const ordinaryName = fc.stringMatching(/^[a-z][a-z0-9_]{0,6}$/);
const name = fc.oneof(
  { weight: 4, arbitrary: ordinaryName },
  { weight: 1, arbitrary: fc.constantFrom(...adversarialNames) },
);
const sizeName = fc.constantFrom('H', 'I', 'K', 'N', 'O');

/** Size values: mostly small, sometimes at or past every limit. */
const sizeValue = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: 1, max: 6 }).map(String) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '0',
      '-1',
      '1.5',
      '1e21',
      '9007199254740992',
      '1e308',
      '100000',
      '4294967296',
      '65536',
      '2147483648',
      '1e-9',
      '0.0',
      '3 * 4',
      'H',
    ),
  },
);

const functions = [
  'sigmoid',
  'tanh',
  'relu',
  'exp',
  'log',
  'sqrt',
  'abs',
  'softplus',
  'hard_sigmoid',
  'softmax',
  'log_softmax',
  'sum',
  'mean',
  'floor',
];
const binaryFunctions = ['min', 'max'];

/** An expression over the given value names (and the size names, for slices and scalars). */
function expression(values: readonly string[]): fc.Arbitrary<string> {
  const leaf = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...values) },
    { weight: 1, arbitrary: fc.constantFrom('0', '1', '0.5', '2', '1e-3', '1e40', '-0', 't', 'T') },
    { weight: 1, arbitrary: name },
  );
  const { tree } = fc.letrec<{ tree: string }>((tie) => ({
    tree: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      leaf,
      fc
        .tuple(
          tie('tree'),
          fc.constantFrom(' + ', ' - ', ' * ', ' / ', ' @ ', ' % ', ' < ', ' == ', ' >= '),
          tie('tree'),
        )
        .map(([a, op, b]) => a + op + b),
      fc.tuple(fc.constantFrom(...functions), tie('tree')).map(([f, a]) => `${f}(${a})`),
      fc.tuple(fc.constantFrom(...binaryFunctions), tie('tree'), tie('tree')).map(([f, a, b]) => `${f}(${a}, ${b})`),
      tie('tree').map((a) => `(${a})`),
      tie('tree').map((a) => `-${a}`),
      fc.tuple(tie('tree'), sizeName).map(([a, s]) => `(${a})[0:${s}]`),
      fc.tuple(tie('tree'), tie('tree')).map(([a, b]) => `concat(${a}, ${b})`),
      fc.tuple(tie('tree'), tie('tree'), tie('tree')).map(([c, a, b]) => `where(${c}, ${a}, ${b})`),
      fc
        .tuple(fc.constantFrom('sum', 'max', 'softmax'), tie('tree'), fc.constantFrom('0', '-1', '1'))
        .map(([f, a, k]) => `${f}(${a}, axis = ${k})`),
      fc.tuple(name, tie('tree')).map(([f, a]) => `${f}(${a})`),
    ),
  }));
  return tree;
}

function shape(sizes: readonly string[]): fc.Arbitrary<string> {
  const dim = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...sizes) },
    { weight: 1, arbitrary: fc.constantFrom(...sizes).map((s) => `2*${s}`) },
    { weight: 1, arbitrary: sizeValue },
  );
  return fc.array(dim, { minLength: 1, maxLength: 2 }).map((d) => `[${d.join(', ')}]`);
}

const init = fc.constantFrom(
  '',
  ' = zeros',
  ' = glorot',
  ' = orthogonal',
  ' = uniform(-0.1, 0.1)',
  ' = normal(0, 1)',
  ' = ones',
  ' = bogus',
);

const comment = fc
  .tuple(
    fc.constantFrom(...lineBreaks),
    fc.constantFrom('fn exp(v: f32) -> f32 { return 0.0; }', '*/ throw 1; /*', "'; process.exit(3); '", '`${1}`'),
  )
  .map(([br, code]) => ` // a comment${br}${code}`);

/** A cell: sizes, declarations and equations in the language's grammar (names may collide). */
export const cellSource: fc.Arbitrary<string> = fc
  .record({
    cellName: fc.oneof(
      fc.constant('Cell'),
      name.map((n) => n.charAt(0).toUpperCase() + n.slice(1)),
    ),
    sizes: fc.uniqueArray(fc.tuple(sizeName, sizeValue), { minLength: 1, maxLength: 3, selector: ([s]) => s }),
    input: fc.option(name, { nil: undefined, freq: 6 }),
    states: fc.uniqueArray(name, { minLength: 1, maxLength: 2 }),
    params: fc.uniqueArray(name, { minLength: 0, maxLength: 3 }),
    locals: fc.uniqueArray(name, { minLength: 0, maxLength: 3 }),
    seed: fc.integer(),
  })
  .chain((c) => {
    const sizes = c.sizes.map(([s]) => s);
    const values = [...(c.input ? [c.input] : []), ...c.states, ...c.params];
    const rows = [
      ...(c.input ? [shape(sizes).map((s) => `  input ${c.input}: ${s}`)] : []),
      ...c.states.map((s) => shape(sizes).map((sh) => `  state ${s}: ${sh}`)),
      ...c.params.map((p) => fc.tuple(shape(sizes), init).map(([sh, i]) => `  param ${p}: ${sh}${i}`)),
      ...c.locals.map((l, k) => expression([...values, ...c.locals.slice(0, k)]).map((e) => `  ${l} = ${e}`)),
      ...c.states.map((s) =>
        fc
          .tuple(expression([...values, ...c.locals]), fc.option(comment, { nil: '', freq: 4 }))
          .map(([e, com]) => `  ${s}' = ${e}${com}`),
      ),
      fc.constantFrom(...c.states).map((s) => `  output ${s}'`),
    ];
    return fc.tuple(...rows).map((lines) => {
      const params = c.sizes.map(([s, v]) => `${s} = ${v}`).join(', ');
      return `cell ${c.cellName}(${params}) {\n${lines.join('\n')}\n}\n`;
    });
  });

/** A model over a generated cell, sometimes two layers, a head and a loss. */
export const modelSource: fc.Arbitrary<string> = fc
  .record({
    cell: cellSource,
    input: name,
    layer: name,
    stacked: fc.boolean(),
    head: fc.boolean(),
    option: fc.constantFrom(
      '',
      ' returns last',
      ' merge concat',
      ' merge sum',
      ' reverse',
      ' merge bogus',
      ' returns nothing',
      ' from nowhere',
    ),
    loss: fc.constantFrom('', 'mse', 'cross_entropy', 'sum'),
    size: sizeValue,
  })
  .map((m) => {
    const cellName = /^cell (\w+)/.exec(m.cell)?.[1] ?? 'Cell';
    const sizes = [...m.cell.matchAll(/\b([HIKNO]) = /g)].map((s) => s[1]);
    const sizeArgs = sizes.map((s) => s).join(', ');
    const lines = [`  input ${m.input}: seq[${sizes[0] ?? 'H'}]`];
    lines.push(`  layer ${m.layer} = ${cellName}(${sizeArgs}) over ${m.input}${m.option}`);
    let last = m.layer;
    if (m.stacked) {
      lines.push(`  layer ${m.layer}_2 = ${cellName}(${sizeArgs}) over ${last}`);
      last = `${m.layer}_2`;
    }
    if (m.head) {
      lines.push(`  layer head = Dense(${sizes[sizes.length - 1] ?? 'H'}, ${m.size}) over ${last}`);
      last = 'head';
    }
    if (m.loss === 'sum') lines.push(`  loss sum(${last}) reduce sum`);
    else if (m.loss !== '') {
      lines.push(`  target y: seq[${m.head ? m.size : (sizes[sizes.length - 1] ?? 'H')}]`);
      lines.push(`  loss ${m.loss}(${last}, y)`);
    }
    lines.push(`  output ${last}`);
    return `${m.cell}\nmodel Model(${sizes.map((s) => `${s} = ${m.size}`).join(', ')}) {\n${lines.join('\n')}\n}\n`;
  });

/** Text a mutation may put into a source: tokens of the language, and characters that are not. */
const insertions = [
  '(',
  ')',
  '[',
  ']',
  '{',
  '}',
  ',',
  ':',
  '=',
  "'",
  '@',
  '.',
  '%',
  '"',
  '\\',
  '\u0000',
  '\ufeff',
  '\ud800',
  'é',
  '𝑥',
  ...lineBreaks,
  '/*',
  '*/',
  '//',
  '///',
  'cell',
  'model',
  'layer',
  'input',
  'state',
  'param',
  'output',
  'loss',
  'seq',
  'over',
  'from',
  'returns',
  'shared',
  'merge',
  'reduce',
  ...adversarialNames.slice(0, 20),
  '1e999',
  '0x10',
  '-',
  '--',
  '.5',
  '1.',
];

/** One edit of a source: cut, repeat, insert or replace at a position fast-check picks. */
const mutation = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.constantFrom(...insertions) }),
  fc.record({
    kind: fc.constant('repeat' as const),
    at: fc.nat(),
    length: fc.integer({ min: 1, max: 60 }),
    times: fc.integer({ min: 2, max: 4 }),
  }),
  fc.record({ kind: fc.constant('rename' as const), from: fc.nat(), to: name }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

function mutate(source: string, edit: Mutation): string {
  if (source.length === 0) return source;
  switch (edit.kind) {
    case 'delete': {
      const at = edit.at % source.length;
      return source.slice(0, at) + source.slice(at + edit.length);
    }
    case 'insert': {
      const at = edit.at % (source.length + 1);
      return source.slice(0, at) + edit.text + source.slice(at);
    }
    case 'repeat': {
      const at = edit.at % source.length;
      const piece = source.slice(at, at + edit.length);
      return source.slice(0, at) + piece.repeat(edit.times) + source.slice(at + edit.length);
    }
    case 'rename': {
      const names = [...new Set(source.match(/\b[A-Za-z_]\w*/g) ?? [])];
      if (names.length === 0) return source;
      const from = names[edit.from % names.length];
      return source.replace(new RegExp(`\\b${from}\\b`, 'g'), edit.to);
    }
  }
}

/** A base source (generated, or one of `seeds`) with zero to three edits. */
export function mutatedSource(seeds: readonly string[]): fc.Arbitrary<string> {
  const base =
    seeds.length > 0 ? fc.oneof(cellSource, modelSource, fc.constantFrom(...seeds)) : fc.oneof(cellSource, modelSource);
  return fc.tuple(base, fc.array(mutation, { maxLength: 3 })).map(([s, edits]) => edits.reduce(mutate, s));
}

/** Sources built to hit the limits: deep nesting, long expressions, long chains, huge sizes. */
export const extremeSource: fc.Arbitrary<string> = fc
  .record({
    kind: fc.constantFrom('parens', 'negations', 'calls', 'sum', 'product', 'chain', 'slices', 'size', 'params'),
    n: fc.constantFrom(10, 100, 1000, 3000, 20000),
    huge: fc.constantFrom('100000', '9007199254740992', '1e308', '1e21', '65536', '4294967296'),
  })
  .map(({ kind, n, huge }) => {
    const cell = (body: string, sizes = 'H = 2') =>
      `cell Deep(${sizes}) {\n  input x: [H]\n  state h: [H]\n${body}\n  output h'\n}\n`;
    switch (kind) {
      case 'parens':
        return cell(`  h' = ${'('.repeat(n)}x${')'.repeat(n)} + h`);
      case 'negations':
        return cell(`  h' = ${'-'.repeat(n)}x + h`);
      case 'calls':
        return cell(`  h' = ${'tanh('.repeat(n)}x${')'.repeat(n)} + h`);
      case 'sum':
        return cell(`  h' = ${Array(n).fill('x').join(' + ')} + h`);
      case 'product':
        return cell(`  h' = ${Array(n).fill('h').join(' * ')}`);
      case 'chain':
        return cell(
          `  a0 = x\n${Array.from({ length: n }, (_, k) => `  a${k + 1} = a${k} * h`).join('\n')}\n  h' = a${n}`,
        );
      case 'slices':
        return cell(`  h' = x${'[0:H]'.repeat(n)} + h`);
      case 'size':
        return cell(`  param W: [H, H]\n  h' = tanh(W @ x + h)`, `H = ${huge}`);
      case 'params':
        return cell(
          `${Array.from({ length: Math.min(n, 3000) }, (_, k) => `  param p${k}: [H]`).join('\n')}\n  h' = x + h`,
        );
    }
  });
