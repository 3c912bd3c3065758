import { describe, expect, it } from 'vitest';
import { progressBar } from '../src/cli/progress.js';
import { epochsDone } from '../src/train/loop.js';
import type { Status } from '../src/train/loop.js';

const status = (stepInEpoch: number, epoch = 0): Status => ({
  epoch,
  epochs: 3,
  stepInEpoch,
  stepsPerEpoch: 10,
  loss: 1.5,
  stepsPerSecond: 2,
  tokensPerSecond: 100,
  eta: 30,
});

describe('the training progress', () => {
  it('writes one line an epoch to a file or a pipe, not one a step', () => {
    const lines: string[] = [];
    const bar = progressBar({ out: (t) => lines.push(t), onInterrupt: () => () => undefined }, () => 0);
    for (let epoch = 0; epoch < 2; epoch++) for (let step = 1; step <= 10; step++) bar.update(status(step, epoch));
    expect(lines).toEqual([
      'epoch 1/3 [####################] 10/10 loss 1.5000 | 2.00 steps/s, 100 tokens/s | ETA 0:30',
      'epoch 2/3 [####################] 10/10 loss 1.5000 | 2.00 steps/s, 100 tokens/s | ETA 0:30',
    ]);
  });

  it('writes a line a minute within a long epoch', () => {
    const lines: string[] = [];
    let clock = 0;
    const bar = progressBar({ out: (t) => lines.push(t), onInterrupt: () => () => undefined }, () => clock);
    for (let step = 1; step < 10; step++) {
      clock += 25_000;
      bar.update(status(step));
    }
    expect(lines.map((l) => l.split(' loss')[0])).toEqual([
      'epoch 1/3 [######..............] 3/10',
      'epoch 1/3 [############........] 6/10',
      'epoch 1/3 [##################..] 9/10',
    ]);
  });

  it('rewrites one line in place on a terminal', () => {
    const shown: string[] = [];
    const bar = progressBar({ out: () => undefined, status: (t) => shown.push(t), onInterrupt: () => () => undefined });
    bar.update(status(4));
    bar.clear();
    expect(shown).toEqual([
      '\repoch 1/3 [########............] 4/10 loss 1.5000 | 2.00 steps/s, 100 tokens/s | ETA 0:30\x1b[K',
      '\r\x1b[K',
    ]);
  });

  it('counts epochs done as the held-out lines and the last line do: whole, or to two places', () => {
    expect(epochsDone({ epoch: 2, stepInEpoch: 0 }, 10)).toBe('2');
    expect(epochsDone({ epoch: 0, stepInEpoch: 94 }, 100)).toBe('0.94');
  });
});
