/** `rnnc gradcheck`: symbolic gradients against finite differences, with a non-zero exit above tolerance. */
import { gradcheck } from '../api/gradcheck.js';
import type { Program } from '../api/program.js';
import { UserError } from '../diagnostics.js';
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
  declaredStates?: boolean;
  size: string[];
}

/** Runs the check and prints its table; returns whether every error is within tolerance. */
export function gradcheckCommand(program: Program, flags: GradcheckFlags, out: (text: string) => void): boolean {
  const tolerance = Number(flags.tolerance);
  if (!(tolerance > 0)) throw new UserError(`--tolerance must be a positive number, got '${flags.tolerance}'`);
  const result = gradcheck(program, {
    ...(flags.model !== undefined ? { model: flags.model } : {}),
    sizes: parseSizes(flags.size),
    steps: parseSteps(flags.steps),
    batch: parseCount(flags.batch, '--batch'),
    seed: parseSeed(flags.seed),
    coordinates: parseCount(flags.coordinates, '--coordinates'),
    remat: flags.remat ?? false,
    declaredStates: flags.declaredStates ?? false,
    tolerance,
  });
  const stepText = Object.entries(result.steps)
    .map(([axis, n]) => `${axis} = ${n}`)
    .join(', ');
  const lines = [
    `gradcheck of ${result.model}: ${stepText}, batch ${result.batch}, seed ${result.seed}, f64${flags.remat ? ', rematerialized' : ''}${flags.declaredStates ? ', declared initial states' : ''}`,
    result.probe
      ? `loss: sum(output ⊙ R) over every step (cell ${result.model} has no loss of its own) = ${result.loss}`
      : `loss = ${result.loss}`,
    'symbolic gradient against 4th-order central differences; relative errors:',
    '',
  ];
  const header = ['kind', 'name', 'size', 'checked', 'coordinates', 'random direction', ''];
  const table = result.rows.map((r) => {
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
  lines.push(
    '',
    `max relative error ${result.worst.toExponential(2)} ${result.passed ? '≤' : '>'} tolerance ${tolerance}: ${result.passed ? 'ok' : 'FAILED'}`,
  );
  out(lines.join('\n'));
  return result.passed;
}
