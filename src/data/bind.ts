/**
 * Matching a data set's tensors with a model's inputs and target: the data's
 * inputs go to the model's inputs in declaration order, its target to the
 * model's one target. A width the data fixes (the vocabulary, the class
 * count) sets the model's size of that name unless `--size` set it.
 */
import { UserError } from '../diagnostics.js';
import type { ModelInfo, ModelInput } from '../frontend/model.js';
import { type Dim, formatShape } from '../ir/dims.js';
import { bindSizes, type Sizes } from '../interp/run.js';
import type { Dataset, Layout, Role } from './dataset.js';
import { byName, mergeByName, own } from '../names.js';

export interface Binding {
  readonly sizes: Record<string, number>;
  /** The model's input or target name for each data role. */
  readonly names: Readonly<Record<string, string>>;
  readonly layout: Layout;
  /** The model's inputs and targets that take token ids (`token(V)`) where the data has one-hot rows. */
  readonly tokens: ReadonlySet<string>;
  /** The model's time axis of each sequence role. */
  readonly axes: Readonly<Record<string, string>>;
}

const describe = (i: ModelInput) =>
  `${i.role} ${i.name}: ${i.type.time !== null ? 'seq' : ''}${i.vocabulary ? ` token(${i.vocabulary.toString()})` : formatShape(i.type.shape)}`;

/** How wide a model input is: its vector's size, or a token input's vocabulary. */
const widthOf = (i: ModelInput) => i.vocabulary ?? (i.type.shape.length === 1 ? i.type.shape[0] : undefined);

export function bindData(model: ModelInfo, data: Dataset, overrides: Sizes): Binding {
  const inputs = model.inputs.filter((i) => i.role === 'input');
  const targets = model.inputs.filter((i) => i.role === 'target');
  const dataInputs = data.roles.filter((r) => r.role !== 'target');
  const dataTarget = data.roles.find((r) => r.role === 'target') as Role;
  const wanted = `${dataInputs.length === 1 ? 'one sequence input' : `${dataInputs.length} sequence inputs (${dataInputs.map((r) => r.role).join(', ')})`} and one target`;
  if (inputs.length !== dataInputs.length || targets.length !== 1 || !model.hasLoss)
    throw new UserError(
      `${data.kind} data needs a model with ${wanted} and a loss; model ${model.name} has ${inputs.length} input${inputs.length === 1 ? '' : 's'} (${inputs.map((i) => i.name).join(', ') || 'none'}), ${targets.length} target${targets.length === 1 ? '' : 's'}${model.hasLoss ? '' : ' and no loss'}`,
    );
  const pairs: [Role, ModelInput][] = [
    ...dataInputs.map((r, k): [Role, ModelInput] => [r, inputs[k]]),
    [dataTarget, targets[0]],
  ];
  const proposed: Record<string, number> = byName();
  for (const [role, input] of pairs) {
    const sequence = input.type.time !== null;
    if ((role.form === 'sequence' && !sequence) || (role.form === 'vector' && sequence))
      throw new UserError(
        `${data.kind} data gives the ${role.role} as ${role.form === 'sequence' ? 'a sequence ([T][B][…])' : 'one vector per sequence ([B][…])'}, but model ${model.name} declares ${describe(input)}`,
      );
    const dim = widthOf(input);
    if (dim === undefined)
      throw new UserError(
        `model ${model.name} declares ${describe(input)}; ${data.kind} data gives a vector per ${sequence ? 'step' : 'sequence'}`,
      );
    const [name] = dim.names;
    if (dim.constant === 0 && dim.terms.length === 1 && dim.terms[0][1] === 1 && own(overrides, name) === undefined) {
      if (own(proposed, name) !== undefined && proposed[name] !== role.width)
        throw new UserError(`the data needs size ${name} to be both ${proposed[name]} and ${role.width}`);
      proposed[name] = role.width;
    }
  }
  const sizes = bindSizes(model, mergeByName(proposed, overrides));
  for (const [role, input] of pairs) {
    const width = (widthOf(input) as Dim).evaluate(sizes);
    if (width !== role.width)
      throw new UserError(
        role.where && width < role.width
          ? `${role.where}, outside the ${width} ${role.what} of model ${model.name}'s ${input.name} (${formatShape(input.type.shape)})`
          : `the data has ${role.width} ${role.what}, but model ${model.name}'s ${describe(input)} is ${width} wide with ${Object.entries(
              sizes,
            )
              .map(([k, v]) => `${k} = ${v}`)
              .join(', ')}`,
      );
  }
  return {
    sizes,
    names: Object.fromEntries(pairs.map(([role, input]) => [role.role, input.name])),
    layout: { targetPerStep: targets[0].type.time !== null },
    tokens: new Set(pairs.flatMap(([, input]) => (input.vocabulary ? [input.name] : []))),
    axes: Object.fromEntries(
      pairs.flatMap(([role, input]) => (input.type.time !== null ? [[role.role, input.type.time]] : [])),
    ),
  };
}
