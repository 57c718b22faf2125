import { AppFailure } from '@shared/contract/result';
import {
  ANSWERED_STATUSES,
  CONTACTED_STATUSES,
  type DayProgress,
  type DayQueue,
  type OutreachKind,
  type OutreachStatus,
  type QueueItem,
} from '@shared/domain/outreach';
import { quotaDef, type QuotaId, type QuotaKey } from '@shared/domain/quotas';
import type { Db } from '../db/database';
import { suppressedSql } from '../suppression/suppressions';
import type { QuotaConfig } from '../quotas/config';
import { dayAllowance, type Allowance } from '../quotas/allowance';
import {
  addDays,
  formatCivil,
  parseCivil,
  startOfDay,
  wallText,
  weekdayOf,
  type CivilDate,
} from '../quotas/windows';
import { loadItemRows, toQueueItems } from './items';
import { unplannedCount } from './plan';
import { KIND_KEYS } from './route';

export function parseQueueDate(date: string): CivilDate {
  const civil = parseCivil(date);
  if (!civil) throw new AppFailure('invalid_input', `“${date}” is not a date like 2026-03-09.`);
  return civil;
}

/**
 * Items due on `date`, in queue order: priority (follow-ups, then HOT, WARM, COLD), then score,
 * then age. Never a suppressed person, never one already reached by another action; a follow-up
 * (which has a parent, so its person has been reached) never once the person has answered.
 */
function dueItems(db: Db, date: string): { id: number; kind: OutreachKind }[] {
  return db
    .prepare(
      `SELECT a.id, a.kind FROM outreach_actions a
       JOIN contacts c ON c.id = a.contact_id
       LEFT JOIN scores s ON s.contact_id = a.contact_id
       WHERE ((a.status = 'planned' AND a.planned_for <= @date) OR (a.status = 'snoozed' AND a.snoozed_until <= @date))
         AND c.merged_into IS NULL
         AND NOT ${suppressedSql('c')}
         AND NOT EXISTS (
           SELECT 1 FROM outreach_actions o WHERE o.contact_id = a.contact_id AND o.id <> a.id
             AND o.status IN (SELECT value FROM json_each(CASE WHEN a.parent_id IS NULL THEN @contacted ELSE @answered END)))
       ORDER BY a.priority, COALESCE(s.score, 0) DESC, a.id`,
    )
    .all({
      date,
      contacted: JSON.stringify(CONTACTED_STATUSES),
      answered: JSON.stringify(ANSWERED_STATUSES),
    }) as { id: number; kind: OutreachKind }[];
}

/** Items acted on during the seller's day, latest first, with what was done. */
function doneOn(
  db: Db,
  date: CivilDate,
  timeZone: string,
): { id: number; status: OutreachStatus; at: string }[] {
  const rows = db
    .prepare(
      `SELECT action_id AS id, status, at FROM outreach_events
       WHERE at >= ? AND at < ? AND status IN ('sent','skipped','snoozed')
       ORDER BY at DESC, id DESC`,
    )
    .all(startOfDay(date, timeZone).toISOString(), startOfDay(addDays(date, 1), timeZone).toISOString()) as {
    id: number;
    status: OutreachStatus;
    at: string;
  }[];
  const seen = new Set<number>();
  return rows.filter((r) => !seen.has(r.id) && seen.add(r.id));
}

/** Why some of a channel's due items wait for another day. */
function noteFor(key: QuotaKey, waiting: number, allowance: Allowance, config: QuotaConfig): string {
  const noun = quotaDef(KEY_QUOTA[key]).noun;
  if (allowance.notice)
    return `LinkedIn said “${allowance.notice.message}”: no ${noun} until ${wallText(new Date(allowance.notice.until), config.timeZone)}.`;
  const binding = allowance.binding!;
  const quota = quotaDef(binding.id);
  const used = binding.used > 0 ? ` and ${binding.used} ${binding.used === 1 ? 'is' : 'are'} used` : '';
  return `${waiting} more ${noun} wait for another day: ${quota.label.toLowerCase()} allows ${config.limits[binding.id]}${used}.`;
}

const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** Why a day outside the seller's working days hands nothing out, and when the items come back. */
function restDayNote(date: CivilDate, waiting: number, config: QuotaConfig): string {
  let next = addDays(date, 1);
  while (!config.hours.days.includes(weekdayOf(next))) next = addDays(next, 1);
  const items = waiting === 1 ? '1 due item waits' : `${waiting} due items wait`;
  return `${WEEKDAY_NAMES[weekdayOf(date) - 1]} is not one of your working days (Settings → Outreach), so nothing is handed out for it: ${items} for ${WEEKDAY_NAMES[weekdayOf(next) - 1]} ${formatCivil(next)}.`;
}

/** The quota that names a key in notes. */
const KEY_QUOTA = {
  'linkedin.invite': 'invite_day',
  'linkedin.inmail': 'inmail_month',
  'linkedin.message': 'message_day',
  'email.send': 'email_day',
  'linkedin.profile_view': 'profile_view_day',
  'linkedin.search': 'search_day',
  'hunter.search': 'hunter_search_month',
  'hunter.verification': 'hunter_verification_month',
} as const satisfies Record<QuotaKey, QuotaId>;

/**
 * The manual queue for one of the seller's days. Each channel gets no more items than the day's
 * allowance in the ledger (the day, the rolling week, the month; a LinkedIn limit notice); the
 * rest wait. A day outside the seller's working days hands out nothing: the plan's dates count
 * working days only, and LinkedIn actions stay inside them (ARCHITECTURE's safety rule). Depends
 * only on the database and the date: the same day asked twice gives the same items in the same
 * order.
 */
export function dayQueue(db: Db, date: string, config: QuotaConfig): DayQueue {
  const civil = parseQueueDate(date);
  const day = formatCivil(civil);
  const allowances = new Map<QuotaKey, Allowance>();
  const left = new Map<QuotaKey, number>();
  const allowanceOf = (key: QuotaKey) => {
    let allowance = allowances.get(key);
    if (!allowance) {
      allowance = dayAllowance(db, key, civil, config);
      allowances.set(key, allowance);
      left.set(key, allowance.left);
    }
    return allowance;
  };
  const chosen: number[] = [];
  let waiting = 0;
  const starved = new Map<QuotaKey, number>();
  const restDay = !config.hours.days.includes(weekdayOf(civil));
  for (const item of dueItems(db, day)) {
    if (restDay) {
      waiting++;
      continue;
    }
    const key = KIND_KEYS[item.kind];
    allowanceOf(key);
    const room = left.get(key)!;
    if (room > 0) {
      chosen.push(item.id);
      left.set(key, room - 1);
    } else {
      waiting++;
      starved.set(key, (starved.get(key) ?? 0) + 1);
    }
  }
  const items = toQueueItems(db, loadItemRows(db, chosen), config);
  const open = new Set(chosen);
  const doneRows = doneOn(db, civil, config.timeZone).filter((d) => !open.has(d.id));
  const doneAs = new Map(doneRows.map((d) => [d.id, d]));
  const done = toQueueItems(
    db,
    loadItemRows(
      db,
      doneRows.map((d) => d.id),
    ),
    config,
  ).map((item): QueueItem => {
    const d = doneAs.get(item.id)!;
    return { ...item, doneAs: { status: d.status, at: d.at } };
  });
  const progress: DayProgress[] = [];
  for (const kind of ['follow_up', 'inmail', 'email', 'invite', 'message'] as const) {
    const sent = done.filter((i) => i.kind === kind && i.doneAs?.status === 'sent').length;
    const total = sent + items.filter((i) => i.kind === kind).length;
    if (total > 0) progress.push({ kind, sent, total });
  }
  return {
    date: day,
    timeZone: config.timeZone,
    items,
    done,
    progress,
    waiting,
    notes:
      restDay && waiting > 0
        ? [restDayNote(civil, waiting, config)]
        : [...starved].map(([key, count]) => noteFor(key, count, allowances.get(key)!, config)),
    unplanned: unplannedCount(db),
  };
}
