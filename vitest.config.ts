import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Both cores: vitest's default leaves one of two idle, and the suite's files are independent.
    maxWorkers: 2,
    minWorkers: 1,
    // The heaviest tests (gradient checks of the larger examples, WGSL on SwiftShader) take a few
    // seconds on two cores and several times that on a machine busy with other work (load 8): the
    // limits are set for that, never vitest's defaults of 5 s and 10 s. Suites that compile many
    // modules in a hook, or run for longer, set their own limits beside them.
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});
