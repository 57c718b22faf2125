import { z } from 'zod';
import type { QuotaId } from '../quotas';

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use a time like 09:00.');
const limit = (n: number) => z.number().int().min(0).max(100_000).default(n);

function knownZone(zone: string): boolean {
  if (zone === '') return true;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * The limits of the one quota ledger. Invites and InMail are the architecture's rules (20 a day,
 * 100 a rolling week, 50 InMails a month); searches, profile views and messages match the safety
 * module's DEFAULT_ACTION_CAPS (a test keeps them equal); Hunter's are its free plan (25 searches,
 * 50 verifications a month); 40 emails a day keeps a seller's own mailbox well clear of spam limits.
 */
export const DEFAULT_QUOTA_LIMITS: Record<QuotaId, number> = {
  inmail_month: 50,
  invite_day: 20,
  invite_week: 100,
  message_day: 30,
  message_week: 150,
  email_day: 40,
  profile_view_day: 60,
  profile_view_week: 250,
  search_day: 30,
  search_week: 120,
  hunter_search_month: 25,
  hunter_verification_month: 50,
};

const limitsSchema = z
  .object(
    Object.fromEntries(Object.entries(DEFAULT_QUOTA_LIMITS).map(([id, n]) => [id, limit(n)])) as Record<
      QuotaId,
      ReturnType<typeof limit>
    >,
  )
  .strict()
  .refine((l) => l.invite_day <= l.invite_week, { message: 'Invites a day cannot be more than a week.' })
  .default(DEFAULT_QUOTA_LIMITS);

const DEFAULT_HOURS = { days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' };

/**
 * Outreach: the seller's time zone (every quota window, the day's queue and working hours use it),
 * working hours, the quota limits, and the follow-up rules.
 */
export const outreachSettingsSchema = z
  .object({
    /** IANA zone ("America/Chicago"); empty means the computer's own zone. */
    timeZone: z
      .string()
      .max(64)
      .refine(knownZone, { message: 'Not a time zone this computer knows (e.g. America/Chicago).' })
      .default(''),
    workingHours: z
      .object({
        /** ISO weekdays: 1 = Monday … 7 = Sunday. */
        days: z.array(z.number().int().min(1).max(7)).min(1).max(7).default(DEFAULT_HOURS.days),
        start: hhmm.default(DEFAULT_HOURS.start),
        end: hhmm.default(DEFAULT_HOURS.end),
      })
      .refine((h) => h.start < h.end, { message: 'Working hours must end after they start.' })
      .default(DEFAULT_HOURS),
    limits: limitsSchema,
    /** A meter turns amber at this share of its limit. */
    warnAt: z.number().min(0.5).max(1).default(0.8),
    /** An accepted invite gets a follow-up message this many days later. */
    followUpAfterDays: z.number().int().min(0).max(90).default(3),
    /** An invite still pending after this many days is listed for withdrawal. */
    withdrawAfterDays: z.number().int().min(1).max(365).default(21),
    /** {my_name} in templates. */
    senderName: z.string().max(100).default(''),
  })
  .strict();

export type OutreachSettings = z.infer<typeof outreachSettingsSchema>;
