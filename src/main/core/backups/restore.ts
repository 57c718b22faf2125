import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { AppFailure } from '@shared/contract/result';
import type { RestoreReport } from '@shared/domain/backups';
import { openDatabase, type Db } from '../db/database';
import { LATEST_VERSION } from '../db/migrations';
import { checkDatabase } from '../db/check';
import type { Clock } from '../clock';
import { recordAudit } from '../audit/audit';
import { installSearchTriggers } from '../search/searchTriggers';
import { erasePeople } from '../privacy/erase';
import { personRecords } from '../privacy/people';
import { backupsFolder, createBackup, parseBackupName } from './backupStore';

/** A step of the copy into the live database; tests stop a restore halfway through with it. */
export type RestoreStep = (progress: { totalPages: number; remainingPages: number }) => void;

const removeWithCompanions = (file: string) => {
  for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(`${file}${suffix}`, { force: true });
};

/** The backup's schema version, after making sure it is a Prospect Desk database this build can read. */
function schemaOf(source: Db, name: string): number {
  let version: number;
  let isOurs: boolean;
  try {
    version = source.pragma('user_version', { simple: true }) as number;
    isOurs =
      source.prepare(`SELECT 1 FROM sqlite_schema WHERE name = 'schema_migrations'`).pluck().get() === 1;
  } catch (error) {
    throw new AppFailure(
      'database_corrupt',
      `${name} is not a readable database (${(error as Error).message}).`,
    );
  }
  if (!isOurs) throw new AppFailure('invalid_input', `${name} is not a Prospect Desk database.`);
  if (version > LATEST_VERSION) {
    throw new AppFailure(
      'database_too_new',
      `${name} was written by a newer version of Prospect Desk (schema ${version}; this version knows up to ${LATEST_VERSION}). Update Prospect Desk to restore it.`,
    );
  }
  return version;
}

/**
 * A working copy of a backup, ready to become the database: read with the backup API (so the
 * backup file itself is never opened for writing or changed), checked, brought to this build's
 * schema by the usual migrations, and left as one self-contained file. Refuses a file that is not
 * a Prospect Desk database, is damaged, or comes from a newer version — before anything is touched.
 */
export async function prepareRestoreCopy(backupFile: string, workFolder: string): Promise<string> {
  if (!fs.existsSync(backupFile)) throw new AppFailure('not_found', `There is no backup ${backupFile}.`);
  let source: Db;
  try {
    source = new Database(backupFile, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new AppFailure(
      'database_corrupt',
      `${path.basename(backupFile)} cannot be opened: ${(error as Error).message}`,
    );
  }
  const name = path.basename(backupFile);
  const work = path.join(workFolder, `.restoring-${process.pid}-${Date.now()}.db`);
  let version: number;
  try {
    version = schemaOf(source, name);
  } catch (error) {
    source.close();
    throw error;
  }
  try {
    const check = checkDatabase(source, 'quick');
    if (!check.ok)
      throw new AppFailure(
        'database_corrupt',
        `${name} is damaged (${check.problems[0]}); choose another backup.`,
      );
    fs.mkdirSync(workFolder, { recursive: true });
    await source.backup(work);
  } catch (error) {
    removeWithCompanions(work);
    throw error;
  } finally {
    source.close();
  }
  try {
    const copy = openDatabase(work); // migrates an older backup to this build's schema
    try {
      // The backup itself was checked above; a copy that migrations changed is checked again.
      if ((copy.pragma('user_version', { simple: true }) as number) !== version) {
        const check = checkDatabase(copy, 'quick');
        if (!check.ok) throw new AppFailure('database_corrupt', `${name} is damaged (${check.problems[0]}).`);
      }
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    return work;
  } catch (error) {
    removeWithCompanions(work);
    throw error;
  }
}

/** When a backup was taken: from the name the app gave it, else the file's time. */
export function backupTakenAt(file: string): string {
  return parseBackupName(path.basename(file))?.createdAt ?? fs.statSync(file).mtime.toISOString();
}

/**
 * Contacts erased after `since`, read from an audit log: a restore from an older backup erases
 * them again, so restoring never brings back a person someone asked to be forgotten. Ids are safe
 * to reuse here: a person erased after the backup was taken had that id in the backup.
 */
export function erasedSince(db: Db, since: string): number[] {
  const ids = new Set(
    db
      .prepare(
        `SELECT entity_id FROM audit_log WHERE action = 'person.erased' AND at > ? AND entity_id IS NOT NULL`,
      )
      .pluck()
      .all(since) as number[],
  );
  for (const details of db
    .prepare(`SELECT details FROM audit_log WHERE action = 'privacy.retention_purged' AND at > ?`)
    .pluck()
    .all(since) as string[]) {
    const parsed = JSON.parse(details) as { ids?: unknown };
    if (Array.isArray(parsed.ids)) for (const id of parsed.ids) if (typeof id === 'number') ids.add(id);
  }
  return [...ids].sort((a, b) => a - b);
}

/** Erases again, in the restored database, the people erased since the backup. */
function reapplyErasures(db: Db, ids: number[], clock: Clock): number {
  if (ids.length === 0) return 0;
  const roots = new Set<number>();
  for (const id of ids) {
    try {
      roots.add(personRecords(db, id)[0]!);
    } catch {
      // not in this backup (added after it was taken): nothing to erase
    }
  }
  if (roots.size > 0) erasePeople(db, [...roots], clock, { actor: 'system' });
  return roots.size;
}

export interface RestoreOptions {
  clock: Clock;
  onStep?: RestoreStep;
  /** Pages copied per step (the core answers reads between steps from the old snapshot). */
  pagesPerStep?: number;
}

/**
 * Restores a backup into the database the core has open, without closing it: the backup API
 * writes the prepared copy into the live file as one write transaction, so other connections see
 * the old database until it commits and the new one after, and a restore that fails halfway (a
 * full disk, a crash, a thrown step) is rolled back by SQLite, leaving the database as it was.
 * Before that, the database as it is is backed up ("before-restore"), so the restore itself can be
 * undone. The caller makes sure no job is writing.
 */
export async function restoreIntoLive(
  db: Db,
  backupFile: string,
  options: RestoreOptions,
): Promise<RestoreReport> {
  const started = performance.now();
  const { clock } = options;
  const work = await prepareRestoreCopy(backupFile, backupsFolder(db.name));
  try {
    const safety = await createBackup(db, 'before-restore', clock);
    const pending = erasedSince(db, backupTakenAt(backupFile));
    const source = new Database(work, { readonly: true });
    try {
      await source.backup(db.name, {
        progress: (progress) => {
          options.onStep?.(progress);
          return options.pagesPerStep ?? 1000;
        },
      });
    } finally {
      source.close();
    }
    // The connection's own search triggers live in its temp schema and outlast the swap; make sure.
    installSearchTriggers(db);
    const reapplied = reapplyErasures(db, pending, clock);
    recordAudit(
      db,
      {
        action: 'backup.restored',
        details: { backup: path.basename(backupFile), safetyCopy: safety.name, erasuresReapplied: reapplied },
      },
      clock,
    );
    return {
      restored: path.basename(backupFile),
      safetyCopy: safety.name,
      erasuresReapplied: reapplied,
      schemaVersion: db.pragma('user_version', { simple: true }) as number,
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    removeWithCompanions(work);
  }
}

/**
 * Restores a backup over a database that could not be opened (damaged). The damaged file is not
 * deleted: it is moved aside as `<name>.damaged-<time>` (with its -wal), and moved back if the
 * restored copy cannot be put in its place.
 */
export async function restoreOverDamaged(
  dbPath: string,
  backupFile: string,
  clock: Clock,
): Promise<RestoreReport> {
  const started = performance.now();
  const work = await prepareRestoreCopy(backupFile, backupsFolder(dbPath));
  let pending: number[] = [];
  try {
    const damaged = new Database(dbPath, { readonly: true, fileMustExist: true });
    try {
      pending = erasedSince(damaged, backupTakenAt(backupFile));
    } finally {
      damaged.close();
    }
  } catch {
    // The damaged file may not say who was erased since; the backup is restored as it is.
  }
  const aside = `${dbPath}.damaged-${clock.now().toISOString().replace(/[:.]/g, '-')}`;
  const moved: [string, string][] = [];
  try {
    for (const suffix of ['', '-wal', '-shm']) {
      if (!fs.existsSync(`${dbPath}${suffix}`)) continue;
      fs.renameSync(`${dbPath}${suffix}`, `${aside}${suffix}`);
      moved.push([`${dbPath}${suffix}`, `${aside}${suffix}`]);
    }
    fs.renameSync(work, dbPath);
  } catch (error) {
    for (const [from, to] of moved.reverse()) if (fs.existsSync(to)) fs.renameSync(to, from);
    removeWithCompanions(work);
    throw error;
  }
  const db = openDatabase(dbPath);
  try {
    const reapplied = reapplyErasures(db, pending, clock);
    recordAudit(
      db,
      {
        action: 'backup.restored',
        details: {
          backup: path.basename(backupFile),
          damagedCopy: path.basename(aside),
          erasuresReapplied: reapplied,
        },
      },
      clock,
    );
    return {
      restored: path.basename(backupFile),
      safetyCopy: path.basename(aside),
      erasuresReapplied: reapplied,
      schemaVersion: db.pragma('user_version', { simple: true }) as number,
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    db.close();
  }
}
