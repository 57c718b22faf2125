import { execFileSync } from 'node:child_process';
import { ROOT } from './paths';

/**
 * Reads a key from the real keychain in a separate process. keytar (libsecret) must not be loaded
 * on two threads of one process — the tests' own thread and the core worker's — or it can crash
 * the process; a child process is as real and keeps to one thread.
 */
export function keychainRead(service: string, account: string): string | null {
  const out = execFileSync(
    process.execPath,
    [
      '-e',
      `require('keytar').getPassword(process.argv[1], process.argv[2]).then((v) => process.stdout.write(JSON.stringify(v)))`,
      service,
      account,
    ],
    { cwd: ROOT, encoding: 'utf8' },
  );
  return JSON.parse(out) as string | null;
}
