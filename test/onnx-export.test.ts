import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exportOnnx } from '../src/api/export.js';
import { parse } from '../src/api/program.js';
import { decodeModel } from '../src/onnx/proto.js';
import { writeSafetensors } from '../src/weights/safetensors.js';
import { rnnc, scratchFolder } from './helpers/cli.js';
import { exampleCases, loadExample } from './helpers/compile.js';
import { interpreterVsOnnx, nest, randomFeeds, runOnnx } from './helpers/onnx.js';

const timeout = 300_000;
const fixtures = new URL('./fixtures/onnx/', import.meta.url);
const customCells = ['gru_reset_before.rnn', 'hard_gates.rnn', 'unread_inputs.rnn'];

function programOf(name: string) {
  const [file, model] = name.split(':');
  if (customCells.includes(file)) {
    const path = new URL(file, fixtures);
    return { program: parse(readFileSync(path, 'utf8'), { file: `test/fixtures/onnx/${file}` }), model };
  }
  return { program: loadExample(file), model };
}

/** What each layer becomes in the operator form: read from the step graphs, not the names. */
const expectedForms: Record<string, string[]> = {
  'adding.rnn:AddingLSTM': ['LSTM'],
  'adding.rnn:AddingGRU': ['GRU'],
  'adding.rnn:AddingRNN': ['RNN'],
  'adding.rnn:AddingMGU': ['Scan'],
  'attention.rnn': ['GRU', 'GRU', 'Scan'],
  'births.rnn': ['GRU'],
  'char_lstm.rnn': ['LSTM'],
  'char_tokens.rnn': ['LSTM'],
  'cifg_lstm.rnn': ['Scan'],
  'classifier.rnn': ['GRU'],
  'pooled_classifier.rnn': ['GRU', 'GRU'],
  'clockwork.rnn': ['Scan'],
  'antisymmetric.rnn': ['Scan'],
  'layer_norm_lstm.rnn': ['Scan'],
  'elman.rnn': ['Scan'],
  'g2p.rnn': ['LSTM', 'LSTM'],
  'gru.rnn': ['GRU'],
  'lstm.rnn': ['LSTM'],
  'luong.rnn': ['LSTM', 'Scan'],
  'mgu.rnn:CharMGU': ['Scan'],
  'mgu.rnn:BirthsMGU': ['Scan'],
  'mgu.rnn:AddingMGU': ['Scan'],
  'peephole_lstm.rnn': ['LSTM'],
  'seq2seq.rnn': ['LSTM', 'LSTM'],
  'context_seq2seq.rnn': ['GRU', 'Scan'],
  'stacked_lstm.rnn': ['LSTM', 'LSTM'],
  'tagger.rnn': ['LSTM', 'LSTM'],
  // Variational dropout and zoneout make the step no standard LSTM, even in eval mode.
  'text_classifier.rnn': ['Scan'],
  'tied_lm.rnn': ['LSTM'],
  'gru_reset_before.rnn': ['GRU'],
  'hard_gates.rnn': ['LSTM', 'RNN'],
  'unread_inputs.rnn': ['Scan'],
};

const cases = [...exampleCases, ...customCells];
const forms = [
  { scanOnly: false, name: 'ONNX recurrent operators where a layer is one' },
  { scanOnly: true, name: 'Scan for every layer' },
];

it('knows the operator form of every example and custom cell', () => {
  expect(Object.keys(expectedForms).sort()).toEqual([...cases].sort());
});

describe.each(forms)('an exported model ($name) in onnxruntime-node', ({ scanOnly }) => {
  it.each(cases)(
    '%s gives the interpreter’s outputs and final states to 1e-5 in f32 at two batch sizes and two lengths',
    async (name) => {
      const { program, model } = programOf(name);
      const exported = exportOnnx(program, { model, scanOnly, seed: 3 });
      expect(exported.layers.map((l) => l.form)).toEqual(
        scanOnly ? expectedForms[name].map(() => 'Scan') : expectedForms[name],
      );
      for (const [steps, batch] of [
        [{ T: 3, S: 4, U: 2 }, 1],
        [{ T: 7, S: 5, U: 6 }, 4],
      ] as const) {
        const feeds = randomFeeds(exported.inputs, steps, batch, 'f32', 11);
        const { worst, compared } = await interpreterVsOnnx(program, model, exported.bytes, feeds, {
          dtype: 'f32',
          seed: 3,
        });
        expect(compared.length).toBeGreaterThan(0);
        expect(worst).toBeLessThan(1e-5);
      }
    },
    timeout,
  );
});

describe('ONNX export', () => {
  it(
    'writes f64 models that agree with the f64 interpreter to 1e-12',
    async () => {
      for (const scanOnly of [false, true]) {
        const program = loadExample('seq2seq.rnn');
        const exported = exportOnnx(program, { dtype: 'f64', scanOnly });
        const feeds = randomFeeds(exported.inputs, { S: 6, U: 4, T: 5 }, 3, 'f64', 5);
        const { worst } = await interpreterVsOnnx(program, undefined, exported.bytes, feeds, { dtype: 'f64' });
        expect(worst).toBeLessThan(1e-12);
      }
    },
    timeout,
  );

  it('states its opset and IR version, names inputs and outputs from the source, and keeps batch and time dynamic', () => {
    const exported = exportOnnx(loadExample('seq2seq.rnn'));
    const model = decodeModel(exported.bytes, 'seq2seq.onnx');
    expect(model.ir_version).toBe(8);
    expect(model.opset_import).toEqual([{ domain: '', version: 17 }]);
    expect(model.producer_name).toBe('rnnc');
    expect(model.doc_string).toBe(readFileSync(new URL('../examples/seq2seq.rnn', import.meta.url), 'utf8'));
    expect(exported.inputs).toEqual([
      { name: 'source', shape: ['S', 'batch', 10] },
      { name: 'previous', shape: ['U', 'batch', 12] },
    ]);
    expect(exported.outputs.map((o) => o.name)).toEqual([
      'encoder.h',
      'encoder.c',
      'decoder.h',
      'decoder.c',
      'probabilities',
    ]);
    expect(model.graph.initializer?.map((t) => t.name).sort()).toEqual(
      ['decoder.U', 'decoder.W', 'decoder.b', 'encoder.U', 'encoder.W', 'encoder.b', 'logits.W', 'logits.b'].sort(),
    );
  });

  it(
    'leaves the targets and the loss out unless asked to keep them',
    async () => {
      const program = loadExample('seq2seq.rnn');
      const kept = exportOnnx(program, { keepLoss: true });
      expect(kept.inputs.map((i) => i.name)).toEqual(['source', 'previous', 'symbols']);
      expect(kept.outputs.map((o) => o.name)).toContain('loss');
      const feeds = randomFeeds(kept.inputs, { S: 4, U: 3 }, 2, 'f32', 1);
      const got = await runOnnx(kept.bytes, feeds);
      const { run } = await import('../src/api/run.js');
      const reference = await run(program, {
        dtype: 'f32',
        inputs: Object.fromEntries(Object.entries(feeds).map(([k, f]) => [k, nest(f.data, f.shape)])),
      });
      expect(got.loss.data[0]).toBeCloseTo(reference.loss as number, 5);
    },
    timeout,
  );

  it('takes its weights from params or a checkpoint, over the initializers', () => {
    const program = loadExample('gru.rnn');
    const plain = exportOnnx(program, { scanOnly: true });
    const value = (e: ReturnType<typeof exportOnnx>, name: string) => {
      const t = e.onnx.graph.initializer?.find((i) => i.name === name);
      return Array.from(new Float32Array((t?.raw_data as Uint8Array).slice().buffer));
    };
    const b = [0.5, -0.25, 1, 2, 3];
    const params = Object.fromEntries(
      plain.onnx.graph.initializer?.map((t) => [
        t.name as string,
        nest(value(plain, t.name as string), [...(t.dims ?? [])]),
      ]) ?? [],
    );
    const withParams = exportOnnx(program, { scanOnly: true, params: { ...params, b_ir: b } });
    expect(value(withParams, 'b_ir')).toEqual(b);
    expect(value(withParams, 'W_ir')).toEqual(value(plain, 'W_ir'));
    const tensors = new Map(
      plain.onnx.graph.initializer?.map((t) => [
        t.name as string,
        {
          shape: [...(t.dims ?? [])],
          data: Float32Array.from(new Float32Array((t.raw_data as Uint8Array).slice().buffer), (v) => v * 2),
        },
      ]),
    );
    const checkpoint = writeSafetensors(tensors);
    const fromCheckpoint = exportOnnx(program, { scanOnly: true, checkpoint });
    expect(value(fromCheckpoint, 'W_hz')).toEqual(value(plain, 'W_hz').map((v) => v * 2));
    expect(() =>
      exportOnnx(program, {
        checkpoint: writeSafetensors(new Map([['other', { shape: [1], data: new Float32Array(1) }]])),
      }),
    ).toThrow(/the checkpoint has no param/);
  });
});

describe('ONNX export with state inputs', () => {
  it.each(['char_lstm.rnn', 'mgu.rnn:CharMGU', 'seq2seq.rnn'])(
    '%s carries its states from one call to the next, and starts from the given ones as the interpreter does',
    async (name) => {
      const { program, model } = programOf(name);
      const exported = exportOnnx(program, { model, stateInputs: true });
      const initial = exported.inputs.filter((i) => i.name.endsWith('.initial'));
      expect(initial.length).toBeGreaterThan(0);
      // seq2seq's decoder starts from the encoder (`from`): only the encoder's states are inputs.
      if (name === 'seq2seq.rnn')
        expect(initial.map((i) => i.name)).toEqual(['encoder.h.initial', 'encoder.c.initial']);
      const feeds = randomFeeds(exported.inputs, { T: 6, S: 6, U: 6 }, 2, 'f32', 4);
      const { worst } = await interpreterVsOnnx(program, model, exported.bytes, feeds, {
        dtype: 'f32',
        initialStates: Object.fromEntries(
          initial.map((i) => [i.name.replace(/\.initial$/, ''), nest(feeds[i.name].data, feeds[i.name].shape)]),
        ),
      });
      expect(worst).toBeLessThan(1e-5);
      if (name === 'seq2seq.rnn') return;
      // Six steps at once, or three and three with the final states fed back: the same.
      const sequence = exported.inputs.find((i) => !i.name.endsWith('.initial'))?.name as string;
      const x = feeds[sequence];
      const half = x.data.length / 2;
      const whole = await runOnnx(exported.bytes, feeds);
      const first = await runOnnx(exported.bytes, {
        ...feeds,
        [sequence]: { data: x.data.slice(0, half), shape: [3, ...x.shape.slice(1)] },
      });
      const carried = Object.fromEntries(
        initial.map((i) => [
          i.name,
          { data: first[i.name.replace(/\.initial$/, '')].data, shape: feeds[i.name].shape },
        ]),
      );
      const second = await runOnnx(exported.bytes, {
        ...carried,
        [sequence]: { data: x.data.slice(half), shape: [3, ...x.shape.slice(1)] },
      });
      for (const i of initial) {
        const state = i.name.replace(/\.initial$/, '');
        expect(Array.from(second[state].data)).toEqual(Array.from(whole[state].data));
      }
    },
    timeout,
  );
});

describe('rnnc export', () => {
  it(
    'writes the ONNX file and says what each layer became',
    async () => {
      const out = scratchFolder('export').path('tagger.onnx');
      const result = await rnnc('export', 'examples/tagger.rnn', '-o', out);
      expect(result.status).toBe(0);
      expect(result.out).toContain('ONNX opset 17 (IR version 8)');
      expect(result.out).toContain('layer states.fwd: LSTM');
      expect(result.out).toContain('input words [T, batch, ');
      const model = decodeModel(readFileSync(out), out);
      expect(model.graph.node.filter((n) => n.op_type === 'LSTM')).toHaveLength(2);
    },
    timeout,
  );

  it(
    'takes the params, model and sizes of an rnnc train run folder',
    async () => {
      const run = scratchFolder('export').path('run');
      const trained = await rnnc(
        'train',
        'examples/births.rnn',
        '--data',
        'births',
        '--out',
        run,
        '--max-steps',
        '2',
        '--size',
        'H=6',
      );
      expect(trained.status, trained.err).toBe(0);
      const out = scratchFolder('export').path('births.onnx');
      const result = await rnnc('export', 'examples/births.rnn', '--checkpoint', run, '-o', out);
      expect(result.status, result.err).toBe(0);
      expect(result.out).toContain('note: params from the checkpoint');
      expect(result.out).toContain('output states.h [batch, 6]');
    },
    timeout,
  );

  it(
    'takes the params of a checkpoint file',
    async () => {
      const folder = scratchFolder('export');
      const plain = exportOnnx(loadExample('gru.rnn'));
      const tensors = new Map(
        plain.onnx.graph.initializer?.map((t) => [
          t.name as string,
          { shape: [...(t.dims ?? [])], data: new Float32Array((t.raw_data as Uint8Array).length / 4).fill(0.25) },
        ]),
      );
      const checkpoint = folder.path('checkpoint.safetensors');
      writeFileSync(checkpoint, writeSafetensors(tensors));
      const out = folder.path('gru.onnx');
      const result = await rnnc('export', 'examples/gru.rnn', '--checkpoint', checkpoint, '-o', out);
      expect(result.status).toBe(0);
      expect(result.out).toContain('note: params from the checkpoint');
      const model = decodeModel(readFileSync(out), out);
      const first = model.graph.initializer?.[0]?.raw_data as Uint8Array;
      expect(new Float32Array(Uint8Array.from(first).buffer)[0]).toBe(0.25);
    },
    timeout,
  );

  it(
    'refuses to write the binary file to the terminal',
    async () => {
      const result = await rnnc('export', 'examples/lstm.rnn');
      expect(result.status).toBe(1);
      expect(result.err).toContain('name it with -o model.onnx');
    },
    timeout,
  );
});
