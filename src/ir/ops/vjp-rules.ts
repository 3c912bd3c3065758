/**
 * Helpers for whole classes of gradient rules, so each op's record states
 * its rule in one short line: sources have no inputs, masks and comparisons
 * pass no gradient, linear ops transpose the adjoint, and elementwise
 * functions multiply it by their derivative.
 */
import type { NodeId, OpKind } from '../graph.js';
import type { VjpArgs, VjpBuilder, VjpRule } from './opdef.js';

/** Ops with no inputs (constants, params, inputs): nothing to pass on. */
export const noInputs: VjpRule<OpKind> = () => [];

/** Piecewise-constant ops (step, sign): zero gradient almost everywhere. */
export function zeroGradient(arity: number): VjpRule<OpKind> {
  const rule: VjpRule<OpKind> = () => Array.from({ length: arity }, () => null);
  return Object.assign(rule, { passesNothing: true });
}

/**
 * Whether an op's rule passes no gradient to any input: its result carries none, whatever it
 * is computed from (a comparison, the positions of a sequence, a mask).
 */
export function passesNoGradient(rule: VjpRule<never>): boolean {
  return (rule as { passesNothing?: boolean }).passesNothing === true;
}

/** A linear op: the adjoint of each input is a linear map of g alone, so it saves nothing. */
export function linear<K extends OpKind>(
  rule: (b: VjpBuilder, g: NodeId, a: VjpArgs<K>) => readonly (NodeId | null)[],
): VjpRule<K> {
  return (b, a) => rule(b, a.g, a);
}

/**
 * A unary elementwise function: g times its derivative, written in terms of
 * the input x and/or the output y (whichever the record saves).
 */
export function derivative<K extends OpKind>(d: (b: VjpBuilder, a: VjpArgs<K>) => NodeId): VjpRule<K> {
  return (b, a) => [b.add('mul', [a.g, d(b, a)])];
}
