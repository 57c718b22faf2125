import fs from 'node:fs';
import path from 'node:path';
import type { BackupInfo, BackupKind, BackupsState } from '@shared/domain/backups';
import type { Db } from '../db/database';
import { systemClock, type Clock } from '../clock';
import { backupDatabase } from '../db/backup';
import { dateOf, systemTimeZone } from '../safety/zonedTime';

/**
 * How many backups of each kind are kept; the oldest beyond that are deleted after each new one.
 * Daily: the seller's setting (7 by default). Backups the seller made by hand, and the copies made
 * before a restore, are fewer and deliberate: kept longer, but not without end.
 */
export const BACKUP_KEEP: Record<Exclude<BackupKind, 'daily'>, number> = {
  manual: 10,
  'before-restore': 5,
};

/**
 * Besides the newest five, the first before-restore copy of each day is kept this many days: a
 * seller trying one backup after another makes copies of restored backups, and only the first
 * holds the day's own work; six tries in a row would otherwise rotate it away.
 */
export const FIRST_BEFORE_RESTORE_DAYS = 30;

/** `backups/` beside the database: the app's data folder in the app, the --db file's folder in the CLI. */
export const backupsFolder = (dbPath: string) => path.join(path.dirname(path.resolve(dbPath)), 'backups');

// prospect-desk-2026-03-01T09-15-02-123Z-daily.db: the time (UTC) and kind are in the name, so the
// list needs no index file and a copied backup still says what it is.
const NAME = /^prospect-desk-(\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z)-(daily|manual|before-restore)\.db$/;

export function backupFileName(kind: BackupKind, at: Date): string {
  return `prospect-desk-${at.toISOString().replace(/[:.]/g, '-')}-${kind}.db`;
}

/** The time and kind a backup's name records; null for a name the app did not write. */
export function parseBackupName(name: string): { kind: BackupKind; createdAt: string } | null {
  const match = NAME.exec(name);
  if (!match) return null;
  const [date, time] = match[1]!.split('T') as [string, string];
  const [h, m, s, ms] = time.replace('Z', '').split('-');
  return { kind: match[2] as BackupKind, createdAt: `${date}T${h}:${m}:${s}.${ms}Z` };
}

/** Every backup in the folder, newest first. Files the app did not write there are not listed. */
export function listBackups(folder: string): BackupInfo[] {
  let names: string[];
  try {
    names = fs.readdirSync(folder);
  } catch {
    return [];
  }
  const backups: BackupInfo[] = [];
  for (const name of names) {
    const parsed = parseBackupName(name);
    if (!parsed) continue;
    try {
      backups.push({ name, ...parsed, bytes: fs.statSync(path.join(folder, name)).size });
    } catch {
      // removed while listing
    }
  }
  return backups.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.name.localeCompare(a.name));
}

export function backupsState(dbPath: string): BackupsState {
  const folder = backupsFolder(dbPath);
  const backups = listBackups(folder);
  return { folder, backups, lastDaily: backups.find((b) => b.kind === 'daily')?.createdAt ?? null };
}

/**
 * Deletes the oldest backups of a kind beyond the number kept; for before-restore copies, not the
 * first of each recent day (FIRST_BEFORE_RESTORE_DAYS).
 */
export function rotateBackups(
  folder: string,
  kind: BackupKind,
  keep: number,
  clock: Clock = systemClock,
): string[] {
  const ofKind = listBackups(folder).filter((b) => b.kind === kind);
  const spared = kind === 'before-restore' ? firstOfEachDay(ofKind, clock) : new Set<string>();
  const removed: string[] = [];
  for (const old of ofKind.slice(keep)) {
    if (spared.has(old.name)) continue;
    fs.rmSync(path.join(folder, old.name), { force: true });
    removed.push(old.name);
  }
  return removed;
}

/** The oldest backup of each local day, among those of the last FIRST_BEFORE_RESTORE_DAYS days. */
function firstOfEachDay(backups: BackupInfo[], clock: Clock): Set<string> {
  const since = clock.now().getTime() - FIRST_BEFORE_RESTORE_DAYS * 86_400_000;
  const first = new Map<string, BackupInfo>();
  for (const backup of backups) {
    if (Date.parse(backup.createdAt) < since) continue;
    // The computer's day: rotation keeps files, it decides nothing the seller plans by.
    const day = dateOf(new Date(backup.createdAt), systemTimeZone());
    const seen = first.get(day);
    if (!seen || backup.createdAt < seen.createdAt) first.set(day, backup);
  }
  return new Set([...first.values()].map((b) => b.name));
}

/** Takes a backup of this kind into the backups folder (online, checked), then rotates that kind. */
export async function createBackup(
  db: Db,
  kind: BackupKind,
  clock: Clock,
  keepDaily = 7,
): Promise<BackupInfo> {
  const folder = backupsFolder(db.name);
  const at = clock.now();
  const name = backupFileName(kind, at);
  const result = await backupDatabase(db, path.join(folder, name), { takenAt: at });
  rotateBackups(folder, kind, kind === 'daily' ? keepDaily : BACKUP_KEEP[kind], clock);
  return { name, kind, createdAt: at.toISOString(), bytes: result.bytes };
}

/**
 * Whether today's daily backup is still to be taken: one per day of the seller's calendar (their
 * outreach time zone, as every other "today" in the app), not of the computer's clock zone.
 */
export function dailyBackupDue(dbPath: string, clock: Clock, timeZone: string): boolean {
  const last = backupsState(dbPath).lastDaily;
  return last === null || dateOf(new Date(last), timeZone) !== dateOf(clock.now(), timeZone);
}

/** A backup named by the UI: only a file the app wrote in the backups folder, never another path. */
export function backupPath(dbPath: string, name: string): string | null {
  if (!parseBackupName(name) || path.basename(name) !== name) return null;
  const file = path.join(backupsFolder(dbPath), name);
  return fs.existsSync(file) ? file : null;
}
