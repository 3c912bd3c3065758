/**
 * What the page asks of its workers and what comes back. The page runs two copies of the same
 * worker: one compiles as the source is typed (check, graph, code, costs), the other runs and
 * trains, so a training run never delays a diagnostic.
 */
import type { CostResult } from '../../src/api/costs.js';
import type { GradcheckResult } from '../../src/api/gradcheck.js';
import type { DiagnosticData } from '../../src/diagnostics.js';

/** A model (or lone cell) of the source and its sizes with their defaults. */
export interface ModelEntry {
  readonly name: string;
  readonly kind: 'model' | 'cell';
  readonly sizes: readonly { readonly name: string; readonly default?: number }[];
}

export interface CheckReply {
  readonly ok: boolean;
  readonly diagnostics: readonly DiagnosticData[];
  readonly models: readonly ModelEntry[];
  /** The passes a setting may turn off. */
  readonly passes: readonly string[];
  /** How long the check took in the worker. */
  readonly ms: number;
}

/** Which model and at what sizes: every request that compiles names them. */
export interface Choice {
  readonly source: string;
  readonly model: string;
  readonly sizes: Readonly<Record<string, number>>;
}

export type GraphView = 'step' | 'unrolled' | 'backward';

export interface GraphReply {
  readonly svg: string;
  /** The IR as `graph` returns it, for what a click on a node shows. */
  readonly ir: unknown;
  readonly notes: readonly string[];
  readonly ms: number;
}

/** A compile setting: what the code view shows on each side. */
export interface Setting {
  readonly target: 'ts' | 'js' | 'wgsl';
  readonly level: 0 | 1 | 2;
  readonly disable: readonly string[];
}

export interface CodeReply {
  readonly files: Readonly<Record<string, string>>;
  readonly main: string;
  readonly summary: readonly string[];
  readonly explain: readonly string[];
  readonly costs: CostResult;
  readonly ms: number;
}

export type Backend = 'wasm' | 'webgpu';

export interface ForwardRequest extends Choice {
  readonly backend: Backend;
  readonly steps: number;
  readonly batch: number;
  /** Inputs by name as nested time-major arrays; random ones (seeded) where absent. */
  readonly inputs?: Readonly<Record<string, unknown>>;
  readonly seed: number;
  readonly calls: number;
  /** WebAssembly: threads to split the GEMMs over (1 runs on the worker alone). */
  readonly threads: number;
}

export interface ForwardReply {
  /** What ran: the kernels and where. */
  readonly ran: string;
  readonly msPerCall: number;
  readonly msRange: readonly [number, number];
  readonly outputs: Readonly<Record<string, { readonly shape: readonly number[]; readonly data: readonly number[] }>>;
  /** The interpreter's outputs (f64) on the same params and inputs, and the largest relative difference. */
  readonly interpreter: Readonly<Record<string, readonly number[]>>;
  readonly maxRelativeDifference: number;
}

export type TaskName = 'adding' | 'sums';

export interface TrainRequest {
  /** One run, or two trained in turns (the compare view). */
  readonly runs: readonly Choice[];
  readonly task: TaskName;
  readonly steps: number;
  readonly batch: number;
  readonly sequence: number;
  readonly learningRate: number;
  readonly seed: number;
}

/** Sent as training goes: each run's losses since the last report, and its step times. */
export interface TrainProgress {
  readonly run: number;
  readonly step: number;
  readonly losses: readonly number[];
  readonly msPerStep: number;
  /** ‖∂L/∂x_t‖ averaged over the batch, for each step t of the input sequence. */
  readonly gradientFlow?: readonly number[];
}

export interface TrainReply {
  readonly description: string;
  readonly runs: readonly { readonly model: string; readonly finalLoss: number; readonly medianMsPerStep: number }[];
  readonly stopped: boolean;
}

export interface Requests {
  check: { readonly source: string };
  graph: Choice & { readonly view: GraphView; readonly unroll: number; readonly direction: 'TB' | 'LR' };
  code: Choice & { readonly setting: Setting };
  download: Choice & { readonly target: 'js' | 'wgsl' };
  forward: ForwardRequest;
  gradcheck: Choice;
  train: TrainRequest;
  stop: Record<string, never>;
}

export interface Replies {
  check: CheckReply;
  graph: GraphReply;
  code: CodeReply;
  download: { readonly files: Readonly<Record<string, string>> };
  forward: ForwardReply;
  gradcheck: GradcheckResult;
  train: TrainReply;
  stop: { readonly stopped: boolean };
}

export type Kind = keyof Requests;

export interface RequestMessage<K extends Kind = Kind> {
  readonly id: number;
  readonly kind: K;
  readonly args: Requests[K];
}

/** A mistake in the source (with its diagnostics) or in a request, as text a person reads. */
export interface ErrorData {
  readonly message: string;
  readonly diagnostics?: readonly DiagnosticData[];
}

export type ReplyMessage =
  | { readonly id: number; readonly ok: true; readonly value: unknown }
  | { readonly id: number; readonly ok: false; readonly error: ErrorData }
  | { readonly id: number; readonly progress: TrainProgress };
