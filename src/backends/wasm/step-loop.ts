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
import { controlField } from './control-block.js';
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
 * How a call may be split between this thread and one worker (ts/threads.ts
 * decides, so that the loop splits exactly as the JavaScript calls would):
 * - shares: with `minRows` rows or more, the worker takes the rows from the
 *   first multiple of `align` past half, each pointer moved `strides` bytes a row;
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
 * first step and the step to stop before, T, and the byte address of a
 * worker's control block (0: no worker).
 */
export function stepLoopArguments(loop: StepLoop): string[] {
  return [
    ...Array.from({ length: loop.arrays }, (_, k) => `p${k}`),
    ...Array.from({ length: loop.integers }, (_, k) => `n${k}`),
    'first',
    'steps',
    'T',
    'control',
  ];
}

/**
 * `name(p…, n…, first, steps, T, control)`: for first ≤ s < steps, t = s (or T − 1 − s),
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
  const [first, steps, T, control] = f.params.slice(loop.arrays + loop.integers);
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
  // Hands `kernel` with the arguments in `values`, each plus `moved(k)`, to the worker, as postJob does.
  const post = (kernel: string, values: readonly Local[], moved: (k: number) => void) => {
    values.forEach((v, k) => {
      f.get(control).get(v);
      moved(k);
      f.i32Store(field('args') + 4 * k);
    });
    const index = indexOf(kernel);
    if (index < 0) throw new Error(`a time loop splits ${kernel}, which the module lacks`);
    f.get(control).i32(index).i32Store(field('kernel'));
    f.get(control).i32(values.length).i32Store(field('count'));
    const job = local('job');
    f.get(control).i32Load(field('job')).i32(1).i32Add().set(job);
    f.get(control).get(job).i32AtomicStore(field('job'));
    f.block((awake) => {
      f.get(control).i32AtomicLoad(field('sleeping')).i32(1).i32Ne().brIf(awake);
      f.get(control).i32(1).memoryAtomicNotify(field('job')).drop();
    });
  };
  // Spins until the worker has finished the job just posted, as awaitJobs does.
  const awaitJob = () =>
    f.loop((spin) => {
      f.get(control).i32AtomicLoad(field('done')).get(local('job')).i32Ne().brIf(spin);
    });
  // With a worker and work enough, the worker takes a share (or half) of the call; else this thread does all of it.
  const splitCall = (kernel: string, values: readonly Local[], split: CallSplit) =>
    f.block((done) => {
      const { shares, halves } = split;
      if (shares !== undefined)
        f.block((notShared) => {
          const rows = values[shares.rowsAt];
          f.get(control).i32Eqz().brIf(notShared);
          f.get(rows).i32(shares.minRows).i32LtS().brIf(notShared);
          // This thread's share: align · ⌈rows / (2 · align)⌉, as splitKernel computes it for two threads.
          const share = local('share');
          f.get(rows)
            .i32(2 * shares.align - 1)
            .i32Add()
            .i32(2 * shares.align)
            .i32DivU()
            .i32(shares.align)
            .i32Mul()
            .set(share);
          post(kernel, values, (k) => {
            if (k === shares.rowsAt) f.get(share).i32Sub();
            else if (shares.strides[k] !== 0) f.get(share).i32(shares.strides[k]).i32Mul().i32Add();
          });
          values.forEach((v, k) => f.get(k === shares.rowsAt ? share : v));
          call(kernel);
          awaitJob();
          f.br(done);
        });
      if (halves !== undefined)
        f.block((notHalved) => {
          f.get(control).i32Eqz().brIf(notHalved);
          f.get(values[halves.samplesAt]).i32(1).i32Ne().brIf(notHalved);
          post(halves.half, values, (k) => {
            if (halves.offsets[k] !== 0) f.i32(halves.offsets[k]).i32Add();
          });
          values.forEach((v) => f.get(v));
          call(halves.half);
          awaitJob();
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
