/**
 * `npm test` runs a representative slice of the backend matrices, so a contributor can run it
 * often; `npm run test:all` (RNNC_TEST_ALL=1) runs every example at every level, schedule,
 * dtype and CPU path. CI runs both.
 */
export const exhaustive = process.env.RNNC_TEST_ALL === '1';

/** Every case under `npm run test:all`; under `npm test`, the cases `quick` keeps. */
export function matrix<T>(all: readonly T[], quick: (c: T) => boolean): T[] {
  return exhaustive ? [...all] : all.filter(quick);
}

/** A test that runs only in the exhaustive suite (listed as skipped in `npm test`). */
export function onlyInFullSuite(): boolean {
  return !exhaustive;
}
