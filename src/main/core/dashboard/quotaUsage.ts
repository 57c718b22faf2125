import type { QuotaDay } from '@shared/domain/dashboard';
import type { Db } from '../db/database';
import type { Clock } from '../clock';

const DAY = 86_400_000;

/** The local day (YYYY-MM-DD) of a UTC time, for a time zone `offset` minutes behind UTC. */
const localDay = (ms: number, offsetMinutes: number) =>
  new Date(ms - offsetMinutes * 60_000).toISOString().slice(0, 10);

/**
 * Units used per quota per local day, for the last `days` days ending today. A unit counts when
 * its ledger row says it was used (or synced from the provider's own count); a booking given back
 * is marked refunded and does not count, and a limit notice is not a use.
 */
export function quotaUsage(
  db: Db,
  clock: Clock,
  days: number,
  offsetMinutes: number,
): { names: string[]; days: QuotaDay[] } {
  const today = localDay(clock.now().getTime(), offsetMinutes);
  const first = Date.parse(`${today}T00:00:00Z`) - (days - 1) * DAY;
  const series: QuotaDay[] = Array.from({ length: days }, (_, i) => ({
    day: new Date(first + i * DAY).toISOString().slice(0, 10),
    used: {},
  }));
  const byDay = new Map(series.map((d) => [d.day, d]));
  const rows = db
    .prepare(
      `SELECT quota, at, units FROM quota_ledger WHERE outcome IN ('used', 'synced') AND at >= ? ORDER BY at`,
    )
    .all(new Date(first + offsetMinutes * 60_000).toISOString()) as {
    quota: string;
    at: string;
    units: number;
  }[];
  const names = new Set<string>();
  for (const row of rows) {
    const day = byDay.get(localDay(Date.parse(row.at), offsetMinutes));
    if (!day) continue;
    names.add(row.quota);
    day.used[row.quota] = (day.used[row.quota] ?? 0) + row.units;
  }
  return { names: [...names].sort(), days: series };
}
