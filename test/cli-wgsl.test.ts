import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rnnc, scratchFolder } from './helpers/cli.js';
import { maxRelativeError } from './helpers/compile.js';
import { gpuDevice } from './helpers/gpu.js';
import { command } from './helpers/process.js';

const scratch = scratchFolder('rnnc-cli-wgsl-');

describe('rnnc compile --target wgsl', () => {
  it('writes one .wgsl file per kernel and the host module into a folder, and says so', async () => {
    const folder = scratch.path('lstm-wgsl');
    const { status, out } = await rnnc('compile', 'examples/lstm.rnn', '--target', 'wgsl', '-o', folder);
    expect(status).toBe(0);
    expect(out).toMatch(
      /^wrote .*LSTM\.ts \(the host: createModel\(device\) → forward, grad, trainStep\) and \d+ kernels/,
    );
    const files = readdirSync(folder);
    expect(files).toContain('LSTM.ts');
    const kernels = files.filter((f) => f.endsWith('.wgsl'));
    expect(kernels.length).toBeGreaterThan(2);
    const host = readFileSync(`${folder}/LSTM.ts`, 'utf8');
    expect(host).toContain(
      'export async function createModel(device?: GPUDevice, options: RunnerOptions = {}): Promise<GpuModel>',
    );
    // Kernels say what they compute and where it comes from in the source.
    const all = kernels.map((k) => readFileSync(`${folder}/${k}`, 'utf8')).join('\n');
    expect(all).toContain("c' = f * c + i * g");
  });

  it('writes a .subgroups.wgsl variant of each kernel with a quad-shared GEMM or a time loop that holds W, and none with --no-quads', async () => {
    const shared = scratch.path('gru-quads');
    const { out } = await rnnc('compile', 'examples/gru.rnn', '--target', 'wgsl', '--size', 'H=64', '-o', shared);
    expect(out).toContain('kernels as .wgsl files (with .subgroups.wgsl variants)');
    const variants = readdirSync(shared).filter((f) => f.endsWith('.subgroups.wgsl'));
    expect(variants.length).toBeGreaterThan(0);
    const held = variants.filter((file) => readFileSync(`${shared}/${file}`, 'utf8').includes('W held in private'));
    // The small-batch time loop holds W; the GEMMs dispatched across workgroups share rows.
    expect(held.length).toBeGreaterThan(0);
    expect(held.length).toBeLessThan(variants.length);
    for (const file of variants) {
      const text = readFileSync(`${shared}/${file}`, 'utf8');
      const holds = held.includes(file);
      expect(text).toContain('enable subgroups;');
      expect(text).toContain(holds ? 'acc0 += quadSwapY(acc0);' : 'quadBroadcast(mine, 3u)');
      const plain = readFileSync(`${shared}/${file.replace('.subgroups.wgsl', '.wgsl')}`, 'utf8');
      expect(plain).not.toContain('enable subgroups');
      expect(plain).not.toMatch(/quadBroadcast|quadSwap|W held/);
      expect(plain).toContain(holds ? 'rows × 1 sample a thread' : '4 threads sharing each row');
    }
    const alone = scratch.path('gru-no-quads');
    await rnnc('compile', 'examples/gru.rnn', '--target', 'wgsl', '--size', 'H=64', '--no-quads', '-o', alone);
    expect(readdirSync(alone).filter((f) => f.endsWith('.subgroups.wgsl'))).toEqual([]);
  });

  it('reports the quad tiles, and the tiles alone with --no-quads', async () => {
    const quads = await rnnc(
      'compile',
      'examples/gru.rnn',
      '--target',
      'wgsl',
      '--size',
      'H=64',
      '--quad-tile',
      '16x4',
    );
    expect(quads.out).toContain(
      'GEMM tiles of 16 rows × 4 samples a thread, quads of threads sharing the rows they load (subgroups; without them, each thread loads its own), 8 × 8 in persistent kernels',
    );
    const alone = await rnnc('compile', 'examples/gru.rnn', '--target', 'wgsl', '--size', 'H=64', '--no-quads');
    expect(alone.out).toContain('GEMM tiles of 8 rows × 8 samples a thread;');
  });

  it('prints the kernels with the schedule, the dispatches per step and the workgroup sizes', async () => {
    const { status, out } = await rnnc(
      'compile',
      'examples/gru.rnn',
      '--target',
      'wgsl',
      '--schedule',
      'steps',
      '--workgroup-size',
      '128',
    );
    expect(status).toBe(0);
    expect(out).toMatch(/^\/\/ schedule: steps; \d+ kernels; workgroups of 128 threads/);
    expect(out).toMatch(/dispatches per step of a time loop: \d+/);
    expect(out).toContain('@compute @workgroup_size(128)');
  });

  it('computes the gates in the recurrent product’s dispatch, or with --no-fused-gates in a dispatch of their own', async () => {
    const args = ['compile', 'examples/gru.rnn', '--target', 'wgsl', '--schedule', 'steps', '--size', 'H=64'];
    const fused = await rnnc(...args);
    expect(fused.status).toBe(0);
    expect(fused.out).toContain('dispatches per step of a time loop: 1; per forward call with 100 steps:');
    expect(fused.out).toContain('It computes the gates after the product too');
    const apart = await rnnc(...args, '--no-fused-gates');
    expect(apart.status).toBe(0);
    expect(apart.out).toContain('dispatches per step of a time loop: 2; per forward call with 100 steps:');
    expect(apart.out).not.toContain('It computes the gates after the product too');
  });

  it('runs each time loop in one kernel with the persistent schedule', async () => {
    const { out } = await rnnc('compile', 'examples/gru.rnn', '--target', 'wgsl', '--schedule', 'persistent');
    expect(out).toContain(
      'dispatches per step of a time loop: none (each loop runs inside one kernel); per forward call with 100 steps: 1',
    );
  });

  it('refuses f64, --emit-wat, an unknown schedule, a workgroup size that is not a power of two, a malformed tile and storage', async () => {
    for (const [args, message] of [
      [['--dtype', 'f64'], '--target wgsl computes in f32'],
      [['--emit-wat'], '--emit-wat is for --target ts'],
      [['--schedule', 'fast'], "option '--schedule <schedule>' argument 'fast' is invalid"],
      [['--workgroup-size', '48'], '--workgroup-size must be a power of two from 1 to 1024'],
      [['--tile', '4by4'], "--tile is ROWSxSAMPLES, rows from 1 to 32 and samples from 1 to 16, like 8x8, got '4by4'"],
      [
        ['--quad-tile', '64x4'],
        "--quad-tile is ROWSxSAMPLES, rows from 1 to 32 and samples from 1 to 16, like 8x8, got '64x4'",
      ],
      [['--workgroup-storage', '7'], "--workgroup-storage is a number of bytes, a multiple of 4 (0: none), got '7'"],
    ] as const) {
      const { status, err } = await rnnc('compile', 'examples/lstm.rnn', '--target', 'wgsl', ...args);
      expect(status, args.join(' ')).not.toBe(0);
      expect(err).toContain(message);
      expect(err).not.toMatch(/\n\s+at /);
    }
  });
});

describe('rnnc run --target wgsl', () => {
  it('runs the kernels on WebGPU, names the adapter, and agrees with the interpreter', async () => {
    const { adapter } = await gpuDevice();
    const gpu = await rnnc('run', 'examples/classifier.rnn', '--target', 'wgsl', '--steps', '4', '--json');
    const interp = await rnnc('run', 'examples/classifier.rnn', '--steps', '4', '--json');
    expect(gpu.status).toBe(0);
    const [a, b] = [JSON.parse(gpu.out), JSON.parse(interp.out)] as {
      adapter?: string;
      outputs: Record<string, number[][]>;
      loss: number;
    }[];
    // The JSON says which adapter ran the kernels, as the text does; the interpreter's has none.
    expect(a.adapter).toBe(adapter);
    expect(b.adapter).toBeUndefined();
    for (const name of Object.keys(b.outputs))
      expect(maxRelativeError(a.outputs[name].flat(3) as number[], b.outputs[name].flat(3) as number[])).toBeLessThan(
        1e-4,
      );
    expect(a.loss).toBeCloseTo(b.loss, 4);
    const text = await rnnc('run', 'examples/lstm.rnn', '--target', 'wgsl', '--steps', '3');
    expect(text.out).toContain(`note: ran the WGSL kernels (-O2) on ${adapter}`);
  });

  it('says which driver did not answer when there is no adapter, and exits 1 without a stack trace', async () => {
    const result = await command(
      process.execPath,
      ['dist/src/cli/bin.js', 'run', 'examples/lstm.rnn', '--target', 'wgsl'],
      { env: { ...process.env, VK_ICD_FILENAMES: '/nonexistent/icd.json' } },
    );
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      'rnnc: error: no WebGPU adapter: the Vulkan driver that VK_ICD_FILENAMES names (/nonexistent/icd.json) did not answer',
    );
    expect(result.stderr).not.toMatch(/\n\s+at .*\.js:\d+/);
  });
});
