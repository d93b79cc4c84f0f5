import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Snapshots are the pinned wording of diagnostics: never write them silently in CI.
    update: false,
    // A test's verdict is its assertions', never a race with vitest's 5 s clock on a busy
    // machine (property tests, builds in hooks): these only catch a test that hangs.
    testTimeout: 120_000,
    hookTimeout: 300_000,
    // Most tests wait on an `onus` child process: one worker per core, not vitest's cores − 1,
    // which on a 2-core machine ran the whole suite one file at a time.
    maxWorkers: availableParallelism(),
  },
});
