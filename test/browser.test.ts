/**
 * A compiled model in a real browser: headless Chromium (Debian's `chromium`, driven by
 * puppeteer-core) loads `rnnc compile --target js` output from a page served with the
 * cross-origin isolation headers threads need, and runs it three ways — WebAssembly SIMD on the
 * page's main thread, two threads, and the WGSL host on Chromium's WebGPU — each checked against
 * the interpreter. Each page's screenshot is kept under .test-output/browser/.
 */
import { createServer, type Server } from 'node:http';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compile } from '../src/api/compile.js';
import { run } from '../src/api/run.js';
import { launchChromium } from './helpers/browser.js';
import { examplesDir, maxRelativeError } from './helpers/compile.js';

const folder = new URL('../.test-output/browser/', import.meta.url).pathname;
mkdirSync(folder, { recursive: true });
const lstm = readFileSync(new URL('lstm.rnn', examplesDir), 'utf8');
const [T, B, I] = [6, 128, 3];
// Large enough that two threads split the work (at H = 5 one thread does it all).
const sizes = { H: 64 };
const x = Array.from({ length: T * B * I }, (_, k) => Math.fround(Math.sin(k + 1)));

/** The page: runs one scenario, shows what ran in a table, and leaves the result on window. */
const page = `<!doctype html>
<meta charset="utf-8">
<title>rnnc in the browser</title>
<style>body { font: 15px sans-serif; margin: 24px } td, th { border: 1px solid #bbb; padding: 4px 10px; text-align: left }</style>
<h1>rnnc: examples/lstm.rnn (H = 64) in the browser</h1>
<table id="facts"></table>
<script type="module">
  const scenario = new URLSearchParams(location.search).get('scenario');
  const x = { data: Float32Array.from(${JSON.stringify(x)}), shape: [${T}, ${B}, ${I}] };
  const facts = { scenario, crossOriginIsolated: self.crossOriginIsolated };
  try {
    if (scenario === 'wgsl') {
      const host = await import('./lstm-host.js');
      const model = await host.createModel();
      facts.adapter = model.adapter;
      const { outputs } = await model.forward(host.init(0), { x });
      facts.output = Array.from(outputs.output.data);
    } else {
      const m = await import('./lstm.js');
      facts.kernels = m.cpu;
      if (scenario === 'threads') facts.threads = await m.setThreads(2);
      const { outputs } = m.forward(m.init(0), { x });
      facts.output = Array.from(outputs.output.data);
      // Shares handed to the worker: run by it, or taken back by this thread if the worker had not started them.
      const info = m.threadInfo();
      facts.postedJobs = info.workerJobs + info.keptJobs;
      if (scenario === 'threads') await m.setThreads(1);
    }
  } catch (e) {
    facts.error = String(e && e.stack || e);
  }
  const rows = Object.entries({ ...facts, output: facts.output && facts.output.slice(0, 4).map((v) => v.toFixed(5)).join(' ') + ' …' });
  document.getElementById('facts').innerHTML = rows.map(([k, v]) => '<tr><th>' + k + '</th><td>' + v + '</td></tr>').join('');
  window.rnncResult = facts;
</script>
`;

let server: Server;
let browser: Browser;
let origin = '';

beforeAll(async () => {
  const files: Record<string, string> = {
    'index.html': page,
    'lstm.js': compile(lstm, { target: 'js', sizes }).files['LSTM.js'],
    'lstm-host.js': compile(lstm, { target: 'wgsl', host: 'js', sizes }).files['LSTM.js'],
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(join(folder, name), text);
  server = createServer((request, response) => {
    const name = new URL(request.url ?? '/', 'http://localhost').pathname.slice(1) || 'index.html';
    const text = files[name];
    // Cross-origin isolation: what SharedArrayBuffer, and so the module's worker threads, need.
    response.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
    response.setHeader('Cross-Origin-Embedder-Policy', 'require-corp');
    response.statusCode = text === undefined ? 404 : 200;
    response.setHeader('Content-Type', name.endsWith('.js') ? 'text/javascript' : 'text/html');
    response.end(text ?? 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  browser = await launchChromium();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  server?.close();
});

interface Facts {
  readonly scenario: string;
  readonly crossOriginIsolated: boolean;
  readonly kernels?: string;
  readonly threads?: number;
  readonly postedJobs?: number;
  readonly adapter?: string;
  readonly output?: number[];
  readonly error?: string;
}

async function scenario(name: string): Promise<Facts> {
  const tab = await browser.newPage();
  // Not puppeteer's 30 s: SwiftShader on a busy machine takes longer than that.
  tab.setDefaultTimeout(240_000);
  try {
    await tab.goto(`${origin}/index.html?scenario=${name}`);
    await tab.waitForFunction('window.rnncResult !== undefined');
    await tab.screenshot({ path: join(folder, `${name}.png`) });
    return (await tab.evaluate('window.rnncResult')) as Facts;
  } finally {
    await tab.close();
  }
}

async function interpreterOutput(): Promise<number[]> {
  const nested = Array.from({ length: T }, (_, t) =>
    Array.from({ length: B }, (_, b) => x.slice((t * B + b) * I, (t * B + b + 1) * I)),
  );
  const result = await run(lstm, { inputs: { x: nested }, seed: 0, sizes });
  return Array.from(result.outputs.output.data);
}

describe('a compiled model in headless Chromium', () => {
  it('runs its WebAssembly SIMD kernels on the page’s main thread, as the interpreter computes', async () => {
    const facts = await scenario('simd');
    expect(facts.error).toBeUndefined();
    expect(facts.kernels).toBe('simd');
    expect(maxRelativeError(facts.output ?? [], await interpreterOutput())).toBeLessThan(1e-4);
  }, 300_000);

  it('runs on two threads in a cross-origin isolated page, giving the one thread’s results', async () => {
    const [one, two] = [await scenario('simd'), await scenario('threads')];
    expect(two.error).toBeUndefined();
    expect(two.crossOriginIsolated).toBe(true);
    expect(two.threads).toBe(2);
    expect(two.postedJobs).toBeGreaterThan(0);
    expect(two.output).toEqual(one.output);
  }, 300_000);

  it('runs the WGSL host on Chromium’s WebGPU, as the interpreter computes', async () => {
    const facts = await scenario('wgsl');
    expect(facts.error).toBeUndefined();
    expect(facts.adapter).toBeTruthy();
    expect(maxRelativeError(facts.output ?? [], await interpreterOutput())).toBeLessThan(1e-4);
  }, 300_000);
});
