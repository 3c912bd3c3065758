import { describe, expect, it } from 'vitest';
import { elementwiseKernel } from '../src/backends/wasm/elementwise.js';
import { encodeModule, memoryPages, moduleText } from '../src/backends/wasm/encoder.js';
import { type StepLoop, stepLoopArguments, stepLoopKernel } from '../src/backends/wasm/step-loop.js';
import { wasm } from './helpers/wasm.js';

// A toy recurrence h' = h · x_t + 1 over rows of 4 floats, kept for every step:
// one elementwise call, a copy into the output at t and a copy into the carry.
const rows = 3;
const floats = 4 * rows;
const bytes = 4 * floats;
const [xAt, hAt, nextAt, outAt, scratchAt] = [0, 1, 2, 3, 4].map((k) => 4096 * k);

function program(reverse: boolean): StepLoop {
  return {
    arrays: 5,
    integers: 2,
    reverse,
    ops: [
      {
        kind: 'call',
        kernel: 'step',
        operands: [
          { kind: 'address', address: { array: 2, offset: 0 } },
          { kind: 'address', address: { array: 1, offset: 0 } },
          { kind: 'address', address: { array: 0, offset: 0, stride: { param: 1 } } },
          { kind: 'integer', value: { param: 0 } },
        ],
      },
      {
        kind: 'copy',
        to: { array: 3, offset: 0, stride: { param: 1 } },
        from: { array: 2, offset: 0 },
        bytes: { param: 1 },
      },
      { kind: 'copy', to: { array: 1, offset: 0 }, from: { array: 2, offset: 0 }, bytes: { param: 1 } },
      // Zeroes the second float of the scratch row at every step: a constant offset and size.
      { kind: 'zero', to: { array: 4, offset: 4, stride: { constant: 0 } }, bytes: { constant: 4 } },
    ],
  };
}

function run(reverse: boolean, T: number, steps: number, first = 0) {
  const step = elementwiseKernel('step', {
    sample: 4,
    leaves: [
      { stride: 4, splat: false },
      { stride: 4, splat: false },
    ],
    tree: {
      kind: 'op',
      op: 'add',
      args: [
        {
          kind: 'op',
          op: 'mul',
          args: [
            { kind: 'leaf', index: 0 },
            { kind: 'leaf', index: 1 },
          ],
        },
        { kind: 'literal', value: 1 },
      ],
    },
  });
  const loop = stepLoopKernel('time_loop0', program(reverse), (name) => (name === 'step' ? 0 : -1));
  const module = encodeModule([step, loop]);
  expect(wasm.validate(module)).toBe(true);
  const memory = new wasm.Memory({ initial: 1, maximum: memoryPages });
  const exports = new wasm.Instance(new wasm.Module(module), { env: { memory } }).exports as unknown as Record<
    string,
    (...args: number[]) => void
  >;
  const x = Float32Array.from({ length: T * floats }, (_, k) => 0.5 + Math.sin(k) / 4);
  new Float32Array(memory.buffer, xAt, x.length).set(x);
  new Float32Array(memory.buffer, hAt, floats).fill(2);
  new Float32Array(memory.buffer, scratchAt, 4).set([7, 8, 9, 10]);
  exports.time_loop0(xAt, hAt, nextAt, outAt, scratchAt, rows, bytes, first, steps, T);
  // The same recurrence in JavaScript, in f32.
  const h = new Float32Array(floats).fill(2);
  const out = new Float32Array(T * floats);
  for (let s = first; s < steps; s++) {
    const t = reverse ? T - 1 - s : s;
    for (let j = 0; j < floats; j++) h[j] = Math.fround(Math.fround(h[j] * x[t * floats + j]) + 1);
    out.set(h, t * floats);
  }
  return {
    out: new Float32Array(memory.buffer, outAt, T * floats).slice(),
    expected: out,
    h: new Float32Array(memory.buffer, hAt, floats).slice(),
    expectedH: h,
    scratch: Array.from(new Float32Array(memory.buffer, scratchAt, 4)),
    text: moduleText([step, loop]),
  };
}

describe('a time loop as one WebAssembly function', () => {
  it.each([
    [false, 5, 5, 0],
    [true, 5, 5, 0],
    [false, 6, 3, 0],
    [true, 6, 3, 0],
    [false, 4, 0, 0],
    [false, 6, 4, 2],
    [true, 6, 5, 3],
  ])(
    'runs each step at its time (reverse %s, T = %i, up to step %i from step %i), with the carry and output copies',
    (reverse, T, steps, first) => {
      const r = run(reverse, T, steps, first);
      expect(Array.from(r.out)).toEqual(Array.from(r.expected));
      expect(Array.from(r.h)).toEqual(Array.from(r.expectedH));
      expect(r.scratch).toEqual(steps > first ? [7, 0, 9, 10] : [7, 8, 9, 10]);
    },
  );

  it('names its parameters and the kernels it calls in the listing', () => {
    expect(stepLoopArguments(program(false))).toEqual([
      'p0',
      'p1',
      'p2',
      'p3',
      'p4',
      'n0',
      'n1',
      'first',
      'steps',
      'T',
      'control',
      'workers',
    ]);
    const { text } = run(true, 2, 2);
    expect(text).toContain('call $step');
    expect(text).toContain('memory.copy');
    expect(text).toContain('memory.fill');
    expect(text).toContain('from the last step to the first');
  });

  it('refuses to call a kernel the module lacks', () => {
    expect(() => stepLoopKernel('time_loop0', program(false), () => -1)).toThrow(
      'a time loop calls step, which the module lacks',
    );
  });

  it('refuses to hand a worker a kernel the module lacks', () => {
    const halves = { half: 'step_half', samplesAt: 3, offsets: [0, 0, 0, 0] };
    expect(() =>
      stepLoopKernel(
        'time_loop0',
        program(false),
        (kernel) => (kernel === 'step' ? 0 : -1),
        () => ({ halves }),
      ),
    ).toThrow('a time loop splits step_half, which the module lacks');
  });
});
