import { systemClock, type Clock } from '../clock';
import {
  ACTION_LABELS,
  DEFAULT_ACTION_CAPS,
  type ActionCaps,
  type ActionGate,
  type ActionKind,
  type ActionRef,
  type GateDecision,
  type GateRefusalReason,
} from './actionGate';
import { periodBounds, systemTimeZone, type CalendarPeriod } from './zonedTime';

export interface MemoryGateOptions {
  caps?: ActionCaps;
  clock?: Clock;
  /** Whose midnight and Monday the day and week caps reset at; default the computer's zone. */
  timeZone?: string;
}

export interface Booking {
  id: number;
  kind: ActionKind;
  at: Date;
  ref?: ActionRef;
  refunded: boolean;
}

const PERIODS: {
  period: CalendarPeriod;
  cap: 'perDay' | 'perWeek' | 'perMonth';
  reason: GateRefusalReason;
}[] = [
  { period: 'day', cap: 'perDay', reason: 'daily_cap' },
  { period: 'week', cap: 'perWeek', reason: 'weekly_cap' },
  { period: 'month', cap: 'perMonth', reason: 'monthly_cap' },
];

/** How long LinkedIn's own limits last: invitations are weekly, searches and InMail credits monthly. */
const NOTICE_PERIOD: Record<ActionKind, CalendarPeriod> = {
  invite: 'week',
  search: 'month',
  inmail: 'month',
  profile_view: 'day',
  message: 'day',
};

/**
 * The gate's rules over calendar periods in the seller's zone, kept in memory. For tests and the
 * CLI; the app backs `ActionGate` with the quota ledger so counts survive a restart.
 */
export class InMemoryActionGate implements ActionGate {
  readonly bookings: Booking[] = [];
  readonly notices: { kind: ActionKind; message: string; at: Date; until: Date }[] = [];
  private readonly caps: ActionCaps;
  private readonly clock: Clock;
  private readonly timeZone: string;

  constructor(options: MemoryGateOptions = {}) {
    this.caps = options.caps ?? DEFAULT_ACTION_CAPS;
    this.clock = options.clock ?? systemClock;
    this.timeZone = options.timeZone ?? systemTimeZone();
  }

  /** Units of `kind` booked and not refunded. */
  used(kind: ActionKind): number {
    return this.bookings.filter((b) => b.kind === kind && !b.refunded).length;
  }

  async reserve(kind: ActionKind, ref?: ActionRef): Promise<GateDecision> {
    const now = this.clock.now();
    const notice = this.notices.find((n) => n.kind === kind && n.until > now);
    if (notice)
      return {
        ok: false,
        reason: 'limit_notice',
        message: `LinkedIn said "${notice.message}"; no ${ACTION_LABELS[kind]} until the limit resets.`,
        retryAt: notice.until,
      };
    const cap = this.caps[kind] ?? {};
    for (const { period, cap: field, reason } of PERIODS) {
      const limit = cap[field];
      if (limit === undefined) continue;
      const { start, end } = periodBounds(now, period, this.timeZone);
      const count = this.bookings.filter(
        (b) => b.kind === kind && !b.refunded && b.at >= start && b.at < end,
      ).length;
      if (count >= limit)
        return {
          ok: false,
          reason,
          message: `The ${period}'s ${limit} ${ACTION_LABELS[kind]} are used up.`,
          retryAt: end,
        };
    }
    const booking: Booking = { id: this.bookings.length + 1, kind, at: now, refunded: false };
    if (ref) booking.ref = ref;
    this.bookings.push(booking);
    return { ok: true, id: booking.id };
  }

  async refund(id: number): Promise<void> {
    const booking = this.bookings.find((b) => b.id === id);
    if (booking) booking.refunded = true;
  }

  async recordLimitNotice(kind: ActionKind, message: string): Promise<void> {
    const at = this.clock.now();
    this.notices.push({ kind, message, at, until: periodBounds(at, NOTICE_PERIOD[kind], this.timeZone).end });
  }
}
