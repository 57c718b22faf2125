import type { AppError } from '../contract/result';

/**
 * Why a backup was made. Daily ones rotate (the newest few are kept); the others are kept until
 * there are more than a handful of their kind: see BACKUP_KEEP in core/backups/backupStore.ts.
 */
export type BackupKind = 'daily' | 'manual' | 'before-restore';

export interface BackupInfo {
  /** The file's name in the backups folder; the only way the UI names a backup. */
  name: string;
  kind: BackupKind;
  /** When it was taken (from its name, which the app writes in UTC). */
  createdAt: string;
  bytes: number;
}

export interface BackupsState {
  folder: string;
  backups: BackupInfo[];
  /** The newest daily backup, or null before the first one. */
  lastDaily: string | null;
}

export interface RestoreReport {
  restored: string;
  /** The copy of the database as it was just before the restore, so the restore can be undone. */
  safetyCopy: string | null;
  /** Erasures made after the backup was taken, applied again so no erased person comes back. */
  erasuresReapplied: number;
  /** Do-not-contact entries added since the backup, kept (removals since are not replayed). */
  suppressionsCarried: number;
  /** Quota ledger entries booked since the backup, kept: what was spent stays spent. */
  quotaEntriesCarried: number;
  schemaVersion: number;
  seconds: number;
}

/**
 * Whether the core opened the database. When it could not (a corrupt file, a database from a newer
 * version) the window shows why and, for a damaged file, offers the backups to restore.
 */
export type StartupState = { state: 'ready' } | { state: 'failed'; error: AppError };

export interface CheckReport {
  ok: boolean;
  mode: 'quick' | 'full';
  /** SQLite's own findings (first 20), empty when ok. */
  problems: string[];
  seconds: number;
}
