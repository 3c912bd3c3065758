/**
 * The WGSL backend's unit of work: a phase computes one value (or one fused
 * chain of elementwise ops) as a function of the element index `i`, so the
 * same function serves a kernel that gives each element its own thread and
 * a persistent kernel in which one workgroup strides over the elements.
 * Phases read and write one storage buffer, `mem`, at offsets that are
 * expressions of the run-time sizes.
 */
import type { Layout } from '../ts/layout.js';
import { add, type Poly, sizePoly, toWgsl } from './poly.js';
import { wgslComment } from '../comment-text.js';

export interface Phase {
  readonly kind: 'phase';
  /** The WGSL function's name: `fn <name>(i: u32, t: u32)`. */
  readonly name: string;
  /** How many elements it computes: one thread each, unless `blocks` groups them. */
  readonly count: Poly;
  /** Threads = ceil(count / divisor) · factor: a thread computes a block of elements (a GEMM tile). */
  readonly blocks?: { readonly divisor: number; readonly factor: number };
  /**
   * Its threads work in quads of four (quadGemm in ops.ts): its kernel needs
   * the helpers quadRow0–3, and every quad's four threads must run it together.
   */
  readonly quads?: boolean;
  /** The function, with its comment. */
  readonly code: string;
  /** Whether it reads the step `t` of an enclosing time loop. */
  readonly usesStep: boolean;
  /** How many phases it runs for each element: more than one where elementwise phases were merged. */
  readonly parts?: number;
  /** For an elementwise phase: what merging it with its neighbours must know (see merge.ts). */
  readonly elementwise?: ElementAccess;
  /**
   * For a GEMM in a persistent kernel's time loop: the same product with W
   * held in each thread's private memory (heldGemm in ops.ts), for the
   * kernel's variant with subgroups. `code` declares the held values and
   * defines `load(lane)`, run once before the loop, and the phase's function,
   * which every thread of the workgroup runs once a step.
   */
  readonly held?: HeldCode & {
    /**
     * The same product with its rows taken by unit, for `units` units of
     * rows/units gates each, passing each element's gate sums to `consumer`
     * instead of storing them (gates.ts); undefined where that does not fit.
     */
    readonly gated?: (units: number, consumer: string) => HeldCode | undefined;
    /** The phase after it whose elements this variant computes (gates.ts): the kernel skips that phase. */
    readonly absorbs?: string;
  };
  /** For a GEMM W·x: the region its sums go to (regionKey) and their rows a sample. */
  readonly sums?: { readonly region: string; readonly rows: number };
  /**
   * For a GEMM in a time loop: the same product with its tiles' rows taken
   * by unit, for `units` units of rows/units gates each, passing each
   * element's gate sums to `consumer` instead of storing them (gates.ts):
   * its function (same name) and its threads. Undefined where that does not fit.
   */
  readonly gated?: (
    units: number,
    consumer: string,
  ) => { readonly code: string; readonly blocks: NonNullable<Phase['blocks']> } | undefined;
  /** The elementwise phase after it whose elements this phase computes too (gates.ts): it is not run on its own. */
  readonly absorbs?: Phase;
}

/** A held product's code (Phase.held): the loader of W and the step of one sample, then the step of all. */
export interface HeldCode {
  /** The held values, `load(lane)` and `fn <bySample.name>(i: u32, t: u32, s: u32)`, the step of sample `s` alone. */
  readonly code: string;
  readonly load: string;
  /**
   * The step of one sample's function and how many samples there are
   * (WGSL). A time loop whose phases all have it runs one sample at a time
   * (persistentBody in kernels.ts); any other calls the phase's function,
   * `everySample`, which runs it for each sample in turn.
   */
  readonly bySample: { readonly name: string; readonly samples: string };
  readonly everySample: string;
}

/** What an elementwise phase reads and writes, per storage array and offset (`mem:<base>` or `cache:<base>`). */
export interface ElementAccess {
  /** Its results' shape and lead axes: phases merge only over the same elements. */
  readonly layout: string;
  /** The regions it writes, each at element `i`. */
  readonly writes: readonly string[];
  /** The index expressions it reads (and writes) each region at. */
  readonly accesses: ReadonlyMap<string, ReadonlySet<string>>;
  /** The index expressions that mean its own element `i`. */
  readonly own: readonly string[];
  /** The name of the first phase merged into it (its own name if none was). */
  readonly first: string;
}

/** How many threads a phase needs, as WGSL. */
export function threads(phase: Phase): string {
  const count = toWgsl(phase.count);
  if (!phase.blocks) return count;
  const { divisor, factor } = phase.blocks;
  return `(${count} + ${divisor - 1}u) / ${divisor}u * ${factor}u`;
}

/** A scan's time loop: its body runs once per step. */
export interface Loop {
  readonly kind: 'loop';
  readonly axis: string;
  readonly reverse: boolean;
  readonly truncate?: number;
  readonly body: readonly Item[];
  readonly comment: string;
}

export type Item = Phase | Loop;

/** A value in WGSL code: floats at an offset of `mem`, a literal, or a tuple (a scan's results). */
export type WValue =
  | {
      readonly kind: 'buffer';
      /** Its offset in `mem`, as a WGSL u32 expression (may read `t` and the sizes uniform). */
      readonly base: string;
      /** The offset as a poly, where it is one (the host reads such values back). */
      readonly poly?: Poly;
      readonly layout: Layout;
      readonly label: string;
      /** Held in the persistent kernel's workgroup memory (`cache`), at offset `base`, instead of `mem`. */
      readonly cached?: boolean;
      /** Written by the host before the call (params): no kernel writes it. */
      readonly fixed?: boolean;
      /** Read by a time loop's steps and written by none of them (computed before the loop, or a param). */
      readonly invariant?: boolean;
    }
  | { readonly kind: 'scalar'; readonly literal: string; readonly layout: Layout }
  | { readonly kind: 'tuple'; readonly items: readonly WValue[] };

export type WBuffer = Extract<WValue, { kind: 'buffer' }>;

/** A loop-invariant value copied into workgroup memory when a persistent kernel starts. */
export interface CacheEntry {
  /** Its offset in `cache`, in floats. */
  readonly offset: number;
  readonly floats: number;
  /** Where it is in `mem` (WGSL). */
  readonly source: string;
  readonly label: string;
}

/** The regions of the one storage buffer, laid end to end. */
export class Arena {
  private end: Poly = new Map();

  alloc(layout: Layout): Poly {
    const offset = this.end;
    this.end = add(this.end, sizePoly(layout));
    return offset;
  }

  get floats(): Poly {
    return this.end;
  }
}

export function u32(n: number): string {
  return `${n}u`;
}

/** An f32 literal (WGSL has none for NaN and the infinities: bit patterns stand in). */
export function f32(value: number): string {
  if (Number.isNaN(value)) return 'bitcast<f32>(0x7fc00000u)';
  if (value === Infinity) return 'bitcast<f32>(0x7f800000u)';
  if (value === -Infinity) return 'bitcast<f32>(0xff800000u)';
  const text = String(Object.is(value, -0) ? '-0' : value);
  return /[.e]/.test(text) ? text : `${text}.0`;
}

/** A region's key in `ElementAccess`: its array and its offset expression. */
export function regionKey(v: WBuffer): string {
  return `${v.cached ? 'cache' : 'mem'}:${v.base}`;
}

/** Collects a phase's body: the offsets it reads (as named `let`s) and its statements. */
export class PhaseWriter {
  private readonly offsets = new Map<string, string>();
  private readonly lets: string[] = [];
  readonly lines: string[] = [];
  /** The index expressions each region (`mem:<base>`, `cache:<base>`) is read or written at. */
  readonly accesses = new Map<string, Set<string>>();

  /** The name under which a buffer's offset is bound in this phase. */
  offset(v: WBuffer): string {
    const known = this.offsets.get(v.base);
    if (known !== undefined) return known;
    const name = `at${this.offsets.size}`;
    this.offsets.set(v.base, name);
    this.lets.push(`let ${name} = ${v.base}; // ${wgslComment(v.label)}`);
    return name;
  }

  /** The array a buffer lives in: `mem`, or the workgroup's `cache`. */
  array(v: WBuffer): string {
    return v.cached ? 'cache' : 'mem';
  }

  /** `mem[offset + index]` (or `cache[…]`), leaving out a zero index. */
  at(v: WBuffer, index: string): string {
    const base = this.offset(v);
    const region = regionKey(v);
    this.accesses.set(region, (this.accesses.get(region) ?? new Set()).add(index));
    return index === '0u' ? `${this.array(v)}[${base}]` : `${this.array(v)}[${base} + ${index}]`;
  }

  line(text: string): void {
    this.lines.push(text);
  }

  /** The function text, and whether it reads the loop step `t`; `params` follow `i` and `t` (`, s: u32`). */
  render(name: string, comment: readonly string[], sample: number, params = ''): { code: string; usesStep: boolean } {
    // The lead position l and the sample position j of element i, where the body reads them.
    const reads = (v: string) => this.lines.some((l) => new RegExp(`\\b${v}\\b`).test(l));
    const index = [
      ...(reads('l') ? [sample === 1 ? 'let l = i;' : `let l = i / ${u32(sample)};`] : []),
      ...(reads('j') ? [sample === 1 ? 'let j = 0u;' : `let j = i % ${u32(sample)};`] : []),
    ];
    const body = [...this.lets, ...index, ...this.lines].map((l) => `  ${l}`);
    const usesStep = body.some((l) => /\bt\b/.test(l.replace(/\/\/.*$/, '')));
    const code = [
      ...comment.map((c) => `// ${wgslComment(c)}`),
      `fn ${name}(i: u32, ${usesStep ? 't' : '_t'}: u32${params}) {`,
      ...body,
      '}',
    ].join('\n');
    return { code, usesStep };
  }
}
