import fs from 'node:fs';
import path from 'node:path';
import { build } from 'vite';

const root = path.resolve(import.meta.dirname, '../..');

/**
 * Runs once before all tests. The worker, CLI and browser tests use the built app (`out/`), as a
 * seller would; `npm test` builds it first. Here the browser harness's stand-in for the preload is
 * bundled from the same `buildApi` the real preload uses.
 */
export default async function setup(): Promise<void> {
  for (const file of [
    'out/main/coreWorker.js',
    'out/main/jobWorker.js',
    'out/main/cli.js',
    'out/renderer/index.html',
  ]) {
    if (!fs.existsSync(path.join(root, file))) {
      throw new Error(`${file} is missing: run \`npm run build\` first (npm test does it for you).`);
    }
  }
  await build({
    configFile: false,
    logLevel: 'warn',
    resolve: { alias: { '@shared': path.join(root, 'src/shared') } },
    build: {
      outDir: path.join(root, 'out/test-harness'),
      emptyOutDir: true,
      minify: false,
      lib: {
        entry: path.join(root, 'tests/e2e/harness/pageApi.ts'),
        formats: ['iife'],
        name: 'ProspectDeskHarness',
        fileName: () => 'pageApi.js',
      },
    },
  });
}
