import { AppFailure } from '@shared/contract/result';

/** Every LinkedIn action that counts against a limit. */
export type ActionKind = 'search' | 'profile_view' | 'invite' | 'inmail' | 'message';

export const ACTION_KINDS: readonly ActionKind[] = ['search', 'profile_view', 'invite', 'inmail', 'message'];

/** What an action is for, so the ledger can say which contact or queue item used a unit. */
export interface ActionRef {
  type: string;
  id: number;
}

export type GateRefusalReason =
  | 'daily_cap'
  | 'weekly_cap'
  | 'monthly_cap'
  | 'outside_working_hours'
  /** LinkedIn itself said the limit is reached; nothing of this kind until `retryAt`. */
  | 'limit_notice';

export type GateDecision =
  | { ok: true; /** Pass to `refund` if the action then does not happen. */ id: number }
  | { ok: false; reason: GateRefusalReason; message: string; retryAt?: Date };

/**
 * Asked before every LinkedIn action. In the app it is backed by the quota ledger in the database,
 * where the check and the booking are one transaction, so no cap is passed by two actions at once
 * or across a restart. `InMemoryActionGate` is the same rules without a database, for tests.
 */
export interface ActionGate {
  /** Books one unit of `kind` if the caps allow it, or says why not and when to try again. */
  reserve(kind: ActionKind, ref?: ActionRef): Promise<GateDecision>;
  /** The booked action did not happen (the seller closed the invite unsent): give the unit back. */
  refund(id: number): Promise<void>;
  /**
   * LinkedIn showed a limit notice for `kind` ("You've reached the weekly invitation limit"):
   * refuse that kind until the cap's period turns, whatever our own counts say.
   */
  recordLimitNotice(kind: ActionKind, message: string): Promise<void>;
}

/** Thrown by the LinkedIn session when the gate says no; the job pauses until `retryAt`. */
export class ActionRefused extends AppFailure {
  readonly kind: ActionKind;
  readonly reason: GateRefusalReason;
  readonly retryAt: Date | undefined;

  constructor(kind: ActionKind, refusal: Extract<GateDecision, { ok: false }>) {
    super(refusal.reason === 'outside_working_hours' ? 'not_allowed' : 'quota_exceeded', refusal.message, {
      kind,
      reason: refusal.reason,
      retryAt: refusal.retryAt?.toISOString(),
    });
    this.kind = kind;
    this.reason = refusal.reason;
    this.retryAt = refusal.retryAt;
  }
}

export interface ActionCap {
  perDay?: number;
  perWeek?: number;
  perMonth?: number;
}

export type ActionCaps = Partial<Record<ActionKind, ActionCap>>;

/**
 * Defaults, all editable in Settings. Invites and InMail are the architecture's rules (20 a day,
 * 100 a week; 50 InMails a month). Searches and profile views are conservative guesses well under
 * what LinkedIn tolerates for a normal account (the seeds' own limiter allows 100 requests a day).
 */
export const DEFAULT_ACTION_CAPS: Required<Record<ActionKind, ActionCap>> = {
  search: { perDay: 30, perWeek: 120 },
  profile_view: { perDay: 60, perWeek: 250 },
  invite: { perDay: 20, perWeek: 100 },
  inmail: { perMonth: 50 },
  message: { perDay: 30, perWeek: 150 },
};

export const ACTION_LABELS: Record<ActionKind, string> = {
  search: 'searches',
  profile_view: 'profile views',
  invite: 'invitations',
  inmail: 'InMails',
  message: 'messages',
};
