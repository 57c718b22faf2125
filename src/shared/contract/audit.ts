import { z } from 'zod';
import { defineCall } from './define';
import { AUDIT_KIND_IDS, type AuditKind, type AuditPage } from '../domain/audit';
import { parseCivil } from '../time/zonedTime';

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'A day is written YYYY-MM-DD.')
  .refine((text) => parseCivil(text) !== null, { message: 'Not a day of the calendar.' });

export const auditCalls = {
  /** The audit log, newest first: by kind and by day (inclusive, days of the seller's outreach time zone). */
  'audit.list': defineCall(
    'core',
    z
      .object({
        kinds: z
          .array(z.enum(AUDIT_KIND_IDS as [AuditKind, ...AuditKind[]]))
          .max(AUDIT_KIND_IDS.length)
          .optional(),
        from: day.optional(),
        to: day.optional(),
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(500).default(50),
      })
      .strict()
      .optional(),
  ).returns<AuditPage>(),
};
