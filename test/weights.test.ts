import { describe, expect, it } from 'vitest';
import { selectModel } from '../src/frontend/program.js';
import { bindSizes, runModel } from '../src/interp/run.js';
import { readTorchWeights, torchInitialStates } from '../src/weights/torch.js';
import { readFileSync } from 'node:fs';
import { compileOk, examplesDir, loadExample, readJson, referenceDir } from './helpers/compile.js';

/** lstm.rnn's PyTorch-named cell in a stacked, bidirectional model: the layout of nn.LSTM(num_layers=2, bidirectional=True). */
const lstmCell = readFileSync(new URL('lstm.rnn', examplesDir), 'utf8');
const stackedSource = `${lstmCell}
model Deep(I = 3, H = 5) {
  input x: seq[I]
  layer l0 = bidirectional LSTM(I, H) over x
  layer l1 = bidirectional LSTM(2*H, H) over l0
}
`;

/** A packed tensor [rows][cols] whose every entry says where it came from: 1000·block + 10·row + col. */
function labelled(blocks: number, rows: number, cols: number | null): unknown {
  return Array.from({ length: blocks * rows }, (_, r) =>
    cols === null
      ? 1000 * Math.floor(r / rows) + (r % rows)
      : Array.from({ length: cols }, (_, c) => 1000 * Math.floor(r / rows) + 10 * (r % rows) + c),
  );
}

describe('PyTorch weights', () => {
  const program = compileOk(stackedSource);
  const model = selectModel(program, 'Deep');
  const sizes = bindSizes(model);

  function stateDict(): Record<string, unknown> {
    const dict: Record<string, unknown> = {};
    for (const [layer, input] of [
      [0, 3],
      [1, 10],
    ] as const) {
      for (const suffix of ['', '_reverse']) {
        dict[`weight_ih_l${layer}${suffix}`] = labelled(4, 5, input);
        dict[`weight_hh_l${layer}${suffix}`] = labelled(4, 5, 5);
        dict[`bias_ih_l${layer}${suffix}`] = labelled(4, 5, null);
        dict[`bias_hh_l${layer}${suffix}`] = labelled(4, 5, null);
      }
    }
    return dict;
  }

  it('split each packed matrix into the gates i, f, g, o of the matching layer and direction', () => {
    const params = readTorchWeights(model, program.cellTable, sizes, stateDict(), 'f64');
    expect(Object.keys(params).sort()).toEqual(model.params.map((p) => p.name).sort());
    // Block 2 of weight_ih is the candidate g; row 1, column 2 → 2012.
    expect(params['l1.bwd.W_ig'].shape).toEqual([5, 10]);
    expect(params['l1.bwd.W_ig'].data[1 * 10 + 2]).toBe(2012);
    expect(params['l0.fwd.b_ho'].data[4]).toBe(3004);
  });

  it('map h0 and c0 entries layer·directions + direction to each layer’s states', () => {
    const h0 = [0, 1, 2, 3].map((k) => [[k, k, k, k, k]]);
    const states = torchInitialStates(model, { h0, c0: h0 });
    expect(states['l0.fwd.h']).toEqual([[0, 0, 0, 0, 0]]);
    expect(states['l0.bwd.c']).toEqual([[1, 1, 1, 1, 1]]);
    expect(states['l1.bwd.h']).toEqual([[3, 3, 3, 3, 3]]);
  });

  it('read prefixed keys as the layers of those names', () => {
    const source = `${lstmCell}\nmodel E(I = 3, H = 5) {\n  input x: seq[I]\n  input y: seq(U)[I]\n  layer enc = LSTM(I, H) over x\n  layer dec = LSTM(I, H) over y from enc\n}`;
    const p = compileOk(source);
    const m = selectModel(p, 'E');
    const reference = readJson(new URL('lstm_I3_H5_B2_T7.json', referenceDir)).params as Record<string, unknown>;
    const prefixed = Object.fromEntries(
      Object.entries(reference).flatMap(([k, v]) => [
        [`enc.${k}`, v],
        [`dec.${k}`, v],
      ]),
    );
    const params = readTorchWeights(m, p.cellTable, bindSizes(m), prefixed, 'f64');
    expect(Array.from(params['dec.W_hf'].data)).toEqual(Array.from(params['enc.W_hf'].data));
  });

  it.each([
    ['weight_ih_l2', 'model Deep has 2 recurrent layers, so there is no layer 2'],
    ['weights_ih_l0', "'weights_ih_l0' is not a PyTorch RNN weight name"],
    ['enc.weight_ih_l0', "model Deep has no recurrent layer 'enc'"],
  ])('reject the unknown key %s', (key, message) => {
    expect(() => readTorchWeights(model, program.cellTable, sizes, { [key]: labelled(4, 5, 3) }, 'f64')).toThrow(
      message,
    );
  });

  it('reject a packed matrix of the wrong shape and a layer given only in part', () => {
    expect(() => readTorchWeights(model, program.cellTable, sizes, { weight_ih_l0: labelled(3, 5, 3) }, 'f64')).toThrow(
      'weight_ih_l0: expected [20][3], but axis 0 has length 15',
    );
    expect(() => readTorchWeights(model, program.cellTable, sizes, { weight_ih_l0: labelled(4, 5, 3) }, 'f64')).toThrow(
      'the PyTorch weights give only part of layer l0: nothing for l0.fwd.W_hi',
    );
  });

  it('reject a cell whose params are not a PyTorch layout', () => {
    const tagger = loadExample('tagger.rnn');
    const m = selectModel(tagger);
    expect(() => readTorchWeights(m, tagger.cellTable, bindSizes(m), { weight_ih_l0: [] }, 'f64')).toThrow(
      'cell LSTM of layer states does not have the param names of a PyTorch layout',
    );
  });

  it('run a two-layer stack the same as its layers one after the other', () => {
    const single = selectModel(loadExample('lstm.rnn'));
    const dict = readJson(new URL('lstm_I3_H5_B2_T7.json', referenceDir));
    const deepSource = `${lstmCell}\nmodel Two(I = 3, H = 5) {\n  input x: seq[I]\n  layer a = LSTM(I, H) over x\n  layer b = LSTM(H, H) over a\n}`;
    const deepProgram = compileOk(deepSource);
    const deep = selectModel(deepProgram, 'Two');
    const torch = dict.params as Record<string, number[][]>;
    const second = {
      weight_ih_l1: torch.weight_hh_l0,
      weight_hh_l1: torch.weight_hh_l0,
      bias_ih_l1: torch.bias_ih_l0,
      bias_hh_l1: torch.bias_hh_l0,
    };
    const params = readTorchWeights(deep, deepProgram.cellTable, bindSizes(deep), { ...torch, ...second }, 'f64');
    const out = runModel(deep, { data: { x: dict.x }, params }, { sizes: bindSizes(deep), dtype: 'f64' });

    const one = (x: unknown, weights: Record<string, unknown>, inputSize: number) => {
      const sizes = bindSizes(single, { I: inputSize });
      const params = readTorchWeights(single, loadExample('lstm.rnn').cellTable, sizes, weights, 'f64');
      return runModel(single, { data: { x }, params }, { sizes, dtype: 'f64' });
    };
    const firstLayer = one(dict.x, torch, 3).outputs.output;
    const secondWeights = {
      weight_ih_l0: second.weight_ih_l1,
      weight_hh_l0: second.weight_hh_l1,
      bias_ih_l0: second.bias_ih_l1,
      bias_hh_l0: second.bias_hh_l1,
    };
    const hs: number[][][] = [];
    for (let t = 0; t < 7; t++)
      hs.push([0, 1].map((b) => Array.from(firstLayer.data.subarray((t * 2 + b) * 5, (t * 2 + b + 1) * 5))));
    const expected = one(hs, secondWeights, 5).outputs.output;
    expect(Array.from(out.outputs.b.data)).toEqual(Array.from(expected.data));
  });
});

describe('PyTorch weights in safetensors', () => {
  it('round-trip bit for bit through a stacked bidirectional model', async () => {
    const { torchStateDict } = await import('../src/weights/torch.js');
    const { readSafetensors, writeSafetensors } = await import('../src/weights/safetensors.js');
    const { initParams } = await import('../src/interp/run.js');
    const program = compileOk(stackedSource);
    const model = selectModel(program, 'Deep');
    const sizes = bindSizes(model);
    const params = initParams(model, sizes, 9, 'f32');
    const bytes = writeSafetensors(torchStateDict(model, program.cellTable, params));
    const read = readSafetensors(bytes, 'deep.safetensors');
    expect([...read.tensors.keys()].sort()).toEqual(
      ['l0', 'l1']
        .flatMap((_, k) =>
          ['', '_reverse'].flatMap((r) =>
            ['bias_hh', 'bias_ih', 'weight_hh', 'weight_ih'].map((w) => `${w}_l${k}${r}`),
          ),
        )
        .sort(),
    );
    expect(read.tensors.get('weight_ih_l1_reverse')?.shape).toEqual([20, 10]);
    const back = readTorchWeights(model, program.cellTable, sizes, Object.fromEntries(read.tensors), 'f32');
    for (const [name, t] of Object.entries(params))
      expect(Array.from(back[name].data), name).toEqual(Array.from(t.data));
  });

  it('name a tensor of the wrong shape', async () => {
    const program = compileOk(stackedSource);
    const model = selectModel(program, 'Deep');
    expect(() =>
      readTorchWeights(
        model,
        program.cellTable,
        bindSizes(model),
        { weight_ih_l0: { shape: [3, 20], data: new Float32Array(60) } },
        'f32',
      ),
    ).toThrow('weight_ih_l0: expected shape [20, 3], got [3, 20]');
  });
});
