// `npm run bench -- bench/<area>/<file>.ts [args]`: bundles one benchmark for Node (the same
// path alias and TypeScript handling as the app's build; npm packages stay external) and runs it.
import { requireSupportedNode } from './check-node.mjs';
requireSupportedNode();

const { spawnSync } = await import('node:child_process');
const path = await import('node:path');
const { build } = await import('vite');

const root = path.resolve(import.meta.dirname, '..');
const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  process.stderr.write('Usage: npm run bench -- bench/<area>/<file>.ts [args]\n');
  process.exit(2);
}
const name = path.basename(entry).replace(/\.ts$/, '');
const outDir = path.join(root, 'out/bench');
await build({
  configFile: false,
  logLevel: 'warn',
  resolve: { alias: { '@shared': path.join(root, 'src/shared') } },
  build: {
    ssr: path.resolve(entry),
    outDir,
    emptyOutDir: false,
    minify: false,
    target: 'node22',
    rolldownOptions: { output: { entryFileNames: `${name}.mjs`, format: 'es' } },
  },
  ssr: { noExternal: [] },
});
const run = spawnSync(process.execPath, ['--expose-gc', path.join(outDir, `${name}.mjs`), ...args], {
  cwd: process.env.INIT_CWD ?? root,
  stdio: 'inherit',
  env: { ...process.env, PD_ROOT: root },
});
process.exit(run.status ?? 1);
