import { systemClock, type Clock } from '../clock';
import type { ActionGate, GateDecision } from './actionGate';
import {
  DEFAULT_WORKING_HOURS,
  isWithinWorkingHours,
  nextAllowedTime,
  type WorkingHours,
} from './workingHours';

/**
 * Wraps a gate (the ledger) so that nothing is booked outside working hours, and a cap that resets
 * at midnight on Friday says "try again Monday 09:00", not "Saturday 00:00". `hours` may be a
 * function: the app reads the seller's Settings at every action, so a change applies to a browser
 * that is already open.
 */
export function withWorkingHours(
  inner: ActionGate,
  options: { hours?: WorkingHours | (() => WorkingHours); clock?: Clock } = {},
): ActionGate {
  const source = options.hours ?? DEFAULT_WORKING_HOURS;
  const hoursNow = typeof source === 'function' ? source : () => source;
  const clock = options.clock ?? systemClock;
  return {
    async reserve(kind, ref): Promise<GateDecision> {
      const now = clock.now();
      const hours = hoursNow();
      if (!isWithinWorkingHours(now, hours))
        return {
          ok: false,
          reason: 'outside_working_hours',
          message: `LinkedIn actions wait for working hours (${hours.start}–${hours.end}).`,
          retryAt: nextAllowedTime(now, hours),
        };
      const decision = await inner.reserve(kind, ref);
      if (decision.ok || !decision.retryAt) return decision;
      return { ...decision, retryAt: nextAllowedTime(decision.retryAt, hours) };
    },
    refund: (id) => inner.refund(id),
    recordLimitNotice: (kind, message) => inner.recordLimitNotice(kind, message),
  };
}
