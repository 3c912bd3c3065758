/**
 * The library API (src/api, the package's entry point): source text in, data out, never a print
 * or an exit; its gradients checked against PyTorch's reference case.
 */
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  backwardGraph,
  check,
  compile,
  gradcheck,
  gradients,
  graph,
  loadTorchWeights,
  parse,
  run,
  saveTorchWeights,
  SourceError,
  toNested,
  UserError,
} from '../src/api/index.js';
import { selectModel } from '../src/frontend/program.js';
import { torchStateDict } from '../src/weights/torch.js';
import { examplesDir, flat, maxRelativeError, readJson, referenceDir } from './helpers/compile.js';

const lstm = readFileSync(new URL('lstm.rnn', examplesDir), 'utf8');
const seq2seq = readFileSync(new URL('seq2seq.rnn', examplesDir), 'utf8');
const typo = `cell Typo(I = 2, H = 3) {
  input x: [I]
  state h: [H]
  param W: [H, I]
  h' = tahn(W @ x)
  output h'
}`;

describe('the library API', () => {
  const printed: string[] = [];
  beforeEach(() => {
    printed.length = 0;
    vi.spyOn(process.stdout, 'write').mockImplementation((text) => (printed.push(String(text)), true));
    vi.spyOn(process.stderr, 'write').mockImplementation((text) => (printed.push(String(text)), true));
    vi.spyOn(process, 'exit').mockImplementation(() => {
      throw new Error('the API called process.exit');
    });
  });
  afterEach(() => {
    vi.restoreAllMocks();
    expect(printed, 'the API printed').toEqual([]);
  });

  it('check gives diagnostics as data — file, line, column, span, severity, help — and never throws for them', () => {
    const result = check(typo, { file: 'typo.rnn' });
    expect(result.ok).toBe(false);
    expect(result.program).toBeUndefined();
    expect(result.diagnostics).toEqual([
      {
        severity: 'error',
        message: expect.stringContaining("'tahn'") as unknown,
        file: 'typo.rnn',
        line: 5,
        column: 8,
        span: { line: 5, column: 8, endLine: 5, endColumn: 11 },
        help: expect.stringContaining('tanh') as unknown,
      },
    ]);
    expect(result.formatted).toContain('typo.rnn:5:8: error:');
    expect(result.formatted).toContain('^^^^');
  });

  it('check lists what a file defines at the sizes given', () => {
    const result = check(lstm, { file: 'lstm.rnn', sizes: { H: 7 } });
    expect(result.ok).toBe(true);
    expect(result.cells).toEqual(['LSTM']);
    expect(result.listing).toContain('cell LSTM(I = 3, H = 7)');
    expect(() => check(lstm, { sizes: { Q: 1 } })).toThrow(UserError);
  });

  it('throws a SourceError whose diagnostics are data when a call is given source with errors', async () => {
    const error = await run(typo, { file: 'typo.rnn' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceError);
    expect((error as SourceError).diagnostics[0]).toMatchObject({ file: 'typo.rnn', line: 5, column: 8 });
    expect((error as SourceError).message).toContain('typo.rnn:5:8: error:');
    expect(() => parse(typo)).toThrow(SourceError);
  });

  it('gives the graph IR as data, text and DOT, and unrolled', () => {
    const result = graph(lstm);
    expect(result.model).toBe('LSTM');
    expect((result.ir as { nodes: unknown[] }).nodes.length).toBeGreaterThan(3);
    expect(result.text).toMatch(/^# LSTM\n/);
    expect(result.dot).toMatch(/^digraph/);
    expect(graph(lstm, { unroll: 2 }).title).toBe('LSTM unrolled over 2 steps');
    expect(() => graph(lstm, { unroll: 0 })).toThrow("unroll takes a number of steps from 1 to 1000, got '0'");
  });

  it('gives the gradient graph and what BPTT saves per step', () => {
    const result = backwardGraph(lstm);
    expect(result.title).toBe('gradient of LSTM');
    expect(result.notes[0]).toContain('has no loss of its own');
    expect(result.saved).toContain('saved for the backward pass');
  });

  it('runs a model on given inputs, time-major or batch-major, with the same numbers', async () => {
    const x = [
      [
        [0.1, 0.2, 0.3],
        [0.4, 0.5, 0.6],
      ],
      [
        [-0.1, 0, 0.2],
        [0.3, -0.3, 0.1],
      ],
    ];
    const timeMajor = await run(lstm, { inputs: { x }, seed: 2 });
    const xBatchMajor = [0, 1].map((b) => x.map((step) => step[b]));
    const batchMajor = await run(lstm, { inputs: { x: xBatchMajor }, seed: 2, layout: 'batch-major' });
    expect(timeMajor.batch).toBe(2);
    expect(toNested(batchMajor.outputs.output, 'batch-major')).toEqual(
      [0, 1].map((b) => (toNested(timeMajor.outputs.output) as number[][][]).map((step) => step[b])),
    );
    expect(timeMajor.loss).toBeUndefined();
  });

  it('computes the interpreter’s gradients of PyTorch’s reference LSTM case to 1e-9 (params, x, h0, c0)', () => {
    const reference = readJson(new URL('lstm_I3_H5_B2_T7.json', referenceDir));
    const result = gradients(lstm, {
      torchWeights: { params: reference.params, h0: reference.h0, c0: reference.c0 },
      inputs: { x: reference.x, 'd:output': reference.R },
    });
    expect(result.loss).toBeCloseTo(reference.loss_value as number, 12);
    const grads = reference.grads as Record<string, unknown>;
    expect(maxRelativeError(result.inputs.x.data, flat(grads.x))).toBeLessThan(1e-9);
    expect(maxRelativeError(result.initialStates.h.data, flat(grads.h0))).toBeLessThan(1e-9);
    expect(maxRelativeError(result.initialStates.c.data, flat(grads.c0))).toBeLessThan(1e-9);
    const model = selectModel(parse(lstm));
    const packed = torchStateDict(model, parse(lstm).cellTable, result.params);
    for (const [name, tensor] of packed)
      expect(maxRelativeError(tensor.data, flat(grads[name])), name).toBeLessThan(1e-9);
  });

  it('draws the target R of a lone cell’s probe loss when none is given, and says so', () => {
    const result = gradients(lstm, { steps: 3, batch: 2 });
    expect(result.notes).toContain('R (d:output) drawn at random in [-1, 1]');
    expect(Object.keys(result.params)).toHaveLength(16);
    expect(result.inputs.x.fullShape).toEqual([3, 2, 3]);
  });

  it('gives the gradients of a model’s own loss, and refuses a model whose given data lacks a target', () => {
    const result = gradients(seq2seq, { steps: { S: 4, U: 3 }, batch: 2 });
    expect(Object.keys(result.inputs).sort()).toEqual(['previous', 'source']);
    expect(Object.keys(result.initialStates)).toContain('encoder.h');
    const x = (n: number) => Array.from({ length: 3 }, () => Array.from({ length: 2 }, () => Array(n).fill(0.1)));
    expect(() => gradients(seq2seq, { inputs: { source: x(10), previous: x(12) } })).toThrow(
      'the gradient needs the loss, and the loss needs target symbols',
    );
  });

  it('checks gradients against finite differences, as data', () => {
    const result = gradcheck(lstm, { steps: 3, batch: 2, coordinates: 2 });
    expect(result.passed).toBe(true);
    expect(result.rows.map((r) => r.name)).toContain('W_hi');
    expect(result.worst).toBeLessThan(1e-6);
  });

  it('compiles to TypeScript, JavaScript with declarations, and WGSL with a host, as files by name', () => {
    expect(Object.keys(compile(lstm).files)).toEqual(['LSTM.ts']);
    const js = compile(lstm, { target: 'js', cpu: 'scalar' });
    expect(Object.keys(js.files)).toEqual(['LSTM.js', 'LSTM.d.ts']);
    expect(js.main).toBe('LSTM.js');
    expect(js.files['LSTM.d.ts']).toContain('export declare function forward(');
    const wgsl = compile(lstm, { target: 'wgsl', host: 'js' });
    expect(wgsl.files['LSTM.js']).toContain('createModel');
    expect(Object.keys(wgsl.files).filter((f) => f.endsWith('.wgsl')).length).toBeGreaterThan(5);
    expect(() => compile(lstm, { disable: ['no-such-pass'] })).toThrow("there is no pass 'no-such-pass'");
  });

  it('loads PyTorch weights and saves them back bit for bit', () => {
    const reference = readJson(new URL('lstm_I3_H5_B2_T7.json', referenceDir));
    const params = loadTorchWeights(lstm, reference.params as Record<string, unknown>);
    expect(Object.keys(params)).toHaveLength(16);
    const bytes = saveTorchWeights(lstm, params);
    const again = loadTorchWeights(lstm, bytes);
    for (const [name, t] of Object.entries(params))
      expect(Array.from(again[name].data), name).toEqual(Array.from(t.data));
  });
});
