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

function mergeable(first: ElementPhase, next: ElementPhase): boolean {
  const a = first.elementwise;
  const b = next.elementwise;
  if (a.layout !== b.layout || toWgsl(first.count) !== toWgsl(next.count)) return false;
  if (b.writes.some((region) => a.accesses.has(region))) return false;
  return a.writes.every((region) => [...(b.accesses.get(region) ?? [])].every((index) => b.own.includes(index)));
}

function merge(first: ElementPhase, next: ElementPhase): ElementPhase {
  const usesStep = first.usesStep || next.usesStep;
  const t = usesStep ? 't' : '_t';
  // Named by the first and the last phase merged: the kernel files take the name.
  const name = `${first.elementwise.first}_to_${next.name}`;
  const accesses = new Map<string, Set<string>>();
  for (const map of [first.elementwise.accesses, next.elementwise.accesses])
    for (const [region, indices] of map) accesses.set(region, new Set([...(accesses.get(region) ?? []), ...indices]));
  const code = [
    first.code,
    next.code,
    `// ${first.name}, then ${next.name}, element by element (one dispatch for both).`,
    `fn ${name}(i: u32, ${t}: u32) {`,
    `  ${first.name}(i, ${t});`,
    `  ${next.name}(i, ${t});`,
    '}',
  ].join('\n');
  return {
    kind: 'phase',
    name,
    count: first.count,
    code,
    usesStep,
    parts: (first.parts ?? 1) + (next.parts ?? 1),
    elementwise: {
      layout: first.elementwise.layout,
      writes: [...first.elementwise.writes, ...next.elementwise.writes],
      accesses,
      own: first.elementwise.own,
      first: first.elementwise.first,
    },
  };
}

/** The items with every run of mergeable elementwise phases as one phase, inside time loops too. */
export function mergeElementwisePhases(items: readonly Item[]): Item[] {
  const out: Item[] = [];
  for (const item of items) {
    if (item.kind === 'loop') {
      out.push({ ...item, body: mergeElementwisePhases(item.body) });
      continue;
    }
    const last = out[out.length - 1];
    if (
      last?.kind === 'phase' &&
      last.elementwise &&
      item.elementwise &&
      mergeable(last as ElementPhase, item as ElementPhase)
    ) {
      out[out.length - 1] = merge(last as ElementPhase, item as ElementPhase);
    } else out.push(item);
  }
  return out;
}
