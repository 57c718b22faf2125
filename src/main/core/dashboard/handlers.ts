import {
  RATE_DIMENSIONS,
  type DashboardData,
  type RateDimension,
  type RateRow,
} from '@shared/domain/dashboard';
import type { CoreHandler } from '../handlers';
import type { Db } from '../db/database';
import type { Clock } from '../clock';
import { funnel } from './funnel';
import { ratesBy } from './rates';
import { quotaUsage } from './quotaUsage';
import { factorOutcomes } from './factorOutcomes';
import { cacheOf } from './versionedCache';
import { sellerTimeZone } from '../quotas/config';
import { dateOf } from '../safety/zonedTime';

const standing = (db: Db) =>
  db.prepare('SELECT count(*) FROM contacts WHERE merged_into IS NULL').pluck().get() as number;

const TIERS = ['HOT', 'WARM', 'COLD', 'Not scored'] as const;

/** Everything the dashboard shows, in one read; quota days are the seller's (their outreach time zone). */
export function dashboardData(
  db: Db,
  clock: Clock,
  quotaDays = 30,
  timeZone = sellerTimeZone(db),
): DashboardData {
  const tierCounts = new Map(
    (
      db
        .prepare(
          `SELECT coalesce(s.tier, 'Not scored') AS tier, count(*) AS n FROM contacts c LEFT JOIN scores s ON s.contact_id = c.id
           WHERE c.merged_into IS NULL GROUP BY 1`,
        )
        .all() as { tier: string; n: number }[]
    ).map((r) => [r.tier, r.n]),
  );
  return {
    contacts: standing(db),
    funnel: funnel(db),
    tiers: TIERS.map((tier) => ({ tier, count: tierCounts.get(tier) ?? 0 })),
    rates: Object.fromEntries(RATE_DIMENSIONS.map(({ id }) => [id, ratesBy(db, id)])) as Record<
      RateDimension,
      RateRow[]
    >,
    quotas: quotaUsage(db, clock, quotaDays, timeZone),
  };
}

export const dashboardHandlers = {
  'dashboard.status': ((_input, ctx) => ({
    contacts: standing(ctx.db),
  })) satisfies CoreHandler<'dashboard.status'>,
  'dashboard.data': ((input, ctx) => {
    const days = input?.quotaDays ?? 30;
    const timeZone = sellerTimeZone(ctx.db);
    // The quota days move with the seller's day, so the zone and today in it are part of the key.
    const key = `data:${days}:${timeZone}:${dateOf(ctx.clock.now(), timeZone)}`;
    return cacheOf(ctx.db).get(ctx.db, key, () => dashboardData(ctx.db, ctx.clock, days, timeZone));
  }) satisfies CoreHandler<'dashboard.data'>,
  'dashboard.factorOutcomes': ((_input, ctx) =>
    cacheOf(ctx.db).get(ctx.db, 'factors', () =>
      factorOutcomes(ctx.db),
    )) satisfies CoreHandler<'dashboard.factorOutcomes'>,
};
