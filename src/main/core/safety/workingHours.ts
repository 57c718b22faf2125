import { addDays, assertTimeZone, instantAt, systemTimeZone, wallTime, type CivilDate } from './zonedTime';

/**
 * When LinkedIn actions may happen. A person browses LinkedIn in office hours on weekdays; a tool
 * that searches at 3 a.m. on a Sunday looks like what it is. The window is [start, end): at 16:59
 * an action may start, at 17:00 it may not.
 */
export interface WorkingHours {
  /** ISO weekdays the seller works: 1 = Monday … 7 = Sunday. */
  days: readonly number[];
  /** "HH:MM", 24-hour, on the seller's wall clock. */
  start: string;
  end: string;
  /** IANA zone ("America/Chicago"); omitted means the computer's own zone. */
  timeZone?: string;
}

export const DEFAULT_WORKING_HOURS: WorkingHours = Object.freeze({
  days: Object.freeze([1, 2, 3, 4, 5]),
  start: '09:00',
  end: '17:00',
});

interface ParsedHours {
  days: Set<number>;
  start: number;
  end: number;
  timeZone: string;
}

function minutesOf(hhmm: string, label: string): number {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(hhmm);
  if (!match) throw new RangeError(`Working hours ${label} must be a time like 09:00, not "${hhmm}".`);
  return Number(match[1]) * 60 + Number(match[2]);
}

/** Checks the settings once, with messages a seller can act on. */
export function parseWorkingHours(hours: WorkingHours): ParsedHours {
  const start = minutesOf(hours.start, 'start');
  const end = minutesOf(hours.end, 'end');
  // Overnight windows (22:00–06:00) are not something a seller browsing LinkedIn needs.
  if (end <= start)
    throw new RangeError(`Working hours must end after they start (${hours.start}–${hours.end}).`);
  const days = new Set(hours.days);
  if (days.size === 0 || [...days].some((d) => !Number.isInteger(d) || d < 1 || d > 7))
    throw new RangeError('Working days must be at least one of Monday (1) to Sunday (7).');
  const timeZone = hours.timeZone ?? systemTimeZone();
  assertTimeZone(timeZone);
  return { days, start, end, timeZone };
}

function windowOn(date: CivilDate, h: ParsedHours): { open: Date; close: Date } {
  return {
    open: instantAt(date, Math.floor(h.start / 60), h.start % 60, h.timeZone),
    close: instantAt(date, Math.floor(h.end / 60), h.end % 60, h.timeZone),
  };
}

export function isWithinWorkingHours(at: Date, hours: WorkingHours = DEFAULT_WORKING_HOURS): boolean {
  const h = parseWorkingHours(hours);
  const w = wallTime(at, h.timeZone);
  if (!h.days.has(w.weekday)) return false;
  // Compared as instants, not wall minutes, so a window on a DST-change day is still exact.
  const { open, close } = windowOn({ year: w.year, month: w.month, day: w.day }, h);
  return at >= open && at < close;
}

/** `at` itself when actions are allowed now, else the moment the next working window opens. */
export function nextAllowedTime(at: Date, hours: WorkingHours = DEFAULT_WORKING_HOURS): Date {
  const h = parseWorkingHours(hours);
  const w = wallTime(at, h.timeZone);
  const today: CivilDate = { year: w.year, month: w.month, day: w.day };
  for (let offset = 0; offset <= 7; offset++) {
    const date = addDays(today, offset);
    const weekday = ((w.weekday - 1 + offset) % 7) + 1;
    if (!h.days.has(weekday)) continue;
    const { open, close } = windowOn(date, h);
    if (at < open) return open;
    if (at < close) return at;
  }
  // Unreachable: with at least one working day, a window opens within the next 7 days.
  throw new Error('No working window within a week.');
}
