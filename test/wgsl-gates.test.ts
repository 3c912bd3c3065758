import { describe, expect, it } from 'vitest';
import { fuseGateSteps } from '../src/backends/wgsl/gates.js';
import type { Item, Phase } from '../src/backends/wgsl/phase.js';

// Sums of 4 gates × 5 units a sample, at offset SUMS of mem.
const sums = '(dims.B * 7u + 11u)';
const count = new Map([['B', 5]]);
const layout = JSON.stringify({ shape: [5], time: null, batch: true });

/** A held product of 20 rows a sample; `fits` says whether its variant by units fits a thread. */
function product(fits = true): Phase {
  return {
    kind: 'phase',
    name: 'p',
    count,
    code: 'fn p(i: u32, t: u32) {}',
    usesStep: true,
    sums: { region: `mem:${sums}`, rows: 20 },
    held: {
      code: 'fn p(i: u32, t: u32) { /* held */ }',
      load: 'p_hold',
      bySample: { name: 'p_sample', samples: 'dims.B' },
      everySample: 'fn p(i: u32, t: u32) { p_sample(i, t, 0u); }',
      gated: (units, consumer) =>
        fits
          ? {
              code: `fn p(i: u32, t: u32) { /* by ${units} units into ${consumer} */ }`,
              load: 'p_hold_units',
              bySample: { name: 'p_units_sample', samples: 'dims.B' },
              everySample: 'fn p(i: u32, t: u32) { p_units_sample(i, t, 0u); }',
            }
          : undefined,
    },
  };
}

/** The gates of an LSTM-like cell: element i reads the sums of gates 0 and 3 at its unit (or at `other`). */
function gates(other = 'l * 20u + j + 15u'): Phase {
  const code = [
    '// c and h',
    'fn g(i: u32, t: u32) {',
    `  let at0 = (dims.B * 3u); // next state`,
    `  let at1 = ${sums}; // %3 matmul fused gates`,
    '  let l = i / 5u;',
    '  let j = i % 5u;',
    `  mem[at0 + i] = mem[at1 + l * 20u + j] * mem[at1 + ${other}];`,
    '}',
  ].join('\n');
  return {
    kind: 'phase',
    name: 'g',
    count,
    code,
    usesStep: true,
    elementwise: {
      layout,
      writes: ['mem:(dims.B * 3u)'],
      accesses: new Map([
        ['mem:(dims.B * 3u)', new Set(['i'])],
        [`mem:${sums}`, new Set(['l * 20u + j', other])],
      ]),
      own: ['i', 'l * 5u + j'],
      first: 'g',
    },
  };
}

const loop = (body: Item[]): Item => ({ kind: 'loop', axis: 'T', reverse: false, body, comment: 'steps' });
const bodyOf = (items: readonly Item[]): Item[] => [...(items[0] as Extract<Item, { kind: 'loop' }>).body];

describe('fusing a held recurrent product with the gates after it', () => {
  it('computes the gates in the product’s held variant, with the sums passed as parameters', () => {
    const [fused, next] = bodyOf(fuseGateSteps([loop([product(), gates()])])) as Phase[];
    expect(fused.held?.absorbs).toBe('g');
    expect(fused.held?.load).toBe('p_hold_units');
    expect(fused.held?.bySample.name).toBe('p_units_sample');
    expect(fused.held?.code).toContain('/* by 5 units into g_gated */');
    expect(fused.held?.code).toContain('fn g_gated(i: u32, t: u32, g0: f32, g1: f32, g2: f32, g3: f32) {');
    expect(fused.held?.code).toContain('mem[at0 + i] = g0 * g3;');
    expect(fused.held?.code).not.toContain('at1');
    // The plain variant keeps both phases as they were.
    expect(fused.code).toBe('fn p(i: u32, t: u32) {}');
    expect(next.name).toBe('g');
  });

  it('leaves them apart where the gates read the sums of another unit', () => {
    const [first] = bodyOf(fuseGateSteps([loop([product(), gates('l * 20u + j + 16u')])])) as Phase[];
    expect(first.held?.absorbs).toBeUndefined();
  });

  it('leaves them apart where another phase reads the sums too', () => {
    const reader: Phase = { ...gates(), name: 'r', code: `fn r(i: u32, _t: u32) { let at0 = ${sums}; }` };
    const [first] = bodyOf(fuseGateSteps([loop([product(), gates(), reader])])) as Phase[];
    expect(first.held?.absorbs).toBeUndefined();
  });

  it('leaves them apart where the sums are a per-step output kept for later steps', () => {
    const kept = `${sums} + t * dims.B * 20u`;
    const keeper: Phase = { ...product(), sums: { region: `mem:${kept}`, rows: 20 } };
    const reader = gates();
    const at = { ...reader, code: reader.code.replace(`let at1 = ${sums};`, `let at1 = ${kept};`) };
    const accesses = new Map(reader.elementwise!.accesses);
    accesses.set(`mem:${kept}`, accesses.get(`mem:${sums}`)!);
    const [first] = bodyOf(
      fuseGateSteps([loop([keeper, { ...at, elementwise: { ...reader.elementwise!, accesses } }])]),
    ) as Phase[];
    expect(first.held?.absorbs).toBeUndefined();
  });

  it('leaves them apart where the rows by unit do not fit what a thread may hold', () => {
    const [first] = bodyOf(fuseGateSteps([loop([product(false), gates()])])) as Phase[];
    expect(first.held?.absorbs).toBeUndefined();
    expect(first.held?.code).toBe('fn p(i: u32, t: u32) { /* held */ }');
  });
});

/** A product dispatched across workgroups (no held variant): 20 rows a sample, in tiles of 8 rows × 4 samples. */
function dispatched(fits = true): Phase {
  const { held: _held, ...rest } = product();
  return {
    ...rest,
    blocks: { divisor: 4, factor: 3 },
    gated: (units, consumer) =>
      fits
        ? {
            code: `fn p(i: u32, t: u32) { /* tiles by ${units} units into ${consumer} */ }`,
            blocks: { divisor: 4, factor: 5 },
          }
        : undefined,
  };
}

describe('fusing a dispatched recurrent product with the gates after it', () => {
  it('puts one phase in place of both, with the product’s threads by unit and the gates’ function taking the sums', () => {
    const body = bodyOf(fuseGateSteps([loop([dispatched(), gates()])])) as Phase[];
    expect(body).toHaveLength(1);
    const [fused] = body;
    expect(fused.name).toBe('p');
    expect(fused.absorbs?.name).toBe('g');
    expect(fused.blocks).toEqual({ divisor: 4, factor: 5 });
    expect(fused.code).toContain('/* tiles by 5 units into g_gated */');
    expect(fused.code).toContain('fn g_gated(i: u32, t: u32, g0: f32, g1: f32, g2: f32, g3: f32) {');
    expect(fused.code).toContain('mem[at0 + i] = g0 * g3;');
  });

  it('keeps both phases where the tiles cannot be taken by unit', () => {
    const body = bodyOf(fuseGateSteps([loop([dispatched(false), gates()])])) as Phase[];
    expect(body.map((p) => p.name)).toEqual(['p', 'g']);
    expect(body[0].absorbs).toBeUndefined();
  });

  it('keeps both phases where the gates read the sums of another unit', () => {
    const body = bodyOf(fuseGateSteps([loop([dispatched(), gates('l * 20u + j + 16u')])])) as Phase[];
    expect(body.map((p) => p.name)).toEqual(['p', 'g']);
  });

  it('fuses both variants of a held product where its tiles can take the gates too, in place of both phases', () => {
    const both: Phase = { ...product(), blocks: { divisor: 4, factor: 3 }, gated: dispatched().gated };
    const body = bodyOf(fuseGateSteps([loop([both, gates()])])) as Phase[];
    expect(body.map((p) => p.name)).toEqual(['p']);
    const [fused] = body;
    expect(fused.absorbs?.name).toBe('g');
    expect(fused.code).toContain('/* tiles by 5 units into g_gated */');
    expect(fused.held?.code).toContain('/* by 5 units into g_gated */');
    expect(fused.held?.load).toBe('p_hold_units');
    // The gates' phase is gone from the items, so no variant skips it.
    expect(fused.held?.absorbs).toBeUndefined();
  });

  it('leaves a product outside a time loop alone (the input projection runs on more workgroups without the adds)', () => {
    const items = fuseGateSteps([dispatched(), gates()]) as Phase[];
    expect(items.map((p) => p.name)).toEqual(['p', 'g']);
  });
});
