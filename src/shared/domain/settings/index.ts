import type { z } from 'zod';
import { dedupeSettingsSchema } from './dedupe';
import { scoringSettingsSchema } from './scoring';
import { outreachSettingsSchema } from './outreach';
import { exportSettingsSchema } from './export';
import { backupSettingsSchema } from './backups';
import { privacySettingsSchema } from './privacy';
import { enrichSettingsSchema } from './enrich';
import { linkedinSettingsSchema } from './linkedin';

/**
 * The domain rules, by section. Each section is one JSON value in the `settings` table, checked
 * against its schema when read (a value an older version wrote is completed with defaults) and
 * when written. Each feature adds its section here.
 */
export const SETTINGS_SECTIONS = {
  dedupe: dedupeSettingsSchema,
  scoring: scoringSettingsSchema,
  outreach: outreachSettingsSchema,
  export: exportSettingsSchema,
  backups: backupSettingsSchema,
  privacy: privacySettingsSchema,
  enrich: enrichSettingsSchema,
  linkedin: linkedinSettingsSchema,
} satisfies Record<string, z.ZodType>;

export type SettingsSections = typeof SETTINGS_SECTIONS;
export type SectionName = keyof SettingsSections;
export type SectionValue<S extends SectionName> = z.output<SettingsSections[S]>;

/** Every section's rules at once, as the Settings page reads them. */
export type AllSettings = { [S in SectionName]: SectionValue<S> };

export const SECTION_NAMES = Object.keys(SETTINGS_SECTIONS) as SectionName[];
