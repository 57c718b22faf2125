import type { BackupInfo } from '@shared/domain/backups';
import type { CoreContext } from '../context';
import { recordAudit } from '../audit/audit';
import { readSettings } from '../settings/settingsStore';
import { createBackup, dailyBackupDue } from './backupStore';
import { exclusively } from './exclusive';
import { sellerTimeZone } from '../quotas/config';
import { dateOf } from '../safety/zonedTime';
import { scoresCurrent } from '../scoring/codeVersion';

export interface MaintenanceReport {
  backup: BackupInfo | null;
  backupError: string | null;
  /** The retention job started, if the rule is on and had not run today. */
  retentionJob: number | null;
  /** The scoring job started, when the stored scores are from an earlier scoring code. */
  scoreJob: number | null;
}

/**
 * The core's daily housekeeping, run soon after start and every hour: today's backup if it is due
 * (and daily backups are on), the scores again if an upgrade changed the scoring code, then the
 * retention rule, once a day, if it is on. "A day" is the
 * seller's, in their outreach time zone. A backup that
 * fails stops the round, so the purge never runs without today's backup to undo it.
 */
export class Maintenance {
  private lastRetentionDay: string | null = null;

  constructor(private readonly ctx: CoreContext) {}

  async run(): Promise<MaintenanceReport> {
    const { ctx } = this;
    const report: MaintenanceReport = { backup: null, backupError: null, retentionJob: null, scoreJob: null };
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
    // Scores stored by an earlier version of the scoring code are redone once, in the background.
    if (!scoresCurrent(ctx.db) && !ctx.jobs.busy()) report.scoreJob = ctx.jobs.start('score', {}).id;
    const { retentionDays } = readSettings(ctx.db, 'privacy');
    const today = dateOf(ctx.clock.now(), timeZone);
    if (retentionDays > 0 && this.lastRetentionDay !== today && !ctx.jobs.busy()) {
      this.lastRetentionDay = today;
      report.retentionJob = ctx.jobs.start('retention', {}).id;
    }
    return report;
  }
}
