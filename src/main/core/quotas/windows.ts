import type { QuotaWindow } from '@shared/domain/quotas';
import { addDays, civilOf, periodBounds, startOfDay, wallTime, type CivilDate } from '../safety/zonedTime';

/**
 * Quota windows on the seller's calendar. Day and month come from the safety module's
 * periodBounds; the week rolls: the day of `at` and the six before it, each starting at the
 * seller's midnight, so a daylight-saving change inside the week is handled by instantAt.
 */
export function windowAt(at: Date, window: QuotaWindow, timeZone: string): { start: Date; end: Date } {
  if (window !== 'week') return periodBounds(at, window, timeZone);
  const today = civilOf(at, timeZone);
  return { start: startOfDay(addDays(today, -6), timeZone), end: startOfDay(addDays(today, 1), timeZone) };
}

/** The window of `window` for the seller's date `date` (a day, the week ending that day, its month). */
export function windowOfDate(
  date: CivilDate,
  window: QuotaWindow,
  timeZone: string,
): { start: Date; end: Date } {
  return windowAt(startOfDay(date, timeZone), window, timeZone);
}

/** ISO weekday (1 = Monday) of a civil date; calendar arithmetic, no zone needed. */
export function weekdayOf(date: CivilDate): number {
  const day = new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
  return day === 0 ? 7 : day;
}

/** "2026-03-09 00:00" on the seller's wall clock: how refusals and meters say when. */
export function wallText(at: Date, timeZone: string): string {
  const w = wallTime(at, timeZone);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${w.year}-${pad(w.month)}-${pad(w.day)} ${pad(w.hour)}:${pad(w.minute)}`;
}

// The calendar helpers the quota code has always imported from here; one implementation, in shared.
export {
  addDays,
  civilOf,
  dateOf,
  formatCivil,
  parseCivil,
  startOfDay,
  type CivilDate,
} from '../safety/zonedTime';
