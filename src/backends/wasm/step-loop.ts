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
import { FunctionBuilder } from './encoder.js';

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

export interface StepLoop {
  /** How many array (byte address) and integer parameters come before `steps` and `T`. */
  readonly arrays: number;
  readonly integers: number;
  /** Whether step s runs at time T − 1 − s. */
  readonly reverse: boolean;
  readonly ops: readonly StepOp[];
}

/** The parameter names of a step loop, in order: array pointers, integers, then steps and T. */
export function stepLoopArguments(loop: StepLoop): string[] {
  return [
    ...Array.from({ length: loop.arrays }, (_, k) => `p${k}`),
    ...Array.from({ length: loop.integers }, (_, k) => `n${k}`),
    'steps',
    'T',
  ];
}

/**
 * `name(p…, n…, steps, T)`: for s < steps, t = s (or T − 1 − s), every op
 * of the step in order. `indexOf` gives a called kernel's function index.
 */
export function stepLoopKernel(name: string, loop: StepLoop, indexOf: (kernel: string) => number): FunctionBuilder {
  const f = new FunctionBuilder(
    name,
    stepLoopArguments(loop).map((p) => ({ name: p, type: 'i32' as const })),
    `a time loop of ${loop.ops.length} ops a step, ${loop.reverse ? 'from the last step to the first' : 'from the first step to the last'}`,
  );
  const arrays = f.params.slice(0, loop.arrays);
  const integers = f.params.slice(loop.arrays, loop.arrays + loop.integers);
  const [steps, T] = f.params.slice(loop.arrays + loop.integers);
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
  f.i32(0).set(s);
  f.block((exit) =>
    f.loop((top) => {
      f.get(s).get(steps).i32GeS().brIf(exit);
      if (loop.reverse) f.get(T).i32(1).i32Sub().get(s).i32Sub().set(t);
      else f.get(s).set(t);
      for (const op of loop.ops) {
        if (op.kind === 'call') {
          for (const operand of op.operands) {
            if (operand.kind === 'address') address(operand.address);
            else integer(operand.value);
          }
          const index = indexOf(op.kernel);
          if (index < 0) throw new Error(`a time loop calls ${op.kernel}, which the module lacks`);
          f.call(index, op.kernel);
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
