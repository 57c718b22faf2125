import type { EnrichReport, EnrichRequest } from '@shared/domain/enrich';
import type { JobDefinition } from '../jobs/types';
import { JobCancelled } from '../jobs/types';
import { runEnrichment } from './job/runEnrichment';

/**
 * Finds work emails for contacts without one. Not exclusive: it writes a batch of contacts at a
 * time in short transactions, so other jobs run beside it; a cancel keeps the batches stored. The
 * Hunter key comes from the keychain through the host, never in the job's params.
 */
export const enrichJob: JobDefinition<EnrichRequest, EnrichReport> = {
  kind: 'enrich',
  unit: 'contacts',
  exclusive: false,
  label: (p) =>
    p.contactIds?.length
      ? `Finding emails for ${p.contactIds.length} ${p.contactIds.length === 1 ? 'contact' : 'contacts'}`
      : 'Finding emails',
  async run(ctx) {
    const report = await runEnrichment(
      {
        db: ctx.db,
        clock: ctx.clock,
        apiKey: await ctx.secrets.read('hunter'),
        jobId: ctx.jobId,
        signal: ctx.signal,
        progress: ctx.progress,
      },
      ctx.params,
    );
    if (report.cancelled) throw new JobCancelled();
    return report;
  },
};
