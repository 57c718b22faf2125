import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

// The screenshot tour runs on the browser harness, so it is a vitest run of its own, not a test.
export default defineConfig({
  resolve: { alias: { '@shared': resolve(import.meta.dirname, 'src/shared') } },
  test: {
    include: ['tests/tour/**/*.tour.ts'],
    globalSetup: ['tests/setup/globalSetup.ts'],
    testTimeout: 300_000,
    hookTimeout: 120_000,
  },
});
