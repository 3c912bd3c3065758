/**
 * `VectorOps` in WebAssembly SIMD: arithmetic maps to single instructions;
 * exp, sigmoid and tanh are Cephes' single-precision approximations (a few
 * ulps), computed on four lanes at once. Scalar JavaScript computes them in
 * f64 and rounds once, so the two paths differ by those few ulps.
 */
import type { VectorOps } from '../../ir/ops/opdef.js';
import type { FunctionBuilder, Local } from './encoder.js';

// Cephes expf: e^x = 2^n · e^r, |r| ≤ ln2/2, with ln 2 split in two for an exact n·ln2.
const log2e = 1.4426950408889634;
const ln2High = 0.693359375;
const ln2Low = -2.1219444e-4;
const expPolynomial = [
  1.98756915e-4, 1.3981999507e-3, 8.3334519073e-3, 4.1665795894e-2, 1.6666665459e-1, 5.0000001201e-1,
];
/** Below this e^x is below the smallest normal f32. */
const expUnderflow = -87.33654475;
/** The largest x whose n = round(x·log2 e) is at most 127. */
const expClampHigh = 88.3762626647949;
/** 1.5·2²³: adding it to |v| < 2²² rounds v to an integer held in the low mantissa bits. */
const roundingShift = 12582912;
// Cephes tanhf: an odd polynomial below 0.625, 1 − 2/(e^{2|x|} + 1) above.
const tanhPolynomial = [-5.70498872745e-3, 2.06390887954e-2, -5.37397155531e-2, 1.33314422036e-1, -3.33332819422e-1];
const tanhSmall = 0.625;

export class VectorMath implements VectorOps {
  private temps = 0;

  constructor(private readonly f: FunctionBuilder) {}

  /** A fresh v128 local for an intermediate value. */
  private temp(): Local {
    return this.f.local(`t${this.temps++}`, 'v128');
  }

  /** Pops the top of the stack into a fresh local. */
  private pop(): Local {
    const t = this.temp();
    this.f.set(t);
    return t;
  }

  /** Horner's rule: pushes (((c0·x + c1)·x + c2)…) for the value in `x`. */
  private polynomial(x: Local, coefficients: readonly number[]): void {
    this.f.f32x4Const(coefficients[0]);
    for (const c of coefficients.slice(1)) this.f.get(x).f32x4Mul().f32x4Const(c).f32x4Add();
  }

  constant(value: number): void {
    this.f.f32x4Const(value);
  }
  add(): void {
    this.f.f32x4Add();
  }
  sub(): void {
    this.f.f32x4Sub();
  }
  mul(): void {
    this.f.f32x4Mul();
  }
  div(): void {
    this.f.f32x4Div();
  }
  min(): void {
    this.f.f32x4Min();
  }
  max(): void {
    this.f.f32x4Max();
  }
  neg(): void {
    this.f.f32x4Neg();
  }
  abs(): void {
    this.f.f32x4Abs();
  }
  sqrt(): void {
    this.f.f32x4Sqrt();
  }

  /**
   * e^x as (e^{x/2})²: x/2 keeps 2^n a normal f32 over the whole range, and
   * squaring overflows to +∞ and underflows through the subnormals to 0
   * where Math.exp's value, rounded to f32, does.
   */
  exp(): void {
    const half = this.temp();
    this.f.f32x4Const(0.5).f32x4Mul().set(half);
    this.expClamped(half);
    const y = this.pop();
    this.f.get(y).get(y).f32x4Mul();
  }

  /** e^x for x clamped to the range where 2^n is a normal f32 (pushes the result). */
  private expClamped(input: Local): void {
    const f = this.f;
    // pmin and pmax are one instruction each where min and max are eight (they
    // order NaN and −0); with x first, a NaN passes through both.
    const x = this.temp();
    f.get(input).f32x4Const(expClampHigh).f32x4Pmin().f32x4Const(expUnderflow).f32x4Pmax().set(x);
    // n = round(x·log2 e), to nearest even, by adding 1.5·2²³: the sum's low
    // mantissa bits are n itself, which saves converting float to integer.
    const shifted = this.temp();
    f.get(x).f32x4Const(log2e).f32x4Mul().f32x4Const(roundingShift).f32x4Add().set(shifted);
    const n = this.temp();
    f.get(shifted).f32x4Const(roundingShift).f32x4Sub().set(n);
    const r = this.temp();
    f.get(x).get(n).f32x4Const(ln2High).f32x4Mul().f32x4Sub().get(n).f32x4Const(ln2Low).f32x4Mul().f32x4Sub().set(r);
    // 1 + r + r²·p(r)
    this.polynomial(r, expPolynomial);
    f.get(r).get(r).f32x4Mul().f32x4Mul().get(r).f32x4Add().f32x4Const(1).f32x4Add();
    // · 2^n, built in the exponent bits
    // (bits of 1.5·2²³ + n) + 127, shifted by 23, leaves (n + 127) << 23: the
    // constant's own bits all shift out.
    f.get(shifted).v128I32x4([127, 127, 127, 127]).i32x4Add().i32(23).i32x4Shl();
    f.f32x4Mul();
  }

  /** A comparison's lane mask as 1.0 or 0.0 (the mask's bits and 1.0's). */
  private asNumber(): void {
    this.f.f32x4Const(1).v128And();
  }
  less(): void {
    this.f.f32x4Lt();
    this.asNumber();
  }
  lessEqual(): void {
    this.f.f32x4Le();
    this.asNumber();
  }
  equal(): void {
    this.f.f32x4Eq();
    this.asNumber();
  }
  select(): void {
    const b = this.pop();
    const a = this.pop();
    // c ≠ 0 is also true for NaN, which picks a as the scalar code's c !== 0 does.
    const mask = this.temp();
    this.f.f32x4Const(0).f32x4Ne().set(mask);
    this.f.get(a).get(b).get(mask).v128Bitselect();
  }
  floor(): void {
    this.f.f32x4Floor();
  }
  remainder(): void {
    const b = this.pop();
    const a = this.pop();
    this.f.get(a).get(a).get(b).f32x4Div().f32x4Floor().get(b).f32x4Mul().f32x4Sub();
  }

  /** 1 / (1 + e^{−x}). */
  sigmoid(): void {
    const f = this.f;
    const x = this.temp();
    f.f32x4Neg().set(x);
    f.f32x4Const(1).f32x4Const(1);
    this.expClamped(x);
    f.f32x4Add().f32x4Div();
  }

  tanh(): void {
    const f = this.f;
    const x = this.pop();
    // Small |x|: x + x·z·P(z), z = x².
    const z = this.temp();
    f.get(x).get(x).f32x4Mul().set(z);
    this.polynomial(z, tanhPolynomial);
    f.get(z).f32x4Mul().get(x).f32x4Mul().get(x).f32x4Add();
    const small = this.pop();
    // Large |x|: 1 − 2/(e^{2|x|} + 1), with x's sign.
    const twice = this.temp();
    f.get(x).f32x4Abs().f32x4Const(2).f32x4Mul().set(twice);
    f.f32x4Const(1).f32x4Const(2);
    this.expClamped(twice);
    f.f32x4Const(1).f32x4Add().f32x4Div().f32x4Sub();
    f.get(x).v128I32x4([-0x80000000, -0x80000000, -0x80000000, -0x80000000]).v128And().v128Or();
    const large = this.pop();
    f.get(small).get(large).get(x).f32x4Abs().f32x4Const(tanhSmall).f32x4Lt().v128Bitselect();
  }
}
