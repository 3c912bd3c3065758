/** `rnnc run --target wgsl`: a model's WGSL kernels on a WebGPU device, with the interpreter's inputs and output. */
import { compileToWgsl } from '../backends/wgsl/index.js';
import type { Schedule } from '../backends/wgsl/kernels.js';
import { createGpuRunner, openDevice } from '../backends/wgsl/runtime.js';
import { UserError } from '../diagnostics.js';
import type { CellInfo } from '../frontend/cell.js';
import type { ModelInfo } from '../frontend/model.js';
import { checkRun, type RunInputs, type RunOptions, type RunResult } from '../interp/run.js';
import type { OptLevel } from '../passes/pipeline.js';
import { Tensor } from '../tensor/tensor.js';
import { byName, own } from '../names.js';
import { lengthAxes, lengthsKey } from '../ir/lengths.js';
import { isNoisy } from '../ir/graph.js';
import { noiseInputName } from '../ir/ops/noise.js';

export interface WgslRunOptions {
  readonly level: OptLevel;
  readonly schedule: Schedule | 'auto';
  readonly source: { readonly file: string; readonly text: string };
  readonly cells: ReadonlyMap<string, CellInfo>;
}

/** Runs forward (or, when every target is given, grad for the loss too) on the best WebGPU adapter there is. */
export async function runOnGpu(
  model: ModelInfo,
  given: RunInputs,
  options: RunOptions,
  wgsl: WgslRunOptions,
): Promise<RunResult & { adapter: string }> {
  const checked = checkRun(model, given, { ...options, dtype: 'f32' });
  const compiled = compileToWgsl(model, { ...wgsl, sizes: options.sizes });
  let opened;
  try {
    opened = await openDevice();
  } catch (e) {
    throw new UserError((e as Error).message.replace(/^rnnc model: /, ''));
  }
  const runner = await createGpuRunner(compiled.program, opened.device, opened.adapter);
  try {
    const withLoss = model.hasLoss && checked.haveTargets && compiled.program.grad !== undefined;
    const plan = withLoss
      ? (compiled.program.grad as NonNullable<typeof compiled.program.grad>)
      : compiled.program.forward;
    const data = (t: Tensor) => (t.data instanceof Float32Array ? t.data : Float32Array.from(t.data));
    const results = await runner.run(plan, {
      params: Object.fromEntries(Object.entries(given.params).map(([k, t]) => [k, data(t)])),
      inputs: {
        ...Object.fromEntries(Object.entries(checked.inputs).map(([k, t]) => [k, { data: data(t) }])),
        // Each time axis's lengths, which the kernels read as one more input (every sample whole when not given).
        ...Object.fromEntries(
          lengthAxes(model.graph).map((axis) => [
            lengthsKey(axis),
            {
              data:
                own(checked.lengths, axis) !== undefined
                  ? data(own(checked.lengths, axis) as Tensor)
                  : new Float32Array(checked.batch).fill(checked.timeLengths[axis]),
            },
          ]),
        ),
        // The mode and seed that dropout's masks read.
        ...(isNoisy(model.graph) ? { [noiseInputName]: { data: Float32Array.from(checked.noise) } } : {}),
      },
      initialStates: Object.fromEntries(Object.entries(checked.initialStates).map(([k, t]) => [k, data(t)])),
      B: checked.batch,
      lengths: checked.timeLengths,
    });
    const tensors = (group: Record<string, { data: Float32Array; shape: number[] }>, role: string) =>
      byName(
        model.graph.outputs
          .filter((o) => o.role === role && own(group, o.name) !== undefined)
          .map((o) => {
            const type = model.graph.nodes[o.node].type;
            if (type.kind !== 'tensor') throw new Error(`${o.name} is not a tensor`);
            const lead = {
              time: type.time !== null ? checked.timeLengths[type.time] : null,
              batch: type.batched ? checked.batch : null,
            };
            const { data: values, shape } = own(group, o.name) as { data: Float32Array; shape: number[] };
            const leadRank = (lead.time !== null ? 1 : 0) + (lead.batch !== null ? 1 : 0);
            return [o.name, new Tensor(values, lead, shape.slice(leadRank))];
          }),
      );
    const loss = results.loss.loss?.data[0];
    return {
      outputs: tensors(results.outputs, 'output'),
      finalStates: tensors(results.finalStates, 'final_state'),
      batch: checked.batch,
      timeLengths: checked.timeLengths,
      adapter: runner.adapter,
      ...(loss !== undefined ? { loss } : {}),
    };
  } finally {
    runner.destroy();
  }
}
