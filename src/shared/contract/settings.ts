import { z } from 'zod';
import { defineCall } from './define';
import { SETTINGS_SECTIONS, type AllSettings } from '../domain/settings';

/**
 * One section's new rules. The section's own schema checks the value here at the boundary (and
 * again in the core before it is stored).
 */
const update = z
  .object({
    section: z.enum(Object.keys(SETTINGS_SECTIONS) as [keyof typeof SETTINGS_SECTIONS]),
    value: z.unknown(),
  })
  .strict()
  .superRefine((input, ctx) => {
    const checked = SETTINGS_SECTIONS[input.section].safeParse(input.value);
    if (!checked.success)
      for (const issue of checked.error.issues)
        ctx.addIssue({ ...issue, path: ['value', ...issue.path] } as never);
  });

export const settingsCalls = {
  /** The domain rules (thresholds, weights, quotas…) of every section, with their defaults. */
  'settings.all': defineCall('core', z.undefined()).returns<AllSettings>(),
  'settings.update': defineCall('core', update).returns<AllSettings>(),
};
