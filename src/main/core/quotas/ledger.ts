import { QUOTAS, type QuotaId, type QuotaKey, type QuotaWindow } from '@shared/domain/quotas';
import type { Db } from '../db/database';
import { statement } from '../db/statementCache';
import type { GateRefusalReason } from '../safety/actionGate';
import { instantAt, wallTime } from '../safety/zonedTime';
import type { QuotaConfig } from './config';
import { addDays, civilOf, formatCivil, startOfDay, wallText, windowAt } from './windows';

/**
 * The one quota ledger (quota_ledger): every limited action books units here under its key, with
 * what it was for. A unit counts while its outcome is `used`; a refund keeps the row and marks it
 * `refunded`; a LinkedIn limit notice and a provider's own count (Hunter) are rows of their own.
 *
 * The check and the booking must happen in one transaction that holds SQLite's write lock from
 * its first read — BEGIN IMMEDIATE — so that of two connections (the app and the CLI, two job
 * workers) reaching for the last unit, the second waits for the first to commit and then sees it.
 * `reserveUnits` does that; `tryBook` is for callers already inside an immediate transaction.
 */

export interface LedgerRef {
  type: string;
  id: number;
}

export interface QuotaRefusal {
  ok: false;
  quota: QuotaId;
  reason: GateRefusalReason;
  message: string;
  /** When a unit is free again; absent when the limit itself leaves no room (a limit of 0). */
  retryAt?: Date;
}

export type BookingResult = { ok: true; id: number } | QuotaRefusal;

export interface LimitNotice {
  message: string;
  at: string;
  until: string;
}

const REASONS: Record<QuotaWindow, GateRefusalReason> = {
  day: 'daily_cap',
  week: 'weekly_cap',
  month: 'monthly_cap',
};

const quotasOf = (key: QuotaKey) => QUOTAS.filter((q) => q.key === key);

/**
 * Units of `key` used in [start, end). When the provider's own count was synced inside the window
 * (Hunter's "used this month"), that count plus what we booked after it is the floor: credits the
 * seller spent outside the app count too, and we never count fewer than we booked ourselves.
 */
export function usedIn(db: Db, key: QuotaKey, start: Date, end: Date): number {
  const from = start.toISOString();
  const to = end.toISOString();
  const own = statement(
    db,
    `SELECT COALESCE(SUM(units), 0) FROM quota_ledger WHERE quota = ? AND outcome = 'used' AND at >= ? AND at < ?`,
  )
    .pluck()
    .get(key, from, to) as number;
  const sync = statement(
    db,
    `SELECT id, at, units FROM quota_ledger WHERE quota = ? AND outcome = 'synced' AND at >= ? AND at < ?
     ORDER BY at DESC, id DESC LIMIT 1`,
  ).get(key, from, to) as { id: number; at: string; units: number } | undefined;
  if (!sync) return own;
  const after = statement(
    db,
    `SELECT COALESCE(SUM(units), 0) FROM quota_ledger
     WHERE quota = ? AND outcome = 'used' AND id > ? AND at >= ? AND at < ?`,
  )
    .pluck()
    .get(key, sync.id, sync.at, to) as number;
  return Math.max(own, sync.units + after);
}

/** The latest LinkedIn limit notice for `key` in force at some moment of [from, to). */
export function noticeDuring(db: Db, key: QuotaKey, from: Date, to: Date): LimitNotice | null {
  const rows = statement(
    db,
    `SELECT at, note FROM quota_ledger WHERE quota = ? AND outcome = 'limit_notice' AND at < ?
     ORDER BY at DESC, id DESC LIMIT 20`,
  ).all(key, to.toISOString()) as { at: string; note: string | null }[];
  for (const row of rows) {
    const note = parseNote(row.note);
    if (note.until && note.until > from.toISOString())
      return { message: note.message ?? 'limit reached', at: row.at, until: note.until };
  }
  return null;
}

export const noticeAt = (db: Db, key: QuotaKey, at: Date) =>
  noticeDuring(db, key, at, new Date(at.getTime() + 1));

function parseNote(note: string | null): { message?: string; until?: string } {
  if (!note) return {};
  try {
    return JSON.parse(note) as { message?: string; until?: string };
  } catch {
    return {};
  }
}

/** The moment the week's window has room for `units` again, or undefined within the next 7 days. */
function weekFreesAt(db: Db, key: QuotaKey, at: Date, units: number, limit: number, timeZone: string) {
  const today = civilOf(at, timeZone);
  for (let k = 1; k <= 7; k++) {
    const start = startOfDay(addDays(today, k - 6), timeZone);
    const end = startOfDay(addDays(today, k + 1), timeZone);
    if (usedIn(db, key, start, end) + units <= limit) return startOfDay(addDays(today, k), timeZone);
  }
  return undefined;
}

const PERIOD_WORDS: Record<QuotaWindow, { which: string; per: string }> = {
  day: { which: "Today's", per: 'a day' },
  week: { which: 'The last 7 days’', per: 'a rolling week' },
  month: { which: "This month's", per: 'a month' },
};

/**
 * Why `units` more of `key` at `at` would pass a limit, or null when they fit. With several
 * limits passed (the day's and the week's), the one that frees last is reported: that is when the
 * action can really happen.
 */
export function checkQuotas(
  db: Db,
  key: QuotaKey,
  at: Date,
  units: number,
  config: QuotaConfig,
): QuotaRefusal | null {
  const quotas = quotasOf(key);
  const notice = noticeAt(db, key, at);
  if (notice)
    return {
      ok: false,
      quota: quotas[0]!.id,
      reason: 'limit_notice',
      message: `LinkedIn said “${notice.message}”; no ${quotas[0]!.noun} until ${wallText(new Date(notice.until), config.timeZone)} (${config.timeZone}).`,
      retryAt: new Date(notice.until),
    };
  let worst: QuotaRefusal | null = null;
  for (const quota of quotas) {
    const limit = config.limits[quota.id];
    const { start, end } = windowAt(at, quota.window, config.timeZone);
    const used = usedIn(db, key, start, end);
    if (used + units <= limit) continue;
    const retryAt =
      quota.window === 'week'
        ? weekFreesAt(db, key, at, units, limit, config.timeZone)
        : units <= limit
          ? end
          : undefined;
    const words = PERIOD_WORDS[quota.window];
    const state =
      used >= limit
        ? `${words.which} ${limit} ${quota.noun} are used (limit ${limit} ${words.per})`
        : `Only ${limit - used} of ${words.which.toLowerCase()} ${limit} ${quota.noun} are left; this needs ${units}`;
    const when = retryAt
      ? `; more from ${wallText(retryAt, config.timeZone)} (${config.timeZone}).`
      : '; raise the limit in Settings to do more.';
    const refusal: QuotaRefusal = {
      ok: false,
      quota: quota.id,
      reason: REASONS[quota.window],
      message: `${state}${when}`,
    };
    if (retryAt) refusal.retryAt = retryAt;
    if (!worst || (worst.retryAt && (!retryAt || retryAt > worst.retryAt))) worst = refusal;
  }
  if (worst) return worst;
  for (const quota of quotas) {
    if (quota.window !== 'week') continue;
    const later = laterWeekRefusal(db, key, at, units, config.limits[quota.id], config.timeZone);
    if (later) return { ok: false, quota: quota.id, reason: REASONS.week, message: later };
  }
  return null;
}

/**
 * A unit at `at` also counts in the rolling weeks ending on each of the six days after its day. A
 * mark entered late (or, before marks were held to now, early) must fit those too, or the week
 * ending on a later day would hold more than the limit. Days and months are calendar periods:
 * `at` is in only one of each, checked above. The reason given is the first such week that is full.
 */
function laterWeekRefusal(
  db: Db,
  key: QuotaKey,
  at: Date,
  units: number,
  limit: number,
  timeZone: string,
): string | null {
  const day = civilOf(at, timeZone);
  const noun = QUOTAS.find((q) => q.key === key)!.noun;
  for (let k = 1; k <= 6; k++) {
    const start = startOfDay(addDays(day, k - 6), timeZone);
    const end = startOfDay(addDays(day, k + 1), timeZone);
    const used = usedIn(db, key, start, end);
    if (used + units > limit)
      return `The 7 days to ${formatCivil(addDays(day, k))} already hold ${used} ${noun} (limit ${limit} a rolling week); ${units === 1 ? 'one' : units} more on ${formatCivil(day)} would pass it.`;
  }
  return null;
}

/** Books without checking; only for callers that have just checked in the same transaction. */
function book(db: Db, key: QuotaKey, at: Date, units: number, ref?: LedgerRef, note?: string): number {
  return Number(
    statement(
      db,
      `INSERT INTO quota_ledger (quota, at, units, outcome, ref_type, ref_id, note) VALUES (?, ?, ?, 'used', ?, ?, ?)`,
    ).run(key, at.toISOString(), units, ref?.type ?? null, ref?.id ?? null, note ?? null).lastInsertRowid,
  );
}

/** Check and book; the caller must hold an immediate transaction (see `reserveUnits`). */
export function tryBook(
  db: Db,
  key: QuotaKey,
  at: Date,
  units: number,
  config: QuotaConfig,
  ref?: LedgerRef,
  note?: string,
): BookingResult {
  if (!db.inTransaction) throw new Error('tryBook must run inside an immediate transaction.');
  const refusal = checkQuotas(db, key, at, units, config);
  if (refusal) return refusal;
  return { ok: true, id: book(db, key, at, units, ref, note) };
}

/** Check and book in one BEGIN IMMEDIATE transaction: no limit is passed by two at once. */
export function reserveUnits(
  db: Db,
  key: QuotaKey,
  at: Date,
  units: number,
  config: QuotaConfig,
  ref?: LedgerRef,
  note?: string,
): BookingResult {
  return db.transaction(() => tryBook(db, key, at, units, config, ref, note)).immediate();
}

/** Gives a booked unit back (the action did not happen); false if it was not a live booking. */
export function refundBooking(db: Db, id: number): boolean {
  return (
    statement(db, `UPDATE quota_ledger SET outcome = 'refunded' WHERE id = ? AND outcome = 'used'`).run(id)
      .changes > 0
  );
}

/**
 * How long a LinkedIn limit notice stops its kind. Invitations: a week from the notice (LinkedIn's
 * invitation limit is weekly); InMail and searches: to the end of the month (their credits are
 * monthly); anything else: to the seller's midnight.
 */
export function noticeUntil(key: QuotaKey, at: Date, timeZone: string): Date {
  if (key === 'linkedin.invite') {
    const w = wallTime(at, timeZone);
    return instantAt(addDays(civilOf(at, timeZone), 7), w.hour, w.minute, timeZone);
  }
  const window: QuotaWindow = ['linkedin.inmail', 'linkedin.search', 'hunter.search'].includes(key)
    ? 'month'
    : 'day';
  return windowAt(at, window, timeZone).end;
}

export function recordNotice(
  db: Db,
  key: QuotaKey,
  message: string,
  at: Date,
  timeZone: string,
): LimitNotice {
  const until = noticeUntil(key, at, timeZone).toISOString();
  const text = message.trim() || 'limit reached';
  statement(
    db,
    `INSERT INTO quota_ledger (quota, at, units, outcome, note) VALUES (?, ?, 0, 'limit_notice', ?)`,
  ).run(key, at.toISOString(), JSON.stringify({ message: text, until }));
  return { message: text, at: at.toISOString(), until };
}

/** A provider's own count of units used in the current window (Hunter's account endpoint). */
export function recordSync(
  db: Db,
  key: QuotaKey,
  used: number,
  at: Date,
  details: Record<string, unknown>,
): void {
  statement(
    db,
    `INSERT INTO quota_ledger (quota, at, units, outcome, note) VALUES (?, ?, ?, 'synced', ?)`,
  ).run(key, at.toISOString(), Math.max(0, Math.round(used)), JSON.stringify(details));
}

export function lastSync(db: Db, key: QuotaKey, start: Date, end: Date): string | null {
  return (
    (statement(
      db,
      `SELECT at FROM quota_ledger WHERE quota = ? AND outcome = 'synced' AND at >= ? AND at < ? ORDER BY at DESC LIMIT 1`,
    )
      .pluck()
      .get(key, start.toISOString(), end.toISOString()) as string | undefined) ?? null
  );
}
