import { z } from 'zod';

/**
 * Automatic backups: once a day the core copies the database into `backups/` beside it with
 * SQLite's online backup API, and keeps the newest `keep` of those daily copies.
 */
export const backupSettingsSchema = z.object({
  daily: z.boolean().default(true),
  keep: z.number().int().min(1).max(60).default(7),
});

export type BackupSettings = z.infer<typeof backupSettingsSchema>;
