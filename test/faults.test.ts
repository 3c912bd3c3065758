/**
 * Faults during training: `rnnc train` killed with SIGKILL at random moments (seeded), again and
 * again on one run folder. After every kill the folder must hold one whole state — the
 * checkpoint, the optimizer and run.json all at the same step — and resume; a folder killed
 * before its first state must start afresh. A full or read-only disk is a message naming the
 * path, never a stack trace or a stray temporary file.
 */
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../src/diagnostics.js';
import { files, readRunFile } from '../src/train/checkpoint.js';
import { commitRunState, recoverRunFolder } from '../src/train/commit.js';
import { Random } from '../src/interp/random.js';
import { readSafetensors } from '../src/weights/safetensors.js';
import { writeFailure } from '../src/cli/load.js';
import { rnnc, scratchFolder } from './helpers/cli.js';
import { onlyInFullSuite } from './helpers/matrix.js';

const scratch = scratchFolder('rnnc-faults-');
const bin = new URL('../dist/bundle/rnnc.js', import.meta.url).pathname;

/** Runs the built CLI, killing it with SIGKILL after `killAfterMs` (if it is still running). */
function runKilled(
  args: string[],
  killAfterMs: number,
): Promise<{ status: number | null; killed: boolean; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    let killed = false;
    const timer = setTimeout(() => {
      killed = child.kill('SIGKILL');
    }, killAfterMs);
    child.on('exit', (status) => {
      clearTimeout(timer);
      resolve({ status, killed: killed && status === null, err });
    });
  });
}

/** The step each file of the folder's state is at (after finishing or undoing a cut-short commit). */
function stepsOf(folder: string): { run: number; checkpoint: number; optimizer: number } {
  const run = readRunFile(folder) as { progress: { step: number } };
  const meta = (name: string) => readSafetensors(readFileSync(join(folder, name)), name).metadata;
  return {
    run: run.progress.step,
    checkpoint: Number(meta(files.checkpoint).step),
    optimizer: Number(meta(files.optimizer).steps),
  };
}

describe('rnnc train under faults', () => {
  // npm test kills 8 times; the full suite 24.
  const attempts = onlyInFullSuite() ? 8 : 24;
  it(`leaves a folder that resumes after each of ${attempts} kills at random moments, every file of its state at one step`, async () => {
    const out = scratch.path('killed');
    const base = ['train', 'examples/births.rnn', '--data', 'births', '--size', 'H=8', '--seed', '3', '--out', out];
    // The kill times are random, but the same in every run of the test.
    const rng = new Random(20261204);
    const next = () => rng.next();
    // Kill times scale with how long a start takes here (a busy machine starts slowly): from
    // before the first state is saved to well into training.
    const startedAt = Date.now();
    const probe = await runKilled([...base.slice(0, -1), scratch.path('probe'), '--max-steps', '1'], 240_000);
    expect(probe.status).toBe(0);
    const start = Date.now() - startedAt;
    let kills = 0;
    let lastStep = 0;
    for (let attempt = 0; attempt < attempts; attempt++) {
      const started = existsSync(join(out, files.run)) || existsSync(join(out, `${files.run}.next`));
      // Every step saves (--eval-every 1), so a kill lands inside a commit often.
      const args = [...base, '--eval-every', '1', '--max-steps', '100000', ...(started ? ['--resume'] : [])];
      const result = await runKilled(args, start * (0.5 + 1.5 * next()));
      if (result.killed) kills++;
      else expect(result.err).not.toMatch(/error|internal/);
      if (!existsSync(join(out, files.run)) && !existsSync(join(out, `${files.run}.next`))) continue;
      const steps = stepsOf(out);
      expect(steps.checkpoint).toBe(steps.run);
      expect(steps.optimizer).toBe(steps.run);
      expect(steps.run).toBeGreaterThanOrEqual(lastStep);
      lastStep = steps.run;
    }
    expect(kills).toBeGreaterThanOrEqual(attempts - Math.ceil(attempts / 6));
    expect(lastStep).toBeGreaterThan(0);
    // Left alone, the last resume finishes its steps.
    const finish = await runKilled(
      [...base, '--eval-every', '50', '--max-steps', String(lastStep + 5), '--resume'],
      240_000,
    );
    expect(finish.err).toBe('');
    expect(finish.status).toBe(0);
    expect(stepsOf(out).run).toBe(lastStep + 5);
    expect(readdirSync(out).filter((f) => f.endsWith('.next') || f.endsWith('.partial'))).toEqual([]);
  }, 300_000);

  it('finishes a commit cut short after its last file, and undoes one cut short before it', () => {
    const folder = scratch.path('commits');
    mkdirSync(folder);
    const state = (step: number) => ({
      checkpoint: new TextEncoder().encode(`checkpoint ${step}`),
      optimizer: new TextEncoder().encode(`optimizer ${step}`),
      run: { progress: { epoch: 0, stepInEpoch: step, step, seconds: 1 } },
    });
    commitRunState(folder, state(1));
    // Cut short before run.json.next: the new files are partial, and go.
    writeFileSync(join(folder, 'checkpoint.safetensors.next'), 'checkpoint 2');
    expect(recoverRunFolder(folder)).toBe('undone');
    expect(readFileSync(join(folder, 'checkpoint.safetensors'), 'utf8')).toBe('checkpoint 1');
    // Cut short after it, with one file renamed already: the rest is renamed.
    commitRunState(folder, state(2));
    writeFileSync(join(folder, 'checkpoint.safetensors'), 'checkpoint 3');
    writeFileSync(join(folder, 'optimizer.safetensors.next'), 'optimizer 3');
    writeFileSync(
      join(folder, 'run.json.next'),
      JSON.stringify({ progress: { epoch: 0, stepInEpoch: 3, step: 3, seconds: 1 } }),
    );
    expect(recoverRunFolder(folder)).toBe('finished');
    expect(readFileSync(join(folder, 'optimizer.safetensors'), 'utf8')).toBe('optimizer 3');
    expect(JSON.parse(readFileSync(join(folder, 'run.json'), 'utf8')).progress.step).toBe(3);
    expect(readdirSync(folder).sort()).toEqual(['checkpoint.safetensors', 'optimizer.safetensors', 'run.json']);
  });

  it('refuses a checkpoint that is not the one run.json recorded, and a run.json whose step is not a number', () => {
    const folder = scratch.path('tampered');
    mkdirSync(folder);
    commitRunState(folder, {
      checkpoint: new TextEncoder().encode('a'),
      optimizer: new TextEncoder().encode('b'),
      run: { progress: { epoch: 0, stepInEpoch: 1, step: 1, seconds: 1 } },
    });
    writeFileSync(join(folder, 'checkpoint.safetensors'), 'changed');
    expect(() => readRunFile(folder)).toThrow(/checkpoint.safetensors is not the file run.json recorded/);
    writeFileSync(
      join(folder, 'run.json'),
      JSON.stringify({ progress: { epoch: 0, stepInEpoch: 0, step: 'x', seconds: 0 } }),
    );
    expect(() => readRunFile(folder)).toThrow(UserError);
    expect(() => readRunFile(folder)).toThrow('progress.step is "x", not a whole number ≥ 0');
  });

  it('starts afresh in a folder killed before its first state, which --resume says holds no run', async () => {
    const out = scratch.path('early');
    mkdirSync(out);
    writeFileSync(join(out, 'checkpoint.safetensors.next'), 'whole, but its commit never began');
    writeFileSync(join(out, 'optimizer.safetensors.next.partial'), 'half');
    const base = [
      'train',
      'examples/births.rnn',
      '--data',
      'births',
      '--size',
      'H=8',
      '--out',
      out,
      '--max-steps',
      '2',
    ];
    const resumed = await rnnc(...base, '--resume');
    expect(resumed.status).toBe(1);
    expect(resumed.err).toBe(`rnnc: error: ${out} holds no run (no run.json): train into it first`);
    const fresh = await rnnc(...base);
    expect(fresh.err).toBe('');
    expect(fresh.status).toBe(0);
    // A file of the user's is never taken for one of a run's.
    const mine = scratch.path('mine');
    mkdirSync(mine);
    writeFileSync(join(mine, 'model.ts'), '// my own module');
    const refused = await rnnc(...base.slice(0, -4), '--out', mine, '--max-steps', '2');
    expect(refused.err).toBe(
      `rnnc: error: ${mine} already holds files: pass --resume to continue its run, or name another --out`,
    );
    expect(readFileSync(join(mine, 'model.ts'), 'utf8')).toBe('// my own module');
  }, 300_000);

  it('refuses to resume a run whose model changed, naming the source it was trained from', async () => {
    const source = readFileSync('examples/births.rnn', 'utf8');
    const changed = scratch.write('births-changed.rnn', source.replace("h' = ", "h' = 0.5 * "));
    expect(changed).not.toBe(source);
    const out = scratch.path('changed-model');
    const args = ['--data', 'births', '--size', 'H=8', '--out', out, '--max-steps', '2'];
    expect((await rnnc('train', 'examples/births.rnn', ...args)).status).toBe(0);
    const comments = scratch.write('births-comment.rnn', `// a new comment\n${source}`);
    expect((await rnnc('train', comments, ...args, '--max-steps', '3', '--resume')).status).toBe(0);
    const refused = await rnnc('train', changed, ...args, '--max-steps', '4', '--resume');
    expect(refused.status).toBe(1);
    expect(refused.err).toMatch(/is not the model .* was trained with: its equations or shapes changed/);
    expect(refused.err).toContain(join(out, 'model.rnn'));
  }, 300_000);

  it('names the path and the reason for every way a write fails', () => {
    const reasons: Record<string, string> = {
      ENOSPC: 'the disk is full',
      EROFS: 'the file system is read-only',
      ENOTDIR: 'a part of the path is not a folder',
      ENOENT: 'its folder does not exist',
      EACCES: 'permission denied',
    };
    for (const [code, why] of Object.entries(reasons))
      expect(writeFailure('/runs/a/run.json', Object.assign(new Error(code), { code })).message).toBe(
        `cannot write /runs/a/run.json: ${why}`,
      );
  });

  it('says which path it cannot write on a read-only folder, leaving no temporary files', async () => {
    if (process.getuid?.() === 0) {
      // root writes through permissions; a file where the folder should be fails the same way.
      const blocker = scratch.write('not-a-folder', 'a file');
      const r = await rnnc(
        'train',
        'examples/births.rnn',
        '--data',
        'births',
        '--out',
        join(blocker, 'run'),
        '--max-steps',
        '1',
      );
      expect(r.status).toBe(1);
      expect(r.err).toMatch(
        /^rnnc: error: cannot make the folder .*not-a-folder\/run: a part of the path is not a folder$/,
      );
      return;
    }
    const out = scratch.path('read-only');
    mkdirSync(out);
    chmodSync(out, 0o500);
    const r = await rnnc('train', 'examples/births.rnn', '--data', 'births', '--out', out, '--max-steps', '1');
    chmodSync(out, 0o700);
    expect(r.status).toBe(1);
    expect(r.err).toMatch(/^rnnc: error: cannot write .*: permission denied$/);
    expect(readdirSync(out)).toEqual([]);
  }, 300_000);
});
