import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/main/core/db/database';
import { cli } from '../../helpers/cli';
import { tempDir } from '../../helpers/paths';
import { fillPipeline } from '../../helpers/pipeline';
import { damagePage } from '../../helpers/damage';

const scalar = (file: string, sql: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare(sql).pluck().get();
  } finally {
    db.close();
  }
};

describe('cli: backups, restore, check, and a person’s data', () => {
  let tmp: ReturnType<typeof tempDir>;
  let db: string;
  beforeEach(async () => {
    tmp = tempDir();
    db = path.join(tmp.dir, 'prospect-desk.db');
    const open = openDatabase(db);
    await fillPipeline(open);
    open.close();
  });
  afterEach(() => tmp.cleanup());

  it('checks, lists backups, and restores one only with --yes', async () => {
    expect((await cli('--db', db, 'db', 'check', '--full', '--json')).json()).toMatchObject({
      ok: true,
      mode: 'full',
    });
    expect((await cli('--db', db, 'db', 'backups', '--json')).json()).toMatchObject({ backups: [] });
    const copy = path.join(tmp.dir, 'copy.db');
    expect((await cli('--db', db, 'db', 'backup', copy)).code).toBe(0);
    const people = scalar(db, 'SELECT count(*) FROM contacts');

    const erase = await cli('--db', db, 'person', 'erase', '1');
    expect(erase.code).toBe(2);
    expect(erase.err.join('\n')).toMatch(/cannot be undone.*--yes/);
    expect((await cli('--db', db, 'person', 'erase', '1', '--yes')).code).toBe(0);
    expect(scalar(db, 'SELECT count(*) FROM contacts')).toBe((people as number) - 1);

    const refused = await cli('--db', db, 'db', 'restore', copy);
    expect(refused.code).toBe(2);
    expect(refused.err.join('\n')).toMatch(/--yes/);
    const restore = await cli('--db', db, 'db', 'restore', copy, '--yes', '--json');
    expect(restore.code).toBe(0);
    // The backup was taken before the erasure, so the erasure is made again after the restore.
    expect(restore.json()).toMatchObject({ restored: 'copy.db', erasuresReapplied: 1 });
    expect(scalar(db, 'SELECT count(*) FROM contacts')).toBe((people as number) - 1);
    const listed = (await cli('--db', db, 'db', 'backups', '--json')).json() as {
      backups: { kind: string }[];
    };
    expect(listed.backups.map((b) => b.kind)).toEqual(['before-restore']);
  });

  it('a backup copied about (new name, new file time) still brings back no erased person and no address put on the list', async () => {
    const out = path.join(tmp.dir, 'out.db');
    expect((await cli('--db', db, 'db', 'backup', out)).code).toBe(0);
    const id = scalar(db, 'SELECT min(id) FROM contacts WHERE email IS NOT NULL') as number;
    const email = scalar(db, `SELECT email FROM contacts WHERE id = ${id}`) as string;
    expect((await cli('--db', db, 'person', 'erase', String(id), '--yes', '--suppress')).code).toBe(0);
    // The seller copies the backup elsewhere: the copy's file time is after the erasure.
    const copy = path.join(tmp.dir, 'moved.db');
    fs.copyFileSync(out, copy);
    const later = new Date(Date.now() + 60_000);
    fs.utimesSync(copy, later, later);
    const restore = await cli('--db', db, 'db', 'restore', copy, '--yes', '--json');
    expect(restore.code).toBe(0);
    expect(restore.json()).toMatchObject({ erasuresReapplied: 1 });
    expect((restore.json() as { suppressionsCarried: number }).suppressionsCarried).toBeGreaterThanOrEqual(1);
    expect(scalar(db, `SELECT count(*) FROM contacts WHERE id = ${id}`)).toBe(0);
    expect(scalar(db, `SELECT count(*) FROM suppressions WHERE value = '${email.toLowerCase()}'`)).toBe(1);
  });

  it('says a damaged database is damaged, and restores over it', async () => {
    const copy = path.join(tmp.dir, 'copy.db');
    await cli('--db', db, 'db', 'backup', copy);
    damagePage(db);
    const check = await cli('--db', db, 'db', 'check');
    expect(check.code).toBe(1);
    expect(check.err.join('\n')).toMatch(/damaged.*Restore a backup/);
    const restore = await cli('--db', db, 'db', 'restore', copy, '--yes');
    expect(restore.code).toBe(0);
    expect(restore.err.join('\n')).toMatch(/damaged; it is set aside/);
    expect((await cli('--db', db, 'db', 'check')).code).toBe(0);
    expect(fs.readdirSync(tmp.dir).some((f) => f.startsWith('prospect-desk.db.damaged-'))).toBe(true);
  });

  it('exports a person as JSON and purges by the retention rule', async () => {
    const out = path.join(tmp.dir, 'ann.json');
    const exported = await cli('--db', db, 'person', 'export', '1', '--out', out, '--json');
    expect(exported.code).toBe(0);
    expect(JSON.parse(fs.readFileSync(out, 'utf8'))).toMatchObject({
      contactId: 1,
      format: 'prospect-desk.person/1',
    });

    const off = await cli('--db', db, 'purge');
    expect(off.code).toBe(2);
    expect(off.err.join('\n')).toMatch(/retention rule is off/);
    // Everything in the fixture was stored today: a day's grace purges nothing yet.
    const preview = (await cli('--db', db, 'purge', '--days', '1', '--dry-run', '--json')).json() as {
      count: number;
    };
    expect(preview.count).toBe(0);
    // Connections and CRM records are never "unverified"; make them plain old list rows.
    const raw = new Database(db);
    raw
      .prepare(
        `UPDATE contacts SET created_at = '2020-01-01T00:00:00.000Z', crm_id = NULL, discovery_source = 'import', connection_degree = NULL`,
      )
      .run();
    raw.close();
    const aged = (await cli('--db', db, 'purge', '--days', '365', '--dry-run', '--json')).json() as {
      count: number;
    };
    expect(aged.count).toBeGreaterThan(0);
    const purged = (await cli('--db', db, 'purge', '--days', '365', '--json')).json() as { purged: number };
    expect(purged.purged).toBe(aged.count);
    // The three people something was sent to stay.
    expect(scalar(db, 'SELECT count(*) FROM contacts WHERE merged_into IS NULL')).toBe(3);
    expect(scalar(db, `SELECT count(*) FROM audit_log WHERE action = 'privacy.retention_purged'`)).toBe(1);
  });
});
