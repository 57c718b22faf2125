import { z } from 'zod';
import { defineCall } from './define';
import type { QuotaStatus, UsageDay } from '../domain/quotas';

export const quotaCalls = {
  /** Every meter, and the InMail outlook, at a moment (now by default). */
  'quotas.status': defineCall(
    'core',
    z
      .object({ at: z.iso.datetime({ offset: true }).optional() })
      .strict()
      .optional(),
  ).returns<QuotaStatus>(),
  /** Units used per day over the last `days` days (the chart). */
  'quotas.usage': defineCall(
    'core',
    z
      .object({ days: z.number().int().min(1).max(366).default(30) })
      .strict()
      .optional(),
  ).returns<UsageDay[]>(),
};
