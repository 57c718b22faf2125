import type { QuotaDay } from '@shared/domain/dashboard';
import type { Db } from '../db/database';
import type { Clock } from '../clock';
import { addDays, civilOf, formatCivil, startOfDay } from '../safety/zonedTime';

/**
 * Units used per quota per day of the seller's calendar (in `timeZone`), for the last `days` days
 * ending today. Each day runs from the seller's midnight to the next, so a day across a daylight
 * saving change is 23 or 25 hours long, as the quota windows count it. A unit counts when its
 * ledger row says it was used (or synced from the provider's own count); a booking given back is
 * marked refunded and does not count, and a limit notice is not a use.
 */
export function quotaUsage(
  db: Db,
  clock: Clock,
  days: number,
  timeZone: string,
): { names: string[]; days: QuotaDay[] } {
  const first = addDays(civilOf(clock.now(), timeZone), -(days - 1));
  const dates = Array.from({ length: days + 1 }, (_, i) => addDays(first, i));
  // bounds[i] is where day i begins; bounds[days] where tomorrow begins.
  const bounds = dates.map((date) => startOfDay(date, timeZone).getTime());
  const series: QuotaDay[] = dates.slice(0, days).map((date) => ({ day: formatCivil(date), used: {} }));
  const rows = db
    .prepare(
      `SELECT quota, at, units FROM quota_ledger WHERE outcome IN ('used', 'synced') AND at >= ? AND at < ? ORDER BY at`,
    )
    .all(new Date(bounds[0]!).toISOString(), new Date(bounds[days]!).toISOString()) as {
    quota: string;
    at: string;
    units: number;
  }[];
  const names = new Set<string>();
  let index = 0;
  for (const row of rows) {
    const at = Date.parse(row.at);
    // Rows come in time order: move on to the day this one falls in.
    while (index < days - 1 && at >= bounds[index + 1]!) index++;
    const day = series[index]!;
    names.add(row.quota);
    day.used[row.quota] = (day.used[row.quota] ?? 0) + row.units;
  }
  return { names: [...names].sort(), days: series };
}
