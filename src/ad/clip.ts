/**
 * Gradient clipping as graph nodes, the classic remedy for exploding
 * gradients: by global norm (all param gradients scaled by
 * min(1, max_norm / ‖g‖), as torch.nn.utils.clip_grad_norm_) and by value
 * (each entry clamped to [-v, v], as clip_grad_value_). Norm first, then value.
 */
import type { GraphBuilder } from '../ir/builder.js';
import type { NodeId } from '../ir/graph.js';
import { scalarType, type TensorType } from '../ir/types.js';

export interface ClipOptions {
  readonly norm?: number;
  readonly value?: number;
}

export function clipGradients(
  b: GraphBuilder,
  grads: readonly { name: string; node: NodeId }[],
  options: ClipOptions,
): readonly { name: string; node: NodeId }[] {
  const scalar = (value: number) => b.add('const', [], { value, type: scalarType });
  let clipped = grads;
  if (options.norm !== undefined) {
    if (!(options.norm > 0)) throw new RangeError(`the clipping norm must be positive, got ${options.norm}`);
    const squares = grads.map(({ node }) => {
      let total = b.add('mul', [node, node], {});
      while ((b.typeOf(total) as TensorType).shape.length > 0) total = b.add('sum', [total], {});
      return total;
    });
    const sumOfSquares = squares.reduce((acc, s) => b.add('add', [acc, s], {}));
    const norm = b.add('sqrt', [sumOfSquares], {}, { label: 'gradient norm' });
    // min(1, max_norm / (norm + 1e-6)), as PyTorch does.
    const ratio = b.add('div', [scalar(options.norm), b.add('add', [norm, scalar(1e-6)], {})], {});
    const scale = b.add('min', [scalar(1), ratio], {}, { label: 'clip scale' });
    clipped = grads.map(({ name, node }) => ({ name, node: b.add('mul', [node, scale], {}) }));
  }
  if (options.value !== undefined) {
    if (!(options.value > 0)) throw new RangeError(`the clipping value must be positive, got ${options.value}`);
    const [low, high] = [scalar(-options.value), scalar(options.value)];
    clipped = clipped.map(({ name, node }) => ({
      name,
      node: b.add('max', [low, b.add('min', [node, high], {})], {}),
    }));
  }
  return clipped;
}
