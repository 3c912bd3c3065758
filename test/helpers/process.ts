import { spawn } from 'node:child_process';

/** What a finished child process printed, and its exit status. */
export interface Finished {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs a command in a child process and waits for it without blocking the test's worker.
 *
 * Never the `*Sync` forms in tests: vitest's worker answers its runner's messages only between
 * tasks, and a child that runs a minute on a busy machine (npm install, tsc over every example)
 * starves them until the run fails with "Timeout calling onTaskUpdate" though every test passed.
 */
export function command(
  file: string,
  args: readonly string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<Finished> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', reject);
    child.on('close', (status) =>
      resolve({
        status,
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
      }),
    );
  });
}

/** The same, for a command that must succeed: its standard output, or an error with what it printed. */
export async function succeed(
  file: string,
  args: readonly string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<string> {
  const finished = await command(file, args, options);
  if (finished.status !== 0)
    throw new Error(
      `${file} ${args.join(' ')} exited ${finished.status}:\n${finished.stdout.slice(0, 4000)}${finished.stderr.slice(0, 4000)}`,
    );
  return finished.stdout;
}

/**
 * Lets the worker's event loop run between pieces of synchronous work (compiling many modules,
 * type-checking many files): see `command` for why a worker must not go a minute without it.
 */
export const breathe = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
