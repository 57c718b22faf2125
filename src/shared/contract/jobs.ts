import { z } from 'zod';
import { defineCall } from './define';
import type { JobSnapshot } from '../domain/jobs';

const jobId = z.number().int().positive();

export const jobCalls = {
  /** Running jobs and the most recent finished ones, newest first. */
  'jobs.list': defineCall(
    'core',
    z
      .object({ limit: z.number().int().min(1).max(200).default(20) })
      .strict()
      .optional(),
  ).returns<JobSnapshot[]>(),
  /** Asks a running job to stop; it rolls back and reports `cancelled`. */
  'jobs.cancel': defineCall('core', z.object({ id: jobId }).strict()).returns<JobSnapshot>(),
};
