/**
 * The quotas of the one quota ledger: every limited action, its window and its label. The ledger
 * (src/main/core/quotas) books units under a key; a key may have several quotas (invites: a day
 * and a rolling week), each a meter on the Quotas page and a limit in Settings.
 */

/** What a ledger row counts against (quota_ledger.quota). */
export type QuotaKey =
  | 'linkedin.invite'
  | 'linkedin.inmail'
  | 'linkedin.message'
  | 'linkedin.profile_view'
  | 'linkedin.search'
  | 'hunter.search'
  | 'hunter.verification'
  | 'email.send';

/** What a seller calls each kind of limited action, for charts and tables. */
export const QUOTA_KEY_LABELS: Record<QuotaKey, string> = {
  'linkedin.invite': 'Invites',
  'linkedin.inmail': 'InMails',
  'linkedin.message': 'Messages',
  'linkedin.profile_view': 'Profile views',
  'linkedin.search': 'LinkedIn searches',
  'hunter.search': 'Hunter searches',
  'hunter.verification': 'Hunter verifications',
  'email.send': 'Emails',
};

/** A ledger key's label; a key this version does not know is shown as it is stored. */
export const quotaKeyLabel = (key: string): string => QUOTA_KEY_LABELS[key as QuotaKey] ?? key;

/**
 * `day` and `month` are calendar periods in the seller's time zone (a month resets on the 1st at
 * midnight); `week` rolls: today and the six days before it, so a unit frees at the midnight seven
 * days after the day it was used — how LinkedIn counts its weekly invitation limit.
 */
export type QuotaWindow = 'day' | 'week' | 'month';

export type QuotaId =
  | 'inmail_month'
  | 'invite_day'
  | 'invite_week'
  | 'message_day'
  | 'message_week'
  | 'profile_view_day'
  | 'profile_view_week'
  | 'search_day'
  | 'search_week'
  | 'email_day'
  | 'hunter_search_month'
  | 'hunter_verification_month';

export interface QuotaDef {
  id: QuotaId;
  key: QuotaKey;
  window: QuotaWindow;
  /** What is counted, plural ("invites"). */
  noun: string;
  label: string;
}

export const QUOTAS: readonly QuotaDef[] = [
  {
    id: 'inmail_month',
    key: 'linkedin.inmail',
    window: 'month',
    noun: 'InMails',
    label: 'InMails this month',
  },
  { id: 'invite_day', key: 'linkedin.invite', window: 'day', noun: 'invites', label: 'Invites today' },
  {
    id: 'invite_week',
    key: 'linkedin.invite',
    window: 'week',
    noun: 'invites',
    label: 'Invites, last 7 days',
  },
  { id: 'message_day', key: 'linkedin.message', window: 'day', noun: 'messages', label: 'Messages today' },
  {
    id: 'message_week',
    key: 'linkedin.message',
    window: 'week',
    noun: 'messages',
    label: 'Messages, last 7 days',
  },
  { id: 'email_day', key: 'email.send', window: 'day', noun: 'emails', label: 'Emails today' },
  {
    id: 'profile_view_day',
    key: 'linkedin.profile_view',
    window: 'day',
    noun: 'profile views',
    label: 'Profile views today',
  },
  {
    id: 'profile_view_week',
    key: 'linkedin.profile_view',
    window: 'week',
    noun: 'profile views',
    label: 'Profile views, last 7 days',
  },
  {
    id: 'search_day',
    key: 'linkedin.search',
    window: 'day',
    noun: 'searches',
    label: 'LinkedIn searches today',
  },
  {
    id: 'search_week',
    key: 'linkedin.search',
    window: 'week',
    noun: 'searches',
    label: 'LinkedIn searches, last 7 days',
  },
  {
    id: 'hunter_search_month',
    key: 'hunter.search',
    window: 'month',
    noun: 'Hunter searches',
    label: 'Hunter searches this month',
  },
  {
    id: 'hunter_verification_month',
    key: 'hunter.verification',
    window: 'month',
    noun: 'Hunter verifications',
    label: 'Hunter verifications this month',
  },
];

export const QUOTA_IDS = QUOTAS.map((q) => q.id);

export const quotaDef = (id: QuotaId): QuotaDef => QUOTAS.find((q) => q.id === id)!;

export type QuotaLevel = 'ok' | 'warning' | 'exhausted';

/** One meter: a quota's use in the window that contains the moment asked about. */
export interface QuotaMeter {
  id: QuotaId;
  key: QuotaKey;
  label: string;
  noun: string;
  window: QuotaWindow;
  limit: number;
  used: number;
  remaining: number;
  /** `warning` from the warning share of the limit (80% by default), `exhausted` at the limit. */
  level: QuotaLevel;
  windowStart: string;
  windowEnd: string;
  /** When units next come back: the window's end, or for a rolling week the next midnight one frees. */
  resetsAt: string | null;
  /** A LinkedIn limit notice stops this kind whatever the counts say, until `until`. */
  notice: { message: string; at: string; until: string } | null;
  /** The last time the provider's own count was synced into the ledger (Hunter). */
  syncedAt: string | null;
}

export interface InMailOutlook {
  remaining: number;
  limit: number;
  /** The 1st of next month, the seller's date. */
  resetDate: string;
  /** Approved HOT contacts without an email, not yet sent to (the InMail candidates). */
  pendingHot: number;
  /** The seeds' advice, e.g. "Send to the top 12 HOT contacts only; use invites for the rest." */
  recommendation: string;
  level: 'enough' | 'partial' | 'critical' | 'exhausted' | 'none_waiting';
  waiting: {
    contactId: number;
    name: string;
    company: string | null;
    score: number;
    /** How the plan reaches them now: an InMail, an invite (overflow), or not planned yet. */
    planned: 'inmail' | 'invite' | null;
  }[];
}

export interface QuotaStatus {
  at: string;
  timeZone: string;
  warnAt: number;
  meters: QuotaMeter[];
  inmail: InMailOutlook;
}

/** Units used on one of the seller's days, per ledger key (for the 30-day chart). */
export interface UsageDay {
  date: string;
  used: Partial<Record<QuotaKey, number>>;
}
