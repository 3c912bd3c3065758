/**
 * The WebAssembly SIMD ceiling of this machine: GFLOP/s of a kernel that only multiplies and adds
 * f32x4 vectors held in locals (twelve independent accumulators, enough to hide the latency), so
 * no load or store limits it. `mul+add` is what rnnc's kernels issue; `relaxed_madd` is relaxed
 * SIMD's fused multiply-add, where the engine offers it (Node 20 only with
 * --experimental-wasm-relaxed-simd).
 */
import { encodeModule, FunctionBuilder, memoryPages } from '../src/backends/wasm/encoder.js';
import { gemmKernel, gemmName } from '../src/backends/wasm/gemm.js';

interface WasmApi {
  readonly Memory: new (descriptor: { initial: number; maximum: number }) => object;
  readonly Module: new (bytes: Uint8Array) => object;
  readonly Instance: new (module: object, imports: object) => { readonly exports: object };
}
const wasm = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

const accumulators = 12;

function kernel(fused: boolean): FunctionBuilder {
  const f = new FunctionBuilder(
    fused ? 'madd' : 'mul_add',
    [{ name: 'iterations', type: 'i32' }],
    'acc = acc · a + b, twelve accumulators',
  );
  const [iterations] = f.params;
  const acc = Array.from({ length: accumulators }, (_, k) => f.local(`acc${k}`, 'v128'));
  const [a, b] = [f.local('a', 'v128'), f.local('b', 'v128')];
  f.f32x4Const(0.999).set(a).f32x4Const(0.001).set(b);
  for (const l of acc) f.f32x4Const(1).set(l);
  f.loop((top) => {
    for (const l of acc) {
      if (fused) f.get(l).get(a).get(b).f32x4RelaxedMadd().set(l);
      else f.get(l).get(a).f32x4Mul().get(b).f32x4Add().set(l);
    }
    f.get(iterations).i32(1).i32Sub().set(iterations);
    f.get(iterations).i32(0).i32GtS().brIf(top);
  });
  // Keeps the work: the sum of the accumulators' first lanes, at address 0.
  f.i32(0);
  f.get(acc[0]);
  for (const l of acc.slice(1)) f.get(l).f32x4Add();
  f.v128Store();
  return f;
}

/** The median GFLOP/s of `rounds` rounds of about 20 ms of `run`, which does `flops` a call. */
function rate(run: () => void, flops: number, rounds: number): number {
  run();
  const rates: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const start = performance.now();
    let calls = 0;
    do {
      run();
      calls++;
    } while (performance.now() - start < 20);
    rates.push((calls * flops) / ((performance.now() - start) * 1e6));
  }
  return rates.sort((x, y) => x - y)[rates.length >> 1];
}

/**
 * GFLOP/s of rnnc's own product kernel on operands that stay in the caches (W 64 × 256, 64 KiB, and
 * 16 samples): what the kernels reach when no memory traffic holds them back. Each accumulator's
 * multiply-then-add above waits on its own last sum, while a product's multiplies do not wait on
 * its sums, so this runs a few percent above it on this machine's cores (two f32x4 multiplies and
 * two adds a cycle).
 */
export function cachedGemmRate(rounds = 9): number {
  const spec = { kind: 'rows', m: 64, k: 256 } as const;
  const memory = new wasm.Memory({ initial: 4, maximum: memoryPages });
  const f32 = new Float32Array((memory as { buffer: ArrayBuffer }).buffer);
  for (let k = 0; k < f32.length; k++) f32[k] = Math.sin(k);
  const instance = new wasm.Instance(new wasm.Module(encodeModule([gemmKernel(spec)])), { env: { memory } });
  const run = (instance.exports as Record<string, (w: number, x: number, out: number, samples: number) => void>)[
    gemmName(spec)
  ];
  const [w, x, out, samples] = [0, 4 * 64 * 256, 4 * 64 * 256 + 4 * 256 * 16, 16];
  return rate(() => run(w, x, out, samples), 2 * 64 * 256 * samples, rounds);
}

/** GFLOP/s, the median of `rounds` rounds of about 20 ms, for mul+add and (where the engine has it) relaxed_madd. */
export function simdCeiling(rounds = 9): { mulAdd: number; relaxedMadd?: number } {
  const measure = (fused: boolean): number | undefined => {
    const bytes = encodeModule([kernel(fused)]);
    let compiled: object;
    try {
      compiled = new wasm.Module(bytes);
    } catch (e) {
      if (fused) return undefined; // no relaxed SIMD in this engine
      throw e;
    }
    const memory = new wasm.Memory({ initial: 1, maximum: memoryPages });
    const instance = new wasm.Instance(compiled, { env: { memory } });
    const run = (instance.exports as Record<string, (n: number) => void>)[fused ? 'madd' : 'mul_add'];
    const iterations = 200_000;
    return rate(() => run(iterations), iterations * accumulators * 8, rounds);
  };
  const relaxed = measure(true);
  return { mulAdd: measure(false) as number, ...(relaxed !== undefined ? { relaxedMadd: relaxed } : {}) };
}
