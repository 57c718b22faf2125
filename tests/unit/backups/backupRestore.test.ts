import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/main/core/db/database';
import { LATEST_VERSION, MIGRATIONS } from '../../../src/main/core/db/migrations';
import { migrate } from '../../../src/main/core/db/migrate';
import { checkDatabase } from '../../../src/main/core/db/check';
import {
  backupsFolder,
  createBackup,
  dailyBackupDue,
  listBackups,
  parseBackupName,
  backupFileName,
} from '../../../src/main/core/backups/backupStore';
import { restoreIntoLive, restoreOverDamaged } from '../../../src/main/core/backups/restore';
import { erasePerson } from '../../../src/main/core/privacy/erase';
import { count } from '../../helpers/importing';
import { fillPipeline } from '../../helpers/pipeline';
import { dumpTables, handClock } from '../../helpers/tables';
import { tempDir } from '../../helpers/paths';
import { damagePage } from '../../helpers/damage';

describe('backups and restore', () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => {
    for (const fn of cleanups.splice(0)) fn();
  });
  const folder = () => {
    const tmp = tempDir();
    cleanups.push(tmp.cleanup);
    return tmp.dir;
  };
  const open = (file: string) => {
    const db = openDatabase(file);
    cleanups.unshift(() => db.open && db.close());
    return db;
  };

  it('names backups by time and kind, and reads the name back', () => {
    const at = new Date('2026-03-01T09:15:02.123Z');
    const name = backupFileName('daily', at);
    expect(name).toBe('prospect-desk-2026-03-01T09-15-02-123Z-daily.db');
    expect(parseBackupName(name)).toEqual({ kind: 'daily', createdAt: at.toISOString() });
    expect(parseBackupName('../prospect-desk.db')).toBeNull();
  });

  it('backs up, then restores into a fresh database with identical content', async () => {
    const dir = folder();
    const db = open(path.join(dir, 'a', 'prospect-desk.db'));
    await fillPipeline(db);
    const clock = handClock('2025-06-10T08:00:00Z');
    const backup = await createBackup(db, 'manual', clock);
    expect(listBackups(backupsFolder(db.name)).map((b) => b.name)).toEqual([backup.name]);
    const original = dumpTables(db);
    expect(original.contacts!.length).toBeGreaterThan(20);
    expect(original.outreach_actions).toHaveLength(3);

    const fresh = open(path.join(dir, 'b', 'prospect-desk.db'));
    const report = await restoreIntoLive(fresh, path.join(backupsFolder(db.name), backup.name), {
      clock,
      pagesPerStep: 2,
    });
    expect(report).toMatchObject({
      restored: backup.name,
      erasuresReapplied: 0,
      schemaVersion: LATEST_VERSION,
    });
    // Everything is as it was in the backup, except the restore's own audit entry and the stamp
    // of when the backup was taken, which every backup carries.
    expect(dumpTables(fresh, { audit_log: `action IN ('backup.restored', 'backup.taken')` })).toEqual(
      original,
    );
    expect(fresh.prepare(`SELECT at FROM audit_log WHERE action = 'backup.taken'`).pluck().all()).toEqual([
      backup.createdAt,
    ]);
    expect(fresh.prepare(`SELECT action FROM audit_log ORDER BY id DESC LIMIT 1`).pluck().get()).toBe(
      'backup.restored',
    );
    // The same connection keeps working on the restored data: search finds an imported person.
    expect(
      fresh.prepare(`SELECT count(*) FROM contacts_fts WHERE contacts_fts MATCH 'okafor'`).pluck().get(),
    ).toBe(1);
    fresh.prepare(`UPDATE contacts SET title = 'Zeppelin Captain' WHERE id = 1`).run();
    expect(
      fresh.prepare(`SELECT count(*) FROM contacts_fts WHERE contacts_fts MATCH 'zeppelin'`).pluck().get(),
    ).toBe(1);
    // The fresh database as it was before the restore was kept.
    expect(listBackups(backupsFolder(fresh.name)).map((b) => b.kind)).toEqual(['before-restore']);
    expect(checkDatabase(fresh, 'full').ok).toBe(true);
  });

  it('a restore that fails halfway leaves the database as it was', async () => {
    const dir = folder();
    const source = open(path.join(dir, 'src', 'x.db'));
    await fillPipeline(source);
    const clock = handClock('2025-06-10T08:00:00Z');
    const backup = await createBackup(source, 'manual', clock);
    const live = open(path.join(dir, 'live', 'prospect-desk.db'));
    live.prepare(`INSERT INTO audit_log (at, action) VALUES ('2025-06-09', 'mine')`).run();
    const before = dumpTables(live);
    let steps = 0;
    await expect(
      restoreIntoLive(live, path.join(backupsFolder(source.name), backup.name), {
        clock,
        pagesPerStep: 1,
        onStep: () => {
          if (++steps === 5) throw new Error('the disk is full');
        },
      }),
    ).rejects.toThrow('the disk is full');
    expect(steps).toBe(5);
    expect(dumpTables(live)).toEqual(before);
    expect(checkDatabase(live, 'full').ok).toBe(true);
    // And a second connection (another job, the CLI) sees the same untouched file.
    const other = new Database(live.name, { readonly: true });
    expect(other.prepare('SELECT count(*) FROM contacts').pluck().get()).toBe(0);
    other.close();
    // No working copy is left behind.
    expect(fs.readdirSync(backupsFolder(live.name)).filter((f) => f.startsWith('.'))).toEqual([]);
  });

  it('refuses a damaged backup, a backup from a newer version and a file that is not ours, changing nothing', async () => {
    const dir = folder();
    const live = open(path.join(dir, 'prospect-desk.db'));
    await fillPipeline(live);
    const before = count(live, 'contacts');
    const clock = handClock('2025-06-10T08:00:00Z');
    const good = await createBackup(live, 'manual', clock);
    const backups = backupsFolder(live.name);

    const newer = path.join(backups, 'newer.db');
    fs.copyFileSync(path.join(backups, good.name), newer);
    const raw = new Database(newer);
    raw.pragma(`user_version = ${LATEST_VERSION + 1}`);
    raw.close();
    await expect(restoreIntoLive(live, newer, { clock })).rejects.toMatchObject({ code: 'database_too_new' });

    const foreign = path.join(backups, 'foreign.db');
    const other = new Database(foreign);
    other.exec('CREATE TABLE t (x)');
    other.close();
    await expect(restoreIntoLive(live, foreign, { clock })).rejects.toMatchObject({ code: 'invalid_input' });

    const damaged = path.join(backups, 'damaged.db');
    fs.copyFileSync(path.join(backups, good.name), damaged);
    damagePage(damaged);
    await expect(restoreIntoLive(live, damaged, { clock })).rejects.toMatchObject({
      code: 'database_corrupt',
    });

    expect(count(live, 'contacts')).toBe(before);
  });

  it('brings a backup from an older version up to this schema as it restores it', async () => {
    const dir = folder();
    const old = new Database(path.join(dir, 'old.db'));
    migrate(old, MIGRATIONS, LATEST_VERSION - 1);
    old.prepare(`INSERT INTO audit_log (at, action) VALUES ('2024-01-01', 'from the old version')`).run();
    old.close();
    const live = open(path.join(dir, 'live', 'prospect-desk.db'));
    const clock = handClock('2025-06-10T08:00:00Z');
    const report = await restoreIntoLive(live, path.join(dir, 'old.db'), { clock });
    expect(report.schemaVersion).toBe(LATEST_VERSION);
    expect(
      live.prepare(`SELECT count(*) FROM audit_log WHERE action = 'from the old version'`).pluck().get(),
    ).toBe(1);
    expect(live.prepare('SELECT max(version) FROM schema_migrations').pluck().get()).toBe(LATEST_VERSION);
  });

  it('keeps the newest daily backups and takes one a day', async () => {
    const dir = folder();
    const db = open(path.join(dir, 'prospect-desk.db'));
    const clock = handClock('2025-06-01T12:00:00Z');
    expect(dailyBackupDue(db.name, clock, 'UTC')).toBe(true);
    for (let day = 1; day <= 9; day++) {
      clock.set(`2025-06-${String(day).padStart(2, '0')}T12:00:00Z`);
      await createBackup(db, 'daily', clock, 7);
      expect(dailyBackupDue(db.name, clock, 'UTC')).toBe(false);
    }
    await createBackup(db, 'manual', clock, 7);
    const left = listBackups(backupsFolder(db.name));
    expect(left.filter((b) => b.kind === 'daily').map((b) => b.createdAt.slice(0, 10))).toEqual([
      '2025-06-09',
      '2025-06-08',
      '2025-06-07',
      '2025-06-06',
      '2025-06-05',
      '2025-06-04',
      '2025-06-03',
    ]);
    expect(left.filter((b) => b.kind === 'manual')).toHaveLength(1);
    clock.set('2025-06-10T12:00:00Z');
    expect(dailyBackupDue(db.name, clock, 'UTC')).toBe(true);
  });

  it('trying one backup after another keeps the copy of the day’s own work, the first before-restore copy', async () => {
    const dir = folder();
    const db = open(path.join(dir, 'prospect-desk.db'));
    await fillPipeline(db);
    const clock = handClock('2025-06-10T12:00:00Z');
    const backup = await createBackup(db, 'manual', clock);
    const file = path.join(backupsFolder(db.name), backup.name);
    const safetyCopies = () =>
      listBackups(backupsFolder(db.name))
        .filter((b) => b.kind === 'before-restore')
        .map((b) => b.createdAt);
    // The day's work, then seven restores in a row, a minute apart.
    db.prepare(`UPDATE contacts SET title = 'Today''s work' WHERE id = 1`).run();
    for (let i = 0; i < 7; i++) {
      clock.set(`2025-06-10T12:0${i + 1}:00Z`);
      await restoreIntoLive(db, file, { clock });
    }
    const first = '2025-06-10T12:01:00.000Z';
    expect(safetyCopies()).toHaveLength(6);
    expect(safetyCopies()).toContain(first);
    const firstCopy = new Database(
      path.join(backupsFolder(db.name), backupFileName('before-restore', new Date(first))),
      { readonly: true },
    );
    expect(firstCopy.prepare('SELECT title FROM contacts WHERE id = 1').pluck().get()).toBe("Today's work");
    firstCopy.close();
    // Another day's restores keep it (and that day's first); after 30 days it goes like the others.
    clock.set('2025-06-11T12:00:00Z');
    await restoreIntoLive(db, file, { clock });
    expect(safetyCopies()).toContain(first);
    clock.set('2025-07-11T12:00:00Z');
    await restoreIntoLive(db, file, { clock });
    expect(safetyCopies()).not.toContain(first);
    expect(safetyCopies()).toHaveLength(5);
  });

  it('a restore from before an erasure erases that person again', async () => {
    const dir = folder();
    const db = open(path.join(dir, 'prospect-desk.db'));
    await fillPipeline(db);
    const clock = handClock('2025-06-10T08:00:00Z');
    const backup = await createBackup(db, 'manual', clock);
    const okafor = db.prepare(`SELECT id FROM contacts WHERE last_name = 'Okafor'`).pluck().get() as number;
    clock.set('2025-06-11T08:00:00Z');
    erasePerson(db, okafor, clock);
    clock.set('2025-06-12T08:00:00Z');
    const report = await restoreIntoLive(db, path.join(backupsFolder(db.name), backup.name), { clock });
    expect(report.erasuresReapplied).toBe(1);
    expect(count(db, 'contacts', `last_name = 'Okafor'`)).toBe(0);
    expect(count(db, 'contacts')).toBeGreaterThan(20);
  });

  it('restores over a damaged database, keeping the damaged file beside it', async () => {
    const dir = folder();
    const dbPath = path.join(dir, 'prospect-desk.db');
    const db = open(dbPath);
    await fillPipeline(db);
    const clock = handClock('2025-06-10T08:00:00Z');
    const backup = await createBackup(db, 'daily', clock);
    const contacts = count(db, 'contacts');
    db.close();
    damagePage(dbPath);
    const report = await restoreOverDamaged(dbPath, path.join(backupsFolder(dbPath), backup.name), clock);
    expect(report.safetyCopy).toMatch(/^prospect-desk\.db\.damaged-/);
    expect(fs.existsSync(path.join(dir, report.safetyCopy!))).toBe(true);
    const again = open(dbPath);
    expect(checkDatabase(again).ok).toBe(true);
    expect(count(again, 'contacts')).toBe(contacts);
  });
});
