import type { ErasureReport, RetentionReport } from '@shared/domain/privacy';
import type { JobDefinition } from '../jobs/types';
import { erasePerson } from './erase';
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

export interface EraseJobParams {
  id: number;
  suppress?: boolean;
}

/**
 * Erasing one person as a job: the search through every raw import row, audit entry and job result
 * takes seconds on a big history, so it runs on its own thread while the window stays usable. It
 * is one transaction, marked done inside it: Cancel (or a crash) leaves every row as it was.
 * The label and params name the contact by id only; a job row must not keep who was erased.
 */
export const eraseJob: JobDefinition<EraseJobParams, ErasureReport> = {
  kind: 'privacy.erase',
  unit: 'rows',
  exclusive: true,
  label: (p) => `Erasing contact #${p.id}`,
  async run(ctx) {
    return erasePerson(ctx.db, ctx.params.id, ctx.clock, {
      suppress: ctx.params.suppress === true,
      actor: 'user',
      steps: {
        progress: ctx.progress,
        throwIfCancelled: ctx.throwIfCancelled,
        finished: ctx.markDone,
      },
    });
  },
};
