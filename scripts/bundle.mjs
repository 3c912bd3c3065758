// Bundles the compiled CLI and library (dist/src) into dist/bundle: a few files instead of the
// hundreds that chevrotain, lodash-es and protobufjs are made of, so `rnnc check` starts in a fraction of the
// time, and the installed package needs no dependencies. webgpu stays outside: it is optional.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

// Chunks are named by their content hash: a rebuild would leave the old ones beside the new.
rmSync('dist/bundle', { recursive: true, force: true });

await build({
  entryPoints: { rnnc: 'dist/src/cli/bin.js', index: 'dist/src/api/index.js' },
  outdir: 'dist/bundle',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: ['webgpu'],
  // commander and sucrase are CommonJS and require Node's modules.
  banner: {
    js: "import { createRequire as __rnncRequire } from 'node:module'; const require = __rnncRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
