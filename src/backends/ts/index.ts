/** The TypeScript backend: a model → one standalone .ts module. */
import { grad } from '../../ad/grad.js';
import { withOutputLoss } from '../../ad/probe.js';
import type { ModelInfo } from '../../frontend/model.js';
import { keepOutputs } from '../../ir/prune.js';
import { type OptLevel, optimize, type PassReport } from '../../passes/pipeline.js';
import { emitModule } from './module.js';
import type { CellInfo } from '../../frontend/cell.js';
import { torchKeyLayout } from '../../weights/torch.js';

export interface TsOptions {
  readonly level: OptLevel;
  readonly dtype: 'f32' | 'f64';
  readonly sizes: Readonly<Record<string, number>>;
  readonly disable?: ReadonlySet<string>;
  readonly source: { readonly file: string; readonly text: string };
  readonly truncate?: number;
  readonly remat?: boolean;
  /** The program's cells, to give standard cells PyTorch's weight layout (fromTorch/toTorch). */
  readonly cells?: ReadonlyMap<string, CellInfo>;
  /** GEMMs as WebAssembly SIMD kernels (the default; f32 only) or scalar TypeScript loops. */
  readonly cpu?: 'scalar' | 'simd';
  /** Sequences at the module's boundary: `[T][B][…]` (the default) or `[B][T][…]`. */
  readonly layout?: 'time-major' | 'batch-major';
}

export interface TsResult {
  readonly code: string;
  /** The WebAssembly SIMD kernels as text (absent on the scalar path and for f64). */
  readonly wat?: string;
  /** The WebAssembly SIMD kernels' names and size in bytes (absent on the scalar path and for f64). */
  readonly kernels?: { readonly names: readonly string[]; readonly bytes: number };
  readonly report: { readonly forward: readonly PassReport[]; readonly grad: readonly PassReport[] };
  /** Nodes computed inside another node's loop by elementwise fusion. */
  readonly fused: number;
  /** Bytes the forward and grad functions allocate per call, by size term, without and with buffer planning. */
  readonly memory: { readonly unplanned: ReadonlyMap<string, number>; readonly planned: ReadonlyMap<string, number> };
}

/** A byte count by size term as an expression: `4 * (T_T * B * 120 + B * 40 + 1500)` bytes, written out. */
export function formatBytes(terms: ReadonlyMap<string, number>): string {
  const parts = [...terms.entries()]
    .sort(([a], [b]) => b.length - a.length)
    .map(([term, bytes]) => (term === '1' ? `${bytes}` : `${bytes}·${term.replace(/ \* /g, '·')}`));
  return parts.length > 0 ? `${parts.join(' + ')} bytes` : '0 bytes';
}

/** The optimized forward graph (no loss) and gradient graph of a model, as every backend starts from them. */
export function optimizedGraphs(
  model: ModelInfo,
  options: Pick<TsOptions, 'level' | 'disable' | 'truncate' | 'remat'>,
): { forward: ReturnType<typeof optimize>; backward: ReturnType<typeof optimize> | undefined } {
  const opt = { level: options.level, ...(options.disable ? { disable: options.disable } : {}) };
  const forward = optimize(
    keepOutputs(model.graph, (o) => o.role !== 'loss'),
    opt,
  );
  // A lone cell has no loss: its grad is a vector–Jacobian product with the output's cotangent `d:<output>`.
  const lossGraph = model.hasLoss ? model.graph : model.implicit ? withOutputLoss(model.graph) : undefined;
  const backward = lossGraph
    ? optimize(
        grad(lossGraph, {
          ...(options.truncate !== undefined ? { truncate: options.truncate } : {}),
          ...(options.remat ? { remat: true } : {}),
        }).graph,
        opt,
      )
    : undefined;
  return { forward, backward };
}

export function compileToTypeScript(model: ModelInfo, options: TsOptions): TsResult {
  const { forward, backward } = optimizedGraphs(model, options);
  const torch = options.cells ? torchKeyLayout(model, options.cells) : undefined;
  // Elementwise fusion is the generator's own: on from -O1, unless turned off by name.
  const fuseElementwise = options.level >= 1 && !options.disable?.has('elementwise-fusion');
  // So is buffer planning: a dead value's buffer serves the next value of its size.
  const planBuffers = options.level >= 1 && !options.disable?.has('buffer-planning');
  const { code, fused, memory, wat, kernels } = emitModule({
    cpu: options.cpu ?? 'simd',
    fuseElementwise,
    planBuffers,
    model,
    sizes: options.sizes,
    dtype: options.dtype,
    forward: forward.graph,
    ...(backward ? { grad: backward.graph } : {}),
    source: options.source,
    level: options.level,
    ...(torch ? { torch } : {}),
    ...(options.layout ? { layout: options.layout } : {}),
  });
  return {
    code,
    fused,
    memory,
    ...(wat !== undefined ? { wat } : {}),
    ...(kernels !== undefined ? { kernels } : {}),
    report: { forward: forward.report, grad: backward?.report ?? [] },
  };
}
