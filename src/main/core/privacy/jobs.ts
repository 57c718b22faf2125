import type { RetentionReport } from '@shared/domain/privacy';
import type { JobDefinition } from '../jobs/types';
import { readSettings } from '../settings/settingsStore';
import { purgeUnverified } from './retention';

/**
 * The retention rule as a job: on its own connection, so a purge of thousands never holds up the
 * window; all of it commits or none (purgeUnverified is one transaction).
 */
export const retentionJob: JobDefinition<{ days?: number }, RetentionReport> = {
  kind: 'retention',
  unit: 'contacts',
  exclusive: true,
  label: () => 'Purging unverified contacts',
  async run(ctx) {
    const days = ctx.params.days ?? readSettings(ctx.db, 'privacy').retentionDays;
    const report = purgeUnverified(ctx.db, days, ctx.clock);
    ctx.progress(report.purged, report.purged);
    return report;
  },
};
