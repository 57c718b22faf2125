import { z } from 'zod';
import { defineCall } from './define';
import type { DedupeReport, ReviewQueueView } from '../domain/resolution';

const kind = z.enum(['company', 'contact']);
const id = z.number().int().positive();

export const reviewCalls = {
  /** Finds duplicates across everything stored (a job): sure ones merge, doubtful ones queue. */
  'dedupe.run': defineCall('core', z.undefined()).returns<DedupeReport>(),
  'review.queue': defineCall(
    'core',
    z
      .object({
        status: z.enum(['pending', 'skipped']).default('pending'),
        kind: kind.optional(),
        limit: z.number().int().min(1).max(500).default(50),
      })
      .strict()
      .optional(),
  ).returns<ReviewQueueView>(),
  'review.count': defineCall('core', z.undefined()).returns<{ pending: number }>(),
  'review.decide': defineCall(
    'core',
    z.object({ id, decision: z.enum(['merge', 'different', 'skip']) }).strict(),
  ).returns<{ mergeId: number | null }>(),
  /** Undoes one merge (automatic or by hand); both records come back as they were. */
  'review.undoMerge': defineCall('core', z.object({ mergeId: id }).strict()).returns<void>(),
  /** Takes back a "different" or "skip": the pair waits in the queue again. */
  'review.reopen': defineCall('core', z.object({ id }).strict()).returns<void>(),
  /** Merges every waiting pair at or above a score. */
  'review.acceptAbove': defineCall(
    'core',
    z.object({ minScore: z.number().min(0).max(100), kind: kind.optional() }).strict(),
  ).returns<{ merged: number }>(),
};
