/**
 * A module compiled with `--batch-major` takes and gives sequences as `[B][T][…]`. Inside it
 * computes time-major as always: its exported functions swap the first two axes of sequence
 * inputs on the way in (checking their batch-major shape first, so a message names the shape
 * the caller should give) and of sequence outputs and input gradients on the way out.
 */
import { stringLiteral } from './code.js';

/** The helpers a batch-major module or host declares after its run-time checks. */
export function batchMajorSupport(sequenceInputs: readonly string[], sequenceOutputs: readonly string[]): string {
  const set = (names: readonly string[]) => `new Set<string>([${names.map(stringLiteral).join(', ')}])`;
  return `
// Sequences are batch-major at this module's boundary, [B][T][features]; inside, time-major.
export const layout = 'batch-major' as const;
const sequenceInputs: ReadonlySet<string> = ${set(sequenceInputs)};
const sequenceOutputs: ReadonlySet<string> = ${set(sequenceOutputs)};

/** [a][b][…] → [b][a][…]: the first two axes swapped, into a new array. */
function swapLead(t: Tensor): Tensor {
  const [a, b, ...rest] = t.shape;
  const size = rest.reduce((x, y) => x * y, 1);
  const out = new (t.data.constructor as new (length: number) => Arr)(t.data.length);
  for (let i = 0; i < a; i++)
    for (let j = 0; j < b; j++) out.set(t.data.subarray((i * b + j) * size, (i * b + j + 1) * size), (j * a + i) * size);
  return { data: out, shape: [b, a, ...rest] };
}

/** The caller's batch-major sequences as the time-major ones the computation reads. */
function timeMajorInputs(inputs: Inputs): Inputs {
  if (typeof inputs !== 'object' || inputs === null) return inputs;
  const out: { [name: string]: Tensor | undefined } = { ...inputs };
  for (const [name, spec] of Object.entries(inputSpecs) as [string, { time: string | null; batch: boolean; shape: readonly number[] }][]) {
    const t = out[name];
    if (t === undefined || !sequenceInputs.has(name)) continue;
    const expected = ['B', spec.time, ...spec.shape].join(', ');
    if (typeof t !== 'object' || t === null || !ArrayBuffer.isView(t.data) || !Array.isArray(t.shape)) fail(\`\${name} must be { data: Float32Array, shape: [\${expected}] }\`);
    const shape = t.shape;
    if (shape.length !== 2 + spec.shape.length || spec.shape.some((d, k) => shape[2 + k] !== d) || !shape.every((d) => Number.isInteger(d) && d > 0) || t.data.length !== shape.reduce((x, y) => x * y, 1)) {
      fail(\`\${name} has shape [\${shape.join(', ')}] and \${t.data.length} values, expected [\${expected}] (batch-major)\`);
    }
    out[name] = swapLead(t);
  }
  return out as Inputs;
}

/** Time-major results as the caller's batch-major ones: the named sequences swapped. */
function batchMajor<R>(tensors: R, sequences: ReadonlySet<string>): R {
  return Object.fromEntries(
    Object.entries(tensors as { [name: string]: Tensor }).map(([name, t]) => [name, sequences.has(name) ? swapLead(t) : t]),
  ) as R;
}
`;
}
