import { describe, expect, it } from 'vitest';
import { grad } from '../src/ad/grad.js';
import { withOutputLoss } from '../src/ad/probe.js';
import { interpret } from '../src/interp/interpret.js';
import { tensorFromNested } from '../src/interp/io.js';
import { randomData } from '../src/interp/random-data.js';
import { bindSizes, initParams } from '../src/interp/run.js';
import { GraphBuilder } from '../src/ir/builder.js';
import { dataInputs, type Graph, isOp, type Node } from '../src/ir/graph.js';
import { formatType, tensorType } from '../src/ir/types.js';
import { verify } from '../src/ir/verify.js';
import { cse } from '../src/passes/cse.js';
import { dce } from '../src/passes/dce.js';
import { constantFold, simplify } from '../src/passes/fold.js';
import { type OptLevel, optimize } from '../src/passes/pipeline.js';
import { compileOk, exampleModel, maxRelativeError, caseModel, exampleCases } from './helpers/compile.js';
import { selectModel } from '../src/frontend/program.js';
import { constantOutputCell } from './helpers/cells.js';

const examples = exampleCases;

/** Binds random data, params and initial states to a model's graph (with a loss). */
function bindingsFor(file: string, graph: Graph) {
  const model = caseModel(file);
  const sizes = bindSizes(model);
  const specs = dataInputs(graph);
  const steps = { T: 4, S: 5, U: 3 };
  const data = randomData(specs, sizes, steps, 2, 9);
  const inputs = Object.fromEntries(
    specs.map((s) => [s.name, tensorFromNested(s.name, data[s.name], s.type, sizes, 'f64')]),
  );
  return {
    dtype: 'f64' as const,
    sizes,
    params: initParams(model, sizes, 2, 'f64'),
    inputs,
    batch: 2,
    timeLengths: steps,
  };
}

function lossGraphOf(file: string): Graph {
  const model = caseModel(file);
  return model.hasLoss ? model.graph : withOutputLoss(model.graph);
}

describe.each(examples)('optimizing examples/%s', (file) => {
  const forward = lossGraphOf(file);
  const backward = grad(forward).graph;
  const bindings = bindingsFor(file, forward);
  const reference = { forward: interpret(forward, bindings), backward: interpret(backward, bindings) };

  it.each([1, 2] as OptLevel[])('keeps every output and gradient at -O%i (1e-12 relative)', (level) => {
    for (const [which, graph] of [
      ['forward', forward],
      ['backward', backward],
    ] as const) {
      const optimized = optimize(graph, { level }).graph;
      verify(optimized);
      const values = interpret(optimized, bindings);
      for (const [name, expected] of Object.entries(reference[which])) {
        expect(maxRelativeError(values[name].data, expected.data), `${which} ${name}`).toBeLessThan(1e-12);
      }
    }
  });
});

/** The matmuls of a graph: outside any loop, and inside each scan's step. */
function matmuls(graph: Graph): { outside: number; perStep: number[] } {
  return {
    outside: graph.nodes.filter((n) => isOp(n, 'matmul')).length,
    perStep: graph.nodes.flatMap((n) =>
      isOp(n, 'scan') ? [n.attrs.body.nodes.filter((m) => isOp(m, 'matmul')).length] : [],
    ),
  };
}

describe('what the passes do', () => {
  it('leave lstm.rnn at -O2 with one hoisted input GEMM and one recurrent GEMM per step', () => {
    const model = exampleModel('lstm.rnn');
    expect(matmuls(model.graph)).toEqual({ outside: 0, perStep: [8] });
    const { graph } = optimize(model.graph, { level: 2 });
    expect(matmuls(graph)).toEqual({ outside: 1, perStep: [1] });
    // The input projection of every step at once: [T, B] × [4H, I] @ [I].
    const hoisted = graph.nodes.find((n) => isOp(n, 'matmul'));
    expect(hoisted && formatType(hoisted.type)).toBe('seq(T) batch [4*H]');
  });

  it('leave gru.rnn at -O2 with one hoisted input GEMM and one recurrent GEMM per step', () => {
    const { graph } = optimize(exampleModel('gru.rnn').graph, { level: 2 });
    expect(matmuls(graph)).toEqual({ outside: 1, perStep: [1] });
  });

  it.each(['lstm.rnn', 'gru.rnn'])(
    'leave the backward pass of %s with one GEMM per step and three after the loop',
    (file) => {
      const { graph } = optimize(grad(withOutputLoss(exampleModel(file).graph)).graph, { level: 2 });
      const products = (g: Graph) => g.nodes.filter((n) => isOp(n, 'matmul') || isOp(n, 'outer')).length;
      const [forwardScan, reverseScan] = graph.nodes.filter((n) => isOp(n, 'scan')) as { attrs: { body: Graph } }[];
      expect(products(forwardScan.attrs.body)).toBe(1);
      expect(products(reverseScan.attrs.body)).toBe(1);
      // Outside the loops: the hoisted input projection, then dW_input, dW_recurrent and dx.
      expect(graph.nodes.filter((n) => isOp(n, 'matmul') || isOp(n, 'outer')).map((n) => n.op)).toEqual([
        'matmul',
        'outer',
        'outer',
        'matmul',
      ]);
    },
  );

  it('keep four GEMMs per LSTM step at -O1, and fuse without hoisting when hoisting is off', () => {
    const model = exampleModel('lstm.rnn');
    expect(matmuls(optimize(model.graph, { level: 1 }).graph)).toEqual({ outside: 0, perStep: [8] });
    expect(matmuls(optimize(model.graph, { level: 2, disable: new Set(['hoist']) }).graph)).toEqual({
      outside: 0,
      perStep: [2],
    });
    expect(matmuls(optimize(model.graph, { level: 2, disable: new Set(['gate-fusion']) }).graph)).toEqual({
      outside: 4,
      perStep: [4],
    });
  });

  it('compute a context’s projection once per call, outside the decoder’s loop (context_seq2seq.rnn)', () => {
    const { graph } = optimize(exampleModel('context_seq2seq.rnn').graph, { level: 2 });
    // C_z c, C_r c, C_n c: one batched GEMM of the packed C_z, C_r, C_n, before the decoder's scan.
    const outside = graph.nodes.filter((n) => isOp(n, 'matmul') && formatType(n.type) === 'batch [3*H]');
    expect(outside).toHaveLength(1);
  });

  it('compute the memory’s projection U_a h_j once per call, one GEMM over every position (attention.rnn)', () => {
    const model = exampleModel('attention.rnn');
    const projections = (g: Graph) =>
      g.nodes.filter((n) => isOp(n, 'matmul') && formatType(n.type) === 'seq(S) batch [A]');
    const decoder = (g: Graph) => g.nodes.find((n) => isOp(n, 'scan') && n.attrs.layer === 'decoder') as Node<'scan'>;
    // Written in the step, it is there at -O0 and leaves the loop at -O2.
    expect(projections(decoder(model.graph).attrs.body)).toHaveLength(1);
    const { graph } = optimize(model.graph, { level: 2 });
    expect(projections(graph)).toHaveLength(1);
    expect(projections(decoder(graph).attrs.body)).toHaveLength(0);
    expect(projections(optimize(model.graph, { level: 2, disable: new Set(['hoist']) }).graph)).toHaveLength(0);
  });

  it('report what each pass changed', () => {
    const { report } = optimize(exampleModel('lstm.rnn').graph, { level: 2 });
    const changes = report.flatMap((r) => r.changes.map((c) => `${r.pass}: ${c}`));
    expect(changes).toContain('gate-fusion: fused 4 products with x into one: W_ii, W_if, W_ig, W_io');
    expect(
      changes.some((c) => c.startsWith('hoist: LSTM: stack_rows packed W_hi, W_hf, W_hg, W_ho computed once')),
    ).toBe(true);
  });
});

describe('computing per-step outputs after the loop (batch-gradients)', () => {
  it('leaves in the loop an output that reads nothing that changes from step to step, keeping its time axis', () => {
    const model = selectModel(compileOk(constantOutputCell));
    const output = (g: Graph) => {
      const o = g.outputs.find((x) => x.name === 'y');
      return formatType(g.nodes[(o as { node: number }).node].type);
    };
    const { graph } = optimize(model.graph, { level: 2 });
    verify(graph);
    expect(output(graph)).toBe(output(model.graph));
    const sizes = bindSizes(model);
    const bindings = {
      dtype: 'f64' as const,
      sizes,
      params: initParams(model, sizes, 1, 'f64'),
      inputs: {
        x: tensorFromNested(
          'x',
          randomData([model.inputs[0]], sizes, { T: 3 }, 2, 1).x,
          model.inputs[0].type,
          sizes,
          'f64',
        ),
      },
      batch: 2,
      timeLengths: { T: 3 },
    };
    expect(Array.from(interpret(graph, bindings).y.data)).toEqual([2, 2, 2]);
  });
});

describe('cleanup passes on small graphs', () => {
  const vector = tensorType([3], { batched: true });
  const input = (b: GraphBuilder, name: string) => b.add('input', [], { name, role: 'input', type: vector });

  it('cse merges equal nodes and keeps different ones', () => {
    const b = new GraphBuilder();
    const x = input(b, 'x');
    const y = input(b, 'y');
    const a1 = b.add('tanh', [x], {});
    const a2 = b.add('tanh', [x], {});
    const c = b.add('tanh', [y], {});
    b.output('o', b.add('add', [b.add('add', [a1, a2], {}), c], {}), 'output');
    const { graph, changes } = cse.run(b.build());
    verify(graph);
    expect(graph.nodes.filter((n) => n.op === 'tanh')).toHaveLength(2);
    expect(changes).toEqual(['merged 1 repeated node']);
  });

  it('dce drops what no output uses', () => {
    const b = new GraphBuilder();
    const x = input(b, 'x');
    b.add('exp', [x], {});
    b.output('o', b.add('tanh', [x], {}), 'output');
    const { graph, changes } = dce.run(b.build());
    expect(graph.nodes.map((n) => n.op)).toEqual(['input', 'tanh']);
    expect(changes).toEqual(['removed 1 unused node']);
  });

  it('folding evaluates scalar constants and simplification removes identities', () => {
    const b = new GraphBuilder();
    const x = input(b, 'x');
    const scalar = (value: number) => b.add('const', [], { value, type: tensorType([]) });
    const one = b.add('sub', [scalar(3), scalar(2)], {});
    const zero = b.add('mul', [scalar(0), scalar(5)], {});
    b.output('o', b.add('add', [b.add('mul', [x, one], {}), zero], {}), 'output');
    const folded = constantFold.run(b.build());
    const simplified = dce.run(simplify.run(folded.graph).graph).graph;
    verify(simplified);
    expect(simplified.nodes.map((n) => n.op)).toEqual(['input']);
    expect(folded.changes).toEqual(['folded 2 constant expressions']);
  });

  it('simplification leaves an identity that would change the type alone', () => {
    const b = new GraphBuilder();
    const scalarInput = b.add('param', [], { name: 'p', type: tensorType([]), init: { kind: 'zeros' } });
    const ones = b.add('const', [], { value: 1, type: vector });
    b.output('o', b.add('mul', [scalarInput, ones], {}), 'output');
    expect(simplify.run(b.build()).changes).toEqual([]);
  });
});
