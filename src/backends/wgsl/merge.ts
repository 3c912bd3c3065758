/**
 * Merges consecutive elementwise phases over the same elements into one
 * phase, so a time loop's step takes fewer dispatches (a persistent kernel,
 * fewer barriers). An LSTM step's c′ = f·c + i·g and h′ = o·tanh(c′) become
 * one phase: the thread of element i writes c′[i] and then reads it back for
 * h′[i]. That is safe because an invocation sees its own writes in order,
 * and nothing else crosses threads:
 * - a later phase reads an earlier one's results only at its own element;
 * - an earlier phase reads nothing a later one writes (no thread may
 *   overwrite what another still has to read);
 * - all of them cover the same elements (same shape and lead axes).
 * Distinct regions of `mem` are distinct offsets here: a state's even and
 * odd regions, and a sequence at t and at t ∓ 1, never overlap.
 */
import type { ElementAccess, Item, Phase } from './phase.js';
import { toWgsl } from './poly.js';

type ElementPhase = Phase & { readonly elementwise: ElementAccess };

/** What a run of merged phases has written and read so far. */
interface RunAccess {
  readonly writes: Set<string>;
  readonly accesses: Map<string, Set<string>>;
}

function mergeable(first: ElementPhase, run: RunAccess, next: ElementPhase): boolean {
  const a = first.elementwise;
  const b = next.elementwise;
  if (a.layout !== b.layout || toWgsl(first.count) !== toWgsl(next.count)) return false;
  if (b.writes.some((region) => run.accesses.has(region))) return false;
  return [...run.writes].every((region) => [...(b.accesses.get(region) ?? [])].every((index) => b.own.includes(index)));
}

/**
 * One phase for a run of phases: a function that calls each in order. Built once per run, so a
 * long run (a long chain of equations) costs time in proportion to its length.
 */
function merge(run: readonly ElementPhase[]): ElementPhase {
  if (run.length === 1) return run[0];
  const first = run[0];
  const last = run[run.length - 1];
  const usesStep = run.some((p) => p.usesStep);
  const t = usesStep ? 't' : '_t';
  // Named by the first and the last phase merged: the kernel files take the name.
  const name = `${first.elementwise.first}_to_${last.name}`;
  const accesses = new Map<string, Set<string>>();
  for (const p of run)
    for (const [region, indices] of p.elementwise.accesses) {
      const seen = accesses.get(region) ?? new Set<string>();
      for (const index of indices) seen.add(index);
      accesses.set(region, seen);
    }
  const code = [
    ...run.map((p) => p.code),
    `// ${run.map((p) => p.name).join(', then ')}, element by element (one dispatch for ${run.length === 2 ? 'both' : `all ${run.length}`}).`,
    `fn ${name}(i: u32, ${t}: u32) {`,
    ...run.map((p) => `  ${p.name}(i, ${t});`),
    '}',
  ].join('\n');
  return {
    kind: 'phase',
    name,
    count: first.count,
    code,
    usesStep,
    parts: run.reduce((n, p) => n + (p.parts ?? 1), 0),
    elementwise: {
      layout: first.elementwise.layout,
      writes: run.flatMap((p) => p.elementwise.writes),
      accesses,
      own: first.elementwise.own,
      first: first.elementwise.first,
    },
  };
}

/** The items with every run of mergeable elementwise phases as one phase, inside time loops too. */
export function mergeElementwisePhases(items: readonly Item[]): Item[] {
  const out: Item[] = [];
  let run: ElementPhase[] = [];
  let access: RunAccess = { writes: new Set(), accesses: new Map() };
  const close = () => {
    if (run.length > 0) out.push(merge(run));
    run = [];
    access = { writes: new Set(), accesses: new Map() };
  };
  const join = (phase: ElementPhase) => {
    run.push(phase);
    for (const w of phase.elementwise.writes) access.writes.add(w);
    for (const [region, indices] of phase.elementwise.accesses) {
      const seen = access.accesses.get(region) ?? new Set<string>();
      for (const index of indices) seen.add(index);
      access.accesses.set(region, seen);
    }
  };
  for (const item of items) {
    if (item.kind === 'loop') {
      close();
      out.push({ ...item, body: mergeElementwisePhases(item.body) });
      continue;
    }
    if (item.kind === 'phase' && item.elementwise) {
      const phase = item as ElementPhase;
      if (run.length > 0 && !mergeable(run[0], access, phase)) close();
      join(phase);
      continue;
    }
    close();
    out.push(item);
  }
  close();
  return out;
}
