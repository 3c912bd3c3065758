/**
 * The playground's worker: the rnnc library, bundled for the browser, answering the page's
 * requests (protocol.ts). The page runs two of these: one compiles as the source is typed, the
 * other runs forward passes, gradient checks and training, so neither waits for the other.
 */
import { instance as graphviz, type Viz } from '@viz-js/viz';
import { compile } from '../../src/api/compile.js';
import { costs } from '../../src/api/costs.js';
import { gradcheck } from '../../src/api/gradcheck.js';
import { backwardGraph, graph, type GraphResult } from '../../src/api/graph.js';
import { check } from '../../src/api/program.js';
import { SourceError, UserError } from '../../src/diagnostics.js';
import { passNames } from '../../src/passes/pipeline.js';
import type { ErrorData, Kind, ReplyMessage, RequestMessage, Replies, Requests, TrainProgress } from './protocol.js';
import { runForward } from './forward.js';
import { train } from './train.js';

let viz: Viz | undefined;

const file = 'cell.rnn';
const timed = <T>(work: () => T): [T, number] => {
  const start = performance.now();
  const value = work();
  return [value, performance.now() - start];
};

/** A request being answered may send progress (training) and watch for a stop. */
export interface Context {
  progress(p: TrainProgress): void;
  stopped(): boolean;
}

let stopRequested = false;

const handlers: { [K in Kind]: (args: Requests[K], context: Context) => Promise<Replies[K]> | Replies[K] } = {
  check({ source }) {
    const [result, ms] = timed(() => check(source, { file }));
    const program = result.program;
    const entries = program
      ? [
          ...program.models.map((m) => ({ name: m.name, kind: 'model' as const, sizes: m.sizes })),
          ...program.cells.map((c) => ({ name: c.name, kind: 'cell' as const, sizes: c.sizes })),
        ]
      : [];
    return {
      ok: result.ok,
      diagnostics: result.diagnostics,
      models: entries.map((e) => ({
        name: e.name,
        kind: e.kind,
        sizes: e.sizes.map((s) => ({ name: s.name, ...(s.default !== undefined ? { default: s.default } : {}) })),
      })),
      passes: [...passNames(), 'elementwise-fusion', 'buffer-planning'],
      ms,
    };
  },

  async graph({ source, model, sizes, view, unroll, direction }) {
    viz ??= await graphviz();
    const start = performance.now();
    const options = { file, model, sizes };
    let result: GraphResult;
    let notes: string[] = [];
    if (view === 'backward') {
      const backward = backwardGraph(source, options);
      result = backward;
      notes = [...backward.notes, backward.saved];
    } else result = graph(source, { ...options, ...(view === 'unrolled' ? { unroll } : {}) });
    // The DOT says rankdir=TB; a wide graph (many params side by side) may read better left to right.
    const svg = viz.renderString(result.dot.replace(/\brankdir=TB\b/, `rankdir=${direction === 'LR' ? 'LR' : 'TB'}`), {
      format: 'svg',
    });
    return { svg, ir: result.ir, notes, ms: performance.now() - start };
  },

  code({ source, model, sizes, setting }) {
    const start = performance.now();
    const options = { file, model, sizes, level: setting.level, disable: setting.disable };
    const result = compile(source, { ...options, target: setting.target });
    return {
      files: result.files,
      main: result.main,
      summary: result.summary,
      explain: result.explain,
      costs: costs(source, options),
      ms: performance.now() - start,
    };
  },

  download({ source, model, sizes, target }) {
    return { files: compile(source, { file, model, sizes, target, host: 'js' }).files };
  },

  forward: (args) => runForward(args),

  gradcheck({ source, model, sizes }) {
    return gradcheck(source, { file, model, sizes });
  },

  train: (args, context) => train(args, context),

  stop() {
    stopRequested = true;
    return { stopped: true };
  },
};

function errorData(e: unknown): ErrorData {
  if (e instanceof SourceError) return { message: e.message, diagnostics: e.diagnostics };
  if (e instanceof UserError) return { message: e.message };
  // The generated module's own checks say `rnnc model: …`; anything else is a bug worth its stack.
  const error = e as Error;
  return { message: error.message.startsWith('rnnc model: ') ? error.message : String(error.stack ?? error) };
}

const post = (message: ReplyMessage) => (self as unknown as Worker).postMessage(message);

self.onmessage = async (event: MessageEvent<RequestMessage>) => {
  const { id, kind, args } = event.data;
  if (kind !== 'stop') stopRequested = false;
  const context: Context = {
    progress: (progress) => post({ id, progress }),
    stopped: () => stopRequested,
  };
  try {
    const handler = handlers[kind] as (a: typeof args, c: Context) => unknown;
    post({ id, ok: true, value: await handler(args, context) });
  } catch (e) {
    post({ id, ok: false, error: errorData(e) });
  }
};
