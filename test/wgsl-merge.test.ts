import { describe, expect, it } from 'vitest';
import { mergeElementwisePhases } from '../src/backends/wgsl/merge.js';
import type { Item, Phase } from '../src/backends/wgsl/phase.js';

const layout = JSON.stringify({ shape: [5], time: null, batch: true });
const own = ['i', 'l * 5u + j'];
const count = new Map([['B', 5]]);

/** An elementwise phase writing `writes` at i and reading each region of `reads` at the indices given. */
function phase(name: string, writes: string, reads: Record<string, string[]>, shape = layout): Phase {
  const accesses = new Map<string, Set<string>>([[writes, new Set(['i'])]]);
  for (const [region, indices] of Object.entries(reads)) accesses.set(region, new Set(indices));
  return {
    kind: 'phase',
    name,
    count,
    code: `fn ${name}(i: u32, _t: u32) {}`,
    usesStep: false,
    elementwise: { layout: shape, writes: [writes], accesses, own, first: name },
  };
}

const names = (items: readonly Item[]): string[] =>
  items.map((i) => (i.kind === 'phase' ? i.name : `loop(${names(i.body)})`));

describe('merging elementwise phases', () => {
  it('merges a phase that reads the one before only at its own element (c′, then h′ = o · tanh(c′[i]))', () => {
    const merged = mergeElementwisePhases([
      phase('c_next', 'mem:c1', { 'mem:gates': ['l * 20u + j'], 'mem:c0': ['l * 5u + j'] }),
      phase('h_next', 'mem:h1', { 'mem:gates': ['l * 20u + j + 15u'], 'mem:c1': ['l * 5u + j'] }),
    ]);
    expect(names(merged)).toEqual(['c_next_to_h_next']);
    const only = merged[0] as Phase;
    expect(only.parts).toBe(2);
    expect(only.count).toBe(count);
    expect(only.code).toContain('fn c_next_to_h_next(i: u32, _t: u32) {\n  c_next(i, _t);\n  h_next(i, _t);\n}');
  });

  it('merges a run of three, and independent phases, naming the first and the last', () => {
    const merged = mergeElementwisePhases([
      phase('a', 'mem:a', { 'mem:x': ['i'] }),
      phase('b', 'mem:b', { 'mem:x': ['i'] }),
      phase('c', 'mem:c', { 'mem:a': ['i'], 'mem:b': ['l * 5u + j'] }),
    ]);
    expect(names(merged)).toEqual(['a_to_c']);
    expect((merged[0] as Phase).parts).toBe(3);
  });

  it("keeps apart a phase that reads another element of the one before's result", () => {
    const merged = mergeElementwisePhases([
      phase('a', 'mem:a', {}),
      phase('b', 'mem:b', { 'mem:a': ['l * 5u + j + 1u'] }),
    ]);
    expect(names(merged)).toEqual(['a', 'b']);
  });

  it('keeps apart a phase that writes what the one before reads (another thread may not have read it yet)', () => {
    const merged = mergeElementwisePhases([phase('a', 'mem:a', { 'mem:b': ['i'] }), phase('b', 'mem:b', {})]);
    expect(names(merged)).toEqual(['a', 'b']);
  });

  it('keeps apart phases over different elements, and phases on either side of a GEMM', () => {
    const other = JSON.stringify({ shape: [5], time: 'T', batch: true });
    expect(names(mergeElementwisePhases([phase('a', 'mem:a', {}), phase('b', 'mem:b', {}, other)]))).toEqual([
      'a',
      'b',
    ]);
    const gemm: Phase = {
      kind: 'phase',
      name: 'matmul',
      count,
      code: '',
      usesStep: false,
      blocks: { divisor: 8, factor: 1 },
    };
    expect(names(mergeElementwisePhases([phase('a', 'mem:a', {}), gemm, phase('b', 'mem:b', {})]))).toEqual([
      'a',
      'matmul',
      'b',
    ]);
  });

  it('merges inside time loops, and passes the step to the parts where one reads it', () => {
    const stepped = { ...phase('b', 'mem:b', { 'mem:a': ['i'] }), usesStep: true };
    const merged = mergeElementwisePhases([
      { kind: 'loop', axis: 'T', reverse: false, comment: 'a loop', body: [phase('a', 'mem:a', {}), stepped] },
    ]);
    expect(names(merged)).toEqual(['loop(a_to_b)']);
    const loop = merged[0];
    const inner = loop.kind === 'loop' ? (loop.body[0] as Phase) : undefined;
    expect(inner?.usesStep).toBe(true);
    expect(inner?.code).toContain('fn a_to_b(i: u32, t: u32) {\n  a(i, t);\n  b(i, t);\n}');
  });
});
