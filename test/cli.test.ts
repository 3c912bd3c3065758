import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rnnc, scratchFolder } from './helpers/cli.js';
import { flat, maxRelativeError, readJson, referenceDir } from './helpers/compile.js';
import { command } from './helpers/process.js';

const scratchFiles = scratchFolder('rnnc-cli-');
const writeScratch = scratchFiles.write;

const noStackTrace = (text: string) => expect(text).not.toMatch(/\n\s+at /);

describe('rnnc check', () => {
  it('lists a cell’s memories with their axes, and its hyperparameters with their defaults', async () => {
    const attention = await rnnc('check', 'examples/attention.rnn');
    expect(attention.out).toContain('  memory enc: seq(S) [M]');
    const antisymmetric = await rnnc('check', 'examples/antisymmetric.rnn');
    expect(antisymmetric.out).toContain('cell Antisymmetric(I, H, eps = 0.01, gamma = 0.01)');
  });

  it('lists the cells of a file with their params and shapes', async () => {
    const { status, out } = await rnnc('check', 'examples/lstm.rnn');
    expect(status).toBe(0);
    expect(out).toContain('cell LSTM(I = 3, H = 5)');
    expect(out).toContain('  param  W_ii: [H, I] = [5, 3] = uniform(-1 / sqrt(H), 1 / sqrt(H))');
    expect(out).toContain('  200 trainable numbers with I = 3, H = 5');
    expect(out).toContain('examples/lstm.rnn: ok');
  });

  it('lists a cell at the sizes --size gives, in its header, its shapes and its param count', async () => {
    const { status, out } = await rnnc('check', 'examples/lstm.rnn', '--size', 'H=64');
    expect(status).toBe(0);
    expect(out).toContain('cell LSTM(I = 3, H = 64)');
    expect(out).toContain('  param  W_hi: [H, H] = [64, 64] = uniform(-1 / sqrt(H), 1 / sqrt(H))');
    expect(out).toContain(`  ${4 * (64 * 3 + 64 * 64 + 2 * 64)} trainable numbers with I = 3, H = 64`);
  });

  it('refuses a --size that the file does not declare, suggesting the one meant', async () => {
    const { status, err } = await rnnc('check', 'examples/lstm.rnn', '--size', 'h=64');
    expect(status).toBe(1);
    expect(err).toBe("rnnc: error: examples/lstm.rnn declares no size 'h' (its sizes are I, H); did you mean 'H'?");
  });

  it('lists a model with its layers, qualified params and their concrete sizes', async () => {
    const { out } = await rnnc('check', 'examples/tagger.rnn', '--size', 'H=4');
    expect(out).toContain('layer  states = LSTM (bidirectional, merge sum, returns all)');
    expect(out).toContain('param  states.fwd.W: [4*H, E] = [16, 8]');
    expect(out).toContain('state states.bwd.c: [H]');
    // The header gives the size in force, not the default.
    expect(out).toMatch(/^model Tagger\(.*H = 4.*\)/m);
  });

  it('prints every error with file:line:col, the line and a caret, and exits 1 without a stack trace', async () => {
    const path = writeScratch(
      'bad.rnn',
      "cell C(H = 2) {\n  input x: [H]\n  state h: [H]\n  h' = tanh(hh)\n  output y\n}\n",
    );
    const { status, err } = await rnnc('check', path);
    expect(status).toBe(1);
    expect(err).toContain(`${path}:4:13: error: unknown name 'hh'`);
    expect(err).toContain(`${path}:5:10: error: unknown name 'y'`);
    expect(err).toMatch(/4 \|   h' = tanh\(hh\)\n {2}\| {13}\^\^/);
    expect(err).toContain('2 errors');
    noStackTrace(err);
  });

  it('says plainly when the file cannot be read', async () => {
    const { status, err } = await rnnc('check', 'no/such/file.rnn');
    expect(status).toBe(1);
    expect(err).toBe('rnnc: error: cannot read no/such/file.rnn: no such file');
  });
});

describe('rnnc graph', () => {
  it('prints the IR as text, with the step graph inside the scan', async () => {
    const { status, out } = await rnnc('graph', 'examples/gru.rnn');
    expect(status).toBe(0);
    expect(out).toMatch(/= scan\(.*\) \{GRU, forward over T, keep all/);
    expect(out).toContain("# h'");
    expect(out).toContain('final_state h =');
  });

  it('unrolls the scans over a number of steps', async () => {
    const { out } = await rnnc('graph', 'examples/gru.rnn', '--unroll', '3');
    expect(out).not.toContain('= scan(');
    expect(out.match(/= time_index/g)).toHaveLength(3);
    expect(out).toContain("# h'@2");
  });

  it('writes DOT that Graphviz renders, for the step graph and the unrolled view', async () => {
    const hasDot = await command('dot', ['-V']).then(
      (r) => r.status === 0,
      () => false,
    );
    for (const extra of [[], ['--unroll', '2']]) {
      const path = scratchFiles.path(`g${extra.length}.dot`);
      const { status } = await rnnc('graph', 'examples/tagger.rnn', '--format', 'dot', '-o', path, ...extra);
      expect(status).toBe(0);
      const dot = readFileSync(path, 'utf8');
      expect(dot.startsWith('digraph')).toBe(true);
      if (extra.length === 0) expect(dot).toContain('subgraph cluster_');
      if (hasDot) expect((await command('dot', ['-Tsvg', path])).stdout).toContain('<svg');
    }
    if (!hasDot) console.warn('Graphviz is not installed: DOT output was checked only for shape');
  });

  it('prints the IR as JSON', async () => {
    const { out } = await rnnc('graph', 'examples/elman.rnn', '--format', 'json');
    const graph = JSON.parse(out) as { nodes: { op: string }[]; outputs: { name: string }[] };
    expect(graph.nodes.some((n) => n.op === 'scan')).toBe(true);
    expect(graph.outputs.map((o) => o.name)).toEqual(['s', 'o']);
  });

  it('rejects an unknown format with a usage error', async () => {
    const { status, err } = await rnnc('graph', 'examples/gru.rnn', '--format', 'png');
    expect(status).toBe(2);
    expect(err).toContain("argument 'png' is invalid");
  });

  it('asks which model when a file holds several', async () => {
    const path = writeScratch(
      'two.rnn',
      'cell A(N = 2) { input x: [N]\n output x }\ncell B(N = 2) { input x: [N]\n output x }\n',
    );
    const { status, err } = await rnnc('graph', path);
    expect(status).toBe(1);
    expect(err).toContain("defines cell A, cell B: choose one by name (--model NAME, or { model: 'NAME' } in the API)");
    expect((await rnnc('graph', path, '--model', 'B')).status).toBe(0);
  });
});

describe('rnnc run', () => {
  it('runs a shipped example on its sample input and prints outputs and final states', async () => {
    const { status, out } = await rnnc('run', 'examples/lstm.rnn', '--input', 'examples/data/lstm-input.json');
    expect(status).toBe(0);
    expect(out).toContain('output output [T=4, B=2, 5]:');
    expect(out).toContain('final state c [B=2, 5]:');
  });

  it('makes random inputs when none are given, and says so', async () => {
    const { status, out } = await rnnc('run', 'examples/seq2seq.rnn', '--steps', 'S=3,U=2', '--batch', '1');
    expect(status).toBe(0);
    expect(out).toContain('random inputs in [-1, 1] and one-hot targets with S=3, U=2, B=1');
    expect(out).toMatch(/loss: \d/);
  });

  it('reproduces PyTorch from its weights, initial states and inputs', async () => {
    const reference = readJson(new URL('lstm_I3_H5_B2_T7.json', referenceDir));
    const input = writeScratch('x.json', JSON.stringify({ x: reference.x }));
    const outFile = scratchFiles.path('y.json');
    const refPath = new URL('lstm_I3_H5_B2_T7.json', referenceDir).pathname;
    const { status } = await rnnc(
      'run',
      'examples/lstm.rnn',
      '--torch-weights',
      refPath,
      '--input',
      input,
      '--out',
      outFile,
    );
    expect(status).toBe(0);
    const written = JSON.parse(readFileSync(outFile, 'utf8')) as {
      outputs: { output: unknown };
      final_states: { c: unknown };
    };
    expect(maxRelativeError(flat(written.outputs.output), flat(reference.output))).toBeLessThan(1e-12);
    expect(maxRelativeError(flat(written.final_states.c), flat(reference.c_n))).toBeLessThan(1e-12);
  });

  it('takes params by name from JSON and is deterministic under a seed', async () => {
    const a = await rnnc('run', 'examples/elman.rnn', '--seed', '4', '--json');
    const b = await rnnc('run', 'examples/elman.rnn', '--seed', '4', '--json');
    expect(a.out).toBe(b.out);
    const path = writeScratch(
      'zeros.json',
      JSON.stringify({
        U: Array(8).fill(Array(4).fill(0)),
        W: Array(8).fill(Array(8).fill(0)),
        V: Array(4).fill(Array(8).fill(0)),
      }),
    );
    const zero = JSON.parse((await rnnc('run', 'examples/elman.rnn', '--params', path, '--json')).out) as {
      outputs: { o: number[][][] };
    };
    expect(zero.outputs.o[0][0]).toEqual([0.25, 0.25, 0.25, 0.25]);
  });

  it.each([
    [['--size', 'H=0'], 'rnnc: error: size H is used in a shape, so it must be a positive whole number, got 0'],
    [['--size', 'Q=3'], "rnnc: error: model Elman has no size 'Q' (its sizes are I, H, O)"],
    [['--seed', '-1'], "rnnc: error: --seed must be a whole number from 0 to 4294967295, got '-1'"],
    [['--steps', '0'], "rnnc: error: --steps must be a positive whole number, got '0'"],
    [
      ['--model', 'Elmna'],
      "rnnc: error: examples/elman.rnn has no model or cell named 'Elmna' (it defines cell Elman); did you mean 'Elman'?",
    ],
  ])('rejects bad flags %j with a one-line error', async (flags, message) => {
    const { status, err } = await rnnc('run', 'examples/elman.rnn', ...flags);
    expect(status).toBe(1);
    expect(err).toBe(message);
  });

  it('rejects malformed JSON and wrongly shaped inputs, naming the file or input', async () => {
    const broken = writeScratch('broken.json', '{"x": [1, 2');
    expect((await rnnc('run', 'examples/lstm.rnn', '--input', broken)).err).toMatch(
      /^rnnc: error: .*broken.json \(inputs\) is not valid JSON/,
    );
    const wrong = writeScratch('wrong.json', JSON.stringify({ x: [[[1, 2]]] }));
    const { status, err } = await rnnc('run', 'examples/lstm.rnn', '--input', wrong);
    expect(status).toBe(1);
    expect(err).toBe('rnnc: error: x: expected [T][B][3], but axis 2 has length 2');
  });
});

describe('rnnc --help', () => {
  it.each(['check', 'graph', 'run'])('documents %s with its options and an example', async (command) => {
    const { status, out } = await rnnc(command, '--help');
    expect(status).toBe(0);
    expect(out).toContain(`Usage: rnnc ${command}`);
    expect(out).toContain('Example');
  });
});

describe('the built binary', () => {
  // `npm test` builds dist/ first (the pretest script), so this is the real `rnnc` command.
  const bin = (...args: string[]) => command(process.execPath, ['dist/src/cli/bin.js', ...args]);

  it('exits 1 with a diagnostic and no stack trace on a binary file', async () => {
    const result = await bin('check', writeScratch('garbage.rnn', '\u0000\u0001\u0002'));
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('error: this is not an .rnn source file: it contains binary data');
    noStackTrace(result.stderr);
  });

  it('exits 0 and prints outputs on a shipped example', async () => {
    const result = await bin('run', 'examples/gru.rnn', '--steps', '2');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('final state h [B=2, 5]:');
  });

  it('stops quietly with status 0 when the reader of its output closes early (rnnc compile … | head)', async () => {
    const result = await command('bash', [
      '-o',
      'pipefail',
      '-c',
      `"${process.execPath}" dist/src/cli/bin.js compile examples/seq2seq.rnn | head -c 10 > /dev/null`,
    ]);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
  });

  it('exits 2 on an unknown command', async () => {
    const result = await bin('frobnicate');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("unknown command 'frobnicate'");
  });
});

describe('rnnc run with PyTorch weights in safetensors', () => {
  it('saves the params as a PyTorch state dict and reads them back to the same outputs', async () => {
    const saved = scratchFiles.path('lstm.safetensors');
    const first = await rnnc('run', 'examples/lstm.rnn', '--seed', '3', '--json', '--save-torch-weights', saved);
    expect(first.status).toBe(0);
    const second = await rnnc('run', 'examples/lstm.rnn', '--seed', '3', '--torch-weights', saved, '--json');
    expect(second.status).toBe(0);
    const outputs = (text: string) => (JSON.parse(text) as { outputs: unknown }).outputs;
    expect(outputs(second.out)).toEqual(outputs(first.out));
  });

  it('says what is wrong with a file that is not safetensors', async () => {
    const bad = writeScratch('bad.safetensors', 'not a safetensors file at all');
    const { status, err } = await rnnc('run', 'examples/lstm.rnn', '--torch-weights', bad);
    expect(status).toBe(1);
    expect(err).toMatch(
      /^rnnc: error: .*bad\.safetensors is not a valid safetensors file: the header claims \d+ bytes/,
    );
  });
});

describe('rnnc run with Keras weights', () => {
  it('names a cell that has no Keras layout', async () => {
    const path = writeScratch('keras.json', JSON.stringify({ kernel: [[0]], recurrent_kernel: [[0]], bias: [0] }));
    const { status, err } = await rnnc('run', 'examples/elman.rnn', '--keras-weights', path);
    expect(status).toBe(1);
    expect(err).toBe(
      "rnnc: error: cell Elman of layer Elman has none of the Keras layouts' param names (LSTM (PyTorch-named cell); LSTM (packed cell); GRU with reset_after; GRU without reset_after)",
    );
  });

  it('loads Keras GRU weights into gru.rnn', async () => {
    const zeros = (r: number, c: number) => Array.from({ length: r }, () => Array.from({ length: c }, () => 0));
    const path = writeScratch(
      'gru-keras.json',
      JSON.stringify({ kernel: zeros(3, 15), recurrent_kernel: zeros(5, 15), bias: zeros(2, 15) }),
    );
    const { status, out } = await rnnc('run', 'examples/gru.rnn', '--keras-weights', path, '--json', '--steps', '2');
    expect(status).toBe(0);
    // All weights zero: z = ½, n = 0, so h stays at its initial zero.
    expect(
      (JSON.parse(out) as { outputs: { output: number[][][] } }).outputs.output.flat(2).every((v) => v === 0),
    ).toBe(true);
  });
});

describe('output paths the user names', () => {
  // A file where a folder should be: every path through it fails the same way.
  const blocker = writeScratch('a-file', 'not a folder');

  it.each([
    ['graph', ['graph', 'examples/lstm.rnn', '-o', `${blocker}/g.txt`], 'write'],
    ['compile', ['compile', 'examples/lstm.rnn', '-o', `${blocker}/m.ts`], 'write'],
    ['compile --target js', ['compile', 'examples/lstm.rnn', '--target', 'js', '-o', `${blocker}/m.js`], 'write'],
    [
      'compile --target wgsl',
      ['compile', 'examples/lstm.rnn', '--target', 'wgsl', '-o', `${blocker}/w`],
      'make the folder',
    ],
    ['compile --emit-wat', ['compile', 'examples/lstm.rnn', '--emit-wat', `${blocker}/k.wat`], 'write'],
    ['grad -o', ['grad', 'examples/lstm.rnn', '-o', `${blocker}/g.txt`], 'write'],
    ['grad --json -o', ['grad', 'examples/lstm.rnn', '--json', '-o', `${blocker}/g.json`], 'write'],
    ['run --out', ['run', 'examples/lstm.rnn', '--out', `${blocker}/r.json`], 'write'],
    [
      'run --save-torch-weights',
      ['run', 'examples/lstm.rnn', '--save-torch-weights', `${blocker}/w.safetensors`],
      'write',
    ],
    [
      'analyze --plot',
      ['analyze', 'examples/lstm.rnn', '--gradient-flow', '--steps', '5', '--plot', `${blocker}/p.svg`],
      'write',
    ],
    [
      'train --out',
      [
        'train',
        'examples/classifier.rnn',
        '--data',
        'examples/data/sums.jsonl',
        '--max-steps',
        '1',
        '--out',
        `${blocker}/run`,
      ],
      'make the folder',
    ],
  ])('rnnc %s under a file says so, with status 1 and no stack trace', async (_, args, what) => {
    const { status, err } = await rnnc(...args);
    expect(status).toBe(1);
    const path = args[args.length - 1];
    expect(err).toBe(`rnnc: error: cannot ${what} ${path}: a part of the path is not a folder`);
  });

  it('rnnc compile -o into a folder that does not exist says so', async () => {
    const { status, err } = await rnnc('compile', 'examples/lstm.rnn', '-o', '/nonexistent-rnnc-folder/m.ts');
    expect(status).toBe(1);
    expect(err).toBe('rnnc: error: cannot write /nonexistent-rnnc-folder/m.ts: its folder does not exist');
  });
});
