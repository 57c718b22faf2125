import { z } from 'zod';

/**
 * Data-protection rules. `retentionDays`: unverified contacts (see UNVERIFIED_RULE in
 * domain/privacy.ts) older than this many days are erased by the daily maintenance; 0 keeps them.
 * Off by default: a seller's freshly imported roster is almost all "unverified", and purging it
 * must be a choice, never a surprise.
 */
export const privacySettingsSchema = z.object({
  retentionDays: z.number().int().min(0).max(3650).default(0),
});

export type PrivacySettings = z.infer<typeof privacySettingsSchema>;
