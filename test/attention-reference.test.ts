/**
 * The attention decoders of examples/attention.rnn (Bahdanau) and examples/luong.rnn (Luong)
 * against PyTorch references written from the papers' equations (test/fixtures/pytorch/
 * attention.py): outputs, final states, the loss and the gradient of every param, of the
 * target-side input, of the memory and of every initial state. The interpreter in f64 agrees
 * to 1e-9; the TypeScript module and the WGSL kernels in f32 to 1e-4.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { grad, gradName } from '../src/ad/grad.js';
import { compileToTypeScript } from '../src/backends/ts/index.js';
import { compileToWgsl } from '../src/backends/wgsl/index.js';
import { createGpuRunner } from '../src/backends/wgsl/runtime.js';
import { selectModel } from '../src/frontend/program.js';
import { interpret } from '../src/interp/interpret.js';
import { bindSizes } from '../src/interp/run.js';
import { Tensor } from '../src/tensor/tensor.js';
import { compileOk, examplesDir, flat, maxRelativeError, readJson, referenceDir } from './helpers/compile.js';
import { gpuDevice } from './helpers/gpu.js';

const timeout = 300_000;
const outDir = mkdtempSync(join(tmpdir(), 'rnnc-attention-'));

const cases = [
  {
    name: 'Bahdanau',
    file: 'bahdanau_attention.json',
    example: 'attention.rnn',
    layer: 'BahdanauGRU(I, H, M, A)',
    output: 'H + M',
  },
  { name: 'Luong', file: 'luong_attention.json', example: 'luong.rnn', layer: 'LuongLSTM(I, H, M)', output: 'H' },
];

interface Reference {
  params: Record<string, unknown>;
  states: Record<string, unknown>;
  y: unknown;
  enc: unknown;
  R: unknown;
  output: unknown;
  final_states: Record<string, unknown>;
  loss: number;
  grads: { params: Record<string, unknown>; y: unknown; enc: unknown; states: Record<string, unknown> };
  sizes: Record<string, number>;
}

/** The example's decoder over `y`, reading the memory `enc`, with PyTorch's loss sum(output ⊙ R). */
function setUp(c: (typeof cases)[number]) {
  const source = `${readFileSync(new URL(c.example, examplesDir), 'utf8')}
model Reference(I = 3, H = 4, M = 5, A = 6) {
  input y: seq(U)[I]
  input enc: seq(S)[M]
  target R: seq(U)[${c.output}]
  layer d = ${c.layer} over y, enc
  loss sum(d * R) reduce sum
}`;
  const model = selectModel(compileOk(source, c.example), 'Reference');
  const reference = readJson(new URL(c.file, referenceDir)) as unknown as Reference;
  const { U, S, B } = reference.sizes;
  const tensor = (
    nested: unknown,
    lead: { time: number | null; batch: number | null },
    shape: number[],
    dtype: 'f32' | 'f64',
  ) => new Tensor((dtype === 'f32' ? Float32Array : Float64Array).from(flat(nested)), lead, shape);
  const paramShape = (name: string) =>
    model.params.find((p) => p.name === `d.${name}`)?.shape.map((d) => d.evaluate(bindSizes(model)));
  return { model, reference, U, S, B, tensor, paramShape, sizes: bindSizes(model), source };
}

describe.each(cases)('the $name attention decoder against PyTorch', (c) => {
  const { model, reference, U, S, B, tensor, paramShape, sizes, source } = setUp(c);
  const lengths = { U, S };
  const inputShapes = { y: [U, B, sizes.I], enc: [S, B, sizes.M], R: [U, B, flat(reference.R).length / (U * B)] };
  const stateNames = Object.keys(reference.states);

  it('in the interpreter in f64: outputs, final states, the loss and every gradient to 1e-9', () => {
    const params = Object.fromEntries(
      Object.entries(reference.params).map(([k, v]) => [
        `d.${k}`,
        tensor(v, { time: null, batch: null }, paramShape(k) ?? [], 'f64'),
      ]),
    );
    const inputs = Object.fromEntries(
      Object.entries(inputShapes).map(([k, [T, b, n]]) => [
        k,
        tensor(reference[k as 'y' | 'enc' | 'R'], { time: T, batch: b }, [n], 'f64'),
      ]),
    );
    const initialStates = Object.fromEntries(
      stateNames.map((s) => [`d.${s}`, tensor(reference.states[s], { time: null, batch: B }, [sizes.H], 'f64')]),
    );
    const bindings = { dtype: 'f64' as const, sizes, params, inputs, initialStates, batch: B, timeLengths: lengths };
    const values = interpret(grad(model.graph).graph, bindings);
    const forward = interpret(model.graph, bindings);
    expect(maxRelativeError(forward.d.data, flat(reference.output))).toBeLessThan(1e-9);
    for (const s of stateNames)
      expect(maxRelativeError(forward[`d.${s}`].data, flat(reference.final_states[s])), s).toBeLessThan(1e-9);
    expect(Math.abs(values.loss.data[0] - reference.loss)).toBeLessThan(1e-9 * Math.max(1, Math.abs(reference.loss)));
    for (const [k, g] of Object.entries(reference.grads.params))
      expect(maxRelativeError(values[gradName(`d.${k}`)].data, flat(g)), k).toBeLessThan(1e-9);
    expect(maxRelativeError(values[gradName('y')].data, flat(reference.grads.y))).toBeLessThan(1e-9);
    expect(maxRelativeError(values[gradName('enc')].data, flat(reference.grads.enc))).toBeLessThan(1e-9);
    for (const s of stateNames)
      expect(maxRelativeError(values[gradName(`d.${s}`)].data, flat(reference.grads.states[s])), s).toBeLessThan(1e-9);
  });

  const f32Params = () =>
    Object.fromEntries(Object.entries(reference.params).map(([k, v]) => [`d.${k}`, Float32Array.from(flat(v))]));
  const f32Inputs = () =>
    Object.fromEntries(
      Object.entries(inputShapes).map(([k, shape]) => [
        k,
        { data: Float32Array.from(flat(reference[k as 'y' | 'enc' | 'R'])), shape },
      ]),
    );
  const f32States = () =>
    Object.fromEntries(stateNames.map((s) => [`d.${s}`, Float32Array.from(flat(reference.states[s]))]));

  interface Results {
    outputs: Record<string, { data: ArrayLike<number> }>;
    finalStates: Record<string, { data: ArrayLike<number> }>;
  }
  interface Gradients {
    loss: number;
    params: Record<string, ArrayLike<number>>;
    inputs: Record<string, { data: ArrayLike<number> }>;
    states: Record<string, { data: ArrayLike<number> }>;
  }
  /** f32 results against PyTorch's, to 1e-4 relative. */
  function expectReference(forward: Results, gradients: Gradients): void {
    expect(maxRelativeError(forward.outputs.d.data, flat(reference.output))).toBeLessThan(1e-4);
    for (const s of stateNames)
      expect(maxRelativeError(forward.finalStates[`d.${s}`].data, flat(reference.final_states[s])), s).toBeLessThan(
        1e-4,
      );
    expect(Math.abs(gradients.loss - reference.loss)).toBeLessThan(1e-4 * Math.max(1, Math.abs(reference.loss)));
    for (const [k, g] of Object.entries(reference.grads.params))
      expect(maxRelativeError(gradients.params[`d.${k}`], flat(g)), k).toBeLessThan(1e-4);
    expect(maxRelativeError(gradients.inputs.y.data, flat(reference.grads.y))).toBeLessThan(1e-4);
    expect(maxRelativeError(gradients.inputs.enc.data, flat(reference.grads.enc))).toBeLessThan(1e-4);
    for (const s of stateNames)
      expect(maxRelativeError(gradients.states[`d.${s}`].data, flat(reference.grads.states[s])), s).toBeLessThan(1e-4);
  }

  it(
    'in the TypeScript module in f32 (-O2, SIMD): every value and gradient to 1e-4',
    async () => {
      const { code } = compileToTypeScript(model, {
        level: 2,
        dtype: 'f32',
        sizes,
        source: { file: c.example, text: source },
        cpu: 'simd',
      });
      const path = join(outDir, `${c.name}.ts`);
      writeFileSync(path, code);
      const mod = (await import(path)) as {
        forward(p: unknown, i: unknown, s: unknown): Results;
        grad(
          p: unknown,
          i: unknown,
          s: unknown,
        ): {
          loss: number;
          grads: Gradients['params'];
          inputGrads: Gradients['inputs'];
          stateGrads: Gradients['states'];
        };
      };
      const g = mod.grad(f32Params(), f32Inputs(), f32States());
      expectReference(mod.forward(f32Params(), f32Inputs(), f32States()), {
        loss: g.loss,
        params: g.grads,
        inputs: g.inputGrads,
        states: g.stateGrads,
      });
    },
    timeout,
  );

  it(
    'in the WGSL kernels in f32 (-O2): every value and gradient to 1e-4',
    async () => {
      const { device, adapter } = await gpuDevice();
      const wgsl = compileToWgsl(model, {
        level: 2,
        sizes,
        source: { file: c.example, text: source },
        schedule: 'hybrid',
      });
      const runner = await createGpuRunner(wgsl.program, device, adapter);
      try {
        const args = { params: f32Params(), inputs: f32Inputs(), initialStates: f32States(), B, lengths };
        const forward = await runner.run(wgsl.program.forward, args);
        const g = await runner.run(wgsl.program.grad!, args);
        expectReference(forward, {
          loss: g.loss.loss.data[0],
          params: Object.fromEntries(Object.entries(g.grads).map(([k, v]) => [k, v.data])),
          inputs: g.inputGrads,
          states: g.stateGrads,
        });
      } finally {
        runner.destroy();
      }
    },
    timeout,
  );
});
