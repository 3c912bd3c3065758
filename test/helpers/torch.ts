import type { ModelInfo } from '../../src/frontend/model.js';
import type { Program } from '../../src/frontend/program.js';
import { tensorFromNested } from '../../src/interp/io.js';
import { tensorType } from '../../src/ir/types.js';
import type { Tensor } from '../../src/tensor/tensor.js';
import { readTorchWeights, torchInitialStates } from '../../src/weights/torch.js';

/** A PyTorch reference file's params and initial states (h0, c0), loaded into a model. */
export function torchValues(
  reference: Record<string, unknown>,
  model: ModelInfo,
  program: Program,
  sizes: Record<string, number>,
): { params: Record<string, Tensor>; initialStates: Record<string, unknown>; initialTensors: Record<string, Tensor> } {
  const params = readTorchWeights(model, program.cellTable, sizes, reference.params as Record<string, unknown>, 'f64');
  const initialStates = torchInitialStates(model, { h0: reference.h0, c0: reference.c0 });
  const initialTensors = Object.fromEntries(
    Object.entries(initialStates).map(([name, v]) => [
      name,
      tensorFromNested(name, v, tensorType(['H'], { batched: true }), sizes, 'f64'),
    ]),
  );
  return { params, initialStates, initialTensors };
}
