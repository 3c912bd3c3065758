/**
 * Records a scan's step, while it is emitted as JavaScript, as a program
 * that one WebAssembly function can loop over (wasm/step-loop.ts). Every
 * renderer that emits a kernel call also records it here; a node that
 * emits any other code fails the recording, and then the step runs as the
 * JavaScript loop alone.
 */
import type { StepAddress, StepInteger, StepLoop, StepOp, StepOperand } from '../wasm/step-loop.js';

/** A sequence's view at the current step: its array and the floats of one step. */
export interface StepView {
  readonly array: string;
  readonly stepFloats: string;
}

const bytesPerFloat = 4;

export class StepRecorder {
  private readonly arrays: string[] = [];
  private readonly integers: string[] = [];
  readonly ops: StepOp[] = [];
  private failure: string | undefined;

  /** `views`: the names of the step's views of sequences, by name. */
  constructor(private readonly views: ReadonlyMap<string, StepView>) {}

  /** Why the step cannot run as one WebAssembly loop, or undefined if it can. */
  get failed(): string | undefined {
    return this.failure;
  }

  fail(why: string): void {
    this.failure ??= why;
  }

  /** The address of `array` plus `offset` bytes, at the current step if `array` is a step's view. */
  address(array: string, offset = 0): StepAddress {
    const view = this.views.get(array);
    if (view === undefined) return { array: this.arrayParam(array), offset };
    return { ...this.atStep(view.array, view.stepFloats), offset };
  }

  /** The address of step t of a sequence whose steps are `stepFloats` floats. */
  atStep(array: string, stepFloats: string): StepAddress {
    return { array: this.arrayParam(array), offset: 0, stride: this.byteCount(stepFloats) };
  }

  /** An integer the loop needs (an expression of the call's sizes, evaluated once before it). */
  integer(expression: string): StepInteger {
    const value = Number(expression);
    if (Number.isInteger(value) && value >= 0 && value <= 0x7fffffff) return { constant: value };
    let at = this.integers.indexOf(expression);
    if (at < 0) at = this.integers.push(expression) - 1;
    return { param: at };
  }

  call(kernel: string, operands: readonly StepOperand[]): void {
    this.ops.push({ kind: 'call', kernel, operands });
  }

  /** `to.set(from)` of `floats` floats. */
  copy(to: StepAddress, from: StepAddress, floats: string): void {
    this.ops.push({ kind: 'copy', to, from, bytes: this.byteCount(floats) });
  }

  /** `rows` rows of `floats` floats each, `toStride` and `fromStride` floats apart. */
  copyRows(
    to: StepAddress,
    from: StepAddress,
    rows: string,
    floats: number,
    toStride: number,
    fromStride: number,
  ): void {
    this.ops.push({
      kind: 'copyRows',
      to,
      from,
      rows: this.integer(rows),
      bytes: bytesPerFloat * floats,
      toStride: bytesPerFloat * toStride,
      fromStride: bytesPerFloat * fromStride,
    });
  }

  /** `to.fill(0)` of `floats` floats. */
  zero(to: StepAddress, floats: string): void {
    this.ops.push({ kind: 'zero', to, bytes: this.byteCount(floats) });
  }

  private byteCount(floats: string): StepInteger {
    const value = Number(floats);
    return Number.isInteger(value)
      ? { constant: bytesPerFloat * value }
      : this.integer(`${bytesPerFloat} * (${floats})`);
  }

  private arrayParam(array: string): number {
    let at = this.arrays.indexOf(array);
    if (at < 0) at = this.arrays.push(array) - 1;
    return at;
  }

  /** The program, and the JavaScript arguments of its array and integer parameters. */
  loop(reverse: boolean): { loop: StepLoop; arrays: readonly string[]; integers: readonly string[] } {
    return {
      loop: { arrays: this.arrays.length, integers: this.integers.length, reverse, ops: this.ops },
      arrays: this.arrays,
      integers: this.integers,
    };
  }
}

/** Operands of a recorded call. */
export const addressOperand = (address: StepAddress): StepOperand => ({ kind: 'address', address });
export const integerOperand = (value: StepInteger): StepOperand => ({ kind: 'integer', value });
