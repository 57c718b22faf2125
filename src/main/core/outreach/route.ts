import type { OutreachKind, PlanKind } from '@shared/domain/outreach';

/** What routing needs to know about an approved lead. */
export interface RouteFacts {
  tier: 'HOT' | 'WARM' | 'COLD';
  hasEmail: boolean;
  hasLinkedin: boolean;
}

export interface Route {
  kind: PlanKind | null;
  why: string;
  /** A HOT lead without email that an InMail would have reached, sent to an invite instead. */
  overflow: boolean;
}

/**
 * The architecture's routing rule, one lead at a time. Leads must come highest score first, and
 * `inmailsLeft` is what this month's InMails allow: HOT without email takes an InMail while they
 * last; HOT with email gets an email; everyone else, and the InMail overflow, gets an invite with
 * a note. An invite or InMail needs a LinkedIn profile; without one, an email if there is an
 * address, else the lead cannot be reached.
 */
export function routeLead(lead: RouteFacts, inmailsLeft: number): Route {
  if (lead.tier === 'HOT' && lead.hasEmail)
    return { kind: 'email', why: 'HOT with an email: email', overflow: false };
  if (lead.tier === 'HOT' && lead.hasLinkedin) {
    if (inmailsLeft > 0)
      return { kind: 'inmail', why: 'HOT without an email: one of this month’s InMails', overflow: false };
    return {
      kind: 'invite',
      why: 'HOT without an email, but this month’s InMails are spoken for: invite with a note',
      overflow: true,
    };
  }
  if (lead.hasLinkedin)
    return { kind: 'invite', why: `${lead.tier}: connection invite with a note`, overflow: false };
  if (lead.hasEmail)
    return { kind: 'email', why: `${lead.tier}, no LinkedIn profile: email`, overflow: false };
  return { kind: null, why: 'No LinkedIn profile and no email: nothing to reach them by', overflow: false };
}

/** The route's sentence for an item already planned (the queue says why this channel). */
export function routeReason(kind: OutreachKind, tier: RouteFacts['tier'] | null, hasEmail: boolean): string {
  if (kind === 'follow_up') return 'Accepted your invite: follow-up message';
  if (kind === 'message') return 'LinkedIn message';
  if (kind === 'inmail') return 'HOT without an email: InMail';
  if (kind === 'email') return tier === 'HOT' ? 'HOT with an email: email' : 'No LinkedIn profile: email';
  if (tier === 'HOT' && !hasEmail) return 'HOT without an email; InMails spoken for: invite with a note';
  return `${tier ?? 'Unscored'}: connection invite with a note`;
}

/** Queue order: follow-ups (conversations under way) first, then HOT, WARM, COLD. */
export const PRIORITY: Record<RouteFacts['tier'] | 'follow_up', number> = {
  follow_up: 0,
  HOT: 1,
  WARM: 2,
  COLD: 3,
};

/** The ledger key a kind of outreach counts against. */
export const KIND_KEYS = {
  invite: 'linkedin.invite',
  inmail: 'linkedin.inmail',
  email: 'email.send',
  follow_up: 'linkedin.message',
  message: 'linkedin.message',
} as const satisfies Record<OutreachKind, string>;
