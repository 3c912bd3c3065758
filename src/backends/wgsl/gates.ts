/**
 * One phase a step for a recurrent product and the gates after it. Where a
 * time loop's GEMM is followed by a phase elementwise over the units that
 * reads the product's sums only at its own unit of each gate (row c·H + j
 * of sample l, for gates c = 0 … m/H − 1: an LSTM's i, f, g, o), the
 * product takes its rows by unit and calls that phase's function for each
 * of its elements with the gate sums in hand. The sums are then never
 * stored or loaded back: a step of the `steps` schedule is one dispatch,
 * and a persistent kernel's step one phase and one barrier. Where the loop
 * holds W in private memory (heldGemm in ops.ts), the kernel's variant with
 * subgroups does this with the held rows (gatedHeldGemm) and the other with
 * its tiles; where only the held variant can, the other runs both phases.
 */
import type { Item, Phase } from './phase.js';

type HeldPhase = Phase & { readonly held: NonNullable<Phase['held']> };

/** The index at which an elementwise phase over H units reads gate c of its own element from sums of m rows. */
function gateIndex(m: number, H: number, c: number): string {
  return c === 0 ? `l * ${m}u + j` : `l * ${m}u + j + ${c * H}u`;
}

/** A phase function's first line, as PhaseWriter.render and merge.ts write it: its name and its step parameter. */
const signature = /^fn (\w+)\(i: u32, (_?t): u32\) \{$/;

/**
 * The elementwise phase's functions with the sums passed in as g0 … g(n−1):
 * each function named NAME becomes NAME_gated(i, t, g0, …), its reads of
 * the sums become the parameters, and calls between them pass them on.
 * Undefined where the sums are read in any other way.
 */
function takeSums(code: string, base: string, m: number, H: number): string | undefined {
  const n = m / H;
  const gates = [...Array(n).keys()].map((c) => `g${c}`);
  const lines = code.split('\n');
  const names = lines.flatMap((line) => signature.exec(line)?.[1] ?? []);
  const out: string[] = [];
  let alias: string | undefined;
  for (const line of lines) {
    const fn = signature.exec(line);
    if (fn) {
      alias = undefined;
      out.push(`fn ${fn[1]}_gated(i: u32, ${fn[2]}: u32, ${gates.map((g) => `${g}: f32`).join(', ')}) {`);
      continue;
    }
    const binding = /^ {2}let (at\d+) = (.*); \/\/ .*$/.exec(line);
    if (binding && binding[2] === base) {
      alias = binding[1];
      continue;
    }
    let text = line;
    if (alias !== undefined) {
      for (let c = n - 1; c >= 0; c--) text = text.split(`mem[${alias} + ${gateIndex(m, H, c)}]`).join(gates[c]);
      if (new RegExp(`\\b${alias}\\b`).test(text)) return undefined;
    }
    const call = /^( {2})(\w+)\(i, (_?t)\);$/.exec(text);
    if (call && names.includes(call[2])) text = `${call[1]}${call[2]}_gated(i, ${call[3]}, ${gates.join(', ')});`;
    out.push(text);
  }
  return out.join('\n');
}

/** Every phase of some items, inside loops too. */
function allPhases(items: readonly Item[]): Phase[] {
  return items.flatMap((item) => (item.kind === 'phase' ? [item] : allPhases(item.body)));
}

/**
 * The elementwise phase after a product, its functions rewritten to take
 * the product's sums (takeSums), and the units it runs over; undefined
 * where it reads the sums other than at its own unit of each gate, or
 * anything else reads them (they are never stored).
 */
function consumerOf(
  product: Phase,
  next: Item,
  everything: readonly Phase[],
): { readonly phase: Phase; readonly units: number; readonly code: string } | undefined {
  const sums = product.sums;
  if (!sums || next.kind !== 'phase' || !next.elementwise) return undefined;
  const { shape, time, batch } = JSON.parse(next.elementwise.layout) as {
    shape: number[];
    time: string | null;
    batch: boolean;
  };
  const H = shape.reduce((a, b) => a * b, 1);
  const m = sums.rows;
  if (!batch || time !== null || m % H !== 0 || next.elementwise.writes.includes(sums.region)) return undefined;
  const reads = next.elementwise.accesses.get(sums.region);
  const allowed = new Set([...Array(m / H).keys()].map((c) => gateIndex(m, H, c)));
  if (!reads || ![...reads].every((index) => allowed.has(index))) return undefined;
  // A region at step t is a per-step output kept for later (backpropagation reads it at other steps): never fused.
  const base = sums.region.slice('mem:'.length);
  if (/\bt\b/.test(base)) return undefined;
  if (everything.some((p) => p !== product && p !== next && p.code.includes(base))) return undefined;
  const code = takeSums(next.code, base, m, H);
  return code === undefined ? undefined : { phase: next, units: H, code };
}

type Consumer = NonNullable<ReturnType<typeof consumerOf>>;

/** A held product's held variant computing the gates too, or undefined where its rows by unit do not fit. */
function heldGated(product: HeldPhase, consumer: Consumer): HeldPhase['held'] | undefined {
  const variant = product.held.gated?.(consumer.units, `${consumer.phase.name}_gated`);
  return variant && { ...product.held, ...variant, code: `${variant.code}\n${consumer.code}` };
}

/**
 * The product computing the gates too, in place of both phases. It reads x
 * (a state of the step before, or a value computed earlier in the step) and
 * W, and the gates write values of this step and the next state: every
 * value has a region of its own and a state one for even and one for odd
 * steps (scan.ts), so no thread writes what another still reads.
 */
function absorbPhase(product: Phase, consumer: Consumer): Phase | undefined {
  const variant = product.gated?.(consumer.units, `${consumer.phase.name}_gated`);
  if (!variant) return undefined;
  const code = `${variant.code}\n${consumer.code}`;
  return { ...product, code, blocks: variant.blocks, usesStep: true, absorbs: consumer.phase };
}

function fuseIn(items: readonly Item[], everything: readonly Phase[], inLoop: boolean): Item[] {
  const out: Item[] = [];
  for (let k = 0; k < items.length; k++) {
    const item = items[k];
    if (item.kind === 'loop') {
      out.push({ ...item, body: fuseIn(item.body, everything, true) });
      continue;
    }
    const consumer = inLoop && k + 1 < items.length ? consumerOf(item, items[k + 1], everything) : undefined;
    if (!consumer) {
      out.push(item);
      continue;
    }
    if (item.held) {
      // The held variant computes the gates; where the tiled product can too, so does the plain one,
      // and the gates' own phase goes. Else the plain variant runs both phases, and the held one skips the gates'.
      const held = heldGated(item as HeldPhase, consumer);
      const both = held && absorbPhase({ ...item, held }, consumer);
      if (both) k++;
      out.push(both ?? (held ? { ...item, held: { ...held, absorbs: consumer.phase.name } } : item));
      continue;
    }
    const fused = absorbPhase(item, consumer);
    out.push(fused ?? item);
    if (fused) k++;
  }
  return out;
}

/**
 * The items with each product in a time loop that an elementwise phase of
 * gates follows fused with it, in place of both phases; a held product in
 * its held variant alone where its tiles cannot take the gates too.
 */
export function fuseGateSteps(items: readonly Item[]): Item[] {
  return fuseIn(items, allPhases(items), false);
}
