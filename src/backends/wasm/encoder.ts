/**
 * A small WebAssembly encoder: just what rnnc's kernels use (i32 and f32
 * arithmetic, loops, loads and stores, and the SIMD128 instructions on
 * f32x4). Every instruction is written twice, as bytes and as a line of the
 * text format, so the bytes embedded in a module and the listing that
 * `--emit-wat` prints come from the same calls and cannot disagree.
 */

export type ValueType = 'i32' | 'f32' | 'v128';

const valueTypeCode: Record<ValueType, number> = { i32: 0x7f, f32: 0x7d, v128: 0x7b };

/** Unsigned LEB128. */
export function unsignedLeb(value: number): number[] {
  if (!Number.isInteger(value) || value < 0 || value > 0xffffffff) throw new Error(`not a u32: ${value}`);
  const out: number[] = [];
  let v = value;
  do {
    const byte = v & 0x7f;
    v = Math.floor(v / 128);
    out.push(v === 0 ? byte : byte | 0x80);
  } while (v !== 0);
  return out;
}

/** Signed LEB128 of a 32-bit integer. */
export function signedLeb(value: number): number[] {
  if (!Number.isInteger(value) || value < -0x80000000 || value > 0x7fffffff) throw new Error(`not an i32: ${value}`);
  const out: number[] = [];
  let v = value;
  for (;;) {
    const byte = v & 0x7f;
    v >>= 7;
    const done = (v === 0 && (byte & 0x40) === 0) || (v === -1 && (byte & 0x40) !== 0);
    out.push(done ? byte : byte | 0x80);
    if (done) return out;
  }
}

function utf8(text: string): number[] {
  const bytes = [...new TextEncoder().encode(text)];
  return [...unsignedLeb(bytes.length), ...bytes];
}

function subsection(content: number[]): number[] {
  return [...unsignedLeb(content.length), ...content];
}

function vector(items: readonly number[][]): number[] {
  return [...unsignedLeb(items.length), ...items.flat()];
}

/** A local variable (or parameter) of a function being built. */
export interface Local {
  readonly index: number;
  readonly name: string;
  readonly type: ValueType;
}

const simd = (op: number) => [0xfd, ...unsignedLeb(op)];
/** Loads and stores state their alignment as 4 bytes: every array rnnc hands a kernel is f32-aligned. */
const memarg = (offset: number) => [2, ...unsignedLeb(offset)];
const offsetText = (offset: number) => (offset === 0 ? '' : ` offset=${offset}`);

/**
 * One function: its parameters, locals and body. Instruction methods return
 * `this`, so straight-line code reads in stack order.
 */
export class FunctionBuilder {
  readonly params: Local[];
  private readonly locals: Local[] = [];
  private readonly code: number[] = [];
  private readonly lines: string[] = [];
  private readonly labels: string[] = [];
  private labelCount = 0;

  constructor(
    readonly name: string,
    params: readonly { name: string; type: ValueType }[],
    /** A comment printed above the function in the text listing. */
    readonly doc = '',
  ) {
    this.params = params.map((p, index) => ({ index, ...p }));
  }

  local(name: string, type: ValueType): Local {
    const local = { index: this.params.length + this.locals.length, name, type };
    this.locals.push(local);
    return local;
  }

  private emit(text: string, bytes: readonly number[]): this {
    this.code.push(...bytes);
    this.lines.push(`${'  '.repeat(this.labels.length + 2)}${text}`);
    return this;
  }

  comment(text: string): this {
    this.lines.push(`${'  '.repeat(this.labels.length + 2)};; ${text}`);
    return this;
  }

  get(l: Local): this {
    return this.emit(`local.get $${l.name}`, [0x20, ...unsignedLeb(l.index)]);
  }
  set(l: Local): this {
    return this.emit(`local.set $${l.name}`, [0x21, ...unsignedLeb(l.index)]);
  }
  tee(l: Local): this {
    return this.emit(`local.tee $${l.name}`, [0x22, ...unsignedLeb(l.index)]);
  }

  i32(value: number): this {
    return this.emit(`i32.const ${value}`, [0x41, ...signedLeb(value)]);
  }
  i32Add(): this {
    return this.emit('i32.add', [0x6a]);
  }
  i32Sub(): this {
    return this.emit('i32.sub', [0x6b]);
  }
  i32Mul(): this {
    return this.emit('i32.mul', [0x6c]);
  }
  i32LtS(): this {
    return this.emit('i32.lt_s', [0x48]);
  }
  i32GeS(): this {
    return this.emit('i32.ge_s', [0x4e]);
  }
  i32GtS(): this {
    return this.emit('i32.gt_s', [0x4a]);
  }
  i32LeS(): this {
    return this.emit('i32.le_s', [0x4c]);
  }

  i32Eq(): this {
    return this.emit('i32.eq', [0x46]);
  }
  /** Of a, b and a condition on the stack: a where the condition is non-zero, else b. */
  select(): this {
    return this.emit('select', [0x1b]);
  }

  i32Eqz(): this {
    return this.emit('i32.eqz', [0x45]);
  }
  i32Ne(): this {
    return this.emit('i32.ne', [0x47]);
  }
  i32DivU(): this {
    return this.emit('i32.div_u', [0x6e]);
  }
  i32Load(offset = 0): this {
    return this.emit(`i32.load${offsetText(offset)}`, [0x28, ...memarg(offset)]);
  }
  i32Store(offset = 0): this {
    return this.emit(`i32.store${offsetText(offset)}`, [0x36, ...memarg(offset)]);
  }
  /** A sequentially consistent load, as `Atomics.load`: what another thread stored before it is visible after. */
  i32AtomicLoad(offset = 0): this {
    return this.emit(`i32.atomic.load${offsetText(offset)}`, [0xfe, 0x10, ...memarg(offset)]);
  }
  /** A sequentially consistent store, as `Atomics.store`: every store before it is visible to whoever sees it. */
  i32AtomicStore(offset = 0): this {
    return this.emit(`i32.atomic.store${offsetText(offset)}`, [0xfe, 0x17, ...memarg(offset)]);
  }
  /**
   * Compare-and-swap, as \`Atomics.compareExchange\` (address, expected, replacement on the stack):
   * stores the replacement where the value is the expected one; pushes the value found.
   */
  i32AtomicRmwCmpxchg(offset = 0): this {
    return this.emit(`i32.atomic.rmw.cmpxchg${offsetText(offset)}`, [0xfe, 0x48, ...memarg(offset)]);
  }
  /** Wakes up to n threads waiting at the address (address, n on the stack), as `Atomics.notify`; pushes how many woke. */
  memoryAtomicNotify(offset = 0): this {
    return this.emit(`memory.atomic.notify${offsetText(offset)}`, [0xfe, 0x00, ...memarg(offset)]);
  }
  drop(): this {
    return this.emit('drop', [0x1a]);
  }

  /** Calls function `index` of the module (named `name` in the listing) with the arguments on the stack. */
  call(index: number, name: string): this {
    return this.emit(`call $${name}`, [0x10, ...unsignedLeb(index)]);
  }
  /** Copies n bytes (destination, source, n on the stack); the ranges may overlap. */
  memoryCopy(): this {
    return this.emit('memory.copy', [0xfc, ...unsignedLeb(10), 0x00, 0x00]);
  }
  /** Sets n bytes to a byte value (destination, value, n on the stack). */
  memoryFill(): this {
    return this.emit('memory.fill', [0xfc, ...unsignedLeb(11), 0x00]);
  }

  /** local += value, for i32 locals. */
  increment(l: Local, value: number | Local): this {
    this.get(l);
    if (typeof value === 'number') this.i32(value);
    else this.get(value);
    return this.i32Add().set(l);
  }

  f32Load(offset = 0): this {
    return this.emit(`f32.load${offsetText(offset)}`, [0x2a, ...memarg(offset)]);
  }
  f32Add(): this {
    return this.emit('f32.add', [0x92]);
  }
  f32Store(offset = 0): this {
    return this.emit(`f32.store${offsetText(offset)}`, [0x38, ...memarg(offset)]);
  }

  v128Load(offset = 0): this {
    return this.emit(`v128.load${offsetText(offset)}`, [...simd(0x00), ...memarg(offset)]);
  }
  /** One f32 from memory in all four lanes. */
  v128Load32Splat(offset = 0): this {
    return this.emit(`v128.load32_splat${offsetText(offset)}`, [...simd(0x09), ...memarg(offset)]);
  }
  v128Store(offset = 0): this {
    return this.emit(`v128.store${offsetText(offset)}`, [...simd(0x0b), ...memarg(offset)]);
  }
  /** A constant of four i32 lanes (a mask, or zero). */
  v128I32x4(lanes: readonly [number, number, number, number]): this {
    const bytes = lanes.flatMap((v) => [v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, (v >>> 24) & 0xff]);
    return this.emit(`v128.const i32x4 ${lanes.map((v) => `0x${(v >>> 0).toString(16)}`).join(' ')}`, [
      ...simd(0x0c),
      ...bytes,
    ]);
  }
  v128And(): this {
    return this.emit('v128.and', simd(0x4e));
  }
  /** Lanes of two f32x4 vectors by index (0–3 the first, 4–7 the second), as a byte shuffle. */
  f32x4Shuffle(lanes: readonly [number, number, number, number]): this {
    const bytes = lanes.flatMap((l) => [4 * l, 4 * l + 1, 4 * l + 2, 4 * l + 3]);
    return this.emit(`i8x16.shuffle ${bytes.join(' ')}`, [...simd(0x0d), ...bytes]);
  }
  /** A constant of four f32 lanes, all `value`. */
  f32x4Const(value: number): this {
    const bytes = [...new Uint8Array(Float32Array.of(value, value, value, value).buffer)];
    return this.emit(`v128.const f32x4 ${value} ${value} ${value} ${value}`, [...simd(0x0c), ...bytes]);
  }
  v128Or(): this {
    return this.emit('v128.or', simd(0x50));
  }
  v128Bitselect(): this {
    return this.emit('v128.bitselect', simd(0x52));
  }
  f32x4Add(): this {
    return this.emit('f32x4.add', simd(0xe4));
  }
  /** a · b + c in one rounding or two, as the engine chooses (relaxed SIMD: a fused multiply-add where the CPU has one). */
  f32x4RelaxedMadd(): this {
    return this.emit('f32x4.relaxed_madd', simd(0x105));
  }
  f32x4Sub(): this {
    return this.emit('f32x4.sub', simd(0xe5));
  }
  f32x4Mul(): this {
    return this.emit('f32x4.mul', simd(0xe6));
  }
  f32x4Div(): this {
    return this.emit('f32x4.div', simd(0xe7));
  }
  f32x4Min(): this {
    return this.emit('f32x4.min', simd(0xe8));
  }
  f32x4Max(): this {
    return this.emit('f32x4.max', simd(0xe9));
  }
  /** b < a ? b : a: one instruction (minps), where `min` must order NaN and −0. */
  f32x4Pmin(): this {
    return this.emit('f32x4.pmin', simd(0xea));
  }
  /** a < b ? b : a: one instruction (maxps). */
  f32x4Pmax(): this {
    return this.emit('f32x4.pmax', simd(0xeb));
  }
  f32x4Abs(): this {
    return this.emit('f32x4.abs', simd(0xe0));
  }
  f32x4Neg(): this {
    return this.emit('f32x4.neg', simd(0xe1));
  }
  f32x4Sqrt(): this {
    return this.emit('f32x4.sqrt', simd(0xe3));
  }
  /** Lanes where a == b: all ones, else zero (NaN equals nothing). */
  f32x4Eq(): this {
    return this.emit('f32x4.eq', simd(0x41));
  }
  /** Lanes where a != b (NaN differs from everything). */
  f32x4Ne(): this {
    return this.emit('f32x4.ne', simd(0x42));
  }
  /** Lanes where a <= b. */
  f32x4Le(): this {
    return this.emit('f32x4.le', simd(0x45));
  }
  f32x4Floor(): this {
    return this.emit('f32x4.floor', simd(0x68));
  }
  /** Lanes where a < b: all ones, else zero. */
  f32x4Lt(): this {
    return this.emit('f32x4.lt', simd(0x43));
  }
  f32x4Gt(): this {
    return this.emit('f32x4.gt', simd(0x44));
  }
  i32x4Add(): this {
    return this.emit('i32x4.add', simd(0xae));
  }
  i32x4Shl(): this {
    return this.emit('i32x4.shl', simd(0xab));
  }
  f32x4ExtractLane(lane: number): this {
    return this.emit(`f32x4.extract_lane ${lane}`, [...simd(0x1f), lane]);
  }

  /** `block` … `end`: `br(label)` inside jumps past its end. */
  block(body: (exit: string) => void): this {
    const label = `$b${this.labelCount++}`;
    this.emit(`block ${label}`, [0x02, 0x40]);
    this.labels.push(label);
    body(label);
    this.labels.pop();
    return this.emit('end', [0x0b]);
  }
  /** `loop` … `end`: `br(label)` inside jumps back to its start. */
  loop(body: (top: string) => void): this {
    const label = `$l${this.labelCount++}`;
    this.emit(`loop ${label}`, [0x03, 0x40]);
    this.labels.push(label);
    body(label);
    this.labels.pop();
    return this.emit('end', [0x0b]);
  }
  private depth(label: string): number {
    const at = this.labels.lastIndexOf(label);
    if (at < 0) throw new Error(`branch to ${label}, which does not enclose it`);
    return this.labels.length - 1 - at;
  }
  br(label: string): this {
    return this.emit(`br ${label}`, [0x0c, ...unsignedLeb(this.depth(label))]);
  }
  brIf(label: string): this {
    return this.emit(`br_if ${label}`, [0x0d, ...unsignedLeb(this.depth(label))]);
  }

  /** The function's type: its parameter types (it returns nothing). */
  signature(): number[] {
    return [0x60, ...vector(this.params.map((p) => [valueTypeCode[p.type]])), 0];
  }

  /** The body as the code section holds it: size, local declarations (runs of one type), instructions, end. */
  body(): number[] {
    const runs: [number, ValueType][] = [];
    for (const l of this.locals) {
      const last = runs[runs.length - 1];
      if (last && last[1] === l.type) last[0]++;
      else runs.push([1, l.type]);
    }
    const bytes = [...vector(runs.map(([n, t]) => [...unsignedLeb(n), valueTypeCode[t]])), ...this.code, 0x0b];
    return [...unsignedLeb(bytes.length), ...bytes];
  }

  text(): string {
    const params = this.params.map((p) => ` (param $${p.name} ${p.type})`).join('');
    const locals = this.locals.map((l) => `    (local $${l.name} ${l.type})`);
    const doc = this.doc === '' ? [] : this.doc.split('\n').map((l) => `  ;; ${l}`);
    return [...doc, `  (func $${this.name} (export "${this.name}")${params}`, ...locals, ...this.lines, '  )'].join(
      '\n',
    );
  }
}

/** The imported memory's largest size in 64 KiB pages: all of wasm32's 4 GiB. */
export const memoryPages = 65536;

/**
 * A module of exported functions over one imported memory (`env.memory`),
 * which the host creates and grows, so typed arrays can view it. The memory
 * is declared with a maximum, so the same bytes with one flag changed (see
 * `sharedMemoryFlagAt`) take a shared memory, for worker threads.
 */
export function encodeModule(functions: readonly FunctionBuilder[]): Uint8Array {
  const types: string[] = [];
  const typeOf = functions.map((f) => {
    const key = f.signature().join(',');
    if (!types.includes(key)) types.push(key);
    return types.indexOf(key);
  });
  const section = (id: number, content: number[]) => [id, ...unsignedLeb(content.length), ...content];
  const bytes = [
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...section(1, vector(types.map((t) => t.split(',').map(Number)))),
    ...section(2, vector([[...utf8('env'), ...utf8('memory'), 0x02, 0x01, 0x01, ...unsignedLeb(memoryPages)]])),
    ...section(3, vector(typeOf.map((t) => unsignedLeb(t)))),
    ...section(7, vector(functions.map((f, k) => [...utf8(f.name), 0x00, ...unsignedLeb(k)]))),
    ...section(10, vector(functions.map((f) => f.body()))),
    // The name section: profilers and stack traces show each kernel by name.
    ...section(0, [
      ...utf8('name'),
      1,
      ...subsection(vector(functions.map((f, k) => [...unsignedLeb(k), ...utf8(f.name)]))),
    ]),
  ];
  return Uint8Array.from(bytes);
}

/** The module in the text format, for people to read. */
export function moduleText(functions: readonly FunctionBuilder[]): string {
  return [
    '(module',
    `  (import "env" "memory" (memory 1 ${memoryPages}))`,
    ...functions.map((f) => f.text()),
    ')',
    '',
  ].join('\n');
}

/**
 * Where the memory import's limits flag is in `encodeModule`'s bytes: 0x01
 * (a minimum and a maximum); 0x03 there makes the memory shared.
 */
export function sharedMemoryFlagAt(bytes: Uint8Array): number {
  const entry = [...utf8('env'), ...utf8('memory'), 0x02, 0x01];
  for (let at = 8; at + entry.length <= bytes.length; at++) {
    if (entry.every((b, k) => bytes[at + k] === b)) return at + entry.length - 1;
  }
  throw new Error('the module imports no memory with a maximum');
}
