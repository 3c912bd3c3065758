// Builds the playground (playground/) into dist/playground/ with esbuild, then serves it on
// 127.0.0.1 with the cross-origin isolation headers that a module's worker threads need.
//   node scripts/playground.mjs [--build-only] [--port N]
// The page and its worker are static files: any static host serves dist/playground/ as it is.
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = join(root, 'dist/playground');
const args = process.argv.slice(2);
const buildOnly = args.includes('--build-only');
const portIndex = args.indexOf('--port');
const port = portIndex >= 0 ? Number(args[portIndex + 1]) : 8080;

/** The shipped examples and the data the tasks read, as one module of texts. */
function examplesModule() {
  const texts = {};
  for (const name of readdirSync(join(root, 'examples')).sort())
    if (name.endsWith('.rnn')) texts[name] = readFileSync(join(root, 'examples', name), 'utf8');
  texts['data/sums.jsonl'] = readFileSync(join(root, 'examples/data/sums.jsonl'), 'utf8');
  return `export const examples = ${JSON.stringify(texts)};`;
}

/**
 * The browser has no file system: the WGSL host's runtime text (read from disk in Node,
 * src/backends/wgsl/runtime-source.ts) is built in, and a Node module anywhere else is an error.
 */
const browserPlugin = {
  name: 'rnnc-browser',
  setup(b) {
    b.onResolve({ filter: /^virtual:examples$/ }, () => ({ path: 'examples', namespace: 'rnnc-virtual' }));
    b.onLoad({ filter: /.*/, namespace: 'rnnc-virtual' }, () => ({ contents: examplesModule(), loader: 'js' }));
    b.onResolve({ filter: /runtime-source\.js$/ }, () => ({ path: 'runtime-source', namespace: 'rnnc-runtime' }));
    b.onLoad({ filter: /.*/, namespace: 'rnnc-runtime' }, () => ({
      contents: `export function runtimeSource() { return ${JSON.stringify(
        readFileSync(join(root, 'src/backends/wgsl/runtime.ts'), 'utf8'),
      )}; }`,
      loader: 'js',
    }));
    b.onResolve({ filter: /^node:/ }, (a) => ({
      errors: [{ text: `${a.path} is imported by ${relative(root, a.importer)}: the playground runs in a browser` }],
    }));
  },
};

export async function buildPlayground() {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const started = performance.now();
  await build({
    absWorkingDir: root,
    entryPoints: { main: 'playground/src/main.ts', worker: 'playground/src/worker.ts' },
    outdir: out,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    legalComments: 'linked',
    plugins: [browserPlugin],
    logLevel: 'warning',
  });
  copyFileSync(join(root, 'playground/index.html'), join(out, 'index.html'));
  copyFileSync(join(root, 'playground/style.css'), join(out, 'style.css'));
  copyFileSync(join(root, 'node_modules/uplot/dist/uPlot.min.css'), join(out, 'uPlot.min.css'));
  const bytes = readdirSync(out).reduce((n, f) => n + statSync(join(out, f)).size, 0);
  console.log(
    `built the playground into ${relative(process.cwd(), out) || '.'} (${(bytes / 1e6).toFixed(1)} MB) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
}

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/** Serves dist/playground/ with the headers that make the page cross-origin isolated. */
export function servePlayground(listenPort) {
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    const file = normalize(join(out, path === '/' ? 'index.html' : path));
    response.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
    response.setHeader('Cross-Origin-Embedder-Policy', 'require-corp');
    if (!file.startsWith(out) || !statSync(file, { throwIfNoEntry: false })?.isFile()) {
      response.statusCode = 404;
      response.end('not found');
      return;
    }
    response.setHeader('Content-Type', types[extname(file)] ?? 'application/octet-stream');
    response.end(readFileSync(file));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(listenPort, '127.0.0.1', () => resolve(server));
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === normalize(process.argv[1])) {
  try {
    await buildPlayground();
  } catch (e) {
    console.error(`rnnc playground: the build failed: ${e.message}`);
    process.exit(1);
  }
  if (!buildOnly) {
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      console.error(`rnnc playground: --port takes a port number, got '${args[portIndex + 1]}'`);
      process.exit(1);
    }
    try {
      const server = await servePlayground(port);
      console.log(`the playground is at http://127.0.0.1:${server.address().port}/ (Ctrl-C stops it)`);
    } catch (e) {
      console.error(`rnnc playground: cannot listen on 127.0.0.1:${port}: ${e.message}`);
      process.exit(1);
    }
  }
}
