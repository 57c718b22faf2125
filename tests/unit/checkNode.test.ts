import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error — a plain .mjs script without types, written to run on any Node
import { isSupported } from '../../scripts/check-node.mjs';
import { ROOT } from '../helpers/paths';

describe('the Node version check', () => {
  it('accepts 22.12 and newer, refuses older', () => {
    expect(isSupported('v22.12.0')).toBe(true);
    expect(isSupported('22.23.3')).toBe(true);
    expect(isSupported('24.0.0')).toBe(true);
    expect(isSupported('22.11.9')).toBe(false);
    expect(isSupported('v20.20.2')).toBe(false);
  });

  it('stops `npm test` at once with a clear message on an older Node', () => {
    // Pretend to be Node 20 by overriding process.versions before the script reads it.
    const run = spawnSync(
      process.execPath,
      [
        '--import',
        'data:text/javascript,Object.defineProperty(process.versions,"node",{value:"20.20.2"});Object.defineProperty(process,"version",{value:"v20.20.2"})',
        path.join(ROOT, 'scripts/test.mjs'),
      ],
      { encoding: 'utf8' },
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/needs Node 22\.12\.0 or newer; this is v20\.20\.2/);
  });
});
