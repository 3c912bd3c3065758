/**
 * Constant folding and algebraic simplification. Folding evaluates
 * elementwise ops of scalar constants with the op's own scalar rule, and
 * turns a number given by sizes into a constant once the sizes are numbers
 * (a hyperparameter a layer set).
 * Simplification removes identities (x·1, x + 0, x − 0, x / 1, −(−x)) and
 * turns 0 − x into −x, but only where the result keeps x's type (an
 * identity that also broadcasts x is not one). x·0 is not folded: it is NaN
 * for x = ∞ or NaN.
 */
import type { GraphBuilder } from '../ir/builder.js';
import { isOp, type Node, type NodeId } from '../ir/graph.js';
import { opDef } from '../ir/ops/registry.js';
import { scalarType, typesEqual } from '../ir/types.js';
import { everyGraph, metaOf, type Pass, rewrite } from './pass.js';

function constantValue(b: GraphBuilder, id: NodeId): number | undefined {
  const node = b.node(id);
  return isOp(node, 'const') ? node.attrs.value : undefined;
}

function isScalarConst(b: GraphBuilder, id: NodeId): boolean {
  const node = b.node(id);
  return isOp(node, 'const') && node.attrs.type.shape.length === 0 && !node.attrs.type.batched;
}

export const constantFold: Pass = {
  name: 'fold',
  level: 1,
  description: 'evaluate elementwise ops on constants at compile time',
  run: (graph) =>
    everyGraph(graph, (g, changes) => {
      let folded = 0;
      const result = rewrite(g, (node, inputs, b) => {
        if (isOp(node, 'number') && node.attrs.value.isConstant) {
          folded++;
          return b.add('const', [], { value: node.attrs.value.constant, type: scalarType }, metaOf(node));
        }
        const def = opDef(node.op);
        if (!def.pointwise || inputs.length === 0 || !inputs.every((i) => isScalarConst(b, i))) return undefined;
        folded++;
        const value = def.pointwise(...inputs.map((i) => constantValue(b, i) as number));
        return b.add('const', [], { value, type: scalarType }, metaOf(node));
      });
      if (folded > 0) changes.push(`folded ${folded} constant expression${folded === 1 ? '' : 's'}`);
      return result;
    }),
};

/** The simpler node `node` can become, given its inputs in the new graph, or undefined. */
function simpler(node: Node, inputs: readonly NodeId[], b: GraphBuilder): { id: NodeId; rule: string } | undefined {
  const is = (k: number, value: number) => constantValue(b, inputs[k]) === value;
  const same = (k: number) => typesEqual(b.typeOf(inputs[k]), node.type);
  switch (node.op) {
    case 'add':
      if (is(1, 0) && same(0)) return { id: inputs[0], rule: 'x + 0 → x' };
      if (is(0, 0) && same(1)) return { id: inputs[1], rule: '0 + x → x' };
      return undefined;
    case 'sub':
      if (is(1, 0) && same(0)) return { id: inputs[0], rule: 'x − 0 → x' };
      if (is(0, 0) && same(1)) return { id: b.add('neg', [inputs[1]], {}, metaOf(node)), rule: '0 − x → −x' };
      return undefined;
    case 'mul':
      if (is(1, 1) && same(0)) return { id: inputs[0], rule: 'x · 1 → x' };
      if (is(0, 1) && same(1)) return { id: inputs[1], rule: '1 · x → x' };
      if (is(1, -1) && same(0)) return { id: b.add('neg', [inputs[0]], {}, metaOf(node)), rule: 'x · −1 → −x' };
      return undefined;
    case 'div':
      return is(1, 1) && same(0) ? { id: inputs[0], rule: 'x / 1 → x' } : undefined;
    case 'neg': {
      const inner = b.node(inputs[0]);
      return isOp(inner, 'neg') ? { id: inner.inputs[0], rule: '−(−x) → x' } : undefined;
    }
    default:
      return undefined;
  }
}

export const simplify: Pass = {
  name: 'simplify',
  level: 1,
  description: 'remove algebraic identities (x·1, x + 0, −(−x), …)',
  run: (graph) =>
    everyGraph(graph, (g, changes) => {
      const counts = new Map<string, number>();
      const result = rewrite(g, (node, inputs, b) => {
        const s = simpler(node, inputs, b);
        if (!s) return undefined;
        counts.set(s.rule, (counts.get(s.rule) ?? 0) + 1);
        return s.id;
      });
      for (const [rule, n] of counts) changes.push(`${rule} (${n}×)`);
      return result;
    }),
};
