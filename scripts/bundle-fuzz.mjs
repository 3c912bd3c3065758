// Bundles the fuzzer (test/fuzz) into dist/fuzz: its driver, and the worker threads that put
// each source through rnnc's stages, straight from the TypeScript sources.
import { build } from 'esbuild';

await build({
  entryPoints: { main: 'test/fuzz/main.ts', worker: 'test/fuzz/worker.ts' },
  outdir: 'dist/fuzz',
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: ['webgpu', 'typescript', 'fast-check', 'onnxruntime-node'],
  banner: {
    js: "import { createRequire as __rnncRequire } from 'node:module'; const require = __rnncRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
