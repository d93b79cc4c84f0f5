import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Snapshots are the pinned wording of diagnostics: never write them silently in CI.
    update: false,
  },
});
