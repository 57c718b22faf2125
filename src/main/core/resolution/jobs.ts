import type { DedupeReport } from '@shared/domain/resolution';
import type { JobDefinition } from '../jobs/types';
import { readSettings } from '../settings/settingsStore';
import { resolveStored } from './resolveStored';
import { rescore } from '../scoring/rescore';

/**
 * "Find duplicates": resolves every stored company and contact in one transaction (one write lock,
 * like an import), so a cancel leaves everything as it was.
 */
export const dedupeJob: JobDefinition<Record<string, never>, DedupeReport> = {
  kind: 'dedupe',
  unit: 'steps',
  exclusive: true,
  label: () => 'Finding duplicates',
  async run(ctx) {
    const started = performance.now();
    const report = ctx.db.transaction(() => {
      const stats = resolveStored(
        {
          db: ctx.db,
          clock: ctx.clock,
          settings: readSettings(ctx.db, 'dedupe'),
          throwIfCancelled: ctx.throwIfCancelled,
          progress: ctx.progress,
        },
        { kind: 'all' },
      );
      rescore(ctx.db, readSettings(ctx.db, 'scoring'), ctx.clock.now().toISOString());
      const result: DedupeReport = {
        companies: stats.company,
        contacts: stats.contact,
        seconds: (performance.now() - started) / 1000,
      };
      ctx.markDone(result);
      return result;
    })();
    return report;
  },
};
