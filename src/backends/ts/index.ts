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
}

export interface TsResult {
  readonly code: string;
  readonly report: { readonly forward: readonly PassReport[]; readonly grad: readonly PassReport[] };
  /** Nodes computed inside another node's loop by elementwise fusion. */
  readonly fused: number;
}

export function compileToTypeScript(model: ModelInfo, options: TsOptions): TsResult {
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
  const torch = options.cells ? torchKeyLayout(model, options.cells) : undefined;
  // Elementwise fusion is the generator's own: on from -O1, unless turned off by name.
  const fuseElementwise = options.level >= 1 && !options.disable?.has('elementwise-fusion');
  const { code, fused } = emitModule({
    fuseElementwise,
    model,
    sizes: options.sizes,
    dtype: options.dtype,
    forward: forward.graph,
    ...(backward ? { grad: backward.graph } : {}),
    source: options.source,
    level: options.level,
    ...(torch ? { torch } : {}),
  });
  return { code, fused, report: { forward: forward.report, grad: backward?.report ?? [] } };
}
