import { QUOTAS, type QuotaId, type QuotaKey } from '@shared/domain/quotas';
import type { Db } from '../db/database';
import type { QuotaConfig } from './config';
import { noticeDuring, usedIn } from './ledger';
import { addDays, startOfDay, weekdayOf, windowOfDate, type CivilDate } from './windows';

export interface Allowance {
  /** Units of this key the seller's day still has room for. */
  left: number;
  /** The limit that leaves the least room that day, with what the ledger holds in its window. */
  binding: { id: QuotaId; used: number } | null;
  notice: { message: string; until: string } | null;
}

/**
 * How many more units of `key` fit in the seller's day `date`: the least room among the key's
 * quotas over the windows that day belongs to (the day, the rolling week ending with it, its
 * month). A LinkedIn limit notice in force at any time that day leaves none. Depends only on
 * the ledger and the date, so a day's queue is the same however often it is asked for.
 */
export function dayAllowance(db: Db, key: QuotaKey, date: CivilDate, config: QuotaConfig): Allowance {
  const start = startOfDay(date, config.timeZone);
  const end = startOfDay(addDays(date, 1), config.timeZone);
  const notice = noticeDuring(db, key, start, end);
  if (notice) return { left: 0, binding: null, notice: { message: notice.message, until: notice.until } };
  let left = Infinity;
  let binding: Allowance['binding'] = null;
  for (const quota of QUOTAS.filter((q) => q.key === key)) {
    const window = windowOfDate(date, quota.window, config.timeZone);
    const used = usedIn(db, key, window.start, window.end);
    const room = Math.max(0, config.limits[quota.id] - used);
    if (room < left) {
      left = room;
      binding = { id: quota.id, used };
    }
  }
  return { left: left === Infinity ? 0 : left, binding, notice: null };
}

/**
 * The seller's working days from `from` on that `count` units of `key` need at its limits, taking
 * what the ledger already holds for the rolling week and the month. Returns the number of working
 * days and the date of the last one; null when the limits never make room (a limit of 0).
 * The ledger is read only for days whose windows reach back to what it holds; after that the
 * simulation is arithmetic, so years of invites are estimated in milliseconds.
 */
export function workingDaysNeeded(
  db: Db,
  key: QuotaKey,
  count: number,
  from: CivilDate,
  config: QuotaConfig,
): { days: number; last: CivilDate | null } | null {
  if (count <= 0) return { days: 0, last: null };
  const quotas = QUOTAS.filter((q) => q.key === key);
  if (quotas.some((q) => config.limits[q.id] <= 0)) return null;
  const dayKey = (d: CivilDate) => `${d.year}-${d.month}-${d.day}`;
  const planned = new Map<string, number>();
  const plannedIn = (first: CivilDate, last: CivilDate) => {
    let sum = 0;
    for (let d = first; dayKey(d) !== dayKey(addDays(last, 1)); d = addDays(d, 1))
      sum += planned.get(dayKey(d)) ?? 0;
    return sum;
  };
  // Past this day no window reaches back into the ledger's bookings or notices.
  const lastNotice = db
    .prepare(`SELECT max(at) FROM quota_ledger WHERE quota = ? AND outcome = 'limit_notice'`)
    .pluck()
    .get(key) as string | null;
  const readLedgerUntil = addDays(from, lastNotice ? 45 : 35);
  const afterLedger = (d: CivilDate) =>
    startOfDay(d, config.timeZone) > startOfDay(readLedgerUntil, config.timeZone);
  let left = count;
  let days = 0;
  // Twenty years: far past any plan a seller would keep, and cheap once past the ledger.
  for (let offset = 0; offset < 7300; offset++) {
    const date = addDays(from, offset);
    if (!config.hours.days.includes(weekdayOf(date))) continue;
    const start = startOfDay(date, config.timeZone);
    const end = startOfDay(addDays(date, 1), config.timeZone);
    const ledger = !afterLedger(date);
    let room = ledger && noticeDuring(db, key, start, end) ? 0 : Infinity;
    for (const quota of quotas) {
      const first =
        quota.window === 'day'
          ? date
          : quota.window === 'week'
            ? addDays(date, -6)
            : { year: date.year, month: date.month, day: 1 };
      let used = plannedIn(first, date);
      if (ledger) {
        const window = windowOfDate(date, quota.window, config.timeZone);
        used += usedIn(db, key, window.start, window.end);
      }
      room = Math.min(room, config.limits[quota.id] - used);
    }
    const today = Math.max(0, Math.min(left, room));
    if (today === 0) continue;
    planned.set(dayKey(date), today);
    left -= today;
    days++;
    if (left === 0) return { days, last: date };
  }
  return null;
}
