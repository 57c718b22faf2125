import { z } from 'zod';
import { serviceUrl } from './serviceUrl';

/** A column as the seller set it: its header in the file, and whether it is written at all. */
const columnChoice = z
  .object({
    key: z.string().min(1).max(60),
    header: z
      .string()
      .trim()
      .min(1, 'A column needs a name.')
      .max(120)
      // A header is a cell like any other: one that starts like a formula is refused here rather
      // than quietly changed in the file.
      .refine((h) => !/^[=+\-@\t\r]/.test(h), 'A column name may not start with = + - @ or a tab.'),
    enabled: z.boolean(),
  })
  .strict();

/**
 * How exports are written: the seller's column choices per target (names, which are left out, the
 * order), whether files start with a byte-order mark, and where the Close API lives (tests point
 * it at a fake server on 127.0.0.1).
 */
export const exportSettingsSchema = z.object({
  mappings: z
    .object({
      close: z.array(columnChoice).max(80).optional(),
      hubspot: z.array(columnChoice).max(80).optional(),
      salesforce: z.array(columnChoice).max(80).optional(),
      generic: z.array(columnChoice).max(80).optional(),
    })
    .strict()
    .default({}),
  bom: z.boolean().default(false),
  close: z
    .object({
      baseUrl: serviceUrl('Close API', 'https://api.close.com', ['api.close.com']),
    })
    .strict()
    .default({ baseUrl: 'https://api.close.com' }),
});

export type ExportSettings = z.infer<typeof exportSettingsSchema>;
export type ExportColumnChoiceSetting = z.infer<typeof columnChoice>;
