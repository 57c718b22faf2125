import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { alias: { '@shared': resolve(import.meta.dirname, 'src/shared') } },
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/setup/globalSetup.ts'],
    setupFiles: ['tests/setup/onlyLoopback.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // A poll waits on the app (a job thread, a page update); on a busy two-core machine that can
    // take seconds. It still fails when the state never comes.
    expect: { poll: { timeout: 10_000, interval: 50 } },
    // Two cores: unit files run in parallel; the browser tests each start a Chromium, so fewer at once.
    maxWorkers: 2,
  },
});
