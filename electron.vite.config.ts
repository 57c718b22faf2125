import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { CONTENT_SECURITY_POLICY } from './src/shared/domain/csp';

const shared = { '@shared': resolve(import.meta.dirname, 'src/shared') };

/** Puts the strict CSP into the built page (the dev server gets a looser header from main). */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'prospect-desk-csp',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
        injectTo: 'head-prepend',
      },
    ],
  };
}

// One config builds the five programs of the app:
//   out/main/index.js      Electron main (lifecycle, windows, IPC relay)
//   out/main/coreWorker.js the core: owns the database, answers calls, runs jobs
//   out/main/jobWorker.js  one long job on its own thread and its own connection
//   out/main/cli.js        the same core without a window (`npm run cli`)
//   out/preload/index.cjs  the sandboxed preload (CommonJS: sandboxed preloads cannot be ESM)
//   out/renderer/          the React UI
export default defineConfig({
  main: {
    resolve: { alias: shared },
    build: {
      rolldownOptions: {
        input: {
          index: resolve(import.meta.dirname, 'src/main/index.ts'),
          coreWorker: resolve(import.meta.dirname, 'src/main/core/worker/coreWorker.ts'),
          jobWorker: resolve(import.meta.dirname, 'src/main/core/jobs/jobWorker.ts'),
          cli: resolve(import.meta.dirname, 'src/main/cli/index.ts'),
        },
      },
    },
  },
  preload: {
    resolve: { alias: shared },
    build: {
      // The preload is bundled whole: a sandboxed preload can only require `electron`.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve(import.meta.dirname, 'src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(import.meta.dirname, 'src/renderer'),
    resolve: { alias: shared },
    plugins: [react(), contentSecurityPolicy()],
    build: {
      rolldownOptions: {
        input: { index: resolve(import.meta.dirname, 'src/renderer/index.html') },
      },
    },
  },
});
