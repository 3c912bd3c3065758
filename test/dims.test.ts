import { describe, expect, it } from 'vitest';
import { Dim } from '../src/ir/dims.js';
import { dimToNum } from '../src/ir/substitute.js';
import { evaluateNum, formatNum } from '../src/ir/init.js';

const H = Dim.named('H');
const I = Dim.named('I');

describe('symbolic sizes', () => {
  it('add, subtract and scale into a canonical form', () => {
    expect(H.scale(4).toString()).toBe('4*H');
    expect(H.add(I).equals(I.add(H))).toBe(true);
    expect(H.scale(2).sub(H).equals(H)).toBe(true);
    expect(H.sub(H).equals(Dim.of(0))).toBe(true);
    expect(H.add(Dim.of(-1)).toString()).toBe('H - 1');
    expect(I.sub(H.scale(2)).toString()).toBe('I - 2*H');
  });

  it('substitute names by other sizes', () => {
    const binding = new Map([
      ['H', Dim.named('K').scale(2)],
      ['I', Dim.of(3)],
    ]);
    expect(H.scale(4).add(I).substitute(binding).toString()).toBe('8*K + 3');
  });

  it('evaluate under concrete values and name what is missing', () => {
    expect(H.scale(3).add(Dim.of(1)).evaluate({ H: 5 })).toBe(16);
    expect(() => H.evaluate({})).toThrow("size 'H' has no value");
  });

  it('convert to initializer numbers that evaluate to the same value', () => {
    const d = H.scale(3).add(I).add(Dim.of(2));
    const n = dimToNum(d);
    expect(evaluateNum(n, { H: 4, I: 5 })).toBe(19);
    expect(formatNum(n)).toBe('2 + 3 * H + I');
  });
});

describe('initializer numbers', () => {
  it('print with only the parentheses they need', () => {
    const size = (name: string) => ({ kind: 'size', name }) as const;
    const num = (value: number) => ({ kind: 'num', value }) as const;
    expect(formatNum({ kind: 'binary', op: '/', left: num(-1), right: { kind: 'sqrt', operand: size('H') } })).toBe(
      '-1 / sqrt(H)',
    );
    expect(
      formatNum({
        kind: 'binary',
        op: '-',
        left: size('a'),
        right: { kind: 'binary', op: '+', left: size('b'), right: size('c') },
      }),
    ).toBe('a - (b + c)');
    expect(
      formatNum({
        kind: 'binary',
        op: '*',
        left: { kind: 'binary', op: '+', left: size('a'), right: num(1) },
        right: num(2),
      }),
    ).toBe('(a + 1) * 2');
  });
});
