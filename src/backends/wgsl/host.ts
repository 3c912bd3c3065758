/**
 * The host module of the WGSL target: the TypeScript backend's declarations
 * (types, shapes, checks, init, pack, PyTorch's layout), the runtime that
 * drives WebGPU (runtime.ts, copied verbatim), the program (kernels and
 * plans) as data, and `createModel(device)` with async forward, grad and
 * trainStep of the same signatures as the TypeScript backend's.
 */
import { Code } from '../ts/code.js';
import { emitDeclarations, type ModuleOptions } from '../ts/module.js';
import { trainingSupport } from '../ts/runtime.js';
import type { GpuProgram } from './runtime.js';
import { runtimeSource } from './runtime-source.js';
import { lengthAxes, lengthsKey } from '../../ir/lengths.js';
import { isNoisy } from '../../ir/graph.js';
import { noiseInputName, seedLimit } from '../../ir/ops/noise.js';

export type HostOptions = Pick<
  ModuleOptions,
  'model' | 'sizes' | 'dtype' | 'forward' | 'grad' | 'source' | 'level' | 'torch' | 'layout'
> & { readonly program: GpuProgram; readonly schedule: string };

/** The program as a literal: JSON, with each kernel's WGSL on a line of its own. */
function programLiteral(program: GpuProgram): string {
  const { kernels, ...plans } = program;
  const kernelLines = kernels.map(
    (k) =>
      `    { name: ${JSON.stringify(k.name)}, stepped: ${k.stepped}, workgroupSize: ${k.workgroupSize}, ${k.workgroupBytes ? `workgroupBytes: ${k.workgroupBytes}, ` : ''}code: ${JSON.stringify(k.code)}${k.subgroupCode ? `, subgroupCode: ${JSON.stringify(k.subgroupCode)}` : ''} },`,
  );
  const rest = JSON.stringify(plans, null, 2).slice(1, -1).trim();
  return ['{', '  kernels: [', ...kernelLines, '  ],', `  ${rest.replace(/\n/g, '\n')},`, '}'].join('\n');
}

export function emitHost(options: HostOptions): string {
  const code = new Code();
  code.line('/// <reference types="@webgpu/types" />');
  emitDeclarations(
    code,
    { ...options, target: `WGSL kernels for WebGPU (${options.schedule} schedule)` },
    'Float32Array',
  );
  const hasGrad = options.program.grad !== undefined;
  if (hasGrad) code.line(trainingSupport('Float32Array', false));
  code.line(runtimeSource());
  code.comment(`The kernels (also written as .wgsl files) and the order the host dispatches them in.`);
  code.line(`const program: GpuProgram = ${programLiteral(options.program)};`);
  code.line();
  const tokens = options.model.inputs.some((i) => i.vocabulary !== undefined);
  code.line(
    hostApi(hasGrad, options.layout === 'batch-major', lengthAxes(options.forward), tokens, isNoisy(options.forward)),
  );
  return code.toString();
}

function hostApi(
  hasGrad: boolean,
  batchMajor: boolean,
  ragged: readonly string[],
  tokens: boolean,
  noisy: boolean,
): string {
  // With per-sample lengths and with dropout, each call takes them last (lengths, then the
  // mode), and the runner writes them as inputs.
  const lengths = ragged.length > 0;
  const trailing = (withLengths: string, withMode: string) => `${lengths ? withLengths : ''}${noisy ? withMode : ''}`;
  const lengthsParam = trailing(', sampleLengths: Lengths = {}', ", mode: RunMode = { mode: 'eval' }");
  const lengthsOptional = trailing(', lengths?: Lengths', ', mode?: RunMode');
  const lengthsArg = trailing(', sampleLengths', ', mode');
  const trainParam = trailing(
    ', sampleLengths: Lengths = {}',
    `, mode: RunMode = { mode: 'train', seed: opt.steps % ${seedLimit} }`,
  );
  const extraInputs = [
    ...ragged.map(
      (a) =>
        `${JSON.stringify(lengthsKey(a))}: { data: lengthsOf(sampleLengths, ${JSON.stringify(a)}, B, lengths[${JSON.stringify(a)}] as number) }`,
    ),
    ...(noisy ? [`${JSON.stringify(noiseInputName)}: { data: noiseOf(mode) }`] : []),
  ];
  const lengthsInputs =
    extraInputs.length > 0
      ? `${
          lengths
            ? `
    if (typeof sampleLengths !== 'object' || sampleLengths === null) fail('lengths must be an object of per-sample lengths by time axis');
    checkNames('time axis', sampleLengths, lengthAxes);`
            : ''
        }
    const withLengths = { ...${tokens ? 'tokenValues(inputs)' : 'inputs'}, ${extraInputs.join(', ')} };`
      : '';
  // Token ids go to the GPU as floats, like every other input.
  const runInputs = extraInputs.length > 0 ? 'withLengths' : tokens ? 'tokenValues(inputs)' : 'inputs';
  // A batch-major host swaps sequences' first two axes on the way in and out (batch-major.ts).
  const [given, outputsOut, inputGradsOut] = batchMajor
    ? [
        `given: Inputs, initialStates: InitialStates, needTargets: boolean${lengthsParam}) => {\n    const inputs = timeMajorInputs(given);`,
        'batchMajor(r.outputs, sequenceOutputs)',
        'batchMajor(r.inputGrads, sequenceInputs)',
      ]
    : [
        `inputs: Inputs, initialStates: InitialStates, needTargets: boolean${lengthsParam}) => {`,
        'r.outputs',
        'r.inputGrads',
      ];
  const gradMembers = hasGrad
    ? `
  /** The loss and its gradient with respect to every param, input and initial state (BPTT), on the GPU. */
  grad(model: Params | Packed, inputs: Inputs, initialStates?: InitialStates${lengthsOptional}): Promise<GradResult>;
  /** One step of gradient descent: grad on the GPU, then the update of params in place (as the TypeScript backend's). */
  trainStep(params: Params, opt: Optimizer, inputs: Inputs, initialStates?: InitialStates${lengthsOptional}): Promise<{ loss: number; gradientNorm: number }>;`
    : '';
  const gradImpl = hasGrad
    ? `
  const grad = async (model: Params | Packed, inputs: Inputs, initialStates: InitialStates = {}${lengthsParam}) => {
    const r = await call(program.grad as FunctionPlan, model, inputs, initialStates, true${lengthsArg});
    const grads = Object.fromEntries(Object.entries(r.grads).map(([name, t]) => [name, t.data]));
    return { loss: r.loss.loss.data[0], outputs: ${outputsOut}, finalStates: r.finalStates, grads, inputGrads: ${inputGradsOut}, stateGrads: r.stateGrads } as unknown as GradResult;
  };`
    : '';
  return `/** The model on a WebGPU device: the same calls as the TypeScript backend's module, asynchronous. */
export interface GpuModel {
  /** The adapter the kernels run on, as it describes itself. */
  readonly adapter: string;
  forward(model: Params | Packed, inputs: Inputs, initialStates?: InitialStates${lengthsOptional}): Promise<ForwardResult>;${gradMembers}
  /** Gives the device's buffers back. */
  destroy(): void;
}

/**
 * Creates the pipelines on \`device\` (or on the best adapter there is, see
 * openDevice) once; buffers are made once per batch size and sequence length.
 * \`options\` are the runner's (RunnerOptions: \`{ quietWait: false }\` polls
 * for the results instead of sleeping while the kernels run).
 */
export async function createModel(device?: GPUDevice, options: RunnerOptions = {}): Promise<GpuModel> {
  const opened = device ? { device, adapter: describeAdapter(device.adapterInfo) } : await openDevice();
  const runner = await createGpuRunner(program, opened.device, opened.adapter, options);
  const call = (plan: FunctionPlan, model: Params | Packed, ${given}
    const { params } = unwrap(model);
    checkParams(params);
    const { B, lengths } = checkInputs(inputs, needTargets);
    checkInitialStates(initialStates, B);${lengthsInputs}
    return runner.run(plan, { params, inputs: ${runInputs} as unknown as RunArgs['inputs'], initialStates, B, lengths });
  };${gradImpl}
  return {
    adapter: runner.adapter,
    async forward(model, inputs, initialStates = {}${lengthsParam}) {
      const r = await call(program.forward, model, inputs, initialStates, false${lengthsArg});
      return { outputs: ${outputsOut}, finalStates: r.finalStates } as unknown as ForwardResult;
    },${
      hasGrad
        ? `
    grad,
    trainStep: async (params, opt, inputs, initialStates = {}${trainParam}) => applyGradients(params, opt, await grad(params, inputs, initialStates${lengthsArg})),`
        : ''
    }
    destroy: () => runner.destroy(),
  };
}
`;
}
