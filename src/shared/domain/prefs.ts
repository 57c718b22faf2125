import { z } from 'zod';

/**
 * The seller's preferences: how the app looks and remembers where things were. They live in the
 * preferences file (electron-store), not in the database, because they belong to this laptop and
 * not to the data. Domain rules (weights, quotas, thresholds) live in the database, so the CLI and
 * the app always apply the same ones.
 */
export const prefsSchema = z.object({
  theme: z.enum(['system', 'light', 'dark']).default('system'),
  density: z.enum(['comfortable', 'compact']).default('comfortable'),
  lastImportFolder: z.string().max(4096).nullable().default(null),
  confirmDestructive: z.boolean().default(true),
});

export type Prefs = z.infer<typeof prefsSchema>;

export const defaultPrefs: Prefs = prefsSchema.parse({});

/** A change to some preferences; unknown keys are refused rather than silently dropped. */
export const prefsPatchSchema = prefsSchema.partial().strict();
export type PrefsPatch = z.infer<typeof prefsPatchSchema>;

export interface PrefsState {
  prefs: Prefs;
  /** Set when the preferences file could not be read and was reset; shown once on Settings. */
  notice: string | null;
}
