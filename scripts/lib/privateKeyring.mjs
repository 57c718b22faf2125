import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;

/**
 * On Linux the keychain is a Secret Service on D-Bus. Re-runs `script` inside its own session bus
 * with a fresh, unlocked gnome-keyring, so tests never touch the developer's real keyring and work
 * headless in CI. Returns false when it is not needed or not possible (then the caller goes on).
 */
export function rerunWithPrivateKeyring(script, args) {
  if (process.platform !== 'linux' || process.env.PD_PRIVATE_KEYRING) return false;
  if (!has('dbus-run-session') || !has('gnome-keyring-daemon')) {
    process.stderr.write(
      'Note: dbus-run-session or gnome-keyring-daemon is missing, so keychain features will fail here.\n' +
        'On Debian/Ubuntu: sudo apt install dbus gnome-keyring libsecret-1-0\n',
    );
    return false;
  }
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'pd-keyring-'));
  const inner =
    'printf %s prospect-desk-tests | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1; exec "$0" "$@"';
  const result = spawnSync('dbus-run-session', ['--', 'sh', '-c', inner, process.execPath, script, ...args], {
    stdio: 'inherit',
    env: { ...process.env, PD_PRIVATE_KEYRING: '1', XDG_DATA_HOME: home },
  });
  fs.rmSync(home, { recursive: true, force: true });
  process.exit(result.status ?? 1);
}

/** Builds the app with electron-vite; exits on failure. */
export function buildApp(root) {
  const build = spawnSync(
    process.execPath,
    [path.join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'],
    {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  if (build.status !== 0) {
    process.stderr.write('The build failed; see above.\n');
    process.exit(build.status ?? 1);
  }
}
