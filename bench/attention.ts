/**
 * The attention workload of `npm run bench`: a GRU encoder and a Bahdanau
 * decoder (bench/models/attention.rnn; I = E = 64, H = A = 128, S = U = 30,
 * B = 16), forward and forward+backward of sum(output ⊙ R). rnnc's module at
 * -O2, and with --no-hoist (the memory's projection U_a h_j redone at every
 * decoder step), against a hand-written TypeScript loop (forward) and PyTorch
 * on the CPU (forward and forward+backward, one thread, in a process of its
 * own: bench/torch_attention.py). Every system's output is checked against
 * rnnc's before it is timed, and rnnc and PyTorch are then timed in turns.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chooseModel, parse } from '../src/api/program.js';
import { attentionFlops, type AttentionSizes, naiveAttention } from './naive-attention.js';
import { loadRnnc, type Model, type Tensor } from './rnnc.js';
import { inTurns, startTorch } from './peer.js';
import { agree, median, middle, uniform } from './timing.js';

const sizes: AttentionSizes = { I: 64, E: 64, H: 128, A: 128, S: 30, U: 30, B: 16 };

interface AttentionModule {
  init(seed: number): Record<string, Float32Array>;
  pack(params: Record<string, Float32Array>): Model;
  forward(params: Model, inputs: Record<string, Tensor>): { outputs: { l: Tensor } };
  grad(params: Model, inputs: Record<string, Tensor>): { loss: number };
}

export interface AttentionRow {
  readonly system: string;
  readonly pass: 'forward' | 'forward+backward';
  readonly ms: number;
  readonly gflops: number;
}

/** Runs the workload; returns its section of the report (markdown). */
export async function benchAttention(runs: number, rounds: number): Promise<string> {
  const file = new URL('../../bench/models/attention.rnn', import.meta.url).pathname;
  const rnncSizes = { I: sizes.I, E: sizes.E, H: sizes.H, A: sizes.A };
  const load = async (disable: string[] = []) =>
    (await loadRnnc(file, rnncSizes, 2, disable)).module as unknown as AttentionModule;
  const reference = await load();
  const params = reference.init(1);
  const { S, U, B, I, E, H } = sizes;
  const inputs = {
    x: { data: uniform(S * B * I, 12345), shape: [S, B, I] },
    y: { data: uniform(U * B * E, 777), shape: [U, B, E] },
    R: { data: uniform(U * B * 2 * H, 4242), shape: [U, B, 2 * H] },
  };
  const expected = reference.forward(params, inputs).outputs.l.data;
  const expectedLoss = reference.grad(params, inputs).loss;
  const flops = attentionFlops(sizes);
  const rows: AttentionRow[] = [];
  const record = (system: string, backward: boolean, ms: number) =>
    rows.push({
      system,
      pass: backward ? 'forward+backward' : 'forward',
      ms,
      gflops: ((backward ? 3 : 1) * flops) / ms / 1e6,
    });

  const variants = [
    { name: 'rnnc -O2', disable: [] },
    { name: 'rnnc -O2 --no-hoist', disable: ['hoist'] },
  ];
  const packedOf = new Map<string, { module: AttentionModule; packed: Model }>();
  for (const v of variants) {
    const module = await load(v.disable);
    const packed = module.pack(params);
    agree(v.name, module.forward(packed, inputs).outputs.l.data, expected);
    agree(`${v.name} (loss)`, [module.grad(packed, inputs).loss], [expectedLoss]);
    record(v.name, false, await median(() => module.forward(packed, inputs), runs));
    record(v.name, true, await median(() => module.grad(packed, inputs), runs));
    packedOf.set(v.name, { module, packed });
    console.error(`  attention: ${v.name} done`);
  }
  const naive = () => naiveAttention(params, inputs.x.data, inputs.y.data, sizes);
  agree('hand-written TypeScript', naive(), expected);
  record('hand-written TypeScript', false, await median(naive, runs));
  console.error('  attention: hand-written TypeScript done');

  // PyTorch, from the same params and inputs, its output and loss checked against rnnc's first.
  const folder = mkdtempSync(join(tmpdir(), 'rnnc-attention-'));
  const job = join(folder, 'job.json');
  const shapes: Record<string, number[]> = { x: inputs.x.shape, y: inputs.y.shape, R: inputs.R.shape };
  const { model } = chooseModel(parse(readFileSync(file, 'utf8'), { file }), { sizes: rnncSizes });
  for (const p of model.params) shapes[p.name] = p.shape.map((d) => d.evaluate(rnncSizes));
  const plain = (a: Float32Array) => Array.from(a);
  writeFileSync(
    job,
    JSON.stringify({
      H,
      shapes,
      params: Object.fromEntries(Object.entries(params).map(([k, v]) => [k, plain(v)])),
      x: plain(inputs.x.data),
      y: plain(inputs.y.data),
      R: plain(inputs.R.data),
      expected: plain(expected),
      loss: expectedLoss,
    }),
  );
  const torch = await startTorch('torch_attention.py', job);
  const duels: string[] = [];
  const torchMissing = typeof torch === 'string' ? torch : '';
  if (typeof torch === 'string') {
    console.error(`  attention: PyTorch not timed (${torch})`);
  } else {
    const { module, packed } = packedOf.get('rnnc -O2') as { module: AttentionModule; packed: Model };
    for (const [kind, backward] of [
      ['forward', false],
      ['backward', true],
    ] as const) {
      const run = () => (backward ? module.grad(packed, inputs) : module.forward(packed, inputs));
      const known = rows.find((r) => r.system === 'rnnc -O2' && r.pass === (backward ? 'forward+backward' : 'forward'));
      const calls = Math.max(1, Math.round(150 / (known?.ms ?? 150)));
      const turns = await inTurns(run, (n) => torch.turn(kind, n), calls, rounds);
      record('PyTorch CPU, 1 thread', backward, turns.peer);
      const { ratios } = turns;
      duels.push(
        `| ${backward ? 'forward+backward' : 'forward'} | ${turns.rnnc.toFixed(2)} | ${turns.peer.toFixed(2)} | ${middle(ratios).toFixed(2)} | ${ratios[0].toFixed(2)}–${ratios[ratios.length - 1].toFixed(2)} |`,
      );
    }
    torch.stop();
    console.error('  attention: PyTorch done');
  }

  const base = (pass: string) => rows.find((r) => r.system === 'rnnc -O2' && r.pass === pass);
  const lines = [
    `The attention workload (bench/models/attention.rnn): a GRU encoder and a Bahdanau decoder, I = E = ${I}, H = A = ${H}, S = U = ${S}, B = ${B}; ${(flops / 1e9).toFixed(3)} GFLOP forward (three times that forward+backward). × = the system's time / rnnc -O2's.\n`,
    '| pass | system | median ms | GFLOP/s | × rnnc -O2 |',
    '|---|---|---:|---:|---:|',
    ...rows.map(
      (r) =>
        `| ${r.pass} | ${r.system} | ${r.ms.toFixed(1)} | ${r.gflops.toFixed(2)} | ${(r.ms / (base(r.pass)?.ms ?? NaN) || 0).toFixed(2)} |`,
    ),
  ];
  if (duels.length > 0)
    lines.push(
      `\nrnnc -O2 and PyTorch in turns, ${rounds} rounds of about 150 ms each (× = PyTorch's time / rnnc's, round by round):\n`,
      '| pass | rnnc median ms | PyTorch median ms | median × | × range |',
      '|---|---:|---:|---:|---|',
      ...duels,
    );
  else lines.push(`\nPyTorch was not timed: ${torchMissing}.`);
  return lines.join('\n');
}
