import { z } from 'zod';
import { defineCall } from './define';
import { AUDIT_KIND_IDS, type AuditKind, type AuditPage } from '../domain/audit';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'A day is written YYYY-MM-DD.');

export const auditCalls = {
  /** The audit log, newest first: by kind and by day (inclusive, local days as the seller picks them). */
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
        /** The offset of the seller's time zone from UTC in minutes (Date.getTimezoneOffset). */
        tzOffsetMinutes: z.number().int().min(-900).max(900).default(0),
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(500).default(50),
      })
      .strict()
      .optional(),
  ).returns<AuditPage>(),
};
