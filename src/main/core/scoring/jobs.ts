import type { JobDefinition } from '../jobs/types';
import { readSettings } from '../settings/settingsStore';
import { rescore, type RescoreReport } from './rescore';

/** Scores every lead again with the current rules (after a rule change, or by hand). */
export const scoreJob: JobDefinition<Record<string, never>, RescoreReport> = {
  kind: 'score',
  unit: 'leads',
  exclusive: true,
  label: () => 'Scoring leads',
  async run(ctx) {
    const report = rescore(ctx.db, readSettings(ctx.db, 'scoring'), ctx.clock.now().toISOString());
    ctx.progress(report.scored, report.scored);
    return report;
  },
};
