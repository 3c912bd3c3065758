/** Symbolic gradients against finite differences in f64, as data. */
import { type CheckRow, gradcheckModel } from '../ad/check.js';
import { UserError } from '../diagnostics.js';
import {
  chooseModel,
  type ModelChoice,
  programOf,
  type ProgramSource,
  type SourceOptions,
  withGradErrors,
} from './program.js';
import { checkSeed, stepsByAxis } from './run.js';

export type { CheckRow };

export interface GradcheckOptions extends SourceOptions, ModelChoice {
  /** Sequence length: one for every time axis, or one per axis. Default 5. */
  readonly steps?: number | Readonly<Record<string, number>>;
  /** Default 2. */
  readonly batch?: number;
  /** Seed of params, data and directions (default 0). */
  readonly seed?: number;
  /** Largest relative error accepted (default 1e-6). */
  readonly tolerance?: number;
  /** Coordinates checked one by one per param, all when fewer (default 8). */
  readonly coordinates?: number;
  /** Check the rematerializing backward pass. */
  readonly remat?: boolean;
  /** Start states from their declared values instead of random ones (their gradients go unchecked). */
  readonly declaredStates?: boolean;
  /** A model with dropout is checked in train mode (the default: masks drawn from the seed) or eval mode. */
  readonly mode?: 'train' | 'eval';
}

export interface GradcheckResult {
  readonly model: string;
  readonly steps: Readonly<Record<string, number>>;
  readonly batch: number;
  readonly seed: number;
  readonly loss: number;
  /** A lone cell has no loss: it is checked under sum(output ⊙ R). */
  readonly probe: boolean;
  /** One row per param, input and initial state: the worst relative errors found. */
  readonly rows: readonly CheckRow[];
  readonly worst: number;
  readonly tolerance: number;
  readonly passed: boolean;
}

export function gradcheck(source: ProgramSource, options: GradcheckOptions = {}): GradcheckResult {
  const program = programOf(source, options);
  const { model, sizes } = chooseModel(program, options);
  const tolerance = options.tolerance ?? 1e-6;
  if (!(tolerance > 0)) throw new UserError(`the tolerance must be a positive number, got ${tolerance}`);
  const steps = stepsByAxis(model, options.steps);
  const batch = options.batch ?? 2;
  if (!Number.isInteger(batch) || batch <= 0)
    throw new UserError(`batch must be a positive whole number, got ${batch}`);
  const coordinates = options.coordinates ?? 8;
  if (!Number.isInteger(coordinates) || coordinates <= 0)
    throw new UserError(`coordinates must be a positive whole number, got ${coordinates}`);
  const seed = checkSeed(options.seed ?? 0);
  const { rows, loss, probe } = withGradErrors(program, () =>
    gradcheckModel(model, {
      steps,
      batch,
      seed,
      coordinates,
      remat: options.remat ?? false,
      declaredStates: options.declaredStates ?? false,
      mode: options.mode ?? 'train',
      sizes,
    }),
  );
  const worst = Math.max(...rows.map((r) => Math.max(r.coordinateError, r.directionError)));
  return { model: model.name, steps, batch, seed, loss, probe, rows, worst, tolerance, passed: worst <= tolerance };
}
