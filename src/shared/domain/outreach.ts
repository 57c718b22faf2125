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
