// `npm run cli -- …`: builds the CLI when the sources are newer than the build, then runs it.
import { requireSupportedNode } from './check-node.mjs';
requireSupportedNode();

const { spawnSync } = await import('node:child_process');
const { statSync, readdirSync } = await import('node:fs');
const path = await import('node:path');

const root = path.resolve(import.meta.dirname, '..');
const cli = path.join(root, 'out/main/cli.js');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    const mtime = entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs;
    if (mtime > newest) newest = mtime;
  }
  return newest;
}

let builtAt;
try {
  builtAt = statSync(cli).mtimeMs;
} catch {
  builtAt = 0;
}
if (builtAt < newestMtime(path.join(root, 'src'))) {
  process.stderr.write('Building the CLI…\n');
  const build = spawnSync(
    process.execPath,
    [path.join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'],
    {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  if (build.status !== 0) process.exit(build.status ?? 1);
}
// npm runs scripts from the project folder; run the CLI where the user typed the command, so a
// relative --db or file path means what they expect.
const run = spawnSync(process.execPath, [cli, ...process.argv.slice(2)], {
  stdio: 'inherit',
  cwd: process.env.INIT_CWD ?? process.cwd(),
});
process.exit(run.status ?? 1);
