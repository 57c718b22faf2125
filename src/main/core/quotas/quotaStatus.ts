import { QUOTAS, type QuotaKey, type QuotaMeter, type UsageDay } from '@shared/domain/quotas';
import type { Db } from '../db/database';
import type { QuotaConfig } from './config';
import { lastSync, noticeAt, usedIn } from './ledger';
import { addDays, civilOf, dateOf, formatCivil, startOfDay, windowAt } from './windows';

/** When a rolling week next gives units back: the first midnight at which its count drops. */
function weekResets(db: Db, key: QuotaKey, at: Date, used: number, timeZone: string): Date | null {
  if (used === 0) return null;
  const today = civilOf(at, timeZone);
  for (let k = 1; k <= 7; k++) {
    const start = startOfDay(addDays(today, k - 6), timeZone);
    const end = startOfDay(addDays(today, k + 1), timeZone);
    if (usedIn(db, key, start, end) < used) return startOfDay(addDays(today, k), timeZone);
  }
  return null;
}

/** Every quota's meter at `at`: used of limit in the window containing `at`, and when it resets. */
export function quotaMeters(db: Db, at: Date, config: QuotaConfig): QuotaMeter[] {
  return QUOTAS.map((quota): QuotaMeter => {
    const { start, end } = windowAt(at, quota.window, config.timeZone);
    const limit = config.limits[quota.id];
    const used = usedIn(db, quota.key, start, end);
    const notice = noticeAt(db, quota.key, at);
    const level =
      notice || used >= limit ? 'exhausted' : limit > 0 && used >= config.warnAt * limit ? 'warning' : 'ok';
    const resetsAt = quota.window === 'week' ? weekResets(db, quota.key, at, used, config.timeZone) : end;
    return {
      id: quota.id,
      key: quota.key,
      label: quota.label,
      noun: quota.noun,
      window: quota.window,
      limit,
      used,
      remaining: notice ? 0 : Math.max(0, limit - used),
      level,
      windowStart: start.toISOString(),
      windowEnd: end.toISOString(),
      resetsAt: resetsAt?.toISOString() ?? null,
      notice,
      syncedAt: lastSync(db, quota.key, start, end),
    };
  });
}

/** Units used per seller's day over the `days` days ending with the day of `at` (the usage chart). */
export function usageByDay(db: Db, at: Date, days: number, timeZone: string): UsageDay[] {
  const today = civilOf(at, timeZone);
  const first = addDays(today, -(days - 1));
  const rows = db
    .prepare(
      `SELECT quota, at, units FROM quota_ledger WHERE outcome = 'used' AND at >= ? AND at < ? ORDER BY at`,
    )
    .all(
      startOfDay(first, timeZone).toISOString(),
      startOfDay(addDays(today, 1), timeZone).toISOString(),
    ) as {
    quota: QuotaKey;
    at: string;
    units: number;
  }[];
  const byDate = new Map<string, UsageDay>();
  for (let i = 0; i < days; i++) {
    const date = formatCivil(addDays(first, i));
    byDate.set(date, { date, used: {} });
  }
  for (const row of rows) {
    const day = byDate.get(dateOf(new Date(row.at), timeZone));
    if (day) day.used[row.quota] = (day.used[row.quota] ?? 0) + row.units;
  }
  return [...byDate.values()];
}

export { windowAt };
