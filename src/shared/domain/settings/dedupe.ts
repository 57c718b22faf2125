import { z } from 'zod';

const score = z.number().min(0).max(100);

/**
 * When two records are the same: at or above `same` they merge by themselves, between `review`
 * and `same` they wait in the review queue, below `review` they stay apart.
 */
const band = z
  .object({ same: score.default(90), review: score.default(80) })
  .refine((b) => b.review <= b.same, {
    message: 'The review threshold must not be above the merge threshold.',
  });

export const dedupeSettingsSchema = z.object({
  companies: band.default({ same: 90, review: 80 }),
  contacts: band.default({ same: 90, review: 80 }),
  /** Match each import against what is already in the database before its rows are added. */
  matchOnImport: z.boolean().default(true),
});

export type DedupeSettings = z.infer<typeof dedupeSettingsSchema>;
