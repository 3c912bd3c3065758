/**
 * PyTorch as a peer of `npm run bench`: a Python script in a child process that
 * answers a line at a time, and the way rnnc and it are timed in turns.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { middle, pause } from './timing.js';

export interface TorchPeer {
  /** Runs `calls` calls of `kind` in PyTorch; the mean ms per call. */
  turn(kind: string, calls: number): Promise<number>;
  stop(): void;
}

/**
 * Starts `script` (in bench/) on a JSON job file. It first answers {"ready": true, "agree": d},
 * the largest relative difference of its results from rnnc's; then each line "<kind> <calls>"
 * with {"ms": mean per call}. Gives the peer, or why it cannot be timed (no python3 or torch, or
 * a disagreement).
 */
export async function startTorch(script: string, job: string): Promise<TorchPeer | string> {
  const path = new URL(`../../bench/${script}`, import.meta.url).pathname;
  // Debian's python3-torch is in the system Python, which a python3 earlier on PATH (pyenv) may hide.
  const python = process.env.PYTHON ?? (existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3');
  const child = spawn(python, [path, job], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const failed = new Promise<string>((resolve) => {
    child.on('error', (e) => resolve(e.message));
    child.on('exit', () => resolve(stderr.trim().split('\n').pop() ?? 'exited'));
  });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const reply = async () => {
    const next = await Promise.race([lines.next(), failed]);
    if (typeof next === 'string') throw new Error(`PyTorch: ${next}`);
    if (next.done) throw new Error(`PyTorch: ${await failed}`);
    return JSON.parse(next.value) as { ready?: boolean; agree?: number; ms?: number };
  };
  try {
    const ready = await reply();
    if (!(ready.agree !== undefined && ready.agree <= 1e-3))
      throw new Error(`PyTorch disagrees with rnnc by ${ready.agree}: not timing it`);
  } catch (e) {
    child.kill();
    return (e as Error).message;
  }
  return {
    turn: async (kind, calls) => {
      child.stdin.write(`${kind} ${calls}\n`);
      return (await reply()).ms ?? NaN;
    },
    stop: () => child.stdin.end(),
  };
}

/**
 * rnnc (`local`, `calls` calls a round) and the peer in turns, who goes first alternating, for
 * `rounds` rounds. Gives both medians and the peer/rnnc ratios round by round, sorted.
 */
export async function inTurns(
  local: () => unknown,
  peer: (calls: number) => Promise<number>,
  calls: number,
  rounds: number,
): Promise<{ rnnc: number; peer: number; ratios: number[] }> {
  await peer(calls); // the peer's warm-up
  const times: number[] = [];
  const peers: number[] = [];
  const mine = () => {
    const t0 = performance.now();
    for (let k = 0; k < calls; k++) local();
    return (performance.now() - t0) / calls;
  };
  for (let r = 0; r < rounds; r++) {
    if (r % 2 === 0) {
      times.push(mine());
      await pause(30);
      peers.push(await peer(calls));
    } else {
      peers.push(await peer(calls));
      await pause(30);
      times.push(mine());
    }
    await pause(30);
  }
  return {
    rnnc: middle(times),
    peer: middle(peers),
    ratios: peers.map((p, k) => p / times[k]).sort((a, b) => a - b),
  };
}
