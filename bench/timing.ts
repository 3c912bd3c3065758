/** How `npm run bench` times a call and checks that systems agree before timing them. */

/**
 * The median time of `run`. V8 optimizes a function only after it has run a
 * while, so the warm-up lasts at least three runs and 300 ms; then at least
 * `runs` runs are timed, more for short ones (up to one second, or 50 runs).
 */
export async function median(run: () => unknown | Promise<unknown>, runs: number): Promise<number> {
  const warmUpStart = performance.now();
  for (let k = 0; k < 3 || performance.now() - warmUpStart < 300; k++) await run();
  const times: number[] = [];
  const start = performance.now();
  while (times.length < runs || (performance.now() - start < 1000 && times.length < 50)) {
    const t0 = performance.now();
    await run();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

/**
 * Calls `run` for a second and at least 20 times before a threaded module is timed: each of its
 * entries first times itself with the workers and alone and then settles on the faster (see
 * setThreads), which a user's training loop does in its first calls.
 */
export function settle(run: () => unknown): void {
  const start = performance.now();
  for (let k = 0; k < 20 || performance.now() - start < 1000; k++) run();
}

/** The largest difference, relative to the expected value where that is above 1. */
export function maxDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let worst = a.length === b.length ? 0 : Infinity;
  for (let k = 0; k < a.length; k++) worst = Math.max(worst, Math.abs(a[k] - b[k]) / Math.max(1, Math.abs(b[k])));
  return worst;
}

export function agree(system: string, got: ArrayLike<number>, expected: ArrayLike<number>, tolerance = 1e-3): void {
  const d = maxDifference(got, expected);
  if (!(d <= tolerance)) throw new Error(`${system} disagrees with rnnc by ${d.toExponential(2)}: not timing it`);
}

export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
export const middle = (v: readonly number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];

/** Deterministic numbers in [0, 1): a linear congruential stream, the same in every workload. */
export function stream(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
}

/** `length` deterministic numbers in [−1, 1). */
export function uniform(length: number, seed: number): Float32Array {
  const next = stream(seed);
  return Float32Array.from({ length }, () => next() * 2 - 1);
}
