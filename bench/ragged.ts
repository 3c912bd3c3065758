/**
 * The variable-length and token workloads of `npm run bench` (bench/models/tokens.rnn):
 *
 * - ragged: an LSTM (I = H = 256, B = 16) over a batch padded to 50 steps whose samples have
 *   10…50 real steps, forward+backward of sum(h ⊙ R) over the real steps: rnnc's module
 *   compiled with lengths, given them and not (every sample 50 steps), the same with the
 *   skip-ended-rows pass off (every row of every step, masked), and the module compiled
 *   without lengths; PyTorch over pack_padded_sequence and over the padded batch. The rnnc
 *   variants are also timed against each other in turns.
 * - attention: examples/attention.rnn (B = 32, S = 12, U = 10) with lengths along both axes,
 *   against the same batch padded.
 * - tokens: token ids (V = 10,000) through an embedding (E = 256) into the LSTM (H = 256,
 *   B = 16, T = 50), against the same model reading one-hot vectors through a [E, V]
 *   product; PyTorch with nn.Embedding.
 *
 * Outputs and losses are checked against each other first; rnnc and PyTorch are then timed
 * in turns (bench/peer.ts), PyTorch on one thread in a process of its own
 * (bench/torch_ragged.py).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { compile } from '../src/api/compile.js';
import { chooseModel, parse } from '../src/api/program.js';
import { torchKeyLayout } from '../src/weights/torch.js';
import { inTurns, startTorch } from './peer.js';
import type { Tensor } from './rnnc.js';
import { agree, median, middle, stream, uniform } from './timing.js';

const file = new URL('../../bench/models/tokens.rnn', import.meta.url).pathname;
const folder = mkdtempSync(join(tmpdir(), 'rnnc-ragged-'));
const B = 16;
const T = 50;

interface Module {
  init(seed: number): Record<string, Float32Array>;
  forward(p: unknown, inputs: unknown, states?: unknown, lengths?: unknown): { outputs: { l: Tensor } };
  grad(p: unknown, inputs: unknown, states?: unknown, lengths?: unknown): { loss: number };
}

async function load(model: string, lengths: string[] = [], disable: string[] = []): Promise<Module> {
  const { files, main } = compile(readFileSync(file, 'utf8'), { file, model, lengths, disable });
  const js = ts.transpileModule(files[main], {
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ES2022 },
  }).outputText;
  const path = join(
    folder,
    `${model}${lengths.length > 0 ? '-lengths' : ''}${disable.map((d) => `-no-${d}`).join('')}.mjs`,
  );
  writeFileSync(path, js);
  return (await import(pathToFileURL(path).href)) as Module;
}

/** PyTorch's LSTM state dict from rnnc's params (gate blocks stacked by rows). */
function torchLstm(model: string, params: Record<string, Float32Array>): Record<string, number[]> {
  const program = parse(readFileSync(file, 'utf8'), { file });
  const layout = torchKeyLayout(chooseModel(program, { model }).model, program.cellTable);
  if (!layout) throw new Error('the bench LSTM is not a PyTorch layout');
  return Object.fromEntries([...layout].map(([key, names]) => [key, names.flatMap((n) => Array.from(params[n]))]));
}

interface Row {
  readonly workload: string;
  readonly system: string;
  readonly ms: number;
}

/** Runs both workloads; returns their section of the report (markdown). */
export async function benchRagged(runs: number, rounds: number): Promise<string> {
  const rows: Row[] = [];
  const duels: string[] = [];
  const next = stream(99);
  const lengths = Array.from({ length: B }, () => 10 + Math.floor(next() * 41));
  const realSteps = lengths.reduce((a, b) => a + b, 0);

  // Ragged.
  const ragged = await load('Ragged', ['T']);
  const plain = await load('Ragged');
  const masked = await load('Ragged', ['T'], ['skip-ended-rows']);
  const params = ragged.init(1);
  const I = 256;
  const H = 256;
  const inputs = {
    x: { data: uniform(T * B * I, 11), shape: [T, B, I] },
    R: { data: uniform(T * B * H, 12), shape: [T, B, H] },
  };
  const given = { T: lengths };
  const lossRagged = ragged.grad(params, inputs, {}, given).loss;
  agree('the module with lengths, all 50 steps', [ragged.grad(params, inputs).loss], [plain.grad(params, inputs).loss]);
  agree('the module that masks ended rows', [masked.grad(params, inputs, {}, given).loss], [lossRagged]);
  const timeRow = async (workload: string, system: string, run: () => unknown) =>
    rows.push({ workload, system, ms: await median(run, runs) });
  await timeRow('ragged', 'rnnc, lengths 10…50', () => ragged.grad(params, inputs, {}, given));
  await timeRow('ragged', 'rnnc, lengths 10…50, masked (skip-ended-rows off)', () =>
    masked.grad(params, inputs, {}, given),
  );
  // The same lengths given longest first, as rnnc train's loaders give theirs: no gathering.
  const sorted = { T: [...lengths].sort((a, b) => b - a) };
  await timeRow('ragged', 'rnnc, lengths 10…50 sorted longest first', () => ragged.grad(params, inputs, {}, sorted));
  await timeRow('ragged', 'rnnc, lengths 10…50 sorted longest first, masked', () =>
    masked.grad(params, inputs, {}, sorted),
  );
  await timeRow('ragged', 'rnnc, padded to 50 (module with lengths, none given)', () => ragged.grad(params, inputs));
  // Every sample 25 steps: the time loops run half their steps, the work outside them stays that
  // of 50, so this row against the one above is the loops' share of the call.
  const half = { T: lengths.map(() => T / 2) };
  await timeRow('ragged', 'rnnc, every sample 25 of the 50 steps', () => ragged.grad(params, inputs, {}, half));
  await timeRow('ragged', 'rnnc, padded to 50 (module without lengths)', () => plain.grad(params, inputs));
  // The variants against each other, in turns: what skipping the ended rows saves.
  const selfDuels: string[] = [];
  const against = async (name: string, other: () => unknown, lengthsOf = given) => {
    const skipping = () => ragged.grad(params, inputs, {}, lengthsOf);
    const calls = Math.max(1, Math.round(150 / (rows[0]?.ms ?? 150)));
    const turn = async (n: number) => {
      const t0 = performance.now();
      for (let k = 0; k < n; k++) other();
      return (performance.now() - t0) / n;
    };
    const turns = await inTurns(skipping, turn, calls, rounds);
    const { ratios } = turns;
    selfDuels.push(
      `| ${name} | ${turns.rnnc.toFixed(1)} | ${turns.peer.toFixed(1)} | ${middle(ratios).toFixed(2)} | ${ratios[0].toFixed(2)}–${ratios[ratios.length - 1].toFixed(2)} |`,
    );
  };
  await against('masked: lengths given, every row of every step computed', () =>
    masked.grad(params, inputs, {}, given),
  );
  await against('padded to 50: the module without lengths', () => plain.grad(params, inputs));
  await against('sorted longest first, both: masked', () => masked.grad(params, inputs, {}, sorted), sorted);
  await against(
    'sorted longest first against padded: the module without lengths',
    () => plain.grad(params, inputs),
    sorted,
  );
  console.error('  ragged: rnnc done');

  // An attention decoder over sources and targets of different lengths, and the same batch padded.
  const attentionFile = new URL('../../examples/attention.rnn', import.meta.url).pathname;
  const loadAttention = async (lengths: string[]) => {
    const { files, main } = compile(readFileSync(attentionFile, 'utf8'), { file: attentionFile, lengths });
    const js = ts.transpileModule(files[main], {
      compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ES2022 },
    }).outputText;
    const path = join(folder, `attention-${lengths.join('') || 'padded'}.mjs`);
    writeFileSync(path, js);
    return (await import(pathToFileURL(path).href)) as Module & {
      inputSpecs: Record<string, { time: string; target: boolean; shape: number[] }>;
    };
  };
  const attention = await loadAttention(['S', 'U']);
  const attentionPadded = await loadAttention([]);
  const [AB, S, U] = [32, 12, 10];
  const attentionParams = attention.init(1);
  const attentionInputs = Object.fromEntries(
    Object.entries(attention.inputSpecs).map(([name, spec], k) => {
      const steps = spec.time === 'S' ? S : U;
      const width = spec.shape.reduce((a, b) => a * b, 1);
      const data = spec.target ? new Float32Array(steps * AB * width) : uniform(steps * AB * width, 20 + k);
      if (spec.target) for (let r = 0; r < steps * AB; r++) data[r * width + ((r * 7) % width)] = 1;
      return [name, { data, shape: [steps, AB, ...spec.shape] }];
    }),
  );
  const attentionLengths = {
    S: Array.from({ length: AB }, () => 1 + Math.floor(next() * S)),
    U: Array.from({ length: AB }, () => 1 + Math.floor(next() * U)),
  };
  agree(
    'the attention decoder with lengths, none given',
    [attention.grad(attentionParams, attentionInputs).loss],
    [attentionPadded.grad(attentionParams, attentionInputs).loss],
  );
  await timeRow('attention', 'rnnc, lengths along S and U', () =>
    attention.grad(attentionParams, attentionInputs, {}, attentionLengths),
  );
  await timeRow('attention', 'rnnc, padded (module without lengths)', () =>
    attentionPadded.grad(attentionParams, attentionInputs),
  );

  // Tokens.
  const tokens = await load('Tokens');
  const oneHot = await load('OneHot');
  const V = 10000;
  const E = 256;
  const tokenParams = tokens.init(2);
  const table = tokenParams['vectors.table'];
  const transposed = new Float32Array(V * E);
  for (let v = 0; v < V; v++) for (let e = 0; e < E; e++) transposed[e * V + v] = table[v * E + e];
  const oneHotParams = { ...tokenParams, 'vectors.table': transposed };
  const ids = Int32Array.from({ length: T * B }, () => Math.floor(next() * V));
  const hot = new Float32Array(T * B * V);
  ids.forEach((id, k) => (hot[k * V + id] = 1));
  const tokenInputs = { words: { data: ids, shape: [T, B] }, R: inputs.R };
  const oneHotInputs = { words: { data: hot, shape: [T, B, V] }, R: inputs.R };
  const lossTokens = tokens.grad(tokenParams, tokenInputs).loss;
  agree('the one-hot model', [oneHot.grad(oneHotParams, oneHotInputs).loss], [lossTokens]);
  await timeRow('tokens', 'rnnc, token ids (Embedding)', () => tokens.grad(tokenParams, tokenInputs));
  await timeRow('tokens', 'rnnc, one-hot vectors ([E, V] product)', () => oneHot.grad(oneHotParams, oneHotInputs));
  console.error('  tokens: rnnc done');

  // PyTorch.
  const job = join(folder, 'job.json');
  const plainArray = (a: ArrayLike<number>) => Array.from(a);
  writeFileSync(
    job,
    JSON.stringify({
      B,
      T,
      I,
      H,
      V,
      E,
      lengths,
      lstm: torchLstm('Ragged', params),
      tokenLstm: torchLstm('Tokens', tokenParams),
      table: plainArray(table),
      x: plainArray(inputs.x.data),
      R: plainArray(inputs.R.data),
      ids: plainArray(ids),
      loss: { packed: lossRagged, tokens: lossTokens },
    }),
  );
  const torch = await startTorch('torch_ragged.py', job);
  if (typeof torch === 'string') console.error(`  ragged: PyTorch not timed (${torch})`);
  else {
    const duel = async (workload: string, kind: string, system: string, run: () => unknown) => {
      const known = rows.find((r) => r.workload === workload && r.system === system);
      const calls = Math.max(1, Math.round(150 / (known?.ms ?? 150)));
      const turns = await inTurns(run, (n) => torch.turn(kind, n), calls, rounds);
      rows.push({ workload, system: `PyTorch CPU, 1 thread, ${kind}`, ms: turns.peer });
      const { ratios } = turns;
      duels.push(
        `| ${workload} | ${system} | PyTorch, ${kind} | ${turns.rnnc.toFixed(1)} | ${turns.peer.toFixed(1)} | ${middle(ratios).toFixed(2)} | ${ratios[0].toFixed(2)}–${ratios[ratios.length - 1].toFixed(2)} |`,
      );
    };
    await duel('ragged', 'packed', 'rnnc, lengths 10…50', () => ragged.grad(params, inputs, {}, given));
    await duel('ragged', 'padded', 'rnnc, padded to 50 (module without lengths)', () => plain.grad(params, inputs));
    await duel('tokens', 'tokens', 'rnnc, token ids (Embedding)', () => tokens.grad(tokenParams, tokenInputs));
    torch.stop();
    console.error('  ragged and tokens: PyTorch done');
  }

  const lines = [
    `Variable-length batches and token inputs (bench/models/tokens.rnn), forward+backward of sum(h ⊙ R), f32. ragged: LSTM I = H = 256, B = ${B}, padded to T = ${T}, lengths 10…50 (${realSteps} real steps of ${B * T}, ${((100 * realSteps) / (B * T)).toFixed(0)} %). attention: examples/attention.rnn, B = 32, S = 12, U = 10, lengths drawn from 1…S and 1…U. tokens: V = 10,000, E = 256, LSTM H = 256, B = ${B}, T = ${T}.\n`,
    '| workload | system | median ms |',
    '|---|---|---:|',
    ...rows.map((r) => `| ${r.workload} | ${r.system} | ${r.ms.toFixed(1)} |`),
  ];
  lines.push(
    `\nrnnc skipping the ended rows (lengths 10…50, as given or sorted longest first) against the same batch computed otherwise, in turns, ${rounds} rounds (× = the other's time / skipping's, round by round; the real steps alone would give ${((B * T) / realSteps).toFixed(2)} against the padded batch):\n`,
    '| other | skipping median ms | other median ms | median × | × range |',
    '|---|---:|---:|---:|---|',
    ...selfDuels,
  );
  if (duels.length > 0)
    lines.push(
      `\nIn turns, ${rounds} rounds of about 150 ms each (× = PyTorch's time / rnnc's, round by round):\n`,
      '| workload | rnnc | peer | rnnc median ms | peer median ms | median × | × range |',
      '|---|---|---|---:|---:|---:|---|',
      ...duels,
    );
  return lines.join('\n');
}
