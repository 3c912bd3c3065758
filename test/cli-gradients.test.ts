import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rnnc, scratchFolder } from './helpers/cli.js';
import { flat, maxRelativeError, readJson, referenceDir } from './helpers/compile.js';

const scratchFiles = scratchFolder('rnnc-grad-');
const writeScratch = scratchFiles.write;

describe('rnnc grad', () => {
  it('prints the interpreter’s gradients as JSON: PyTorch’s for its reference LSTM, given its weights and inputs', async () => {
    const reference = readJson(new URL('lstm_I3_H5_B2_T7.json', referenceDir));
    const weights = writeScratch(
      'torch.json',
      JSON.stringify({ params: reference.params, h0: reference.h0, c0: reference.c0 }),
    );
    const inputs = writeScratch('inputs.json', JSON.stringify({ x: reference.x, 'd:output': reference.R }));
    const out = scratchFiles.path('grads.json');
    const r = await rnnc(
      'grad',
      'examples/lstm.rnn',
      '--json',
      '--torch-weights',
      weights,
      '--input',
      inputs,
      '-o',
      out,
    );
    expect(r.status, r.err).toBe(0);
    const printed = JSON.parse(r.out) as {
      loss: number;
      params: Record<string, unknown>;
      inputs: { x: unknown };
      initial_states: { h: unknown; c: unknown };
    };
    expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual(printed);
    expect(printed.loss).toBeCloseTo(reference.loss_value as number, 12);
    const grads = reference.grads as Record<string, unknown>;
    expect(maxRelativeError(flat(printed.inputs.x), flat(grads.x))).toBeLessThan(1e-9);
    expect(maxRelativeError(flat(printed.initial_states.h), flat(grads.h0))).toBeLessThan(1e-9);
    expect(maxRelativeError(flat(printed.initial_states.c), flat(grads.c0))).toBeLessThan(1e-9);
    expect(Object.keys(printed.params)).toHaveLength(16);
  });

  it('prints the gradients’ values as text with --values, and names an input the model lacks', async () => {
    const r = await rnnc('grad', 'examples/gru.rnn', '--values', '--steps', '3', '--batch', '2');
    expect(r.status).toBe(0);
    expect(r.out).toMatch(/^gradients of GRU \(I = 3, H = 5\), batch 2, f64$/m);
    expect(r.out).toContain('note: R (d:output) drawn at random in [-1, 1]');
    expect(r.out).toContain('dL/d param W_hn [5, 5]:');
    expect(r.out).toContain('dL/d input x [T=3, B=2, 3]:');
    expect(r.out).toContain('dL/d initial state h [B=2, 5]:');
    const bad = writeScratch('bad-inputs.json', JSON.stringify({ y: [[[0, 0, 0]]] }));
    const refused = await rnnc('grad', 'examples/gru.rnn', '--values', '--input', bad);
    expect(refused.status).toBe(1);
    expect(refused.err).toBe("rnnc: error: model GRU has no input 'y' (its inputs are x)");
  });

  it('prints the gradient graph with a reverse scan and the per-step report: 6·H floats for lstm.rnn', async () => {
    const { status, out } = await rnnc('grad', 'examples/lstm.rnn');
    expect(status).toBe(0);
    expect(out).toContain('note: cell LSTM has no loss of its own: using sum(output ⊙ R)');
    expect(out).toMatch(/= scan\(.*\) \{∂LSTM, reverse over T/);
    expect(out).toContain('gradient grad:W_ii =');
    expect(out).toContain('layer LSTM: 6*H floats = 30 with I = 3, H = 5');
    expect(out).toContain("    tanh(c'): [H]");
    expect(out).toContain("    h (previous): read from the layer's output, not saved");
  });

  it('saves only the state history with --remat', async () => {
    const { out } = await rnnc('grad', 'examples/lstm.rnn', '--remat');
    expect(out).toContain('layer LSTM (rematerialized): H floats = 5');
    expect(out).toContain('    c (previous): [H]');
  });

  it('truncates the reverse scan with --truncate', async () => {
    const { out } = await rnnc('grad', 'examples/gru.rnn', '--truncate', '3');
    expect(out).toContain('truncate after 3 steps');
  });

  it('writes DOT with the report as comments', async () => {
    const path = scratchFiles.path('g.dot');
    const { status, out } = await rnnc('grad', 'examples/tagger.rnn', '--format', 'dot', '-o', path);
    expect(status).toBe(0);
    expect(out).toContain('layer states.fwd: 6*H floats = 96');
    const dot = readFileSync(path, 'utf8');
    expect(dot).toContain('// saved for the backward pass');
    expect(dot).toContain('digraph');
  });

  it.each([
    [['--truncate', '0'], "rnnc: error: --truncate takes a number of steps (1 or more), or -1 for full BPTT, got '0'"],
    [['--clip-norm', '-1'], "rnnc: error: --clip-norm must be a positive number, got '-1'"],
  ])('rejects %j', async (flags, message) => {
    const { status, err } = await rnnc('grad', 'examples/lstm.rnn', ...flags);
    expect(status).toBe(1);
    expect(err).toBe(message);
  });
});

describe('rnnc gradcheck', () => {
  it('prints a table of relative errors and exits 0 within the tolerance', async () => {
    const { status, out } = await rnnc('gradcheck', 'examples/gru.rnn', '--steps', '5', '--batch', '2');
    expect(status).toBe(0);
    expect(out).toContain('gradcheck of GRU: T = 5, batch 2, seed 0, f64');
    expect(out).toMatch(/param {10}W_ir +15 +8 +\d\.\d\de-\d+ +\d\.\d\de-\d+ +ok/);
    expect(out).toMatch(/max relative error .* ≤ tolerance 0.000001: ok/);
  });

  it('exits 1 and marks the rows above an impossible tolerance', async () => {
    const { status, out } = await rnnc('gradcheck', 'examples/elman.rnn', '--tolerance', '1e-30');
    expect(status).toBe(1);
    expect(out).toContain('FAILED');
  });

  it('checks a cell whose output has no batch axis, with random targets of the same axes', async () => {
    const path = writeScratch(
      'unbatched.rnn',
      [
        'cell C(I = 2, H = 3) {',
        '  input x: [I]',
        '  state h: [H]',
        '  param W: [H, I] = glorot',
        '  param b: [H] = uniform(-0.5, 0.5)',
        "  h' = tanh(W @ x + h)",
        '  output y = sum(b * b)',
        '}',
        '',
      ].join('\n'),
    );
    const { status, out } = await rnnc('gradcheck', path);
    expect(status).toBe(0);
    expect(out).toMatch(/param {10}b +3 +3 +\d\.\d\de[-+]\d+ +\d\.\d\de[-+]\d+ +ok/);
  });

  it('names the model in the source when it has no loss', async () => {
    const path = writeScratch('noloss.rnn', 'model M(N = 2) {\n  input x: seq[N]\n  layer d = Dense(N, 1) over x\n}\n');
    const { status, err } = await rnnc('gradcheck', path);
    expect(status).toBe(1);
    expect(err).toContain(
      `${path}:1:7: error: model M has no loss, so there is no gradient to check: add a line like 'loss mse(y, target)'`,
    );
    expect(err).toContain('1 | model M(N = 2) {');
  });

  it('names the loss in the source when it depends on no param', async () => {
    const path = writeScratch(
      'flat.rnn',
      'model M(N = 2) {\n  input x: seq[N]\n  layer d = Dense(N, 1) over x\n  loss mean(x * x)\n}\n',
    );
    const { status, err } = await rnnc('gradcheck', path);
    expect(status).toBe(1);
    expect(err).toContain(
      `${path}:4:3: error: the loss does not depend on any param, so there is nothing to differentiate`,
    );
    expect(err).toMatch(/4 \| {3}loss mean\(x \* x\)\n {2}\| {3}\^/);
  });
});

describe('rnnc analyze --gradient-flow', () => {
  it('prints ‖dL/dh_t‖ per step for several files and draws them as SVG', async () => {
    const plot = scratchFiles.path('flow.svg');
    const { status, out } = await rnnc(
      'analyze',
      'examples/elman.rnn',
      'examples/gru.rnn',
      '--gradient-flow',
      '--steps',
      '12',
      '--plot',
      plot,
    );
    expect(status).toBe(0);
    expect(out).toMatch(/ {11}t {7}Elman {9}GRU/);
    expect(out).toContain('Elman: the gradient at t = 0 is');
    const svg = readFileSync(plot, 'utf8');
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('>Elman<');
    expect(svg.match(/<path /g)).toHaveLength(2);
  });

  it('shows the gradient of a loss at the last step shrinking back in time for the vanilla RNN', async () => {
    const { out } = await rnnc('analyze', 'examples/elman.rnn', '--gradient-flow', '--steps', '30');
    const norms = out
      .split('\n')
      .filter((l) => /^ +\d+ +\d/.test(l))
      .map((l) => Number(l.trim().split(/ +/)[1]));
    expect(norms).toHaveLength(30);
    expect(norms[0]).toBeLessThan(norms[29] * 1e-2);
  });

  it('asks what to analyze', async () => {
    const { status, err } = await rnnc('analyze', 'examples/elman.rnn');
    expect(status).toBe(1);
    expect(err).toBe('rnnc: error: say what to analyze: --gradient-flow');
  });
});

describe('the SVG chart', () => {
  it('escapes every text, since names come from source files', async () => {
    const { lineChart } = await import('../src/cli/chart.js');
    const svg = lineChart({
      title: 'a < b',
      xLabel: 'x & y',
      yLabel: 'y',
      series: [
        {
          name: '<script>',
          points: [
            [0, 1],
            [1, 2],
          ],
        },
      ],
    });
    expect(svg).toContain('a &lt; b');
    expect(svg).toContain('x &amp; y');
    expect(svg).toContain('&lt;script&gt;');
    expect(svg).not.toContain('<script>');
  });
});

describe('rnnc compile', () => {
  it('writes a standalone module and says what it wrote', async () => {
    const path = scratchFiles.path('lstm.ts');
    const { status, out } = await rnnc('compile', 'examples/lstm.rnn', '-o', path);
    expect(status).toBe(0);
    expect(out).toMatch(/^wrote .*lstm\.ts \(\d+ lines, model LSTM, -O2, f32, WebAssembly SIMD kernels\)$/);
    const code = readFileSync(path, 'utf8');
    expect(code).not.toMatch(/^import /m);
    expect(code).toContain('export function forward(');
    expect(code).toContain('export function fromTorch(');
    expect(code).toContain(
      '// %3 matmul fused gates — 29: i = sigmoid(W_ii @ x + b_ii + W_hi @ h + b_hi)   // input gate',
    );
  });

  it('explains what every pass and the elementwise fusion did, and turns them off by name', async () => {
    const on = await rnnc('compile', 'examples/lstm.rnn', '--explain', '-o', scratchFiles.path('a.ts'));
    expect(on.out).toContain('gate-fusion (76 nodes after)');
    expect(on.out).toMatch(/elementwise fusion: [1-9]\d* nodes computed inside another node's loop/);
    // Buffer planning: fewer bytes per call than one buffer per value.
    const [planned, unplanned] = /allocate (\d+)·T_T·B .* \((\d+)·T_T·B/.exec(on.out)?.slice(1).map(Number) ?? [];
    expect(planned).toBeLessThan(unplanned);
    const off = await rnnc(
      'compile',
      'examples/lstm.rnn',
      '--explain',
      '--no-gate-fusion',
      '--no-elementwise-fusion',
      '-o',
      scratchFiles.path('b.ts'),
    );
    expect(off.out).not.toContain('gate-fusion (');
    expect(off.out).toContain('elementwise fusion: 0 nodes computed inside another node');
  });

  it('embeds WebAssembly SIMD kernels by default, none with --cpu scalar, and prints them as text with --emit-wat', async () => {
    const simd = await rnnc('compile', 'examples/lstm.rnn', '--explain', '-o', scratchFiles.path('simd.ts'));
    expect(simd.out).toMatch(/WebAssembly SIMD kernels: rows_20x3, pointwise0, .*rows_20x5, .* \(\d+ bytes\)/);
    expect(readFileSync(scratchFiles.path('simd.ts'), 'utf8')).toContain('const kernelBytes = "AGFzbQ');
    const scalar = await rnnc('compile', 'examples/lstm.rnn', '--cpu', 'scalar', '-o', scratchFiles.path('scalar.ts'));
    expect(scalar.out).toContain('scalar kernels)');
    expect(readFileSync(scratchFiles.path('scalar.ts'), 'utf8')).not.toContain('kernelBytes');

    const listing = await rnnc('compile', 'examples/lstm.rnn', '--emit-wat');
    expect(listing.status).toBe(0);
    expect(listing.out).toMatch(/^\(module\n {2}\(import "env" "memory" \(memory 1 65536\)\)/);
    expect(listing.out).toContain('(func $rows_20x5 (export "rows_20x5")');
    const both = await rnnc(
      'compile',
      'examples/lstm.rnn',
      '-o',
      scratchFiles.path('m.ts'),
      '--emit-wat',
      scratchFiles.path('m.wat'),
    );
    expect(both.out).toContain('the WebAssembly kernels as text');
    expect(readFileSync(scratchFiles.path('m.wat'), 'utf8')).toBe(listing.out);

    const refused = await rnnc('compile', 'examples/lstm.rnn', '--emit-wat', '--dtype', 'f64');
    expect(refused.status).toBe(1);
    expect(refused.err).toContain('--emit-wat: a module compiled with --dtype f64 has no WebAssembly kernels');
    const unknown = await rnnc('compile', 'examples/lstm.rnn', '--cpu', 'gpu');
    expect(unknown.status).toBe(2);
    expect(unknown.err).toContain("argument 'gpu' is invalid. Allowed choices are simd, scalar.");
  });

  it('rejects an unknown target and level', async () => {
    expect((await rnnc('compile', 'examples/lstm.rnn', '--target', 'spirv')).status).toBe(2);
    expect((await rnnc('compile', 'examples/lstm.rnn', '-O', '3')).status).toBe(2);
  });
});
