import { z } from 'zod';
import { defineCall } from './define';
import type { BackupInfo, BackupsState, CheckReport, RestoreReport, StartupState } from '../domain/backups';

const backupName = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[\w.-]+\.db$/, 'A backup is named by its file name in the backups folder.');

export const backupCalls = {
  /** Whether the core opened the database, or why not. Answered even when it could not. */
  'db.startup': defineCall('core', z.undefined()).returns<StartupState>(),
  /** SQLite's consistency check: quick (every page) or full (every index entry too). */
  'db.check': defineCall(
    'core',
    z
      .object({ full: z.boolean().default(false) })
      .strict()
      .optional(),
  ).returns<CheckReport>(),
  /** The backups folder and what is in it, newest first. Answered even when the database is damaged. */
  'backups.list': defineCall('core', z.undefined()).returns<BackupsState>(),
  /** A backup now (online: safe while working). */
  'backups.create': defineCall('core', z.undefined()).returns<BackupInfo>(),
  /**
   * Replaces the database with a backup, after the current one is itself backed up. Refused while
   * a job runs. When the database could not be opened (damaged), the damaged file is set aside.
   */
  'backups.restore': defineCall('core', z.object({ name: backupName }).strict()).returns<RestoreReport>(),
};

/** The calls the core answers while its database cannot be opened: enough to say why and restore. */
export const RECOVERY_CALLS: readonly string[] = ['db.startup', 'backups.list', 'backups.restore'];
