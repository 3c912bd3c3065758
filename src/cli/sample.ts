/**
 * `rnnc sample RUN/`: text from a trained character model. The prime is
 * read in one forward call; then each character is drawn from the softmax
 * of the model's first output (scores; a softmax output is read as
 * probabilities) divided by the temperature, and fed back with the states
 * the previous call ended in.
 */
import { join } from 'node:path';
import { UserError } from '../diagnostics.js';
import { oneHot } from '../data/dataset.js';
import { encodeText } from '../data/text.js';
import { selectModel } from '../frontend/program.js';
import { Random } from '../interp/random.js';
import { files, loadParams, readRunFile } from '../train/checkpoint.js';
import { compileForTraining } from '../train/compiled.js';
import { loadProgram } from './load.js';

export interface SampleFlags {
  readonly prime: string;
  readonly length: string;
  readonly temperature: string;
  readonly seed: string;
}

/** Draws an index from softmax(scores / temperature); temperature 0 takes the largest. */
export function drawCharacter(scores: Float32Array, temperature: number, random: Random): number {
  let best = 0;
  for (let k = 1; k < scores.length; k++) if (scores[k] > scores[best]) best = k;
  if (temperature === 0) return best;
  const weights = Array.from(scores, (s) => Math.exp((s - scores[best]) / temperature));
  const total = weights.reduce((a, b) => a + b, 0);
  let u = random.next() * total;
  for (let k = 0; k < weights.length; k++) {
    u -= weights[k];
    if (u < 0) return k;
  }
  return best;
}

export async function sampleCommand(folder: string, flags: SampleFlags, err: (text: string) => void): Promise<string> {
  const run = readRunFile(folder);
  const data = run.data as { spec: string; meta: { vocabulary?: string[] }; names: Record<string, string> };
  const vocabulary = data.meta.vocabulary;
  if (!vocabulary)
    throw new UserError(`${folder} was trained on ${data.spec}, not on text: rnnc sample needs a character model`);
  const length = Number(flags.length);
  if (!Number.isInteger(length) || length < 1)
    throw new UserError(`--length must be a positive whole number, got '${flags.length}'`);
  const temperature = Number(flags.temperature);
  if (!(temperature >= 0)) throw new UserError(`--temperature must be 0 or more, got '${flags.temperature}'`);
  if (flags.prime.length === 0) throw new UserError('--prime must hold at least one character');

  const program = loadProgram(join(folder, files.source), err);
  const modelInfo = run.model as { name: string; sizes: Record<string, number> };
  const model = selectModel(program, modelInfo.name);
  const compiled = await compileForTraining(model, {
    target: 'ts',
    sizes: modelInfo.sizes,
    source: { file: program.file, text: program.source },
    cells: program.cellTable,
  });
  const params = loadParams(join(folder, files.checkpoint), compiled.paramShapes);
  const prime = encodeText(flags.prime, vocabulary, '--prime');
  const input = data.names.input as string;
  const outputName = model.outputs[0] as string;
  const outputNode = model.graph.nodes[model.graph.outputs.find((o) => o.name === outputName)?.node ?? -1];
  const probabilities = outputNode?.op === 'softmax';
  const V = vocabulary.length;
  const random = new Random(Number(flags.seed) || 0);

  // A token input reads the characters' ids, a vector input their one-hot rows.
  const tokens = model.inputs.find((i) => i.name === input)?.vocabulary !== undefined;
  const encode = (ids: ArrayLike<number>) =>
    tokens
      ? { data: Float32Array.from(ids), shape: [ids.length, 1] }
      : { data: oneHot(ids, V), shape: [ids.length, 1, V] };
  let result = await compiled.forward(params, { [input]: encode(prime) });
  const text: string[] = [...flags.prime];
  for (let k = 0; k < length; k++) {
    const out = result.outputs[outputName];
    if (!out) throw new Error(`the model has no output ${outputName}`);
    let scores = out.data.slice(out.data.length - V);
    if (probabilities) scores = scores.map((p) => Math.log(Math.max(p, 1e-30)));
    const next = drawCharacter(scores, temperature, random);
    text.push(vocabulary[next]);
    const states = Object.fromEntries(Object.entries(result.finalStates).map(([name, t]) => [name, t.data]));
    result = await compiled.forward(params, { [input]: encode([next]) }, states);
  }
  compiled.destroy();
  return text.join('');
}
