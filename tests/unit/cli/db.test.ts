import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LATEST_VERSION } from '../../../src/main/core/db/migrations';
import { cli } from '../../helpers/cli';
import { CLI, tempDir } from '../../helpers/paths';

describe('cli: db info and db backup', () => {
  let tmp: ReturnType<typeof tempDir>;
  let db: string;
  beforeEach(() => {
    tmp = tempDir();
    db = path.join(tmp.dir, 'x.db');
  });
  afterEach(() => tmp.cleanup());

  it('db info creates a new database and prints its schema version and tables', async () => {
    const run = await cli('--db', db, 'db', 'info');
    expect(run.code).toBe(0);
    expect(run.out.join('\n')).toMatch(new RegExp(`schema version\\s+${LATEST_VERSION}`));
    expect(run.out.some((l) => /^companies\s+0$/.test(l))).toBe(true);
    const json = (await cli('--db', db, 'db', 'info', '--json')).json() as {
      schemaVersion: number;
      fileBytes: number;
    };
    expect(json.schemaVersion).toBe(LATEST_VERSION);
    expect(json.fileBytes).toBeGreaterThan(0);
  });

  it('db backup writes a consistent copy with the same rows, and will not overwrite', async () => {
    const live = new Database(db);
    await cli('--db', db, 'db', 'info');
    live.prepare(`INSERT INTO audit_log (at, action) VALUES ('2026-01-01', 'hello')`).run();
    const out = path.join(tmp.dir, 'backups', 'copy.db');
    const run = await cli('--db', db, 'db', 'backup', out, '--json');
    expect(run.code).toBe(0);
    expect(run.json()).toMatchObject({ path: out, schemaVersion: LATEST_VERSION });
    const copy = new Database(out, { readonly: true });
    // The copy carries when it was taken; the live database is not written to.
    expect(copy.prepare('SELECT action FROM audit_log').pluck().all()).toEqual(['hello', 'backup.taken']);
    copy.close();
    expect(live.prepare('SELECT action FROM audit_log').pluck().all()).toEqual(['hello']);
    live.close();
    const again = await cli('--db', db, 'db', 'backup', out);
    expect(again.code).toBe(1);
    expect(again.err.join('\n')).toMatch(/already exists/);
    expect(fs.readdirSync(path.dirname(out))).toEqual(['copy.db']);
  });

  it('says how to use it when a command is unknown or incomplete', async () => {
    const unknown = await cli('--db', db, 'frobnicate');
    expect(unknown.code).toBe(2);
    expect(unknown.err.join('\n')).toMatch(/Unknown command: frobnicate/);
    expect(unknown.out.join('\n')).toMatch(/db info/);
    const missing = await cli('--db', db, 'db', 'backup');
    expect(missing.code).toBe(2);
    expect(missing.err.join('\n')).toMatch(/needs the file to write/);
  });

  it('refuses a database from a newer version with a clear message', async () => {
    await cli('--db', db, 'db', 'info');
    const raw = new Database(db);
    raw.pragma(`user_version = ${LATEST_VERSION + 5}`);
    raw.close();
    const run = await cli('--db', db, 'db', 'info', '--json');
    expect(run.code).toBe(1);
    expect(run.json()).toMatchObject({ ok: false, error: { code: 'database_too_new' } });
  });

  it('piped into a reader that stops early (`| head`), ends quietly instead of with a stack trace', async () => {
    const child = spawn(process.execPath, [CLI, '--db', db, 'fields'], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy(); // the reader is gone before the first line
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  it('the built CLI runs under plain Node, without Electron', () => {
    const run = spawnSync(process.execPath, [CLI, '--db', db, 'db', 'info', '--json'], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout.trim().split('\n').at(-1)!)).toMatchObject({
      schemaVersion: LATEST_VERSION,
    });
  });
});
