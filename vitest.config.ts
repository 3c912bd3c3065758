import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The heaviest tests (gradient checks of the larger examples, WGSL on SwiftShader) take a few seconds
    // on two cores, and twice that on a busy machine: the default of 5 s made them fail by the clock alone.
    testTimeout: 30_000,
  },
});
