// `npm test`: checks Node, gives the keychain tests a private keyring, builds, runs every test
// (unit and end-to-end) and prints one plain line "N passed, N failed" for CI.
import { requireSupportedNode } from './check-node.mjs';
requireSupportedNode();

const { spawnSync } = await import('node:child_process');
const fs = await import('node:fs');
const path = await import('node:path');
const { rerunWithPrivateKeyring, buildApp } = await import('./lib/privateKeyring.mjs');

const root = path.resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
rerunWithPrivateKeyring(path.join(root, 'scripts/test.mjs'), args);

if (!args.includes('--no-build')) buildApp(root);

const report = path.join(root, '.vitest-results.json');
fs.rmSync(report, { force: true });
const run = spawnSync(
  process.execPath,
  [
    path.join(root, 'node_modules/vitest/vitest.mjs'),
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
    ...args.filter((a) => a !== '--no-build'),
  ],
  { cwd: root, stdio: 'inherit' },
);

let summary;
try {
  const results = JSON.parse(fs.readFileSync(report, 'utf8'));
  const skipped = results.numPendingTests + results.numTodoTests;
  summary = `${results.numPassedTests} passed, ${results.numFailedTests} failed${skipped ? ` (${skipped} skipped)` : ''}`;
  if (results.numFailedTestSuites && !results.numFailedTests)
    summary += ` (${results.numFailedTestSuites} files failed to load)`;
} catch {
  summary = '0 passed, 1 failed (vitest wrote no report)';
}
process.stdout.write(`\n${summary}\n`);
process.exit(run.status ?? 1);
