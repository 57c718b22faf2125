// `npm run tour`: builds the app and writes a screenshot of every page to docs/screenshots/.
import { requireSupportedNode } from './check-node.mjs';
requireSupportedNode();

const { spawnSync } = await import('node:child_process');
const path = await import('node:path');
const { rerunWithPrivateKeyring, buildApp } = await import('./lib/privateKeyring.mjs');

const root = path.resolve(import.meta.dirname, '..');
rerunWithPrivateKeyring(path.join(root, 'scripts/tour.mjs'), process.argv.slice(2));
buildApp(root);
const run = spawnSync(
  process.execPath,
  [path.join(root, 'node_modules/vitest/vitest.mjs'), 'run', '--config', 'vitest.tour.config.ts'],
  { cwd: root, stdio: 'inherit' },
);
process.exit(run.status ?? 1);
