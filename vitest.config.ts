import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Both cores: vitest's default leaves one of two idle, and the suite's files are independent.
    maxWorkers: 2,
    minWorkers: 1,
    // A worker keeps the modules it has loaded from one test file to the next. Each file loading
    // the compiler afresh cost a fifth of npm test's time on two cores (collect 56 s against 15 s,
    // 242 s against 196 s in all). No test leaves global state behind: mocks are restored after
    // every test, and a test that changes the working folder changes it back.
    isolate: false,
    restoreMocks: true,
    // The heaviest tests (gradient checks of the larger examples, WGSL on SwiftShader, training
    // runs) take seconds on two cores and five times that on a machine busy with other work (at a
    // load average of 10 the slowest took 84 s): the limits are set for that, never vitest's
    // defaults of 5 s and 10 s. Tests that set a limit of their own set the same.
    testTimeout: 300_000,
    hookTimeout: 300_000,
    // Lets each worker's event loop run between tests (see test/setup.ts).
    setupFiles: ['test/setup.ts'],
  },
});
