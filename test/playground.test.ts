/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * The playground in a real browser: `scripts/playground.mjs` builds it, serves it with the
 * cross-origin isolation headers, and headless Chromium (Debian's, driven by puppeteer-core)
 * uses it as a person would: types a syntax error and sees it at its line, fixes it and sees the
 * graph, clicks a node, compares generated TypeScript with WGSL, runs forward on WebAssembly and
 * WebGPU against the interpreter, trains the adding problem, compares two cells, downloads the
 * module and opens a shared link. Each state's screenshot is kept under .test-output/playground/.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../src/api/run.js';
import { encodeState } from '../playground/src/share.js';
import { examplesDir, maxRelativeError } from './helpers/compile.js';
import { launchChromium } from './helpers/browser.js';
import { onlyInFullSuite } from './helpers/matrix.js';
import { command } from './helpers/process.js';

const folder = new URL('../.test-output/playground/', import.meta.url).pathname;
const downloads = join(folder, 'downloads');
const adding = readFileSync(new URL('adding.rnn', examplesDir), 'utf8');

let server: Server;
let browser: Browser;
let origin = '';
let page: Page;

/** Numbers the page reports as data attributes once a view is ready. */
const data = (selector: string, key: string) =>
  page.$eval(selector, (el, k) => (el as HTMLElement).dataset[k as string] ?? '', key);

async function shot(name: string): Promise<void> {
  const path = join(folder, `${name}.png`);
  await page.screenshot({ path });
  // Non-blank: a PNG of a rendered page is tens of kilobytes; a blank one compresses to a few.
  expect(readFileSync(path).length).toBeGreaterThan(20_000);
}

async function checks(): Promise<number> {
  return Number((await data('#status', 'checks')) || 0);
}

/** Waits for the check after `action`, and for the view it refreshes. */
async function afterCheck(action: () => Promise<void>): Promise<void> {
  const before = await checks();
  await action();
  await page.waitForFunction(
    (n) => Number((document.getElementById('status') as HTMLElement).dataset.checks ?? 0) > n,
    {},
    before,
  );
}

async function openTab(name: string): Promise<void> {
  await page.click(`#tabs button[data-tab="${name}"]`);
  await page.waitForSelector(`#panel-${name}.active`);
}

async function setValue(selector: string, value: string): Promise<void> {
  await page.$eval(
    selector,
    (el, v) => {
      (el as HTMLInputElement).value = v as string;
      el.dispatchEvent(new Event('change', { bubbles: true }));
    },
    value,
  );
}

/** Goes to line `line` of the editor, at its end. */
async function toLineEnd(line: number): Promise<void> {
  await page.click('.cm-content');
  await page.keyboard.down('Control');
  await page.keyboard.press('Home');
  await page.keyboard.up('Control');
  for (let k = 1; k < line; k++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('End');
}

describe.skipIf(onlyInFullSuite())('the playground in headless Chromium', () => {
  beforeAll(async () => {
    rmSync(folder, { recursive: true, force: true });
    mkdirSync(downloads, { recursive: true });
    const built = await command('node', ['scripts/playground.mjs', '--build-only']);
    expect(built.status, built.stderr).toBe(0);
    const { servePlayground } = await import('../scripts/playground.mjs');
    server = await servePlayground(0);
    origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    browser = await launchChromium();
    page = await browser.newPage();
    // Not puppeteer's 30 s: compiling and SwiftShader on a busy machine take longer than that.
    page.setDefaultTimeout(240_000);
    await page.setViewport({ width: 1400, height: 900 });
    const cdp = await page.createCDPSession();
    await cdp.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: downloads });
    await page.goto(`${origin}/`);
    await page.waitForSelector('#panel-graph[data-ready="true"]');
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    server?.close();
  });

  it('loads with the editor, the adding example and its graph laid out by Graphviz', async () => {
    expect(await page.$('.cm-editor')).not.toBeNull();
    expect(await page.$eval('.cm-content', (el) => el.textContent)).toContain('model AddingLSTM');
    expect(await page.$$eval('#graph svg g.node', (nodes) => nodes.length)).toBeGreaterThan(20);
    expect(await page.$$eval('#graph svg g.cluster', (c) => c.length)).toBeGreaterThan(0);
    expect(await page.$eval('#model', (el) => (el as HTMLSelectElement).value)).toBe('AddingLSTM');
    expect(await page.$eval('body', (el) => el.dataset.ok)).toBe('true');
    // Keywords and primed names are highlighted as the lexer reads them.
    const styles = await page.$$eval('.cm-line span', (spans) =>
      spans.map((s) => [s.textContent, getComputedStyle(s).color]),
    );
    const colour = (text: string) => styles.find(([t]) => t === text)?.[1];
    expect(colour('cell')).toBeDefined();
    expect(colour("h'")).toBeDefined();
    expect(colour('cell')).not.toBe(colour("h'"));
    await shot('loaded');
  });

  it('shows a syntax error at its line as it is typed, and the graph again once it is fixed', async () => {
    const line = adding.split('\n').findIndex((l) => l.includes("h' = o * tanh(c')")) + 1;
    await afterCheck(async () => {
      await toLineEnd(line);
      await page.keyboard.type(')');
    });
    await page.waitForSelector('.cm-lintRange-error');
    expect(await page.$eval('body', (el) => el.dataset.ok)).toBe('false');
    expect(await page.$$eval('#problems li.error', (items) => items.map((li) => Number(li.dataset.line)))).toContain(
      line,
    );
    const marked = await page.$eval('.cm-lintRange-error', (el) => {
      const row = el.closest('.cm-line') as HTMLElement;
      return row.textContent;
    });
    expect(marked).toContain("h' = o * tanh(c'))");
    expect(await page.$eval('#problems', (el) => el.textContent)).toMatch(/cell\.rnn:\d+:\d+ error/);
    await shot('syntax-error');

    await afterCheck(() => page.keyboard.press('Backspace'));
    await page.waitForSelector('#panel-graph[data-ready="true"]');
    expect(await page.$eval('body', (el) => el.dataset.ok)).toBe('true');
    expect(await page.$('.cm-lintRange-error')).toBeNull();
    expect(await page.$$eval('#problems li', (items) => items.length)).toBe(0);
    await shot('fixed');
  });

  it('shows a node’s op, type and source equation when it is clicked', async () => {
    const ids = await page.$$eval('#graph svg g.node title', (titles) => titles.map((t) => t.textContent ?? ''));
    const stepNode = ids.find((id) => /^n\d+_n\d+$/.test(id));
    expect(stepNode).toBeDefined();
    const nodes = await page.$$('#graph svg g.node');
    // A node of the step graph that came from an equation: a matmul.
    let shown = '';
    for (const node of nodes) {
      const title = await node.$eval('title', (t) => t.textContent ?? '');
      const text = await node.evaluate((g) => g.textContent ?? '');
      if (!/_n\d+$/.test(title) || !text.includes('matmul')) continue;
      await node.evaluate((g) => g.dispatchEvent(new MouseEvent('click', { bubbles: true })));
      shown = await page.$eval('#node-details', (el) => el.textContent ?? '');
      break;
    }
    expect(shown).toMatch(/matmul/);
    expect(shown).toMatch(/type/);
    expect(shown).toMatch(/source line \d+: .*@/);
    await shot('node-clicked');
  });

  it('draws the backward graph and the unrolled one', async () => {
    await page.click('input[name="view"][value="backward"]');
    await page.waitForSelector('#panel-graph[data-view="backward"][data-ready="true"]');
    expect(await page.$eval('#graph-notes', (el) => el.textContent)).toContain('saved for the backward pass');
    await shot('backward-graph');
    await page.click('input[name="view"][value="unrolled"]');
    await page.waitForSelector('#panel-graph[data-view="unrolled"][data-ready="true"]');
    expect(await page.$$eval('#graph svg g.cluster', (c) => c.length)).toBe(0);
    await page.click('input[name="view"][value="step"]');
    await page.waitForSelector('#panel-graph[data-view="step"][data-ready="true"]');
  });

  it('shows TypeScript and WGSL side by side, with the costs of each setting', async () => {
    await openTab('code');
    await page.waitForSelector('#panel-code[data-ready="true"]');
    expect(await page.$$eval('.cm-mergeView .cm-editor', (e) => e.length)).toBe(2);
    // -O0 against -O2: the passes changed the code.
    expect(await page.$$eval('.cm-changedLine', (e) => e.length)).toBeGreaterThan(0);
    await page.select('#setting-b .target', 'wgsl');
    await page.waitForSelector('#panel-code[data-ready="true"][data-targets="ts,wgsl"]');
    const right = await page.$eval('.cm-mergeView .cm-merge-b .cm-content', (el) => el.textContent ?? '');
    expect(right).toMatch(/@compute|@group|fn /);
    const costs = await page.$$eval('#costs tr', (rows) =>
      rows.map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent ?? '')),
    );
    const row = (label: string) => costs.find((r) => r[0].startsWith(label));
    expect(row('params')?.[1]).toBe(row('params')?.[2]);
    expect(row('WGSL dispatches per step')?.[2]).toMatch(/\d/);
    expect(Number(row('forward FLOPs per step')?.[2].replace(/,/g, ''))).toBeGreaterThan(0);
    await shot('code-ts-wgsl');
    // A pass turned off on the right: the view recompiles with it off.
    await page.select('#setting-b .target', 'ts');
    await page.waitForSelector('#panel-code[data-ready="true"][data-targets="ts,ts"]');
  });

  it('runs forward on WebAssembly SIMD in a worker, as the interpreter computes', async () => {
    await openTab('run');
    await setValue('#sizes', 'H=16');
    const [T, B] = [7, 3];
    const x = Array.from({ length: T }, (_, t) =>
      Array.from({ length: B }, (_, b) => [Math.fround(Math.sin(t * B + b)), (t + b) % 3 === 0 ? 1 : 0]),
    );
    await page.select('#input-kind', 'pasted');
    await setValue('#pasted', JSON.stringify({ x }));
    await page.click('#run-forward');
    await page.waitForSelector('#run-result[data-ready="forward"], #run-result[data-ready="error"]');
    expect(await page.$eval('#run-result', (el) => el.textContent)).not.toMatch(/error/i);
    const reply = JSON.parse(await data('#run-result', 'result')) as {
      ran: string;
      msPerCall: number;
      outputs: Record<string, { data: number[] }>;
      maxRelativeDifference: number;
    };
    expect(reply.ran).toContain('WebAssembly SIMD');
    // Chromium validates relaxed SIMD: the module loads its kernels with fused multiply-adds.
    expect(reply.ran).toContain('fused multiply-adds');
    expect(reply.msPerCall).toBeGreaterThan(0);
    expect(reply.maxRelativeDifference).toBeLessThan(1e-4);
    const expected = await run(adding, { model: 'AddingLSTM', sizes: { H: 16 }, inputs: { x }, seed: 0 });
    expect(maxRelativeError(reply.outputs.prediction.data, expected.outputs.prediction.data)).toBeLessThan(1e-4);
    await shot('forward-wasm');

    // Two threads: the page is cross-origin isolated, so the module's worker threads start.
    await setValue('#run-threads', '2');
    await page.click('#run-forward');
    await page.waitForSelector('#run-result[data-ready="forward"], #run-result[data-ready="error"]');
    const threaded = JSON.parse(await data('#run-result', 'result')) as typeof reply;
    expect(threaded.ran).toContain('2 threads');
    expect(threaded.outputs.prediction.data).toEqual(reply.outputs.prediction.data);
    await setValue('#run-threads', '1');

    expect(await page.$$eval('#backend option', (o) => o.map((e) => (e as HTMLOptionElement).value))).toContain(
      'webgpu',
    );
    await page.select('#backend', 'webgpu');
    await page.click('#run-forward');
    await page.waitForSelector('#run-result[data-ready="forward"], #run-result[data-ready="error"]');
    expect(await data('#run-result', 'ready')).toBe('forward');
    const gpu = JSON.parse(await data('#run-result', 'result')) as typeof reply;
    expect(gpu.ran).toContain('WebGPU');
    expect(maxRelativeError(gpu.outputs.prediction.data, expected.outputs.prediction.data)).toBeLessThan(1e-4);
    await shot('forward-webgpu');
    await page.select('#backend', 'wasm');
  });

  it('says what is wrong with pasted inputs that are not JSON, name no input, or are ragged', async () => {
    const cases: [string, RegExp][] = [
      ['{"x": [[[1, 0]]', /the pasted inputs are not JSON/],
      ['[1, 2]', /must be a JSON object of each input by name/],
      ['{"y": [[[1, 0]]]}', /the model has no input 'y' \(its inputs are x/],
      ['{"x": [[[1, 0]], [[1]]]}', /input x is ragged/],
    ];
    for (const [text, message] of cases) {
      await setValue('#pasted', text);
      await page.click('#run-forward');
      await page.waitForSelector('#run-result[data-ready="forward"], #run-result[data-ready="error"]');
      expect(await data('#run-result', 'ready'), text).toBe('error');
      expect(await page.$eval('#run-result', (el) => el.textContent), text).toMatch(message);
    }
    await page.select('#input-kind', 'random');
  });

  it('checks the gradients in one click', async () => {
    await setValue('#sizes', 'H=4');
    await page.click('#run-gradcheck');
    await page.waitForSelector('#run-result[data-ready="gradcheck"], #run-result[data-ready="error"]');
    expect(await data('#run-result', 'passed')).toBe('true');
    expect(await page.$eval('#run-result', (el) => el.textContent)).toContain('U_i');
    await shot('gradcheck');
  });

  it('trains 50 steps of the adding problem and the loss falls', async () => {
    await openTab('train');
    await setValue('#sizes', 'H=32');
    await setValue('#train-steps', '50');
    await setValue('#train-sequence', '20');
    await page.click('#train-start');
    await page.waitForSelector('#train-status[data-state="done"], #train-status[data-state="error"]');
    expect(await data('#train-status', 'state')).toBe('done');
    const [losses] = JSON.parse(await data('#train-status', 'losses')) as number[][];
    expect(losses).toHaveLength(50);
    const mean = (l: number[]) => l.reduce((a, b) => a + b, 0) / l.length;
    expect(mean(losses.slice(-10))).toBeLessThan(mean(losses.slice(0, 10)));
    expect(await page.$$eval('#loss-chart canvas, #flow-chart canvas', (c) => c.length)).toBe(2);
    await shot('trained');
  });

  it('trains two cells in turns and shows both loss curves and step times', async () => {
    await openTab('compare');
    await page.select('#compare-a', 'AddingMGU');
    // The right side from a shipped example: a baseline beside the cell being written.
    await page.select('#compare-b-source', 'adding.rnn');
    await page.waitForFunction(() =>
      [...(document.getElementById('compare-b') as HTMLSelectElement).options].some((o) => o.value === 'AddingGRU'),
    );
    await page.select('#compare-b', 'AddingGRU');
    await setValue('#train-steps', '20');
    await page.click('#compare-start');
    await page.waitForSelector('#compare-status[data-state="done"], #compare-status[data-state="error"]');
    expect(await data('#compare-status', 'state')).toBe('done');
    const losses = JSON.parse(await data('#compare-status', 'losses')) as number[][];
    expect(losses.map((l) => l.length)).toEqual([20, 20]);
    const table = await page.$eval('#compare-table', (el) => el.textContent ?? '');
    expect(table).toContain('AddingMGU');
    expect(table).toContain('AddingGRU');
    await shot('compared');
  });

  it('downloads the WGSL kernels with their host', async () => {
    await page.click('#download-wgsl');
    const file = join(downloads, 'AddingLSTM-wgsl.zip');
    for (let k = 0; k < 600 && !existsSync(file); k++) await new Promise((r) => setTimeout(r, 100));
    const names = Object.keys(unzipSync(readFileSync(file)));
    expect(names).toEqual(expect.arrayContaining(['AddingLSTM.js', 'AddingLSTM.d.ts']));
    expect(names.filter((n) => n.endsWith('.wgsl')).length).toBeGreaterThan(3);
  });

  it('downloads the compiled module as .js and .d.ts', async () => {
    await page.click('#download-js');
    const file = join(downloads, 'AddingLSTM-js.zip');
    for (let k = 0; k < 600 && !existsSync(file); k++) await new Promise((r) => setTimeout(r, 100));
    const files = unzipSync(readFileSync(file));
    expect(Object.keys(files).sort()).toEqual(['AddingLSTM.d.ts', 'AddingLSTM.js']);
    expect(new TextDecoder().decode(files['AddingLSTM.js'])).toContain('export function forward');
    expect(readdirSync(downloads)).toContain('AddingLSTM-js.zip');
  });

  it('opens a shared link with its source, model and sizes', async () => {
    const source = readFileSync(new URL('elman.rnn', examplesDir), 'utf8').replace('cell Elman', 'cell SharedElman');
    const fragment = await encodeState({ source, model: 'SharedElman', sizes: 'H=6', tab: 'graph' });
    writeFileSync(join(folder, 'shared-link.txt'), `${origin}/#${fragment}\n`);
    const tab = await browser.newPage();
    tab.setDefaultTimeout(240_000);
    await tab.setViewport({ width: 1400, height: 900 });
    await tab.goto(`${origin}/#${fragment}`);
    await tab.waitForSelector('#panel-graph[data-ready="true"]');
    expect(await tab.$eval('.cm-content', (el) => el.textContent)).toContain('SharedElman');
    expect(await tab.$eval('#model', (el) => (el as HTMLSelectElement).value)).toBe('SharedElman');
    expect(await tab.$eval('#sizes', (el) => (el as HTMLInputElement).value)).toBe('H=6');
    await tab.screenshot({ path: join(folder, 'shared-link.png') });
    await tab.close();
  });

  it('shows a cell, its graph, a clicked node and a mistake at once (the README’s picture)', async () => {
    await openTab('graph');
    await afterCheck(() => page.select('#example', 'elman.rnn').then(() => undefined));
    await page.waitForSelector('#panel-graph[data-ready="true"]');
    const nodes = await page.$$('#graph svg g.node');
    for (const node of nodes)
      if ((await node.evaluate((g) => g.textContent ?? '')).includes('tanh')) {
        await node.evaluate((g) => g.dispatchEvent(new MouseEvent('click', { bubbles: true })));
        break;
      }
    expect(await page.$eval('#node-details', (el) => el.textContent)).toContain('tanh');
    const text = readFileSync(new URL('elman.rnn', examplesDir), 'utf8');
    const line = text.split('\n').findIndex((l) => l.includes('output o =')) + 1;
    await afterCheck(async () => {
      await toLineEnd(line);
      await page.keyboard.type(' * zz');
    });
    await page.waitForSelector('.cm-lintRange-error');
    await shot('readme');
  });

  it('checks each shipped example as it would on a keystroke (times kept with the screenshots)', async () => {
    await openTab('graph');
    const names = await page.$$eval('#example option', (o) =>
      o.map((e) => (e as HTMLOptionElement).value).filter(Boolean),
    );
    expect(names.length).toBeGreaterThan(20);
    const times: Record<string, { check: number; graph: number; code: number }> = {};
    for (const name of names) {
      await afterCheck(() => page.select('#example', name).then(() => undefined));
      expect(await page.$eval('body', (el) => (el as HTMLElement).dataset.ok), name).toBe('true');
      const [check, graph] = [Number(await data('#status', 'checkMs')), Number(await data('#status', 'graphMs'))];
      // The code view, as it compiles once typing pauses: the slower of its two settings.
      await openTab('code');
      await page.waitForSelector('#panel-code[data-ready="true"], #panel-code[data-ready="error"]');
      expect(
        await data('#panel-code', 'ready'),
        `${name}: ${await page.$eval('#code-summary', (e) => e.textContent)}`,
      ).toBe('true');
      times[name] = { check, graph, code: Number(await data('#panel-code', 'ms')) };
      await openTab('graph');
      await page.waitForSelector('#panel-graph[data-ready="true"]');
    }
    writeFileSync(join(folder, 'check-times.json'), `${JSON.stringify(times, null, 2)}\n`);
  });
});
