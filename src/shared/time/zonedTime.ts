/**
 * Wall-clock time in an IANA time zone, from the built-in Intl (full ICU ships with Node and with
 * Chromium). Shared by the core and the renderer so "which day is it" has one answer everywhere.
 * We need only two things, "what does the clock on the seller's wall say at this instant" and its
 * inverse, so a dependency (luxon, date-fns-tz) would be more code than it saves; Temporal is not
 * in Node 22 yet. When it is, this file is the one to replace.
 */

export interface WallTime {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number;
}

export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };
const formatters = new Map<string, Intl.DateTimeFormat>();

/** The zone the operating system is set to: the seller's "local". */
export function systemTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** Throws a seller-readable error for a zone Intl does not know ("Europe/Berlinn"). */
export function assertTimeZone(timeZone: string): void {
  formatterFor(timeZone);
}

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
        weekday: 'short',
      });
    } catch {
      throw new RangeError(`"${timeZone}" is not a time zone this computer knows (e.g. "Europe/Berlin").`);
    }
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

export function wallTime(at: Date, timeZone: string): WallTime {
  const parts: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(at)) parts[part.type] = part.value;
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
    weekday: WEEKDAYS[parts.weekday ?? ''] ?? 0,
  };
}

/** Milliseconds the zone is ahead of UTC at this instant (+3_600_000 for Berlin in winter). */
export function zoneOffsetMs(at: Date, timeZone: string): number {
  const w = wallTime(at, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(at.getTime() / 1000) * 1000;
}

/**
 * The instant at which the zone's clocks show this date and time. Ambiguous and missing times are
 * resolved like Temporal's 'compatible' disambiguation: in the autumn overlap the earlier instant;
 * in the spring gap (02:30 that never happens) the clock moves forward by the gap (03:30).
 */
export function instantAt(date: CivilDate, hour: number, minute: number, timeZone: string): Date {
  const asUtc = Date.UTC(date.year, date.month - 1, date.day, hour, minute);
  // Offsets half a day either side: zones never change twice within a day.
  const before = zoneOffsetMs(new Date(asUtc - 12 * 3_600_000), timeZone);
  const after = zoneOffsetMs(new Date(asUtc + 12 * 3_600_000), timeZone);
  const candidates = [asUtc - before, asUtc - after]
    .filter((t) => {
      const w = wallTime(new Date(t), timeZone);
      return w.hour === hour && w.minute === minute && w.day === date.day;
    })
    .sort((a, b) => a - b);
  return new Date(candidates[0] ?? asUtc - before);
}

/** The calendar date `days` after `date` (negative goes back); pure calendar arithmetic. */
export function addDays(date: CivilDate, days: number): CivilDate {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export type CalendarPeriod = 'day' | 'week' | 'month';

/**
 * Where the seller's day, week (Monday 00:00) or month containing `at` began, and where the next
 * one begins. Quota windows use these, so "20 invites a day" resets at the seller's midnight.
 */
export function periodBounds(at: Date, period: CalendarPeriod, timeZone: string): { start: Date; end: Date } {
  const w = wallTime(at, timeZone);
  let first: CivilDate = { year: w.year, month: w.month, day: w.day };
  let next: CivilDate;
  if (period === 'day') {
    next = addDays(first, 1);
  } else if (period === 'week') {
    first = addDays(first, 1 - w.weekday);
    next = addDays(first, 7);
  } else {
    first = { year: w.year, month: w.month, day: 1 };
    next =
      w.month === 12 ? { year: w.year + 1, month: 1, day: 1 } : { year: w.year, month: w.month + 1, day: 1 };
  }
  return { start: instantAt(first, 0, 0, timeZone), end: instantAt(next, 0, 0, timeZone) };
}

/** The seller's calendar date at an instant. */
export function civilOf(at: Date, timeZone: string): CivilDate {
  const w = wallTime(at, timeZone);
  return { year: w.year, month: w.month, day: w.day };
}

export function formatCivil(date: CivilDate): string {
  return `${date.year}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
}

/** "2026-03-08" → a civil date; null when it is not a real calendar date. */
export function parseCivil(text: string): CivilDate | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return null;
  const date = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  const check = new Date(Date.UTC(date.year, date.month - 1, date.day));
  return check.getUTCMonth() === date.month - 1 && check.getUTCDate() === date.day ? date : null;
}

/** The seller's date at an instant, "YYYY-MM-DD": what "today" means everywhere in the app. */
export const dateOf = (at: Date, timeZone: string): string => formatCivil(civilOf(at, timeZone));

/**
 * The seller's day of a stored ISO time ("2026-03-08T07:30:00.000Z" → "2026-03-07" in Los Angeles),
 * for showing when something happened; text that is not a time is shown as it is.
 */
export function dayOfIso(iso: string, timeZone: string): string {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso.slice(0, 10) : dateOf(new Date(ms), timeZone);
}

/** The instant the seller's day `date` begins (their midnight, or the first minute after a gap). */
export const startOfDay = (date: CivilDate, timeZone: string): Date => instantAt(date, 0, 0, timeZone);
