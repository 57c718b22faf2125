import { z } from 'zod';
import { defineCall } from './define';
import type { JobSnapshot } from '../domain/jobs';
import type { HunterCreditsSync } from '../domain/enrich';
import { contactFilterSchema } from './records';

export const enrichRequestSchema = z
  .object({
    /** Chosen contacts (the table's selection); otherwise the filter's. */
    contactIds: z.array(z.number().int().positive()).min(1).max(250_000).optional(),
    filter: contactFilterSchema.optional(),
    limit: z.number().int().min(1).max(1_000_000).optional(),
  })
  .strict();

export const enrichCalls = {
  /** Finds emails for contacts without one, as a job; its EnrichReport is the job's result. */
  'enrich.run': defineCall('core', enrichRequestSchema).returns<JobSnapshot>(),
  /** Asks Hunter for the month's used credits (free) and takes them into the quota ledger. */
  'enrich.syncCredits': defineCall('core', z.undefined()).returns<HunterCreditsSync>(),
};
