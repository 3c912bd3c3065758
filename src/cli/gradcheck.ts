/** `rnnc gradcheck`: symbolic gradients against finite differences, with a non-zero exit above tolerance. */
import { gradcheckModel } from '../ad/check.js';
import { UserError } from '../diagnostics.js';
import { type Program, selectModel } from '../frontend/program.js';
import { parseSizes } from './load.js';
import { parseCount, parseSeed, parseSteps } from './run.js';

export interface GradcheckFlags {
  model?: string;
  steps: string;
  batch: string;
  seed: string;
  tolerance: string;
  coordinates: string;
  remat?: boolean;
  size: string[];
}

/** Runs the check and prints its table; returns whether every error is within tolerance. */
export function gradcheckCommand(program: Program, flags: GradcheckFlags, out: (text: string) => void): boolean {
  const model = selectModel(program, flags.model);
  const tolerance = Number(flags.tolerance);
  if (!(tolerance > 0)) throw new UserError(`--tolerance must be a positive number, got '${flags.tolerance}'`);
  const steps = parseSteps(flags.steps, model);
  const batch = parseCount(flags.batch, '--batch');
  const seed = parseSeed(flags.seed);
  const { rows, loss, probe } = gradcheckModel(model, {
    steps,
    batch,
    seed,
    coordinates: parseCount(flags.coordinates, '--coordinates'),
    remat: flags.remat ?? false,
    sizes: parseSizes(flags.size),
  });
  const stepText = Object.entries(steps)
    .map(([axis, n]) => `${axis} = ${n}`)
    .join(', ');
  const lines = [
    `gradcheck of ${model.name}: ${stepText}, batch ${batch}, seed ${seed}, f64${flags.remat ? ', rematerialized' : ''}`,
    probe
      ? `loss: sum(output ⊙ R) over every step (cell ${model.name} has no loss of its own) = ${loss}`
      : `loss = ${loss}`,
    'symbolic gradient against 4th-order central differences; relative errors:',
    '',
  ];
  const header = ['kind', 'name', 'size', 'checked', 'coordinates', 'random direction', ''];
  const table = rows.map((r) => {
    const worst = Math.max(r.coordinateError, r.directionError);
    return [
      r.kind,
      r.name,
      String(r.size),
      String(r.checked),
      r.coordinateError.toExponential(2),
      r.directionError.toExponential(2),
      worst <= tolerance ? 'ok' : 'FAILED',
    ];
  });
  const widths = header.map((h, k) => Math.max(h.length, ...table.map((row) => row[k].length)));
  for (const row of [header, ...table])
    lines.push(`  ${row.map((cell, k) => cell.padEnd(widths[k])).join('  ')}`.trimEnd());
  const worst = Math.max(...rows.map((r) => Math.max(r.coordinateError, r.directionError)));
  const passed = worst <= tolerance;
  lines.push(
    '',
    `max relative error ${worst.toExponential(2)} ${passed ? '≤' : '>'} tolerance ${tolerance}: ${passed ? 'ok' : 'FAILED'}`,
  );
  out(lines.join('\n'));
  return passed;
}
