/**
 * A whole time loop as one WebAssembly function. Where every op of a scan's
 * step is a kernel call (a GEMM, a fused elementwise loop, a column sum) or
 * a copy, the step is a short program over addresses, and running its loop
 * inside WebAssembly saves each step's calls in from JavaScript, the views
 * of the step's inputs and the checks around every call. At batch 1 those
 * are a sixth of a forward pass.
 *
 * Addresses are parameters (the byte offsets of the arrays, passed once),
 * plus a constant, plus the step times a stride for the sequences a step
 * reads or writes at its position. Counts and strides that depend on the
 * batch are parameters too.
 */
import { controlField, controlInts } from './control-block.js';
import { FunctionBuilder, type Local } from './encoder.js';

/** A count handed to a kernel or a copy: a constant, or integer parameter `param`. */
export type StepInteger = { readonly constant: number } | { readonly param: number };

/** A byte address: array parameter `array`, plus `offset` bytes, plus t times `stride` bytes if given. */
export interface StepAddress {
  readonly array: number;
  readonly offset: number;
  readonly stride?: StepInteger;
}

export type StepOperand =
  | { readonly kind: 'address'; readonly address: StepAddress }
  | { readonly kind: 'integer'; readonly value: StepInteger };

export type StepOp =
  | { readonly kind: 'call'; readonly kernel: string; readonly operands: readonly StepOperand[] }
  | { readonly kind: 'copy'; readonly to: StepAddress; readonly from: StepAddress; readonly bytes: StepInteger }
  | { readonly kind: 'zero'; readonly to: StepAddress; readonly bytes: StepInteger }
  /** `rows` copies of `bytes` bytes, each `toStride` and `fromStride` bytes after the last (a concatenation). */
  | {
      readonly kind: 'copyRows';
      readonly to: StepAddress;
      readonly from: StepAddress;
      readonly rows: StepInteger;
      readonly bytes: number;
      readonly toStride: number;
      readonly fromStride: number;
    };

/**
 * How a call may be split between this thread and the workers (ts/threads.ts
 * decides, so that the loop splits exactly as the JavaScript calls would):
 * - shares: with `minRows` rows or more, the rows are cut into as many shares
 *   as there are threads (each a multiple of `align` rows), this thread taking
 *   the first, each pointer moved `strides` bytes a row;
 * - halves: with one sample, the worker takes the second half of a `rows`
 *   product, kernel `half` on pointers moved `offsets` bytes.
 */
export interface CallSplit {
  readonly shares?: {
    readonly rowsAt: number;
    readonly strides: readonly number[];
    readonly align: number;
    readonly minRows: number;
  };
  readonly halves?: { readonly half: string; readonly samplesAt: number; readonly offsets: readonly number[] };
}

export interface StepLoop {
  /** How many array (byte address) and integer parameters come before `first`, `steps` and `T`. */
  readonly arrays: number;
  readonly integers: number;
  /** Whether step s runs at time T − 1 − s. */
  readonly reverse: boolean;
  readonly ops: readonly StepOp[];
}

/**
 * The parameter names of a step loop, in order: array pointers, integers, the
 * first step and the step to stop before, T, the byte address of the first
 * worker's control block and how many workers have blocks from there on, one
 * after the other (0: none).
 */
export function stepLoopArguments(loop: StepLoop): string[] {
  return [
    ...Array.from({ length: loop.arrays }, (_, k) => `p${k}`),
    ...Array.from({ length: loop.integers }, (_, k) => `n${k}`),
    'first',
    'steps',
    'T',
    'control',
    'workers',
  ];
}

/**
 * `name(p…, n…, first, steps, T, control, workers)`: for first ≤ s < steps, t = s (or T − 1 − s),
 * every op of the step in order. `indexOf` gives a called kernel's function
 * index (the same as its index in the list workers call by); `splitOf` says
 * how a call may be split when there is a worker.
 */
export function stepLoopKernel(
  name: string,
  loop: StepLoop,
  indexOf: (kernel: string) => number,
  splitOf: (kernel: string) => CallSplit | undefined = () => undefined,
): FunctionBuilder {
  const f = new FunctionBuilder(
    name,
    stepLoopArguments(loop).map((p) => ({ name: p, type: 'i32' as const })),
    `a time loop of ${loop.ops.length} ops a step, ${loop.reverse ? 'from the last step to the first' : 'from the first step to the last'}`,
  );
  const arrays = f.params.slice(0, loop.arrays);
  const integers = f.params.slice(loop.arrays, loop.arrays + loop.integers);
  const [first, steps, T, control, workers] = f.params.slice(loop.arrays + loop.integers);
  const [s, t] = [f.local('s', 'i32'), f.local('t', 'i32')];
  const rowLocals = () => [f.local('row', 'i32'), f.local('to', 'i32'), f.local('from', 'i32')] as const;
  let rowCopy: ReturnType<typeof rowLocals> | undefined;
  const integer = (n: StepInteger) => ('constant' in n ? f.i32(n.constant) : f.get(integers[n.param]));
  const address = (a: StepAddress) => {
    f.get(arrays[a.array]);
    if (a.offset !== 0) f.i32(a.offset).i32Add();
    if (a.stride !== undefined) {
      f.get(t);
      integer(a.stride);
      f.i32Mul().i32Add();
    }
  };
  const locals = new Map<string, Local>();
  const local = (localName: string) => {
    let l = locals.get(localName);
    if (l === undefined) locals.set(localName, (l = f.local(localName, 'i32')));
    return l;
  };
  const call = (kernel: string) => {
    const index = indexOf(kernel);
    if (index < 0) throw new Error(`a time loop calls ${kernel}, which the module lacks`);
    f.call(index, kernel);
  };
  const field = (name: keyof typeof controlField) => 4 * controlField[name];
  // Hands \`kernel\` with the arguments in \`values\`, each plus \`moved(k)\`, to the worker whose
  // control block is at \`block\`, as postJob does.
  const post = (block: Local, kernel: string, values: readonly Local[], moved: (k: number) => void) => {
    values.forEach((v, k) => {
      f.get(block).get(v);
      moved(k);
      f.i32Store(field('args') + 4 * k);
    });
    const index = indexOf(kernel);
    if (index < 0) throw new Error(`a time loop splits ${kernel}, which the module lacks`);
    f.get(block).i32(index).i32Store(field('kernel'));
    f.get(block).i32(values.length).i32Store(field('count'));
    f.get(block).get(block).i32Load(field('job')).i32(1).i32Add().i32AtomicStore(field('job'));
    f.block((awake) => {
      f.get(block).i32AtomicLoad(field('sleeping')).i32(1).i32Ne().brIf(awake);
      f.get(block).i32(1).memoryAtomicNotify(field('job')).drop();
    });
  };
  // As awaitJobs does: runs here each of the \`posted\` jobs that its worker has not claimed, then
  // spins until the others are done. \`kernel\` takes \`count\` arguments.
  const awaitJobs = (posted: Local, kernel: string, count: number) => {
    const [w, block, job] = [local('w'), local('block'), local('job')];
    const eachPosted = (body: () => void) => {
      f.i32(0).set(w);
      f.get(control).set(block);
      f.block((end) =>
        f.loop((next) => {
          f.get(w).get(posted).i32GeS().brIf(end);
          f.get(block).i32Load(field('job')).set(job);
          body();
          f.increment(w, 1)
            .increment(block, 4 * controlInts)
            .br(next);
        }),
      );
    };
    eachPosted(() =>
      f.block((workerHasIt) => {
        f.get(block).get(job).i32(1).i32Sub().get(job).i32AtomicRmwCmpxchg(field('claimed'));
        f.get(job).i32(1).i32Sub().i32Ne().brIf(workerHasIt);
        for (let k = 0; k < count; k++) f.get(block).i32Load(field('args') + 4 * k);
        call(kernel);
        f.get(block).get(block).i32Load(field('kept')).i32(1).i32Add().i32Store(field('kept'));
        f.get(block).get(job).i32AtomicStore(field('done'));
      }),
    );
    eachPosted(() =>
      f.loop((spin) => {
        f.get(block).i32AtomicLoad(field('done')).get(job).i32Ne().brIf(spin);
      }),
    );
  };
  // With workers and work enough, they take shares (or the second half) of the call; else this thread does all of it.
  const splitCall = (kernel: string, values: readonly Local[], split: CallSplit) =>
    f.block((done) => {
      const { shares, halves } = split;
      const [posted, block] = [local('posted'), local('block')];
      if (shares !== undefined)
        f.block((notShared) => {
          const rows = values[shares.rowsAt];
          f.get(workers).i32Eqz().brIf(notShared);
          f.get(rows).i32(shares.minRows).i32LtS().brIf(notShared);
          // As splitKernel: parts = min(1 + workers, ⌈rows / align⌉), each share align · ⌈rows / (parts · align)⌉.
          const [parts, share, from] = [local('parts'), local('share'), local('from')];
          f.get(rows)
            .i32(shares.align - 1)
            .i32Add()
            .i32(shares.align)
            .i32DivU()
            .set(parts);
          f.get(workers)
            .i32(1)
            .i32Add()
            .get(parts)
            .get(workers)
            .i32(1)
            .i32Add()
            .get(parts)
            .i32LtS()
            .select()
            .set(parts);
          f.get(rows)
            .get(parts)
            .i32(shares.align)
            .i32Mul()
            .tee(share)
            .i32Add()
            .i32(1)
            .i32Sub()
            .get(share)
            .i32DivU()
            .i32(shares.align)
            .i32Mul()
            .set(share);
          f.i32(0).set(posted);
          f.get(control).set(block);
          f.get(share).set(from);
          f.block((end) =>
            f.loop((next) => {
              f.get(from).get(rows).i32GeS().brIf(end);
              post(block, kernel, values, (k) => {
                if (k === shares.rowsAt) {
                  // min(share, rows − from)
                  f.drop().get(share).get(rows).get(from).i32Sub();
                  f.get(share).get(rows).get(from).i32Sub().i32LtS().select();
                } else if (shares.strides[k] !== 0) f.get(from).i32(shares.strides[k]).i32Mul().i32Add();
              });
              f.increment(posted, 1).increment(block, 4 * controlInts);
              f.get(from).get(share).i32Add().set(from).br(next);
            }),
          );
          values.forEach((v, k) => {
            if (k !== shares.rowsAt) f.get(v);
            else f.get(share).get(rows).get(share).get(rows).i32LtS().select();
          });
          call(kernel);
          awaitJobs(posted, kernel, values.length);
          f.br(done);
        });
      if (halves !== undefined)
        f.block((notHalved) => {
          f.get(workers).i32Eqz().brIf(notHalved);
          f.get(values[halves.samplesAt]).i32(1).i32Ne().brIf(notHalved);
          f.get(control).set(block);
          post(block, halves.half, values, (k) => {
            if (halves.offsets[k] !== 0) f.i32(halves.offsets[k]).i32Add();
          });
          values.forEach((v) => f.get(v));
          call(halves.half);
          f.i32(1).set(posted);
          awaitJobs(posted, halves.half, values.length);
          f.br(done);
        });
      values.forEach((v) => f.get(v));
      call(kernel);
    });
  f.get(first).set(s);
  f.block((exit) =>
    f.loop((top) => {
      f.get(s).get(steps).i32GeS().brIf(exit);
      if (loop.reverse) f.get(T).i32(1).i32Sub().get(s).i32Sub().set(t);
      else f.get(s).set(t);
      for (const op of loop.ops) {
        if (op.kind === 'call') {
          const split = splitOf(op.kernel);
          if (split === undefined) {
            for (const operand of op.operands) {
              if (operand.kind === 'address') address(operand.address);
              else integer(operand.value);
            }
            call(op.kernel);
          } else {
            const values = op.operands.map((operand, k) => {
              if (operand.kind === 'address') address(operand.address);
              else integer(operand.value);
              const value = local(`arg${k}`);
              f.set(value);
              return value;
            });
            splitCall(op.kernel, values, split);
          }
        } else if (op.kind === 'copy') {
          address(op.to);
          address(op.from);
          integer(op.bytes);
          f.memoryCopy();
        } else if (op.kind === 'zero') {
          address(op.to);
          f.i32(0);
          integer(op.bytes);
          f.memoryFill();
        } else {
          rowCopy ??= rowLocals();
          const [row, to, from] = rowCopy;
          address(op.to);
          f.set(to);
          address(op.from);
          f.set(from);
          integer(op.rows);
          f.set(row);
          f.block((done) =>
            f.loop((next) => {
              f.i32(0).get(row).i32GeS().brIf(done);
              f.get(to).get(from).i32(op.bytes).memoryCopy();
              f.increment(to, op.toStride).increment(from, op.fromStride).increment(row, -1).br(next);
            }),
          );
        }
      }
      f.increment(s, 1).br(top);
    }),
  );
  return f;
}
