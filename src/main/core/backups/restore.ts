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
import { BACKUP_STAMP } from '../db/backup';
import { backupsFolder, createBackup, parseBackupName } from './backupStore';
import { applySinceBackup, readSinceBackup, type CarriedCounts, type SinceBackup } from './bringForward';

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
export async function prepareRestoreCopy(
  backupFile: string,
  workFolder: string,
): Promise<{ file: string; takenAt: string | null }> {
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
  let takenAt: string | null;
  try {
    version = schemaOf(source, name);
    takenAt = backupTakenAt(source, name);
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
    return { file: work, takenAt };
  } catch (error) {
    removeWithCompanions(work);
    throw error;
  }
}

/**
 * When a backup was taken, read from inside it (before any migration touches it): the stamp every
 * backup gets (db/backup.ts); for a backup from before stamps, the time in the name the app gave
 * it, else its newest audit entry (every erasure in it is audited, so none after that time is). A
 * file's own time is not used: copying it changes that. Null when the backup says nothing.
 */
export function backupTakenAt(source: Db, fileName: string): string | null {
  const newest = (where: string) =>
    source.prepare(`SELECT max(at) FROM audit_log ${where}`).pluck().get() as string | null;
  return newest(`WHERE action = '${BACKUP_STAMP}'`) ?? parseBackupName(fileName)?.createdAt ?? newest('');
}

/** Writes what the replaced database must keep (bringForward.ts) into the prepared copy. */
function bringForward(work: string, since: SinceBackup | null, clock: Clock): CarriedCounts {
  const none = { erasuresReapplied: 0, suppressionsCarried: 0, quotaEntriesCarried: 0 };
  if (!since) return none;
  const copy = openDatabase(work);
  try {
    const counts = applySinceBackup(copy, since, clock);
    copy.pragma('journal_mode = DELETE');
    return counts;
  } finally {
    copy.close();
  }
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
 * undone, and what the restore must not take back (erasures, do-not-contact entries, quota spent;
 * see bringForward.ts) is written into the copy. The caller makes sure no job is writing.
 */
export async function restoreIntoLive(
  db: Db,
  backupFile: string,
  options: RestoreOptions,
): Promise<RestoreReport> {
  const started = performance.now();
  const { clock } = options;
  const { file: work, takenAt } = await prepareRestoreCopy(backupFile, backupsFolder(db.name));
  try {
    const safety = await createBackup(db, 'before-restore', clock);
    // Read and written with no await in between, so nothing the core does meanwhile is missed.
    const carried = bringForward(work, readSinceBackup(db, takenAt), clock);
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
    recordAudit(
      db,
      {
        action: 'backup.restored',
        details: { backup: path.basename(backupFile), safetyCopy: safety.name, ...carried },
      },
      clock,
    );
    return {
      restored: path.basename(backupFile),
      safetyCopy: safety.name,
      ...carried,
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
  const { file: work, takenAt } = await prepareRestoreCopy(backupFile, backupsFolder(dbPath));
  let since: SinceBackup | null = null;
  try {
    const damaged = new Database(dbPath, { readonly: true, fileMustExist: true });
    try {
      since = readSinceBackup(damaged, takenAt);
    } finally {
      damaged.close();
    }
  } catch {
    // The damaged file may not say what happened since; the backup is restored as it is.
  }
  const aside = `${dbPath}.damaged-${clock.now().toISOString().replace(/[:.]/g, '-')}`;
  const moved: [string, string][] = [];
  let carried: CarriedCounts;
  try {
    carried = bringForward(work, since, clock);
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
    recordAudit(
      db,
      {
        action: 'backup.restored',
        details: { backup: path.basename(backupFile), damagedCopy: path.basename(aside), ...carried },
      },
      clock,
    );
    return {
      restored: path.basename(backupFile),
      safetyCopy: path.basename(aside),
      ...carried,
      schemaVersion: db.pragma('user_version', { simple: true }) as number,
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    db.close();
  }
}
