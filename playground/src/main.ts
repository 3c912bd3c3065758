/**
 * The playground page: the editor on the left; the graph, the generated code, running, training
 * and comparing on the right. Everything rnnc does happens in two workers (worker.ts): one checks
 * and compiles as the source is typed, the other runs and trains.
 */
import { examples } from 'virtual:examples';
import { WorkerClient, WorkerError } from './client.js';
import { createEditor, setText, showDiagnostics } from './editor.js';
import { showGraph, zoomGraph } from './graph-view.js';
import type { Choice, GraphView, ModelEntry } from './protocol.js';
import { decodeState, encodeState, parseSizes } from './share.js';
import { setupCode } from './views/code.js';
import { downloadFiles } from './views/download.js';
import { setupRun } from './views/run.js';
import { setupTrain } from './views/train.js';
import { $, escapeHtml } from './views/dom.js';

const compiler = new WorkerClient(new URL('./worker.js', import.meta.url));
const runner = new WorkerClient(new URL('./worker.js', import.meta.url));

const exampleNames = Object.keys(examples)
  .filter((name) => name.endsWith('.rnn'))
  .sort();
const state = {
  source: '',
  models: [] as readonly ModelEntry[],
  model: '',
  tab: 'graph',
  checks: 0,
  ok: false,
};

function status(text: string, kind: 'info' | 'error' = 'info'): void {
  const el = $('status');
  el.textContent = text;
  el.className = kind;
}

/** Defaults of the model's sizes; a size without one (a lone cell's) gets 8. */
function defaultSizes(entry: ModelEntry | undefined): string {
  return (entry?.sizes ?? []).map((s) => `${s.name}=${s.default ?? 8}`).join(', ');
}

/** The model and sizes every view works on; throws a message when the sizes field cannot be read. */
function choice(): Choice {
  return { source: state.source, model: state.model, sizes: parseSizes(($('sizes') as HTMLInputElement).value) };
}

function fillModels(models: readonly ModelEntry[], wanted?: string): void {
  const select = $('model') as HTMLSelectElement;
  const names = models.map((m) => m.name);
  const keep = wanted && names.includes(wanted) ? wanted : names.includes(state.model) ? state.model : names[0];
  const changed = keep !== state.model || select.options.length !== names.length;
  select.innerHTML = models
    .map((m) => `<option value="${escapeHtml(m.name)}">${m.kind} ${escapeHtml(m.name)}</option>`)
    .join('');
  state.models = models;
  if (keep !== undefined) select.value = keep;
  if (changed && keep !== state.model) {
    state.model = keep ?? '';
    ($('sizes') as HTMLInputElement).value = defaultSizes(models.find((m) => m.name === keep));
  }
  fillModelSelect($('compare-a') as HTMLSelectElement, models, 0);
  if (!($('compare-b-source') as HTMLSelectElement).value)
    fillModelSelect($('compare-b') as HTMLSelectElement, models, 1);
}

/** A menu of models, keeping its choice when it is still there, else the `fallback`-th. */
function fillModelSelect(select: HTMLSelectElement, models: readonly ModelEntry[], fallback: number): void {
  const names = models.map((m) => m.name);
  const previous = select.value;
  select.innerHTML = models
    .map((m) => `<option value="${escapeHtml(m.name)}">${m.kind} ${escapeHtml(m.name)}</option>`)
    .join('');
  select.value = names.includes(previous) ? previous : (names[Math.min(fallback, names.length - 1)] ?? '');
}

/** The right side of the compare view may come from a shipped example: a baseline beside the cell being written. */
const compareSide = { models: [] as readonly ModelEntry[] };
async function compareSourceChanged(): Promise<void> {
  const name = ($('compare-b-source') as HTMLSelectElement).value;
  if (!name) return fillModelSelect($('compare-b') as HTMLSelectElement, state.models, 1);
  const reply = await compiler.call('check', { source: examples[name] });
  compareSide.models = reply.models;
  fillModelSelect($('compare-b') as HTMLSelectElement, reply.models, 0);
}

/** The two runs of the compare view: each model at its defaults, with the page's sizes over those it declares. */
function compareRuns(): Choice[] {
  const page = parseSizes(($('sizes') as HTMLInputElement).value);
  const exampleName = ($('compare-b-source') as HTMLSelectElement).value;
  return (['compare-a', 'compare-b'] as const).map((id) => {
    const fromExample = id === 'compare-b' && exampleName !== '';
    const model = ($(id) as HTMLSelectElement).value;
    const entry = (fromExample ? compareSide.models : state.models).find((m) => m.name === model);
    const sizes = Object.fromEntries((entry?.sizes ?? []).map((s) => [s.name, s.default ?? 8]));
    for (const name of Object.keys(sizes)) if (name in page) sizes[name] = page[name];
    return { source: fromExample ? examples[exampleName] : state.source, model, sizes };
  });
}

function showProblems(
  diagnostics: readonly { severity: string; message: string; line: number; column: number; help?: string }[],
): void {
  $('problems').innerHTML = diagnostics
    .map(
      (d) =>
        `<li class="${d.severity}" data-line="${d.line}"><b>cell.rnn:${d.line}:${d.column}</b> ${d.severity}: ${escapeHtml(d.message)}${d.help ? `<br><i>help: ${escapeHtml(d.help)}</i>` : ''}</li>`,
    )
    .join('');
}

let shareTimer: ReturnType<typeof setTimeout> | undefined;
function keepInUrl(): void {
  clearTimeout(shareTimer);
  shareTimer = setTimeout(async () => {
    const fragment = await encodeState({
      source: state.source,
      model: state.model,
      sizes: ($('sizes') as HTMLInputElement).value,
      tab: state.tab,
    });
    history.replaceState(null, '', `#${fragment}`);
  }, 300);
}

/** The check a keystroke starts; a newer one makes an older one's answer moot. */
let checkSerial = 0;
async function refresh(): Promise<void> {
  const serial = ++checkSerial;
  const reply = await compiler.call('check', { source: state.source });
  if (serial !== checkSerial) return;
  state.ok = reply.ok;
  showDiagnostics(editor, reply.diagnostics);
  showProblems(reply.diagnostics);
  const errors = reply.diagnostics.filter((d) => d.severity === 'error').length;
  status(
    errors > 0
      ? `${errors} error${errors === 1 ? '' : 's'} (checked in ${reply.ms.toFixed(1)} ms)`
      : `checked in ${reply.ms.toFixed(1)} ms`,
    errors > 0 ? 'error' : 'info',
  );
  $('status').dataset.checkMs = reply.ms.toFixed(2);
  document.body.dataset.ok = String(reply.ok);
  if (reply.ok) {
    fillModels(reply.models);
    code.setPasses(reply.passes);
    await showTab(true);
  }
  keepInUrl();
  // Counted once the view the check refreshes is drawn: what a test of a keystroke waits for.
  state.checks++;
  $('status').dataset.checks = String(state.checks);
}

let refreshTimer: ReturnType<typeof setTimeout> | undefined;
function sourceChanged(text: string): void {
  state.source = text;
  clearTimeout(refreshTimer);
  refreshTimer = setTimeout(() => void refresh().catch(reportError), 120);
}

function reportError(e: unknown): void {
  if (e instanceof WorkerError && e.data.diagnostics)
    return status(e.data.diagnostics[0]?.message ?? e.message, 'error');
  status(e instanceof Error ? e.message : String(e), 'error');
}

async function renderGraph(): Promise<void> {
  const view = (document.querySelector('input[name="view"]:checked') as HTMLInputElement).value as GraphView;
  const unroll = Number(($('unroll') as HTMLInputElement).value) || 3;
  const panel = $('panel-graph');
  panel.dataset.ready = 'false';
  const direction = ($('direction') as HTMLSelectElement).value as 'TB' | 'LR';
  const reply = await compiler.call('graph', { ...choice(), view, unroll, direction });
  showGraph($('graph'), $('node-details'), reply, state.source, (span) => {
    const doc = editor.state.doc;
    const line = doc.line(Math.min(span.line, doc.lines));
    editor.dispatch({ selection: { anchor: line.from, head: line.to }, scrollIntoView: true });
  });
  $('graph-notes').textContent = reply.notes.join('\n');
  panel.dataset.ready = 'true';
  panel.dataset.view = view;
  $('status').dataset.graphMs = reply.ms.toFixed(1);
  status(`${$('status').textContent?.replace(/; graph.*$/, '')}; graph in ${reply.ms.toFixed(0)} ms`);
}

/**
 * The code view compiles twice (and its costs compile again): a few hundred ms for the larger
 * examples. While the source is being typed it waits for a pause, so that the next keystroke's
 * check never queues behind it in the compiler worker.
 */
let codeTimer: ReturnType<typeof setTimeout> | undefined;
async function showTab(typing = false): Promise<void> {
  if (!state.ok) return;
  clearTimeout(codeTimer);
  try {
    if (state.tab === 'graph') await renderGraph();
    else if (state.tab === 'code') {
      if (typing) codeTimer = setTimeout(() => void code.render().catch(reportError), 600);
      else await code.render();
    }
  } catch (e) {
    reportError(e);
  }
}

function selectTab(tab: string): void {
  state.tab = tab;
  for (const b of document.querySelectorAll<HTMLButtonElement>('#tabs button'))
    b.classList.toggle('active', b.dataset.tab === tab);
  for (const p of document.querySelectorAll<HTMLElement>('.panel'))
    p.classList.toggle('active', p.id === `panel-${tab}`);
  keepInUrl();
  void showTab();
}

const editor = createEditor($('editor'), '', sourceChanged);
const code = setupCode(compiler, choice, reportError);
setupRun(runner, choice, reportError);
setupTrain(runner, choice, compareRuns, reportError);

async function start(): Promise<void> {
  const exampleSelect = $('example') as HTMLSelectElement;
  exampleSelect.innerHTML = [
    '<option value="">(from the link)</option>',
    ...exampleNames.map((n) => `<option>${escapeHtml(n)}</option>`),
  ].join('');
  let shared;
  try {
    shared = await decodeState(location.hash);
  } catch (e) {
    status(`this link’s source cannot be read (${(e as Error).message}); showing an example`, 'error');
  }
  const text = shared?.source ?? examples['adding.rnn'];
  exampleSelect.value = shared ? '' : 'adding.rnn';
  if (shared?.model) state.model = shared.model;
  if (shared?.sizes !== undefined) ($('sizes') as HTMLInputElement).value = shared.sizes;
  state.source = text;
  setText(editor, text);
  if (shared?.tab) selectTab(shared.tab);
  ($('compare-b-source') as HTMLSelectElement).innerHTML = [
    '<option value="">this source</option>',
    ...exampleNames.map((n) => `<option>${escapeHtml(n)}</option>`),
  ].join('');
  $('compare-b-source').addEventListener('change', () => void compareSourceChanged().catch(reportError));
  exampleSelect.addEventListener('change', () => {
    if (!exampleSelect.value) return;
    state.model = '';
    setText(editor, examples[exampleSelect.value]);
  });
  $('model').addEventListener('change', () => {
    state.model = ($('model') as HTMLSelectElement).value;
    ($('sizes') as HTMLInputElement).value = defaultSizes(state.models.find((m) => m.name === state.model));
    keepInUrl();
    void showTab();
  });
  $('sizes').addEventListener('change', () => {
    keepInUrl();
    void showTab();
  });
  for (const b of document.querySelectorAll<HTMLButtonElement>('#tabs button'))
    b.addEventListener('click', () => selectTab(b.dataset.tab as string));
  $('zoom').addEventListener('change', () => zoomGraph($('graph'), ($('zoom') as HTMLSelectElement).value));
  for (const input of document.querySelectorAll<HTMLInputElement>('input[name="view"], #unroll, #direction'))
    input.addEventListener('change', () => void renderGraph().catch(reportError));
  $('share').addEventListener('click', async () => {
    const url = `${location.origin}${location.pathname}#${await encodeState({ source: state.source, model: state.model, sizes: ($('sizes') as HTMLInputElement).value, tab: state.tab })}`;
    history.replaceState(null, '', url);
    try {
      await navigator.clipboard.writeText(url);
      status('link copied: it reproduces this source, model and sizes');
    } catch {
      status('the link is in the address bar: it reproduces this source, model and sizes');
    }
    $('share').dataset.url = url;
  });
  for (const target of ['js', 'wgsl'] as const)
    $(`download-${target}`).addEventListener('click', async () => {
      try {
        const { files } = await compiler.call('download', { ...choice(), target });
        downloadFiles(`${state.model}-${target}.zip`, files);
      } catch (e) {
        reportError(e);
      }
    });
  await refresh();
}

void start().catch(reportError);
