/**
 * The vocabulary of outreach, shared by the plan, the Today queue, the outreach log, exports and
 * the dashboard. Stored in outreach_actions.kind / .status and outreach_events.status.
 */
export type OutreachKind = 'invite' | 'inmail' | 'email' | 'follow_up' | 'message';

export const OUTREACH_KINDS: readonly OutreachKind[] = ['invite', 'inmail', 'email', 'follow_up', 'message'];

/**
 * An action's life: planned (in a day's queue) → sent | skipped | snoozed (back later);
 * after sent → accepted (invites) | replied | no_response; a pending invite may be withdrawn.
 */
export type OutreachStatus =
  'planned' | 'snoozed' | 'sent' | 'skipped' | 'accepted' | 'replied' | 'no_response' | 'withdrawn';

export const OUTREACH_STATUSES: readonly OutreachStatus[] = [
  'planned',
  'snoozed',
  'sent',
  'skipped',
  'accepted',
  'replied',
  'no_response',
  'withdrawn',
];

/** Statuses an item can be marked with, from the queue, the CLI or the log. */
export type MarkStatus =
  'sent' | 'skipped' | 'snoozed' | 'accepted' | 'replied' | 'no_response' | 'withdrawn';

export const MARK_STATUSES: readonly MarkStatus[] = [
  'sent',
  'skipped',
  'snoozed',
  'accepted',
  'replied',
  'no_response',
  'withdrawn',
];

/** Still to do: in a day's queue once due. */
export const OPEN_STATUSES: readonly OutreachStatus[] = ['planned', 'snoozed'];
/** The person has been reached: never planned or queued again. */
export const CONTACTED_STATUSES: readonly OutreachStatus[] = [
  'sent',
  'accepted',
  'replied',
  'no_response',
  'withdrawn',
];

/**
 * The person has given their answer (or the thread was ended): their open follow-ups are closed
 * when one of these is marked, and the queue never offers them a follow-up again.
 */
export const ANSWERED_STATUSES: readonly OutreachStatus[] = ['replied', 'no_response', 'withdrawn'];

/** The channels the plan routes to (follow-ups come from accepted invites). */
export type PlanKind = 'inmail' | 'email' | 'invite';

export interface PlanEntry {
  contactId: number;
  name: string;
  title: string | null;
  company: string | null;
  tier: 'HOT' | 'WARM' | 'COLD';
  score: number;
  /** null: no way to reach them (no LinkedIn profile and no email). */
  kind: PlanKind | null;
  why: string;
}

export interface OutreachPlan {
  at: string;
  /** The seller's date the plan starts on. */
  date: string;
  /** New items by channel, and the approved leads no channel can reach. */
  counts: Record<PlanKind, number> & { unreachable: number };
  /** HOT leads without email sent to invites because this month's InMails are spoken for. */
  overflow: number;
  /** Approved leads left out because they are on the do-not-contact list. */
  suppressed: number;
  /** InMails left this month after those already planned. */
  inmailRemaining: number;
  /** Items planned earlier and not yet done, by channel. */
  open: Record<PlanKind | 'follow_up', number>;
  /** When the last item (open and new) is due at the daily limits; null if a limit is 0. */
  estimatedCompletion: string | null;
  /** Working days each channel needs. */
  days: Record<PlanKind, number>;
  /** The first entries, highest priority first (the plan may hold thousands). */
  entries: PlanEntry[];
  total: number;
  /** How many items `apply` created; null for a preview. */
  applied: number | null;
}

export interface QueueItem {
  id: number;
  contactId: number;
  kind: OutreachKind;
  status: OutreachStatus;
  name: string;
  title: string | null;
  company: string | null;
  email: string | null;
  linkedinUrl: string | null;
  tier: 'HOT' | 'WARM' | 'COLD' | null;
  score: number | null;
  priority: number;
  /** Why this person and this channel: the route, then the score's sentences. */
  why: string[];
  subject: string | null;
  body: string;
  /** The seller changed the message for this person (else it is the template's). */
  edited: boolean;
  templateId: number | null;
  templateName: string | null;
  /** Variables this contact lacks (their fallbacks were used). */
  missing: string[];
  /** Why it cannot be sent as it is (over the note limit, empty), or null. */
  problem: string | null;
  plannedFor: string | null;
  snoozedUntil: string | null;
  sentAt: string | null;
  /** For items acted on that day: what was done and when. */
  doneAs: { status: OutreachStatus; at: string } | null;
}

export interface DayProgress {
  kind: OutreachKind;
  sent: number;
  /** Sent plus still to do today. */
  total: number;
}

export interface DayQueue {
  date: string;
  timeZone: string;
  /** Still to do, in order, never more than the day's allowance per channel. */
  items: QueueItem[];
  /** Acted on that day (sent, skipped, snoozed), latest first. */
  done: QueueItem[];
  progress: DayProgress[];
  /** Open items due that the day's limits leave for later days. */
  waiting: number;
  /** Why a channel has no room today (a LinkedIn limit notice, a used-up quota). */
  notes: string[];
  /** Approved leads not in any plan yet. */
  unplanned: number;
}

/** Sent items waiting for an answer, and invites pending long enough to withdraw. */
export interface Responses {
  awaiting: QueueItem[];
  withdraw: QueueItem[];
  withdrawAfterDays: number;
  /** The seller's zone: the day each was sent is shown in it. */
  timeZone: string;
}

export interface OutreachEvent {
  status: OutreachStatus;
  at: string;
  note: string | null;
}

export interface OutreachLogEntry {
  id: number;
  contactId: number;
  kind: OutreachKind;
  status: OutreachStatus;
  at: string;
  /** The message as sent (from the sent event), else the seller's edit, else null. */
  subject: string | null;
  body: string | null;
  parentId: number | null;
  events: OutreachEvent[];
}

export const KIND_LABELS: Record<OutreachKind, { one: string; many: string }> = {
  invite: { one: 'invite', many: 'invites' },
  inmail: { one: 'InMail', many: 'InMails' },
  email: { one: 'email', many: 'emails' },
  follow_up: { one: 'follow-up', many: 'follow-ups' },
  message: { one: 'message', many: 'messages' },
};

/** "7 of 20 invites sent": the day's progress, the same words on the page and in the CLI. */
export function progressText(p: DayProgress): string {
  return `${p.sent} of ${p.total} ${p.total === 1 ? KIND_LABELS[p.kind].one : KIND_LABELS[p.kind].many} sent`;
}
