import { describe, expect, it } from 'vitest';
import {
  DEFAULT_WORKING_HOURS,
  isWithinWorkingHours,
  nextAllowedTime,
  parseWorkingHours,
  type WorkingHours,
} from '../../../src/main/core/safety/workingHours';
import { instantAt, periodBounds, wallTime } from '../../../src/main/core/safety/zonedTime';

const inZone = (timeZone: string): WorkingHours => ({ ...DEFAULT_WORKING_HOURS, timeZone });
const NEW_YORK = inZone('America/New_York');
const BERLIN = inZone('Europe/Berlin');
const at = (iso: string) => new Date(iso);

describe('working hours (default 09:00–17:00, Monday to Friday)', () => {
  it('allow 16:59 and refuse 17:00', () => {
    // Wednesday 12 March 2025 in New York is EDT, UTC-4.
    expect(isWithinWorkingHours(at('2025-03-12T20:59:00Z'), NEW_YORK)).toBe(true);
    expect(isWithinWorkingHours(at('2025-03-12T20:59:59.999Z'), NEW_YORK)).toBe(true);
    expect(isWithinWorkingHours(at('2025-03-12T21:00:00Z'), NEW_YORK)).toBe(false);
  });

  it('allow 09:00 and refuse 08:59', () => {
    expect(isWithinWorkingHours(at('2025-03-12T13:00:00Z'), NEW_YORK)).toBe(true);
    expect(isWithinWorkingHours(at('2025-03-12T12:59:00Z'), NEW_YORK)).toBe(false);
  });

  it('say "now" inside the window', () => {
    const noon = at('2025-03-12T16:00:00Z');
    expect(nextAllowedTime(noon, NEW_YORK)).toEqual(noon);
  });

  it('send Friday evening to Monday 09:00', () => {
    // Friday 14 March 17:00 EDT → Monday 17 March 09:00 EDT.
    expect(nextAllowedTime(at('2025-03-14T21:00:00Z'), NEW_YORK)).toEqual(at('2025-03-17T13:00:00Z'));
    // Saturday and Sunday too.
    expect(nextAllowedTime(at('2025-03-15T15:00:00Z'), NEW_YORK)).toEqual(at('2025-03-17T13:00:00Z'));
    expect(nextAllowedTime(at('2025-03-16T23:59:00Z'), NEW_YORK)).toEqual(at('2025-03-17T13:00:00Z'));
  });

  it('send an early morning to 09:00 the same day', () => {
    expect(nextAllowedTime(at('2025-03-12T10:30:00Z'), NEW_YORK)).toEqual(at('2025-03-12T13:00:00Z'));
  });

  it('follow the time zone: the same instant is working time in Berlin and not in New York', () => {
    const instant = at('2025-03-12T09:00:00Z'); // 10:00 in Berlin, 05:00 in New York
    expect(isWithinWorkingHours(instant, BERLIN)).toBe(true);
    expect(isWithinWorkingHours(instant, NEW_YORK)).toBe(false);
    expect(isWithinWorkingHours(at('2025-03-12T16:30:00Z'), inZone('Asia/Kolkata'))).toBe(false); // 22:00 in Kolkata
    expect(nextAllowedTime(at('2025-03-12T16:30:00Z'), inZone('Asia/Kolkata'))).toEqual(
      at('2025-03-13T03:30:00Z'),
    );
  });

  it('cross a spring DST change: Friday evening to Monday 09:00 is an hour earlier in UTC', () => {
    // Berlin moves from CET (UTC+1) to CEST (UTC+2) on Sunday 30 March 2025.
    expect(nextAllowedTime(at('2025-03-28T16:00:00Z'), BERLIN)).toEqual(at('2025-03-31T07:00:00Z'));
    // New York from EST to EDT on Sunday 9 March 2025.
    expect(nextAllowedTime(at('2025-03-07T22:00:00Z'), NEW_YORK)).toEqual(at('2025-03-10T13:00:00Z'));
  });

  it('are exact on the DST change day itself, spring and autumn', () => {
    const everyDay: WorkingHours = {
      days: [1, 2, 3, 4, 5, 6, 7],
      start: '09:00',
      end: '17:00',
      timeZone: 'Europe/Berlin',
    };
    // Sunday 30 March 2025: the day has 23 hours; 09:00 CEST is 07:00Z, 17:00 CEST is 15:00Z.
    expect(isWithinWorkingHours(at('2025-03-30T06:59:00Z'), everyDay)).toBe(false);
    expect(isWithinWorkingHours(at('2025-03-30T07:00:00Z'), everyDay)).toBe(true);
    expect(isWithinWorkingHours(at('2025-03-30T14:59:00Z'), everyDay)).toBe(true);
    expect(isWithinWorkingHours(at('2025-03-30T15:00:00Z'), everyDay)).toBe(false);
    expect(nextAllowedTime(at('2025-03-30T01:30:00Z'), everyDay)).toEqual(at('2025-03-30T07:00:00Z'));
    // Sunday 26 October 2025: back to CET; 09:00 is 08:00Z.
    expect(nextAllowedTime(at('2025-10-26T03:00:00Z'), everyDay)).toEqual(at('2025-10-26T08:00:00Z'));
    expect(isWithinWorkingHours(at('2025-10-26T15:59:00Z'), everyDay)).toBe(true);
    expect(isWithinWorkingHours(at('2025-10-26T16:00:00Z'), everyDay)).toBe(false);
  });

  it('take custom days and hours', () => {
    const saturdays: WorkingHours = { days: [6], start: '10:30', end: '12:00', timeZone: 'UTC' };
    // Wednesday → the coming Saturday 10:30.
    expect(nextAllowedTime(at('2025-03-12T11:00:00Z'), saturdays)).toEqual(at('2025-03-15T10:30:00Z'));
    // Saturday 12:00 sharp → next Saturday.
    expect(nextAllowedTime(at('2025-03-15T12:00:00Z'), saturdays)).toEqual(at('2025-03-22T10:30:00Z'));
  });

  it('refuse settings that make no sense, in words a seller can act on', () => {
    expect(() => parseWorkingHours({ days: [1], start: '17:00', end: '09:00' })).toThrow(
      'Working hours must end after they start (17:00–09:00).',
    );
    expect(() => parseWorkingHours({ days: [], start: '09:00', end: '17:00' })).toThrow(/at least one/);
    expect(() => parseWorkingHours({ days: [1], start: '9am', end: '17:00' })).toThrow('like 09:00');
    expect(() =>
      parseWorkingHours({ days: [1], start: '09:00', end: '17:00', timeZone: 'Mars/Olympus' }),
    ).toThrow(/not a time zone/);
  });
});

describe('wall-clock time in a zone', () => {
  it('resolves a time that never happens (spring gap) forward, and a doubled one (autumn) to the earlier', () => {
    // 02:30 on 30 March 2025 does not exist in Berlin: it reads as 03:30 CEST.
    expect(instantAt({ year: 2025, month: 3, day: 30 }, 2, 30, 'Europe/Berlin')).toEqual(
      at('2025-03-30T01:30:00Z'),
    );
    // 02:30 on 26 October 2025 happens twice: the first, in CEST.
    expect(instantAt({ year: 2025, month: 10, day: 26 }, 2, 30, 'Europe/Berlin')).toEqual(
      at('2025-10-26T00:30:00Z'),
    );
  });

  it('gives the seller’s day, Monday-based week and month', () => {
    const instant = at('2025-03-09T05:30:00Z'); // Saturday 8 March 23:30 in Chicago (CST)
    expect(wallTime(instant, 'America/Chicago')).toMatchObject({ day: 8, hour: 23, weekday: 6 });
    expect(periodBounds(instant, 'day', 'America/Chicago')).toEqual({
      start: at('2025-03-08T06:00:00Z'),
      end: at('2025-03-09T06:00:00Z'),
    });
    // The week runs Monday 3 March (CST) to Monday 10 March (CDT: an hour earlier in UTC).
    expect(periodBounds(instant, 'week', 'America/Chicago')).toEqual({
      start: at('2025-03-03T06:00:00Z'),
      end: at('2025-03-10T05:00:00Z'),
    });
    expect(periodBounds(at('2025-12-31T23:00:00Z'), 'month', 'UTC')).toEqual({
      start: at('2025-12-01T00:00:00Z'),
      end: at('2026-01-01T00:00:00Z'),
    });
  });
});
