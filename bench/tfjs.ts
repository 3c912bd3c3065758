/**
 * The peers: TensorFlow.js's LSTM and GRU layers on its cpu and wasm
 * backends, with rnnc's weights. tfjs keeps kernels as [input, gates·H]
 * (transposed), gates in the order i, f, c, o (LSTM) or z, r, h (GRU), and
 * one bias: the sum of PyTorch's two.
 */
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import * as tfl from '@tensorflow/tfjs-layers';
import type { Weights } from './naive.js';

const require = createRequire(import.meta.url);
setWasmPaths(`${dirname(require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm'))}/`);

export async function useBackend(name: 'cpu' | 'wasm'): Promise<void> {
  await tf.setBackend(name);
  await tf.ready();
}

/** Rows-stacked [G·H, n] blocks, transposed to tfjs's [n, G·H]. */
function kernel(blocks: Float32Array[], H: number, n: number): tf.Tensor2D {
  const out = new Float32Array(n * blocks.length * H);
  blocks.forEach((w, g) => {
    for (let i = 0; i < H; i++) for (let k = 0; k < n; k++) out[k * blocks.length * H + g * H + i] = w[i * n + k];
  });
  return tf.tensor2d(out, [n, blocks.length * H]);
}

function concat(vectors: Float32Array[]): Float32Array {
  const out = new Float32Array(vectors.reduce((a, v) => a + v.length, 0));
  let at = 0;
  for (const v of vectors) {
    out.set(v, at);
    at += v.length;
  }
  return out;
}

export interface TfjsRnn {
  forward(): Promise<Float32Array>;
  /** Loss = sum of every h_t; returns it and the input kernel's gradient. */
  forwardBackward(): Promise<number>;
  dispose(): void;
}

export function tfjsRnn(
  kind: 'lstm' | 'gru',
  p: Weights,
  x: Float32Array,
  T: number,
  B: number,
  I: number,
  H: number,
): TfjsRnn {
  const options = {
    units: H,
    returnSequences: true,
    recurrentActivation: 'sigmoid',
    kernelInitializer: 'zeros',
    recurrentInitializer: 'zeros',
  } as const;
  const layer = kind === 'lstm' ? tfl.layers.lstm(options) : tfl.layers.gru({ ...options, resetAfter: false } as never);
  // tfjs is batch-major: [B][T][I].
  const batchMajor = new Float32Array(x.length);
  for (let t = 0; t < T; t++)
    for (let b = 0; b < B; b++) batchMajor.set(x.subarray((t * B + b) * I, (t * B + b + 1) * I), (b * T + t) * I);
  const input = tf.tensor3d(batchMajor, [B, T, I]);
  layer.apply(input);
  const gates = kind === 'lstm' ? ['i', 'f', 'g', 'o'] : ['z', 'r', 'h'];
  const weights =
    kind === 'lstm'
      ? [
          kernel(
            gates.map((g) => p[`W_i${g}`]),
            H,
            I,
          ),
          kernel(
            gates.map((g) => p[`W_h${g}`]),
            H,
            H,
          ),
          tf.tensor1d(concat(gates.map((g) => p[`b_i${g}`].map((v, j) => v + p[`b_h${g}`][j])))),
        ]
      : [
          kernel(
            gates.map((g) => p[`W_${g}`]),
            H,
            I,
          ),
          kernel(
            gates.map((g) => p[`U_${g}`]),
            H,
            H,
          ),
          tf.tensor1d(concat(gates.map((g) => p[`b_${g}`]))),
        ];
  layer.setWeights(weights);
  return {
    async forward() {
      const y = layer.apply(input) as tf.Tensor3D;
      const data = (await y.data()) as Float32Array;
      y.dispose();
      const timeMajor = new Float32Array(data.length);
      for (let b = 0; b < B; b++)
        for (let t = 0; t < T; t++) timeMajor.set(data.subarray((b * T + t) * H, (b * T + t + 1) * H), (t * B + b) * H);
      return timeMajor;
    },
    async forwardBackward() {
      const { value, grads } = tf.variableGrads(() => tf.sum(layer.apply(input) as tf.Tensor) as tf.Scalar);
      const loss = (await value.data())[0];
      for (const g of Object.values(grads)) await g.data();
      tf.dispose([value, ...Object.values(grads)]);
      return loss;
    },
    dispose() {
      tf.dispose([input, ...weights]);
      layer.dispose();
    },
  };
}
