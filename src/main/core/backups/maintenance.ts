import type { BackupInfo } from '@shared/domain/backups';
import type { CoreContext } from '../context';
import { recordAudit } from '../audit/audit';
import { readSettings } from '../settings/settingsStore';
import { createBackup, dailyBackupDue } from './backupStore';
import { exclusively } from './exclusive';
import { sellerTimeZone } from '../quotas/config';
import { dateOf } from '../safety/zonedTime';

export interface MaintenanceReport {
  backup: BackupInfo | null;
  backupError: string | null;
  /** The retention job started, if the rule is on and had not run today. */
  retentionJob: number | null;
}

/**
 * The core's daily housekeeping, run soon after start and every hour: today's backup if it is due
 * (and daily backups are on), then the retention rule, once a day, if it is on. "A day" is the
 * seller's, in their outreach time zone. A backup that
 * fails stops the round, so the purge never runs without today's backup to undo it.
 */
export class Maintenance {
  private lastRetentionDay: string | null = null;

  constructor(private readonly ctx: CoreContext) {}

  async run(): Promise<MaintenanceReport> {
    const { ctx } = this;
    const report: MaintenanceReport = { backup: null, backupError: null, retentionJob: null };
    const backups = readSettings(ctx.db, 'backups');
    const timeZone = sellerTimeZone(ctx.db);
    if (backups.daily && dailyBackupDue(ctx.db.name, ctx.clock, timeZone)) {
      try {
        report.backup = await exclusively('backup', () =>
          createBackup(ctx.db, 'daily', ctx.clock, backups.keep),
        );
      } catch (error) {
        report.backupError = (error as Error).message;
        recordAudit(
          ctx.db,
          { action: 'backup.failed', actor: 'system', details: { error: report.backupError } },
          ctx.clock,
        );
        return report;
      }
    }
    const { retentionDays } = readSettings(ctx.db, 'privacy');
    const today = dateOf(ctx.clock.now(), timeZone);
    if (retentionDays > 0 && this.lastRetentionDay !== today && !ctx.jobs.busy()) {
      this.lastRetentionDay = today;
      report.retentionJob = ctx.jobs.start('retention', {}).id;
    }
    return report;
  }
}
