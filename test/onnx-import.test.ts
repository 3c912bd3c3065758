import { describe, expect, it } from 'vitest';
import { exportOnnx } from '../src/api/export.js';
import { importOnnx } from '../src/api/import.js';
import { run } from '../src/api/run.js';
import { decodeModel, encodeModel } from '../src/onnx/proto.js';
import { attr } from '../src/onnx/writer.js';
import { Random } from '../src/interp/random.js';
import { rnnc, scratchFolder } from './helpers/cli.js';
import { loadExample, swapLeadAxes } from './helpers/compile.js';
import { nest, randomFeeds, runOnnx } from './helpers/onnx.js';
import { onnxBytes, randomTensor, type RecurrentSpec, recurrentModel, valueInfo } from './helpers/onnx-build.js';

const timeout = 300_000;

/**
 * Imports `bytes` and runs it in the interpreter (f64, time-major), and runs `reference` (the
 * same model, or its twin with time-major layout: ONNX Runtime refuses layout 1) in
 * onnxruntime-node on the same input; the largest difference of the outputs rnnc maps.
 */
async function importedVsOnnx(
  bytes: Uint8Array,
  steps: Record<string, number>,
  batch: number,
  options: { reference?: Uint8Array; batchFirstInput?: boolean } = {},
) {
  const imported = importOnnx(bytes, { file: 'test.onnx' });
  const reference = options.reference ?? bytes;
  const info = decodeModel(reference, 'test.onnx').graph.input;
  const feeds = randomFeeds(
    info.map((i) => ({
      name: i.name,
      shape: (i.type?.tensor_type?.shape?.dim ?? []).map((d) => d.dim_param ?? (d.dim_value as number)),
    })),
    steps,
    batch,
    'f32',
    7,
  );
  const expected = await runOnnx(reference, feeds);
  const params = Object.fromEntries(Object.entries(imported.params).map(([k, t]) => [k, nest(t.data, t.shape)]));
  const inputs = Object.fromEntries(
    Object.entries(feeds).map(([k, f]) => {
      const timeMajor = options.batchFirstInput ? swapLeadAxes(f) : f;
      return [k, nest(timeMajor.data, timeMajor.shape)];
    }),
  );
  const result = await run(imported.source, { file: 'imported.rnn', dtype: 'f64', params, inputs });
  let worst = 0;
  for (const o of imported.outputs) {
    const got = (o.role === 'output' ? result.outputs : result.finalStates)[o.rnnc].data;
    const want = expected[o.onnx].data;
    expect(got.length, o.onnx).toBe(want.length);
    for (let k = 0; k < got.length; k++)
      worst = Math.max(worst, Math.abs(got[k] - want[k]) / Math.max(1, Math.abs(want[k])));
  }
  return { worst, imported };
}

const directions = ['forward', 'reverse', 'bidirectional'] as const;
const layouts = [0, 1] as const;

function specs(): RecurrentSpec[] {
  const all: RecurrentSpec[] = [];
  let seed = 1;
  const base = { I: 3, H: 4 };
  for (const direction of directions)
    for (const layout of layouts) {
      for (const peepholes of [false, true])
        for (const inputForget of [false, true])
          for (const clip of [undefined, 0.7])
            for (const activations of [undefined, ['HardSigmoid', 'Relu', 'Softsign']])
              all.push({
                ...base,
                op: 'LSTM',
                direction,
                layout,
                peepholes,
                inputForget,
                ...(clip !== undefined ? { clip } : {}),
                ...(activations ? { activations, alphas: [0.3], betas: [0.45] } : {}),
                seed: seed++,
              });
      for (const linearBeforeReset of [0, 1] as const)
        for (const clip of [undefined, 0.9])
          for (const activations of [undefined, ['Sigmoid', 'Softplus'], ['HardSigmoid', 'LeakyRelu']])
            all.push({
              ...base,
              op: 'GRU',
              direction,
              layout,
              linearBeforeReset,
              ...(clip !== undefined ? { clip } : {}),
              ...(activations ? { activations, alphas: [0.25, 0.2], betas: [0.5] } : {}),
              seed: seed++,
            });
      for (const activations of [undefined, ['Relu'], ['Elu'], ['Sigmoid']])
        for (const clip of [undefined, 0.5])
          all.push({
            ...base,
            op: 'RNN',
            direction,
            layout,
            ...(clip !== undefined ? { clip } : {}),
            ...(activations ? { activations, alphas: [0.8] } : {}),
            seed: seed++,
          });
    }
  return all;
}

const label = (s: RecurrentSpec) =>
  [
    s.op,
    s.direction,
    `layout ${s.layout}`,
    s.peepholes ? 'peepholes' : '',
    s.inputForget ? 'input_forget' : '',
    s.clip !== undefined ? `clip ${s.clip}` : '',
    s.linearBeforeReset !== undefined ? `linear_before_reset ${s.linearBeforeReset}` : '',
    s.activations ? s.activations.join('/') : '',
  ]
    .filter((p) => p !== '')
    .join(', ');

const all = specs();

describe('an imported ONNX recurrent node', () => {
  it.each(all.map((s) => [label(s), s] as const))(
    '%s gives ONNX Runtime’s outputs and final states over 6 steps',
    async (_name, spec) => {
      // ONNX Runtime refuses layout 1; its twin with layout 0 (the same weights) is the reference.
      const reference = spec.layout === 1 ? recurrentModel({ ...spec, layout: 0 }) : undefined;
      const { worst, imported } = await importedVsOnnx(
        recurrentModel(spec),
        { T: 6 },
        3,
        reference ? { reference } : {},
      );
      expect(imported.outputs.length).toBeGreaterThan(0);
      expect(worst).toBeLessThan(1e-5);
    },
    timeout,
  );
});

describe('ONNX import', () => {
  it(
    'reads the glue around a recurrent node: a batch-first transpose, squeezes, Gemm, MatMul and Add, softmaxes',
    async () => {
      const random = new Random(3);
      const [I, H, O] = [3, 5, 4];
      const bytes = onnxBytes(
        [
          { input: ['X'], output: ['Xt'], op_type: 'Transpose', attribute: [attr.ints('perm', [1, 0, 2])] },
          {
            input: ['Xt', 'W', 'R', 'B'],
            output: ['Y4', 'Yh3'],
            op_type: 'GRU',
            name: '/encoder/GRU',
            attribute: [attr.int('hidden_size', H), attr.int('linear_before_reset', 1)],
          },
          { input: ['Y4', 'one'], output: ['Y'], op_type: 'Squeeze' },
          { input: ['Yh3', 'zero'], output: ['Yh'], op_type: 'Squeeze' },
          { input: ['Y', 'Wd'], output: ['scores'], op_type: 'MatMul' },
          { input: ['scores', 'bd'], output: ['logits'], op_type: 'Add' },
          { input: ['logits'], output: ['log_probs'], op_type: 'LogSoftmax', attribute: [attr.int('axis', -1)] },
          {
            input: ['Yh', 'Wg', 'bg'],
            output: ['g'],
            op_type: 'Gemm',
            attribute: [attr.int('transB', 1), attr.float('alpha', 0.5), attr.float('beta', 2)],
          },
          { input: ['g'], output: ['probabilities'], op_type: 'Softmax' },
        ],
        [
          randomTensor('W', [1, 3 * H, I], random),
          randomTensor('R', [1, 3 * H, H], random),
          randomTensor('B', [1, 6 * H], random),
          randomTensor('Wd', [H, O], random),
          randomTensor('bd', [O], random),
          randomTensor('Wg', [O, H], random),
          randomTensor('bg', [O], random),
          { dims: [1], data_type: 7, int64_data: [1], name: 'one' },
          { dims: [1], data_type: 7, int64_data: [0], name: 'zero' },
        ],
        [valueInfo('X', ['batch', 'T', I])],
        ['log_probs', 'probabilities', 'Yh'],
      );
      const { worst, imported } = await importedVsOnnx(bytes, { T: 5 }, 2, { batchFirstInput: true });
      expect(worst).toBeLessThan(1e-5);
      expect(imported.source).toContain('layer encoder = OnnxGRU(3, 5) over X');
      expect(imported.outputs.map((o) => o.onnx).sort()).toEqual(['Yh', 'log_probs', 'probabilities']);
    },
    timeout,
  );

  it.each([
    'lstm.rnn',
    'seq2seq.rnn',
    'tagger.rnn',
    'classifier.rnn',
    'stacked_lstm.rnn',
    'peephole_lstm.rnn',
    'gru.rnn',
  ])(
    'round-trips %s: export, import, and the same outputs; exported again, the same ONNX operators',
    async (name) => {
      const program = loadExample(name);
      const exported = exportOnnx(program, { seed: 2 });
      const steps = { T: 6, S: 5, U: 4 };
      const imported = importOnnx(exported.bytes, { file: `${name}.onnx` });
      const feeds = randomFeeds(exported.inputs, steps, 3, 'f32', 9);
      const expected = await runOnnx(exported.bytes, feeds);
      const params = Object.fromEntries(Object.entries(imported.params).map(([k, t]) => [k, nest(t.data, t.shape)]));
      const result = await run(imported.source, {
        dtype: 'f64',
        params,
        inputs: Object.fromEntries(Object.entries(feeds).map(([k, f]) => [k, nest(f.data, f.shape)])),
      });
      expect(imported.outputs.length).toBe(exported.outputs.length);
      for (const o of imported.outputs) {
        const got = (o.role === 'output' ? result.outputs : result.finalStates)[o.rnnc].data;
        const want = expected[o.onnx].data;
        expect(got.length).toBe(want.length);
        for (let k = 0; k < got.length; k++) expect(Math.abs(got[k] - want[k])).toBeLessThan(1e-5);
      }
      const again = exportOnnx(imported.source, { params });
      expect(again.layers.map((l) => l.form)).toEqual(exported.layers.map((l) => l.form));
    },
    timeout,
  );

  describe('refuses with a message that names the problem', () => {
    const lstm = () => exportOnnx(loadExample('lstm.rnn')).bytes;
    it('a truncated file', () => {
      const bytes = lstm();
      expect(() => importOnnx(bytes.subarray(0, bytes.length - 100), { file: 'cut.onnx' })).toThrow(
        /cut.onnx is not an ONNX model/,
      );
    });
    it('a file that is not ONNX', () => {
      expect(() => importOnnx(new TextEncoder().encode('cell LSTM(I, H) {}\n'), { file: 'lstm.rnn' })).toThrow(
        /lstm.rnn is not an ONNX model/,
      );
    });
    it('an operator rnnc does not import, naming the node', () => {
      const random = new Random(1);
      const bytes = onnxBytes(
        [{ input: ['X', 'K'], output: ['Y'], op_type: 'Conv', name: 'conv1' }],
        [randomTensor('K', [2, 3, 1], random)],
        [valueInfo('X', ['T', 'batch', 3])],
        ['Y'],
      );
      expect(() => importOnnx(bytes, { file: 'conv.onnx' })).toThrow(
        /conv.onnx: node 0 'conv1' \(Conv\): rnnc imports LSTM, GRU and RNN nodes/,
      );
    });
    it('an opset too new', () => {
      const bytes = onnxBytes([], [], [valueInfo('X', ['T', 'batch', 3])], ['X'], 40);
      expect(() => importOnnx(bytes, { file: 'new.onnx' })).toThrow(
        /opset 40, newer than rnnc reads \(opsets 7 to 22\)/,
      );
    });
    it('a clip that is not a positive number', () => {
      const bytes = recurrentModel({
        op: 'RNN',
        direction: 'forward',
        layout: 0,
        I: 2,
        H: 3,
        seed: 1,
        clip: Number.NaN,
      });
      expect(() => importOnnx(bytes, { file: 'clip.onnx' })).toThrow(
        /clip.onnx: node 0 'rnn' \(RNN\): its clip is NaN/,
      );
    });
    it('a producer name with line breaks, which stays inside the comment it is written in', () => {
      const model = decodeModel(exportOnnx(loadExample('gru.rnn')).bytes, 'gru.onnx');
      const hostile = encodeModel({ ...model, producer_name: 'x\ncell Evil(I) {\n  input x: [I]\n}\n//' });
      const imported = importOnnx(hostile, { file: 'gru\nmodel.onnx' });
      expect(imported.source).not.toContain('\ncell Evil');
      expect(imported.source.split('\n')[0]).toMatch(
        /^\/\/ Imported by rnnc from gru model.onnx \(made by x cell Evil/,
      );
    });
    it('sequence lengths', () => {
      const random = new Random(1);
      const bytes = onnxBytes(
        [
          {
            input: ['X', 'W', 'R', '', 'lengths'],
            output: ['Y'],
            op_type: 'RNN',
            name: 'rnn',
            attribute: [attr.int('hidden_size', 2)],
          },
        ],
        [randomTensor('W', [1, 2, 3], random), randomTensor('R', [1, 2, 2], random)],
        [valueInfo('X', ['T', 'batch', 3]), { name: 'lengths', type: { tensor_type: { elem_type: 6 } } }],
        ['Y'],
      );
      expect(() => importOnnx(bytes, { file: 'lengths.onnx' })).toThrow(
        /lengths.onnx: node 0 'rnn' \(RNN\): it takes sequence_lens: rnnc runs every sample of a batch for the whole length/,
      );
    });
  });
});

describe('rnnc import', () => {
  it(
    'writes the source and weights that rnnc run reads',
    async () => {
      const folder = scratchFolder('import');
      const onnx = folder.path('gru.onnx');
      expect((await rnnc('export', 'examples/gru.rnn', '-o', onnx)).status).toBe(0);
      const result = await rnnc('import', onnx, '-o', folder.path('gru.rnn'));
      expect(result.status).toBe(0);
      expect(result.out).toContain(
        `run it: rnnc run ${folder.path('gru.rnn')} --params ${folder.path('gru.safetensors')}`,
      );
      const ran = await rnnc('run', folder.path('gru.rnn'), '--params', folder.path('gru.safetensors'), '--json');
      expect(ran.status).toBe(0);
      expect(JSON.parse(ran.out).model).toBe('GRU');
    },
    timeout,
  );

  it(
    'names the first node it cannot take',
    async () => {
      const folder = scratchFolder('import');
      const onnx = folder.path('mgu.onnx');
      await rnnc('export', 'examples/mgu.rnn', '--model', 'CharMGU', '-o', onnx);
      const result = await rnnc('import', onnx, '-o', folder.path('mgu.rnn'));
      expect(result.status).toBe(1);
      expect(result.err).toMatch(/\(Scan\): rnnc imports LSTM, GRU and RNN nodes/);
    },
    timeout,
  );
});
